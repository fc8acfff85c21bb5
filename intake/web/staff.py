"""The caseworker's pages (Swedish): login, dashboard, invitations, summaries and exports, audit.

A caseworker sees only their own organisation's intakes. Consent governs sharing: a summary or
export for another recipient exists only if the participant agreed to share with it. Every
view, export and change is written to the audit log (never the answers themselves).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

import segno
from babel.dates import format_date
from fastapi import APIRouter, Depends, HTTPException, Request
from starlette.responses import JSONResponse, Response

from intake import codes
from intake.accounts import Session
from intake.fhir import questionnaire_resource, questionnaire_response
from intake.flow import build_flow
from intake.ratelimit import LOGIN_ACCOUNT, LOGIN_ADDRESS
from intake.records import Intake, Status
from intake.scoring import evaluate
from intake.summary_render import STOCKHOLM, swedish_time, to_jsonable
from intake.web.security import (
    Admin,
    Staff,
    StaffPost,
    clear_session_cookie,
    cookie_name,
    set_session_cookie,
)
from intake.web.services import Services, client_address, page, redirect, services

router = APIRouter()
Svc = Annotated[Services, Depends(services)]
LOGIN_NONCE = "intake_login"


def _context(svc: Services, session: Session | None, **values: object) -> dict[str, object]:
    return {
        "questionnaire": svc.questionnaire,
        "session": session,
        "csrf_token": session.csrf_token if session else "",
        "when": swedish_time,
        **values,
    }


def _log(
    svc: Services, session: Session, action: str, reference: str | None = None, detail: str = ""
) -> None:
    """An audit event by the logged-in caseworker (never with answer values)."""
    svc.audit.record(
        action,
        actor=session.user.email,
        org_id=session.user.org_id,
        user_id=session.user.id,
        reference=reference,
        detail=detail,
    )


# -- login ---------------------------------------------------------------------------------


def _login_token(svc: Services, nonce: str) -> str:
    return hmac.new(
        svc.settings.secret_key.encode(), b"login:" + nonce.encode(), hashlib.sha256
    ).hexdigest()


def _login_page(
    request: Request, svc: Svc, error: str = "", email: str = "", status_code: int = 200
) -> Response:
    nonce = secrets.token_urlsafe(16)
    next_url = request.query_params.get("next", "/staff")
    response = page(
        request,
        "caseworker/login.html",
        _context(
            svc,
            None,
            error=error,
            email=email,
            login_token=_login_token(svc, nonce),
            next_url=next_url
            if next_url.startswith("/") and not next_url.startswith("//")
            else "/staff",
        ),
        svc.caseworker_translator,
        status_code=status_code,
    )
    response.set_cookie(
        LOGIN_NONCE,
        nonce,
        max_age=3600,
        path="/login",
        httponly=True,
        samesite="strict",
        secure=not svc.settings.insecure_cookies,
    )
    return response


@router.get("/login")
def login_page(request: Request, svc: Svc) -> Response:
    return _login_page(request, svc)


@router.post("/login")
async def login(request: Request, svc: Svc) -> Response:
    form = await request.form()
    email = str(form.get("email", "")).strip().casefold()
    nonce = request.cookies.get(LOGIN_NONCE, "")
    if not nonce or not hmac.compare_digest(
        str(form.get("login_token", "")), _login_token(svc, nonce)
    ):
        return _login_page(request, svc, "expired", email, 400)
    address = client_address(request)
    if svc.limiter.blocked(LOGIN_ACCOUNT, email) or svc.limiter.blocked(LOGIN_ADDRESS, address):
        svc.audit.record("login.blocked", actor=email or "unknown", detail="rate limit")
        return _login_page(request, svc, "limited", email, 429)
    user = svc.accounts.authenticate(email, str(form.get("password", "")))
    if user is None:
        svc.limiter.fail(LOGIN_ACCOUNT, email)
        svc.limiter.fail(LOGIN_ADDRESS, address)
        # An attempt on a known account shows in its organisation's audit log.
        known = svc.accounts.user_by_email(email) if email else None
        svc.audit.record(
            "login.failed",
            actor=email or "unknown",
            org_id=known.org_id if known else None,
            user_id=known.id if known else None,
        )
        return _login_page(request, svc, "wrong", email, 401)
    svc.limiter.clear(LOGIN_ACCOUNT, email)
    token = svc.accounts.start_session(user, svc.settings.session_hours)
    svc.audit.record("login", actor=user.email, org_id=user.org_id, user_id=user.id)
    next_url = str(form.get("next", "/staff"))
    if not next_url.startswith("/") or next_url.startswith("//"):
        next_url = "/staff"
    response = redirect(next_url)
    set_session_cookie(response, svc.settings, token)
    response.delete_cookie(LOGIN_NONCE, path="/login")
    return response


@router.post("/logout")
def logout(request: Request, svc: Svc, session: StaffPost) -> Response:
    svc.accounts.end_session(request.cookies.get(cookie_name(svc.settings), ""))
    _log(svc, session, "logout")
    response = redirect("/login")
    clear_session_cookie(response, svc.settings)
    return response


# -- dashboard -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One line of the dashboard: an intake, or an invitation not used yet."""

    status: str  # "invited", "in_progress", "declined", "submitted", "expired"
    reference: str | None
    language: str
    started: datetime
    submitted: datetime | None
    urgent: int = 0
    attention: int = 0
    expires: datetime | None = None


