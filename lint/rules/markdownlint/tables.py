"""The GFM tables of a document and their rows, for the table rules (see structure.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lint.document import Document
from lint.rules.markdownlint import body_lines
from lint.rules.markdownlint.structure import Table, structure

__all__ = ["Row", "Table", "table_rows", "tables", "visible_tables"]

_PIPE = re.compile(r"\\.|\|")


@dataclass(slots=True)
class Row:
    line: int
    offset: int  # where the row's text starts (after a blockquote marker or an indent)
    source: str  # the row as written, without surrounding spaces

    @property
    def leading(self) -> bool:
        return self.source.startswith("|")

    @property
    def trailing(self) -> bool:
        return _pipes(self.source)[-1:] == [len(self.source) - 1] and len(self.source) > 1

    @property
    def pipes(self) -> list[int]:
        """Where the row's cell dividers are in `source` (escaped pipes are cell text)."""
        return _pipes(self.source)

    @property
    def cells(self) -> int:
        pipes = _pipes(self.source)
        count = len(pipes) + 1
        if self.leading:
            count -= 1
        if self.trailing:
            count -= 1
        return count


def _pipes(source: str) -> list[int]:
    return [m.start() for m in _PIPE.finditer(source) if m[0] == "|"]


def tables(doc: Document) -> tuple[Table, ...]:
    return structure(doc).tables


def visible_tables(doc: Document):
    """The tables outside template syntax."""
    found = tables(doc)
    if found:
        facts = body_lines(doc)
        yield from (table for table in found if not facts.in_template(table.offset))


def table_rows(lines, table: Table, column: int) -> list[Row]:
    """The rows of a table whose first row starts at `column` (1-based)."""
    rows = []
    quoted = "blockquote" in table.inside
    for number in range(table.first_line, table.last_line + 1):
        line = lines.line_text(number)
        rest = line[column - 1 :]
        row_start = lines.starts[number - 1] + column - 1 + len(rest) - len(rest.lstrip())
        source = rest.strip()
        if number > table.first_line and quoted:
            stripped = line.lstrip(" ").lstrip(">")
            source = stripped.strip()
            row_start = lines.starts[number - 1] + len(line) - len(line.lstrip(" >"))
        rows.append(Row(number, row_start, source))
    return rows
