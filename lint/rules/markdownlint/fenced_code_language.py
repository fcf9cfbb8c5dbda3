"""## What it does
Flags a fenced code block without a language after its opening fence (markdownlint's MD040).
With `allowed_languages`, the language must be one of them; with `language_only`, nothing
may follow the language.

## Why is this bad?
Without a language the block gets no syntax highlighting, and readers and tools cannot tell
a shell session from a configuration file.

## Example
    ```
    mdvet check .
    ```

## Use instead
    ```sh
    mdvet check .
    ```
"""

from __future__ import annotations

from pydantic import Field

from lint.model import Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import body_lines


class FencedCodeLanguage(Rule):
    code = "ML040"
    name = "fenced-code-language"
    aliases = ("MD040",)
    enabled = False
    tags = ("code", "language")
    summary = "a fenced code block has no language"

    class Options(RuleOptions):
        allowed_languages: tuple[str, ...] = Field(
            (), description="the languages allowed (empty: any)"
        )
        language_only: bool = Field(False, description="allow nothing after the language")

    def check(self, doc, options):
        facts = body_lines(doc)
        if not facts.fences:
            return
        for node, start, _last, fenced in facts.blocks:
            if not fenced or facts.in_template(node.offset):
                continue
            info = node.info.strip()
            language = info.split()[0] if info else ""
            fence_end = node.offset + len(doc.lines.line_text(start.line)) - start.column + 1
            end = doc.lines.pos(fence_end)
            if not language:
                yield Problem(start, "code fence without a language", end=end)
            elif options.allowed_languages and language not in options.allowed_languages:
                allowed = ", ".join(options.allowed_languages)
                yield Problem(start, f"code language '{language}' is not one of {allowed}", end=end)
            elif options.language_only and info != language:
                yield Problem(
                    start, f"code fence info '{info}'; expected the language only", end=end
                )
