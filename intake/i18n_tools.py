"""The translator workflow behind ``intake i18n extract|update|compile|init``.

Two gettext domains, so each translator sees only what their readers see:

- ``messages``: everything a participant reads (participant templates, questionnaires). Every
  locale translates it.
- ``caseworker``: the caseworker's side and the referral summary, which are always Swedish.
  Only ``sv`` translates it; the source strings are English.

Extraction uses the mappings in ``pyproject.toml`` under ``[tool.babel]`` (the same that
``pybabel extract -F pyproject.toml`` reads) and sends each file to its domain by path.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import yaml
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from intake.i18n import SOURCE_LOCALE, message_forms
from intake.settings import PROJECT_ROOT

DOMAINS = ("messages", "caseworker")
CASEWORKER_PATHS = (
    "web/templates/summary/",
    "web/templates/caseworker/",
    "web/templates/translate/",
)
# Locales that translate the caseworker domain.
CASEWORKER_LOCALES = ("sv",)
REVIEW_MARK = "draft: awaiting native review"
COMMENT_TAGS = ("Translators:",)


def plural_forms(root: Path = PROJECT_ROOT) -> dict[str, str]:
    """The Plural-Forms header fixed for each locale (``locales/plural-forms.yaml``)."""
    data = yaml.safe_load((root / "locales" / "plural-forms.yaml").read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in (data or {}).items()}


def _default_plural_forms(locale: str) -> str:
    """For a new locale: translate-toolkit's header when it is installed (our policy), else
    Babel's."""
    try:
        from translate.lang import data

        known = data.languages.get(locale) or data.languages.get(locale.split("_")[0])
    except ImportError:
        known = None
    if known:
        count, expression = known[1], known[2]
        expression = expression if expression.startswith("(") else f"({expression})"
        return f"nplurals={count}; plural={expression};"
    return Catalog(locale=Locale.parse(locale)).plural_forms


def add_plural_forms(locale: str, root: Path = PROJECT_ROOT) -> str:
    """Record a new locale's Plural-Forms in ``locales/plural-forms.yaml``."""
    header = _default_plural_forms(locale)
    path = root / "locales" / "plural-forms.yaml"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f'{locale}: "{header}"  # added by intake i18n init; check it\n')
    return header


def _apply_plural_forms(catalog: Catalog, locale: str, root: Path) -> None:
    wanted = plural_forms(root).get(locale)
    if wanted is None:
        raise KeyError(
            f"locales/plural-forms.yaml has no Plural-Forms for {locale}; add one "
            "(see the comments in that file)"
        )
    if catalog.plural_forms != wanted:
        catalog.mime_headers = [("Plural-Forms", wanted)]


def domain_of(path: str) -> str:
    return "caseworker" if path.startswith(CASEWORKER_PATHS) else "messages"


def _mappings(root: Path) -> tuple[list[tuple[str, str]], dict[str, dict[str, str]]]:
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    entries = config.get("tool", {}).get("babel", {}).get("mappings", [])
    method_map = []
    options_map = {}
    for entry in entries:
        options = {k: str(v) for k, v in entry.items() if k not in ("method", "pattern")}
        patterns = entry["pattern"] if isinstance(entry["pattern"], list) else [entry["pattern"]]
        for pattern in patterns:
            method_map.append((pattern, entry["method"]))
            options_map[pattern] = options
    return method_map, options_map


def _new_template(domain: str) -> Catalog:
    return Catalog(
        domain=domain,
        project="Intake",
        copyright_holder="Intake project",
        msgid_bugs_address="",
        charset="utf-8",
        fuzzy=False,
        creation_date=datetime.now(UTC),
    )


def extract(root: Path = PROJECT_ROOT) -> dict[str, Catalog]:
    """Collect every translatable string into one template per domain."""
    method_map, options_map = _mappings(root)
    templates = {domain: _new_template(domain) for domain in DOMAINS}

    def skip_dir(path: str) -> bool:
        name = Path(path).name
        return not (
            name.startswith((".", "_"))
            or name in ("node_modules", "var", "tests", "bench", "build")
        )

    for filename, lineno, message, comments, context in extract_from_dir(
        root,
        method_map,
        options_map,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
        directory_filter=skip_dir,
    ):
        templates[domain_of(filename)].add(
            message, None, [(filename, lineno)], auto_comments=comments, context=context
        )
    return templates


def pot_path(root: Path, domain: str) -> Path:
    return root / "locales" / f"{domain}.pot"


