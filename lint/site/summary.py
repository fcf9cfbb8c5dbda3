"""What the site index needs from one parsed Document, as plain JSON-able data.

Summaries are built in the worker processes from the Document they already parsed, and kept
in the results cache, so that the index of an unchanged site is read without parsing again.
A summary holds facts only (front-matter values, headings, links, template tags); everything
that depends on the site (URLs, anchors in a given style) is computed from them later.
"""

from __future__ import annotations

import datetime
import math
import re
from bisect import bisect_left, bisect_right
from operator import itemgetter
from typing import Any

from lint.document import Document
from lint.frontmatter import FrontMatter
from lint.markdown import Image
from lint.mkdocs import snippet_names
from lint.model import Span
from lint.source import line_matches
from lint.suppress import find_suppressions

# Bump when the shape changes: cached summaries of another version are ignored.
VERSION = 8

# Front-matter keys the site index reads.
KEYS = (
    "title",
    "permalink",
    "slug",
    "url",
    "aliases",
    "redirect_from",
    "date",
    "categories",
    "category",
    "published",
    "draft",
    "headless",
    "build",
    "_build",
    "cascade",
    "layout",
    "id",
)
# Keys whose position a site rule may point at.
LOCATED = ("title", "permalink", "slug", "url", "date", "aliases", "redirect_from")

