"""markdownlint's rules (ML): its checks of Markdown structure and style, numbered as
markdownlint numbers them (ML009 is markdownlint's MD009), each answering to markdownlint's code
and name as aliases. The front matter is never read as Markdown, and template syntax (Liquid,
Hugo shortcodes, MDX) is invisible to them.

`body_lines` gives the line-level facts several of these rules read, computed once per file.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from itertools import compress, count
from operator import not_
from typing import NamedTuple

from lint.document import Document
from lint.markdown import Code, Heading
from lint.model import Edit, Fix, Pos
from lint.source import split_lines


class CodeBlock(NamedTuple):
    """A code block with where it stands."""

    node: Code
    start: Pos  # where it starts
    last: int  # its last line
    fenced: bool  # fenced (``` or ~~~) rather than indented


@dataclass(frozen=True, slots=True)
class BodyLines:
    first: int  # the first line of the Markdown body
    last: int  # the last line of the file
    code: frozenset[int]  # lines inside code blocks, fences included
    fences: dict[int, int]  # first line -> last line of each fenced code block
    templates: tuple[tuple[int, int], ...]  # character ranges of template syntax
    blocks: tuple[CodeBlock, ...]  # the code blocks, in order

    def in_template(self, offset: int) -> bool:
        spans = self.templates
        if not spans:  # most pages
            return False
        i = bisect_right(spans, (offset, float("inf"))) - 1
        return i >= 0 and spans[i][0] <= offset < spans[i][1]


def body_lines(doc: Document) -> BodyLines:
    """The line facts of a document, computed once (kept on the Document)."""
    found = doc.__dict__.get("_ml_lines")
    if found is not None:
        return found
    lines = doc.lines
    first = lines.pos(doc.body_start).line
    if doc.front_matter is not None:
        # markdownlint's front matter takes the blank lines after its closing fence with it
        while first < lines.line_count and not lines.line_text(first).strip():
            first += 1
    code: set[int] = set()
    fences: dict[int, int] = {}
    blocks = []
    for node in doc.code:
        if not node.block:
            continue
        start = node.start
        lo, hi = start.line, lines.pos(max(node.end_offset - 1, node.offset)).line
        code.update(range(lo, hi + 1))
        fenced = lines.line_text(lo)[start.column - 1 :].lstrip(" ").startswith(("```", "~~~"))
        if fenced:
            fences[lo] = hi
        blocks.append(CodeBlock(node, start, hi, fenced))
    found = BodyLines(
        first, lines.line_count, frozenset(code), fences, doc.templates, tuple(blocks)
    )
    doc.__dict__["_ml_lines"] = found
    return found


def source_lines(doc: Document) -> list[str]:
    """Every line of the text without its line break (line n is item n - 1): what
    `doc.lines.line_text` gives, split once per file for the rules that read every line."""
    found = doc.__dict__.get("_ml_source_lines")
    if found is None:
        found = doc.__dict__["_ml_source_lines"] = split_lines(doc.text)
    return found


def whitespace_lines(doc: Document) -> list[int]:
    """The numbers of the lines holding nothing but whitespace, in order, found once per file
    (without a Python step per line: most lines are not blank)."""
    found = doc.__dict__.get("_ml_whitespace_lines")
    if found is None:
        found = list(compress(count(1), map(not_, map(str.strip, source_lines(doc)))))
        doc.__dict__["_ml_whitespace_lines"] = found
    return found


def body_whitespace_lines(doc: Document, facts: BodyLines) -> list[int]:
    """`whitespace_lines` from the first line of the Markdown body on."""
    found = whitespace_lines(doc)
    return found[bisect_left(found, facts.first) :]


def line_of(doc: Document) -> Callable[[int], int]:
    """A function giving the line of a character offset, as `doc.lines.pos(offset).line`
    does, without building the position (for a rule placing every link, say)."""
    return partial(bisect_right, doc.lines.starts)


def prose_starts(doc: Document) -> list[int]:
    """Where each run of prose (`doc.prose`) starts, listed once per file."""
    found = doc.__dict__.get("_ml_prose_starts")
    if found is None:
        found = doc.__dict__["_ml_prose_starts"] = [run[0] for run in doc.prose]
    return found


_COMMENT = re.compile(r"<!--.*?-->")


def is_blank(text: str) -> bool:
    """A blank line as markdownlint sees one: nothing but spaces, blockquote markers and
    whole HTML comments."""
    if "<!--" in text:
        text = _COMMENT.sub("", text)
    return not text.replace(">", "").strip()


def line_span(doc: Document, line: int) -> tuple[int, int]:
    """The character range of a line without its line break."""
    start = doc.lines.starts[line - 1]
    return start, start + len(doc.lines.line_text(line))


def newline(doc: Document) -> str:
    """The line break a fix writes: the text's own (kept on the Document)."""
    found = doc.__dict__.get("_ml_newline")
    if found is None:
        found = doc.__dict__["_ml_newline"] = "\r\n" if "\r\n" in doc.text else "\n"
    return found


