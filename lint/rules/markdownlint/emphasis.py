"""The emphasis and strong emphasis of a document with their markers, for the emphasis rules
(see structure.py)."""

from __future__ import annotations

import re

from lint.document import Document
from lint.model import Edit, Fix, Pos, Problem
from lint.rules.markdownlint import body_lines
from lint.rules.markdownlint.structure import Emphasis, structure

__all__ = ["Emphasis", "alone", "emphases", "style_problems"]

_WORD = re.compile(r"\w", re.ASCII)


def emphases(doc: Document) -> tuple[Emphasis, ...]:
    return structure(doc).emphases


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
