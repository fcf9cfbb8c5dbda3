"""## What it does
Flags a table without a blank line before or after it (markdownlint's MD058), unless it
starts or ends the body. The fix adds the blank line (not inside a blockquote, where it
would end the quote).

## Why is this bad?
A table glued to a paragraph is hard to see in the source, and a line of text after it
becomes one more row of the table.

## Example
    Holdings in 2025:
    | holder | $ trillion |
    | --- | --- |
    | Japan | 1.1 |

## Use instead
    Holdings in 2025:

    | holder | $ trillion |
    | --- | --- |
    | Japan | 1.1 |
"""

from __future__ import annotations

from lint.model import Pos, Problem
from lint.rules import Rule
from lint.rules.markdownlint import body_lines, insert_line, is_blank
from lint.rules.markdownlint.tables import visible_tables


class BlanksAroundTables(Rule):
    code = "ML058"
    name = "blanks-around-tables"
    aliases = ("MD058",)
    enabled = False
    tags = ("table",)
    summary = "a table has no blank line before or after it"
    fixable = True

    def check(self, doc, options):
        lines = doc.lines
        facts = None
        for table in visible_tables(doc):
            facts = facts or body_lines(doc)
            quoted = "blockquote" in table.inside
            first, last = table.first_line, table.last_line
            if first > facts.first and not is_blank(lines.line_text(first - 1)):
                yield Problem(
                    Pos(first, 1),
                    "no blank line above the table; expected 1",
                    fix=None if quoted else insert_line(doc, first, "add a blank line above"),
                )
            if last < facts.last and not is_blank(lines.line_text(last + 1)):
                yield Problem(
                    Pos(last, 1),
                    "no blank line below the table; expected 1",
                    fix=None if quoted else insert_line(doc, last + 1, "add a blank line below"),
                )
