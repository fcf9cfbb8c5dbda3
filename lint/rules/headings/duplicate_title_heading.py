"""## What it does
Flags a second `#` heading in the body: a page has one top-level heading.

When the site's layouts render the front-matter `title` as the page's `#` heading (set
`layout_renders_title = true`), every `#` heading in the body of a page with a title is
flagged, since the title already is the top-level heading.

`layout_renders_title` is off by default: whether a layout renders the title is a property of
the site, not of the file, and many sites (Microsoft Learn, nodejs.org) write the page's `#`
heading in the body next to a `title` used for the HTML `<title>`. Turn it on for Jekyll, Hugo
or Zola themes that print the title themselves.

It answers to markdownlint's MD025 (`single-title`, `single-h1`) too. Setting markdownlint's
`front_matter_title` (a regular expression; a markdownlint configuration sets it to
markdownlint's default) switches to MD025's reading: a front-matter line matching it makes
every `level` heading in the body a second title; otherwise the first `level` heading is the
title only when nothing but comments comes before it, and each later one is flagged.

## Why is this bad?
The page shows its title twice, or has two top-level headings: its outline has two roots,
which confuses readers, screen readers and search engines.

## Example
    # Japan puts its chips on the table

    Tokyo holds $1 trillion in Treasuries.

    # What comes next

## Use instead
    # Japan puts its chips on the table

    Tokyo holds $1 trillion in Treasuries.

    ## What comes next
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from lint.model import Problem
from lint.rules import Rule, RuleOptions
from lint.rules.headings import front_matter_title, outline
from lint.rules.markdownlint import body_lines, is_blank


class DuplicateTitleHeading(Rule):
    code = "HD002"
    name = "duplicate-title-heading"
    aliases = ("MD025", "single-title", "single-h1")
    tags = ("headings",)
    # what a markdownlint configuration sets, to read as markdownlint's rule does
    markdownlint_defaults: ClassVar[dict] = {
        "front_matter_title": r"^\s*\"?title\"?\s*[:=]",
    }
    summary = "a second `#` heading, or one that repeats the rendered title"

    class Options(RuleOptions):
        layout_renders_title: bool = Field(
            False,
            description="whether the layouts render the front-matter title as a `#` heading",
        )
        title_fields: tuple[str, ...] = Field(
            ("title",), description="front-matter fields that hold the page title"
        )
        front_matter_title: str | None = Field(
            None, description="markdownlint's reading: a front-matter line matching this is a title"
        )
        level: int = Field(1, ge=1, le=6, description="the level of a title heading")

    def check(self, doc, options):
        if options.front_matter_title is not None:
            yield from _as_markdownlint(doc, options)
            return
        yield from self._check(doc, options)

    def _check(self, doc, options):
        tops = [h for h in outline(doc) if h.level == 1]
        if not tops:
            return
        title_field = next(
            (
                f
                for f in options.title_fields
                if isinstance(doc.data.get(f), str) and doc.data[f].strip()
            ),
            None,
        )
        if options.layout_renders_title and title_field is not None:
            title = " ".join(doc.data[title_field].split()).casefold()
            for heading in tops:
                if " ".join(heading.text.split()).casefold() == title:
                    message = (
                        f"'#' heading '{heading.text}' repeats the page title, which the layout "
                        f"renders from front-matter '{title_field}'; remove it"
                    )
                else:
                    message = (
                        f"'#' heading '{heading.text}': the layout renders front-matter "
                        f"'{title_field}' as the page's '#' heading; use '##'"
                    )
                yield Problem(heading.start, message, end=heading.end)
            return
        for heading in tops[1:]:
            yield Problem(
                heading.start,
                f"second '#' heading '{heading.text}' (the first is at line "
                f"{tops[0].start.line}); a page has one top-level heading, use '##'",
                end=heading.end,
            )


def _as_markdownlint(doc, options):
    tops = [h for h in doc.headings if h.level == options.level]
    if not tops:
        return
    marks = "#" * options.level
    if front_matter_title(doc, options.front_matter_title):
        for heading in tops:
            yield Problem(
                heading.start,
                f"'{marks}' heading '{heading.text}': the front matter holds the title; "
                f"use '{marks}#'",
                end=heading.end,
            )
        return
    first = tops[0].start.line
    facts = body_lines(doc)
    if any(not is_blank(doc.lines.line_text(n)) for n in range(facts.first, first)):
        return  # the first one is not at the top: it is not the page's title
    for heading in tops[1:]:
        yield Problem(
            heading.start,
            f"second '{marks}' heading '{heading.text}' (the first is at line {first}); "
            f"a page has one, use '{marks}#'",
            end=heading.end,
        )
