"""## What it does
Reports a rule that crashed on a file. The engine catches the error, reports it once at the
top of the file, naming the rule, and runs the other rules as usual.

## Why is this bad?
A crashing rule checked nothing: the file may hold problems that went unreported. Please
report it with the file that triggers it.

## Example
    (any file on which a rule raises an exception)

## Use instead
    (nothing to change in the file; the rule needs fixing)
"""

from lint.model import Severity
from lint.rules import Rule


class InternalError(Rule):
    code = "LN900"
    name = "internal-error"
    summary = "a rule crashed on this file"
    severity = Severity.ERROR
    runnable_examples = False

    def check(self, doc, options):
        return iter(())
