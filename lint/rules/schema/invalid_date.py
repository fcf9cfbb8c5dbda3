"""## What it does
Flags a date that matches none of the formats its field accepts, and lists them. When the date
is understandable (`2025-05-02 3:58 PM`, `May 2, 2025`) the message suggests the canonical form
and a safe fix writes it; an ambiguous date such as `02/05/2025` gets no suggestion. Real YAML and
TOML timestamps are always accepted.

A date that names a day or time that does not exist is reported with the reason and no fix:
`2024-02-30` (February 2024 has 29 days), `2024-13-01` (month 13), `2025-06-31` (June has 30
days), `2024-01-01 25:00` (hour 25), an offset beyond ±18:00, a leap second other than 23:59:60
UTC. Such a value is reported at its own line and column whether it is a YAML timestamp that
cannot be built, a TOML date tomllib refuses, a quoted or JSON string, or a list item.

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
    summary = "a date matches none of the accepted formats or does not exist"
    severity = Severity.ERROR
    fixable = True
