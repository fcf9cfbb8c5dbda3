"""## What it does
Flags whitespace at the end of a line (markdownlint's MD009). Exactly `br_spaces` spaces (2 by
default) are allowed, as they make a hard line break; code blocks are not checked unless
`code_blocks` is on. With `strict`, the allowed spaces are flagged too where they make no break
(at the end of a paragraph). With `list_item_empty_lines`, a blank line inside a list item may
hold the spaces that indent the item.

## Why is this bad?
Trailing spaces are invisible, make noisy diffs, and a stray pair of them turns into a line
break the author did not mean.

## Example
    Tokyo holds $1 trillion in Treasuries.

## Use instead
    Tokyo holds $1 trillion in Treasuries.
"""

from __future__ import annotations

from itertools import compress, count
from operator import ne

from pydantic import Field

from lint.model import Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import body_lines, is_blank, replace, source_lines


class TrailingSpaces(Rule):
    code = "ML009"
    name = "no-trailing-spaces"
    aliases = ("MD009",)
    enabled = False
    tags = ("whitespace",)
    summary = "a line ends with whitespace"
    fixable = True
    runnable_examples = False  # the docstring loses the whitespace this rule is about

    class Options(RuleOptions):
        br_spaces: int = Field(2, ge=0, description="trailing spaces allowed as a hard break")
        code_blocks: bool = Field(False, description="check code blocks too")
        list_item_empty_lines: bool = Field(
            False, description="allow the indent of blank lines inside list items"
        )
        strict: bool = Field(False, description="flag allowed spaces that make no break too")

    def check(self, doc, options):
        facts = body_lines(doc)
        expected = options.br_spaces if options.br_spaces >= 2 else 0
        lines = doc.lines
        texts = source_lines(doc)
        # the lines that end with whitespace: those that rstrip shortens
        ending = compress(count(1), map(ne, map(len, texts), map(len, map(str.rstrip, texts))))
        for number in ending:
            line = texts[number - 1]
            if number < facts.first:
                continue
            if number in facts.code and not options.code_blocks:
                continue
            content = line.rstrip()
            trailing = len(line) - len(content)
            if facts.in_template(lines.starts[number - 1] + len(content)):
                continue
            if trailing == expected and not (
                options.strict and (is_blank(line) or _ends_paragraph(lines, number, facts))
            ):
                continue
            if options.list_item_empty_lines and not content and _in_list_item(lines, number):
                continue
            allowed = f"0 or {expected}" if expected else "0"
            yield Problem(
                lines.pos(lines.starts[number - 1] + len(content)),
                f"{trailing} trailing space{'s' if trailing > 1 else ''}; expected {allowed}",
                end=lines.pos(lines.starts[number - 1] + len(line)),
                fix=replace(number, len(content) + 1, len(line) + 1, "", "remove trailing spaces"),
            )


def _ends_paragraph(lines, number: int, facts) -> bool:
    """Whether the line is the last of its block: a hard break there breaks nothing."""
    return number >= facts.last or is_blank(lines.line_text(number + 1))


def _in_list_item(lines, number: int) -> bool:
    """Whether a blank line sits between lines of a list item (the next line is indented)."""
    if number >= lines.line_count:
        return False
    following = lines.line_text(number + 1)
    return bool(following) and following[0] in " \t"
