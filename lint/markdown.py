"""The Markdown body as small typed nodes with source positions.

pyromark (pulldown-cmark) parses; its byte ranges are mapped to characters once per file.
Template syntax (Liquid, Hugo shortcodes, MDX expressions) is located first, and nothing
inside it becomes a node.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, count, islice, repeat
from operator import add, attrgetter, sub

import pyromark

from lint.model import Pos
from lint.source import LineIndex

# pyromark's options for every parse of a body: the Document's, and the ML rules' own passes
OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_FOOTNOTES
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_TASKLISTS
    | pyromark.Options.ENABLE_HEADING_ATTRIBUTES
)


# Nodes are built by the hundred thousand: plain slotted classes, read-only by convention,
# with every field positional (keyword arguments make a call markedly slower).
@dataclass(slots=True, eq=False)
class Node:
    lines: LineIndex = field(repr=False, compare=False)
    offset: int  # character offsets into the whole document text
    end_offset: int
    # The containers the node sits in, outermost first: blockquote, list, table, footnote,
    # heading, link.
    inside: tuple[str, ...]

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
    written: object = field(default=None, repr=False)
    dest = property(_destination)


@dataclass(slots=True, eq=False)
class Image(Node):
    kind: str
    url: str
    title: str
    alt: str
    label: str
    written: object = field(default=None, repr=False)
    dest = property(_destination)


@dataclass(slots=True, eq=False)
class Definition(Node):
    """A link reference definition `[label]: url "title"`."""

    label: str
    url: str
    title: str
    dest: tuple[int, int] | None = None


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
# `{#name}` at the end of a line is a heading's id (Docusaurus reads it before MDX does; no
# JavaScript expression starts with `#`), not an expression
# (one level of braces may nest: a template string's `${...}`, an object literal)
_MDX_EXPRESSION = re.compile(
    r"\{(?!#[\w:.-]+\}[ \t]*\r?$)(?:[^{}\n]|\{[^{}\n]{0,4096}\}){0,4096}\}", re.M
)


def template_spans(text: str, start: int, mdx: MdxLayout | None) -> list[tuple[int, int]]:
    """Character ranges of template syntax in `text[start:]`, sorted and merged; `mdx` is the
    layout of an MDX file's body, whose ESM blocks it holds."""
    if mdx is None and text.find("{", start) < 0:  # every form but MDX's ESM opens with `{`
        return []
    spans = [m.span() for m in _LIQUID_BLOCK.finditer(text, start)]
    spans += [m.span() for m in _TEMPLATE.finditer(text, start)]
    spans += _paired_shortcodes(text, spans)
    if mdx is not None:
        spans += mdx.esm
        spans += [m.span() for m in _MDX_EXPRESSION.finditer(text, start)]
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
    "Emphasis": "emphasis",
    "Strong": "strong",
    "Strikethrough": "strikethrough",
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


# A JSX tag as MDX writes it: `<Name attr="v" attr={expr}>`, `</Name>`, `<Name />`, `<>`, `</>`;
# a tag may run over several lines. `<https://...>` is no tag (MDX has no autolinks either).
_JSX_TAG = (
    r"<(?:/?[A-Za-z][\w.-]*(?::[\w.-]+)?(?=[\s/>])"
    r"""(?:[^<>"'{}]|"[^"]*"|'[^']*'|\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\})*|/?)>"""
)
# A line (or lines) of JSX tags and nothing else: a JSX flow element's opening or closing
_JSX_LINE = re.compile(rf"[ \t]*(?:{_JSX_TAG}[ \t]*)+(?=\r?\n|\r|\Z)")
_ESM = re.compile(r"(?:import|export)\s")
_FENCE_OPEN = re.compile(r"(`{3,}(?=[^`]*\Z)|~{3,})")


