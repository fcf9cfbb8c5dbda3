"""## What it does
Flags a `TODO`, `FIXME` or `XXX` note left in the prose of a page, at the note's column.
Notes in code, HTML comments and template syntax are not read. The words to look for are set
by the `words` option.

## Why is this bad?
A note to the author was published to the readers: the page is unfinished.

## Example
    Japan holds $1 trillion in Treasuries. TODO: check the figure.

## Use instead
    Japan holds $1 trillion in Treasuries.
"""

from __future__ import annotations

import re

from pydantic import Field

from lint.model import Problem, Severity
from lint.rules import Rule, RuleOptions


class TodoNote(Rule):
    code = "TD001"
    name = "todo-note"
    summary = "a TODO or FIXME note is left in the prose"
    severity = Severity.WARNING

    class Options(RuleOptions):
        words: tuple[str, ...] = Field(
            ("TODO", "FIXME", "XXX"), description="the words that mark a note (matched as words)"
        )

    def check(self, doc, options):
        if not options.words:
            return
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, options.words)) + r")\b")
        for text in doc.texts:
            source = doc.text[text.offset : text.end_offset]
            for match in pattern.finditer(source):
                start = text.offset + match.start()
                yield Problem(
                    doc.lines.pos(start),
                    f"'{match.group()}' note left in the text; finish the page or remove it",
                    end=doc.lines.pos(start + len(match.group())),
                )