def po_path(root: Path, locale: str, domain: str) -> Path:
    return root / "locales" / locale / "LC_MESSAGES" / f"{domain}.po"


def write_catalog(path: Path, catalog: Catalog) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_by_file=True, include_previous=True)


def read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def locales(root: Path = PROJECT_ROOT) -> list[str]:
    return sorted(
        p.parent.parent.name for p in (root / "locales").glob("*/LC_MESSAGES/messages.po")
    )


def domains_for(locale: str) -> Iterable[str]:
    return DOMAINS if locale in CASEWORKER_LOCALES else ("messages",)


def write_templates(root: Path = PROJECT_ROOT) -> dict[str, int]:
    counts = {}
    for domain, template in extract(root).items():
        write_catalog(pot_path(root, domain), template)
        counts[domain] = len(template)
    return counts


def update(root: Path = PROJECT_ROOT) -> list[str]:
    """Merge the templates into every locale's catalogs (new strings empty, old ones obsolete)."""
    changed = []
    for locale in locales(root):
        for domain in domains_for(locale):
            template = read(pot_path(root, domain))
            path = po_path(root, locale, domain)
            catalog = read(path, locale) if path.exists() else _new_catalog(locale, domain)
            catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
            _apply_plural_forms(catalog, locale, root)
            catalog.obsolete.clear()  # git keeps history; translators see only live strings
            if locale == SOURCE_LOCALE:
                _fill_from_source(catalog)
            write_catalog(path, catalog)
            changed.append(str(path.relative_to(root)))
    return changed


def _fill_from_source(catalog: Catalog) -> None:
    """The source locale's catalog repeats each English msgid (translators may refine it)."""
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            if not all(message_forms(message.string)):
                message.string = tuple(message.id)
        elif not message.string:
            message.string = message.id


def _new_catalog(locale: str, domain: str) -> Catalog:
    catalog = Catalog(
        locale=Locale.parse(locale),
        domain=domain,
        project="Intake",
        copyright_holder="Intake project",
        msgid_bugs_address="",
        fuzzy=False,
        charset="utf-8",
    )
    catalog.language_team = f"{Locale.parse(locale).english_name} <>"
    catalog.last_translator = "Intake team <>"
    catalog.revision_date = datetime.now(UTC)
    return catalog


def init(locale: str, root: Path = PROJECT_ROOT) -> list[Path]:
    """Start catalogs for a new locale from the templates."""
    Locale.parse(locale)  # raises for a code CLDR does not know
    if locale not in plural_forms(root):
        add_plural_forms(locale, root)
    created = []
    for domain in domains_for(locale):
        path = po_path(root, locale, domain)
        if path.exists():
            raise FileExistsError(f"{path} exists; use 'intake i18n update' instead")
        catalog = _new_catalog(locale, domain)
        _apply_plural_forms(catalog, locale, root)
        catalog.update(read(pot_path(root, domain)), no_fuzzy_matching=True)
        if locale == SOURCE_LOCALE:
            _fill_from_source(catalog)
        write_catalog(path, catalog)
        created.append(path)
    return created


def compile_all(root: Path = PROJECT_ROOT) -> list[Path]:
    """Write .mo files next to the .po files (for gettext tools; the app reads .po itself)."""
    written = []
    for po in sorted((root / "locales").glob("*/LC_MESSAGES/*.po")):
        catalog = read(po, po.parent.parent.name)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as handle:
            write_mo(handle, catalog)
        written.append(mo)
    return written


@dataclass(frozen=True)
class CatalogEntry:
    """One string as a translator sees it, for the translator preview."""

    context: str | None
    source: str
    translation: str
    notes: tuple[str, ...]
    state: str  # "reviewed", "draft", "fuzzy" or "untranslated"
    locations: tuple[str, ...]


def catalog_entries(locale: str, domain: str, root: Path = PROJECT_ROOT) -> list[CatalogEntry]:
    path = po_path(root, locale, domain)
    if not path.exists():
        return []
    result = []
    for message in read(path, locale):
        if not message.id:
            continue
        sources = message_forms(message.id)
        strings = message_forms(message.string)
        if message.fuzzy:
            state = "fuzzy"
        elif not all(strings):
            state = "untranslated"
        elif REVIEW_MARK in message.user_comments:
            state = "draft"
        else:
            state = "reviewed"
        result.append(
            CatalogEntry(
                message.context,
                " | ".join(sources),
                " | ".join(s for s in strings if s),
                tuple(message.auto_comments),
                state,
                tuple(f"{file}:{line}" for file, line in message.locations),
            )
        )
    return result
