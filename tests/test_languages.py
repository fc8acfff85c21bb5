"""Finding one's language: CLDR names, Accept-Language, typing in any script."""

from __future__ import annotations

import pytest

from intake.i18n import Catalogs, locale_info, parse_accept_language
from intake.languages import filter_languages
from intake.settings import PROJECT_ROOT

CATALOGS = Catalogs(PROJECT_ROOT / "locales")


def found(query: str) -> list[str]:
    return [i.code for i in filter_languages(CATALOGS.ordered(), query, CATALOGS.aliases)]


@pytest.mark.parametrize(
    ("query", "locale"),
    [
        ("arab", "ar"),
        ("عربي", "ar"),
        ("العربية", "ar"),
        ("ARABISKA", "ar"),
        ("tigr", "ti"),
        ("ትግርኛ", "ti"),
        ("tigrinja", "ti"),
        ("dari", "fa_AF"),
        ("دری", "fa_AF"),
        ("دري", "fa_AF"),
        ("farsi", "fa"),
        ("persian", "fa"),
        ("فارسی", "fa"),
        ("pashto", "ps"),
        ("پښتو", "ps"),
        ("sorani", "ckb"),
        ("kurmanji", "ku"),
        ("somali", "so"),
        ("soomaali", "so"),
        ("amhar", "am"),
        ("አማርኛ", "am"),
        ("ukrain", "uk"),
        ("українська", "uk"),
        ("русский", "ru"),
        ("svenska", "sv"),
        ("engl", "en"),
        ("tigrinia", "ti"),  # a typo
    ],
)
def test_typing_finds_the_language_first(query: str, locale: str) -> None:
    assert found(query)[0] == locale


def test_kurdish_finds_both_kurdish_languages() -> None:
    assert set(found("kurd")[:2]) == {"ckb", "ku"}


def test_nonsense_finds_nothing_and_empty_finds_everything() -> None:
    assert found("xqzw") == []
    assert len(found("")) == len(CATALOGS.codes)


def test_own_names_directions_and_swedish_names_come_from_cldr() -> None:
    assert locale_info("ar").own_name == "العربية" and locale_info("ar").rtl
    assert locale_info("sv").own_name == "Svenska"
    assert locale_info("ti").own_name == "ትግርኛ" and not locale_info("ti").rtl
    assert CATALOGS.info("fa_AF").own_name == "دری" and CATALOGS.info("fa_AF").rtl
    assert CATALOGS.info("fa_AF").tag == "fa-AF"
    assert {c for c in CATALOGS.codes if CATALOGS.info(c).rtl} == {"ar", "fa", "fa_AF", "ps", "ckb"}
    # caseworkers' names where CLDR's Swedish differs
    assert CATALOGS.swedish_name("ps") == "pashto"
    assert CATALOGS.swedish_name("fa_AF") == "dari"
    assert CATALOGS.swedish_name("ar") == "arabiska"


@pytest.mark.parametrize(
    ("header", "locale"),
    [
        ("ar-SY,ar;q=0.9,en;q=0.5", "ar"),
        ("fa-AF", "fa_AF"),
        ("prs", "fa_AF"),
        ("fa-IR,fa;q=0.9", "fa"),
        ("de-DE,de;q=0.9", "sv"),  # no match: the default
        ("en;q=0.2,ti;q=0.9", "ti"),
        ("", "sv"),
    ],
)
def test_accept_language_preselects(header: str, locale: str) -> None:
    assert CATALOGS.negotiate(header) == locale


def test_accept_language_parsing_orders_by_quality() -> None:
    assert parse_accept_language("en;q=0.2, ti, *;q=0.1, sv;q=0") == ["ti", "en"]


def test_picker_puts_the_browser_language_first(client) -> None:
    html = client.get("/", headers={"Accept-Language": "ti"}).text
    first = html.index('name="locale"')
    assert (
        'value="ti"' in html[first : first + 60] and 'class="chosen"' in html[first : first + 120]
    )


def test_picker_filters_without_javascript_and_with_htmx(client) -> None:
    html = client.get("/?q=dari").text
    assert 'value="fa_AF"' in html and 'value="ar"' not in html
    fragment = client.get("/?q=tigr", headers={"HX-Request": "true"}).text
    assert "<head>" not in fragment and 'value="ti"' in fragment
    empty = client.get("/?q=xqzw").text
    assert 'name="locale"' not in empty and 'href="/"' in empty
