"""## What it does
Flags a fenced code block without a blank line before its opening fence or after its closing
one (markdownlint's MD031). In MDX, a line of JSX tags counts as blank. With `list_items`
off, blocks in lists are not checked. The fix adds the blank line.

## Why is this bad?
Some renderers need the blank lines to see the fence, and without them the code runs into the
text around it in the source.

## Example
    Run this:
    ```sh
    mdvet check .
    ```
    It prints the problems.

## Use instead
    Run this:

    ```sh
    mdvet check .
    ```

    It prints the problems.
"""

from __future__ import annotations

from pydantic import Field

from lint.model import Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import body_lines, html_block_lines, insert_line, is_blank


class BlanksAroundFences(Rule):
    code = "ML031"
    name = "blanks-around-fences"
    aliases = ("MD031",)
    enabled = False
    tags = ("code", "blank_lines")
    summary = "a fenced code block has no blank line before or after it"
    fixable = True

    class Options(RuleOptions):
        list_items: bool = Field(True, description="check code blocks in lists too")

    def check(self, doc, options):
        facts = body_lines(doc)
        if not facts.fences:
            return
        lines = doc.lines
        # in MDX, a line of JSX tags is invisible: it stands where a blank line would
        jsx = html_block_lines(doc) if doc.path.endswith(".mdx") else set()

        def blank(number: int) -> bool:
            return number in jsx or is_blank(lines.line_text(number))

        for node, start, last, fenced in facts.blocks:
            if not fenced or facts.in_template(node.offset):
                continue
            if not options.list_items and "list" in node.inside:
                continue
            first = start.line
            quoted = "blockquote" in node.inside
            if first > facts.first and not blank(first - 1):
                yield Problem(
                    start,
                    "no blank line before the code fence; expected one",
                    end=lines.pos(node.offset + len(lines.line_text(first)) - start.column + 1),
                    fix=None if quoted else insert_line(doc, first, "add a blank line above"),
                )
            closed = _closing_fence(lines.line_text(last))
            if closed and last < facts.last and not blank(last + 1):
                yield Problem(
                    lines.pos(lines.starts[last - 1]),
                    "no blank line after the code fence; expected one",
                    fix=None if quoted else insert_line(doc, last + 1, "add a blank line below"),
                )


def _closing_fence(line: str) -> bool:
    stripped = line.lstrip(" >\t").rstrip()
    while stripped[:1] in ("-", "*", "+") or stripped[:1].isdigit():  # a list marker
        stripped = stripped.lstrip("-*+0123456789.)").lstrip()
        if not stripped:
            break
    return stripped.startswith(("```", "~~~")) and stripped.strip("`~") == ""
