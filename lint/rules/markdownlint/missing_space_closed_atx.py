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
from lint.rules.markdownlint import body_lines, html_block_lines, replace

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
        facts = html = None
        lines = doc.lines
        for match in _LINE.finditer(doc.text, doc.body_start):
            left = not match[2]
            right = not match[4] or bool(match[5])
            if not (left or right):
                continue
            if facts is None:
                facts, html = body_lines(doc), html_block_lines(doc)
            number = lines.pos(match.start()).line
            if number in facts.code or number in html or number < facts.first:
                continue
            if facts.in_template(match.start()):
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
