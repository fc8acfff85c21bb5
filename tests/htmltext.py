"""The text a person sees on a page: element text and visible attributes, without script and
style, and without parts marked dir="ltr" on purpose (codes, links, phone numbers)."""

from __future__ import annotations

from html.parser import HTMLParser

VISIBLE_ATTRIBUTES = ("placeholder", "aria-label", "title", "alt")
VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}


class _Text(HTMLParser):
    def __init__(self, skip_ltr: bool) -> None:
        super().__init__()
        self.skip_ltr = skip_ltr
        self.stack: list[bool] = []  # per open element: is it hidden from the check?
        self.parts: list[str] = []

    def hidden(self) -> bool:
        return any(self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        hide = tag in ("script", "style") or (self.skip_ltr and values.get("dir") == "ltr")
        if not self.hidden() and not hide:
            self.parts.extend(v for k, v in attrs if k in VISIBLE_ATTRIBUTES and v)
            if (
                tag == "input"
                and values.get("type") in ("submit", "button")
                and values.get("value")
            ):
                self.parts.append(values["value"])
        if tag not in VOID:
            self.stack.append(hide)

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.hidden() and data.strip():
            self.parts.append(data.strip())


def visible_text(html: str, *, skip_ltr: bool = True) -> str:
    parser = _Text(skip_ltr)
    parser.feed(html)
    return "\n".join(parser.parts)
