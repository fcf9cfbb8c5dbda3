"""## What it does
Flags a table row with more or fewer cells than the table's header row (markdownlint's
MD056). A row with fewer cells renders with empty cells; the cells past the header's count
are dropped.

## Why is this bad?
Readers miss the data of the dropped cells, and a row with a missing cell usually means the
values have shifted into the wrong columns.

## Example
    | holder | $ trillion |
    | --- | --- |
    | Japan | 1.1 | 2025 |

## Use instead
    | holder | $ trillion | year |
    | --- | --- | --- |
    | Japan | 1.1 | 2025 |
"""

from __future__ import annotations

from lint.model import Pos, Problem
from lint.rules import Rule
from lint.rules.markdownlint.tables import visible_tables


class TableColumnCount(Rule):
    code = "ML056"
    name = "table-column-count"
    aliases = ("MD056",)
    enabled = False
    tags = ("table",)
    summary = "a table row has more or fewer cells than the header"

    def check(self, doc, options):
        lines = doc.lines
        for table in visible_tables(doc):
            if not table.rows:
                continue
            wanted = table.rows[0].cells
            for row in table.rows[1:]:
                cells = row.cells
                if cells == wanted:
                    continue
                if cells < wanted:  # at the row's end, where the cells are missing
                    at = len(row.source) - 1
                    what = "too few cells: the row will be missing data"
                else:  # at the pipe that opens the first extra cell
                    at = row.pipes[wanted - (0 if row.leading else 1)]
                    what = "too many cells: the extra data will be dropped"
                start = lines.pos(row.offset + at)
                yield Problem(
                    start,
                    f"{cells} cell{'s' if cells != 1 else ''} in a table of {wanted} columns; "
                    f"{what}",
                    end=Pos(start.line, start.column + len(row.source) - at),
                )
