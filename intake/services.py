"""Everything the app and the command line share, loaded once from the settings."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment

from intake.accounts import Accounts
from intake.audit import AuditLog
from intake.crypto import Keyring
from intake.db import Database, holds_intakes
from intake.flow import build_flow
from intake.i18n import Catalogs, Translator
from intake.invitations import Invitations
from intake.questionnaire import Questionnaire, load_questionnaire
from intake.ratelimit import RateLimiter
from intake.records import Intake
from intake.scoring import evaluate
from intake.settings import PROJECT_ROOT, Settings, SettingsError
from intake.storage import Store
from intake.summary import Summary, build_summary
from intake.templating import make_environment

WEB = PROJECT_ROOT / "web"
SUMMARY_LOCALE = "sv"


@dataclass(frozen=True)
class Services:
    settings: Settings
    questionnaire: Questionnaire
    catalogs: Catalogs  # what participants read, in every locale
    caseworker: Catalogs  # the caseworker's side: Swedish
    db: Database
    store: Store
    accounts: Accounts
    invitations: Invitations
    audit: AuditLog
    limiter: RateLimiter
    templates: Environment

    @property
    def caseworker_translator(self) -> Translator:
        return self.caseworker.translator(SUMMARY_LOCALE)

    @property
    def swedish(self) -> Translator:
        """The participants' catalog in Swedish: option labels in summaries and exports."""
        return self.catalogs.translator(SUMMARY_LOCALE)

    def summary(self, intake: Intake) -> Summary:
        """The Swedish referral summary of an intake, from its stored answers."""
        flow = build_flow(self.questionnaire, self.store.answers(intake.id))
        return build_summary(
            intake, flow, evaluate(flow), self.swedish, self.caseworker.swedish_name
        )


def load_services(settings: Settings) -> Services:
    """Load and check the questionnaire and catalogs, open (and migrate) the database."""
    secret_file = settings.data_dir / "secret_key"
    had_secret = bool(settings.secret_key) or secret_file.exists()
    settings = settings.resolved()
    keyring = Keyring.load(settings.key_file, settings.data_key)
    if (keyring.created or not had_secret) and holds_intakes(settings.database_url):
        # A database with intakes and no keys: never start with new ones, which would make
        # every answer unreadable and every participant's link invalid.
        if keyring.created:
            settings.key_file.unlink()
        if not had_secret:
            secret_file.unlink()
        missing = [str(settings.key_file)] if keyring.created else []
        missing += [] if had_secret else [str(secret_file)]
        raise SettingsError(
            f"the database at {settings.database_url} holds intakes, but {' and '.join(missing)}"
            " did not exist. Restore them from where they are kept (they are not in the "
            "database backups), or point INTAKE_KEY_FILE / INTAKE_SECRET_KEY to them."
        )
    db = Database(settings.database_url, keyring)
    store = Store(db)
    return Services(
        settings=settings,
        questionnaire=load_questionnaire(settings.questionnaire),
        catalogs=Catalogs(settings.locales_dir, settings.default_locale),
        caseworker=Catalogs(settings.locales_dir, SUMMARY_LOCALE, domain="caseworker"),
        db=db,
        store=store,
        accounts=Accounts(db),
        invitations=Invitations(db, store, settings.secret_key),
        audit=AuditLog(db),
        limiter=RateLimiter(db),
        templates=make_environment(WEB / "templates", WEB / "static"),
    )
