"""`path:line:column: CODE message [name]`, then a summary line."""

from __future__ import annotations

import click

from lint.model import Report

_COLORS = {"error": "red", "warning": "yellow", "info": "blue"}


def _plural(count: int, word: str) -> str:
    if word == "info":
        return f"{count} info"
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(report: Report) -> str:
    files = _plural(report.files_checked, "file")
    total = len(report.diagnostics)
    if total == 0:
        return f"no problems in {files}"
    counts = report.counts
    parts = ", ".join(_plural(counts[s], s) for s in ("error", "warning", "info"))
    return f"{_plural(total, 'problem')} ({parts}) in {report.files_with_problems} of {files}"


def format_text(report: Report, color: bool, *, with_summary: bool = True) -> str:
    def style(text: str, **kwargs) -> str:
        return click.style(text, **kwargs) if color else text

    out = []
    for d in report.diagnostics:
        location = style(f"{d.path}:{d.line}:{d.column}:", bold=True)
        code = style(d.code, fg=_COLORS[d.severity.value], bold=True)
        out.append(f"{location} {code} {d.message} {style(f'[{d.name}]', dim=True)}")
    if with_summary:
        out.append(style(summary(report), bold=True))
    return "".join(line + "\n" for line in out)