def _rows(svc: Services, session: Session) -> list[Row]:
    rows = []
    for intake in svc.store.list_intakes(session.user.org_id):
        # Answers are the participant's until they send them: no flags before that.
        findings = (
            evaluate(build_flow(svc.questionnaire, svc.store.answers(intake.id)))
            if intake.status is Status.SUBMITTED
            else None
        )
        flags = findings.flags if findings else ()
        rows.append(
            Row(
                intake.status.value,
                codes.grouped(intake.reference),
                svc.caseworker.swedish_name(intake.locale),
                intake.created_at,
                intake.submitted_at,
                sum(1 for f in flags if f.flag.level == "urgent"),
                sum(1 for f in flags if f.flag.level == "attention"),
            )
        )
    for invitation in svc.invitations.pending(session.user.org_id):
        rows.append(
            Row(
                "invited" if invitation.state == "open" else "expired",
                None,
                svc.caseworker.swedish_name(invitation.locale) if invitation.locale else "",
                invitation.created_at,
                None,
                expires=invitation.expires_at,
            )
        )
    rows.sort(key=lambda r: (-r.urgent, -r.started.timestamp()))
    return rows


def _filtered(rows: list[Row], status: str, flag: str, language: str, query: str) -> list[Row]:
    wanted = codes.normalise_code(query)
    return [
        r
        for r in rows
        if (not status or r.status == status)
        and (flag != "urgent" or r.urgent)
        and (flag != "attention" or r.attention)
        and (not language or r.language == language)
        and (not wanted or (r.reference and wanted in codes.normalise_code(r.reference)))
    ]


@router.get("/staff")
def dashboard(request: Request, svc: Svc, session: Staff) -> Response:
    params = request.query_params
    rows = _rows(svc, session)
    languages = sorted({r.language for r in rows if r.language})
    chosen = {k: params.get(k, "") for k in ("status", "flag", "language", "q")}
    shown = _filtered(rows, chosen["status"], chosen["flag"], chosen["language"], chosen["q"])
    _log(svc, session, "dashboard.viewed")
    return page(
        request,
        "caseworker/dashboard.html",
        _context(svc, session, rows=shown, total=len(rows), languages=languages, chosen=chosen),
        svc.caseworker_translator,
    )


# -- invitations ---------------------------------------------------------------------------


@router.get("/staff/invitations/new")
def new_invitation(request: Request, svc: Svc, session: Staff) -> Response:
    return page(
        request,
        "caseworker/invitation_new.html",
        _context(svc, session, languages=svc.catalogs.ordered()),
        svc.caseworker_translator,
    )


def invitation_link(svc: Services, code: str) -> str:
    return f"{svc.settings.base_url.rstrip('/')}/i/{codes.grouped(code)}"


def qr_svg(link: str) -> str:
    """The link as an inline SVG QR code (no request to any other server)."""
    return segno.make(link, error="m").svg_inline(scale=5, border=2, omitsize=False)


@router.post("/staff/invitations")
async def create_invitation(request: Request, svc: Svc, session: StaffPost) -> Response:
    form = await request.form()
    locale = str(form.get("locale", "")) or None
    if locale is not None and locale not in svc.catalogs.infos:
        raise HTTPException(422, "unknown language")
    invitation, code = svc.invitations.create(
        session.user.org_id, session.user.id, locale, svc.settings.invitation_days
    )
    _log(svc, session, "invitation.created", detail=f"language={locale or '-'}")
    link = invitation_link(svc, code)
    sheet_t = svc.catalogs.translator(locale or svc.settings.default_locale)
    expires = format_date(
        invitation.expires_at.astimezone(STOCKHOLM).date(), "long", locale=sheet_t.locale
    )
    return page(
        request,
        "caseworker/invitation.html",
        _context(
            svc,
            session,
            code=codes.grouped(code),
            link=link,
            qr=qr_svg(link),
            sheet_t=sheet_t,
            expires=expires,
            expires_text=swedish_time(invitation.expires_at),
        ),
        svc.caseworker_translator,
    )


