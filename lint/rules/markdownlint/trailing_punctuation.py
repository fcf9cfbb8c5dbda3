"""## What it does
Flags a heading whose text ends with punctuation (markdownlint's MD026), one of
`punctuation` (`.,;:!` and their full-width forms by default). An HTML entity such as `&amp;`
at the end does not count. The fix removes the punctuation mark.

## Why is this bad?
A heading is a title, not a sentence: the mark looks like a slip in a table of contents and
ends up in the heading's anchor.

## Example
    ## Tariffs:

## Use instead
    ## Tariffs
"""

from __future__ import annotations

import re

from pydantic import Field

from lint.model import Pos, Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import replace, visible_headings

_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);\Z")


class TrailingPunctuation(Rule):
    code = "ML026"
    name = "no-trailing-punctuation"
    aliases = ("MD026",)
    enabled = False
    tags = ("headings",)
    summary = "a heading ends with punctuation"
    fixable = True

    class Options(RuleOptions):
        punctuation: str = Field(
            ".,;:!\u3002\uff0c\uff1b\uff1a\uff01",
            description="the marks a heading may not end with",
        )

    def check(self, doc, options):
        if not options.punctuation:
            return
        for at, _facts in visible_headings(doc):
            heading, number, line = at.node, at.start.line, at.line
            content = line.rstrip()
            if content.lstrip(" >").startswith("#"):
                stripped = content.rstrip("#")
                if stripped != content and stripped.endswith((" ", "\t")):
                    content = stripped.rstrip()
            if not content or content[-1] not in options.punctuation:
                continue
            if _ENTITY.search(content):
                continue
            column = len(content)
            yield Problem(
                Pos(number, column),
                f"heading '{heading.text}' ends with '{content[-1]}'; expected no punctuation",
                end=Pos(number, column + 1),
                fix=replace(number, column, column + 1, "", "remove the punctuation"),
            )
