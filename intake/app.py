"""The app factory: ``create_app(settings) -> FastAPI``; state lives on ``app.state``."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from urllib.parse import quote

from fastapi import FastAPI
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from intake.retention import purge
from intake.services import WEB, Services, load_services
from intake.settings import Settings
from intake.templating import render
from intake.web import invite, participant, staff, translate
from intake.web.security import LoginRequired, security_headers

log = logging.getLogger(__name__)
PURGE_EVERY_SECONDS = 3600
STAFF_PATHS = ("/staff", "/translate", "/login", "/logout")
MAX_BODY = 256 * 1024


class _CompressParticipantPages:
    """gzip for the participant's pages and static files (cheap phones, slow networks); never
    for staff pages, which carry a CSRF token beside text a request can choose (BREACH)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=512)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and str(scope.get("path", "")).startswith(STAFF_PATHS):
            await self.app(scope, receive, send)
        else:
            await self.gzip(scope, receive, send)


async def _purge_regularly(svc: Services) -> None:
    """Retention while the server runs: dispose of what is due, every hour."""
    while True:
        try:
            done = await asyncio.to_thread(
                purge,
                svc.store,
                svc.invitations,
                svc.audit,
                svc.settings.retention_days,
                svc.settings.abandoned_days,
            )
            if done:
                log.info("retention: disposed of %d intakes", len(done))
        except Exception:  # keep the loop alive; the next round tries again
            log.exception("retention: purge failed")
        await asyncio.sleep(PURGE_EVERY_SECONDS)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app: load and check the questionnaire and catalogs, open the database."""
    svc = load_services(settings or Settings.from_env())

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        task = asyncio.create_task(_purge_regularly(svc))
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    docs = svc.settings.api_docs
    app = FastAPI(
        title="Intake",
        lifespan=lifespan,
        docs_url="/docs" if docs else None,
        redoc_url=None,
        openapi_url="/openapi.json" if docs else None,
    )
    app.state.services = svc
    app.include_router(participant.router)
    app.include_router(invite.router)
    app.include_router(staff.router)
    app.include_router(translate.router)
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
    app.add_middleware(_CompressParticipantPages)

    @app.exception_handler(StarletteHTTPException)
    async def error_page(request: Request, exc: StarletteHTTPException) -> Response:
        """Errors as small pages in the reader's language (participants) or Swedish (staff)."""
        staff_area = request.url.path.startswith(STAFF_PATHS)
        if staff_area:
            t, template = svc.caseworker_translator, "caseworker/error.html"
        else:
            wanted = request.query_params.get("lang")
            locale = (
                wanted
                if wanted in svc.catalogs.infos
                else svc.catalogs.negotiate(request.headers.get("accept-language"))
            )
            t, template = svc.catalogs.translator(locale), "participant/error.html"
        html = render(
            svc.templates,
            template,
            {
                "status": exc.status_code,
                "questionnaire": svc.questionnaire,
                "settings": svc.settings,
                "session": None,
                "csrf_token": "",
                "token": None,
            },
            t,
        )
        return HTMLResponse(html, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(LoginRequired)
    async def to_login(request: Request, exc: LoginRequired) -> Response:
        target = f"/login?next={quote(exc.next_url, safe='/')}"
        if request.headers.get("HX-Request") == "true":
            return Response(status_code=204, headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)

    @app.middleware("http")
    async def headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        length = request.headers.get("content-length", "0")
        if not length.isdigit() or int(length) > MAX_BODY:
            return Response(status_code=413)  # no form of ours is near this size
        response: Response = await call_next(request)
        security_headers(response, svc.settings, request.url.path, bool(request.url.query))
        return response

    return app