def insert_line(doc: Document, before: int, description: str) -> Fix:
    """A fix inserting a blank line before line `before` (or after the last line)."""
    if before > doc.lines.line_count:
        end = doc.lines.pos(len(doc.text))
        return Fix(description, (Edit(end, end, newline(doc)),))
    at = Pos(before, 1)
    return Fix(description, (Edit(at, at, newline(doc)),))


def replace(line: int, start: int, end: int, text: str, description: str) -> Fix:
    """A fix replacing columns [start, end) of one line."""
    return Fix(description, (Edit(Pos(line, start), Pos(line, end), text),))


class HeadingAt(NamedTuple):
    """A heading with where it stands, as the heading rules read it."""

    node: Heading
    start: Pos  # where the heading starts
    last: int  # its last line: the underline, for a setext heading
    line: str  # the text of its first line


def heading_lines(doc: Document) -> tuple[HeadingAt, ...]:
    """Every heading with its place and first line, found once (kept on the Document)."""
    found = doc.__dict__.get("_ml_headings")
    if found is None:
        lines = doc.lines
        found = []
        for heading in doc.headings:
            start = heading.start
            found.append(
                HeadingAt(
                    heading, start, heading_last_line(doc, heading), lines.line_text(start.line)
                )
            )
        found = doc.__dict__["_ml_headings"] = tuple(found)
    return found


def atx_heading_lines(doc: Document):
    """Each ATX heading with its line's text and the column of its first `#`."""
    for heading, start, _last, line in heading_lines(doc):
        column = start.column
        rest = line[column - 1 :]
        if not rest.startswith("#"):
            stripped = rest.lstrip(" ")
            if not stripped.startswith("#"):
                continue  # a setext heading
            column += len(rest) - len(stripped)
        yield heading, line, column


def atx_closed(rest: str) -> bool:
    """Whether an ATX heading (its line from the first `#`) has a closing sequence of `#`
    signs: markdownlint's `atx_closed` style."""
    stripped = rest.rstrip()
    body = stripped.rstrip("#")
    return body != stripped and body.lstrip("#").strip() != "" and body[-1:] in (" ", "\t")


def heading_style(heading: HeadingAt) -> str:
    """A heading's style as markdownlint names it: `atx`, `atx_closed` or `setext`."""
    if heading.last > heading.start.line:
        return "setext"
    line = heading.line[heading.start.column - 1 :].lstrip(" ")
    return "atx_closed" if atx_closed(line) else "atx"


def heading_last_line(doc: Document, heading) -> int:
    """The last line of a heading: its underline, for a setext heading."""
    return doc.lines.pos(max(heading.end_offset - 1, heading.offset)).line


def html_block_lines(doc: Document) -> frozenset[int]:
    """The lines of HTML blocks (in MDX, of JSX tags), computed once (kept on the Document)."""
    found = doc.__dict__.get("_ml_html_lines")
    if found is not None:
        return found
    lines: set[int] = set()
    for node in doc.html:
        if node.block:
            last = doc.lines.pos(max(node.end_offset - 1, node.offset)).line
            lines.update(range(node.start.line, last + 1))
    found = doc.__dict__["_ml_html_lines"] = frozenset(lines)
    return found


def text_matches(doc: Document, matches: Iterable[re.Match]):
    """Each of `matches` (in the body, in order) that starts on a line of Markdown text (not in
    code, HTML blocks or the front matter) outside template syntax, with its line number. The
    matches are a pattern's `finditer` from the body's start, or for a pattern that matches
    only at the start of a line, those found on the lines that can hold one (see
    lint.source.line_matches)."""
    facts = html = None
    line_at = line_of(doc)
    for match in matches:
        if facts is None:
            facts, html = body_lines(doc), html_block_lines(doc)
        number = line_at(match.start())
        if number in facts.code or number in html or number < facts.first:
            continue
        if not facts.in_template(match.start()):
            yield match, number


def visible_headings(doc: Document):
    """The headings outside template syntax (see heading_lines), with the document's line
    facts."""
    if not doc.headings:
        return
    facts = body_lines(doc)
    for heading in heading_lines(doc):
        if not facts.in_template(heading.node.offset):
            yield heading, facts
