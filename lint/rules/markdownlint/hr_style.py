"""## What it does
Flags a thematic break (horizontal rule) written differently from the page's others
(markdownlint's MD035). With `style = "consistent"` (the default) the first one sets the
style; otherwise `style` is the exact text required, such as `---` or `* * *`. Lines in code
blocks, HTML blocks and template syntax are not read, nor setext underlines; rules in
blockquotes and list items count. There is no
fix, as in markdownlint.

## Why is this bad?
`---`, `***` and `___` render the same; mixing them makes the source look inconsistent, and a
`---` right under a line of text makes a heading, not a rule.

## Example
    Tariffs rose.

    ---

    Markets fell.

    ***

## Use instead
    Tariffs rose.

    ---

    Markets fell.

    ---
"""

from __future__ import annotations

import re
from itertools import compress, count, repeat

from pydantic import Field

from lint.model import Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import heading_lines, source_lines, text_matches

# a rule, maybe inside blockquotes and list items (indented code is in the code lines)
_BREAK = re.compile(r"^[ \t>]*?(([-*_])[ \t]*(?:\2[ \t]*){2,})\r?$", re.MULTILINE)


class HrStyle(Rule):
    code = "ML035"
    name = "hr-style"
    aliases = ("MD035",)
    tags = ("hr",)
    summary = "a horizontal rule's style differs from the page's"
    enabled = False

    class Options(RuleOptions):
        style: str = Field(
            "consistent", description="'consistent', or the exact text of a rule, like '---'"
        )

    def check(self, doc, options):
        style = options.style.strip() or "consistent"
        underlines = None
        lines = doc.lines
        for match, number in text_matches(doc, _breaks(doc)):
            if underlines is None:
                underlines = {heading.last for heading in heading_lines(doc)}
            if number in underlines:
                continue
            text = match[1].rstrip()
            if style == "consistent":
                style = text
            if text != style:
                yield Problem(
                    lines.pos(match.start(1)),
                    f"horizontal rule '{text}'; expected '{style}'",
                    end=lines.pos(match.start(1) + len(text)),
                )


def _breaks(doc):
    """What `_BREAK.finditer` finds in the body, tried only at the start of the lines that end
    (but for spaces and tabs) with a `-`, `*` or `_`, as every rule does."""
    text, starts = doc.text, doc.lines.starts
    texts = source_lines(doc)
    ends = map(str.endswith, map(str.rstrip, texts, repeat(" \t")), repeat(("-", "*", "_")))
    for number in compress(count(1), ends):
        if starts[number - 1] >= doc.body_start:
            match = _BREAK.match(text, starts[number - 1])
            if match is not None:
                yield match
