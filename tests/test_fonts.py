"""Every character of every translation is covered by a font in the stylesheet's stack that
the test machine has (the Noto and DejaVu packages phones and CI share): no missing-glyph boxes.

Needs the fonts from scripts/install-system-packages.sh, so it is marked with the browser tests.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from functools import cache

import pytest
from babel.messages.pofile import read_po
from fontTools.ttLib import TTCollection, TTFont

from intake.i18n import Catalogs
from intake.settings import PROJECT_ROOT

pytestmark = pytest.mark.browser
CSS = PROJECT_ROOT / "web" / "static" / "intake.css"
LOCALES = Catalogs(PROJECT_ROOT / "locales").codes


def stack_families() -> list[str]:
    match = re.search(r"font-family:([^;]+);", CSS.read_text())
    assert match, "the stylesheet names its font stack in :root"
    return [f.strip().strip('"') for f in match.group(1).split(",")]


@cache
def covered() -> frozenset[int]:
    """Code points covered by the installed fonts of the stack (and DejaVu, fontconfig's
    sans-serif on Debian, for the generic families)."""
    listing = subprocess.run(
        ["fc-list", "--format", "%{family}\t%{file}\n"], capture_output=True, text=True, check=True
    ).stdout
    wanted = set(stack_families()) | {"DejaVu Sans"}
    points: set[int] = set()
    for line in listing.splitlines():
        families, _, path = line.partition("\t")
        if not wanted & {f.strip() for f in families.split(",")}:
            continue
        if path.endswith(".ttc"):
            with TTCollection(path) as collection:
                for font in collection.fonts:
                    points.update(font.getBestCmap() or {})
        else:
            with TTFont(path, lazy=True) as font:
                points.update(font.getBestCmap() or {})
    return frozenset(points)


def needs_glyph(ch: str) -> bool:
    return not (ch.isspace() or unicodedata.category(ch) in ("Cf", "Cc", "Zs"))


@pytest.mark.parametrize("locale", LOCALES)
def test_every_character_has_a_font(locale: str) -> None:
    assert covered(), "no font of the stack is installed: run 'make system-packages'"
    path = PROJECT_ROOT / "locales" / locale / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=locale)
    text = "".join(
        s
        for m in catalog
        if m.id
        for s in (m.string if isinstance(m.string, tuple) else (m.string,))
    )
    text += Catalogs(PROJECT_ROOT / "locales").info(locale).own_name
    missing = sorted({ch for ch in text if needs_glyph(ch) and ord(ch) not in covered()})
    assert not missing, [f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in missing]
