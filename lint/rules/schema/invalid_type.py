"""## What it does
Flags a front-matter value of the wrong type, and says what it is: YAML reads `yes`, `no`,
`on` and `off` as booleans, `2025` as a number and `[a, b]` as a list. A number is accepted
where a string is expected, since site generators print it as text.

## Why is this bad?
The generator either fails on the value or shows something else than the author wrote, such as
`true` for a title that read `yes`.

## Example
    ---
    title: yes
    ---

## Use instead
    ---
    title: "yes"
    ---
"""

from lint.model import Severity
from lint.rules import ReportedRule


class InvalidType(ReportedRule):
    code = "FM102"
    name = "invalid-type"
    summary = "a value has the wrong type for its field"
    severity = Severity.ERROR
