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

## Fix
The number is rewritten, as markdownlint does: padded with zeros in a list whose first number
starts with `0` (`08.`, `09.`, `10.`), and with spaces when every number ends in the same
column (right-aligned). The fixes of a list whose first number is wrong are unsafe: renderers
start the list from that number, so the page would show other numbers.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lint.model import Edit, Fix, Pos, Problem
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
    fixable = True

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
            ends = {item.column + len(item.marker) for item in found.items}
            pad = "0" if len(numbers) > 1 and found.items[0].marker.startswith("0") else " "
            aligned = len(ends) == 1
            first = 0 if numbers[0] == 0 else 1
            style = options.style
            if style == "one_or_ordered":
                same = len(numbers) > 1 and numbers[0] == numbers[1] and numbers[0] in (0, 1)
                style = "one" if same else "ordered"
            kept = True  # whether the list keeps its start: else every fix changes the page
            for index, (item, number) in enumerate(zip(found.items, numbers, strict=True)):
                if style == "one":
                    expected, shown = (numbers[0] if numbers[0] in (0, 1) else 1), "1/1/1"
                elif style == "zero":
                    expected, shown = 0, "0/0/0"
                else:
                    expected, shown = first + index, "1/2/3" if first else "0/1/2"
                if number != expected:
                    kept = kept and index > 0
                    digits = len(item.marker) - 1
                    text = str(expected).rjust(digits, pad) if aligned else str(expected)
                    start, end = Pos(item.line, item.column), Pos(item.line, item.column + digits)
                    yield Problem(
                        start,
                        f"list item number {number}; expected {expected} (style {shown})",
                        end=Pos(item.line, item.column + len(item.marker)),
                        fix=Fix(
                            f"number the item {expected}",
                            (Edit(start, end, text),),
                            safe=kept,
                        ),
                    )
