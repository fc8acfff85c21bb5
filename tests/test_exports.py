"""The summary in the browser and its exports; consent governs what is shared with whom."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from fhir.resources.R4B.questionnaire import Questionnaire as FhirQuestionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from tests.conftest import invite, start_invited
from tests.plans import ARABIC_URGENT
from tests.test_participant_routes import answer_all


@pytest.fixture
def submitted(app, caseworker_x, services, questionnaire):
    """An Arabic intake with an urgent flag; Försäkringskassan: no, region: yes."""
    participant = start_invited(TestClient(app), invite(caseworker_x, "ar"), "ar")
    answer_all(participant, ARABIC_URGENT, questionnaire)
    participant.client.post(f"{participant.base}/submit")
    return services.store.intake_by_token(participant.token)


def test_dashboard_lists_urgent_first_with_flags_and_filters(
    caseworker_x, submitted, app, services
) -> None:
    start_invited(TestClient(app), invite(caseworker_x))  # another, calm, newer intake
    page = caseworker_x.get("/staff").text
    rows = page[page.index('<table class="grid">') :]
    first = rows.index("<tr", rows.index("</tr>"))
    assert 'class="urgent"' in rows[first : first + 30] and "Brådskande" in rows
    only_urgent = caseworker_x.get("/staff", params={"flag": "urgent"}).text
    assert only_urgent.count('<tr class="urgent">') == 1
    invited = caseworker_x.get("/staff", params={"status": "invited"}).text
    assert "Inbjuden" in invited
    fragment = caseworker_x.get(
        "/staff", params={"status": "submitted"}, headers={"HX-Request": "true"}
    ).text
    assert "<head>" not in fragment and 'id="rows"' in fragment


def test_summary_page_is_swedish_with_print_styles(caseworker_x, submitted) -> None:
    page = caseworker_x.get(f"/staff/intakes/{submitted.reference}")
    assert page.status_code == 200
    html = page.text
    assert html.index("Brådskande") < html.index("Tecken på ohälsa eller funktionsnedsättning")
    assert "inte en diagnos" in html and "skrivet på arabiska" in html.lower()
    assert "<th>Textversion</th>" in html and "<th>Tidpunkt för svaret</th>" in html
    css = caseworker_x.get("/static/intake.css").text
    assert "@media print" in css and "size: A4" in css


def test_json_export_is_versioned_and_complete(caseworker_x, submitted) -> None:
    response = caseworker_x.get(f"/staff/intakes/{submitted.reference}/summary.json")
    assert response.headers["content-disposition"].startswith("attachment")
    data = response.json()
    assert data["schema"] == "intake-summary/1" and data["urgent"][0]["id"] == "self_harm"


def test_fhir_exports_validate(caseworker_x, submitted) -> None:
    questionnaire = caseworker_x.get("/staff/fhir/Questionnaire.json").json()
    FhirQuestionnaire.model_validate(questionnaire)
    response = caseworker_x.get(f"/staff/intakes/{submitted.reference}/fhir.json").json()
    parsed = QuestionnaireResponse.model_validate(response)
    assert parsed.status == "completed"
    assert response["questionnaire"].startswith(questionnaire["url"])


def test_consent_governs_sharing(caseworker_x, submitted, services) -> None:
    ref = submitted.reference
    refused = caseworker_x.get(f"/staff/intakes/{ref}", params={"recipient": "forsakringskassan"})
    assert refused.status_code == 403
    assert "inte samtyckt" in refused.text and ARABIC_URGENT["anything_else"] not in refused.text
    assert (
        caseworker_x.get(
            f"/staff/intakes/{ref}/summary.json", params={"recipient": "forsakringskassan"}
        ).status_code
        == 403
    )
    assert (
        caseworker_x.get(
            f"/staff/intakes/{ref}/fhir.json", params={"recipient": "social_services"}
        ).status_code
        == 403
    )
    shared = caseworker_x.get(
        f"/staff/intakes/{ref}/fhir.json", params={"recipient": "region_health"}
    )
    assert shared.status_code == 200
    events = [(e.action, e.detail) for e in services.audit.events()]
    assert ("export.refused", "json recipient=forsakringskassan") in events
    assert ("export", "fhir recipient=region_health") in events


def test_summary_states_consents_with_time_and_wording_version(caseworker_x, submitted) -> None:
    data = caseworker_x.get(f"/staff/intakes/{submitted.reference}/summary.json").json()
    by = {c["recipient"]: c for c in data["consents"]}
    assert by["forsakringskassan"]["given"] is False
    assert by["region_health"]["given"] is True and by["region_health"]["answered_at"]
    assert by["region_health"]["wording_version"] == "2026-11-1"


def test_answers_not_yet_sent_stay_the_participants(
    caseworker_x, app, services, questionnaire
) -> None:
    participant = start_invited(TestClient(app), invite(caseworker_x, "ar"), "ar")
    answer_all(participant, ARABIC_URGENT, questionnaire)  # all answered, not sent
    reference = services.store.intake_by_token(participant.token).reference
    page = caseworker_x.get(f"/staff/intakes/{reference}")
    assert page.status_code == 409
    assert "Deltagaren har inte skickat sina svar ännu" in page.text
    assert "Brådskande" not in page.text
    for export in ("summary.json", "fhir.json"):
        response = caseworker_x.get(f"/staff/intakes/{reference}/{export}")
        assert response.status_code == 409, export
    assert caseworker_x.get("/staff", params={"flag": "urgent"}).text.count('class="urgent"') == 0
