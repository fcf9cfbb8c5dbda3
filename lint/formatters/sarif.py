"""SARIF 2.1.0, for code-scanning dashboards. Columns are Unicode code points."""

from __future__ import annotations

import json

from lint import __version__
from lint.model import Report

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _rule_descriptor(code: str, name: str) -> dict:
    from lint.docs import rule_page
    from lint.rules import builtin

    rule = builtin().get(code)
    descriptor: dict = {"id": code, "name": name}
    if rule is not None:
        page = rule_page(rule)
        descriptor |= {
            "shortDescription": {"text": rule.summary},
            "fullDescription": {
                "text": page.split("## What it does\n", 1)[-1].split("\n## ")[0].strip()
            },
            "help": {"text": page, "markdown": page},
            "defaultConfiguration": {"level": _LEVEL[rule.severity.value], "enabled": rule.enabled},
        }
    return descriptor


def format_sarif(report: Report, color: bool = False) -> str:
    rules: dict[str, int] = {}
    descriptors = []
    results = []
    for d in report.diagnostics:
        if d.code not in rules:
            rules[d.code] = len(descriptors)
            descriptors.append(_rule_descriptor(d.code, d.name))
        results.append(
            {
                "ruleId": d.code,
                "ruleIndex": rules[d.code],
                "level": _LEVEL[d.severity.value],
                "message": {"text": d.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": d.path},
                            "region": {
                                "startLine": d.line,
                                "startColumn": d.column,
                                "endLine": d.end_line,
                                "endColumn": d.end_column,
                            },
                        }
                    }
                ],
            }
        )
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "mdvet",
                        "version": __version__,
                        "rules": descriptors,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
