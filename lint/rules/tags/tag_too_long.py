"""## What it does
Flags a tag longer than `max_length` characters (default 40), at the tag's own line and
column. The fields read are set by `fields` (default `tags` and `keywords`).

## Why is this bad?
Long tags are usually sentences or link titles pasted by mistake. They make long URLs for tag
pages and break the layout of tag clouds and lists.

## Example
    ---
    tags: [trade, Clarification of Exceptions Under Executive Order 14257]
    ---

## Use instead
    ---
    tags: [trade, executive orders]
    ---
"""

from __future__ import annotations

from pydantic import Field

from lint.model import Problem
from lint.rules import Rule
from lint.rules.tags import TagOptions, tag_lists
from lint.urls import shorten


class TagTooLong(Rule):
    code = "FM202"
    name = "tag-too-long"
    summary = "a tag is longer than `max_length` characters"

    class Options(TagOptions):
        max_length: int = Field(40, ge=1, description="the longest a tag may be, in characters")

    def check(self, doc, options):
        fm = doc.front_matter
        for field, value in tag_lists(doc, options.fields):
            for index, tag in enumerate(value):
                if isinstance(tag, str) and len(tag) > options.max_length:
                    span = fm.locate((field, index))
                    yield Problem(
                        span.start,
                        f"tag '{shorten(tag, 60)}' is {len(tag)} characters long; at most "
                        f"{options.max_length} expected",
                        end=span.end,
                    )
