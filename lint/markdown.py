"""The Markdown body as small typed nodes with source positions.

pyromark (pulldown-cmark) parses; its byte ranges are mapped to characters once per file.
Template syntax (Liquid, Hugo shortcodes, MDX expressions) is located first, and nothing
inside it becomes a node.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import pyromark

from lint.model import Pos
from lint.source import LineIndex

_OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_FOOTNOTES
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_TASKLISTS
    | pyromark.Options.ENABLE_HEADING_ATTRIBUTES
)


@dataclass(frozen=True)
class Node:
    start: Pos
    end: Pos
    offset: int  # character offsets into the whole document text
    end_offset: int


@dataclass(frozen=True)
class Heading(Node):
    level: int
    text: str
    id: str | None  # an explicit `{#id}`


@dataclass(frozen=True)
class Link(Node):
    kind: str  # inline | reference | collapsed | shortcut | autolink | email
    url: str
    title: str
    text: str
    label: str  # the reference label, for reference links


@dataclass(frozen=True)
class Image(Node):
    kind: str
    url: str
    title: str
    alt: str
    label: str


@dataclass(frozen=True)
class Code(Node):
    block: bool
    info: str
    text: str


@dataclass(frozen=True)
class Html(Node):
    block: bool
    text: str


@dataclass(frozen=True)
class Text(Node):
    """A run of prose; `text` is as rendered, the source is `doc.text[offset:end_offset]`."""

    text: str


_LINK_KINDS = {
    "Inline": "inline",
    "Reference": "reference",
    "ReferenceUnknown": "reference",
    "Collapsed": "collapsed",
    "CollapsedUnknown": "collapsed",
    "Shortcut": "shortcut",
    "ShortcutUnknown": "shortcut",
    "Autolink": "autolink",
    "Email": "email",
    "WikiLink": "wikilink",
}

_LIQUID_BLOCK = re.compile(
    r"\{%-?\s*(raw|comment|highlight)\b[\s\S]*?\{%-?\s*end\1\s*-?%\}", re.IGNORECASE
)
_TEMPLATE = re.compile(
    r"\{\{[<%][\s\S]{0,4096}?[%>]\}\}"  # Hugo shortcodes
    r"|\{%[\s\S]{0,4096}?%\}"  # Liquid tags
    r"|\{\{[\s\S]{0,4096}?\}\}"  # Liquid / Hugo output
)
_MDX = re.compile(
    r"^(?:import|export)\s[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*|\{[^{}\n]{0,4096}\}", re.MULTILINE
)


def template_spans(text: str, start: int, mdx: bool) -> list[tuple[int, int]]:
    """Character ranges of template syntax in `text[start:]`, sorted and merged."""
    spans = [m.span() for m in _LIQUID_BLOCK.finditer(text, start)]
    spans += [m.span() for m in _TEMPLATE.finditer(text, start)]
    if mdx:
        spans += [m.span() for m in _MDX.finditer(text, start)]
    spans.sort()
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            if hi > merged[-1][1]:
                merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


def parse_body(lines: LineIndex, start: int, templates: list[tuple[int, int]]) -> tuple[Node, ...]:
    """Parse `lines.text[start:]` into nodes positioned in the whole text."""
    text = lines.text
    body = text[start:]
    if not body.strip():
        return ()
    base = len(text[:start].encode("utf-8")) if not text.isascii() else start
    char = lines.char_offset

    def span(rng) -> tuple[int, int]:
        lo, hi = char(base + rng["start"]), char(base + rng["end"])
        while hi > lo and text[hi - 1] in "\r\n":  # block ranges include their line break
            hi -= 1
        return lo, hi

    nodes: list[Node] = []
    open_nodes: list[tuple[str, dict, tuple[int, int], list[str]]] = []
    pending_text: list = []  # [lo, hi, pieces] of the current prose run

    def flush_text() -> None:
        if pending_text:
            lo, hi, pieces = pending_text
            nodes.append(Text(lines.pos(lo), lines.pos(hi), lo, hi, "".join(pieces)))
            pending_text.clear()

    for event, rng in pyromark.events_with_range(body, options=_OPTIONS, merge_text=False):
        if isinstance(event, str):  # SoftBreak, HardBreak, Rule
            if event in ("SoftBreak", "HardBreak"):
                for item in open_nodes:
                    item[3].append(" ")
            continue
        kind, value = next(iter(event.items()))
        if kind == "Text" or kind == "Code":
            for item in open_nodes:
                item[3].append(value)
            lo, hi = span(rng)
            if kind == "Code":
                flush_text()
                nodes.append(Code(lines.pos(lo), lines.pos(hi), lo, hi, False, "", value))
            elif open_nodes and open_nodes[-1][0] == "CodeBlock":
                pass
            elif pending_text and pending_text[1] == lo:
                pending_text[1] = hi
                pending_text[2].append(value)
            else:
                flush_text()
                pending_text.extend((lo, hi, [value]))
            continue
        flush_text()
        if kind == "Start":
            name, attrs = (value, None) if isinstance(value, str) else next(iter(value.items()))
            if name in ("Heading", "Link", "Image", "CodeBlock"):
                open_nodes.append((name, attrs, span(rng), []))
        elif kind == "End":
            name = value if isinstance(value, str) else next(iter(value))
            if open_nodes and open_nodes[-1][0] == name:
                nodes.append(_close(open_nodes.pop(), lines))
        elif kind in ("Html", "InlineHtml"):
            lo, hi = span(rng)
            nodes.append(Html(lines.pos(lo), lines.pos(hi), lo, hi, kind == "Html", value))
    flush_text()
    if templates:
        nodes = [n for n in nodes if not _inside(n, templates)]
    nodes.sort(key=lambda n: n.offset)
    return tuple(nodes)


def _close(item, lines: LineIndex) -> Node:
    name, attrs, (lo, hi), pieces = item
    start, end = lines.pos(lo), lines.pos(hi)
    text = "".join(pieces)
    if name == "Heading":
        return Heading(start, end, lo, hi, int(attrs["level"][1]), text.strip(), attrs["id"])
    if name == "CodeBlock":
        info = attrs.get("Fenced", "") if isinstance(attrs, dict) else ""
        return Code(start, end, lo, hi, True, info, text)
    kind = _LINK_KINDS.get(attrs["link_type"], attrs["link_type"].lower())
    if name == "Image":
        return Image(start, end, lo, hi, kind, attrs["dest_url"], attrs["title"], text, attrs["id"])
    return Link(start, end, lo, hi, kind, attrs["dest_url"], attrs["title"], text, attrs["id"])


def _inside(node: Node, spans: list[tuple[int, int]]) -> bool:
    """Whether the node starts inside a template span."""
    i = bisect_right(spans, (node.offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= node.offset < spans[i][1]
