"""## What it does
Flags a line that starts with `#` signs and no space after them (markdownlint's MD018): it
was meant as a heading and renders as a paragraph. Lines in code blocks and HTML are not
checked, nor closed headings (`#Title#`, markdownlint's MD020). The fix adds the space; it is
unsafe on a line that continues a paragraph (a `#hashtag` or `#123` that wrapping put at the
start of a line), where the space would break the paragraph with a heading.

Off by default: on the corpora all 9 hits are such words inside a paragraph. A markdownlint
configuration (or `--extend-select ML018`) turns it on.

## Why is this bad?
CommonMark needs a space after the `#` signs; without it the "heading" is a line of text that
starts with hash signs, missing from the outline.

## Example
    #Tariffs

## Use instead
    # Tariffs
"""

from __future__ import annotations

import re
from dataclasses import replace as replace_fix

from lint.model import Problem
from lint.rules import Rule
from lint.rules.markdownlint import replace, text_matches
from lint.source import line_matches

_LINE = re.compile(r"^#+[^#\s].*", re.MULTILINE)


class MissingSpaceAtx(Rule):
    code = "ML018"
    name = "no-missing-space-atx"
    aliases = ("MD018",)
    tags = ("headings", "atx", "spaces")
    summary = "no space after the `#` signs of a heading"
    fixable = True
    enabled = False

    def check(self, doc, options):
        lines = doc.lines
        for match, number in text_matches(doc, line_matches(_LINE, doc.text, doc.body_start, "#")):
            line = match[0].rstrip("\r")
            if line.rstrip().endswith("#") or line.startswith("#\ufe0f\u20e3"):
                continue
            hashes = len(line) - len(line.lstrip("#"))
            fix = replace(number, hashes + 1, hashes + 1, " ", "add a space after the '#'")
            if number > 1 and lines.line_text(number - 1).strip():
                fix = replace_fix(fix, safe=False)
            yield Problem(
                lines.pos(match.start()),
                f"no space after '{'#' * hashes}' at the start of the line; expected "
                f"'{'#' * hashes} {line[hashes : hashes + 20]}'",
                end=lines.pos(match.start() + hashes + 1),
                fix=fix,
            )
