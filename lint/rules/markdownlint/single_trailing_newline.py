"""## What it does
Flags a file whose last line does not end with a line break (markdownlint's MD047). A last line
of only whitespace or HTML comments counts as ended. The fix adds the line break.

## Why is this bad?
Tools that join or append files run the last line into the next; POSIX tools read a final line
without a break as incomplete, and diffs show "No newline at end of file".

## Example
    Tokyo holds $1 trillion in Treasuries.

## Use instead
    Tokyo holds $1 trillion in Treasuries.
"""

from __future__ import annotations

from lint.model import Edit, Fix, Problem
from lint.rules import Rule
from lint.rules.markdownlint import body_lines, is_blank, newline


class SingleTrailingNewline(Rule):
    code = "ML047"
    name = "single-trailing-newline"
    aliases = ("MD047",)
    enabled = False
    tags = ("blank_lines",)
    summary = "the file does not end with a line break"
    fixable = True
    runnable_examples = False  # a docstring example cannot show a missing final line break

    def check(self, doc, options):
        text = doc.text
        if not text or text.endswith(("\n", "\r")):
            return
        facts = body_lines(doc)
        last = doc.lines.line_text(facts.last)
        if is_blank(last) or facts.first > facts.last:
            return
        end = doc.lines.pos(len(text))
        yield Problem(
            end,
            "the file ends without a line break; expected one after the last line",
            fix=Fix("add a line break", (Edit(end, end, newline(doc)),)),
        )
