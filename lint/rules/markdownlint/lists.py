"""The lists of a document and their items, for the list rules (see structure.py)."""

from __future__ import annotations

from lint.document import Document
from lint.rules.markdownlint.structure import Item, List, structure

__all__ = ["Item", "List", "lists"]


def lists(doc: Document) -> tuple[List, ...]:
    return structure(doc).lists
