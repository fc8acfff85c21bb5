"""The translator preview: coverage of every locale, every string with its context and review
state, and each question rendered exactly as participants see it in a locale.

Open to logged-in staff while ``INTAKE_TRANSLATOR_PREVIEW`` is on (the default).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from starlette.responses import Response

from intake.flow import build_flow
from intake.i18n import Translator
from intake.i18n_check import check
from intake.i18n_tools import catalog_entries, domains_for
from intake.web.security import Staff
from intake.web.services import Services, page, services
from intake.web.views import Conversation, Entry, Progress, turn_for

router = APIRouter(prefix="/translate")
Svc = Annotated[Services, Depends(services)]
STATES = ("untranslated", "fuzzy", "draft", "reviewed")


def _open(svc: Services) -> None:
    if not svc.settings.translator_preview:
        raise HTTPException(404)


def _staff(svc: Services, request: Request) -> Translator:
    """Translators' pages are in English unless ?ui=sv asks for Swedish."""
    return svc.caseworker.translator("sv" if request.query_params.get("ui") == "sv" else "en")


@router.get("")
def overview(request: Request, svc: Svc, session: Staff) -> Response:
    _open(svc)
    reports, general = check(svc.settings.locales_dir.parent, sources=False)
    return page(
        request,
        "translate/overview.html",
        {
            "reports": reports,
            "general": general,
            "infos": svc.catalogs.infos,
            "questionnaire": svc.questionnaire,
            "session": session,
            "csrf_token": session.csrf_token,
        },
        _staff(svc, request),
    )


@router.get("/{locale}")
def locale_strings(locale: str, request: Request, svc: Svc, session: Staff) -> Response:
    _open(svc)
    if locale not in svc.catalogs.infos:
        raise HTTPException(404)
    state = request.query_params.get("state", "")
    domains = {
        domain: [
            e
            for e in catalog_entries(locale, domain, svc.settings.locales_dir.parent)
            if not state or e.state == state
        ]
        for domain in domains_for(locale)
    }
    return page(
        request,
        "translate/locale.html",
        {
            "locale": svc.catalogs.info(locale),
            "domains": domains,
            "state": state,
            "states": STATES,
            "questionnaire": svc.questionnaire,
            "session": session,
            "csrf_token": session.csrf_token,
        },
        _staff(svc, request),
    )


@router.get("/{locale}/q/{question_id}")
def question_preview(
    locale: str, question_id: str, request: Request, svc: Svc, session: Staff
) -> Response:
    """A question as participants see it in this locale, whatever branch it is on."""
    _open(svc)
    if locale not in svc.catalogs.infos or not svc.questionnaire.has_question(question_id):
        raise HTTPException(404)
    question = svc.questionnaire.question(question_id)
    flow = build_flow(svc.questionnaire, {})
    section = svc.questionnaire.section(question.section_id)
    conversation = Conversation(
        entries=[Entry("section", section=section)],
        turn=turn_for(flow, question, back_to=None),
        progress=Progress(0, len(svc.questionnaire.questions)),
        crisis=request.query_params.get("crisis") == "1",
    )
    if conversation.crisis:
        conversation.entries.append(Entry("crisis"))
    return page(
        request,
        "participant/conversation.html",
        {
            "token": "preview",
            "questionnaire": svc.questionnaire,
            "intake": None,
            "c": conversation,
            "preview": True,
        },
        svc.catalogs.translator(locale),
    )
