"""## What it does
Flags a name from `names` written with other capitals (markdownlint's MD044): `github` or
`Github` for `GitHub`. Words are matched whole and without regard to case; link and image
destinations, reference labels and definitions, fence info strings and bare URLs are not
read, except in an HTML tag (an attribute's value) or comment, where markdownlint reads them. `code_blocks` (on by default) reads code too, and
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
from lint.rules.markdownlint.bare_urls import literal_autolinks


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
        # bare URLs (GFM's literal autolinks), read as markdownlint reads them
        html = [(node.offset, node.end_offset) for node in doc.html]
        indented = _deeply_indented(doc)
        at = doc.body_start
        for lo, hi in [*html, (len(text), len(text))]:
            skipped += literal_autolinks(text, at, lo)
            skipped += _html_urls(text, lo, hi, doc.body_start)
            at = max(at, hi)
        if indented:
            skipped = [s for s in skipped if doc.lines.pos(s[0]).line not in indented]
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

        # a name is a whole word; in prose `_` ends a word too (markdownlint's parser splits
        # text at each `_`), in code and HTML it does not
        pattern = re.compile(
            r"(?<![^\W_])(?:" + "|".join(re.escape(n) for n in names) + r")(?![^\W_])",
            re.IGNORECASE,
        )
        verbatim = sorted((node.offset, node.end_offset) for node in (*doc.code, *doc.html))
        verbatim_starts = [lo for lo, _hi in verbatim]

        def in_verbatim(offset: int) -> bool:
            i = bisect_right(verbatim_starts, offset) - 1
            return i >= 0 and offset < verbatim[i][1]

        wanted = {n.casefold(): n for n in names}
        lines = doc.lines
        for match in pattern.finditer(text, doc.body_start):
            found = match[0]
            name = wanted.get(found.casefold())
            if name is None or found == name:
                continue
            underscored = text.endswith("_", 0, match.start()) or text.startswith("_", match.end())
            if underscored and in_verbatim(match.start()):
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


def _deeply_indented(doc) -> set[int]:
    """The lines of code blocks indented four columns or more beyond the block's first line:
    markdownlint looks for bare URLs in a line of code by reading it as Markdown, where such
    a line is code, and so a URL in it is read as text."""
    found: set[int] = set()
    for node in doc.code:
        if not node.block:
            continue
        first, last = node.start.line, node.end.line
        base = _indent(doc.lines.line_text(first))
        for number in range(first + 1, last + 1):
            line = doc.lines.line_text(number)
            if line.strip() and _indent(line) >= base + 4:
                found.add(number)
    return found


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


# a line that starts as HTML: a comment's ends, or one of CommonMark's HTML block tags
_HTML_LINE = re.compile(
    r"\s*(?:<!--|-->|</?(?:address|article|aside|base|basefont|blockquote|body|caption|center|"
    r"col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|"
    r"frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|"
    r"noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|"
    r"thead|title|tr|track|ul)\b)",
    re.IGNORECASE,
)


def _html_urls(text: str, lo: int, hi: int, body_start: int) -> list[tuple[int, int]]:
    """The bare URLs of the HTML in `text[lo:hi]` that markdownlint does not read: it reads
    an HTML comment a line at a time, a line that starts as HTML as text (URLs included) and
    any other as Markdown (a URL outside a link is a bare one); the rest of an HTML block it
    reads as Markdown, where the URLs outside tags are bare ones."""
    found = []
    in_comment = text.rfind("<!--", body_start, lo) > text.rfind("-->", body_start, lo)
    if in_comment or text.startswith("<!--", lo):
        line_start = text.rfind("\n", 0, lo) + 1
        if not _HTML_LINE.match(text, line_start, hi):
            for start, end in literal_autolinks(text, lo, hi):
                if not (text.endswith("](", 0, start) or text.endswith("<", 0, start)):
                    found.append((start, end))
        return found
    at = lo
    while at < hi:
        tag = text.find("<", at, hi)
        found += literal_autolinks(text, at, hi if tag == -1 else tag)
        if tag == -1:
            break
        close = text.find(">", tag, hi)
        at = hi if close == -1 else close + 1
    return found
