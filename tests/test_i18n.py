"""Catalogs and the translator workflow: checks, fallbacks, plural forms, new languages."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from fastapi.testclient import TestClient

from intake.app import create_app
from intake.i18n import Catalogs
from intake.i18n_check import check, check_catalog
from intake.i18n_tools import (
    REVIEW_MARK,
    init,
    plural_forms,
    po_path,
    read,
    update,
    write_catalog,
    write_templates,
)
from intake.settings import PROJECT_ROOT, Settings
from tests.conftest import PASSWORD, log_in


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the parts of the project the translator workflow reads and writes."""
    for name in ("locales", "questionnaires", "web", "intake"):
        shutil.copytree(
            PROJECT_ROOT / name,
            tmp_path / name,
            ignore=shutil.ignore_patterns("__pycache__", "*.mo"),
        )
    shutil.copy(PROJECT_ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_repository_catalogs_pass_the_check() -> None:
    reports, general = check()
    assert not general, general
    assert not [(r.locale, r.domain, r.errors) for r in reports if r.errors]
    complete = {(r.locale, r.domain) for r in reports if r.coverage == 100.0 and not r.fuzzy}
    assert {("sv", "messages"), ("sv", "caseworker"), ("en", "messages")} <= complete


def test_team_drafts_are_marked_for_native_review() -> None:
    for locale in ("ar", "sv"):
        with po_path(PROJECT_ROOT, locale, "messages").open("rb") as handle:
            catalog = read_po(handle)
        unmarked = [
            m.id for m in catalog if m.id and m.string and REVIEW_MARK not in m.user_comments
        ]
        assert not unmarked, f"{locale}: translations not marked as drafts: {unmarked[:3]}"


def test_every_locale_has_its_fixed_plural_forms_header() -> None:
    forms = plural_forms()
    for locale in Catalogs(PROJECT_ROOT / "locales").codes:
        with po_path(PROJECT_ROOT, locale, "messages").open("rb") as handle:
            assert read_po(handle).plural_forms == forms[locale], locale
    # the choices where Babel and translate-toolkit disagree
    assert "n%100>=11 ? 4 : 5" in forms["ar"]
    assert forms["fa"] == forms["fa_AF"] == forms["ti"] == "nplurals=2; plural=(n > 1);"


def test_check_finds_broken_placeholders_markup_and_plurals(project: Path) -> None:
    path = po_path(project, "ar", "messages")
    catalog = read(path, "ar")
    for message in catalog:
        if message.id == "%(answered)s of %(total)s answered":
            message.string = "%(answerd)s من %(total)s"
        elif message.id == "Help now":
            message.string = "<b>مساعدة</b>"
        elif isinstance(message.id, tuple):
            message.string = message.string[:2]
    write_catalog(path, catalog)
    report = check_catalog(
        read(path, "ar"),
        read(project / "locales" / "messages.pot"),
        "ar",
        "messages",
        plural_forms(project)["ar"],
    )
    text = "\n".join(report.errors)
    assert (
        "placeholders differ from the source: ['%(answerd)s', '%(total)s'] "
        "instead of ['%(answered)s', '%(total)s']"
    ) in text
    assert "'Help now': markup differs from the source" in text
    assert "has 2 plural forms, ar has 6" in text


def test_check_requires_complete_swedish_and_reports_stale_templates(project: Path) -> None:
    path = po_path(project, "sv", "messages")
    catalog = read(path, "sv")
    next(m for m in catalog if m.id == "Help now").string = ""
    write_catalog(path, catalog)
    template = project / "web" / "templates" / "participant" / "help.html"
    template.write_text(
        template.read_text().replace(
            "{% endblock %}", '{{ _("A brand new sentence.") }}{% endblock %}'
        )
    )
    reports, general = check(project)
    sv = next(r for r in reports if (r.locale, r.domain) == ("sv", "messages"))
    assert any("sv must be complete" in e for e in sv.errors), (sv.errors, sv.untranslated)
    assert any("messages.pot is out of date: 1 new" in g for g in general)


def test_broken_translation_falls_back_along_the_chain_and_is_logged_once(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    for locale, text in (("fa", "کمک فوری"), ("fa_AF", "<script>x</script>")):
        path = po_path(project, locale, "messages")
        catalog = read(path, locale)
        next(m for m in catalog if m.id == "Help now").string = text
        write_catalog(path, catalog)
    with caplog.at_level(logging.WARNING, logger="intake.i18n"):
        catalogs = Catalogs(project / "locales")
        dari = catalogs.translator("fa_AF")
        assert dari.gettext("Help now") == "کمک فوری"  # fa's translation, not the broken one
        assert dari.gettext("Help now") == "کمک فوری"
    warnings = [r for r in caplog.records if "Help now" in r.getMessage()]
    assert len(warnings) == 1 and "fa_AF" in warnings[0].getMessage()
    assert catalogs.chain("fa_AF") == ["fa_AF", "fa", "en"]


def test_a_new_language_needs_no_python_change(project: Path, tmp_path: Path) -> None:
    created = init("tr", project)  # Turkish: not one of ours
    assert [p.name for p in created] == ["messages.po"]
    assert plural_forms(project)["tr"] == read(created[0], "tr").plural_forms
    path = po_path(project, "tr", "messages")
    catalog = read(path, "tr")
    next(m for m in catalog if m.id == "Choose your language").string = "Dilinizi seçin"
    write_catalog(path, catalog)
    settings = Settings.from_env({}, data_dir=tmp_path / "data", locales_dir=project / "locales")
    client = TestClient(create_app(settings))
    html = client.get("/", headers={"Accept-Language": "tr"}).text
    assert 'value="tr" lang="tr" dir="ltr"' in html and "Türkçe" in html
    assert "Dilinizi seçin" in html


def test_extract_and_update_round_trip(project: Path) -> None:
    counts = write_templates(project)
    assert counts["messages"] > 200 and counts["caseworker"] > 20
    pot = read(project / "locales" / "messages.pot")
    pain = pot.get(
        "How hard is it for you to walk, or to go up and down steps?", "default:question:walking"
    )
    assert pain is not None and any("Difficulty walking" in c for c in pain.auto_comments)
    assert ("questionnaires/default.yaml", pain.locations[0][1]) == pain.locations[0]
    update(project)
    assert not [g for g in check(project)[1]], "update leaves nothing to do"


def test_translator_preview_shows_strings_states_and_questions(caseworker_x) -> None:
    client = caseworker_x
    overview = client.get("/translate").text
    assert 'href="/translate/ti"' in overview and "ትግርኛ" in overview
    strings = client.get("/translate/ar").text
    assert "default:question:self_harm" in strings and "draft" in strings
    assert "Screens for thoughts of self-harm" in strings  # the translator note
    question = client.get("/translate/ar/q/interpreter_language")  # asked only on a branch
    assert question.status_code == 200 and '<html lang="ar" dir="rtl">' in question.text
    crisis = client.get("/translate/ti/q/distress?crisis=1").text
    assert 'href="tel:90101"' in crisis


def test_translator_preview_needs_a_login_and_can_be_turned_off(client, tmp_path: Path) -> None:
    response = client.get("/translate", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")
    settings = Settings.from_env(
        {}, data_dir=tmp_path, translator_preview=False, insecure_cookies=True
    )
    app = create_app(settings)
    org = app.state.services.accounts.organisation("X", create=True)
    app.state.services.accounts.add_user("t@x.example", "T", PASSWORD, org)
    staff = log_in(TestClient(app), "t@x.example")
    assert staff.get("/translate").status_code == 404


def test_a_broken_translation_is_never_shown_the_page_falls_back(project: Path, caplog) -> None:
    path = po_path(project, "ar", "messages")
    catalog = read(path, "ar")
    for message in catalog:
        if message.id == "Help now":
            message.string = "<script>alert(1)</script>مساعدة"
        elif message.id == "Continue later":
            message.string = "100% لاحقًا"  # a lone % would break every page
    write_catalog(path, catalog)
    caplog.set_level(logging.WARNING)
    catalogs = Catalogs(project / "locales", "sv")
    t = catalogs.translator("ar")
    # the fallback (English, for Arabic) is shown instead; the rest of Arabic still is
    assert t.gettext("Help now") == "Help now"
    assert t.gettext("Continue later") == "Continue later"
    assert t.gettext("Continue") != "Continue"
    assert "Help now" in caplog.text and "markup differs" in caplog.text
    assert "a % that is not a placeholder" in caplog.text
