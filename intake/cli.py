"""The ``intake`` command: serve the app, print summaries, list intakes, manage translations."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from intake import __version__
from intake.questionnaire import QuestionnaireError
from intake.settings import Settings, SettingsError


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except (QuestionnaireError, SettingsError) as exc:
        print(f"intake: {exc}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="intake",
        description="Conversational intake assistant. Settings are read from "
        "INTAKE_* environment variables (see docs/settings.md).",
    )
    parser.add_argument("--version", action="version", version=f"intake {__version__}")
    sub = parser.add_subparsers(title="commands")

    serve = sub.add_parser("serve", help="run the web app")
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (8000)")
    serve.set_defaults(func=_serve)

    summary = sub.add_parser("summary", help="print the Swedish referral summary of an intake")
    summary.add_argument("reference", help="the intake's reference, e.g. K7M4-QX2P")
    summary.add_argument("--format", choices=("html", "text", "json"), default="text")
    summary.set_defaults(func=_summary)

    listing = sub.add_parser("list", help="list intakes: reference, status, language, dates")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(func=_list)

    i18n = sub.add_parser("i18n", help="translation workflow (see docs/translating.md)")
    i18n_sub = i18n.add_subparsers(title="steps")
    i18n_sub.add_parser(
        "extract", help="write locales/*.pot from templates, code and questionnaires"
    ).set_defaults(func=_i18n_extract)
    i18n_sub.add_parser(
        "update", help="merge the .pot templates into every locale's .po"
    ).set_defaults(func=_i18n_update)
    i18n_sub.add_parser("compile", help="write .mo files for gettext tools").set_defaults(
        func=_i18n_compile
    )
    i18n_sub.add_parser(
        "check",
        help="coverage, placeholders, markup, plural forms; exits "
        "non-zero on anything that could break a page",
    ).set_defaults(func=_i18n_check)
    init = i18n_sub.add_parser("init", help="start catalogs for a new locale")
    init.add_argument("locale", help="CLDR locale id, e.g. fa_AF or ckb")
    init.set_defaults(func=_i18n_init)
    return parser


def _services():  # type: ignore[no-untyped-def]
    from intake.services import load_services

    return load_services(Settings.from_env())


def _serve(args: argparse.Namespace) -> int:
    import logging

    import uvicorn

    from intake.app import create_app

    settings = Settings.from_env()
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    app = create_app(settings)
    settings = app.state.services.settings
    print(
        f"Intake: http://{args.host}:{args.port}/  (database: {settings.database_url})", flush=True
    )
    uvicorn.run(app, host=args.host, port=args.port, proxy_headers=False, server_header=False)
    return 0


def _summary(args: argparse.Namespace) -> int:
    from intake.summary_render import render_summary

    svc = _services()
    intake = svc.store.intake_by_reference(args.reference)
    if intake is None:
        print(
            f"intake: no intake with reference {args.reference!r}; "
            "'intake list' shows the references",
            file=sys.stderr,
        )
        return 1
    print(
        render_summary(svc.summary(intake), args.format, svc.templates, svc.caseworker_translator)
    )
    return 0


def _list(args: argparse.Namespace) -> int:
    from intake.codes import grouped
    from intake.summary_render import swedish_time

    svc = _services()
    rows = [
        {
            "reference": grouped(i.reference),
            "status": i.status.value,
            "language": i.locale,
            "created_at": i.created_at.isoformat(),
            "updated_at": i.updated_at.isoformat(),
            "submitted_at": i.submitted_at.isoformat() if i.submitted_at else None,
        }
        for i in svc.store.list_intakes()
    ]
    if args.format == "json":
        print(json.dumps(rows, indent=2))
        return 0
    if not rows:
        print("No intakes yet.")
        return 0
    print(f"{'REFERENCE':<11} {'STATUS':<12} {'LANG':<6} {'STARTED':<17} SUBMITTED")
    for intake in svc.store.list_intakes():
        print(
            f"{grouped(intake.reference):<11} {intake.status.value:<12} {intake.locale:<6} "
            f"{swedish_time(intake.created_at):<17} {swedish_time(intake.submitted_at)}"
        )
    return 0


def _i18n_extract(args: argparse.Namespace) -> int:
    from intake.i18n_tools import write_templates

    for domain, count in write_templates().items():
        print(f"locales/{domain}.pot: {count} messages")
    return 0


def _i18n_update(args: argparse.Namespace) -> int:
    from intake.i18n_tools import update

    for path in update():
        print(f"updated {path}")
    return 0


def _i18n_compile(args: argparse.Namespace) -> int:
    from intake.i18n_tools import compile_all

    for path in compile_all():
        print(f"wrote {path}")
    return 0


def _i18n_check(args: argparse.Namespace) -> int:
    from intake.i18n_check import check, format_reports

    reports, general = check()
    print(format_reports(reports, general))
    return 1 if general or any(r.errors for r in reports) else 0


def _i18n_init(args: argparse.Namespace) -> int:
    from intake.i18n_tools import init

    for path in init(args.locale):
        print(f"created {path}")
    return 0
