"""Who sees what: every route as anonymous, participant A and B, caseworker of X and of Y.
No unexpected 2xx, and no data of one in the pages of another."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.conftest import invite, start_invited
from tests.plans import CALM, form_for
from tests.test_participant_routes import answer_all

MARKER_A = "Anna-A-sekret-7Q"  # in participant A's own words
MARKER_B = "Bashir-B-sekret-9W"


def finish(participant, questionnaire, marker: str) -> None:
    plan = {**CALM, "anything_else": marker}
    answer_all(participant, plan, questionnaire)
    participant.client.post(f"{participant.base}/submit")


@pytest.fixture
def world(app, caseworker_x, caseworker_y, services, questionnaire):
    a = start_invited(TestClient(app), invite(caseworker_x))
    b = start_invited(TestClient(app), invite(caseworker_y))
    finish(a, questionnaire, MARKER_A)
    finish(b, questionnaire, MARKER_B)
    ref_a = services.store.intake_by_token(a.token).reference
    ref_b = services.store.intake_by_token(b.token).reference
    return {
        "a": a,
        "b": b,
        "ref_a": ref_a,
        "ref_b": ref_b,
        "anonymous": TestClient(app),
        "x": caseworker_x,
        "y": caseworker_y,
    }


def routes(w) -> list[tuple[str, str]]:
    """(owner, url): 'a' and 'x' own A's data; 'b' and 'y' own B's; 'staff' any caseworker."""
    a, b = w["a"].base, w["b"].base
    return [
        ("a", f"{a}/done"),
        ("a", f"{a}/review"),
        ("a", f"{a}/later"),
        ("a", a),
        ("b", f"{b}/done"),
        ("b", f"{b}/later"),
        ("x", f"/staff/intakes/{w['ref_a']}"),
        ("x", f"/staff/intakes/{w['ref_a']}/summary.json"),
        ("x", f"/staff/intakes/{w['ref_a']}/fhir.json"),
        ("y", f"/staff/intakes/{w['ref_b']}"),
        ("y", f"/staff/intakes/{w['ref_b']}/summary.json"),
        ("y", f"/staff/intakes/{w['ref_b']}/fhir.json"),
        ("staff", "/staff"),
        ("staff", "/staff/invitations/new"),
        ("staff", "/staff/audit"),
        ("staff", "/translate"),
        ("staff", "/staff/fhir/Questionnaire.json"),
    ]


def allowed(actor: str, owner: str) -> bool:
    if owner in ("a", "b"):  # the participant's link is the key
        return actor == owner
    if owner == "staff":
        return actor in ("x", "y")
    return actor == owner


FORGED = "/s/" + "x" * 32  # a participant's link is a secret: others can only guess it


@pytest.mark.parametrize("actor", ["anonymous", "a", "b", "x", "y"])
def test_no_unexpected_access_and_no_leaks(world, actor: str) -> None:
    # participants carry no staff cookie: their client is a plain browser with their own link
    client = world[actor].client if actor in ("a", "b") else world[actor]
    problems = []
    for owner, url in routes(world):
        if owner in ("a", "b") and actor != owner:
            url = url.replace(world[owner].base, FORGED)
        response = client.get(url, follow_redirects=False)
        ok = 200 <= response.status_code < 300
        if ok and not allowed(actor, owner):
            problems.append(f"{actor} got {response.status_code} for {url}")
        if not ok and allowed(actor, owner) and response.status_code != 303:
            problems.append(f"{actor} was refused {url}: {response.status_code}")
        body = response.text
        if actor in ("b", "y") and (MARKER_A in body or world["ref_a"] in body.replace("-", "")):
            problems.append(f"{actor} saw A's data at {url}")
        if actor in ("a", "x") and (MARKER_B in body or world["ref_b"] in body.replace("-", "")):
            problems.append(f"{actor} saw B's data at {url}")
    assert not problems, problems


def test_caseworkers_see_only_their_organisations_intakes(world) -> None:
    x_page = world["x"].get("/staff").text.replace("-", "")
    y_page = world["y"].get("/staff").text.replace("-", "")
    assert world["ref_a"] in x_page and world["ref_b"] not in x_page
    assert world["ref_b"] in y_page and world["ref_a"] not in y_page


def test_audit_log_is_for_admins(world, app, services, org_x) -> None:
    from tests.conftest import log_in

    bo = log_in(TestClient(app), "bo@x.example")  # a caseworker, not an admin
    assert bo.get("/staff/audit").status_code == 403
    assert world["x"].get("/staff/audit").status_code == 200


def test_staff_pages_redirect_anonymous_to_login(world) -> None:
    response = world["anonymous"].get("/staff", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login?next=/staff"
    htmx = world["anonymous"].get("/staff", headers={"HX-Request": "true"}, follow_redirects=False)
    assert htmx.headers["HX-Redirect"].startswith("/login")


@pytest.mark.parametrize("form", [form_for("single", "good")])
def test_participant_links_are_not_guessable(world, form) -> None:
    guess = world["anonymous"].post(
        "/s/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/q/general_health", data=form
    )
    assert guess.status_code == 404
