"""The emphasis and strong emphasis of a document with their markers, for the emphasis rules,
read once per file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyromark

from lint.document import Document
from lint.markdown import _OPTIONS
from lint.model import Edit, Fix, Pos, Problem
from lint.rules.markdownlint import body_lines

_WORD = re.compile(r"\w", re.ASCII)
_KINDS = {"Emphasis": 1, "Strong": 2}
_CONTAINERS = frozenset({"BlockQuote", "List", "Item", "FootnoteDefinition", "Table"})


@dataclass(slots=True)
class Emphasis:
    strong: bool
    opening: int  # character offset of the opening marker
    closing: int  # character offset of the closing marker
    width: int  # 1 for emphasis, 2 for strong
    marker: str  # `*` or `_`
    # the events of the paragraph it is in (when outside containers), filled as read
    paragraph: list | None = field(default=None, compare=False)


def emphases(doc: Document) -> tuple[Emphasis, ...]:
    found = doc.__dict__.get("_ml_emphases")
    if found is None:
        found = tuple(_read(doc))
        doc.__dict__["_ml_emphases"] = found
    return found


def _read(doc: Document):
    text, lines = doc.text, doc.lines
    start = doc.body_start
    body = text[start:]
    if "*" not in body and "_" not in body:
        return
    base = len(text[:start].encode("utf-8"))
    depth = 0  # open blockquotes, lists, footnotes and tables
    paragraph: list | None = None  # the events of a paragraph outside them, so far
    for event, rng in pyromark.events_with_range(body, options=_OPTIONS):
        if event.__class__ is not dict:
            continue
        if paragraph is not None:
            paragraph.append(event)
        kind = event.get("Start")
        if kind is None:
            kind = event.get("End")
            name = next(iter(kind)) if kind.__class__ is dict else kind
            if name in _CONTAINERS:
                depth -= 1
            elif name == "Paragraph":
                paragraph = None
            continue
        name = next(iter(kind)) if kind.__class__ is dict else kind
        if name in _CONTAINERS:
            depth += 1
        elif name == "Paragraph" and depth == 0:
            paragraph = []
        width = _KINDS.get(name)
        if width is None:
            continue
        lo = lines.char_offset(base + rng["start"])
        hi = lines.char_offset(base + rng["end"])
        marker = text[lo]
        if marker in "*_" and text[hi - 1] == marker:
            yield Emphasis(width == 2, lo, hi - width, width, marker, paragraph)


def alone(found: Emphasis, text: str) -> str | None:
    """The text of an emphasis that is a whole paragraph by itself, outside blockquotes and
    lists, and holds nothing but one line of plain text (no code, link, escape or entity)."""
    events = found.paragraph
    if events is None or len(events) < 4 or events[-2] != {"End": events[0].get("Start")}:
        return None
    words = "".join(event.get("Text", "\n") for event in events[1:-2])
    if words != text[found.opening + found.width : found.closing]:
        return None
    return words


_STYLES = {"*": "asterisk", "_": "underscore"}


def style_problems(doc: Document, strong: bool, style: str):
    """Problems of emphasis (or strong emphasis) whose marker is not the style's: the first
    one's marker for `consistent`. An underscore cannot make emphasis inside a word, so such
    emphasis is left alone when underscores are wanted."""
    facts = None
    text, lines = doc.text, doc.lines
    wanted = None if style == "consistent" else {"asterisk": "*", "underscore": "_"}[style]
    for found in emphases(doc):
        if found.strong != strong:
            continue
        if facts is None:
            facts = body_lines(doc)
        if facts.in_template(found.opening):
            continue
        wanted = wanted or found.marker
        if found.marker == wanted:
            continue
        after = found.closing + found.width
        if wanted == "_" and (
            _WORD.match(text, found.opening - 1, found.opening) or _WORD.match(text, after)
        ):
            continue
        new = wanted * found.width
        what = "strong emphasis" if strong else "emphasis"
        for at in (found.opening, found.closing):
            pos = lines.pos(at)
            end = Pos(pos.line, pos.column + found.width)
            yield Problem(
                pos,
                f"{what} with '{found.marker * found.width}' ({_STYLES[found.marker]}); "
                f"expected '{new}' ({_STYLES[wanted]})",
                end=end,
                fix=Fix(f"use {new}", (Edit(pos, end, new),)),
            )
