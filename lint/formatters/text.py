"""`path:line:column: CODE message [name]`, then a summary line. One problem per line: a
line break or another control character in a path or a message is written as an escape
(`\\n`, `\\r`, `\\t`, `\\x1b`); the JSON and other machine formats keep the real text."""

from __future__ import annotations

import click

from lint.model import Report

_COLORS = {"error": "red", "warning": "yellow", "info": "blue"}

# C0 and C1 controls and DEL, and the two Unicode separators that split lines too
_CONTROLS = [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029]
_ESCAPES = {code: f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}" for code in _CONTROLS}
_ESCAPES.update({ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t"})


def one_line(text: str) -> str:
    """Text for a line of output: control characters and line separators as escapes."""
    return text.translate(_ESCAPES) if not text.isprintable() else text


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

    if not color:  # the common case, and the one with the most lines: no styling calls
        paths: dict[str, str] = {}
        out = [
            f"{paths.get(d.path) or paths.setdefault(d.path, one_line(d.path))}:{d.line}:"
            f"{d.column}: {d.code} {one_line(d.message)} [{d.name}]"
            for d in report.diagnostics
        ]
        if with_summary:
            out.append(summary(report))
        return "".join(line + "\n" for line in out)
    out = []
    for d in report.diagnostics:
        location = style(f"{one_line(d.path)}:{d.line}:{d.column}:", bold=True)
        code = style(d.code, fg=_COLORS[d.severity.value], bold=True)
        out.append(f"{location} {code} {one_line(d.message)} {style(f'[{d.name}]', dim=True)}")
    if with_summary:
        out.append(style(summary(report), bold=True))
    return "".join(line + "\n" for line in out)
