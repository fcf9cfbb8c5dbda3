"""## What it does
Flags a line longer than `line_length` characters (80 by default; markdownlint's MD013). By
default a line is flagged only when it has whitespace beyond the limit, that is when it could
be wrapped; `strict` flags every long line. Headings, code blocks and tables have
their own limits and switches (`stern` is read as the default). Link reference definitions and
the first lines of footnotes are never flagged. Template syntax counts: a line's length is
what the source holds. Off unless configured: it is the markdownlint rule teams turn off most.

## Why is this bad?
Long lines are hard to read and review in editors and diffs that do not wrap.

## Example
    Tokyo holds one trillion dollars in Treasuries, more than any other foreign holder does today.

## Use instead
    Tokyo holds one trillion dollars in Treasuries, more than any other foreign
    holder does today.
"""

from __future__ import annotations

import re

from pydantic import Field

from lint.model import Pos, Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import body_lines, source_lines

_DEFINITION = re.compile(
    r"\s*\[\^[^\]]+\]:|"  # a footnote
    r"\s*\[(?:\\.|[^\]\\])*\]:\s*\S+(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*$"
)


# `\s` is str.isspace's whitespace: a line with none past the limit could not be wrapped there
_WHITESPACE = re.compile(r"\s")


class LineLength(Rule):
    code = "ML013"
    name = "line-length"
    aliases = ("MD013",)
    tags = ("line_length",)
    summary = "a line is longer than the limit"
    enabled = False

    class Options(RuleOptions):
        line_length: int = Field(80, ge=1, description="the longest line allowed")
        heading_line_length: int = Field(80, ge=1, description="the limit for headings")
        code_block_line_length: int = Field(80, ge=1, description="the limit in code blocks")
        code_blocks: bool = Field(True, description="check code blocks")
        tables: bool = Field(True, description="check tables")
        headings: bool = Field(True, description="check headings")
        strict: bool = Field(False, description="flag long lines without whitespace too")
        stern: bool = Field(False, description="strict, except lines that could not wrap")

    def check(self, doc, options):
        facts = body_lines(doc)
        shortest = min(options.line_length, options.heading_line_length)
        shortest = min(shortest, options.code_block_line_length)
        texts = source_lines(doc)
        first = facts.first
        longer = [
            (first + index, line)
            for index, line in enumerate(texts[first - 1 : facts.last])
            if len(line) > shortest
        ]
        if not longer:
            return
        heading_lines = {h.start.line for h in doc.headings}
        table_lines = None
        for number, line in longer:
            if number in facts.code:
                if not options.code_blocks:
                    continue
                limit = options.code_block_line_length
            elif number in heading_lines:
                if not options.headings:
                    continue
                limit = options.heading_line_length
            else:
                limit = options.line_length
            if len(line) <= limit or _DEFINITION.match(line):
                continue
            if not options.tables and "|" in line:
                if table_lines is None:
                    table_lines = _table_lines(doc)
                if number in table_lines:
                    continue
            if not (options.strict or _WHITESPACE.search(line, limit)):
                continue
            yield Problem(
                Pos(number, limit + 1),
                f"line is {len(line)} characters long; expected {limit} at most",
                end=Pos(number, len(line) + 1),
            )


def _table_lines(doc) -> set[int]:
    found: set[int] = set()
    for lo, _hi, inside in doc.prose:
        if "table" in inside:
            found.add(doc.lines.pos(lo).line)
    return found
