"""Request helpers: the shared services, htmx detection, page rendering."""

from __future__ import annotations

from fastapi import Request
from starlette.responses import HTMLResponse

from intake.i18n import Translator
from intake.services import Services
from intake.templating import render

__all__ = ["Services", "is_htmx", "page", "services"]


def services(request: Request) -> Services:
    return request.app.state.services  # type: ignore[no-any-return]


def is_htmx(request: Request) -> bool:
    """An htmx request that wants a fragment (not a boosted page or a history restore)."""
    headers = request.headers
    return (
        headers.get("HX-Request") == "true"
        and "HX-Boosted" not in headers
        and "HX-History-Restore-Request" not in headers
    )


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def page(
    request: Request,
    template: str,
    context: dict[str, object],
    translator: Translator,
    *,
    status_code: int = 200,
    blocks: tuple[str, ...] = ("main",),
) -> HTMLResponse:
    """Render a page; an htmx request gets only ``blocks`` of it. Always ``Vary: HX-Request``."""
    svc = services(request)
    wanted = blocks if is_htmx(request) else ()
    html = render(
        svc.templates, template, {**context, "settings": svc.settings}, translator, wanted
    )
    response = HTMLResponse(html, status_code=status_code)
    response.headers["Vary"] = "HX-Request"
    return response
