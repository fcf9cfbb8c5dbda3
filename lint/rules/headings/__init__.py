"""Heading rules (HD): the outline of the Markdown body."""

from __future__ import annotations

from lint.document import Document
from lint.markdown import Heading


def outline(doc: Document) -> list[Heading]:
    """The headings that make the page's outline: not those quoted in a blockquote or
    written in a footnote."""
    return [h for h in doc.headings if "blockquote" not in h.inside and "footnote" not in h.inside]
