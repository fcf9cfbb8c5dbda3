"""JSON output, version 1: the contract editors and CI scripts rely on.

Its JSON Schema is schemas/mdvet-output.schema.json.
"""

from __future__ import annotations

import json

from lint import __version__
from lint.model import Diagnostic, Fix, Report


def fix_to_dict(fix: Fix | None) -> dict | None:
    if fix is None:
        return None
    return {
        "description": fix.description,
        "safe": fix.safe,
        "edits": [
            {
                "line": e.start.line,
                "column": e.start.column,
                "end_line": e.end.line,
                "end_column": e.end.column,
                "text": e.text,
            }
            for e in fix.edits
        ],
    }


def diagnostic_to_dict(d: Diagnostic) -> dict:
    return {
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "code": d.code,
        "name": d.name,
        "severity": d.severity.value,
        "message": d.message,
        "fix": fix_to_dict(d.fix),
    }


def format_json(report: Report, color: bool = False) -> str:
    """The document `json.dumps(..., ensure_ascii=False, indent=2)` writes, byte for byte.
    json's indenting encoder is written in Python and slow; the diagnostics, by the hundred
    thousand in a big run, are written here with its C string encoder instead."""
    document = {
        "version": 1,
        "tool": {"name": "mdvet", "version": __version__},
        "files_checked": report.files_checked,
        "summary": report.counts,
        "diagnostics": [],
    }
    head = json.dumps(document, ensure_ascii=False, indent=2)
    if not report.diagnostics:
        return head + "\n"
    items = ",\n".join(map(_diagnostic_json, report.diagnostics))
    return head.removesuffix("[]\n}") + "[\n" + items + "\n  ]\n}\n"


_string = json.encoder.encode_basestring  # what dumps uses with ensure_ascii=False (C when built)


def _diagnostic_json(d: Diagnostic) -> str:
    """One diagnostic as an item of the document's `diagnostics` list (4 spaces in)."""
    fix = "null"
    if d.fix is not None:  # its own dumps, indented to where it stands
        fix = json.dumps(fix_to_dict(d.fix), ensure_ascii=False, indent=2).replace("\n", "\n      ")
    return (
        f'    {{\n      "path": {_string(d.path)},\n      "line": {d.line},\n'
        f'      "column": {d.column},\n      "end_line": {d.end_line},\n'
        f'      "end_column": {d.end_column},\n      "code": {_string(d.code)},\n'
        f'      "name": {_string(d.name)},\n      "severity": {_string(d.severity.value)},\n'
        f'      "message": {_string(d.message)},\n      "fix": {fix}\n    }}'
    )
