"""## What it does
Flags front matter that does not parse: a YAML, TOML or JSON syntax error, an unsafe YAML
tag such as `!!python/object`, or aliases that expand into an enormous document. The problem
is reported at the file line and column where the parser stopped.

## Why is this bad?
The site generator fails to build the page, or silently drops all of its metadata.

## Example
    ---
    title: "Hello
    ---

## Use instead
    ---
    title: "Hello"
    ---
"""

from lint.model import Severity
from lint.rules import ReportedRule


class InvalidFrontMatter(ReportedRule):
    code = "FM003"
    name = "invalid-front-matter"
    summary = "front matter is not valid YAML, TOML or JSON"
    severity = Severity.ERROR
