"""## What it does
Flags a link to a `#fragment` of the same page that matches none of the page's anchors
(markdownlint's MD051), read as GitHub shows the page: each heading's GitHub anchor (lower
case; letters, digits, `-` and `_` kept; each space a hyphen; `-1`, `-2` for repeats), a
`{#custom-id}` written in a heading, an `id` of any HTML tag and a `name` of an `<a>` tag,
`#top`, and GitHub's line fragments (`#L20`, `#L19C5-L21C11`). Inline links and reference
definitions are checked; images are not. Fragments are compared as written, case included:
`ignore_case` compares them case-insensitively, and `ignored_pattern` (a regular expression)
names fragments never flagged (those a generator adds, such as `^figure-`). A fragment that
differs from an anchor only in case is fixed to the anchor's case.

ST006 broken-anchor checks fragments too, with another reading: it follows links to the
site's other pages, makes anchors the way the site's generator does (kramdown, Python-Markdown
and others, not only GitHub's), and leaves pages with included or templated headings alone.
ML051 reads one page as GitHub renders it, as markdownlint does; a heading's text includes
its `{#id}` there and image text is left out, as in markdownlint.

## Why is this bad?
The link lands at the top of the page instead of the section it promised; it usually means a
heading was renamed.

## Example
    ## Japan's holdings

    See [the holdings](#japan-holdings).

## Use instead
    ## Japan's holdings

    See [the holdings](#japans-holdings).
"""

from __future__ import annotations

import re
from itertools import groupby
from operator import itemgetter
from urllib.parse import quote

import pyromark
from pydantic import Field

from lint.markdown import OPTIONS
from lint.model import Problem
from lint.rules import Pattern, Rule, RuleOptions
from lint.rules.markdownlint import replace
from lint.site.anchors import github, hyphenated

