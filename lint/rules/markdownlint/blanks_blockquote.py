"""## What it does
Flags a blank line between two blockquotes (markdownlint's MD028): the blank line ends the
first quote, so that the two render as separate quotes, which is rarely what was meant. A
line holding only `>` keeps one quote; a line of text or an HTML comment between them keeps
two quotes on purpose. Lines in code blocks, HTML blocks and template syntax are not read.
There is no fix, as in markdownlint: which of the two was meant is the author's choice.

## Why is this bad?
Some renderers join the two quotes into one and others keep two: the page reads differently
from site to site.

## Example
    > Tariffs rose.

    > Markets fell.

## Use instead
    > Tariffs rose.
    >
    > Markets fell.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from lint.model import Problem
from lint.rules import Rule
from lint.rules.markdownlint import body_lines, html_block_lines, source_lines


class BlanksBlockquote(Rule):
    code = "ML028"
    name = "no-blanks-blockquote"
    aliases = ("MD028",)
    tags = ("blockquote", "whitespace")
    summary = "a blank line between two blockquotes"
    enabled = False

    def check(self, doc, options):
        if not _quote_marked(doc):
            return
        facts, html = body_lines(doc), html_block_lines(doc)
        lines = doc.lines
        # code that is not itself quoted: a `>` there is code (code in a quote is quoted)
        code = {
            n
            for node, start, last, _fenced in facts.blocks
            if "blockquote" not in node.inside
            for n in range(start.line, last + 1)
        }

        def quoted(number: int, text: str) -> re.Match | None:
            start = lines.starts[number - 1]
            if number in code or number in html or facts.in_template(start):
                return None
            return _QUOTE.match(text)

        quote = False  # whether the last line above the blank lines is in a quote
        fresh = True  # whether the line starts a block (after blank lines)
        blanks: list[int] = []
        texts = source_lines(doc)
        for number in range(facts.first, facts.last + 1):
            text = texts[number - 1]
            if not text.strip() and number not in code:
                if quote:
                    blanks.append(number)
                fresh = True
                continue
            # no quote marker: the cheap answer for most lines
            this = quoted(number, text) if ">" in text else None
            # a quote that opens a list item is not the quote above's sibling
            if blanks and this and not this[1]:
                for blank in blanks:
                    yield Problem(
                        lines.pos(lines.starts[blank - 1]),
                        f"blank line between the blockquote ending at line {blanks[0] - 1} "
                        f"and the one at line {number}; expected a line holding '>', or none",
                    )
            # a line of plain text right after a quoted one continues the quote (lazily)
            lazy = not fresh and quote and not text.lstrip().startswith(_NOT_LAZY)
            quote = this is not None or (lazy and number not in code and number not in html)
            fresh, blanks = False, []


_QUOTE = re.compile(r"[ \t]*((?:[-*+]|\d{1,9}[.)])[ \t]+)?>")  # a quote, maybe in a list item
_NOT_LAZY = ("#", "-", "*", "+", "<", "`", "~", "|", "=")


def _quote_marked(doc) -> bool:
    """Whether a line of the body starts as a quote does (see _QUOTE): without one, no blank
    line stands between quotes. Only the lines holding `>` are tried."""
    text, starts, texts = doc.text, doc.lines.starts, source_lines(doc)
    at = text.find(">", doc.body_start)
    while at != -1:
        number = bisect_right(starts, at)  # the line of `at`
        if _QUOTE.match(texts[number - 1]):
            return True
        at = text.find(">", starts[number]) if number < len(starts) else -1
    return False
