"""## What it does
Flags each HTML element written in a Markdown page (markdownlint's MD033), once per opening
tag, in paragraphs and in HTML blocks alike; closing tags, comments and tags inside code are
not counted. Elements named in `allowed_elements` are allowed anywhere but in tables, where
those in `table_allowed_elements` are allowed (when it is not set, `allowed_elements` is used
there too); names are compared without regard to case.

In an MDX page tags are JSX, not HTML, and nothing is flagged; tags inside template syntax
(Liquid, Hugo shortcodes) are not read. The rule is off unless turned on (a markdownlint
configuration turns it on as markdownlint does).

## Why is this bad?
HTML ties the page to HTML output: a feed, a plain-text export or another renderer shows the
tags or drops the content, and the Markdown reads less plainly than the page it makes.

## Example
    Press <kbd>Ctrl</kbd> to <b>continue</b>.

## Use instead
    Press `Ctrl` to **continue**.
"""

from __future__ import annotations

from pydantic import Field

from lint.model import Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint.html import html_tags


class NoInlineHtml(Rule):
    code = "ML033"
    name = "no-inline-html"
    aliases = ("MD033",)
    enabled = False
    tags = ("html",)
    summary = "an HTML element is written in Markdown"

    class Options(RuleOptions):
        allowed_elements: tuple[str, ...] = Field(
            (), description="the elements allowed anywhere but in tables"
        )
        table_allowed_elements: tuple[str, ...] | None = Field(
            None, description="the elements allowed in tables (`allowed_elements` when not set)"
        )

    def check(self, doc, options):
        if doc.path.endswith(".mdx"):
            return
        allowed = {name.lower() for name in options.allowed_elements}
        in_tables = options.table_allowed_elements
        in_tables = allowed if in_tables is None else {name.lower() for name in in_tables}
        lines = doc.lines
        for tag in html_tags(doc):
            if tag.closing or tag.name.lower() in (in_tables if tag.in_table else allowed):
                continue
            option = "table_allowed_elements" if tag.in_table else "allowed_elements"
            yield Problem(
                lines.pos(tag.offset),
                f"HTML element '<{tag.name}>'; expected Markdown, or '{tag.name.lower()}' "
                f"in {option}",
                end=lines.pos(tag.end_offset),
            )
