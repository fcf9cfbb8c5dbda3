"""## What it does
Flags a line longer than `line_length` characters (80 by default; markdownlint's MD013). By
default a line is flagged only when its last word starts beyond the limit, that is when it
could be wrapped; `strict` flags every long line, `stern` every long line that holds more than
one word. Headings, code blocks and tables have their own limits and switches. Reference
definitions and footnotes are never flagged; unless `strict`, neither is a line that holds a
link, an image or a bare URL and no paragraph text of its own (a table row or heading with a
link, a line of links, an emphasised line with a link), which often cannot be wrapped without
breaking a URL. Template syntax counts: a line's length is what the source holds. Off unless
configured: it is the markdownlint rule teams turn off most.

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
from bisect import bisect_right
from functools import cached_property
from itertools import pairwise

from pydantic import Field

from lint.model import Pos, Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import body_lines, line_of, prose_starts, source_lines
from lint.rules.markdownlint.bare_urls import literal_autolinks

_SPACE = re.compile(r"\s")
_NOT_WRAPPABLE = re.compile(r"(?:[#>\s]*\s)?\S*$")  # one word, after markers or indentation
_NOT_PARAGRAPH_TEXT = frozenset({"table", "heading", "emphasis", "strong", "strikethrough"})
_DEFINITION = re.compile(
    r"\s*\[\^[^\]]+\]:|"  # a footnote
    r"\s*\[(?:\\.|[^\]\\])*\]:\s*\S+(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*$"
)


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
        first = facts.first
        longer = [
            (first + index, line)
            for index, line in enumerate(source_lines(doc)[first - 1 : facts.last])
            if len(line) > shortest
        ]
        if not longer:
            return
        heading_lines = set()
        line_at = line_of(doc)
        for heading in doc.headings:
            heading_lines.update(range(line_at(heading.offset), line_at(heading.end_offset) + 1))
        page = None  # what the page's structure says of a line, read when a long line needs it
        for number, line in longer:
            in_code = number in facts.code
            if in_code:
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
            if not (options.strict or options.stern) and _SPACE.search(line, limit - 1) is None:
                # no whitespace from the limit on (the last word starts before it): the line
                # could not be wrapped there
                continue
            if options.stern and not options.strict and _NOT_WRAPPABLE.match(line):
                continue
            if page is None:
                page = _Page(doc)
            if number in page.defined:
                continue
            if not options.tables and number in page.tables:
                continue
            if not options.strict and not in_code and page.links_only(number, line):
                continue
            yield Problem(
                Pos(number, limit + 1),
                f"line is {len(line)} characters long; expected {limit} at most",
                end=Pos(number, len(line) + 1),
            )


class _Page:
    """What a page's structure says of its lines: the lines of reference definitions and
    footnotes (never flagged), of tables, and whether a line holds a link, an image or a bare
    URL but no paragraph text of its own (a table row, a heading, a line of nothing but
    links, an emphasised line), which markdownlint leaves alone: such a line often cannot be
    wrapped without breaking a URL."""

    def __init__(self, doc) -> None:
        self.doc = doc
        lines = doc.lines
        footnotes: set[int] = set()
        if "[^" in doc.text:  # what every footnote's definition starts with
            for lo, hi, inside in doc.prose:
                if "footnote" in inside:
                    footnotes.update((lines.pos(lo).line, lines.pos(max(hi - 1, lo)).line))
            for node in doc.nodes:
                if "footnote" in node.inside:
                    footnotes.update((node.start.line, node.end.line))
        self.defined = _filled(footnotes, lines)
        line_at = line_of(doc)
        for definition in doc.definitions:
            self.defined.update(
                range(line_at(definition.offset), line_at(definition.end_offset) + 1)
            )
        self.linked: set[int] = set()
        for node in doc.links_and_images:
            self.linked.update(range(line_at(node.offset), line_at(node.end_offset) + 1))
        self.images = sorted((image.offset, image.end_offset) for image in doc.images)
        self.image_starts = [lo for lo, _hi in self.images]

    @cached_property
    def tables(self) -> set[int]:
        lines, found = self.doc.lines, set()
        for lo, hi, inside in self.doc.prose:
            if "table" in inside:
                found.update((lines.pos(lo).line, lines.pos(max(hi - 1, lo)).line))
        for node in self.doc.nodes:
            if "table" in node.inside:
                found.update((node.start.line, node.end.line))
        return _filled(found, lines)

    def links_only(self, number: int, line: str) -> bool:
        """Whether line `number`, whose text is `line`, holds links and no text of its own."""
        doc, text = self.doc, self.doc.text
        linked, worded = number in self.linked, False
        if not linked and "://" not in line and "www." not in line and "@" not in line:
            return False  # no link, and no bare URL either
        line_lo = doc.lines.starts[number - 1]
        line_hi = line_lo + len(line)
        prose = doc.prose
        i = max(bisect_right(prose_starts(doc), line_lo) - 1, 0)
        while i < len(prose) and prose[i][0] < line_hi and not worded:
            lo, hi, inside = prose[i]
            i += 1
            lo, hi = max(lo, line_lo), min(hi, line_hi)
            around = bisect_right(self.image_starts, lo) - 1  # the image that starts last before
            if lo >= hi or "link" in inside or (around >= 0 and hi <= self.images[around][1]):
                continue
            own = _NOT_PARAGRAPH_TEXT.isdisjoint(inside)  # nor in a table, heading, emphasis
            at = lo
            for start, end in literal_autolinks(text, lo, hi):
                linked = True
                worded = worded or (own and start > at)
                at = end
            worded = worded or (own and at < hi)
        return linked and not worded


def _filled(found: set[int], lines) -> set[int]:
    """`found` with the lines between two of them when none of those is blank: the lines of
    the blocks they are in (a table's delimiter row, a row of code only)."""
    ordered = sorted(found)
    for above, below in pairwise(ordered):
        between = range(above + 1, below)
        if all(lines.line_text(n).strip() for n in between):
            found.update(between)
    return found
