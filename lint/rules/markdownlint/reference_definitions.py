"""## What it does
Flags a link reference definition that no link or image uses, and a second definition of a
label already defined (markdownlint's MD053): only the first one counts. Labels in
`ignored_definitions` (`//` by default, the `[//]: # (comment)` idiom) are never flagged.
Footnotes are not link definitions. The fix deletes a definition written on one line.

## Why is this bad?
An unused definition is dead text: often a link that was removed, or one whose reference has
a typo. A duplicate is ignored by the renderer, which can hide a wrong address.

## Example
    Tokyo holds [Treasuries][t].

    [t]: https://home.treasury.gov/
    [tic]: https://ticdata.treasury.gov/

## Use instead
    Tokyo holds [Treasuries][t].

    [t]: https://home.treasury.gov/
"""

from __future__ import annotations

import re

from pydantic import Field

from lint.markdown import label_key
from lint.model import Edit, Fix, Pos, Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import body_lines, html_block_lines, is_blank

_REFERENCES = frozenset({"reference", "collapsed", "shortcut"})
DEFINITION_LINE = re.compile(r"^ {0,3}\[((?:\\.|[^\]\\])+)\]:(.*)$", re.MULTILINE)


class LinkImageReferenceDefinitions(Rule):
    code = "ML053"
    name = "link-image-reference-definitions"
    aliases = ("MD053",)
    enabled = False
    tags = ("images", "links")
    summary = "a link reference definition is unused or defined twice"
    fixable = True

    class Options(RuleOptions):
        ignored_definitions: tuple[str, ...] = Field(
            ("//",), description="labels whose definitions are never flagged"
        )

    def check(self, doc, options):
        if not doc.definitions:
            return
        facts = body_lines(doc)
        html = html_block_lines(doc)
        lines = doc.lines
        ignored = {label_key(label) for label in options.ignored_definitions}
        used = {
            label_key(node.label)
            for node in (*doc.links, *doc.images)
            if node.kind in _REFERENCES and node.label
        }
        seen: set[str] = set()
        starts = {node.start.line for node in doc.definitions}  # where each definition starts
        for node in doc.definitions:
            key = label_key(node.label)
            seen.add(key)
            if node.label.startswith("^") or key in used or key in ignored:
                continue  # a footnote, or used
            if facts.in_template(node.offset):
                continue
            number = node.start.line
            last = lines.pos(max(node.end_offset - 1, node.offset)).line
            yield self._problem(
                doc,
                number,
                "is not used by any link or image; expected a reference to it or no definition",
                single=last == number,
            )
        for match in DEFINITION_LINE.finditer(doc.text, doc.body_start):
            label = match[1]
            key = label_key(label)
            number = lines.pos(match.start()).line
            if key not in seen or key in ignored or number in facts.code or number in html:
                continue
            if number in starts:
                continue  # the first definition
            if facts.in_template(match.start()) or not _starts_block(lines, number, facts.first):
                continue
            yield self._problem(
                doc,
                number,
                f"defines '{label}' again; only the first definition counts",
                single=bool(match[2].strip()),
            )

    @staticmethod
    def _problem(doc, number: int, why: str, single: bool) -> Problem:
        lines = doc.lines
        line = lines.line_text(number)
        shown = line if len(line) <= 60 else line[:57] + "..."
        fix = None
        if single:
            after = lines.line_count >= number + 1
            end = Pos(number + 1, 1) if after else lines.pos(len(doc.text))
            fix = Fix("delete the definition", (Edit(Pos(number, 1), end, ""),))
        return Problem(
            Pos(number, 1), f"definition '{shown}' {why}", end=Pos(number, len(line) + 1), fix=fix
        )


def _starts_block(lines, number: int, first: int) -> bool:
    """Whether a line can hold a definition: after a blank line or another definition."""
    while number > first:
        before = lines.line_text(number - 1)
        if is_blank(before):
            return True
        if not DEFINITION_LINE.match(before):
            return False
        number -= 1
    return True
