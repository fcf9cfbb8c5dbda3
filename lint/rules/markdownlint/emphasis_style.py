"""## What it does
Flags emphasis whose marker is not the one `style` asks for (markdownlint's MD049):
`consistent` (the default) wants the page's first emphasis marker everywhere, `asterisk`
wants `*text*`, `underscore` wants `_text_`. Emphasis inside a word (`un*frigging*believable`)
is left alone when underscores are wanted: an underscore cannot make it. Both markers are
flagged; the fix changes them.

## Why is this bad?
Mixed markers make the source look untidy and harder to search.

## Example
    *Tokyo* and _Beijing_

## Use instead
    *Tokyo* and *Beijing*
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint.emphasis import style_problems


class EmphasisStyle(Rule):
    code = "ML049"
    name = "emphasis-style"
    aliases = ("MD049",)
    enabled = False
    tags = ("emphasis",)
    summary = "an emphasis marker differs from the one expected"
    fixable = True
    strong = False  # strong emphasis (`**`, `__`) rather than emphasis

    class Options(RuleOptions):
        style: Literal["consistent", "asterisk", "underscore"] = Field(
            "consistent", description="the marker wanted"
        )

    def check(self, doc, options):
        return style_problems(doc, self.strong, options.style)
