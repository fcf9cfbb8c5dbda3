"""## What it does
Flags front matter that lacks a field its schema requires. The problem is reported at the
opening fence (for a nested mapping, at the key of the mapping that lacks the field) and names
the field. For example, with this schema:

    fields:
      title: {type: string, required: true}

## Why is this bad?
Templates that read the field render an empty heading, a broken link or nothing at all, and
the site builds without a word.

## Example
    ---
    date: 2025-05-02
    ---

## Use instead
    ---
    title: Japan puts its chips on the table
    date: 2025-05-02
    ---
"""

from lint.model import Severity
from lint.rules import ReportedRule


class MissingRequiredField(ReportedRule):
    code = "FM101"
    name = "missing-required-field"
    summary = "a field the schema requires is absent"
    severity = Severity.ERROR
    runnable_examples = False  # needs a schema with a required field (above)
