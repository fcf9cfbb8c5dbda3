"""The HTML tags of a Markdown body, as markdownlint finds them.

Inline HTML is one tag per node already. An HTML block is one node per line, its text as
written: markdownlint reads the lines of such a block again as Markdown in which no HTML
block (and no indented code) may start, so that each tag in it is found as inline HTML would
be, and a tag inside a code span there is text. The same reading is done here with the one
parser: each line of a block loses its indentation, and a line that opens with `<` is read
after one letter of text, which keeps it in a paragraph. Comments, declarations and
processing instructions are not elements; a comment block is not read again at all.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from operator import attrgetter

import pyromark

from lint.document import Document
from lint.markdown import OPTIONS
from lint.rules.markdownlint import body_lines

_NAME = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
# An attribute of a tag, its value quoted either way, unquoted, or absent (JSX's `{...}` is
# read as an unquoted value)
_ATTRIBUTE = re.compile(r"""\s([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
_LEAD = " \t"
_OFFSET = attrgetter("offset")


@dataclass(frozen=True, slots=True)
class Tag:
    offset: int  # where the tag starts in the document text
    end_offset: int
    name: str  # as written
    closing: bool
    in_table: bool
    text: str  # the tag as written

    def attributes(self) -> dict[str, str]:
        """The tag's attributes by lower-case name (the first of a name wins), an attribute
        without a value as ''."""
        found: dict[str, str] = {}
        for match in _ATTRIBUTE.finditer(self.text, len(self.name) + 1):
            value = match[2] if match[2] is not None else match[3] or match[4] or ""
            found.setdefault(match[1].lower(), value)
        return found


def html_tags(doc: Document, named: str | None = None) -> tuple[Tag, ...]:
    """The opening and closing tags of elements in the body, in order, outside template
    syntax (computed once, kept on the Document). In an MDX file, JSX is read as HTML: the rule
    decides what that means. With `named` (lower-case), the tags of that name only: HTML
    blocks that do not hold the name are not read again (and what is found is not kept)."""
    found = doc.__dict__.get("_ml_html")
    if found is not None:
        return found if named is None else tuple(t for t in found if t.name.lower() == named)
    tags: list[Tag] = []
    group: list = []  # consecutive lines of HTML blocks
    for node in doc.html:
        if not node.block:
            tag = _tag(node.text, node.offset, node.end_offset, "table" in node.inside)
            if tag is not None:
                tags.append(tag)
            continue
        if group and doc.lines.pos(node.offset).line != doc.lines.pos(group[-1][0]).line + 1:
            tags += _group_tags(doc.text, group, named)
            group = []
        group.append((node.offset, node.end_offset))
    if group:
        tags += _group_tags(doc.text, group, named)
    if doc.templates:
        facts = body_lines(doc)
        tags = [tag for tag in tags if not facts.in_template(tag.offset)]
    if named is not None:
        return tuple(sorted((t for t in tags if t.name.lower() == named), key=_OFFSET))
    tags.sort(key=_OFFSET)
    found = tuple(tags)
    doc.__dict__["_ml_html"] = found
    return found


def _group_tags(text: str, group: list[tuple[int, int]], named: str | None) -> list[Tag]:
    """The tags of consecutive lines of HTML blocks; with `named`, none unless a tag of that
    name may be among them (the name of every tag found is written in those lines)."""
    if named is not None and named not in text[group[0][0] : group[-1][1]].lower():
        return []
    return _block_tags(text, group)


def _tag(text: str, offset: int, end_offset: int, in_table: bool) -> Tag | None:
    match = _NAME.match(text)
    if match is None:
        return None
    return Tag(offset, end_offset, match[2], bool(match[1]), in_table, text)


def _block_tags(text: str, group: list[tuple[int, int]]) -> list[Tag]:
    """The tags in consecutive lines of HTML blocks, read again as Markdown."""
    pieces: list[str] = []
    moves: list[tuple[int, int]] = []  # (start in the chunk, start in the text) of each piece
    at = 0
    comment = False
    for lo, hi in group:
        line = text[lo:hi]
        if comment or line.lstrip(_LEAD).startswith("<!--"):  # a comment is not read again
            opening = 0 if comment else line.index("<!--") + 4
            closing = line.find("-->", opening)
            comment = closing < 0
            cut = len(line) if comment else closing + 3  # what follows it on its line is read
            line, lo = line[cut:], lo + cut
        stripped = line.lstrip(_LEAD)
        lo += len(line) - len(stripped)
        if stripped.startswith("<"):
            stripped = "a" + stripped
            lo -= 1
        moves.append((at, lo))
        pieces.append(stripped)
        at += len(stripped) + 1
    chunk = "\n".join(pieces)
    if "<" not in chunk:
        return []
    data = chunk.encode("utf-8")
    ascii_only = len(data) == len(chunk)

    def original(byte: int) -> int:
        char = byte if ascii_only else len(data[:byte].decode("utf-8", "replace"))
        piece_at, text_at = moves[bisect_right(moves, (char, len(text))) - 1]
        return text_at + char - piece_at

    found: list[Tag] = []
    tables = 0
    for event, rng in pyromark.events_with_range(chunk, options=OPTIONS):
        if event.__class__ is str:
            continue
        if "InlineHtml" in event or "Html" in event:
            start, end = rng["start"], rng["end"]
            while end > start and data[end - 1] in b"\r\n":
                end -= 1
            lo, hi = original(start), original(end)
            if "Html" in event:  # a block inside a list item or quote: read it again
                found += _block_tags(text, [(lo, hi)])
            else:
                tag = _tag(event["InlineHtml"], lo, hi, tables > 0)
                if tag is not None:
                    found.append(tag)
        elif "Start" in event and _is_table(event["Start"]):
            tables += 1
        elif "End" in event and _is_table(event["End"]):
            tables -= 1
    return found


def _is_table(tag) -> bool:
    return tag == "Table" or (tag.__class__ is dict and "Table" in tag)
