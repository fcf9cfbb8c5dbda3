"""## What it does
Flags emphasis markers with spaces inside them (markdownlint's MD037): `** bold **` or
`* word*`. Such markers do not make emphasis, they stay as text: the rule pairs the markers
(`*`, `**`, `***`, `_`, `__`, `___`) left as text in a paragraph, heading, list item or link
text, in order, and flags a space after an opening one or before a closing one. Escaped
markers and code are not read. The fix removes the spaces.

## Why is this bad?
The reader sees asterisks or underscores instead of the emphasis the writer meant.

## Example
    Tokyo holds ** $1 trillion ** in Treasuries.

## Use instead
    Tokyo holds **$1 trillion** in Treasuries.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from lint.model import Problem
from lint.rules import Rule
from lint.rules.markdownlint import body_lines, is_blank, replace, source_lines

_MARKER = re.compile(r"\*+|_+")
_STARTS_BLOCK = re.compile(r"[ \t>]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#{1,6}(?:[ \t]|$))")
_AFTER = re.compile(r"\s+(?=\S)")
_BEFORE = re.compile(r"(?<=\S)\s+\Z")


class NoSpaceInEmphasis(Rule):
    code = "ML037"
    name = "no-space-in-emphasis"
    aliases = ("MD037",)
    enabled = False
    tags = ("whitespace", "emphasis")
    summary = "emphasis markers have spaces inside them"
    fixable = True

    def check(self, doc, options):
        text = doc.text
        lines = doc.lines
        find = text.find
        candidates = [
            run
            for run in doc.prose
            if find("*", run[0], run[1]) >= 0 or find("_", run[0], run[1]) >= 0
        ]
        if not candidates:
            return
        facts = body_lines(doc)
        block = _Blocks(source_lines(doc), facts)
        link_starts = [link.offset for link in doc.links]
        groups: dict[tuple, list[tuple[int, str]]] = {}
        for lo, hi, inside in candidates:
            for match in _MARKER.finditer(text, lo, hi):
                marker = match[0]
                if len(marker) > 3 or text[match.start() - 1 : match.start()] == "\\":
                    continue
                if facts.in_template(match.start()):
                    continue
                line = lines.pos(match.start()).line
                link = bisect_right(link_starts, match.start()) if "link" in inside else 0
                groups.setdefault((block.of(line), link, marker), []).append(
                    (match.start(), marker)
                )
        found = []
        for markers in groups.values():
            for (opening, marker), (closing, _) in zip(markers[::2], markers[1::2], strict=False):
                after = opening + len(marker)
                pos = lines.pos(after)
                rest = lines.line_text(pos.line)[pos.column - 1 :]
                space = _AFTER.match(rest)
                if space:
                    found.append((pos, len(space[0]), f"{marker}{rest[: len(space[0]) + 1]}"))
                pos = lines.pos(closing)
                before = lines.line_text(pos.line)[: pos.column - 1]
                space = _BEFORE.search(before)
                if space:
                    width = len(space[0])
                    shown = before[-width - 1 :] + marker
                    found.append((lines.pos(closing - width), width, shown))
        for pos, width, shown in sorted(found, key=lambda f: (f[0].line, f[0].column)):
            yield Problem(
                pos,
                f"space inside emphasis markers '{shown}'; expected none",
                end=type(pos)(pos.line, pos.column + width),
                fix=replace(pos.line, pos.column, pos.column + width, "", "remove the space"),
            )


class _Blocks:
    """The paragraph, heading or list item a line of the body belongs to, named by its first
    line, found by reading back from the line (and remembered): only the lines that hold
    emphasis markers are asked about."""

    def __init__(self, texts: list[str], facts) -> None:
        self.texts, self.facts = texts, facts
        self.known: dict[int, int] = {}

    def of(self, number: int) -> int:
        """The first line of the block holding line `number` (itself outside any block)."""
        known = self.known.get(number)
        if known is not None:
            return known
        if number < self.facts.first or self._outside(number):
            return number
        first = number
        while first not in self.known and not self._starts(first):
            first -= 1
        found = self.known[number] = self.known.get(first, first)
        return found

    def _outside(self, number: int) -> bool:
        """Whether a line is in no block: blank, or in code."""
        return number in self.facts.code or is_blank(self.texts[number - 1])

    def _starts(self, number: int) -> bool:
        """Whether a line of a block starts it: the first of the body, after a line in no
        block or a heading, or a list item or heading of its own."""
        if number == self.facts.first or self._outside(number - 1):
            return True
        above = self.texts[number - 2]
        starts = _STARTS_BLOCK.match(self.texts[number - 1]) is not None
        return starts or above.lstrip(" >").startswith("#")