# `{#id}` in a heading's text: lower-case letters and digits, joined by `-` or `_`
_CUSTOM = re.compile(r"\{#([a-z\d]+(?:[-_]+[a-z\d]+)*)\}")
_LINE_FRAGMENT = re.compile(r"^L\d+(?:C\d+)?-L\d+(?:C\d+)?$|^L\d+$")
_TAG = re.compile(r"<([A-Za-z][^/\s>]*)([^>]*)>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_ID = re.compile(r"""\sid\s*=\s*['"]?([^'"\s>]*)""", re.I)
_NAME = re.compile(r"""\sname\s*=\s*['"]?([^'"\s>]*)""", re.I)
# Headings are read again without heading attributes, so that `{#id}` stays in their text
_READING = OPTIONS & ~pyromark.Options.ENABLE_HEADING_ATTRIBUTES
# GFM's autolink literals, which markdownlint leaves out of an anchor too: URLs from
# `http://`, `https://` or `www.` (without the punctuation that ends a sentence), and email
# addresses
_LITERAL_LINK = re.compile(
    r"(?<![^\s*_~(])(?:(?:https?://|www\.)[^\s<]*?(?=[?!.,:*_~]*(?:[\s<]|$))"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
)
_SKIPPED = frozenset({"Image", "Autolink", "Email"})  # what adds no text to an anchor
_QUOTE_SAFE = "-_.!~*'()"  # what JavaScript's encodeURIComponent leaves as it is


class LinkFragments(Rule):
    code = "ML051"
    name = "link-fragments"
    aliases = ("MD051",)
    enabled = False
    tags = ("links",)
    summary = "a link's #fragment matches no heading or anchor of the page"
    fixable = True

    class Options(RuleOptions):
        ignore_case: bool = Field(False, description="compare fragments case-insensitively")
        ignored_pattern: Pattern = Field(
            "", description="a regular expression of fragments never flagged"
        )

    def check(self, doc, options):
        targets = [node for node in doc.links if node.kind == "inline" and node.url.startswith("#")]
        targets += [node for node in doc.definitions if node.url.startswith("#")]
        targets = [node for node in targets if len(node.url) > 1 and not _docfx_tab(doc, node)]
        if not targets:
            return
        anchors = _anchors(doc)
        by_case: dict[str, str] = {}
        for anchor in anchors:
            by_case.setdefault(anchor.lower(), anchor)
        ignored = re.compile(options.ignored_pattern) if options.ignored_pattern else None
        lines = doc.lines
        for node in sorted(targets, key=lambda node: node.offset):
            fragment = node.url[1:]
            written = "#" + quote(fragment, safe=_QUOTE_SAFE)
            if written in anchors or _LINE_FRAGMENT.match(written[1:]):
                continue
            if ignored is not None and ignored.search(fragment):
                continue
            # an anchor is written percent-encoded, as a link may write it too
            anchor = by_case.get(node.url.lower())
            if anchor is None:
                yield Problem(
                    node.start,
                    f"link fragment '{node.url}' matches no heading or anchor of this page",
                    end=node.end,
                )
                continue
            if options.ignore_case or anchor == node.url:
                continue
            fix = None
            start, end = node.start, node.end
            dest = node.dest
            if start.line == end.line and dest is not None:
                lo, hi = lines.pos(dest[0]), lines.pos(dest[1])
                fix = replace(lo.line, lo.column, hi.column, anchor, f"write '{anchor}'")
            yield Problem(
                start,
                f"link fragment '{node.url}' differs in case from the anchor; expected '{anchor}'",
                end=end,
                fix=fix,
            )


def _anchors(doc) -> dict[str, None]:
    """The page's anchors as markdownlint knows them, `#` and percent-encoded, in order:
    `#top`, the headings' (with their repeats and `{#id}`s), the HTML ids."""
    found = {"#top": None}
    used: dict[str, int] = {}
    for heading in doc.headings:
        source = _heading_source(doc, heading)
        slug = github(_heading_text(doc, source))
        if slug:
            found[_encoded(hyphenated(slug, set(), used))] = None
        for match in _CUSTOM.finditer(source):
            used.setdefault(match[1], 0)
            found.setdefault("#" + match[1], None)
    for html in doc.html:
        text = _COMMENT.sub("", html.text) if "<!--" in html.text else html.text
        for tag in _TAG.finditer(text):
            attributes = " " + tag[2]
            found_id = _ID.search(attributes)
            if found_id is None and tag[1].lower() == "a":
                found_id = _NAME.search(attributes)
            if found_id is not None:
                found["#" + found_id[1]] = None
    return found


def _encoded(anchor: str) -> str:
    return "#" + quote(anchor, safe=_QUOTE_SAFE)


def _heading_source(doc, heading) -> str:
    """A heading as written, without the blockquote markers of its later lines."""
    source = doc.text[heading.offset : heading.end_offset]
    if "\n" in source and "blockquote" in heading.inside:
        first, *rest = source.split("\n")
        source = "\n".join([first, *(line.lstrip(" \t>") for line in rest)])
    return source


def _heading_text(doc, source: str) -> str:
    """A heading's text as markdownlint makes its anchor from it: the text of its words,
    code spans and link texts, without images, autolinks (`<…>` and bare URLs and email
    addresses), HTML and character references; the lines of a setext heading joined with
    nothing between them; `{#id}` kept."""
    if "[" in source and doc.definitions:  # reference links need their definitions
        source += "\n\n" + "\n".join(f"[{node.label}]: /" for node in doc.definitions)
    source = source.lstrip(" \t")
    encoded = source.encode("utf-8")
    pieces: list[tuple[str, bool]] = []  # (text, whether it is prose outside links and code)
    skipping = links = 0
    in_heading = False
    for event, where in pyromark.events_with_range(source, options=_READING):
        if event.__class__ is str:
            continue
        if "Start" in event:
            tag = event["Start"]
            name = tag if tag.__class__ is str else next(iter(tag))
            if name == "Heading":
                in_heading = True
            elif name in ("Image", "Link") and (
                skipping or name == "Image" or tag["Link"]["link_type"] in _SKIPPED
            ):
                skipping += 1
            elif name == "Link":
                links += 1
        elif "End" in event:
            tag = event["End"]
            name = tag if tag.__class__ is str else next(iter(tag))
            if name == "Heading":
                break
            if skipping and name in ("Image", "Link"):
                skipping -= 1
            elif name == "Link":
                links -= 1
        elif in_heading and not skipping:
            if "Code" in event:
                pieces.append((event["Code"], False))
            elif "Text" in event:
                text = event["Text"]
                written = encoded[where["start"] : where["end"]]
                if written[:1] == b"&" and written[-1:] == b";" and written != text.encode():
                    continue  # a character reference
                pieces.append((text, not links))
    parts = []
    for prose, group in groupby(pieces, key=itemgetter(1)):
        text = "".join(part for part, _ in group)
        parts.append(_LITERAL_LINK.sub("", text) if prose else text)
    return "".join(parts)


def _docfx_tab(doc, node) -> bool:
    """A docfx tab: an ATX heading holding nothing but a link to `#tab/…`."""
    if not node.url.startswith("#tab/") or "heading" not in getattr(node, "inside", ()):
        return False
    line = doc.lines.line_text(node.start.line)
    return line.lstrip(" >").lstrip("#").strip() == doc.text[node.offset : node.end_offset]
