"""Security at the HTTP edge: headers on every response, staff sessions, CSRF.

- Content-Security-Policy allows exactly the htmx script (its URL; the page also pins its
  integrity hash) and no inline script; frames are refused; no referrer is sent.
- Staff sessions live in an HttpOnly, SameSite=Lax cookie named ``__Host-intake`` (Secure; a
  development setting relaxes that for plain http, and the name loses its prefix then).
- Every state-changing staff request carries the session's CSRF token, as the form field
  ``csrf`` or, from htmx, the header ``X-CSRF-Token``; it is compared in constant time.
"""

from __future__ import annotations

import hmac
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, HTTPException, Request
from starlette.responses import Response

from intake.accounts import Session
from intake.settings import Settings
from intake.web.services import Services, services

SECURE_COOKIE = "__Host-intake"
PLAIN_COOKIE = "intake_session"


def cookie_name(settings: Settings) -> str:
    return PLAIN_COOKIE if settings.insecure_cookies else SECURE_COOKIE


def set_session_cookie(response: Response, settings: Settings, token: str) -> None:
    response.set_cookie(
        cookie_name(settings),
        token,
        max_age=settings.session_hours * 3600,
        path="/",
        secure=not settings.insecure_cookies,
        httponly=True,
        samesite="lax",
    )


def clear_session_cookie(response: Response, settings: Settings) -> None:
    response.delete_cookie(
        cookie_name(settings),
        path="/",
        secure=not settings.insecure_cookies,
        httponly=True,
        samesite="lax",
    )


def content_security_policy(settings: Settings) -> str:
    scripts = "'self'"
    if settings.htmx_url.startswith(("https://", "http://")):
        parts = urlsplit(settings.htmx_url)
        scripts += f" {parts.scheme}://{parts.netloc}{parts.path}"
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self'",
            "img-src 'self' data:",
            "connect-src 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "object-src 'none'",
        ]
    )


def security_headers(response: Response, settings: Settings, path: str, has_query: bool) -> None:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", content_security_policy(settings))
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Referrer-Policy", "no-referrer")
    if path.startswith("/static/") and has_query:
        headers["Cache-Control"] = "public, max-age=31536000, immutable"
    elif not path.startswith("/static/"):
        headers.setdefault("Cache-Control", "no-store")  # pages can hold personal data


class LoginRequired(Exception):
    """Raised for a staff page without a live session; answered with a redirect to /login."""

    def __init__(self, next_url: str) -> None:
        self.next_url = next_url


def current_session(
    request: Request, svc: Annotated[Services, Depends(services)]
) -> Session | None:
    token = request.cookies.get(cookie_name(svc.settings), "")
    return svc.accounts.session(token)


def staff(
    request: Request, session: Annotated[Session | None, Depends(current_session)]
) -> Session:
    """The logged-in caseworker, or a redirect to the login page."""
    if session is None:
        raise LoginRequired(
            request.url.path + (f"?{request.url.query}" if request.url.query else "")
        )
    return session


def admin(session: Annotated[Session, Depends(staff)]) -> Session:
    if not session.user.admin:
        raise HTTPException(403)
    return session


async def csrf(request: Request, session: Annotated[Session, Depends(staff)]) -> Session:
    """A state-changing staff request must carry the session's CSRF token."""
    sent = request.headers.get("X-CSRF-Token", "")
    if not sent:
        form = await request.form()
        sent = str(form.get("csrf", ""))
    if not hmac.compare_digest(sent.encode(), session.csrf_token.encode()):
        raise HTTPException(403, "CSRF token missing or wrong")
    return session


Staff = Annotated[Session, Depends(staff)]
Admin = Annotated[Session, Depends(admin)]
StaffPost = Annotated[Session, Depends(csrf)]
