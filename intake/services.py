"""Everything the app and the command line share, loaded once from the settings."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment

from intake.accounts import Accounts
from intake.audit import AuditLog
from intake.crypto import Keyring
from intake.db import Database
from intake.flow import build_flow
from intake.i18n import Catalogs, Translator
from intake.invitations import Invitations
from intake.questionnaire import Questionnaire, load_questionnaire
from intake.ratelimit import RateLimiter
from intake.records import Intake
from intake.scoring import evaluate
from intake.settings import PROJECT_ROOT, Settings
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
    settings = settings.resolved()
    keyring = Keyring.load(settings.key_file, settings.data_key)
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
