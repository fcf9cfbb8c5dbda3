"""## What it does
Flags a date that matches none of the formats its field accepts, and lists them. When the date
is understandable (`2025-05-02 3:58 PM`, `May 2, 2025`) the message suggests the canonical form
and a safe fix writes it; an ambiguous date such as `02/05/2025` gets no suggestion. Real YAML and
TOML timestamps are always accepted.

## Why is this bad?
Site generators reject the page, or sort it under a wrong or empty date.

## Example
    ---
    title: Japan puts its chips on the table
    date: 2025-05-02 3:58 PM
    ---

## Use instead
    ---
    title: Japan puts its chips on the table
    date: 2025-05-02 15:58
    ---
"""

from lint.model import Severity
from lint.rules import ReportedRule


class InvalidDate(ReportedRule):
    code = "FM103"
    name = "invalid-date"
    summary = "a date matches none of the accepted formats"
    severity = Severity.ERROR
    fixable = True
