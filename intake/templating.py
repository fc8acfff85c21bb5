"""One Jinja environment for every page, with gettext chosen per render.

Each render passes ``t``, the ``Translator`` of the page's locale; the gettext callables read it
from the template context, so one environment serves every language. ``render`` returns the full
page, or only named blocks of it for htmx requests.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape
from jinja2.runtime import Context
from jinja2_fragments import render_block, render_blocks

from intake.i18n import Translator
from intake.questionnaire.model import Question
from intake.units import with_unit


@pass_context
def _gettext(ctx: Context, message: str) -> str:
    return ctx["t"].gettext(message)  # type: ignore[no-any-return]


@pass_context
def _ngettext(ctx: Context, singular: str, plural: str, n: int) -> str:
    return ctx["t"].ngettext(singular, plural, n)  # type: ignore[no-any-return]


@pass_context
def _pgettext(ctx: Context, context: str, message: str) -> str:
    return ctx["t"].pgettext(context, message)  # type: ignore[no-any-return]


@pass_context
def _npgettext(ctx: Context, context: str, singular: str, plural: str, n: int) -> str:
    return ctx["t"].npgettext(context, singular, plural, n)  # type: ignore[no-any-return]


@pass_context
def _number(ctx: Context, value: float) -> str:
    """A number written the way the page's locale writes numbers."""
    return format_decimal(value, locale=ctx["t"].locale)


@pass_context
def _with_unit(ctx: Context, question: Question, number: int) -> str:
    """A number with the question's unit, in the page's language: "1 hour", "3 hours"."""
    return with_unit(question, number, format_decimal(number, locale=ctx["t"].locale), ctx["t"])


def make_environment(templates: Path, static: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates),
        autoescape=select_autoescape(["html"]),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=_gettext,
        ngettext=_ngettext,
        newstyle=True,
        pgettext=_pgettext,
        npgettext=_npgettext,
    )
    env.filters["number"] = _number
    env.globals["with_unit"] = _with_unit
    versions = {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()[:10]
        for path in static.iterdir()
        if path.is_file()
    }

    def static_url(name: str) -> str:
        return f"/static/{name}?v={versions.get(name, '0')}"

    env.globals["static_url"] = static_url
    return env


def render(
    env: Environment,
    template: str,
    context: dict[str, Any],
    translator: Translator,
    blocks: Sequence[str] = (),
) -> str:
    """The whole page, or the given blocks of it joined (for htmx requests).

    The block ``main`` is the page's <main> element, which the base layout renders alone when
    ``fragment`` is set (blocks of a parent template cannot be rendered on their own).
    """
    context = {**context, "t": translator}
    if not blocks or tuple(blocks) == ("main",):
        return env.get_template(template).render({**context, "fragment": bool(blocks)})
    if len(blocks) == 1:
        return render_block(env, template, blocks[0], context)
    return render_blocks(env, template, list(blocks), context)
