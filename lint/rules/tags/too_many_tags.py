"""## What it does
Flags a tag list in front matter longer than `max` entries (default 10), at the list. The
fields read are set by `fields` (default `tags` and `keywords`).

## Why is this bad?
A tag is useful when it groups a few posts. Dozens of tags on one post (often link titles
pasted into the list) make tag pages and feeds noisy, and nobody browses them.

## Example
    ---
    title: Tariff talks
    tags: [japan, trade, tariffs, treasuries, yen, bonds, kato, bessent, trump, tokyo, washington]
    ---

## Use instead
    ---
    title: Tariff talks
    tags: [japan, trade, tariffs, treasuries]
    ---
"""

from __future__ import annotations

from pydantic import Field

from lint.model import Problem
from lint.rules import Rule
from lint.rules.tags import TagOptions, tag_lists


class TooManyTags(Rule):
    code = "FM201"
    name = "too-many-tags"
    summary = "a tag list is longer than `max`"

    class Options(TagOptions):
        max: int = Field(10, ge=0, description="the most entries a tag list may hold")

    def check(self, doc, options):
        fm = doc.front_matter
        for field, value in tag_lists(doc, options.fields):
            if len(value) > options.max:
                span = fm.locate((field,))
                yield Problem(
                    span.start,
                    f"'{field}' lists {len(value)} entries; at most {options.max} expected",
                    end=span.end,
                )
