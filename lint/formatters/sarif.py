"""SARIF 2.1.0, for code-scanning dashboards. Columns are Unicode code points.

A file inside the checkout (the repository root above the current folder, or else the
current folder) is a relative reference against the base `%SRCROOT%`, whose absolute `file:`
URI the log records in `originalUriBaseIds`; GitHub code scanning expects exactly that. A file
outside it is an absolute `file:` URI."""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from lint import __version__
from lint.model import Report

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
BASE_ID = "%SRCROOT%"


def _rule_descriptor(code: str, name: str) -> dict:
    from lint.docs import rule_page
    from lint.rules import builtin, rule_url

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
            "helpUri": rule_url(code),
            "defaultConfiguration": {"level": _LEVEL[rule.severity.value], "enabled": rule.enabled},
        }
    return descriptor


def checkout(cwd: str) -> str:
    """The folder file locations are relative to: the repository root at or above `cwd`,
    or `cwd` itself outside a repository."""
    from lint.site.layout import repository_top

    folder = os.path.abspath(cwd)
    return repository_top(folder) or folder


def artifact_location(path: str, cwd: str, base: str) -> dict:
    """Where a reported file is, as SARIF wants it: `path` (as shown, `/`-separated and
    relative to `cwd` unless absolute) percent-encoded relative to `base`, or a `file:` URI
    when it lies outside `base`. A `:` is encoded too, so no relative reference reads as a
    URI scheme."""
    absolute = os.path.normpath(os.path.join(cwd, path))
    try:
        relative = os.path.relpath(absolute, base)
    except ValueError:  # another drive
        relative = os.pardir
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return {"uri": Path(absolute).as_uri()}
    encoded = quote(os.fsencode(relative.replace(os.sep, "/")), safe="/")
    return {"uri": encoded, "uriBaseId": BASE_ID}


def format_sarif(report: Report, color: bool = False) -> str:
    cwd = os.getcwd()
    base = checkout(cwd)
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
                            "artifactLocation": artifact_location(d.path, cwd, base),
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
                "originalUriBaseIds": {BASE_ID: {"uri": Path(base).as_uri().rstrip("/") + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
