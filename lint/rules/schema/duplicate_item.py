"""## What it does
Flags an item repeated in a list whose items must be unique, such as `tags` or `categories`,
at the repeat's own line and column. Items are compared after case-folding, Unicode NFKC,
straightening curly quotes and collapsing whitespace; the message quotes both spellings and
where the first one is. A safe fix removes the repeat (with its comma from a flow list, or its
whole line from a block list).

## Why is this bad?
The page is listed twice under the same tag, or under two tags that look the same.

## Example
    ---
    tags: [tariffs, Treasuries, treasuries]
    ---

## Use instead
    ---
    tags: [tariffs, Treasuries]
    ---
"""

from lint.model import Severity
from lint.rules import ReportedRule


class DuplicateItem(ReportedRule):
    code = "FM105"
    name = "duplicate-item"
    summary = "an item repeats in a list of unique items"
    severity = Severity.WARNING
    fixable = True
