"""Front-matter schemas: which schema applies, and the problems it finds (FM101-FM107)."""

from __future__ import annotations

import dataclasses

from lint.document import Document
from lint.model import Problem
from lint.settings import Settings

SCHEMA_CODES = frozenset(f"FM10{n}" for n in range(1, 8))
# A block that is unterminated, unparsable or not a mapping has nothing to validate.
_BROKEN = frozenset({"FM002", "FM003", "FM005"})


def schema_problems(doc: Document, settings: Settings) -> list[tuple[str, Problem]]:
    """Validate the front matter against the schema that applies to the document."""
    block = doc.front_matter
    if block is None or block.close_line is None or not isinstance(block.data, dict):
        return []
    if any(code in _BROKEN for code, _ in doc.problems):
        return []
    schema = settings.schema_resolver.for_path(doc.path)
    if schema is None:
        return []
    errors = schema.errors(block.data)
    if errors and _titled_by_heading(doc, schema):
        errors = [e for e in errors if not (e.type == "missing" and e.path == ("title",))]
    if not errors:  # nearly always: no report to build
        return []
    from lint.schema.report import problems

    return problems(doc, schema, errors)


def with_schema_problems(doc: Document, settings: Settings) -> Document:
    """The document, carrying its schema problems too when any FM1xx rule is active."""
    if SCHEMA_CODES.isdisjoint(settings.active_codes):
        return doc
    found = schema_problems(doc, settings)
    if not found:
        return doc
    return dataclasses.replace(doc, problems=doc.problems + tuple(found))


def _titled_by_heading(doc: Document, schema) -> bool:
    """Whether the generator titles this page after its level-1 heading (the schema says it
    does, and the page has one)."""
    spec = getattr(schema, "spec", None)
    return bool(spec and spec.title_from_heading) and any(h.level == 1 for h in doc.headings)
