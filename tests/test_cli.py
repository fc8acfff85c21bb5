"""The command line: the Swedish summary in three formats, and the list of intakes."""

from __future__ import annotations

import json

import pytest

from intake.cli import main
from tests.conftest import Participant
from tests.plans import ARABIC_URGENT
from tests.test_participant_routes import answer_all


@pytest.fixture
def submitted(client, services, settings, monkeypatch, questionnaire):
    monkeypatch.setenv("INTAKE_DATA_DIR", str(settings.data_dir))
    p = Participant(client, "ar")
    answer_all(p, ARABIC_URGENT, questionnaire)
    client.post(f"{p.base}/submit")
    return services.store.intake_by_token(p.token)


def run(capsys, *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_summary_text_is_swedish_with_urgent_flag_first(submitted, capsys) -> None:
    out = run(capsys, "summary", submitted.reference, "--format", "text")
    urgent = out.index("## Brådskande")
    assert urgent < out.index("Tankar på att skada sig själv") < out.index("## Tecken på")
    assert "inte en diagnos" in out
    assert "skrivet på arabiska" in out.lower()
    assert ARABIC_URGENT["anything_else"] in out  # the participant's own words, verbatim
    assert "Försäkringskassan: Nej" in out and "Regionens hälso- och sjukvård: Ja" in out
    assert "Långvarig sjukdom, med deltagarens egna ord: (Överhoppad)" in out
    for english in ("Urgent", "Suggested next steps", "Consent", "Skipped"):
        assert english not in out


def test_summary_json_is_structured_and_versioned(submitted, capsys) -> None:
    data = json.loads(run(capsys, "summary", submitted.reference, "--format", "json"))
    assert data["schema"] == "intake-summary/1"
    assert [f["id"] for f in data["urgent"]] == ["self_harm"]
    assert {"disability", "distress"} <= {f["id"] for f in data["signs"]}
    assert data["language"] == "ar" and data["language_name"] == "arabiska"
    consents = {c["recipient"]: c["given"] for c in data["consents"]}
    assert consents == {
        "caseworker": True,
        "forsakringskassan": False,
        "region_health": True,
        "social_services": False,
    }


def test_summary_html_is_a_swedish_page(submitted, capsys) -> None:
    out = run(capsys, "summary", submitted.reference.lower(), "--format", "html")
    assert out.startswith("<!doctype html>") and '<html lang="sv">' in out
    assert out.index('class="urgent"') < out.index("Föreslagna nästa steg")
    assert 'lang="sv"' in out and '<blockquote dir="auto">' in out


def test_unknown_reference_says_what_to_do(submitted, capsys) -> None:
    assert main(["summary", "XXXX-XXXX"]) == 1
    assert "intake list" in capsys.readouterr().err


def test_list_shows_reference_status_language_dates(submitted, capsys) -> None:
    rows = json.loads(run(capsys, "list", "--format", "json"))
    assert rows[0]["status"] == "submitted" and rows[0]["language"] == "ar"
    assert rows[0]["reference"].replace("-", "") == submitted.reference
    assert rows[0]["submitted_at"]
    text = run(capsys, "list")
    assert "submitted" in text and "ar" in text
