"""``intake i18n check``: is every catalog safe to ship?

Errors (exit non-zero): anything that could break a page or mislead a participant: placeholders
or markup that differ from the source, a wrong number of plural forms, a Plural-Forms header
other than the one fixed in ``locales/plural-forms.yaml``, a catalog that misses strings of its
template (``update`` not run), templates older than the sources (``extract`` not run), and any
untranslated or fuzzy string in the locales that must be complete (``sv`` and ``en``).

Warnings: untranslated and fuzzy strings elsewhere (the participant sees the fallback language),
obsolete entries, drafts awaiting native review (counted, never hidden).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from intake.i18n import message_forms, placeholders, translation_problem
from intake.i18n_tools import (
    DOMAINS,
    REVIEW_MARK,
    domains_for,
    extract,
    locales,
    plural_forms,
    po_path,
    pot_path,
    read,
)
from intake.settings import PROJECT_ROOT

COMPLETE_LOCALES = ("sv", "en")


@dataclass
class Report:
    locale: str
    domain: str
    total: int = 0
    translated: int = 0
    fuzzy: int = 0
    drafts: int = 0
    obsolete: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def untranslated(self) -> int:
        return self.total - self.translated

    @property
    def coverage(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def _strings(message: Message) -> tuple[str, ...]:
    return message_forms(message.string)


def _sources(message: Message) -> tuple[str, ...]:
    return message_forms(message.id)


def _label(message: Message) -> str:
    source = _sources(message)[0]
    short = source if len(source) <= 60 else source[:57] + "..."
    return f"{message.context + ' | ' if message.context else ''}{short!r}"


def check_catalog(
    catalog: Catalog, template: Catalog, locale: str, domain: str, expected_plural: str | None
) -> Report:
    report = Report(locale, domain)
    if expected_plural and catalog.plural_forms != expected_plural:
        report.errors.append(
            f"Plural-Forms is {catalog.plural_forms!r}; locales/plural-forms"
            f".yaml fixes {expected_plural!r} (run 'intake i18n update')"
        )
    missing = [m for m in template if m.id and catalog.get(m.id, m.context) is None]
    if missing:
        report.errors.append(
            f"{len(missing)} strings of {domain}.pot are missing "
            f"(run 'intake i18n update'), e.g. {_label(missing[0])}"
        )
    report.obsolete = len(catalog.obsolete)
    if report.obsolete:
        report.warnings.append(f"{report.obsolete} obsolete entries")
    for message in catalog:
        if not message.id:
            continue
        report.total += 1
        strings = _strings(message)
        if message.fuzzy:
            report.fuzzy += 1
        if REVIEW_MARK in message.user_comments:
            report.drafts += 1
        filled = [s for s in strings if s]
        if (
            isinstance(message.id, tuple)
            and filled
            and (len(strings) != catalog.num_plurals or len(filled) != len(strings))
        ):
            report.errors.append(
                f"{_label(message)} has {len(filled)} plural forms, "
                f"{locale} has {catalog.num_plurals}"
            )
        if not all(strings) or message.fuzzy:
            continue
        report.translated += 1
        sources = _sources(message)
        for string in strings:
            problem = translation_problem(sources, string)
            if problem and problem.startswith("placeholders"):
                problem += f": {placeholders(string)} instead of {placeholders(sources[0])}"
            elif problem and problem.startswith("markup"):
                problem += " (a translation is trusted markup; remove the tags, < and &)"
            if problem:
                report.errors.append(f"{_label(message)}: {problem}")
    if report.untranslated or report.fuzzy:
        text = f"{report.untranslated} untranslated, {report.fuzzy} fuzzy"
        if locale in COMPLETE_LOCALES:
            report.errors.append(f"{text}: {locale} must be complete")
        else:
            report.warnings.append(f"{text} (participants see the fallback language)")
    return report


def check(root: Path = PROJECT_ROOT, *, sources: bool = True) -> tuple[list[Report], list[str]]:
    """Check every catalog; the second value lists problems with the templates themselves.

    ``sources=False`` skips re-extracting the sources (for the translator preview page).
    """
    general: list[str] = []
    fresh = extract(root) if sources else {}
    templates = {}
    for domain in DOMAINS:
        path = pot_path(root, domain)
        if not path.exists():
            general.append(f"{path.relative_to(root)} is missing (run 'intake i18n extract')")
            templates[domain] = fresh.get(domain) or Catalog(domain=domain)
            continue
        stored = read(path)
        templates[domain] = stored
        if domain not in fresh:
            continue
        wanted = {(m.id, m.context) for m in fresh[domain] if m.id}
        have = {(m.id, m.context) for m in stored if m.id}
        if wanted != have:
            general.append(
                f"{path.relative_to(root)} is out of date: {len(wanted - have)} new, "
                f"{len(have - wanted)} gone (run 'intake i18n extract' and 'update')"
            )
    forms = plural_forms(root)
    reports = []
    for locale in locales(root):
        if locale not in forms:
            general.append(f"locales/plural-forms.yaml has no entry for {locale}")
        for domain in domains_for(locale):
            path = po_path(root, locale, domain)
            if not path.exists():
                general.append(f"{path.relative_to(root)} is missing (run 'intake i18n update')")
                continue
            reports.append(
                check_catalog(
                    read(path, locale), templates[domain], locale, domain, forms.get(locale)
                )
            )
    return reports, general


def format_reports(reports: list[Report], general: list[str]) -> str:
    lines = [
        f"{'locale':<7} {'domain':<11} {'coverage':>8} {'untransl.':>9} {'fuzzy':>6} "
        f"{'drafts':>7} {'obsolete':>8}  status"
    ]
    for r in reports:
        status = "ERROR" if r.errors else ("warn" if r.warnings else "ok")
        lines.append(
            f"{r.locale:<7} {r.domain:<11} {r.coverage:>7.1f}% {r.untranslated:>9} "
            f"{r.fuzzy:>6} {r.drafts:>7} {r.obsolete:>8}  {status}"
        )
    for r in reports:
        for error in r.errors:
            lines.append(f"ERROR {r.locale}/{r.domain}: {error}")
        for warning in r.warnings:
            lines.append(f"warning {r.locale}/{r.domain}: {warning}")
    lines.extend(f"ERROR {problem}" for problem in general)
    drafts = sum(r.drafts for r in reports)
    if drafts:
        lines.append(
            f"{drafts} translations are team drafts awaiting native review "
            f"(translator comment '{REVIEW_MARK}')."
        )
    return "\n".join(lines)
