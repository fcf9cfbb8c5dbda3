"""## What it does
Flags a closed ATX heading with more than one space between its text and the `#` signs on
either side (markdownlint's MD021): `##  Tariffs ##` or `## Tariffs  ##`. The fix leaves one
space.

## Why is this bad?
The extra spaces render as nothing and make headings line up unevenly in the source.

## Example
    ##  Tariffs  ##

## Use instead
    ## Tariffs ##
"""

from __future__ import annotations

import re

from lint.model import Problem
from lint.rules import Rule
from lint.rules.markdownlint import atx_closed, atx_heading_lines, replace

_OPENING = re.compile(r"#+([ \t]{2,})")
_CLOSING = re.compile(r"([ \t]{2,})#+[ \t]*$")


class MultipleSpaceClosedAtx(Rule):
    code = "ML021"
    name = "no-multiple-space-closed-atx"
    aliases = ("MD021",)
    tags = ("headings", "atx_closed", "spaces")
    summary = "several spaces inside the `#` signs of a closed heading"
    fixable = True
    enabled = False

    def check(self, doc, options):
        for heading, line, column in atx_heading_lines(doc):
            rest = line[column - 1 :]
            if not atx_closed(rest):
                continue
            number = heading.start.line
            for pattern, side in (
                (_OPENING, "after the opening"),
                (_CLOSING, "before the closing"),
            ):
                match = pattern.match(rest) if pattern is _OPENING else pattern.search(rest)
                if match is None:
                    continue
                lo, hi = match.span(1)
                yield Problem(
                    heading.start,
                    f"{hi - lo} spaces {side} '#' signs of heading '{heading.text}'; expected 1",
                    end=heading.end,
                    fix=replace(number, column + lo, column + hi, " ", "leave one space"),
                )