@dataclass(slots=True)
class MdxLayout:
    """An MDX body as pyromark is given it, and what MDX syntax was found in it.

    MDX has no HTML and no indented code: a line of JSX tags opens or closes an element
    whose children are Markdown, blank lines and indentation included. pyromark would read
    such a line as the start of an HTML block that ends at the first blank line, and indented
    children as code. So each line of tags loses its text (and becomes blank), and the lines
    between two lines of tags lose the indentation they have beyond the first of those tags'
    (up to 3 columns of it are kept: enough to stay in a list item, too few to make code).
    Lines only ever lose a prefix: a character offset in `body` maps back to the whole text
    through the lines that lost one (`cuts`: where each such line begins in `body`, counted
    from the start of the text like the body is; `shifts`: the characters lost up to and
    including that line).
    """

    body: str
    cuts: list[int]
    shifts: list[int]
    esm: list[tuple[int, int]]  # `import`/`export` blocks, in the whole text
    tags: list[tuple[int, int]]  # lines of JSX tags, in the whole text

    def original(self, offset: int, end: bool = False) -> int:
        """The offset in the whole text of an offset in `start + body`; an end offset at the
        start of a line that lost a prefix stays before that prefix."""
        i = (bisect_left if end else bisect_right)(self.cuts, offset) - 1
        return offset + self.shifts[i] if i >= 0 else offset


def mdx_layout(lines: LineIndex, start: int) -> MdxLayout:
    """Find the ESM blocks and lines of JSX tags of the MDX body `lines.text[start:]`, outside
    fenced code, and build the text pyromark reads (see MdxLayout).

    As in MDX, a fence may be indented any amount, and an `import`/`export` line is ESM only
    at the start of a line outside code that does not continue a paragraph; its block runs to
    the next blank line."""
    text, starts = lines.text, lines.starts
    first = bisect_right(starts, start) - 1
    bounds = []  # (start, end without the line break) of each line of the body
    for i in range(first, len(starts)):
        lo = max(starts[i], start)
        hi = starts[i + 1] if i + 1 < len(starts) else len(text)
        while hi > lo and text[hi - 1] in "\r\n":
            hi -= 1
        bounds.append((lo, hi))
    lost = [0] * len(bounds)  # the characters each line loses
    esm: list[tuple[int, int]] = []
    tags: list[tuple[int, int]] = []
    segment: list[tuple[int, int | None]] = []  # (line, indentation width) since the last tags
    tag_indent = 0  # the columns of indentation the lines after the last tags keep
    fence: tuple[str, int] | None = None  # the open fence's character and length
    paragraph = False  # whether the line before continues a paragraph (or ESM)

    def dedent() -> None:
        indents = [indent for _, indent in segment if indent is not None]
        extra = min(indents, default=0) - tag_indent
        if extra > 0:
            for line, _ in segment:
                lo, hi = bounds[line]
                lost[line] = _prefix(text, lo, hi, extra)
        segment.clear()

    line = 0
    while line < len(bounds):
        lo, hi = bounds[line]
        content = text[lo:hi]
        stripped = content.lstrip(" \t")
        indent = _columns(content) if stripped else None
        if fence is not None:  # fenced code, up to its closing fence
            char, length = fence
            if stripped.startswith(char * length) and not stripped.strip(char).strip():
                fence = None
            paragraph = False
        elif stripped.startswith("<") and (tag := _JSX_LINE.match(text, lo)) is not None:
            dedent()
            last = bisect_right(starts, tag.end()) - 1 - first
            for each in range(line, last + 1):
                lost[each] = bounds[each][1] - bounds[each][0]
            tags.append((lo + len(content) - len(stripped), tag.end()))
            tag_indent, paragraph = min(indent or 0, 3), False
            line = last + 1
            continue
        elif indent == 0 and not paragraph and _ESM.match(stripped):
            end = line
            while end + 1 < len(bounds) and text[slice(*bounds[end + 1])].strip():
                end += 1
            esm.append((lo, bounds[end][1]))
            segment.extend((each, 0) for each in range(line, end + 1))
            line, paragraph = end + 1, True
            continue
        elif (opening := _FENCE_OPEN.match(stripped)) is not None:
            fence = (stripped[0], len(opening[1]))
            paragraph = False
        else:
            paragraph = indent is not None
        segment.append((line, indent))
        line += 1
    dedent()
    pieces, cuts, shifts, total = [], [], [], 0
    following = [*(lo for lo, _ in bounds[1:]), len(text)]  # where the next line begins
    for (lo, _), cut, next_lo in zip(bounds, lost, following, strict=True):
        if cut:
            total += cut
            cuts.append(lo + cut - total)
            shifts.append(total)
        pieces.append(text[lo + cut : next_lo])
    return MdxLayout("".join(pieces), cuts, shifts, esm, tags)


