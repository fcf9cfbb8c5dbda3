"""## What it does
Flags a list marker followed by other than the expected number of spaces (markdownlint's
MD030): `ul_single` and `ol_single` for lists whose items are one paragraph each, `ul_multi`
and `ol_multi` for the others; 1 each by default. The fix sets the spaces.

## Why is this bad?
The spaces after the marker set where the item's text starts, and so how far its
continuation lines must be indented: an odd number makes nesting fragile.

## Example
    -   Tokyo
    -   Beijing

## Use instead
    - Tokyo
    - Beijing
"""

from __future__ import annotations

from pydantic import Field

from lint.model import Pos, Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import body_lines, replace
from lint.rules.markdownlint.lists import lists


class ListMarkerSpace(Rule):
    code = "ML030"
    name = "list-marker-space"
    aliases = ("MD030",)
    enabled = False
    tags = ("ol", "ul", "whitespace")
    summary = "the spaces after a list marker differ from those expected"
    fixable = True

    class Options(RuleOptions):
        ul_single: int = Field(1, ge=1, description="spaces after a bullet, one-paragraph items")
        ol_single: int = Field(1, ge=1, description="spaces after a number, one-paragraph items")
        ul_multi: int = Field(1, ge=1, description="spaces after a bullet, longer items")
        ol_multi: int = Field(1, ge=1, description="spaces after a number, longer items")

    def check(self, doc, options):
        facts = body_lines(doc)
        for found in lists(doc):
            if facts.in_template(found.offset):
                continue
            multi = any(item.paragraphs > 1 for item in found.items)
            kind = ("ol_" if found.ordered else "ul_") + ("multi" if multi else "single")
            expected = getattr(options, kind)
            for item in found.items:
                if item.spaces == 0 or item.spaces >= 5 or item.spaces == expected:
                    continue  # nothing after the marker, or indented code
                at = item.column + len(item.marker)
                yield Problem(
                    Pos(item.line, item.column),
                    f"{item.spaces} spaces after list marker '{item.marker}'; expected {expected}",
                    end=Pos(item.line, at + item.spaces),
                    fix=replace(item.line, at, at + item.spaces, " " * expected, "set the spaces"),
                )
