"""## What it does
Flags a table row whose leading and trailing pipes are not the ones `style` asks for
(markdownlint's MD055): `consistent` (the default) wants those of the table's first row in
every row of the page's tables, `leading_and_trailing`, `leading_only`, `trailing_only` and
`no_leading_or_trailing` say it outright. A missing or an extra pipe is one problem each.

## Why is this bad?
Rows written differently are harder to read and to edit, and a table without leading pipes
is easy to mistake for text.

## Example
    | holder | $ trillion |
    | --- | --- |
    Japan | 1.1

## Use instead
    | holder | $ trillion |
    | --- | --- |
    | Japan | 1.1 |
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lint.model import Pos, Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint.tables import visible_tables

_STYLES = {
    "leading_and_trailing": (True, True),
    "leading_only": (True, False),
    "trailing_only": (False, True),
    "no_leading_or_trailing": (False, False),
}


class TablePipeStyle(Rule):
    code = "ML055"
    name = "table-pipe-style"
    aliases = ("MD055",)
    enabled = False
    tags = ("table",)
    summary = "a table row's leading or trailing pipe differs from the style expected"

    class Options(RuleOptions):
        style: Literal[
            "consistent",
            "leading_only",
            "trailing_only",
            "leading_and_trailing",
            "no_leading_or_trailing",
        ] = Field("consistent", description="the pipes wanted at the ends of each row")

    def check(self, doc, options):
        wanted = _STYLES.get(options.style)
        lines = doc.lines
        for table in visible_tables(doc):
            for row in table.rows:
                if wanted is None:
                    wanted = (row.leading, row.trailing)
                start = lines.pos(row.offset)
                end = Pos(start.line, start.column + len(row.source))
                if row.leading != wanted[0]:
                    yield Problem(
                        start,
                        f"{'unexpected' if row.leading else 'missing'} leading pipe in table "
                        f"row '{_shown(row.source)}'",
                        end=end,
                    )
                if row.trailing != wanted[1]:
                    yield Problem(
                        Pos(end.line, max(end.column - 1, 1)),
                        f"{'unexpected' if row.trailing else 'missing'} trailing pipe in table "
                        f"row '{_shown(row.source)}'",
                        end=end,
                    )


def _shown(source: str) -> str:
    return source if len(source) <= 40 else source[:37] + "..."