def _columns(line: str) -> int:
    """The width of a line's indentation, a tab reaching the next multiple of 4."""
    column = 0
    for char in line:
        if char == " ":
            column += 1
        elif char == "\t":
            column = column // 4 * 4 + 4
        else:
            break
    return column


def _prefix(text: str, lo: int, hi: int, width: int) -> int:
    """How many characters of indentation from `lo` make up at least `width` columns (all of
    it when it is narrower)."""
    at, column = lo, 0
    while at < hi and column < width and text[at] in " \t":
        column = column + 1 if text[at] == " " else column // 4 * 4 + 4
        at += 1
    return at - lo


# UTF-8 continuation bytes (0x80-0xBF) map to 1, every other byte to 0
_CONTINUATION = bytes(1 if 0x80 <= b < 0xC0 else 0 for b in range(256))


def continuation_bytes(body: str, base: int) -> list[int]:
    """The positions, plus `base`, of the UTF-8 continuation bytes in `body`, in order. A
    UTF-8 byte offset in `body` (pyromark's ranges) plus `base`, less the number of them
    before it, is a character offset in a text where `body` begins at `base`.

    They are few even in non-ASCII files, and found in C: split at them, the k-th sits after
    the first k+1 gaps and the k continuation bytes before it."""
    if body.isascii():
        return []
    gaps = body.encode("utf-8").translate(_CONTINUATION).split(b"\x01")
    return list(map(add, accumulate(map(len, gaps[:-1])), count(base)))


Prose = tuple[int, int, tuple[str, ...]]  # a run of prose: offsets and containers


