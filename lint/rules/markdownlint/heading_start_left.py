"""## What it does
Flags a heading that does not start at the beginning of its line (markdownlint's MD023). The
fix removes the indentation.

## Why is this bad?
An indented heading is easy to miss in the source, and four spaces of indentation turn it into
a code block.

## Example
      ## Tariffs

## Use instead
    ## Tariffs
"""

from __future__ import annotations

from lint.model import Problem
from lint.rules import Rule
from lint.rules.markdownlint import replace


class HeadingStartLeft(Rule):
    code = "ML023"
    name = "heading-start-left"
    aliases = ("MD023",)
    tags = ("headings", "spaces")
    summary = "a heading is indented"
    fixable = True
    runnable_examples = False  # the docstring loses the whitespace this rule is about

    def check(self, doc, options):
        lines, text = doc.lines, doc.text
        for heading in doc.headings:
            # a heading whose line has no indentation starts its line: most do
            at = heading.offset
            if heading.inside or at == 0 or text[at - 1] in "\r\n":
                continue
            number = heading.start.line
            line = lines.line_text(number)
            indent = len(line) - len(line.lstrip(" \t"))
            if indent == 0:
                continue
            yield Problem(
                lines.pos(lines.starts[number - 1]),
                f"heading '{heading.text}' is indented by {indent} space"
                f"{'s' if indent > 1 else ''}; expected it at the start of the line",
                end=heading.start,
                fix=replace(number, 1, indent + 1, "", "remove the indentation"),
            )
