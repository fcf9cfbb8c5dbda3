"""## What it does
Flags a key that appears twice in the same front-matter mapping, at its second occurrence.

## Why is this bad?
Parsers keep only one of the values (usually the last) without a word; the other is lost.

## Example
    ---
    title: Draft title
    date: 2025-05-02
    title: Final title
    ---

## Use instead
    ---
    title: Final title
    date: 2025-05-02
    ---
"""

from lint.model import Severity
from lint.rules import ReportedRule


class DuplicateKey(ReportedRule):
    code = "FM004"
    name = "duplicate-key"
    summary = "a key appears twice in one mapping"
    severity = Severity.ERROR
