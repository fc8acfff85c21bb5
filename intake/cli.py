"""The ``intake`` command: serve the app, print summaries, list intakes, manage translations."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from intake import __version__
from intake.questionnaire import QuestionnaireError
from intake.settings import Settings, SettingsError

if TYPE_CHECKING:
    from intake.services import Services


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

    users = sub.add_parser("users", help="caseworker accounts")
    users_sub = users.add_subparsers(title="actions")
    add = users_sub.add_parser("add", help="add a caseworker (asks for the password)")
    add.add_argument("email")
    add.add_argument("--name", required=True, help="full name, shown in the audit log")
    add.add_argument("--org", required=True, help="organisation (created if new)")
    add.add_argument("--admin", action="store_true", help="may read the audit log")
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input instead of asking",
    )
    add.set_defaults(func=_users_add)
    disable = users_sub.add_parser("disable", help="disable a caseworker and end their sessions")
    disable.add_argument("email")
    disable.set_defaults(func=_users_disable)
    users_sub.add_parser("list", help="list caseworkers").set_defaults(func=_users_list)

    invite = sub.add_parser("invite", help="create an invitation: prints the code and the link")
    invite.add_argument("--language", help="preset language (locale id, e.g. fa_AF)")
    invite.add_argument("--org", required=True, help="the organisation the intake belongs to")
    invite.set_defaults(func=_invite)

    purge_cmd = sub.add_parser("purge", help="dispose of intakes due under the retention rules")
    purge_cmd.set_defaults(func=_purge)

    keys = sub.add_parser("keys", help="encryption keys of the answers")
    keys_sub = keys.add_subparsers(title="actions")
    keys_sub.add_parser(
        "rotate", help="new key, re-encrypt every answer, drop the old keys"
    ).set_defaults(func=_keys_rotate)

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


def _services() -> Services:
    from intake.services import load_services

    return load_services(Settings.from_env())


def _serve(args: argparse.Namespace) -> int:
    import logging

    import uvicorn

    from intake.app import create_app

    settings = Settings.from_env()
    if "INTAKE_BASE_URL" not in os.environ:  # links and QR codes point where we serve
        host = "127.0.0.1" if args.host in ("0.0.0.0", "::") else args.host  # noqa: S104
        settings = replace(settings, base_url=f"http://{host}:{args.port}")
    logging.basicConfig(
        level=settings.log_level.upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    app = create_app(settings)
    svc = app.state.services
    print(
        f"Intake: http://{args.host}:{args.port}/  (database: {svc.settings.database_url})",
        flush=True,
    )
    if svc.settings.demo:
        from intake.demo import create_demo

        login = create_demo(svc)
        if login:
            print(
                "\nDemo, created once on this empty database (because INTAKE_DEMO=true):"
                f"\n  caseworker login: http://{args.host}:{args.port}/login"
                f"\n  e-mail:   {login.email}\n  password: {login.password}"
                f"\n  an invitation for a participant: {login.invitation}\n",
                flush=True,
            )
    from intake.accesslog import mask_access_log

    mask_access_log()
    proxies = svc.settings.trusted_proxies.strip()
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        proxy_headers=bool(proxies),
        forwarded_allow_ips=proxies or None,
        server_header=False,
    )
    return 0


def _users_add(args: argparse.Namespace) -> int:
    import getpass

    from intake.accounts import AccountError

    svc = _services()
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password (at least 12 characters): ")
        if password != getpass.getpass("Again: "):
            print("intake: the passwords differ", file=sys.stderr)
            return 1
    try:
        org = svc.accounts.organisation(args.org, create=True)
        user = svc.accounts.add_user(
            args.email, args.name, password, org, "admin" if args.admin else "caseworker"
        )
    except AccountError as exc:
        print(f"intake: {exc}", file=sys.stderr)
        return 1
    svc.audit.record(
        "user.added",
        actor="command line",
        org_id=org.id,
        user_id=user.id,
        detail=f"{user.email} role={user.role}",
    )
    print(f"added {user.email} ({user.role}) to {org.name}")
    return 0


def _users_disable(args: argparse.Namespace) -> int:
    from intake.accounts import AccountError

    svc = _services()
    try:
        user = svc.accounts.disable(args.email)
    except AccountError as exc:
        print(f"intake: {exc}", file=sys.stderr)
        return 1
    svc.audit.record(
        "user.disabled",
        actor="command line",
        org_id=user.org_id,
        user_id=user.id,
        detail=user.email,
    )
    print(f"disabled {user.email}; their sessions have ended")
    return 0


def _users_list(args: argparse.Namespace) -> int:
    svc = _services()
    names = {o.id: o.name for o in svc.accounts.organisations()}
    for user in svc.accounts.users():
        state = "disabled" if user.disabled else "active"
        print(f"{user.email:<32} {user.role:<11} {state:<9} {names.get(user.org_id, '?')}")
    return 0


def _invite(args: argparse.Namespace) -> int:
    from intake.accounts import AccountError
    from intake.codes import grouped
    from intake.web.staff import invitation_link

    svc = _services()
    if args.language and args.language not in svc.catalogs.infos:
        print(
            f"intake: no catalog for {args.language!r}; choose one of "
            f"{', '.join(svc.catalogs.codes)}",
            file=sys.stderr,
        )
        return 1
    try:
        org = svc.accounts.organisation(args.org)
    except AccountError as exc:
        print(f"intake: {exc}", file=sys.stderr)
        return 1
    invitation, code = svc.invitations.create(
        org.id, None, args.language, svc.settings.invitation_days
    )
    svc.audit.record(
        "invitation.created",
        actor="command line",
        org_id=org.id,
        detail=f"language={args.language or '-'}",
    )
    print(f"code: {grouped(code)}")
    print(f"link: {invitation_link(svc, code)}")
    print(f"valid until: {invitation.expires_at:%Y-%m-%d %H:%M} UTC")
    return 0


def _purge(args: argparse.Namespace) -> int:
    from intake.retention import purge

    svc = _services()
    done = purge(
        svc.store,
        svc.invitations,
        svc.audit,
        svc.settings.retention_days,
        svc.settings.abandoned_days,
    )
    for item in done:
        print(f"disposed of {item.reference} ({item.reason})")
    print(f"{len(done)} intakes disposed of")
    return 0


def _keys_rotate(args: argparse.Namespace) -> int:
    svc = _services()
    keyring = svc.store.keyring
    if keyring.path is None:
        print(
            "intake: INTAKE_DATA_KEY holds one key that cannot be rotated; use a key file",
            file=sys.stderr,
        )
        return 1
    old = sorted(keyring.keys)
    new = keyring.add_key()
    keyring.save()  # kept before anything is encrypted with it; running servers reload it
    count = svc.store.reencrypt()
    for _ in range(5):  # a value a server wrote with an old key just before it reloaded
        if not svc.store.key_ids_in_use() & set(old):
            break
        count += svc.store.reencrypt()
    still = svc.store.key_ids_in_use() & set(old)
    dropped = [kid for kid in old if kid not in still]
    keyring.drop_keys(dropped)
    keyring.save()
    svc.audit.record(
        "keys.rotated", actor="command line", detail=f"new key {new}; {count} answers re-encrypted"
    )
    print(f"new key {new}; {count} answers re-encrypted; dropped {', '.join(dropped) or '-'}")
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
    intakes = svc.store.list_intakes()
    if args.format == "json":
        rows = [
            {
                "reference": grouped(i.reference),
                "status": i.status.value,
                "language": i.locale,
                "created_at": i.created_at.isoformat(),
                "updated_at": i.updated_at.isoformat(),
                "submitted_at": i.submitted_at.isoformat() if i.submitted_at else None,
            }
            for i in intakes
        ]
        print(json.dumps(rows, indent=2))
        return 0
    if not intakes:
        print("No intakes yet.")
        return 0
    print(f"{'REFERENCE':<11} {'STATUS':<12} {'LANG':<6} {'STARTED':<17} SUBMITTED")
    for intake in intakes:
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
