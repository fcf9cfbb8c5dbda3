"""## What it does
Flags a page whose body does not start with a top-level heading (markdownlint's MD041): the
first thing after the front matter (HTML comments aside) must be a `level` heading, in
Markdown or as an HTML `<h1>`. A front-matter line matching `front_matter_title` (by default,
a `title` field) stands for that heading; an empty `front_matter_title` turns that off.

## Why is this bad?
The page's title is its first heading: without it, readers, screen readers and search engines
do not know what the page is about until they reach a lower heading or the text.

## Example
    Tokyo holds $1 trillion in Treasuries.

    ## Tariffs

## Use instead
    # Japan puts its chips on the table

    Tokyo holds $1 trillion in Treasuries.
"""

from __future__ import annotations

import re

from pydantic import Field

from lint.model import Pos, Problem
from lint.rules import Rule, RuleOptions
from lint.rules.headings import front_matter_title
from lint.rules.markdownlint import body_lines

_COMMENT = re.compile(r"\s*<!--[\s\S]*?-->\s*")


class FirstLineHeading(Rule):
    code = "ML041"
    name = "first-line-heading"
    aliases = ("MD041", "first-line-h1")
    enabled = False
    tags = ("headings",)
    summary = "the page does not start with a top-level heading"

    class Options(RuleOptions):
        level: int = Field(1, ge=1, le=6, description="the level of the first heading")
        front_matter_title: str = Field(
            r"^\s*\"?title\"?\s*[:=]",
            description="a front-matter line matching this (a regex) stands for the heading",
        )

    def check(self, doc, options):
        if front_matter_title(doc, options.front_matter_title):
            return
        facts = body_lines(doc)
        text, lines = doc.text, doc.lines
        at = lines.starts[facts.first - 1] if facts.first <= lines.line_count else len(text)
        while True:  # leading HTML comments are not content
            match = _COMMENT.match(text, at)
            if match is None or match.end() == at:
                break
            at = match.end()
        while at < len(text) and text[at] in " \t\r\n":
            at += 1
        if at >= len(text):
            return
        line = lines.pos(at).line
        heading = next((h for h in doc.headings if h.start.line == line), None)
        if heading is not None and heading.level == options.level:
            return
        if re.match(rf"<h{options.level}[\s>]", text[at : at + 4], re.IGNORECASE):
            return
        first = lines.line_text(line).strip()
        yield Problem(
            Pos(line, 1),
            f"the page starts with '{first[:40]}'; expected a level-{options.level} heading",
        )
