"""## What it does
Flags a heading without blank lines around it (markdownlint's MD022): `lines_above` blank
lines before it (1 by default) and `lines_below` after it, unless it starts or ends the body.
A value of -1 asks for no check on that side. The fix adds the missing blank lines.

## Why is this bad?
Some Markdown renderers do not see a heading that touches the text before it, and the source
is harder to scan: the heading does not stand out as the start of a section.

## Example
    Tokyo holds $1 trillion in Treasuries.
    ## Tariffs
    Cars come first.

## Use instead
    Tokyo holds $1 trillion in Treasuries.

    ## Tariffs

    Cars come first.
"""

from __future__ import annotations

from pydantic import Field

from lint.model import Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import insert_line, is_blank, source_lines, visible_headings


class BlanksAroundHeadings(Rule):
    code = "ML022"
    name = "blanks-around-headings"
    aliases = ("MD022",)
    enabled = False
    tags = ("headings", "blank_lines")
    summary = "a heading has no blank line before or after it"
    fixable = True

    class Options(RuleOptions):
        lines_above: int = Field(1, ge=-1, description="blank lines wanted before a heading")
        lines_below: int = Field(1, ge=-1, description="blank lines wanted after a heading")

    def check(self, doc, options):
        texts = source_lines(doc)
        for at, facts in visible_headings(doc):
            heading, first, last = at.node, at.start.line, at.last
            quoted = "blockquote" in heading.inside
            wanted = options.lines_above
            if wanted > 0 and first > facts.first:
                found = _blanks(texts, range(first - 1, facts.first - 1, -1), wanted)
                if found < wanted:
                    yield Problem(
                        at.start,
                        f"{found} blank line{'s' if found != 1 else ''} above heading "
                        f"'{heading.text}'; expected {wanted}",
                        end=heading.end,
                        fix=None if quoted else insert_line(doc, first, "add a blank line above"),
                    )
            wanted = options.lines_below
            if wanted > 0 and last < facts.last:
                found = _blanks(texts, range(last + 1, facts.last + 1), wanted)
                if found < wanted:
                    yield Problem(
                        at.start,
                        f"{found} blank line{'s' if found != 1 else ''} below heading "
                        f"'{heading.text}'; expected {wanted}",
                        end=heading.end,
                        fix=None
                        if quoted
                        else insert_line(doc, last + 1, "add a blank line below"),
                    )


def _blanks(texts: list[str], numbers: range, wanted: int) -> int:
    """How many blank lines follow one another along `numbers`, counting up to `wanted`."""
    found = 0
    for number in numbers:
        if found >= wanted or not is_blank(texts[number - 1]):
            break
        found += 1
    return found
