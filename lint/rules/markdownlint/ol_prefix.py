"""## What it does
Flags an ordered list item whose number is not the one `style` expects (markdownlint's
MD029): `one_or_ordered` (the default) accepts `1. 1. 1.` or `1. 2. 3.` (or from 0) as the
list's first two items show, `one` wants every item numbered 1, `zero` every item 0, and
`ordered` counting up from 0 or 1.

## Why is this bad?
Renderers number the list from its first number and ignore the others: numbers in the source
that differ from those shown mislead whoever edits the list.

## Example
    1. Tokyo
    3. Beijing

## Use instead
    1. Tokyo
    2. Beijing
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lint.model import Pos, Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import body_lines
from lint.rules.markdownlint.lists import lists


class OlPrefix(Rule):
    code = "ML029"
    name = "ol-prefix"
    aliases = ("MD029",)
    enabled = False
    tags = ("ol",)
    summary = "an ordered list item has an unexpected number"

    class Options(RuleOptions):
        style: Literal["one_or_ordered", "one", "zero", "ordered"] = Field(
            "one_or_ordered", description="how the items are numbered"
        )

    def check(self, doc, options):
        facts = body_lines(doc)
        for found in lists(doc):
            if not found.ordered or facts.in_template(found.offset):
                continue
            numbers = [int(item.marker[:-1]) for item in found.items]
            first = 0 if numbers[0] == 0 else 1
            style = options.style
            if style == "one_or_ordered":
                same = len(numbers) > 1 and numbers[0] == numbers[1] and numbers[0] in (0, 1)
                style = "one" if same else "ordered"
            for index, (item, number) in enumerate(zip(found.items, numbers, strict=True)):
                if style == "one":
                    expected, shown = (numbers[0] if numbers[0] in (0, 1) else 1), "1/1/1"
                elif style == "zero":
                    expected, shown = 0, "0/0/0"
                else:
                    expected, shown = first + index, "1/2/3" if first else "0/1/2"
                if number != expected:
                    yield Problem(
                        Pos(item.line, item.column),
                        f"list item number {number}; expected {expected} (style {shown})",
                        end=Pos(item.line, item.column + len(item.marker)),
                    )
