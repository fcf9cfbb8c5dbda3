"""## What it does
Flags a line that starts with `#` signs and no space after them (markdownlint's MD018): it
was meant as a heading and renders as a paragraph. Lines in code blocks and HTML are not
checked, nor closed headings (`#Title#`, markdownlint's MD020). The fix adds the space.

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

from lint.model import Problem
from lint.rules import Rule
from lint.rules.markdownlint import body_lines, replace

_MISSING = re.compile(r"#+[^#\s]")


class MissingSpaceAtx(Rule):
    code = "ML018"
    name = "no-missing-space-atx"
    aliases = ("MD018",)
    enabled = False
    tags = ("headings", "atx", "spaces")
    summary = "no space after the `#` signs of a heading"
    fixable = True

    def check(self, doc, options):
        text = doc.text
        if "\n#" not in text and not text.startswith("#"):
            return
        facts = body_lines(doc)
        lines = doc.lines
        html = _html_lines(doc)
        for number in range(facts.first, facts.last + 1):
            line = lines.line_text(number)
            if not line.startswith("#") or number in facts.code or number in html:
                continue
            match = _MISSING.match(line)
            if match is None or line.rstrip().endswith("#") or line.startswith("#\ufe0f\u20e3"):
                continue
            if facts.in_template(lines.starts[number - 1]):
                continue
            hashes = match.end() - 1
            yield Problem(
                lines.pos(lines.starts[number - 1]),
                f"no space after '{'#' * hashes}' at the start of the line; expected "
                f"'{'#' * hashes} {line[hashes : hashes + 20]}'",
                end=lines.pos(lines.starts[number - 1] + hashes + 1),
                fix=replace(number, hashes + 1, hashes + 1, " ", "add a space after the '#'"),
            )


def _html_lines(doc) -> set[int]:
    """The lines of HTML blocks."""
    found: set[int] = set()
    for node in doc.html:
        if node.block:
            last = doc.lines.pos(max(node.end_offset - 1, node.offset)).line
            found.update(range(node.start.line, last + 1))
    return found
