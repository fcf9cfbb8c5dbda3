"""## What it does
Flags a code span with spaces next to its backticks (markdownlint's MD038): `` ` a` ``,
`` `a ` ``, `` `  a  ` ``. One space on each side is allowed, as CommonMark strips it (it lets
a code span start or end with a backtick: ``` `` `a` `` ```), and so is one space between the
backticks and a backtick inside. The fix removes the spaces; on a code span over several
lines, only the side that is wrong on its line. A code span of spaces only
(`` ` ` ``) is left alone.

## Why is this bad?
The spaces are kept in the rendered code on one side only, which is rarely what was meant, and
renderers disagree about them.

## Example
    Run ` mdvet check` first.

## Use instead
    Run `mdvet check` first.
"""

from __future__ import annotations

import re

from lint.model import Edit, Fix, Problem
from lint.rules import Rule
from lint.rules.markdownlint import body_lines, html_block_lines

_LEFT = re.compile(r"\s(?:[^`]|\Z)")
_RIGHT = re.compile(r"[^`]\s\Z")


class NoSpaceInCode(Rule):
    code = "ML038"
    name = "no-space-in-code"
    aliases = ("MD038",)
    enabled = False
    tags = ("whitespace", "code")
    summary = "a code span has spaces next to its backticks"
    fixable = True

    def check(self, doc, options):
        text = doc.text
        facts = html = None
        for node in doc.code:
            if node.block:
                continue
            source = text[node.offset : node.end_offset]
            ticks = len(source) - len(source.lstrip("`"))
            lo, hi = node.offset + ticks, node.end_offset - ticks
            if lo >= hi or not (text[lo].isspace() or text[hi - 1].isspace()):
                continue  # no space next to the backticks: most spans
            content = text[lo:hi]
            if not content.strip():
                continue  # spaces only: nothing to trim
            inner_lo, inner_hi = lo, hi
            if content.strip(" \r\n") and content[0] in " \r\n" and content[-1] in " \r\n":
                # CommonMark strips one space (or line ending) on each side
                inner_lo += 2 if text.startswith("\r\n", lo) else 1
                inner_hi -= 2 if content.endswith("\r\n") else 1
            first = text[inner_lo:inner_hi].split("\n")
            left = bool(first[0]) and _LEFT.match(first[0].rstrip("\r")) is not None
            last = first[-1].rstrip("\r")
            right = _RIGHT.search(last) is not None
            if not (left or right):
                continue
            # the rarer question last: most spans have no space to find
            if facts is None:
                facts, html = body_lines(doc), html_block_lines(doc)
            if facts.in_template(node.offset) or node.start.line in html:
                continue
            if len(first) == 1:
                fix = Fix(
                    "remove the spaces inside the backticks",
                    (Edit(doc.lines.pos(lo), doc.lines.pos(hi), _trim(first[0], True, True)),),
                )
                at, end = node.start, node.end
            elif left:
                end_of_line = inner_lo + len(first[0].rstrip("\r"))
                fix = Fix(
                    "remove the spaces after the backticks",
                    (
                        Edit(
                            doc.lines.pos(lo),
                            doc.lines.pos(end_of_line),
                            _trim(first[0].rstrip("\r"), True, False),
                        ),
                    ),
                )
                at, end = node.start, doc.lines.pos(end_of_line)
            elif last.strip():
                start_of_line = inner_hi - len(last)
                fix = Fix(
                    "remove the spaces before the backticks",
                    (
                        Edit(
                            doc.lines.pos(start_of_line),
                            doc.lines.pos(hi),
                            _trim(last, False, True),
                        ),
                    ),
                )
                at, end = doc.lines.pos(start_of_line), node.end
            else:
                continue
            shown = source if len(first) == 1 else source.splitlines()[0]
            yield Problem(
                at,
                f"code span '{shown}' has spaces "
                f"{_sides(left, right)} inside its backticks; expected none",
                end=end,
                fix=fix,
            )


def _sides(left: bool, right: bool) -> str:
    if left and right:
        return "at both ends"
    return "at the start" if left else "at the end"


def _trim(text: str, start: bool, end: bool) -> str:
    """The code without the spaces next to the backticks, keeping one before a backtick."""
    if not text.strip():
        return ""
    if start:
        stripped = text.lstrip()
        text = (" " + stripped) if stripped.startswith("`") else stripped
    if end:
        stripped = text.rstrip()
        text = (stripped + " ") if stripped.endswith("`") else stripped
    return text
