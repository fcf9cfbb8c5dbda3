"""Heading rules (HD): the outline of the Markdown body."""

from __future__ import annotations

from lint.document import Document
from lint.markdown import Heading


def outline(doc: Document) -> list[Heading]:
    """The headings that make the page's outline: not those quoted in a blockquote or
    written in a footnote."""
    return [h for h in doc.headings if "blockquote" not in h.inside and "footnote" not in h.inside]


def front_matter_title(doc: Document, pattern: str) -> bool:
    """Whether a line of the front matter matches `pattern` (markdownlint's
    `front_matter_title`: a regular expression, case-insensitive; empty: never)."""
    import re

    fm = doc.front_matter
    if not pattern or fm is None or fm.close_line is None:
        return False
    try:
        regex = re.compile(pattern, re.IGNORECASE)
    except re.error:
        return False
    return any(
        regex.search(doc.lines.line_text(line)) for line in range(fm.open_line + 1, fm.close_line)
    )
