"""## What it does
Flags a heading more than one level deeper than the heading before it, such as a `####`
right after a `##`. The first heading is not checked, and headings quoted in a blockquote are
not part of the outline.

## Why is this bad?
The outline has a hole: screen-reader users who jump between levels miss the section, tables
of contents indent wrongly, and the skip is often a typo.

## Example
    ## Tariffs

    #### Cars

## Use instead
    ## Tariffs

    ### Cars
"""

from __future__ import annotations

from lint.model import Problem
from lint.rules import Rule
from lint.rules.headings import outline


class HeadingLevelSkip(Rule):
    code = "HD001"
    name = "heading-level-skip"
    aliases = ("MD001", "heading-increment")
    tags = ("headings",)
    summary = "a heading is more than one level deeper than the previous one"

    def check(self, doc, options):
        previous = None
        for heading in outline(doc):
            if previous is not None and heading.level > previous.level + 1:
                yield Problem(
                    heading.start,
                    f"heading level {heading.level} follows level {previous.level} (line "
                    f"{previous.start.line}); expected level {previous.level + 1} at most",
                    end=heading.end,
                )
            previous = heading
