"""## What it does
Flags a table's cell dividers (`|`) that do not follow the column style `style` asks for
(markdownlint's MD060): `aligned` wants every row's pipes under the header row's (measured in
display width: a CJK character or an emoji counts two), `compact` one space on each side of
a pipe inside a row (one space in an empty cell), `tight` no space. With `any` (the default)
a table that keeps any of the three styles is left alone; one that keeps none gets the
problems of the style it comes closest to (the fewest problems; `aligned`, then `compact` on a
tie). `aligned_delimiter` also wants the delimiter row's pipes under the header's with
`compact` and `tight`. Leading and trailing pipes are not required (that is ML055's). The fix
adds or removes the spaces of `compact` and `tight`; `aligned` has no fix, as aligning a pipe
may mean rewriting the whole table.

## Why is this bad?
A table whose columns are spaced one way here and another way there is harder to read and to
edit, and every change to it shows up as a noisy diff.

## Example
    | holder | $ trillion |
    | --- | --- |
    | Japan |1.1  |

## Use instead
    | holder | $ trillion |
    | --- | --- |
    | Japan | 1.1 |
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from pydantic import Field

from lint.model import Pos, Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import replace
from lint.rules.markdownlint.tables import visible_tables

# A space inserted after this would turn a row into a list item
_LIST_PREFIX = re.compile(r"^[>\s]*[-+*]$")


class TableColumnStyle(Rule):
    code = "ML060"
    name = "table-column-style"
    aliases = ("MD060",)
    enabled = False
    tags = ("table",)
    summary = "a table's pipes are spaced or aligned unlike the column style expected"
    fixable = True

    class Options(RuleOptions):
        style: Literal["any", "aligned", "compact", "tight"] = Field(
            "any", description="the column style wanted: any, aligned, compact or tight"
        )
        aligned_delimiter: bool = Field(
            False,
            description="with compact and tight, the delimiter row's pipes under the header's",
        )

    def check(self, doc, options):
        style = options.style
        aligned_ok = style in ("any", "aligned")
        compact_ok = style in ("any", "compact")
        tight_ok = style in ("any", "tight")
        for table in visible_tables(doc):
            rows = [_Row(doc, row) for row in table.rows]
            if not rows:
                continue
            aligned = list(_unaligned(rows, "style 'aligned'")) if aligned_ok else []
            compact: list[Problem] = []
            tight: list[Problem] = []
            if (compact_ok or tight_ok) and not (aligned_ok and not aligned):
                if options.aligned_delimiter:
                    compact = list(_unaligned(rows[:2], "option 'aligned_delimiter'"))
                    tight = list(compact)
                for row in rows:
                    _spacing(row, compact, tight)
            chosen = aligned
            if compact_ok and (not aligned_ok or len(compact) < len(chosen)):
                chosen = compact
            if tight_ok and (len(tight) < len(chosen) or style == "tight"):
                chosen = tight
            yield from chosen


class _Row:
    """A table row's line, and where its text and its pipes are in that line."""

    def __init__(self, doc, row) -> None:
        self.number = row.line
        self.line = doc.lines.line_text(row.line)
        at = row.offset - doc.lines.starts[row.line - 1]
        start = self.line.find(row.source, at) if row.source else -1
        self.start = start if start >= 0 else at  # index of the row's text in its line
        self.end = self.start + len(row.source)
        self.pipes = [self.start + pipe for pipe in row.pipes]  # indexes in the line


def _unaligned(rows: list[_Row], what: str):
    """A problem for each pipe of a later row that is not under a pipe of the first row
    (measured in display width), until every header pipe has been matched."""
    header = rows[0]
    wanted = [_width(header.line[:pipe]) for pipe in header.pipes]
    for row in rows[1:]:
        left = set(wanted)
        for pipe in row.pipes:
            width = _width(row.line[:pipe])
            if not left:
                break
            if width in left:
                left.discard(width)
                continue
            column = pipe + 1
            yield Problem(
                Pos(row.number, column),
                f"table pipe at column {column} is not under a pipe of the header row; "
                f"expected the columns aligned ({what})",
                end=Pos(row.number, column + 1),
            )


def _spacing(row: _Row, compact: list[Problem], tight: list[Problem]) -> None:
    """The problems of each pipe's spacing in a row, for `compact` and for `tight`. Only
    space inside the row counts: none before its first pipe or after its last."""
    line = row.line
    for pipe in row.pipes:
        sides = []  # (side, where its space starts, how long it is)
        if pipe > row.start:  # something before it in the row
            before = line[row.start : pipe]
            space = len(before) - len(before.rstrip(" \t"))
            sides.append(("left", pipe - space, space))
        if pipe < row.end - 1:  # something after it in the row
            after = line[pipe + 1 : row.end]
            sides.append(("right", pipe + 1, len(after) - len(after.lstrip(" \t"))))
        for side, at, space in sides:
            if not space:
                what = f"is missing space to the {side}"
                compact.append(_problem(row, pipe, what, "compact", (at, at, " ")))
                continue
            if space != 1:
                what = f"has extra space to the {side}"
                compact.append(_problem(row, pipe, what, "compact", (at, at + space - 1, "")))
            what = f"has space to the {side}"
            tight.append(_problem(row, pipe, what, "tight", (at, at + space, "")))


def _problem(row: _Row, pipe: int, what: str, style: str, edit) -> Problem:
    column = pipe + 1
    lo, hi, text = edit
    fix = None
    if not (text == " " and _LIST_PREFIX.match(row.line[:lo])):
        fix = replace(
            row.number, lo + 1, hi + 1, text, "add a space" if text else "remove the space"
        )
    wanted = "one space" if style == "compact" else "no space"
    return Problem(
        Pos(row.number, column),
        f"table pipe {what}; expected {wanted} (style '{style}')",
        end=Pos(row.number, column + 1),
        fix=fix,
    )


def _width(text: str) -> int:
    """How many columns text takes in a monospaced font: East Asian wide and full-width
    characters and emoji two, marks, format and control characters (tabs too) none."""
    if text.isascii():
        return len(text) - sum(1 for c in text if c < " " or c == "\x7f")
    width = 0
    last = 0  # the width of the last character counted
    joined = False  # after a zero-width joiner: the next character joins an emoji
    for c in text:
        if c == "\ufe0f":  # emoji presentation: the emoji before it is wide
            width += 2 - last if last == 1 else 0
            last = 2 if last else 0
            continue
        category = unicodedata.category(c)
        if c == "\u200d":
            joined = True
            continue
        if joined or category in ("Mn", "Me", "Cf", "Cc", "Cs") or "\ufe00" <= c <= "\ufe0f":
            joined = False
            continue
        if "\U0001f3fb" <= c <= "\U0001f3ff":  # a skin tone: part of the emoji before it
            continue
        last = 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
        width += last
    return width
