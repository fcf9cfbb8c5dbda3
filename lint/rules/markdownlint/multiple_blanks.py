"""## What it does
Flags more than `maximum` (1 by default) blank lines in a row outside code blocks
(markdownlint's MD012). The fix removes the extra lines.

## Why is this bad?
Extra blank lines render as nothing: they only stretch the source and hide where sections
really break.

## Example
    Tokyo holds $1 trillion in Treasuries.



    Beijing holds less.

## Use instead
    Tokyo holds $1 trillion in Treasuries.

    Beijing holds less.
"""

from __future__ import annotations

import re

from pydantic import Field

from lint.model import Edit, Fix, Pos, Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import body_lines, body_whitespace_lines, source_lines

# two lines of nothing but spaces and tabs: without them, markdownlint finds nothing
_RUN = re.compile(r"(?:\A|\r?\n|\r)[ \t]*(?:\r?\n|\r)[ \t]*(?:\r?\n|\r|\Z)")


class MultipleBlanks(Rule):
    code = "ML012"
    name = "no-multiple-blanks"
    aliases = ("MD012",)
    enabled = False
    tags = ("whitespace", "blank_lines")
    summary = "several blank lines in a row"
    fixable = True

    class Options(RuleOptions):
        maximum: int = Field(1, ge=0, description="blank lines allowed in a row")

    def check(self, doc, options):
        facts = body_lines(doc)
        # what the blank lines find stands only where _RUN finds a run: asked of the few
        # files with something found, since that search reads the whole text
        confirmed = options.maximum == 0
        run, previous = 0, 0
        for number in body_whitespace_lines(doc, facts):
            # a blank line in code ends a run; so does a line that is not blank
            run = 0 if number in facts.code else run + 1 if number == previous + 1 else 1
            previous = number
            if run > options.maximum and not facts.in_template(doc.lines.starts[number - 1]):
                if not confirmed:
                    if _RUN.search(doc.text, doc.body_start) is None:
                        return
                    confirmed = True
                start = Pos(number, 1)
                following = Pos(number + 1, 1) if number < facts.last else None
                fix = None
                if following is not None:
                    fix = Fix("remove the blank line", (Edit(start, following, ""),))
                yield Problem(
                    start,
                    f"{run} blank lines in a row; expected {options.maximum} at most",
                    end=Pos(number, len(source_lines(doc)[number - 1]) + 1),
                    fix=fix,
                )
