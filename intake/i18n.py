"""Catalogs, locales and translators.

The ``.po`` files in ``locales/`` are read at start-up (no compiled ``.mo`` needed to run). A
translation whose placeholders or markup differ from its source is dropped when loading (logged
once), so that string falls back along the chain ``fa_AF`` -> ``fa`` -> ``en`` instead of breaking
a page. Language names, text direction and plural rules come from Babel's CLDR data; the Swedish
names caseworkers use where CLDR's differ live in ``locales/language-names.yaml``.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

import yaml
from babel import Locale, UnknownLocaleError
from babel.core import negotiate_locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

log = logging.getLogger(__name__)

SOURCE_LOCALE = "en"
_PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdifxXrac%]|\{[^{}]*\}")
_TAG = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9]*)[^>]*>")


def placeholders(text: str) -> list[str]:
    """Printf-style and brace placeholders, sorted, so two strings can be compared."""
    return sorted(p for p in _PLACEHOLDER.findall(text) if p != "%%")


def tags(text: str) -> list[str]:
    return sorted(m.group(0) for m in _TAG.finditer(text))


def message_forms(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """A message's id or string as its forms: the one text, or singular and plural forms.
    No string at all (``None``) is one empty form."""
    if isinstance(value, str):
        return (value,)
    return tuple(value) if value is not None else ("",)


@dataclass(frozen=True)
class LocaleInfo:
    code: str  # as in locales/: fa_AF
    tag: str  # BCP 47, for <html lang>: fa-AF
    own_name: str  # in its own language and script: دری
    swedish_name: str  # as caseworkers say it: dari
    english_name: str
    direction: str  # "ltr" or "rtl"

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


def locale_info(code: str, swedish_overrides: dict[str, str] | None = None) -> LocaleInfo:
    """Names and direction of a locale, from CLDR (with caseworkers' Swedish names)."""
    locale = Locale.parse(code)
    own = locale.languages.get(code) or locale.get_display_name(locale) or code
    swedish = (swedish_overrides or {}).get(code)
    if swedish is None:
        sv = Locale("sv")
        swedish = sv.languages.get(code) or locale.get_display_name(sv) or code
    english = Locale("en").languages.get(code) or locale.get_display_name(Locale("en")) or code
    return LocaleInfo(
        code, code.replace("_", "-"), _capitalised(own), swedish, english, locale.text_direction
    )


class Translator:
    """Gettext for one locale, with the fallback chain behind it."""

    def __init__(self, info: LocaleInfo, translations: NullTranslations) -> None:
        self.info = info
        self.locale = info.code
        self._t = translations

    def gettext(self, message: str) -> str:
        return self._t.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._t.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        # Babel annotates pgettext as ``str | object``; it returns the catalog's str or message.
        return self._t.pgettext(context, message)  # type: ignore[return-value]

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self._t.npgettext(context, singular, plural, n)


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=path.parent.parent.name, domain=path.stem)


class _AnyValue(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return ""


def translation_problem(sources: tuple[str, ...], string: str) -> str | None:
    """Why a translation must not be shown (it is trusted markup, and it is %-formatted), or
    None. Its placeholders, markup and ampersands must be those of the source, and it must
    format: a lone "%" would break every page in that language."""
    if placeholders(string) not in [placeholders(s) for s in sources]:
        return "placeholders differ from the source"
    if (
        tags(string) not in [tags(s) for s in sources]
        or string.count("<") not in [s.count("<") for s in sources]
        or string.count("&") not in [s.count("&") for s in sources]
    ):
        return "markup differs from the source"
    try:
        string % _AnyValue()
    except (ValueError, TypeError):
        return "a % that is not a placeholder (write %% for a percent sign)"
    return None


def _sanitised(catalog: Catalog, locale: str) -> Catalog:
    """Drop translations that could break a page or inject markup (``translation_problem``)."""
    for message in catalog:
        if not message.id or not message.string:
            continue
        sources = message_forms(message.id)
        strings = message_forms(message.string)
        for string in strings:
            if not string:
                continue
            reason = translation_problem(sources, string)
            if reason:
                log.warning(
                    "locale %s: translation of %r (context %r) not used: %s; "
                    "showing the fallback instead",
                    locale,
                    sources[0],
                    message.context,
                    reason,
                )
                message.string = ("",) * len(strings) if isinstance(message.string, tuple) else ""
                break
    return catalog


def _compiled(catalog: Catalog) -> Translations:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer, domain=catalog.domain)


