"""## What it does
Flags hard tab characters (markdownlint's MD010), in code blocks too unless `code_blocks` is
off or the block's language is one of `ignore_code_languages`. The fix replaces each tab with
`spaces_per_tab` spaces.

## Why is this bad?
Editors and renderers show a tab at different widths; in lists and code a tab changes the
indentation and so the structure of the page.

## Example
    -	Tokyo holds $1 trillion in Treasuries.

## Use instead
    - Tokyo holds $1 trillion in Treasuries.
"""

from __future__ import annotations

import re

from pydantic import Field

from lint.model import Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import body_lines, replace

_TABS = re.compile(r"\t+")


class HardTabs(Rule):
    code = "ML010"
    name = "no-hard-tabs"
    aliases = ("MD010",)
    enabled = False
    tags = ("whitespace", "hard_tab")
    summary = "a line holds a hard tab"
    fixable = True
    runnable_examples = False  # the docstring loses the whitespace this rule is about

    class Options(RuleOptions):
        code_blocks: bool = Field(True, description="check code blocks too")
        ignore_code_languages: tuple[str, ...] = Field(
            (), description="code block languages whose tabs are allowed"
        )
        spaces_per_tab: int = Field(1, ge=0, description="spaces the fix puts for each tab")

    def check(self, doc, options):
        if "\t" not in doc.text[doc.body_start :]:
            return
        facts = body_lines(doc)
        skipped: set[int] = set()
        if not options.code_blocks:
            skipped = set(facts.code)
        elif options.ignore_code_languages:
            ignored = {language.lower() for language in options.ignore_code_languages}
            for node in doc.code:
                language = node.info.split()[0].lower() if node.block and node.info else ""
                if language in ignored:
                    last = doc.lines.pos(max(node.end_offset - 1, node.offset)).line
                    skipped.update(range(node.start.line, last + 1))
        lines = doc.lines
        for number in range(facts.first, facts.last + 1):
            line = lines.line_text(number)
            if "\t" not in line or number in skipped:
                continue
            base = lines.starts[number - 1]
            for match in _TABS.finditer(line):
                if facts.in_template(base + match.start()):
                    continue
                lo, hi = match.span()
                yield Problem(
                    lines.pos(base + lo),
                    f"hard tab{'s' if hi - lo > 1 else ''} at column {lo + 1}; expected spaces",
                    end=lines.pos(base + hi),
                    fix=replace(
                        number,
                        lo + 1,
                        hi + 1,
                        " " * options.spaces_per_tab * (hi - lo),
                        "replace tabs with spaces",
                    ),
                )