def parse_body(
    lines: LineIndex, start: int, templates: list[tuple[int, int]], mdx: MdxLayout | None = None
) -> tuple[tuple[Node, ...], tuple[Prose, ...]]:
    """Parse `lines.text[start:]` into nodes positioned in the whole text, and the runs of
    prose between them (outside template syntax). An MDX body is given as its layout: its
    lines of JSX tags become block Html nodes."""
    text = lines.text
    body = text[start:] if mdx is None else mdx.body
    tags: list[Node] = []
    if mdx is not None:
        tags = [Html(lines, lo, hi, (), True, text[lo:hi]) for lo, hi in mdx.tags]
    if not body.strip():
        return tuple(tags), ()
    continuation = continuation_bytes(body, start)
    moved = mdx is not None and mdx.cuts  # whether offsets in `body` need mapping back

    def span(rng) -> tuple[int, int]:
        lo, hi = start + rng["start"], start + rng["end"]
        if continuation:
            lo -= bisect_left(continuation, lo)
            hi -= bisect_left(continuation, hi)
        if moved:
            lo, hi = mdx.original(lo), mdx.original(hi, end=True)
        while hi > lo and text[hi - 1] in "\r\n":  # block ranges include their line break
            hi -= 1
        return lo, hi

    nodes: list[Node] = _definitions(lines, body, span)
    by_label = {label_key(d.label): d for d in nodes}
    inside: tuple[str, ...] = ()  # the containers around the current event
    # One entry per open tag, innermost last: None for a tag whose end changes nothing, else
    # (name, attributes, range, where its text begins in `pieces`, `inside` before it).
    stack: list[tuple[str, dict, dict, int, tuple[str, ...]] | None] = []
    collecting = 0  # how many headings, links, images and code blocks are open
    pieces: list[str] = []  # the text of the open nodes, outermost first
    # Text events number in the millions: prose runs are kept as byte offsets from the start
    # of the text while parsing (the character offsets in an ASCII text), and those of other
    # texts converted all at once at the end.
    runs: list[Prose] = []
    run_end = -1  # byte end (in the body) of the last run while a Text event may extend it
    in_code_block = False  # only ever true while a code block is open

    for event, rng in pyromark.events_with_range(body, options=OPTIONS):
        # An event is a dict of one item, or a str: SoftBreak, HardBreak or Rule. It is told
        # apart with `in`, commonest first, and without unpacking; the str events hold none of
        # the keys tested, so they are told apart last.
        if "Text" in event:
            if collecting:
                pieces.append(event["Text"])
                if in_code_block:
                    continue
            if rng["start"] == run_end:
                run_end = rng["end"]
                runs[-1] = (runs[-1][0], start + run_end, inside)
            else:
                run_end = rng["end"]
                runs.append((start + rng["start"], start + run_end, inside))
            continue
        if "Start" in event:
            run_end = -1  # any event but Text and the str ones ends a run of prose
            tag = event["Start"]
            if tag.__class__ is str:  # a tag without attributes: Paragraph, Item, Strong, ...
                if tag not in _NOTABLE:
                    stack.append(None)
                    continue
                name, attrs = tag, None
            else:
                ((name, attrs),) = tag.items()
                if name not in _NOTABLE:
                    stack.append(None)
                    continue
            stack.append((name, attrs, rng, len(pieces), inside))
            if name in _OPENED:
                collecting += 1
                if name == "CodeBlock":
                    in_code_block = True
            label = _CONTAINERS.get(name)
            if label is not None:
                inside = (*inside, label)
        elif "End" in event:
            run_end = -1
            # tags open and close in nested order: the innermost open tag ends
            opening = stack.pop()
            if opening is None:
                continue
            name, attrs, rng, first, node_inside = opening
            inside = node_inside
            if name not in _OPENED:
                continue
            collecting -= 1
            lo, hi = span(rng)
            node_text = "".join(pieces[first:])
            if not collecting:
                pieces.clear()
            if name == "CodeBlock":
                in_code_block = False
                info = attrs.get("Fenced", "") if attrs.__class__ is dict else ""
                nodes.append(Code(lines, lo, hi, node_inside, True, info, node_text))
            elif name == "Heading":
                level = int(attrs["level"][1])
                heading = Heading(lines, lo, hi, node_inside, level, node_text.strip(), attrs["id"])
                nodes.append(heading)
            else:
                nodes.append(_link(name, attrs, lines, lo, hi, node_inside, node_text, by_label))
        elif event.__class__ is str:
            if collecting and event != "Rule":
                pieces.append(" ")
        elif "Code" in event:
            run_end = -1
            value = event["Code"]
            if collecting:
                pieces.append(value)
            lo, hi = span(rng)
            nodes.append(Code(lines, lo, hi, inside, False, "", value))
        else:
            run_end = -1
            if "Html" in event:
                lo, hi = span(rng)
                nodes.append(Html(lines, lo, hi, inside, True, event["Html"]))
            elif "InlineHtml" in event:
                lo, hi = span(rng)
                nodes.append(Html(lines, lo, hi, inside, False, event["InlineHtml"]))
    if continuation and runs:  # the conversion in span(), for all the runs at once
        los, his, insides = zip(*runs, strict=True)
        los = map(sub, los, map(bisect_left, repeat(continuation), los))
        his = map(sub, his, map(bisect_left, repeat(continuation), his))
        runs = list(zip(los, his, insides, strict=True))
    if moved:
        runs = [(mdx.original(lo), mdx.original(hi, True), run_in) for lo, hi, run_in in runs]
    nodes += tags
    nodes.sort(key=_OFFSET)
    runs.sort()
    if templates:
        nodes = _outside_nodes(nodes, templates)
        runs = _outside_runs(runs, templates)
    return tuple(nodes), tuple(runs)


