"""## What it does
Flags a heading more than one level deeper than the heading before it, such as a `####`
right after a `##`. The first heading is not checked, and headings quoted in a blockquote are
not part of the outline.

It answers to markdownlint's MD001 too, and does what MD001 does when a markdownlint
configuration is read (or these options are set): with `front_matter_title`, a page whose
front matter has a line that matches it starts at level 1, so that its first heading may be a
`##` at most; with `quoted`, headings in blockquotes and footnotes count too.

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

from typing import ClassVar

from pydantic import Field

from lint.model import Problem
from lint.rules import Rule, RuleOptions
from lint.rules.headings import front_matter_title, outline


class HeadingLevelSkip(Rule):
    code = "HD001"
    name = "heading-level-skip"
    aliases = ("MD001", "heading-increment")
    tags = ("headings",)
    # what a markdownlint configuration sets, to read as markdownlint's rule does
    markdownlint_defaults: ClassVar[dict] = {
        "front_matter_title": r"^\s*\"?title\"?\s*[:=]",
        "quoted": True,
    }
    summary = "a heading is more than one level deeper than the previous one"

    class Options(RuleOptions):
        front_matter_title: str = Field(
            "", description="a front-matter line matching this (a regex) is a level-1 heading"
        )
        quoted: bool = Field(False, description="count headings in blockquotes and footnotes")

    def check(self, doc, options):
        # the level so far, and the heading that set it (None: the front matter's title)
        level, previous = None, None
        if doc.headings and front_matter_title(doc, options.front_matter_title):
            level = 1
        for heading in doc.headings if options.quoted else outline(doc):
            if level is not None and heading.level > level + 1:
                line = doc.front_matter.open_line if previous is None else previous.start.line
                yield Problem(
                    heading.start,
                    f"heading level {heading.level} follows level {level} (line "
                    f"{line}); expected level {level + 1} at most",
                    end=heading.end,
                )
            level, previous = heading.level, heading
