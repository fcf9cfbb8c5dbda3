"""## What it does
Flags an ATX heading with more than one space between its `#` signs and its text
(markdownlint's MD019). The fix leaves one space.

## Why is this bad?
The extra spaces render as nothing and make headings line up unevenly in the source.

## Example
    ##   Tariffs

## Use instead
    ## Tariffs
"""

from __future__ import annotations

import re

from lint.model import Problem
from lint.rules import Rule
from lint.rules.markdownlint import atx_closed, atx_heading_lines, replace

_SPACES = re.compile(r"(#{1,6})([ \t]{2,})\S")


class MultipleSpaceAtx(Rule):
    code = "ML019"
    name = "no-multiple-space-atx"
    aliases = ("MD019",)
    enabled = False
    tags = ("headings", "atx", "spaces")
    summary = "several spaces after the `#` signs of a heading"
    fixable = True

    def check(self, doc, options):
        for heading, line, column in atx_heading_lines(doc):
            rest = line[column - 1 :]
            match = _SPACES.match(rest)
            if match is None or atx_closed(rest):
                continue
            lo, hi = match.span(2)
            number = heading.start.line
            yield Problem(
                heading.start,
                f"{hi - lo} spaces after '{match[1]}'; expected 1",
                end=heading.end,
                fix=replace(number, column + lo, column + hi, " ", "leave one space"),
            )
