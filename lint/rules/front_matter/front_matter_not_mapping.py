"""## What it does
Flags front matter that parses to a list or a single value instead of a mapping of keys.

## Why is this bad?
Site generators expect `key: value` pairs; anything else gives the page no metadata.

## Example
    ---
    - title: Hello
    ---

## Use instead
    ---
    title: Hello
    ---
"""

from lint.model import Severity
from lint.rules import ReportedRule


class FrontMatterNotMapping(ReportedRule):
    code = "FM005"
    name = "front-matter-not-mapping"
    summary = "front matter is not a mapping"
    severity = Severity.ERROR
