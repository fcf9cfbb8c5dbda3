"""## What it does
Flags a value that has the right type but breaks a constraint of its field: a length
(`min_length`, `max_length`), a `pattern`, a number of items (`min_items`, `max_items`) or a
range (`minimum`, `maximum`).

## Why is this bad?
An empty title, a permalink without its leading slash or a summary too long for the card it
fills all build without an error and look wrong on the site.

## Example
    ---
    title: ""
    ---

## Use instead
    ---
    title: Japan puts its chips on the table
    ---
"""

from lint.model import Severity
from lint.rules import ReportedRule


class ConstraintViolation(ReportedRule):
    code = "FM107"
    name = "constraint-violation"
    summary = "a value breaks a length, pattern, item-count or range constraint"
    severity = Severity.WARNING
