"""GitLab Code Quality report: a JSON list with a stable fingerprint per problem."""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from lint.model import Report

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def format_gitlab(report: Report, color: bool = False) -> str:
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for d in report.diagnostics:
        # the same problem twice in one file gets distinct fingerprints; moving lines does not
        key = (d.path, d.code, d.snippet)
        seen[key] += 1
        digest = hashlib.sha256("\0".join((*key, str(seen[key]))).encode("utf-8")).hexdigest()
        issues.append(
            {
                "description": f"{d.code} {d.message}",
                "check_name": d.name,
                "fingerprint": digest,
                "severity": _SEVERITY[d.severity.value],
                "location": {
                    "path": d.path,
                    "positions": {
                        "begin": {"line": d.line, "column": d.column},
                        "end": {"line": d.end_line, "column": d.end_column},
                    },
                },
            }
        )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
