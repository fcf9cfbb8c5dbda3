"""## What it does
Flags a front-matter block whose opening fence (`---`, `+++` or `{`) is never closed.

## Why is this bad?
Site generators then treat the whole file as front matter, or as a body that starts with a
thematic break and a stray list of keys: the page renders wrong or not at all.

## Example
    ---
    title: Hello
    Hello, world.

## Use instead
    ---
    title: Hello
    ---
    Hello, world.
"""

from lint.model import Severity
from lint.rules import ReportedRule


class UnterminatedFrontMatter(ReportedRule):
    code = "FM002"
    name = "unterminated-front-matter"
    summary = "front-matter block is never closed"
    severity = Severity.ERROR
