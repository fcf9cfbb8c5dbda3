"""Tag rules (FM2xx): the tag lists in front matter."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from lint.document import Document
from lint.rules import RuleOptions


class TagOptions(RuleOptions):
    fields: tuple[str, ...] = Field(
        ("tags", "keywords"), description="front-matter fields that hold tag lists"
    )


def tag_lists(doc: Document, fields: tuple[str, ...]) -> Iterator[tuple[str, list]]:
    """Each named front-matter field that holds a list, with the list."""
    data = doc.data
    for field in fields:
        value = data.get(field)
        if isinstance(value, list):
            yield field, value
