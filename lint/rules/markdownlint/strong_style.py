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

from lint.rules.markdownlint.emphasis_style import EmphasisStyle


class StrongStyle(EmphasisStyle):
    code = "ML050"
    name = "strong-style"
    aliases = ("MD050",)
    summary = "a strong emphasis marker differs from the one expected"
    strong = True
