"""## What it does
Flags a code block whose every line is a command after a `$` prompt, with no output shown
(markdownlint's MD014): the `$` only makes the commands harder to copy.

## Why is this bad?
Readers who copy the block get the `$` too; the prompt helps only to tell commands from their
output, and there is no output. The fix removes the prompts.

## Example
    ```sh
    $ mdvet check .
    $ mdvet check --fix .
    ```

## Use instead
    ```sh
    mdvet check .
    mdvet check --fix .
    ```
"""

from __future__ import annotations

import re

from lint.model import Pos, Problem
from lint.rules import Rule
from lint.rules.markdownlint import body_lines, replace

_PROMPT = re.compile(r"^(\s*)\$[ \t]+")


class CommandsShowOutput(Rule):
    code = "ML014"
    name = "commands-show-output"
    aliases = ("MD014",)
    enabled = False
    tags = ("code",)
    summary = "every line of a code block is a `$` command, with no output"
    fixable = True

    def check(self, doc, options):
        if "$" not in doc.text:
            return
        facts = body_lines(doc)
        lines = doc.lines
        for node in doc.code:
            if not node.block or "$" not in node.text or facts.in_template(node.offset):
                continue
            content = [line for line in node.text.splitlines() if line.strip()]
            if not content or not all(_PROMPT.match(line) for line in content):
                continue
            first = node.start.line + (1 if node.start.line in facts.fences else 0)
            last = facts.fences.get(node.start.line, first + len(node.text.splitlines()))
            for number in range(first, last + 1):
                text = lines.line_text(number)
                match = _PROMPT.match(text[node.start.column - 1 :])
                if match is None:
                    continue
                column = node.start.column + len(match[1])
                width = len(match[0]) - len(match[1])
                yield Problem(
                    Pos(number, column),
                    "'$' before a command with no output shown; leave it out",
                    end=Pos(number, column + 1),
                    fix=replace(number, column, column + width, "", "remove the '$'"),
                )
