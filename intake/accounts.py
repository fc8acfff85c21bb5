"""Organisations, caseworkers and their server-side sessions.

Passwords are hashed with argon2id (argon2-cffi). A session is a random 256-bit token in a
cookie, stored only as a hash, with its own CSRF token; logging out revokes it, logging in
always makes a new one.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from intake.db import Database, hash_secret, now, organisations, sessions, users, utc

ROLES = ("caseworker", "admin")
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
_SLUG = re.compile(r"[^a-z0-9]+")
# Verifying against this keeps the time of a login for an unknown e-mail like a known one.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


class AccountError(ValueError):
    """A request about accounts that cannot be done; the message says why."""


@dataclass(frozen=True)
class Organisation:
    id: int
    slug: str
    name: str


@dataclass(frozen=True)
class User:
    id: int
    org_id: int
    email: str
    name: str
    role: str
    disabled: bool

    @property
    def admin(self) -> bool:
        return self.role == "admin"


@dataclass(frozen=True)
class Session:
    user: User
    organisation: Organisation
    csrf_token: str
    expires_at: datetime


def slugify(name: str) -> str:
    return _SLUG.sub("-", name.casefold()).strip("-")[:64] or "org"


def _user(row: sa.Row[*tuple[Any, ...]]) -> User:
    return User(row.id, row.org_id, row.email, row.name, row.role, row.disabled_at is not None)


class Accounts:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- organisations ---------------------------------------------------------------------

    def organisation(self, slug_or_name: str, create: bool = False) -> Organisation:
        slug = slugify(slug_or_name)
        with self.db.tx() as conn:
            row = conn.execute(sa.select(organisations).where(organisations.c.slug == slug)).first()
            if row is None:
                if not create:
                    raise AccountError(
                        f"no organisation '{slug_or_name}'; 'intake users list' shows them"
                    )
                conn.execute(
                    organisations.insert().values(slug=slug, name=slug_or_name, created_at=now())
                )
                row = conn.execute(
                    sa.select(organisations).where(organisations.c.slug == slug)
                ).one()
        return Organisation(row.id, row.slug, row.name)

    def organisation_by_id(self, org_id: int) -> Organisation:
        with self.db.read() as conn:
            row = conn.execute(sa.select(organisations).where(organisations.c.id == org_id)).one()
        return Organisation(row.id, row.slug, row.name)

    def organisations(self) -> list[Organisation]:
        with self.db.read() as conn:
            rows = conn.execute(sa.select(organisations).order_by(organisations.c.name))
            return [Organisation(r.id, r.slug, r.name) for r in rows]

    def has_users(self) -> bool:
        with self.db.read() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(users)).scalar_one() > 0

    # -- users ---------------------------------------------------------------------------

    def add_user(
        self, email: str, name: str, password: str, org: Organisation, role: str = "caseworker"
    ) -> User:
        email = email.strip().casefold()
        if role not in ROLES:
            raise AccountError(f"role must be one of {', '.join(ROLES)}")
        if "@" not in email:
            raise AccountError(f"'{email}' is not an e-mail address")
        if len(password) < 12:
            raise AccountError("the password must have at least 12 characters")
        with self.db.tx() as conn:
            if conn.execute(sa.select(users.c.id).where(users.c.email == email)).first():
                raise AccountError(f"a user '{email}' already exists")
            conn.execute(
                users.insert().values(
                    org_id=org.id,
                    email=email,
                    name=name,
                    password_hash=_hasher.hash(password),
                    role=role,
                    created_at=now(),
                )
            )
        user = self.user_by_email(email)
        assert user is not None
        return user

    def user_by_email(self, email: str) -> User | None:
        with self.db.read() as conn:
            row = conn.execute(
                sa.select(users).where(users.c.email == email.strip().casefold())
            ).first()
        return _user(row) if row else None

    def users(self, org_id: int | None = None) -> list[User]:
        query = sa.select(users).order_by(users.c.email)
        if org_id is not None:
            query = query.where(users.c.org_id == org_id)
        with self.db.read() as conn:
            return [_user(r) for r in conn.execute(query)]

    def disable(self, email: str) -> User:
        """Disable a user and end all their sessions."""
        user = self.user_by_email(email)
        if user is None:
            raise AccountError(f"no user '{email}'")
        at = now()
        with self.db.tx() as conn:
            conn.execute(users.update().where(users.c.id == user.id).values(disabled_at=at))
            conn.execute(
                sessions.update()
                .where(sessions.c.user_id == user.id, sessions.c.revoked_at.is_(None))
                .values(revoked_at=at)
            )
        return user

    def authenticate(self, email: str, password: str) -> User | None:
        """The user with this e-mail and password, if enabled; timing does not tell which
        part was wrong."""
        with self.db.read() as conn:
            row = conn.execute(
                sa.select(users).where(users.c.email == email.strip().casefold())
            ).first()
        try:
            _hasher.verify(row.password_hash if row else _DUMMY_HASH, password)
        except (VerificationError, InvalidHashError):
            return None
        if row is None or row.disabled_at is not None:
            return None
        if _hasher.check_needs_rehash(row.password_hash):
            with self.db.tx() as conn:
                conn.execute(
                    users.update()
                    .where(users.c.id == row.id)
                    .values(password_hash=_hasher.hash(password))
                )
        return _user(row)

    # -- sessions ------------------------------------------------------------------------

    def start_session(self, user: User, hours: int) -> str:
        """A new session; the token goes in the cookie and is stored only as a hash."""
        token = secrets.token_urlsafe(32)
        at = now()
        with self.db.tx() as conn:
            conn.execute(
                sessions.insert().values(
                    token_hash=hash_secret(token),
                    csrf_token=secrets.token_urlsafe(32),
                    user_id=user.id,
                    created_at=at,
                    expires_at=at + timedelta(hours=hours),
                )
            )
        return token

    def session(self, token: str) -> Session | None:
        """The live session of a cookie token: not revoked, not expired, user enabled."""
        if not token:
            return None
        query = (
            sa.select(
                sessions.c.user_id,
                sessions.c.csrf_token,
                sessions.c.expires_at,
                sessions.c.revoked_at,
                users.c.org_id,
                users.c.email,
                users.c.name,
                users.c.role,
                users.c.disabled_at,
                organisations.c.slug,
                organisations.c.name.label("org_name"),
            )
            .join(users, users.c.id == sessions.c.user_id)
            .join(organisations, organisations.c.id == users.c.org_id)
            .where(sessions.c.token_hash == hash_secret(token))
        )
        with self.db.read() as conn:
            row = conn.execute(query).first()
        if row is None or row.revoked_at is not None or row.disabled_at is not None:
            return None
        expires = utc(row.expires_at)
        if expires is None or expires <= now():
            return None
        user = User(row.user_id, row.org_id, row.email, row.name, row.role, False)
        return Session(
            user, Organisation(row.org_id, row.slug, row.org_name), row.csrf_token, expires
        )

    def end_session(self, token: str) -> None:
        with self.db.tx() as conn:
            conn.execute(
                sessions.update()
                .where(sessions.c.token_hash == hash_secret(token))
                .values(revoked_at=now())
            )
