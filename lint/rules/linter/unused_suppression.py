"""## What it does
Reports a suppression comment that silenced nothing: a `mdvet-disable...` comment in the body
or a `# mdvet-disable...` comment in the front matter under which no problem was found.

## Why is this bad?
A stale suppression hides the next real problem at that place, and tells readers of the source
that something is wrong when it is not. Off by default; turn it on to clean up old comments.

## Example
    <!-- mdvet-disable-next-line FM004 -->
    A paragraph with nothing to silence.

## Use instead
    A paragraph with nothing to silence.
"""

from lint.model import Severity
from lint.rules import Rule


class UnusedSuppression(Rule):
    code = "LN002"
    name = "unused-suppression"
    summary = "a suppression comment silenced nothing"
    severity = Severity.WARNING
    enabled = False

    def check(self, doc, options):
        return iter(())  # reported by the suppression filter, which sees what was silenced
