"""## What it does
Flags link syntax written the wrong way round, `(text)[https://…]` for `[text](https://…)`
(markdownlint's MD011). Code blocks, code spans, HTML blocks and template syntax are not
read, nor footnote references (`(note)[^1]`) or text followed by `(` (a link after it). The
fix swaps the brackets.

## Why is this bad?
The reversed form renders as plain text in brackets: the link is lost.

## Example
    See the (tariff schedule)[https://hts.usitc.gov/].

## Use instead
    See the [tariff schedule](https://hts.usitc.gov/).
"""

from __future__ import annotations

import re

from lint.model import Problem
from lint.rules import Rule
from lint.rules.markdownlint import replace, text_matches

_REVERSED = re.compile(r"(?:^|(?<=[^\\]))\(([^()\r\n]+)\)\[([^\]^\r\n][^\]\r\n]*)\](?!\()", re.M)


class ReversedLinks(Rule):
    code = "ML011"
    name = "no-reversed-links"
    aliases = ("MD011",)
    tags = ("links",)
    summary = "link syntax reversed: `(text)[url]`"
    fixable = True
    enabled = False

    def check(self, doc, options):
        if ")[" not in doc.text:
            return
        spans = [(n.offset, n.end_offset) for n in doc.code if not n.block]
        lines = doc.lines
        for match, _number in text_matches(doc, _REVERSED.finditer(doc.text, doc.body_start)):
            text, target = match[1], match[2]
            if text.endswith("\\") or target.endswith("\\"):
                continue
            start = lines.pos(match.start())
            lo, hi = match.span()
            if any(a < hi and lo < b for a, b in spans):
                continue
            swapped = f"[{text}]({target})"
            yield Problem(
                start,
                f"reversed link '{match[0]}'; expected '{swapped}'",
                end=lines.pos(hi),
                fix=replace(start.line, start.column, start.column + hi - lo, swapped, "swap"),
            )
