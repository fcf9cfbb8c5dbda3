"""## What it does
Flags a code fence of the other character (markdownlint's MD048): `consistent` (the default)
wants the page's first fence everywhere, `backtick` or `tilde` that character.

## Why is this bad?
Mixed fences make the source inconsistent and harder to search.

## Example
    ```sh
    mdvet check .
    ```

    ~~~sh
    mdvet check .
    ~~~

## Use instead
    ```sh
    mdvet check .
    ```

    ```sh
    mdvet check .
    ```
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lint.model import Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import body_lines

_NAMES = {"`": "backtick", "~": "tilde"}


class CodeFenceStyle(Rule):
    code = "ML048"
    name = "code-fence-style"
    aliases = ("MD048",)
    enabled = False
    tags = ("code",)
    summary = "a code fence uses the other character"

    class Options(RuleOptions):
        style: Literal["consistent", "backtick", "tilde"] = Field(
            "consistent", description="the fence character wanted"
        )

    def check(self, doc, options):
        facts = body_lines(doc)
        if not facts.fences:
            return
        wanted = None if options.style == "consistent" else options.style
        for node, start, _last, fenced in facts.blocks:
            if not fenced or facts.in_template(node.offset):
                continue
            line = doc.lines.line_text(start.line)
            style = _NAMES[line[start.column - 1 :].lstrip(" ")[0]]
            wanted = wanted or style
            if style != wanted:
                yield Problem(start, f"{style} code fence; expected {wanted}", end=start)
