"""## What it does
Flags a heading whose text repeats an earlier heading under the same parent (the nearest
heading of a higher level before it; the top of the page for the first ones). Text is
compared case-insensitively. Headings with an explicit `{#id}` are left alone, and so are
headings quoted in a blockquote.

## Why is this bad?
Both headings get the same anchor, so links to the second one land on the first, and the
table of contents shows two entries a reader cannot tell apart.

## Example
    ## Install

    ### Linux

    ### Linux

## Use instead
    ## Install

    ### Linux

    ### macOS
"""

from __future__ import annotations

from lint.model import Problem
from lint.rules import Rule
from lint.rules.headings import outline
from lint.urls import link_text_key


class DuplicateHeading(Rule):
    code = "HD004"
    name = "duplicate-heading"
    summary = "two headings with the same text under the same parent"

    def check(self, doc, options):
        parents: list = []
        seen: dict[tuple[int, str], object] = {}
        for heading in outline(doc):
            while parents and parents[-1].level >= heading.level:
                parents.pop()
            parent = parents[-1].offset if parents else -1
            parents.append(heading)
            text = link_text_key(heading.text)
            if heading.id or not text:
                continue
            earlier = seen.setdefault((parent, text), heading)
            if earlier is not heading:
                yield Problem(
                    heading.start,
                    f"heading '{heading.text}' repeats the one at line {earlier.start.line} "
                    "under the same parent; their anchors collide",
                    end=heading.end,
                )
