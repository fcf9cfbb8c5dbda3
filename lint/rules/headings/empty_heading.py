"""## What it does
Flags a heading with no text: a lone `#`, or `##` followed only by spaces or an `{#id}`.
A heading that holds only an image or inline HTML is not empty.

## Why is this bad?
It renders as an empty, invisible heading that still appears in the outline and the table of
contents, and screen readers announce a heading with nothing in it.

## Example
    ## Results

    ##

## Use instead
    ## Results

    ## Discussion
"""

from __future__ import annotations

from bisect import bisect_left

from lint.model import Problem, Severity
from lint.rules import Rule


class EmptyHeading(Rule):
    code = "HD003"
    name = "empty-heading"
    summary = "a heading has no text"
    severity = Severity.ERROR

    def check(self, doc, options):
        content = None  # where images, HTML and code give a heading content; rarely needed
        for heading in doc.headings:
            if heading.text.strip():
                continue
            if content is None:
                content = sorted(n.offset for n in (*doc.images, *doc.html, *doc.code))
            i = bisect_left(content, heading.offset)
            if i < len(content) and content[i] < heading.end_offset:
                continue
            yield Problem(
                heading.start, f"level {heading.level} heading has no text", end=heading.end
            )
