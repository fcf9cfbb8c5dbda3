"""## What it does
Flags a list item indented differently from the first item of its list (markdownlint's
MD005). An ordered list may right-align its numbers instead (` 9.` above `10.`): once an
item's number ends where the first one's ends, every later item's must too. The fix moves an
ordered item to where it belongs; a bulleted item's indentation is ML007's to fix, as in
markdownlint. A tab in the indentation counts as one character, as in markdownlint. Lists
inside template syntax are not read.

## Why is this bad?
An item indented by one space more or less than its siblings is easy to misread, and a
renderer may nest it under the item before or end the list there.

## Example
    1. Tariffs
     2. Markets

## Use instead
    1. Tariffs
    2. Markets
"""

from __future__ import annotations

from lint.model import Pos, Problem
from lint.rules import Rule
from lint.rules.markdownlint import body_lines, replace
from lint.rules.markdownlint.lists import lists


class ListIndent(Rule):
    code = "ML005"
    name = "list-indent"
    aliases = ("MD005",)
    tags = ("bullet", "ul", "indentation")
    summary = "a list item is indented differently from its siblings"
    fixable = True
    enabled = False

    def check(self, doc, options):
        facts = body_lines(doc)
        for found in lists(doc):
            items = found.items
            if not items or facts.in_template(found.offset) or items[0].line != found.first_line:
                continue
            indent = items[0].column - 1
            end = items[0].column + len(items[0].marker) - 1  # where the first marker ends
            by_end = False  # the numbers are right-aligned
            for item in items[1:]:
                actual = item.column - 1
                if actual == indent and not by_end:
                    continue
                if found.ordered and item.column + len(item.marker) - 1 == end:
                    by_end = True
                    continue
                expected = end - len(item.marker) if by_end else indent
                fix = None
                # indentation is counted in characters, a tab as one, as markdownlint counts
                # it; indentation holding a tab is left to the author to re-indent
                if found.ordered and "\t" not in doc.lines.line_text(item.line)[:actual]:
                    if actual > expected:
                        fix = replace(item.line, expected + 1, actual + 1, "", "align the item")
                    else:
                        fix = replace(
                            item.line, actual + 1, actual + 1, " " * (expected - actual), "align"
                        )
                yield Problem(
                    Pos(item.line, item.column),
                    f"list item '{item.marker}' indented by {actual}; expected {expected}, as "
                    f"{'the items above' if by_end else f'the first item (line {items[0].line})'}",
                    end=Pos(item.line, item.column + len(item.marker)),
                    fix=fix,
                )
