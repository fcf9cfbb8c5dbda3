"""## What it does
Flags a paragraph that is nothing but one line of emphasis or strong emphasis (markdownlint's
MD036): `**Tariffs**` alone on its line, used as a heading. A text that ends with one of
`punctuation` (`.,;:!?` and their full-width forms by default) reads as a sentence and is not
flagged, nor emphasis in lists or blockquotes, or emphasis holding code, links or more than
one line.

## Why is this bad?
Emphasis is not a heading: it is missing from the outline and the table of contents, gets no
anchor, and screen readers cannot jump to it.

## Example
    **Tariffs**

    Cars come first.

## Use instead
    ## Tariffs

    Cars come first.
"""

from __future__ import annotations

from pydantic import Field

from lint.model import Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import body_lines
from lint.rules.markdownlint.emphasis import alone, emphases


class NoEmphasisAsHeading(Rule):
    code = "ML036"
    name = "no-emphasis-as-heading"
    aliases = ("MD036",)
    enabled = False
    tags = ("headings", "emphasis")
    summary = "emphasis used instead of a heading"

    class Options(RuleOptions):
        punctuation: str = Field(
            ".,;:!?\u3002\uff0c\uff1b\uff1a\uff01\uff1f",
            description="the marks that make the emphasis a sentence, not a heading",
        )

    def check(self, doc, options):
        facts = None
        for found in emphases(doc):
            words = alone(found, doc.text)
            if words is None or (words and words[-1] in options.punctuation):
                continue
            if facts is None:
                facts = body_lines(doc)
            if facts.in_template(found.opening):
                continue
            end = found.closing + found.width
            yield Problem(
                doc.lines.pos(found.opening),
                f"emphasis '{doc.text[found.opening : end]}' stands alone as a paragraph; "
                "expected a heading",
                end=doc.lines.pos(end),
            )
