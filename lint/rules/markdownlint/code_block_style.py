"""## What it does
Flags a code block written in the other style (markdownlint's MD046): `consistent` (the
default) wants every block as the page's first one is, `fenced` or `indented` that style.

## Why is this bad?
Indented code cannot say its language and breaks easily inside lists; mixing the two styles
makes the source inconsistent.

## Example
    ```sh
    mdvet check .
    ```

        mdvet check .

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


class CodeBlockStyle(Rule):
    code = "ML046"
    name = "code-block-style"
    aliases = ("MD046",)
    enabled = False
    tags = ("code",)
    summary = "a code block is fenced where indented is expected, or the other way"

    class Options(RuleOptions):
        style: Literal["consistent", "fenced", "indented"] = Field(
            "consistent", description="the style wanted"
        )

    def check(self, doc, options):
        facts = body_lines(doc)
        wanted = None if options.style == "consistent" else options.style
        for node, start, _last, fenced in facts.blocks:
            if facts.in_template(node.offset):
                continue
            style = "fenced" if fenced else "indented"
            wanted = wanted or style
            if style != wanted:
                yield Problem(start, f"{style} code block; expected {wanted}", end=start)
