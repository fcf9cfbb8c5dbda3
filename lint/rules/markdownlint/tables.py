"""The GFM tables of a document and their rows, for the table rules, read once per file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyromark

from lint.document import Document
from lint.markdown import _OPTIONS
from lint.rules.markdownlint import body_lines

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


@dataclass(slots=True)
class Table:
    offset: int
    first_line: int
    last_line: int
    inside: tuple[str, ...]  # "blockquote", "list", "footnote" around the table
    rows: list[Row] = field(default_factory=list)  # the delimiter row included


def _pipes(source: str) -> list[int]:
    return [m.start() for m in _PIPE.finditer(source) if m[0] == "|"]


def tables(doc: Document) -> tuple[Table, ...]:
    found = doc.__dict__.get("_ml_tables")
    if found is None:
        found = tuple(_read(doc)) if "|" in doc.text else ()
        doc.__dict__["_ml_tables"] = found
    return found


def visible_tables(doc: Document):
    """The tables outside template syntax."""
    found = tables(doc)
    if found:
        facts = body_lines(doc)
        yield from (table for table in found if not facts.in_template(table.offset))


_CONTAINERS = {"BlockQuote": "blockquote", "List": "list", "FootnoteDefinition": "footnote"}


def _read(doc: Document):
    text, lines = doc.text, doc.lines
    start = doc.body_start
    base = len(text[:start].encode("utf-8"))
    inside: list[str] = []
    for event, rng in pyromark.events_with_range(text[start:], options=_OPTIONS):
        if event.__class__ is not dict:
            continue
        kind = event.get("Start")
        if kind is None:
            kind = event.get("End")
            name = next(iter(kind)) if kind.__class__ is dict else kind
            if name in _CONTAINERS:
                inside.pop()
            continue
        name = next(iter(kind)) if kind.__class__ is dict else kind
        if name in _CONTAINERS:
            inside.append(_CONTAINERS[name])
        elif name == "Table":
            lo = lines.char_offset(base + rng["start"])
            hi = lines.char_offset(base + rng["end"])
            first = lines.pos(lo).line
            last = lines.pos(max(hi - 1, lo)).line
            table = Table(lo, first, last, tuple(inside))
            column = lines.pos(lo).column
            for number in range(first, last + 1):
                line = lines.line_text(number)
                row_start = lines.starts[number - 1] + column - 1
                source = line[column - 1 :].strip()
                if number > first and inside and "blockquote" in inside:
                    stripped = line.lstrip(" ").lstrip(">")
                    source = stripped.strip()
                    row_start = lines.starts[number - 1] + len(line) - len(line.lstrip(" >"))
                table.rows.append(Row(number, row_start, source))
            yield table
