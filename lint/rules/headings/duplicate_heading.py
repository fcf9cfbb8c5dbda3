"""## What it does
Flags a heading whose text repeats an earlier heading under the same parent (the nearest
heading of a higher level before it; the top of the page for the first ones). Text is
compared case-insensitively. Headings with an explicit `{#id}` are left alone, and so are
headings quoted in a blockquote.

It answers to markdownlint's MD024 (`no-duplicate-heading`, `no-duplicate-header`) too. A
markdownlint configuration sets what MD024 does by default: `siblings_only = false` (a
heading repeating any earlier one in the page is flagged, whatever its parent; markdownlint's
`siblings_only: true` keeps mdvet's reading), `match_case = true` (text is compared as
written, markup and spaces included: `` `a` `` and `a` differ) and `quoted = true` (headings in blockquotes count). Headings with an explicit
`{#id}` are left alone in both readings: their anchors do not collide, where markdownlint
compares their text.

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

from typing import ClassVar

from pydantic import Field

from lint.model import Problem
from lint.rules import Rule, RuleOptions
from lint.rules.headings import outline
from lint.urls import link_text_key


class DuplicateHeading(Rule):
    code = "HD004"
    name = "duplicate-heading"
    aliases = ("MD024", "no-duplicate-heading", "no-duplicate-header")
    tags = ("headings",)
    # what a markdownlint configuration sets, to read as markdownlint's rule does
    markdownlint_defaults: ClassVar[dict] = {
        "siblings_only": False,
        "match_case": True,
        "quoted": True,
    }
    summary = "two headings with the same text under the same parent"

    class Options(RuleOptions):
        siblings_only: bool = Field(
            True, description="compare a heading only with those under the same parent"
        )
        match_case: bool = Field(False, description="compare heading text as written")
        quoted: bool = Field(False, description="count headings in blockquotes and footnotes")

    def check(self, doc, options):
        parents: list = []
        seen: dict[tuple[int, str], object] = {}
        for heading in doc.headings if options.quoted else outline(doc):
            while parents and parents[-1].level >= heading.level:
                parents.pop()
            parent = parents[-1].offset if parents and options.siblings_only else -1
            parents.append(heading)
            if heading.id:
                continue
            if options.match_case:
                text = _as_written(doc.text, heading).strip()
            else:
                text = link_text_key(heading.text)
            if not text:
                continue
            earlier = seen.setdefault((parent, text), heading)
            if earlier is not heading:
                where = "under the same parent" if options.siblings_only else "in this page"
                yield Problem(
                    heading.start,
                    f"heading '{heading.text}' repeats the one at line {earlier.start.line} "
                    f"{where}; their anchors collide",
                    end=heading.end,
                )


def _as_written(text: str, heading) -> str:
    """A heading's text as written, markup included (`` `a` `` is not `a`): an ATX heading's
    line between its opening and closing `#` runs, a setext heading's lines above its
    underline (joined as markdownlint joins them, a blockquote's `>` included)."""
    source = text[heading.offset : heading.end_offset]
    if source.startswith("#"):
        content = source.lstrip("#")
        closed = content.rstrip().rstrip("#")
        if closed != content.rstrip() and closed[-1:] in (" ", "\t"):
            content = closed
        return content
    return " ".join(source.splitlines()[:-1])
