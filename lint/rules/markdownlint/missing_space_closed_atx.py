"""## What it does
Flags a closed ATX heading with no space between its text and the `#` signs on either side
(markdownlint's MD020): `#Title#`, `# Title#`, `#Title #`. Lines in code blocks and HTML
blocks are not checked, nor template syntax. The fix puts one space on each side.

## Why is this bad?
Without the space after the opening `#` signs the line is not a heading; without the one
before the closing `#` signs they are part of the heading's text.

## Example
    ## Tariffs##

## Use instead
    ## Tariffs ##
"""

from __future__ import annotations

import re

from lint.model import Problem
from lint.rules import Rule
from lint.rules.markdownlint import replace, text_matches
from lint.source import line_matches

# hashes, spaces, text (not ending in a backslash), spaces, an escaped `#`, hashes
_LINE = re.compile(
    r"^(#+)([ \t]*)([^# \t\\\r\n]|[^# \t\r\n][^#\r\n]*?[^# \t\\\r\n])([ \t]*)((?:\\#)?)(#+)([ \t]*)\r?$",
    re.MULTILINE,
)


class MissingSpaceClosedAtx(Rule):
    code = "ML020"
    name = "no-missing-space-closed-atx"
    aliases = ("MD020",)
    tags = ("headings", "atx_closed", "spaces")
    summary = "no space inside the `#` signs of a closed heading"
    fixable = True
    enabled = False

    def check(self, doc, options):
        lines = doc.lines
        for match, number in text_matches(doc, line_matches(_LINE, doc.text, doc.body_start, "#")):
            left = not match[2]
            right = not match[4] or bool(match[5])
            if not (left or right):
                continue
            escape = f"{match[5]} " if match[5] else ""
            fixed = f"{match[1]} {match[3]} {escape}{match[6]}"
            side = "after the opening" if left else "before the closing"
            yield Problem(
                lines.pos(match.start()),
                f"no space {side} '#' signs of closed heading '{match[0].strip()}'; "
                f"expected '{fixed}'",
                end=lines.pos(match.end(7)),
                fix=replace(number, 1, match.end(7) - match.start() + 1, fixed, "add the spaces"),
            )
