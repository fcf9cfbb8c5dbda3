"""## What it does
Flags strong emphasis whose marker is not the one `style` asks for (markdownlint's MD050):
`consistent` (the default) wants the page's first strong marker everywhere, `asterisk`
wants `**text**`, `underscore` wants `__text__`. Strong emphasis inside a word is left alone
when underscores are wanted: underscores cannot make it. Both markers are flagged; the fix
changes them.

## Why is this bad?
Mixed markers make the source look untidy and harder to search.

## Example
    **Tokyo** and __Beijing__

## Use instead
    **Tokyo** and **Beijing**
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint.emphasis import style_problems


class StrongStyle(Rule):
    code = "ML050"
    name = "strong-style"
    aliases = ("MD050",)
    enabled = False
    tags = ("emphasis",)
    summary = "a strong emphasis marker differs from the one expected"
    fixable = True

    class Options(RuleOptions):
        style: Literal["consistent", "asterisk", "underscore"] = Field(
            "consistent", description="the marker wanted"
        )

    def check(self, doc, options):
        return style_problems(doc, True, options.style)
