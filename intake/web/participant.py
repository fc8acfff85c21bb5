"""The participant's pages: language, welcome, the conversation, review, confirmation.

Every page works as plain HTML (forms, POST then 303). With htmx, answering a question returns
only the new part of the conversation; everything else navigates as usual.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from starlette.responses import Response

from intake import codes
from intake.flow import Flow, build_flow
from intake.i18n import Translator
from intake.language import detect, undecided
from intake.languages import filter_languages
from intake.questionnaire.model import Question
from intake.ratelimit import CODE, CODE_ADDRESS
from intake.records import Answer, Intake, Status
from intake.replies import AskAgain, read_reply
from intake.scoring import evaluate
from intake.web.services import (
    Services,
    client_address,
    go,
    is_htmx,
    page,
    reader_translator,
    redirect,
    services,
)
from intake.web.views import (
    Conversation,
    Entry,
    crisis_after,
    crisis_if_any,
    exchange,
    progress_of,
    review_sections,
    section_entries,
    turn_for,
)

router = APIRouter()
MAX_SAID = 500  # the typed words kept to echo back an understood answer
Svc = Annotated[Services, Depends(services)]


def _intake(svc: Services, token: str) -> Intake:
    intake = svc.store.intake_by_token(token)
    if intake is None:
        raise HTTPException(404)
    return intake


def _flow(svc: Services, intake: Intake) -> Flow:
    return build_flow(svc.questionnaire, svc.store.answers(intake.id))


def _base(svc: Services, token: str | None, intake: Intake | None = None) -> dict[str, object]:
    return {"token": token, "questionnaire": svc.questionnaire, "intake": intake}


def _picker(svc: Services, request: Request, selected: str) -> dict[str, object]:
    """The language picker's context: the typed query, the languages whose names match it,
    and, when none does, the language the query seems to be written in."""
    query = request.query_params.get("q", "")[:200]
    choices = filter_languages(svc.catalogs.ordered(selected), query, svc.catalogs.aliases)
    detected = []
    if query and not choices:
        found = detect(query)
        if found:
            detected = [
                svc.catalogs.translator(code)
                for code in (found.locale, *undecided(found))
                if code in svc.catalogs.infos
            ]
    return {"selected": selected, "query": query, "choices": choices, "detected": detected}


# -- start -----------------------------------------------------------------------------------


@router.get("/")
def start_page(request: Request, svc: Svc) -> Response:
    t = reader_translator(request)
    context = {**_base(svc, None), **_picker(svc, request, t.locale)}
    return page(request, "participant/start.html", context, t)


@router.post("/start")
async def start(request: Request, svc: Svc) -> Response:
    if not svc.settings.open_start:
        return redirect("/")  # the start page explains how to start with an invitation
    form = await request.form()
    locale = str(form.get("locale", ""))
    if locale not in svc.catalogs.infos:
        return redirect("/")
    _intake, token = svc.store.create_intake(
        locale, svc.questionnaire.id, svc.questionnaire.version, svc.settings.secret_key
    )
    return go(request, f"/s/{token}/welcome")


@router.get("/resume")
def resume_page(request: Request, svc: Svc) -> Response:
    t = reader_translator(request)
    return page(request, "participant/resume.html", {**_base(svc, None), "error": False}, t)


@router.post("/resume")
async def resume(request: Request, svc: Svc) -> Response:
    form = await request.form()
    code = str(form.get("code", ""))[:40]
    key, address = codes.normalise_code(code), client_address(request)
    if svc.limiter.blocked(CODE, key) or svc.limiter.blocked(CODE_ADDRESS, address):
        return page(
            request,
            "participant/resume.html",
            {**_base(svc, None), "error": "limited", "code": code, "wait_minutes": CODE.minutes},
            reader_translator(request),
            status_code=429,
        )
    token = svc.store.token_by_resume_code(code, svc.settings.secret_key) if key else None
    if token is None:
        svc.limiter.fail(CODE, key)
        svc.limiter.fail(CODE_ADDRESS, address)
        return page(
            request,
            "participant/resume.html",
            {**_base(svc, None), "error": "unknown", "code": code},
            reader_translator(request),
            status_code=422,
        )
    return go(request, f"/s/{token}")


@router.get("/help")
def help_page(request: Request, svc: Svc) -> Response:
    t = reader_translator(request)
    return page(request, "participant/help.html", _base(svc, None), t)


# -- the conversation ------------------------------------------------------------------------


@router.get("/s/{token}/welcome")
def welcome(token: str, request: Request, svc: Svc) -> Response:
    intake = _intake(svc, token)
    t = reader_translator(request, fixed=intake.locale)
    return page(
        request,
        "participant/welcome.html",
        {
            **_base(svc, token, intake),
            "resume_code": codes.grouped(svc.store.resume_code(intake.id, svc.settings.secret_key)),
        },
        t,
    )


@router.get("/s/{token}")
def conversation(token: str, request: Request, svc: Svc) -> Response:
    intake = _intake(svc, token)
    if intake.status is Status.SUBMITTED:
        return redirect(f"/s/{token}/done")
    t = reader_translator(request, fixed=intake.locale)
    flow = _flow(svc, intake)
    if flow.declined:
        return page(request, "participant/declined.html", _base(svc, token, intake), t)
    current = flow.current
    if current is None:
        return redirect(f"/s/{token}/review")
    return page(
        request,
        "participant/conversation.html",
        {
            **_base(svc, token, intake),
            "c": _conversation(flow, current, t, offer=_offer(svc, intake)),
        },
        t,
    )


def _offer(svc: Services, intake: Intake) -> Translator | None:
    """The language the participant seems to write in, offered until they answer the offer."""
    suggested = intake.suggested_locale
    if suggested and suggested in svc.catalogs.infos and suggested != intake.locale:
        return svc.catalogs.translator(suggested)
    return None


def _conversation(flow: Flow, current: Question, t: Translator, **turn: object) -> Conversation:
    findings = evaluate(flow)
    entries = section_entries(flow, current, findings, t)
    focus = not any(e.focus for e in entries)
    return Conversation(
        entries, turn_for(flow, current, focus=focus, **turn), progress_of(flow), findings.crisis
    )


@router.get("/s/{token}/q/{question_id}")
def question_page(token: str, question_id: str, request: Request, svc: Svc) -> Response:
    intake = _intake(svc, token)
    if intake.status is Status.SUBMITTED:
        return redirect(f"/s/{token}/done")
    flow = _flow(svc, intake)
    if not svc.questionnaire.has_question(question_id) or not flow.is_asked(question_id):
        return redirect(f"/s/{token}")
    t = reader_translator(request, fixed=intake.locale)
    question = svc.questionnaire.question(question_id)
    return_to = "review" if request.query_params.get("return") == "review" else ""
    return page(
        request,
        "participant/question.html",
        {
            **_base(svc, token, intake),
            "turn": turn_for(flow, question, editing=True, return_to=return_to),
            "progress": progress_of(flow),
        },
        t,
    )


@router.post("/s/{token}/q/{question_id}")
async def answer(token: str, question_id: str, request: Request, svc: Svc) -> Response:
    intake = _intake(svc, token)
    if intake.status is Status.SUBMITTED:
        return go(request, f"/s/{token}/done")
    before = _flow(svc, intake)
    if not svc.questionnaire.has_question(question_id) or not before.is_asked(question_id):
        return go(request, f"/s/{token}")
    question = svc.questionnaire.question(question_id)
    form = await request.form()
    return_to = "review" if form.get("return") == "review" else ""
    editing = form.get("editing") == "1"
    typed = str(form.get("typed", ""))
    # Typed words to a question where some answer shows crisis help are read with care.
    careful = bool(typed.strip()) and crisis_if_any(before, question, question.option_codes)
    reply = read_reply(
        question,
        locale=intake.locale,
        catalogs=svc.catalogs,
        typing=svc.questionnaire.typing,
        skip="skip" in form,
        choices=[str(v) for v in form.getlist("choice")],
        typed=typed,
        confirmed=form.get("confirmed") == "1",
        careful=careful,
    )
    if reply.suggest and reply.suggest != intake.suggested_locale:
        svc.store.suggest_locale(intake.id, reply.suggest)
        intake = svc.store.intake_by_id(intake.id) or intake
    if isinstance(reply, AskAgain):
        return _ask_again(request, svc, intake, before, question, reply, editing, return_to, token)
    said = (str(form.get("said", "")).strip() or reply.typed or "")[:MAX_SAID]
    answer = Answer(
        question.id,
        reply.value,
        datetime.now(UTC),
        reply.language,
        svc.questionnaire.version,
        said if reply.value is not None and said else None,
    )
    if not svc.store.save_answer(intake.id, answer):
        return go(request, f"/s/{token}/done")  # sent in the meantime (another tab)
    after = _flow(svc, intake)
    status = Status.DECLINED if after.declined else Status.IN_PROGRESS
    if status is not intake.status:
        svc.store.set_status(intake.id, status)
    if after.declined:
        # Consent withdrawn: nothing but the consent answers is kept.
        svc.store.keep_only(intake.id, [q.id for q in svc.questionnaire.consent_questions])
        return go(request, f"/s/{token}")
    next_question = after.current
    to_review = next_question is None or (return_to == "review" and after.complete)
    in_place = (
        is_htmx(request)
        and not editing
        and not to_review
        and before.current is not None
        and before.current.id == question.id
    )
    if not in_place and question.id in crisis_after(evaluate(after)):
        # Crisis help at once: in the conversation, right after the answer (it takes the
        # focus); after a changed answer or the last one, a page of help, then on.
        if to_review or editing:
            then = "review" if to_review else "conversation"
            return go(request, f"/s/{token}/help?then={then}")
        return go(request, f"/s/{token}#help")
    if to_review:
        return go(request, f"/s/{token}/review")
    if not in_place or next_question is None:
        return go(request, f"/s/{token}#now")
    return _next_turn(request, svc, intake, after, question, next_question, token)


def _next_turn(
    request: Request,
    svc: Services,
    intake: Intake,
    flow: Flow,
    answered: Question,
    next_question: Question,
    token: str,
) -> Response:
    """For htmx: the new part of the conversation, plus progress and the next turn."""
    t = reader_translator(request, fixed=intake.locale)
    findings = evaluate(flow)
    entries = [exchange(answered, flow.answers[answered.id], t)]
    crisis = answered.id in crisis_after(findings)
    if crisis:
        entries.append(Entry("crisis", focus=True))
    if next_question.section_id != answered.section_id:
        entries.append(
            Entry("section", section=svc.questionnaire.section(next_question.section_id))
        )
    conversation = Conversation(
        entries,
        turn_for(flow, next_question, focus=not crisis, offer=_offer(svc, intake)),
        progress_of(flow),
        findings.crisis,
        oob=True,
    )
    return page(
        request,
        "participant/conversation.html",
        {**_base(svc, token, intake), "c": conversation},
        t,
        blocks=("entries", "progress", "turn"),
    )


def _could_mean(question: Question, reply: AskAgain) -> tuple[str, ...]:
    """The answers a reply may mean, for crisis help. Typed words that could not be read
    clearly may mean any answer ("I don't want to live" to the self-harm question): if one of
    them shows crisis help, it is shown while asking again."""
    if reply.typed and not reply.chosen:
        return question.option_codes
    return reply.candidates


def _ask_again(
    request: Request,
    svc: Services,
    intake: Intake,
    flow: Flow,
    question: Question,
    reply: AskAgain,
    editing: bool,
    return_to: str,
    token: str,
) -> Response:
    """Show the question again: what was not understood, a "did you mean", or a year to
    confirm; what was chosen or typed is kept."""
    t = reader_translator(request, fixed=intake.locale)
    turn_args = {
        "chosen": reply.chosen,
        "typed": reply.typed,
        "error": reply.error,
        "candidates": reply.candidates,
        "number": reply.number,
        "numbers": reply.numbers,
        "typed_year": reply.typed_year,
        "calendar": reply.calendar,
        "editing": editing,
        "return_to": return_to,
        "offer": _offer(svc, intake),
        "crisis": crisis_if_any(flow, question, _could_mean(question, reply)),
    }
    status = 422 if reply.error else 200
    if editing or flow.current is None or flow.current.id != question.id:
        response = page(
            request,
            "participant/question.html",
            {
                **_base(svc, token, intake),
                "turn": turn_for(flow, question, **turn_args),
                "progress": progress_of(flow),
            },
            t,
            status_code=status,
            blocks=("turn",),
        )
    else:
        response = page(
            request,
            "participant/conversation.html",
            {
                **_base(svc, token, intake),
                "c": _conversation(flow, question, t, **turn_args),
            },
            t,
            status_code=status,
            blocks=("turn",),
        )
    if is_htmx(request):
        response.headers["HX-Retarget"] = "#turn"
        response.headers["HX-Reswap"] = "outerHTML"
    return response


# -- review, submit, done --------------------------------------------------------------------


@router.get("/s/{token}/review")
def review(token: str, request: Request, svc: Svc) -> Response:
    intake = _intake(svc, token)
    if intake.status is Status.SUBMITTED:
        return redirect(f"/s/{token}/done")
    flow = _flow(svc, intake)
    if not flow.complete:
        return redirect(f"/s/{token}")
    t = reader_translator(request, fixed=intake.locale)
    return page(
        request,
        "participant/review.html",
        {
            **_base(svc, token, intake),
            "sections": review_sections(flow, t),
            "progress": progress_of(flow),
            "crisis": evaluate(flow).crisis,
        },
        t,
    )


@router.post("/s/{token}/submit")
def submit(token: str, request: Request, svc: Svc) -> Response:
    intake = _intake(svc, token)
    if intake.status is not Status.SUBMITTED:
        stored = svc.store.answers(intake.id)
        flow = build_flow(svc.questionnaire, stored)
        if not flow.complete:
            return go(request, f"/s/{token}")
        if svc.store.submit(intake.id, flow.dropped(stored)):  # not if sent meanwhile
            svc.audit.record(
                "intake.submitted",
                actor="participant",
                org_id=intake.org_id,
                reference=intake.reference,
            )
    return go(request, f"/s/{token}/done")


@router.get("/s/{token}/done")
def done(token: str, request: Request, svc: Svc) -> Response:
    intake = _intake(svc, token)
    if intake.status is not Status.SUBMITTED:
        return redirect(f"/s/{token}")
    t = reader_translator(request, fixed=intake.locale)
    return page(
        request,
        "participant/done.html",
        {
            **_base(svc, token, intake),
            "reference": codes.grouped(intake.reference),
            "crisis": evaluate(_flow(svc, intake)).crisis,
        },
        t,
    )


# -- language, continue later, help ----------------------------------------------------------


@router.get("/s/{token}/language")
def language_page(token: str, request: Request, svc: Svc) -> Response:
    intake = _intake(svc, token)
    t = reader_translator(request, fixed=intake.locale)
    return page(
        request,
        "participant/language.html",
        {**_base(svc, token, intake), **_picker(svc, request, intake.locale)},
        t,
    )


@router.post("/s/{token}/language")
async def change_language(token: str, request: Request, svc: Svc) -> Response:
    """Switch language (answers are kept), or decline an offered one."""
    intake = _intake(svc, token)
    form = await request.form()
    locale = str(form.get("locale", ""))
    if locale in svc.catalogs.infos and locale != intake.locale:
        svc.store.set_locale(intake.id, locale)
    elif intake.suggested_locale:
        svc.store.suggest_locale(intake.id, None)
    return go(request, f"/s/{token}#now")


@router.get("/s/{token}/later")
def later(token: str, request: Request, svc: Svc) -> Response:
    intake = _intake(svc, token)
    t = reader_translator(request, fixed=intake.locale)
    return page(
        request,
        "participant/later.html",
        {
            **_base(svc, token, intake),
            "resume_code": codes.grouped(svc.store.resume_code(intake.id, svc.settings.secret_key)),
            # the public address (never the request's Host header, which a proxy may change)
            "link": f"{svc.settings.base_url.rstrip('/')}/s/{token}",
            "resume_url": f"{svc.settings.base_url.rstrip('/')}/resume",
        },
        t,
    )


@router.get("/s/{token}/help")
def intake_help(token: str, request: Request, svc: Svc) -> Response:
    """Crisis help; after an answer that raised it, with the way on to the next page."""
    intake = _intake(svc, token)
    t = reader_translator(request, fixed=intake.locale)
    then = request.query_params.get("then", "")
    return page(
        request,
        "participant/help.html",
        {**_base(svc, token, intake), "then": then if then in ("review", "conversation") else ""},
        t,
    )
