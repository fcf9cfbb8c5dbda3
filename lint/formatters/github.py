"""GitHub Actions workflow commands: one annotation per problem."""

from __future__ import annotations

from lint.model import Report

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(report: Report, color: bool = False) -> str:
    lines = []
    for d in report.diagnostics:
        properties = ",".join(
            f"{key}={_property(str(value))}"
            for key, value in (
                ("file", d.path),
                ("line", d.line),
                ("col", d.column),
                ("endLine", d.end_line),
                ("endColumn", d.end_column),
                ("title", f"mdvet {d.code}"),
            )
        )
        lines.append(
            f"::{_LEVEL[d.severity.value]} {properties}::{_data(f'{d.message} [{d.name}]')}"
        )
    return "".join(line + "\n" for line in lines)
