"""## What it does
Flags a value that is not among the values its field allows (`allowed`, or `allowed_from` a
vocabulary file of the site such as `_data/categories.yml`), and suggests the closest allowed
value. For example, with this schema:

    fields:
      categories: {type: list, items: {type: string}, allowed: [economy, markets, politics]}

`mdvet init` and `mdvet schema infer` write a site's categories, layouts and (when a few are
used over and over) tags as allowed values, each with a comment saying how often it is used, so
that the next post with a new or misspelt category is told the closest known one.

## Why is this bad?
A misspelt or new category silently creates a page of its own with one post on it.

## Example
    ---
    categories: [markets, politcs]
    ---

## Use instead
    ---
    categories: [markets, politics]
    ---
"""

from lint.model import Severity
from lint.rules import ReportedRule


class UnknownValue(ReportedRule):
    code = "FM104"
    name = "unknown-value"
    summary = "a value is not one of the allowed values"
    severity = Severity.WARNING
    runnable_examples = False  # needs a schema with allowed values (above)