_OFFSET = attrgetter("offset")
_OPENED = frozenset({"Heading", "Link", "Image", "CodeBlock"})
_NOTABLE = _OPENED | _CONTAINERS.keys()  # the tags parse_body acts on


def _outside_runs(runs: list[Prose], templates: list[tuple[int, int]]) -> list[Prose]:
    """The parts of the runs (sorted) outside template syntax, so that prose never holds
    any: one pass over both sorted lists (the templates are merged: their ends increase)."""
    kept: list[Prose] = []
    i, total = 0, len(templates)
    for run in runs:
        lo, hi, run_in = run
        while i < total and templates[i][1] <= lo:  # ends before this run, so before the next
            i += 1
        at = lo
        for t_lo, t_hi in islice(templates, i, None):
            if t_lo >= hi:
                break
            if t_lo > at:
                kept.append((at, t_lo, run_in))
            at = t_hi
        if at == lo and lo < hi:  # no template in it: the run whole (an empty run holds none)
            kept.append(run)
        elif at < hi:
            kept.append((at, hi, run_in))
    kept.sort()
    return kept


def _outside_nodes(nodes: list[Node], templates: list[tuple[int, int]]) -> list[Node]:
    """The nodes (sorted) that do not start inside template syntax."""
    kept = []
    i, total = 0, len(templates)
    for node in nodes:
        while i < total and templates[i][1] <= node.offset:
            i += 1
        if i == total or node.offset < templates[i][0]:
            kept.append(node)
    return kept


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
                (),
                label,
                value["dest"],
                value["title"] or "",
                dest,
            )
        )
    return found


def _link(name, attrs, lines, lo, hi, inside, text, definitions) -> Link | Image:
    """A closed link or image node."""
    link_type = attrs["link_type"]
    kind = _LINK_KINDS.get(link_type) or link_type.lower()
    dest = None
    if kind == "inline":
        dest = _FIND
    elif kind == "autolink":
        dest = (lo + 1, hi - 1)
    elif kind == "reference" or kind == "collapsed" or kind == "shortcut":
        definition = definitions.get(label_key(attrs["id"]))
        dest = definition.dest if definition is not None else None
    node = Image if name == "Image" else Link
    return node(
        lines, lo, hi, inside, kind, attrs["dest_url"], attrs["title"], text, attrs["id"], dest
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


def top_level_blocks(lines: LineIndex, start: int) -> list[tuple[int, int]]:
    """The first and last line of each top-level block (paragraph, heading, list, quote,
    table, code block, HTML block, footnote, rule) of `lines.text[start:]`, in order,
    without the blank lines a block's range may end with. Read on demand (code actions):
    the nodes of a Document do not keep blocks."""
    text = lines.text
    body = text[start:]
    base = len(text[:start].encode("utf-8"))  # pyromark's byte offsets are the body's
    blocks = []
    depth = 0
    for event, rng in pyromark.events_with_range(body, options=OPTIONS):
        if event.__class__ is dict and "Start" in event:
            depth += 1
            if depth > 1:
                continue
        elif event.__class__ is dict and "End" in event:
            depth -= 1
            continue
        elif depth or event != "Rule":
            continue
        lo = lines.char_offset(base + rng["start"])
        hi = lines.char_offset(base + rng["end"])
        while hi > lo and text[hi - 1] in " \t\r\n":
            hi -= 1
        blocks.append((lines.pos(lo).line, lines.pos(max(hi - 1, lo)).line))
    return blocks