_RAW = re.compile(
    r"\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}|\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}"
)
_LIQUID_TAG = re.compile(r"\{%-?\s*(post_url|link|include)\s+((?:(?!%\}).){0,1024}?)\s*-?%\}", re.S)
_SHORTCODE = re.compile(r"\{\{([<%])\s*(?!/)([\w./-]+)((?:(?![%>]\}\}).){0,4096})[%>]\}\}", re.S)
_HTML_ID = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_IAL_ID = re.compile(r"^[ \t]*\{:[^}\n]*?#([\w:.-]+)[^}\n]*\}[ \t]*$", re.M)
# Python-Markdown's attr_list (and Hugo's, Pandoc's attributes): `{ #id .class key="v" }`
# after a heading, a link, an image or a block; `{: …}` too. Its ids are the `#id` and
# `id=…` items.
_ATTR_ITEM = r"""(?:[#.][^\s{}]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s{}"']+))"""
_ATTR_LIST = re.compile(rf"\{{:?[ \t]*({_ATTR_ITEM}(?:[ \t]+{_ATTR_ITEM})*)[ \t]*\}}")
_ATTR_ID = re.compile(r"""(?:^|\s)(?:#([^\s{}]+)|id=(?:"([^"\n]*)"|'([^'\n]*)'|([^\s{}"']+)))""")
_ATTR_OPENING = re.compile(r"\{:?[ \t]*(?:#|id=)")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")  # `\_` is `_` in an id, as in text
# pymdownx.tabbed's tabs: `=== "Title"` (`===!` and `===+` open a new set or select a tab)
_TAB = re.compile(r'^[ \t]*===[!+]{0,2}[ \t]+"([^"\n]*)"', re.M)
# pymdownx.snippets: `--8<-- "file.md"`, or a block of file names between two `--8<--` lines
_SNIPPET = re.compile(r"^[ \t]*-{1,}8<-{1,}", re.M)
_QUOTED_ARG = re.compile(r"""^\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
_CODE_TEXT = re.compile(r"!?\[(`+)[^`\n]+\1\]")
# An MDX import of another Markdown file (a partial): its headings become the page's
_MDX_PARTIAL = re.compile(r"""^import\s+[\w$]+\s+from\s+['"][^'"\n]+\.mdx?['"]""", re.M)
# A definition list's term: a line followed by a `: definition` line (Hugo's goldmark gives
# terms ids with `autoDefinitionTermID`).
_TERM = re.compile(r"^([^\s:>|#-][^\n]*?)[ \t]*\n(?:[ \t]*\n)?:[ \t]+\S", re.M)
# Where the slower searches below may find something. Over the corpora, re finds these short
# literals two to eight times faster than `in` or `str.find` does.
# `{` and the character or two after it, at every `{`: `{:` opens an IAL, `{%` a Liquid tag,
# `{{<` and `{{%` a shortcode (so ":", "%", "{<" and "{%")
_OPENER = re.compile(r"\{(?=([:%]|\{[<%]))")
_DEFINITION_LINE = re.compile(r"\n:")
_CODE_TEXT_OPENING = re.compile(r"\[`")
_INLINE_MARKUP = re.compile(r"`+|\*+|(?<!\w)_+|_+(?!\w)|\[([^\]]*)\]\([^)]*\)")


def _attribute_ids(attributes: str) -> list[str]:
    """The ids of an attribute list's items (`#id`, `id=…`)."""
    return [
        _ESCAPED.sub(r"\1", next(g for g in item.groups() if g is not None))
        for item in _ATTR_ID.finditer(attributes)
    ]


def attribute_id(text: str, offset: int) -> str | None:
    """The id an attribute list right at `offset` gives (`{#id}`, `{: #id .c}`,
    `{ id="id" }`); None when there is no list there or it names no id."""
    attributes = _ATTR_LIST.match(text, offset)
    ids = _attribute_ids(attributes[1]) if attributes else []
    return ids[0] if ids else None


def _plain(value: Any, depth: int = 0) -> Any:
    """A front-matter value as JSON data: dates become ISO text, odd values their text."""
    if depth > 8:
        return None
    if isinstance(value, (str, bool, int)) or value is None:
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return (
            value.isoformat(sep=" ") if isinstance(value, datetime.datetime) else value.isoformat()
        )
    if isinstance(value, (list, tuple)):
        return [_plain(item, depth + 1) for item in value[:1000]]
    if isinstance(value, dict):
        return {str(k): _plain(v, depth + 1) for k, v in list(value.items())[:1000]}
    return str(value)


def _span(span: Span) -> list[int]:
    return [span.start.line, span.start.column, span.end.line, span.end.column]


def _items(doc: Document, fm: FrontMatter, key: str, split: bool = True) -> list[list]:
    """Each string item of a list (or words of a string) under `key`: the item, its span, and
    how it is quoted in the source ('"', "'" or '' for plain; None when it cannot be edited)."""
    value = fm.data.get(key)
    found: list[list] = []
    if isinstance(value, list):
        for index, item in enumerate(value):
            if not isinstance(item, str):
                continue
            span = fm.values.get((key, index))
            if span is None:
                continue
            raw = doc.text[doc.lines.offset(span.start) : doc.lines.offset(span.end)]
            quote = raw[:1] if raw[:1] in "\"'" and raw.endswith(raw[:1]) else ""
            if not quote and raw.strip() != item:
                quote = None  # a block scalar, an escape: no safe edit
            found.append([item, *_span(span), quote])
    elif isinstance(value, str) and value.strip():
        span = fm.values.get((key,))
        if span is None:
            return found
        lo = doc.lines.offset(span.start)
        raw = doc.text[lo : doc.lines.offset(span.end)]
        if not split:
            quote = raw[:1] if raw[:1] in "\"'" and raw.endswith(raw[:1]) else ""
            if not quote and raw.strip() != value:
                quote = None
            found.append([value, *_span(span), quote])
            return found
        if span.start.line != span.end.line or raw != value:  # quoted or folded: whole value
            found.extend([word, *_span(span), None] for word in value.split())
            return found
        for match in re.finditer(r"\S+", raw):  # Jekyll splits a string on spaces
            start, end = doc.lines.pos(lo + match.start()), doc.lines.pos(lo + match.end())
            found.append([match[0], start.line, start.column, end.line, end.column, ""])
    return found


def _argument(text: str) -> str | None:
    """The first argument of a tag: quoted or a bare word; None when it is templated."""
    match = _QUOTED_ARG.match(text)
    if match is None:
        return None
    arg = next(group for group in match.groups() if group is not None)
    return None if "{{" in arg or "{%" in arg else arg


def _line_start(text: str, offset: int) -> int:
    """Where the line holding `offset` starts, lines ending at `\n` as for `^` in re.M."""
    return text.rfind("\n", 0, offset) + 1


def _terms(text: str, start: int) -> list[re.Match[str]]:
    """What `_TERM.finditer(text, start)` finds, faster: a term is the line before a line
    that opens with `:`, or the line before that when the one between is blank, so the pattern
    is tried there only instead of at every line. (A match cannot overlap the next one: the
    lines it spans open with `:` or a space, which a term cannot.)"""
    found = []
    for definition in _DEFINITION_LINE.finditer(text, start):
        at = definition.start()
        line = _line_start(text, at)
        match = _TERM.match(text, line) if line >= start else None
        if match is None and line > 0 and not text[line:at].strip(" \t"):
            before = _line_start(text, line - 1)
            match = _TERM.match(text, before) if before >= start else None
        if match is not None:
            found.append(match)
    return found


def _positions(starts: list[int], lo: int, hi: int) -> list[int]:
    """Line and column of two offsets, given the offsets where lines start: what
    `LineIndex.pos` gives, without a Pos per offset (the summary places every link)."""
    first = bisect_right(starts, lo)
    last = bisect_right(starts, hi, first - 1)
    return [first, lo - starts[first - 1] + 1, last, hi - starts[last - 1] + 1]


_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def summarise(doc: Document, *, external: bool = True) -> dict:
    """The facts about one document that site rules read. Links to other sites are left
    out unless `external` (only ST008 reads them; they are most of the links)."""
    fm = doc.front_matter
    data = doc.data
    spans: dict[str, list[int]] = {}
    tags: list[list] = []
    categories: list[list] = []
    if fm is not None and data:
        for key in LOCATED:
            span = fm.values.get((key,))
            if key in data and span is not None:
                spans[key] = _span(span)
        tags = _items(doc, fm, "tags")
        categories = _items(doc, fm, "categories") + _items(doc, fm, "category", split=False)

    text = doc.text
    starts = doc.lines.starts
    templates = doc.templates
    # a page that renders an MDX partial has the partial's headings too: not all known here
    open_anchors = doc.path.endswith(".mdx") and _MDX_PARTIAL.search(text) is not None
    # text, id, line (the lines starting at or before it: 1-based), whether templated
    headings = [[h.text, h.id, bisect_right(starts, h.offset), False] for h in doc.headings]
    if templates:
        for entry, heading in zip(headings, doc.headings, strict=True):
            # a template span that starts before the heading's end and ends after its start
            i = bisect_left(templates, (heading.end_offset,))
            entry[3] = i > 0 and templates[i - 1][1] > heading.offset
            open_anchors = open_anchors or entry[3]
    for match in _terms(text, doc.body_start):
        term = _INLINE_MARKUP.sub(lambda m: m[1] or "", match[1]).strip()
        if term and "{{" not in term:
            headings.append([term, None, doc.lines.pos(match.start()).line, False])
    headings.sort(key=itemgetter(2))  # by line
    ids = []
    for html in doc.html:
        if "=" in html.text:  # most HTML is tags without attributes, closing tags, comments
            ids.extend(
                next(g for g in m.groups() if g is not None) for m in _HTML_ID.finditer(html.text)
            )
    # half the pages have no `{` at all: a search for one character is the cheapest test
    braces = "{" in text
    openers = set(_OPENER.findall(text, doc.body_start)) if braces else set()
    if ":" in openers:
        ids.extend(match[1] for match in line_matches(_IAL_ID, text, doc.body_start, "{:"))
    if braces and _ATTR_OPENING.search(text, doc.body_start):
        for attributes in _ATTR_LIST.finditer(text, doc.body_start):
            ids += _attribute_ids(attributes[1])
    tabs = [
        [m[1], doc.lines.pos(m.start()).line]
        for m in line_matches(_TAB, text, doc.body_start, "===")
    ]
    snippets = []
    if line_matches(_SNIPPET, text, doc.body_start, "8<"):
        open_anchors = True  # the included files' headings are the page's too
        snippets = snippet_names(text, doc.body_start)

    links = []
    kept = [
        node
        for node in doc.links_and_images
        if node.kind != "email" and (external or not _EXTERNAL.match(node.url))
    ]
    # where a link's text can be all one code span
    code_text = bool(kept) and _CODE_TEXT_OPENING.search(text) is not None
    for node in kept:
        # flags: "p" in a list item or table row, "c" text that is all one code span
        inside = node.inside
        flags = "p" if "list" in inside or "table" in inside else ""
        if code_text and _CODE_TEXT.match(text, node.offset):
            flags += "c"
        if isinstance(node, Image):
            label, kind = node.alt, "image"
        else:
            label, kind = node.text, node.kind
        where = _positions(starts, node.offset, node.end_offset)
        links.append([node.url, label, *where, kind, flags])

    tags_used = []
    liquid = "%" in openers
    skip = [m.span() for m in _RAW.finditer(text, doc.body_start)] if liquid else []
    if liquid:
        for match in _LIQUID_TAG.finditer(text, doc.body_start):
            if any(lo <= match.start() < hi for lo, hi in skip):
                continue
            argument = _argument(match[2])
            if argument is not None:
                tags_used.append([match[1], argument, *_positions(starts, *match.span())])
                open_anchors = open_anchors or match[1] == "include"
    if "{<" in openers or "{%" in openers:
        for match in _SHORTCODE.finditer(text, doc.body_start):
            name = match[2]
            if name in ("ref", "relref"):
                argument = _argument(match[3])
                if argument is not None:
                    tags_used.append([name, argument, *_positions(starts, *match.span())])
                continue
            tags_used.append(["shortcode", name, *_positions(starts, *match.span())])
            open_anchors = open_anchors or match[1] == "%"

    suppressions = [
        [
            sorted(s.codes) if s.codes else None,
            s.first_line,
            -1 if s.last_line == math.inf else s.last_line,
        ]
        for s in find_suppressions(doc)
    ]
    return {
        "v": VERSION,
        "fm": {key: _plain(data[key]) for key in KEYS if key in data},
        "has_fm": fm is not None,
        "spans": spans,
        "tags": tags,
        "categories": categories,
        "headings": headings,
        "ids": ids,
        "tabs": tabs,
        "open_anchors": open_anchors,
        "snippets": snippets,
        "links": links,
        "tags_used": tags_used,
        "suppress": suppressions,
    }
