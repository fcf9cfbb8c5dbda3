"""## What it does
Flags a link whose text starts or ends with spaces inside its brackets (markdownlint's
MD039): `[ Treasury ](https://home.treasury.gov/)`. Inline, reference, collapsed and shortcut
links are checked (a reference only when its definition exists: otherwise it is not a link);
images and autolinks are not. The fix removes the spaces; a line break at the start or end
of the text is flagged without a fix.

## Why is this bad?
The spaces become part of the link: the underline runs past the words, and the source reads
as if something were missing.

## Example
    See [ the Treasury ](https://home.treasury.gov/).

## Use instead
    See [the Treasury](https://home.treasury.gov/).
"""

from __future__ import annotations

from lint.model import Edit, Fix, Problem
from lint.rules import Rule
from lint.rules.markdownlint import body_lines

_KINDS = frozenset({"inline", "reference", "collapsed", "shortcut"})
_SPACE = " \t"


class NoSpaceInLinks(Rule):
    code = "ML039"
    name = "no-space-in-links"
    aliases = ("MD039",)
    enabled = False
    tags = ("whitespace", "links")
    summary = "a link's text starts or ends with spaces"
    fixable = True

    def check(self, doc, options):
        text = doc.text
        lines = doc.lines
        facts = None
        for link in doc.links:
            if link.kind not in _KINDS or text[link.offset] != "[":
                continue
            lo = link.offset + 1
            hi = label_end(text, lo, link.end_offset)
            if hi is None:
                continue
            label = text[lo:hi]
            if not label or (label[0] not in " \t\r\n" and label[-1] not in " \t\n"):
                continue  # nothing to find: most links
            if facts is None:
                facts = body_lines(doc)
            if facts.in_template(link.offset):
                continue
            shown = " ".join(label.split())
            lead = len(label) - len(label.lstrip(_SPACE))
            trail = len(label) - len(label.rstrip(_SPACE))
            if lead == len(label):
                trail = 0  # spaces only: one problem, at the start
            ends = [(lo, lo + lead, "starts"), (hi - trail, hi, "ends")]
            if not lead and label[:1] in ("\r", "\n"):
                ends[0] = (label.index("\n", 0) + lo + 1, None, "starts")
            if not trail and label[-1:] == "\n" and label.strip():
                ends[1] = (hi - 1, None, "ends")
            for start, end, side in ends:
                if start == end:
                    continue
                at = lines.pos(start)
                fix = None
                if end is not None:
                    fix = Fix("remove the space", (Edit(at, lines.pos(end), ""),))
                yield Problem(
                    at,
                    f"link text '{shown}' {side} with a space; expected none inside the brackets",
                    end=None if end is None else lines.pos(end),
                    fix=fix,
                )


def label_end(text: str, start: int, stop: int) -> int | None:
    """The offset of the `]` closing a link's text that starts at `start` (after its `[`):
    brackets nest, a backslash escapes, a code span hides what it holds."""
    close = text.find("]", start, stop)
    if close >= 0:  # the first `]`, when nothing before it nests, escapes or hides
        before = text[start:close]
        if "[" not in before and "\\" not in before and "`" not in before:
            return close
    depth = 0
    i = start
    while i < stop:
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "`":
            run = i
            while run < stop and text[run] == "`":
                run += 1
            ticks = text[i:run]
            close = text.find(ticks, run, stop)
            while close >= 0 and close + len(ticks) < stop and text[close + len(ticks)] == "`":
                close = text.find(ticks, close + len(ticks) + 1, stop)
            i = close + len(ticks) if close >= 0 else run
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return None
