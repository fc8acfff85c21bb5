"""A demo organisation and caseworker on an empty database, so a new user can try both sides."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from intake.services import Services

DEMO_ORG = "Demo: Arbetsförmedlingen"
DEMO_EMAIL = "demo@intake.invalid"


@dataclass(frozen=True)
class DemoLogin:
    email: str
    password: str
    invitation: str  # a link a participant can open


def create_demo(svc: Services) -> DemoLogin | None:
    """Create the demo once; None when the database already has users."""
    if svc.accounts.has_users():
        return None
    from intake.web.staff import invitation_link

    password = secrets.token_urlsafe(12)
    org = svc.accounts.organisation(DEMO_ORG, create=True)
    user = svc.accounts.add_user(DEMO_EMAIL, "Demo Handläggare", password, org, "admin")
    _invitation, code = svc.invitations.create(org.id, user.id, None, svc.settings.invitation_days)
    svc.audit.record("demo.created", actor="system", org_id=org.id, user_id=user.id)
    return DemoLogin(DEMO_EMAIL, password, invitation_link(svc, code))
