"""The app factory: ``create_app(settings) -> FastAPI``; state lives on ``app.state``."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.staticfiles import StaticFiles

from intake.services import WEB, load_services
from intake.settings import Settings
from intake.web import participant, translate


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app: load and check the questionnaire and catalogs, open the database."""
    settings = settings or Settings.from_env()
    app = FastAPI(title="Intake", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.services = load_services(settings)
    app.include_router(participant.router)
    app.include_router(translate.router)
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
    app.add_middleware(GZipMiddleware, minimum_size=512)

    @app.middleware("http")
    async def headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response: Response = await call_next(request)
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if request.url.path.startswith("/static/"):
            if "v" in request.query_params:
                response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        else:
            # Pages can hold personal data: no copy in the phone's cache.
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    return app
