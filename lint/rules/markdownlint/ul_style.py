"""## What it does
Flags an unordered list item whose marker (`-`, `*` or `+`) is not the one `style` asks for
(markdownlint's MD004): `consistent` (the default) wants the first marker of the page
everywhere, `dash`, `asterisk` and `plus` want that marker, `sublist` wants each level of
nesting to use a marker other than its parent's. The fix changes the marker.

## Why is this bad?
Mixed markers make the source look untidy, and some renderers start a new list where the
marker changes.

## Example
    - Tokyo
    * Beijing

## Use instead
    - Tokyo
    - Beijing
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lint.model import Pos, Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import body_lines, replace
from lint.rules.markdownlint.lists import lists

_NAMES = {"-": "dash", "*": "asterisk", "+": "plus"}
_MARKERS = {name: marker for marker, name in _NAMES.items()}


class UlStyle(Rule):
    code = "ML004"
    name = "ul-style"
    aliases = ("MD004",)
    enabled = False
    tags = ("bullet", "ul")
    summary = "an unordered list marker differs from the one expected"
    fixable = True

    class Options(RuleOptions):
        style: Literal["consistent", "asterisk", "plus", "dash", "sublist"] = Field(
            "consistent", description="the marker wanted"
        )

    def check(self, doc, options):
        facts = body_lines(doc)
        wanted = _MARKERS.get(options.style)
        by_depth: dict[int, str] = {}
        for found in lists(doc):
            if found.ordered or facts.in_template(found.offset):
                continue
            depth = len(found.parents)
            for item in found.items:
                if options.style == "consistent":
                    wanted = wanted or item.marker
                elif options.style == "sublist":
                    if depth not in by_depth:
                        parent = by_depth.get(depth - 1)
                        marker = item.marker
                        if marker == parent:
                            marker = "*+-"[("*+-".index(parent) + 1) % 3]
                        by_depth[depth] = marker
                    wanted = by_depth[depth]
                if item.marker != wanted:
                    yield Problem(
                        Pos(item.line, item.column),
                        f"list marker '{item.marker}' ({_NAMES[item.marker]}); expected "
                        f"'{wanted}' ({_NAMES[wanted]})",
                        end=Pos(item.line, item.column + 1),
                        fix=replace(
                            item.line, item.column, item.column + 1, wanted, "use " + wanted
                        ),
                    )
