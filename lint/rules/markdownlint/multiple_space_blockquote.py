"""## What it does
Flags more than one space after a blockquote's `>` (markdownlint's MD027): `>  Tariffs`.
Code indented inside the quote (five spaces or more after the `>`) and the indented lines
of a list inside the quote are not flagged, nor lines in code blocks, HTML blocks or template
syntax. The fix leaves one space.

## Why is this bad?
The extra spaces render as nothing, and four of them turn the quoted text into a code block.

## Example
    >  Tariffs rose.

## Use instead
    > Tariffs rose.
"""

from __future__ import annotations

import re

from lint.model import Problem
from lint.rules import Rule
from lint.rules.markdownlint import replace, text_matches
from lint.source import line_matches

# the `>` markers of a quoted line, each with the spaces after it, then the text
_QUOTED = re.compile(r"^[ \t]{0,3}>.*", re.MULTILINE)
_MARKERS = re.compile(r"[ \t]{0,3}>( ?)([ \t]*)")
_LIST_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")


class MultipleSpaceBlockquote(Rule):
    code = "ML027"
    name = "no-multiple-space-blockquote"
    aliases = ("MD027",)
    tags = ("blockquote", "whitespace", "indentation")
    summary = "several spaces after a blockquote's `>`"
    fixable = True
    enabled = False

    def check(self, doc, options):
        lines = doc.lines
        in_list = False  # the quote's text holds a list: its lines are indented on purpose
        last = 0
        for match, number in text_matches(
            doc, line_matches(_QUOTED, doc.text, doc.body_start, ">")
        ):
            line = match[0].rstrip("\r")
            if number != last + 1:
                in_list = False  # a new quote
            last = number
            at = 0
            spaces = None
            while (marker := _MARKERS.match(line, at)) is not None:
                at, spaces = marker.end(), marker
            rest = line[at:]
            if _LIST_ITEM.match(rest):
                in_list = True
            if spaces is None or not spaces[2] or not rest.strip() or in_list:
                continue
            width = len(spaces[1]) + len(spaces[2].expandtabs(4))
            if width > 4:
                continue  # indented code inside the quote
            lo, hi = spaces.start(2), spaces.end(2)
            yield Problem(
                lines.pos(match.start() + lo),
                f"{hi - lo + len(spaces[1])} spaces after '>'; expected 1",
                end=lines.pos(match.start() + hi),
                fix=replace(number, lo + 1, hi + 1, "", "leave one space after '>'"),
            )
