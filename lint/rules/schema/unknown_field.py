"""## What it does
Flags a key the schema does not know, when the schema says `unknown_fields: warn` or
`unknown_fields: error` (the latter makes it an error), and suggests the closest known key.
For example, with this schema:

    unknown_fields: warn
    fields:
      title: {type: string}

## Why is this bad?
A misspelt key (`titel`, `catagories`) is ignored by the generator: the value never shows.

## Example
    ---
    titel: Japan puts its chips on the table
    ---

## Use instead
    ---
    title: Japan puts its chips on the table
    ---
"""

from lint.model import Severity
from lint.rules import ReportedRule


class UnknownField(ReportedRule):
    code = "FM106"
    name = "unknown-field"
    summary = "a key the schema does not know"
    severity = Severity.WARNING
    runnable_examples = False  # needs a schema that forbids unknown fields (above)
