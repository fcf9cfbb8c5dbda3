"""The Markdown body as small typed nodes with source positions.

pyromark (pulldown-cmark) parses; its byte ranges are mapped to characters once per file.
Template syntax (Liquid, Hugo shortcodes, MDX expressions) is located first, and nothing
inside it becomes a node.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

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


# Nodes are built by the hundred thousand: plain slotted classes, read-only by convention.
@dataclass(slots=True, eq=False)
class Node:
    lines: LineIndex = field(repr=False, compare=False)
    offset: int  # character offsets into the whole document text
    end_offset: int
    # The containers the node sits in, outermost first: blockquote, list, table, footnote,
    # heading, link.
    inside: tuple[str, ...] = field(default=(), kw_only=True)

    @property
    def start(self) -> Pos:
        return self.lines.pos(self.offset)

    @property
    def end(self) -> Pos:
        return self.lines.pos(self.end_offset)


@dataclass(slots=True, eq=False)
class Heading(Node):
    level: int
    text: str
    id: str | None  # an explicit `{#id}`


_FIND = object()  # an inline destination is found in the link's source when first asked for


def _destination(node) -> tuple[int, int] | None:
    """Character range of the destination as written (inside `<>` when so written): in the
    link for inline links and autolinks, in the definition for reference links."""
    if node.written is _FIND:
        node.written = _inline_dest(node.lines.text, node.offset, node.end_offset, node.url)
    return node.written


@dataclass(slots=True, eq=False)
class Link(Node):
    kind: str  # inline | reference | collapsed | shortcut | autolink | email
    url: str
    title: str
    text: str
    label: str  # the reference label, for reference links
    written: object = field(default=None, kw_only=True, repr=False)
    dest = property(_destination)


@dataclass(slots=True, eq=False)
class Image(Node):
    kind: str
    url: str
    title: str
    alt: str
    label: str
    written: object = field(default=None, kw_only=True, repr=False)
    dest = property(_destination)


@dataclass(slots=True, eq=False)
class Definition(Node):
    """A link reference definition `[label]: url "title"`."""

    label: str
    url: str
    title: str
    dest: tuple[int, int] | None = field(default=None, kw_only=True)


def label_key(label: str) -> str:
    """Reference labels match case-insensitively, with runs of whitespace as one space."""
    return " ".join(label.split()).casefold()


@dataclass(slots=True, eq=False)
class Code(Node):
    block: bool
    info: str
    text: str


@dataclass(slots=True, eq=False)
class Html(Node):
    block: bool
    text: str


@dataclass(slots=True, eq=False)
class Text(Node):
    """A run of prose outside template syntax; its source is `doc.text[offset:end_offset]`."""


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
_SHORTCODE = re.compile(r"\{\{<\s*(/?)\s*([\w./-]+)")
_MDX = re.compile(
    r"^(?:import|export)\s[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*|\{[^{}\n]{0,4096}\}", re.MULTILINE
)


def template_spans(text: str, start: int, mdx: bool) -> list[tuple[int, int]]:
    """Character ranges of template syntax in `text[start:]`, sorted and merged."""
    spans = [m.span() for m in _LIQUID_BLOCK.finditer(text, start)]
    spans += [m.span() for m in _TEMPLATE.finditer(text, start)]
    spans += _paired_shortcodes(text, spans)
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


_CONTAINERS = {
    "BlockQuote": "blockquote",
    "List": "list",
    "Table": "table",
    "FootnoteDefinition": "footnote",
    "Heading": "heading",
    "Link": "link",
}
# An inline destination and optional title, from just after `](` to the closing `)`.
_INLINE_TAIL = re.compile(
    r"""[ \t]*(?:\r?\n[ \t]*)?"""
    r"""(<(?:\\.|[^<>\\\n])*>|(?:\\.|[^\s()\\]|\((?:\\.|[^\s()\\])*\))*)"""
    r"""(?:\s+(?:"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|\((?:\\.|[^()\\])*\)))?\s*\)\Z"""
)
# A reference definition up to its destination.
_DEFINITION = re.compile(
    r"""\[(?:\\.|[^\]\\])*\]:[ \t]*(?:\r?\n[ \t>]*)?(<(?:\\.|[^<>\\\n])*>|\S+)"""
)


def _paired_shortcodes(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`{{< name >}} ... {{< /name >}}` as one range: Hugo hands the inner text of a `<`
    shortcode to the shortcode as it is (a `%` shortcode's inner text is Markdown)."""
    opened: dict[str, list[int]] = {}
    pairs = []
    for lo, hi in spans:
        tag = _SHORTCODE.match(text, lo, hi)
        if tag is None or text[hi - 3 : hi - 2] == "/":  # not `{{<`, or self-closing `/>}}`
            continue
        closing, name = tag.groups()
        if not closing:
            opened.setdefault(name, []).append(lo)
        elif opened.get(name):
            pairs.append((opened[name].pop(), hi))
    return pairs


# UTF-8 continuation bytes (0x80-0xBF) map to 1, every other byte to 0
_CONTINUATION = bytes(1 if 0x80 <= b < 0xC0 else 0 for b in range(256))


def _char_offsets(text: str, base: int):
    """A function from UTF-8 byte offsets of `text[base:]` (pyromark's ranges) to character
    offsets in `text`: a byte offset less the continuation bytes before it. Offsets arrive
    roughly in order, so it counts from the last one instead of from the start."""
    if text.isascii():
        return base.__add__  # a built-in: no Python frame per call
    marks = text[base:].encode("utf-8").translate(_CONTINUATION)
    at = before = 0  # the last byte offset converted, and the continuation bytes before it

    def convert(byte: int) -> int:
        nonlocal at, before
        if byte >= at:
            before += marks.count(1, at, byte)
        else:
            before -= marks.count(1, byte, at)
        at = byte
        return base + byte - before

    return convert


Prose = tuple[int, int, tuple[str, ...]]  # a run of prose: offsets and containers


def parse_body(
    lines: LineIndex, start: int, templates: list[tuple[int, int]]
) -> tuple[tuple[Node, ...], tuple[Prose, ...]]:
    """Parse `lines.text[start:]` into nodes positioned in the whole text, and the runs of
    prose between them (outside template syntax)."""
    text = lines.text
    body = text[start:]
    if not body.strip():
        return (), ()
    char = _char_offsets(text, start)

    def span(rng) -> tuple[int, int]:
        lo, hi = char(rng["start"]), char(rng["end"])
        while hi > lo and text[hi - 1] in "\r\n":  # block ranges include their line break
            hi -= 1
        return lo, hi

    nodes: list[Node] = []
    definitions = _definitions(lines, body, span)
    by_label = {label_key(d.label): d for d in definitions}
    nodes.extend(definitions)
    containers: list[str] = []
    inside: tuple[str, ...] = ()
    open_nodes: list[tuple[str, dict, tuple[int, int], list[str], tuple[str, ...]]] = []
    # Text events number in the millions: prose runs are kept as byte offsets while parsing
    # and converted to characters all at once at the end.
    run_bounds: list[int] = []  # byte start and end of each run
    run_inside: list[tuple[str, ...]] = []
    run_end = -1  # byte end of the last run while a Text event right after may extend it
    in_code_block = False

    for event, rng in pyromark.events_with_range(body, options=_OPTIONS):
        if event.__class__ is str:  # SoftBreak, HardBreak, Rule
            if open_nodes and event != "Rule":
                for item in open_nodes:
                    item[3].append(" ")
            continue
        if "Text" in event:  # the most common event, told apart without unpacking
            value = event["Text"]
            if open_nodes:
                for item in open_nodes:
                    item[3].append(value)
            if in_code_block:
                continue
            if rng["start"] == run_end:
                run_end = run_bounds[-1] = rng["end"]
            else:
                run_end = rng["end"]
                run_bounds += (rng["start"], run_end)
                run_inside.append(inside)
            continue
        run_end = -1
        ((kind, value),) = event.items()
        if kind == "Start":
            if value.__class__ is str:
                name, attrs = value, None
            else:
                ((name, attrs),) = value.items()
            if name in _OPENED:
                open_nodes.append((name, attrs, span(rng), [], inside))
                in_code_block = in_code_block or name == "CodeBlock"
            if name in _CONTAINERS:
                containers.append(_CONTAINERS[name])
                inside = tuple(containers)
        elif kind == "End":
            name = value if value.__class__ is str else next(iter(value))
            if name in _CONTAINERS and containers and containers[-1] == _CONTAINERS[name]:
                containers.pop()
                inside = tuple(containers)
            if open_nodes and open_nodes[-1][0] == name:
                nodes.append(_close(open_nodes.pop(), lines, by_label))
                if name == "CodeBlock":
                    in_code_block = False
        elif kind == "Code":
            if open_nodes:
                for item in open_nodes:
                    item[3].append(value)
            lo, hi = span(rng)
            nodes.append(Code(lines, lo, hi, False, "", value, inside=inside))
        elif kind == "Html" or kind == "InlineHtml":
            lo, hi = span(rng)
            nodes.append(Html(lines, lo, hi, kind == "Html", value, inside=inside))
    bounds = list(map(char, run_bounds))
    runs = zip(bounds[0::2], bounds[1::2], run_inside, strict=True)
    if templates:
        prose = [
            (part_lo, part_hi, run_in)
            for lo, hi, run_in in runs
            for part_lo, part_hi in _outside_templates(lo, hi, templates)
        ]
    else:
        prose = list(runs)
    if templates:
        nodes = [n for n in nodes if not _inside(n, templates)]
    nodes.sort(key=_by_offset)
    prose.sort()
    return tuple(nodes), tuple(prose)


def _by_offset(node: Node) -> int:
    return node.offset


_OPENED = frozenset({"Heading", "Link", "Image", "CodeBlock"})


def _outside_templates(lo: int, hi: int, templates) -> list[tuple[int, int]]:
    """The parts of [lo, hi) outside template syntax, so that prose never holds any."""
    if not templates:
        return [(lo, hi)]
    i = max(bisect_right(templates, (lo, float("inf"))) - 1, 0)
    parts, at = [], lo
    while i < len(templates) and templates[i][0] < hi:
        t_lo, t_hi = templates[i]
        if t_hi > at:
            if t_lo > at:
                parts.append((at, t_lo))
            at = max(at, t_hi)
        i += 1
    if at < hi:
        parts.append((at, hi))
    return parts


def _definitions(lines: LineIndex, body: str, span) -> list[Definition]:
    text = lines.text
    found = []
    if "]:" not in body:  # every definition holds one; spare pyromark a second pass
        return found
    for label, value in pyromark.reference_definitions(body).items():
        lo, hi = span(value["span"])
        match = _DEFINITION.match(text, lo, hi)
        dest = None
        if match:
            dest = match.span(1)
            if text[dest[0]] == "<":
                dest = (dest[0] + 1, dest[1] - 1)
        found.append(
            Definition(
                lines,
                lo,
                hi,
                label,
                value["dest"],
                value["title"] or "",
                dest=dest,
            )
        )
    return found


def _close(item, lines: LineIndex, definitions: dict[str, Definition]) -> Node:
    name, attrs, (lo, hi), pieces, inside = item
    text = "".join(pieces)
    if name == "Heading":
        return Heading(
            lines, lo, hi, int(attrs["level"][1]), text.strip(), attrs["id"], inside=inside
        )
    if name == "CodeBlock":
        info = attrs.get("Fenced", "") if isinstance(attrs, dict) else ""
        return Code(lines, lo, hi, True, info, text, inside=inside)
    kind = _LINK_KINDS.get(attrs["link_type"], attrs["link_type"].lower())
    dest = None
    if kind == "inline":
        dest = _FIND
    elif kind == "autolink":
        dest = (lo + 1, hi - 1)
    elif kind in ("reference", "collapsed", "shortcut"):
        definition = definitions.get(label_key(attrs["id"]))
        dest = definition.dest if definition is not None else None
    node = Image if name == "Image" else Link
    return node(
        lines,
        lo,
        hi,
        kind,
        attrs["dest_url"],
        attrs["title"],
        text,
        attrs["id"],
        inside=inside,
        written=dest,
    )


def _inline_dest(text: str, lo: int, hi: int, url: str) -> tuple[int, int] | None:
    """Where an inline link's destination is written: after the last `](` that begins a
    well-formed destination-and-title tail holding the URL (the link text may hold an image
    with its own `](`, the title may hold one too)."""
    source = text[lo:hi]
    at = len(source)
    while (at := source.rfind("](", 0, at)) != -1:
        match = _INLINE_TAIL.match(source, at + 2)
        if match:
            d_lo, d_hi = match.span(1)
            if d_hi > d_lo and source[d_lo] == "<":
                d_lo, d_hi = d_lo + 1, d_hi - 1
            raw = source[d_lo:d_hi]
            if raw == url or "\\" in raw or "&" in raw:  # escapes and entities differ
                return lo + d_lo, lo + d_hi
    return None


def _inside(node: Node, spans: list[tuple[int, int]]) -> bool:
    """Whether the node starts inside a template span."""
    i = bisect_right(spans, (node.offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= node.offset < spans[i][1]
