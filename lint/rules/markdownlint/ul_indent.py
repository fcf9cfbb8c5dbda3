"""## What it does
Flags an unordered list item indented by other than `indent` spaces (2 by default) per level
of nesting (markdownlint's MD007). A top-level list starts at the left edge, or at
`start_indent` spaces with `start_indented`. Lists inside ordered lists are not checked, as
their indentation follows the numbers. The fix re-indents the item's first line.

## Why is this bad?
Renderers disagree on how far a nested item must be indented; a consistent step keeps the
nesting the same everywhere and the source easy to read.

## Example
    - Tokyo
       - Shinjuku

## Use instead
    - Tokyo
      - Shinjuku
"""

from __future__ import annotations

import re

from pydantic import Field

from lint.model import Pos, Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import body_lines, replace
from lint.rules.markdownlint.lists import lists

_QUOTE = re.compile(r"(?:[ \t]*>[ ]?)*")


class UlIndent(Rule):
    code = "ML007"
    name = "ul-indent"
    aliases = ("MD007",)
    enabled = False
    tags = ("bullet", "ul", "indentation")
    summary = "an unordered list item is indented by other than the step"
    fixable = True

    class Options(RuleOptions):
        indent: int = Field(2, ge=1, description="spaces per level of nesting")
        start_indented: bool = Field(False, description="indent the top-level list too")
        start_indent: int = Field(2, ge=1, description="the top-level list's indent")

    def check(self, doc, options):
        facts = body_lines(doc)
        start = options.start_indent if options.start_indented else 0
        for found in lists(doc):
            if found.ordered or any(found.parents) or facts.in_template(found.offset):
                continue
            expected = start + len(found.parents) * options.indent
            for item in found.items:
                line = doc.lines.line_text(item.line)
                prefix = _QUOTE.match(line).end() if "blockquote" in found.inside else 0
                actual = item.column - 1 - prefix
                if actual == expected:
                    continue
                indent = line[prefix : item.column - 1]
                fix = None
                if indent.strip(" ") == "":
                    fix = replace(
                        item.line, prefix + 1, item.column, " " * expected, "re-indent the item"
                    )
                yield Problem(
                    Pos(item.line, item.column),
                    f"list item indented by {actual}; expected {expected}",
                    end=Pos(item.line, item.column + 1),
                    fix=fix,
                )
