"""The lists, emphasis and tables of a document, for the ML rules that read them: one walk
over the parser's events, made the first time any rule asks for any of them and kept on the
Document, so that every list, emphasis and table rule shares it.

The walk parses the body as the Document's parse does; it is a pass of its own because
keeping that parse's events on every Document, for the few rules that read these, costs more
than parsing once more when a rule asks.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

import pyromark

from lint.document import Document
from lint.markdown import OPTIONS, continuation_bytes


@dataclass(slots=True)
class Item:
    offset: int  # where the marker starts
    line: int
    column: int  # 1-based column of the marker
    marker: str  # `-`, `*`, `+`, or the number and its `.` or `)`
    spaces: int  # spaces (columns) between the marker and the content
    paragraphs: int = 0  # the item's own paragraphs (not those of nested lists)


@dataclass(slots=True)
class List:
    offset: int
    first_line: int
    last_line: int  # without the blank lines the list's range ends with
    ordered: bool
    start: int | None  # an ordered list's first number
    # the enclosing lists, outermost first, whether each is ordered (a blockquote starts afresh)
    parents: tuple[bool, ...]
    inside: tuple[str, ...]  # "blockquote", "list", "footnote" around the list
    items: list[Item] = field(default_factory=list)


@dataclass(slots=True)
class Emphasis:
    strong: bool
    opening: int  # character offset of the opening marker
    closing: int  # character offset of the closing marker
    width: int  # 1 for emphasis, 2 for strong
    marker: str  # `*` or `_`
    # the events of the paragraph it is in (when outside containers, and only when the
    # paragraph opens with a tag: see emphasis.alone), filled as read
    paragraph: list | None = field(default=None, compare=False)


@dataclass(slots=True)
class Table:
    offset: int
    first_line: int
    last_line: int
    inside: tuple[str, ...]  # "blockquote", "list", "footnote" around the table
    rows: list = field(default_factory=list)  # tables.Row, the delimiter row included


@dataclass(slots=True)
class Structure:
    lists: tuple[List, ...]
    emphases: tuple[Emphasis, ...]
    tables: tuple[Table, ...]


_NONE = Structure((), (), ())
# what a body without any of these holds none of them
_LIST_MARKS = ("- ", "* ", "+ ", ". ", ") ", "-\n", "*\n")
_STRONG = {"Emphasis": False, "Strong": True}
_INSIDE = {"BlockQuote": "blockquote", "List": "list", "FootnoteDefinition": "footnote"}
# the containers emphasis counts: a paragraph in none of them may be emphasis alone
_DEEP = frozenset({"BlockQuote", "List", "Item", "FootnoteDefinition", "Table"})
_READ = _DEEP | _STRONG.keys() | {"Paragraph"}  # the tags the walk reads


def structure(doc: Document) -> Structure:
    found = doc.__dict__.get("_ml_structure")
    if found is None:
        found = _walk(doc)
        doc.__dict__["_ml_structure"] = found
    return found


def _walk(doc: Document) -> Structure:
    text, lines = doc.text, doc.lines
    start = doc.body_start
    body = text[start:]
    want_lists = any(mark in body for mark in _LIST_MARKS)
    want_emphasis = "*" in body or "_" in body
    want_tables = "|" in text
    if not (want_lists or want_emphasis or want_tables):
        return _NONE
    from lint.rules.markdownlint.tables import table_rows

    continuation = continuation_bytes(body, start)
    pos = lines.pos

    def char_offset(byte: int) -> int:
        """The character offset in the text of a byte offset in the body."""
        at = start + byte
        return at - bisect_left(continuation, at) if continuation else at

    found_lists: list[List] = []
    found_emphases: list[Emphasis] = []
    found_tables: list[Table] = []
    inside: list[str] = []  # "blockquote", "list", "footnote" around the current event
    stack: list[List] = []  # the open lists
    items: list[Item] = []  # the open items
    quotes: list[int] = []  # the depth of `stack` where each open blockquote starts
    depth = 0  # open blockquotes, lists, items, footnotes and tables
    paragraph: list | None = None  # the events of a paragraph outside them, so far
    opening = False  # whether `paragraph` waits for its first event
    for event, rng in pyromark.events_with_range(body, options=OPTIONS):
        if event.__class__ is not dict:
            continue
        if paragraph is not None:
            if opening:
                opening = False
                if "Start" not in event:  # such a paragraph is never emphasis alone
                    paragraph = None
                    continue
            paragraph.append(event)
        if "Start" not in event:
            if "End" not in event:  # text, code, HTML, ...: most events
                continue
            tag = event["End"]
            name = next(iter(tag)) if tag.__class__ is dict else tag
            if name not in _READ:  # links, headings, code blocks, table cells, ...
                continue
            if name == "Paragraph":
                paragraph = None
                continue
            if name in _DEEP:
                depth -= 1
            if name == "List":
                stack.pop()
                inside.pop()
            elif name == "Item" and items:
                item = items.pop()
                if item.offset < 0:
                    continue
                hi = char_offset(rng["end"])
                while hi > item.offset and text[hi - 1] in " \t\r\n>":
                    hi -= 1
                stack[-1].last_line = pos(max(hi - 1, item.offset)).line
            elif name == "BlockQuote":
                inside.pop()
                quotes.pop()
            elif name == "FootnoteDefinition":
                inside.pop()
            continue
        tag = event["Start"]
        name = next(iter(tag)) if tag.__class__ is dict else tag
        if name not in _READ:
            continue
        strong = _STRONG.get(name)
        if strong is not None:
            if not want_emphasis:
                continue
            lo = char_offset(rng["start"])
            hi = char_offset(rng["end"])
            marker = text[lo]
            width = 2 if strong else 1
            if marker in "*_" and text[hi - 1] == marker:
                found_emphases.append(Emphasis(strong, lo, hi - width, width, marker, paragraph))
            continue
        if name == "Paragraph":
            if depth == 0 and want_emphasis:
                paragraph, opening = [], True
            if items:
                items[-1].paragraphs += 1
            continue
        if name in _DEEP:
            depth += 1
        if name == "List":
            lo = _line_start(text, char_offset(rng["start"]))
            number = tag["List"]
            line = pos(lo).line
            found = List(
                lo,
                line,
                line,  # until its last item ends
                number is not None,
                number,
                tuple(outer.ordered for outer in stack[quotes[-1] if quotes else 0 :]),
                tuple(inside),
            )
            stack.append(found)
            if want_lists:
                found_lists.append(found)
            inside.append("list")
        elif name == "Item":
            item = None
            if want_lists:
                item = _item(text, lines, _line_start(text, char_offset(rng["start"])), stack[-1])
            if item is None:  # not found where the parser says (tabs can shift it)
                item = Item(-1, 0, 0, "", 0)
            else:
                stack[-1].items.append(item)
            items.append(item)
        elif name == "BlockQuote":
            inside.append("blockquote")
            quotes.append(len(stack))
        elif name == "FootnoteDefinition":
            inside.append("footnote")
        elif name == "Table" and want_tables:
            lo = char_offset(rng["start"])
            hi = char_offset(rng["end"])
            table = Table(lo, pos(lo).line, pos(max(hi - 1, lo)).line, tuple(inside))
            table.rows = table_rows(lines, table, pos(lo).column)
            found_tables.append(table)
    return Structure(tuple(found_lists), tuple(found_emphases), tuple(found_tables))


def _line_start(text: str, lo: int) -> int:
    """`lo`, or the start of the next line when the parser's range starts with the line
    break before it (as it does for an item indented with a tab)."""
    if text.startswith("\r\n", lo):
        return lo + 2
    return lo + 1 if text.startswith("\n", lo) else lo


def _item(text: str, lines, lo: int, owner: List) -> Item | None:
    """The item whose range starts at `lo`: its marker, where it stands, the spaces after it."""
    while lo < len(text) and text[lo] in " \t":  # an indented item's range starts with its indent
        lo += 1
    end = text.find("\n", lo)
    rest = text[lo : end if end != -1 else len(text)].rstrip("\r")
    if owner.ordered:
        digits = len(rest) - len(rest.lstrip("0123456789"))
        marker = rest[: digits + 1]
        if not digits or marker[-1:] not in ".)":
            return None
    else:
        marker = rest[:1]
        if marker not in ("-", "*", "+"):
            return None
    after = rest[len(marker) :]
    position = lines.pos(lo)
    return Item(lo, position.line, position.column, marker, len(after) - len(after.lstrip(" ")))
