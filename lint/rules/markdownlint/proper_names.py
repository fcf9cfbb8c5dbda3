"""## What it does
Flags a name from `names` written with other capitals (markdownlint's MD044): `github` or
`Github` for `GitHub`. Words are matched whole and without regard to case; link and image
destinations, reference labels and definitions, fence info strings and URLs are not
read, except a URL that is an HTML attribute's value. `code_blocks` (on by default) reads code too, and
`html_elements` (on by default) HTML. With no `names` (the default) it checks nothing. The
fix writes the name as given.

## Why is this bad?
A product's or a person's name spelled differently from one page to the next looks careless,
and searches for the proper spelling miss it.

## Example
With `names = ["GitHub"]`:

    Tokyo publishes its data on github.

## Use instead
    Tokyo publishes its data on GitHub.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from pydantic import Field

from lint.model import Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import body_lines, line_span, replace

_URL = re.compile(r"(?:[a-z][a-z0-9+.-]*:|www\.)[^\s<>()\[\]]*", re.IGNORECASE)


class ProperNames(Rule):
    code = "ML044"
    name = "proper-names"
    aliases = ("MD044",)
    enabled = False
    tags = ("spelling",)
    summary = "a proper name has the wrong capitalization"
    fixable = True
    runnable_examples = False  # the example needs `names = ["GitHub"]`

    class Options(RuleOptions):
        names: tuple[str, ...] = Field((), description="the names, written as they should be")
        code_blocks: bool = Field(True, description="check code spans and blocks too")
        html_elements: bool = Field(True, description="check HTML too")

    def check(self, doc, options):
        names = sorted({n for n in options.names if n.strip()}, key=len, reverse=True)
        if not names:
            return
        text = doc.text
        facts = body_lines(doc)
        skipped = [node.dest for node in doc.destinations if node.dest]
        # URLs, except an HTML attribute's value (markdownlint reads HTML tags as text)
        html = [(node.offset, node.end_offset) for node in doc.html]
        html_starts = [lo for lo, _hi in html]
        for url in _URL.finditer(text, doc.body_start):
            i = bisect_right(html_starts, url.start()) - 1
            in_html = i >= 0 and url.start() < html[i][1]
            if not (in_html and text[url.start() - 1] in "\"'="):
                skipped.append(url.span())
        # a reference's label and a fence's info string are names for the machine
        for link in (*doc.links, *doc.images):
            if link.kind == "reference" and text.endswith("]", link.offset, link.end_offset):
                skipped.append((text.rfind("[", link.offset, link.end_offset), link.end_offset))
        skipped += [(d.offset, d.end_offset) for d in doc.definitions]
        for first in facts.fences:
            lo, hi = line_span(doc, first)
            skipped.append((lo, hi))
        if not options.code_blocks:
            skipped += [(node.offset, node.end_offset) for node in doc.code]
        if not options.html_elements:
            skipped += html
        merged: list[tuple[int, int]] = []
        for lo, hi in sorted(skipped):
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
            else:
                merged.append((lo, hi))
        starts = [lo for lo, _hi in merged]

        def hidden(offset: int) -> bool:
            i = bisect_right(starts, offset) - 1
            return i >= 0 and offset < merged[i][1]

        pattern = re.compile(
            r"(?<![\w])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])",
            re.IGNORECASE,
        )
        wanted = {n.casefold(): n for n in names}
        lines = doc.lines
        for match in pattern.finditer(text, doc.body_start):
            found = match[0]
            name = wanted.get(found.casefold())
            if name is None or found == name:
                continue
            if hidden(match.start()) or facts.in_template(match.start()):
                continue
            pos = lines.pos(match.start())
            if pos.line < facts.first:
                continue
            yield Problem(
                pos,
                f"'{found}' is written '{name}'",
                end=lines.pos(match.end()),
                fix=replace(pos.line, pos.column, pos.column + len(found), name, f"write {name}"),
            )
