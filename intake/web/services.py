"""Request helpers: the shared services, htmx detection, the reader's language, page rendering
and the way on to another page."""

from __future__ import annotations

import json

from fastapi import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from intake.i18n import Translator
from intake.services import Services
from intake.templating import render

__all__ = ["Services", "go", "is_htmx", "page", "reader_translator", "redirect", "services"]


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


def reader_translator(
    request: Request, *, fixed: str | None = None, suggested: str | None = None
) -> Translator:
    """A participant's language: ``fixed`` (their intake's) if given; else the one they picked
    (``?lang=``), else ``suggested`` (their invitation's), else their browser's."""
    catalogs = services(request).catalogs
    wanted = request.query_params.get("lang")
    for locale in (fixed, wanted, suggested):
        if locale and locale in catalogs.infos:
            return catalogs.translator(locale)
    return catalogs.translator(catalogs.negotiate(request.headers.get("accept-language")))


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def go(request: Request, url: str) -> Response:
    """On to another page: a redirect, or for htmx an HX-Location that loads the page into
    <main> (no full reload)."""
    if not is_htmx(request):
        return redirect(url)
    response = Response(status_code=204)
    response.headers["HX-Location"] = json.dumps(
        {"path": url, "target": "#main", "swap": "outerHTML"}
    )
    response.headers["Vary"] = "HX-Request"
    return response


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
