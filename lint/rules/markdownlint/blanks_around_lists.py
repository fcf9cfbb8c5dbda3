"""## What it does
Flags a list without a blank line before or after it (markdownlint's MD032), unless it starts
or ends the body or the container it is in. The fix adds the blank line.

## Why is this bad?
Some renderers do not start a list that touches the paragraph before it, and without the blank
line a following paragraph may be read as part of the last item.

## Example
    The holders:
    - Tokyo
    - Beijing
    Both hold less than last year.

## Use instead
    The holders:

    - Tokyo
    - Beijing

    Both hold less than last year.
"""

from __future__ import annotations

from lint.model import Pos, Problem
from lint.rules import Rule
from lint.rules.markdownlint import _COMMENT, body_lines, insert_line, is_blank
from lint.rules.markdownlint.lists import lists


class BlanksAroundLists(Rule):
    code = "ML032"
    name = "blanks-around-lists"
    aliases = ("MD032",)
    enabled = False
    tags = ("bullet", "ul", "ol", "blank_lines")
    summary = "a list has no blank line before or after it"
    fixable = True

    def check(self, doc, options):
        facts = body_lines(doc)
        lines = doc.lines
        for found in lists(doc):
            if found.parents or facts.in_template(found.offset):
                continue
            quoted = "blockquote" in found.inside
            first, last = found.first_line, found.last_line
            if first > facts.first and not _blank(lines.line_text(first - 1), quoted):
                yield Problem(
                    Pos(first, 1),
                    "no blank line before the list; expected one",
                    fix=None if quoted else insert_line(doc, first, "add a blank line above"),
                )
            if last < facts.last and not _blank(lines.line_text(last + 1), quoted):
                yield Problem(
                    Pos(last, 1),
                    "no blank line after the list; expected one",
                    fix=None if quoted else insert_line(doc, last + 1, "add a blank line below"),
                )


def _blank(text: str, quoted: bool) -> bool:
    """A blank line, or one of only HTML comments; in a blockquote a line of only `>` is
    blank too, while outside one a line that starts with `>` begins a quote."""
    if text.lstrip().startswith("<!--"):
        return True  # a comment, even one that runs on over more lines, is as good as blank
    if quoted:
        return is_blank(text)
    return is_blank(text) and ">" not in _COMMENT.sub("", text)
