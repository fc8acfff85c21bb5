"""The participant's side of an invitation: open the link (never uses it up), or type the
code; starting is a POST that claims the invitation atomically."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from intake import codes
from intake.ratelimit import CODE, CODE_ADDRESS
from intake.web.services import (
    Services,
    client_address,
    go,
    page,
    reader_translator,
    services,
)

router = APIRouter()
Svc = Annotated[Services, Depends(services)]


def _limited(svc: Services, request: Request, code: str) -> bool:
    return svc.limiter.blocked(CODE, code) or svc.limiter.blocked(
        CODE_ADDRESS, client_address(request)
    )


def _wrong(svc: Services, request: Request, code: str) -> None:
    svc.limiter.fail(CODE, code)
    svc.limiter.fail(CODE_ADDRESS, client_address(request))


def _code_page(
    request: Request, svc: Services, error: str = "", code: str = "", status_code: int = 200
) -> Response:
    t = reader_translator(request)
    return page(
        request,
        "participant/invitation_code.html",
        {
            "questionnaire": svc.questionnaire,
            "token": None,
            "error": error,
            "code": code,
            "wait_minutes": CODE.minutes,
        },
        t,
        status_code=status_code,
    )


@router.get("/i")
def code_page(request: Request, svc: Svc) -> Response:
    return _code_page(request, svc)


@router.post("/i")
async def enter_code(request: Request, svc: Svc) -> Response:
    form = await request.form()
    typed = str(form.get("code", ""))[:40]
    code = codes.normalise_code(typed)
    if _limited(svc, request, code):
        return _code_page(request, svc, "limited", typed, 429)
    invitation = svc.invitations.find(code) if code else None
    if invitation is None or invitation.state == "expired":
        _wrong(svc, request, code)
        return _code_page(request, svc, "unknown", typed, 422)
    lang = request.query_params.get("lang", "")
    suffix = f"?lang={lang}" if lang in svc.catalogs.infos else ""
    return go(request, f"/i/{codes.grouped(code)}{suffix}")


@router.get("/i/{code}")
def invitation_page(code: str, request: Request, svc: Svc) -> Response:
    """The start page of an invitation. A GET never uses it up: link previews are safe."""
    code = codes.normalise_code(code)
    if _limited(svc, request, code):
        return _code_page(request, svc, "limited", "", 429)
    invitation = svc.invitations.find(code)
    if invitation is None:
        _wrong(svc, request, code)
    state = invitation.state if invitation else "unknown"
    t = reader_translator(request, suggested=invitation.locale if invitation else None)
    return page(
        request,
        "participant/invitation.html",
        {
            "questionnaire": svc.questionnaire,
            "token": None,
            "state": state,
            "code": codes.grouped(code),
            "choices": svc.catalogs.ordered(t.locale),
        },
        t,
        status_code=200 if state == "open" else 410 if state in ("used", "expired") else 404,
    )


@router.post("/i/{code}/start")
async def start_invited(code: str, request: Request, svc: Svc) -> Response:
    code = codes.normalise_code(code)
    form = await request.form()
    locale = str(form.get("locale", ""))
    if locale not in svc.catalogs.infos:
        locale = svc.settings.default_locale
    if _limited(svc, request, code):
        return _code_page(request, svc, "limited", "", 429)
    claimed = svc.invitations.claim(
        code, locale, svc.questionnaire.id, svc.questionnaire.version, svc.settings.secret_key
    )
    if claimed is None:
        if svc.invitations.find(code) is None:
            _wrong(svc, request, code)
        return go(request, f"/i/{codes.grouped(code)}?lang={locale}")
    intake, token = claimed
    svc.audit.record(
        "intake.started",
        actor="participant",
        org_id=intake.org_id,
        reference=intake.reference,
        detail=f"language={locale}",
    )
    return go(request, f"/s/{token}/welcome")
