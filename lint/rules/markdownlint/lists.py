"""The lists of a document and their items, for the list rules, read once per file."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyromark

from lint.document import Document
from lint.markdown import _OPTIONS


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


def lists(doc: Document) -> tuple[List, ...]:
    found = doc.__dict__.get("_ml_lists")
    if found is not None:
        return found
    found = tuple(_read(doc))
    doc.__dict__["_ml_lists"] = found
    return found


def _read(doc: Document) -> list[List]:
    text, lines = doc.text, doc.lines
    start = doc.body_start
    body = text[start:]
    if not any(mark in body for mark in ("- ", "* ", "+ ", ". ", ") ", "-\n", "*\n")):
        return []
    base = len(text[:start].encode("utf-8"))
    result: list[List] = []
    stack: list[List] = []
    inside: list[str] = []
    items: list[Item] = []
    quotes: list[int] = []  # the depth of `stack` where each open blockquote starts
    for event, rng in pyromark.events_with_range(body, options=_OPTIONS):
        if event.__class__ is not dict:
            continue
        if "Start" in event:
            tag = event["Start"]
            if tag.__class__ is dict and "List" in tag:
                lo = _line_start(text, lines.char_offset(base + rng["start"]))
                number = tag["List"]
                found = List(
                    lo,
                    lines.pos(lo).line,
                    lines.pos(lo).line,  # until its last item ends
                    number is not None,
                    number,
                    tuple(outer.ordered for outer in stack[quotes[-1] if quotes else 0 :]),
                    tuple(inside),
                )
                stack.append(found)
                result.append(found)
                inside.append("list")
            elif tag == "Item" and stack:
                lo = _line_start(text, lines.char_offset(base + rng["start"]))
                item = _item(text, lines, lo, stack[-1])
                if item is None:  # not found where the parser says (tabs can shift it)
                    item = Item(-1, 0, 0, "", 0)
                else:
                    stack[-1].items.append(item)
                items.append(item)
            elif tag == "Paragraph" and items:
                items[-1].paragraphs += 1
            elif tag == "BlockQuote" or (tag.__class__ is dict and "BlockQuote" in tag):
                inside.append("blockquote")
                quotes.append(len(stack))
            elif tag.__class__ is dict and "FootnoteDefinition" in tag:
                inside.append("footnote")
        elif "End" in event:
            tag = event["End"]
            name = next(iter(tag)) if tag.__class__ is dict else tag
            if name == "List":
                stack.pop()
                inside.pop()
            elif name == "Item" and items:
                item = items.pop()
                if item.offset < 0:
                    continue
                hi = lines.char_offset(base + rng["end"])
                while hi > item.offset and text[hi - 1] in " \t\r\n>":
                    hi -= 1
                stack[-1].last_line = lines.pos(max(hi - 1, item.offset)).line
            elif name == "BlockQuote":
                inside.pop()
                quotes.pop()
            elif name == "FootnoteDefinition":
                inside.pop()
    return result


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
