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
    document = {
        "version": 1,
        "tool": {"name": "mdvet", "version": __version__},
        "files_checked": report.files_checked,
        "summary": report.counts,
        "diagnostics": [diagnostic_to_dict(d) for d in report.diagnostics],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