# -- summaries and exports -----------------------------------------------------------------


def _own_intake(svc: Services, session: Session, reference: str) -> Intake:
    intake = svc.store.intake_by_reference(reference)
    if intake is None or intake.org_id != session.user.org_id:
        raise HTTPException(404)  # another organisation's intake does not exist for you
    return intake


def _consented(svc: Services, intake: Intake, recipient: str) -> bool:
    """May this recipient see the answers? Only once the participant has sent them, and only
    if the consent in force (not withdrawn, not declined) says yes."""
    if svc.questionnaire.recipient(recipient) is None:
        raise HTTPException(404)
    if intake.status is not Status.SUBMITTED:
        return False
    flow = build_flow(svc.questionnaire, svc.store.answers(intake.id))
    question = next(
        (q for q in svc.questionnaire.consent_questions if q.recipient == recipient), None
    )
    if question is None or flow.declined:
        return False
    answer = flow.answers.get(question.id)
    return answer is not None and answer.value == "yes"


def _recipient(request: Request) -> str:
    return request.query_params.get("recipient", "caseworker")


@router.get("/staff/intakes/{reference}")
def summary_page(reference: str, request: Request, svc: Svc, session: Staff) -> Response:
    intake = _own_intake(svc, session, reference)
    recipient = _recipient(request)
    allowed = _consented(svc, intake, recipient)
    _log(
        svc,
        session,
        "summary.viewed" if allowed else "summary.refused",
        reference=intake.reference,
        detail=f"recipient={recipient}",
    )
    recipients = [r for r in svc.questionnaire.recipients if r.id != "caseworker"]
    return page(
        request,
        "caseworker/summary.html",
        _context(
            svc,
            session,
            s=svc.summary(intake) if allowed else None,
            allowed=allowed,
            sent=intake.status is Status.SUBMITTED,
            recipient=svc.questionnaire.recipient(recipient),
            recipients=recipients,
            reference=codes.grouped(intake.reference),
        ),
        svc.caseworker_translator,
        status_code=200 if allowed else 403 if intake.status is Status.SUBMITTED else 409,
    )


def _export(
    svc: Services, session: Session, request: Request, reference: str, what: str
) -> tuple[Intake, str]:
    intake = _own_intake(svc, session, reference)
    recipient = _recipient(request)
    if not _consented(svc, intake, recipient):
        _log(
            svc,
            session,
            "export.refused",
            reference=intake.reference,
            detail=f"{what} recipient={recipient}",
        )
        if intake.status is not Status.SUBMITTED:
            raise HTTPException(409, "the participant has not sent their answers yet")
        raise HTTPException(403, f"no consent to share with {recipient}")
    _log(svc, session, "export", reference=intake.reference, detail=f"{what} recipient={recipient}")
    return intake, recipient


def _download(data: dict[str, object], filename: str, media_type: str) -> Response:
    return JSONResponse(
        data,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/staff/intakes/{reference}/summary.json")
def export_json(reference: str, request: Request, svc: Svc, session: Staff) -> Response:
    intake, _ = _export(svc, session, request, reference, "json")
    return _download(
        to_jsonable(svc.summary(intake)), f"intake-{intake.reference}.json", "application/json"
    )


@router.get("/staff/intakes/{reference}/fhir.json")
def export_fhir(reference: str, request: Request, svc: Svc, session: Staff) -> Response:
    intake, _ = _export(svc, session, request, reference, "fhir")
    flow = build_flow(svc.questionnaire, svc.store.answers(intake.id))
    data = questionnaire_response(
        svc.questionnaire, intake, flow, svc.swedish, svc.settings.base_url.rstrip("/")
    )
    return _download(
        data, f"intake-{intake.reference}-QuestionnaireResponse.json", "application/fhir+json"
    )


@router.get("/staff/fhir/Questionnaire.json")
def export_questionnaire(svc: Svc, session: Staff) -> Response:
    data = questionnaire_resource(svc.questionnaire, svc.swedish, svc.settings.base_url.rstrip("/"))
    return _download(data, f"{svc.questionnaire.id}-Questionnaire.json", "application/fhir+json")


# -- audit ---------------------------------------------------------------------------------


@router.get("/staff/audit")
def audit_page(request: Request, svc: Svc, session: Admin) -> Response:
    events = svc.audit.events(session.user.org_id)
    _log(svc, session, "audit.viewed")
    return page(
        request,
        "caseworker/audit.html",
        _context(svc, session, events=events),
        svc.caseworker_translator,
    )