class _LanguageNames(TypedDict, total=False):
    """``locales/language-names.yaml``."""

    order: list[str]
    sv: dict[str, str]
    aliases: dict[str, list[str]]
    tag_aliases: dict[str, str]


class Catalogs:
    """Every locale's catalog of one domain under a folder, loaded once."""

    def __init__(
        self, directory: Path, default_locale: str = "sv", domain: str = "messages"
    ) -> None:
        self.directory = directory
        self.default_locale = default_locale
        self.domain = domain
        names_file = directory / "language-names.yaml"
        names: _LanguageNames = {}
        if names_file.exists():
            names = yaml.safe_load(names_file.read_text(encoding="utf-8")) or {}
        overrides = names.get("sv", {})
        self.aliases: dict[str, list[str]] = names.get("aliases", {})
        self._order: list[str] = names.get("order", [])
        self._tag_aliases: dict[str, str] = names.get("tag_aliases", {})
        self._base: dict[str, Translations] = {}
        self.infos: dict[str, LocaleInfo] = {}
        for po in sorted(directory.glob(f"*/LC_MESSAGES/{domain}.po")):
            code = po.parent.parent.name
            try:
                info = locale_info(code, overrides)
            except (UnknownLocaleError, ValueError):
                log.warning("%s: %r is not a CLDR locale; skipped", po, code)
                continue
            self.infos[code] = info
            self._base[code] = _compiled(_sanitised(read_catalog(po), code))
        self._translators: dict[str, Translator] = {}

    @property
    def codes(self) -> list[str]:
        return list(self.infos)

    def ordered(self, first: str | None = None) -> list[LocaleInfo]:
        """Every locale for the picker: ``first`` (the browser's choice), then the set order."""
        rank = {code: n for n, code in enumerate(self._order)}
        codes = sorted(self.infos, key=lambda c: (c != first, rank.get(c, len(rank)), c))
        return [self.infos[c] for c in codes]

    def chain(self, code: str) -> list[str]:
        """The locales tried in order for ``code``: itself, its parent language, English."""
        chain = [code]
        language = code.split("_")[0]
        if language != code:
            chain.append(language)
        if SOURCE_LOCALE not in chain:
            chain.append(SOURCE_LOCALE)
        return [c for c in chain if c in self._base]

    def translator(self, code: str) -> Translator:
        if code == SOURCE_LOCALE and code not in self.infos:
            # The source language needs no catalog: the msgids are English.
            return Translator(locale_info(code), NullTranslations())
        if code not in self.infos:
            code = self.default_locale
        if code not in self._translators:
            # A fresh Translations object per chain: fallbacks are linked in place.
            first, *rest = self.chain(code)
            head = _copy(self._base[first])
            tail = head
            for other in rest:
                link = _copy(self._base[other])
                tail.add_fallback(link)
                tail = link
            self._translators[code] = Translator(self.infos[code], head)
        return self._translators[code]

    def info(self, code: str) -> LocaleInfo:
        return self.infos[code]

    def swedish_name(self, code: str) -> str:
        if code in self.infos:
            return self.infos[code].swedish_name
        try:
            return locale_info(code).swedish_name
        except (UnknownLocaleError, ValueError):
            return code

    def negotiate(self, accept_language: str | None) -> str:
        """The best available locale for an ``Accept-Language`` header, or the default."""
        preferred = [
            self._tag_aliases.get(p.lower(), p)
            for p in parse_accept_language(accept_language or "")
        ]
        found = negotiate_locale(preferred, self.codes, sep="_")
        if found is None:
            # "fa-IR" should find "fa", "ar-SY" should find "ar".
            found = negotiate_locale([p.split("_")[0] for p in preferred], self.codes, sep="_")
        return found or self.default_locale


def _copy(translations: Translations) -> Translations:
    clone = Translations.__new__(Translations)
    clone.__dict__.update(translations.__dict__)
    clone._fallback = None
    return clone


def parse_accept_language(header: str) -> list[str]:
    """Language tags from an Accept-Language header, best first, as ``fa_AF``."""
    entries = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        if not tag or tag == "*":
            continue
        quality = 1.0
        match = re.search(r"q=([0-9.]+)", params)
        if match:
            try:
                quality = float(match.group(1))
            except ValueError:
                quality = 0.0
        if quality > 0:
            entries.append((-quality, position, tag.replace("-", "_")))
    return [tag for _, _, tag in sorted(entries)]
