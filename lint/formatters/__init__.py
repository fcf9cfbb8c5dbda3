"""Output formats by name: each formatter turns a Report into the text to write."""

from __future__ import annotations

from collections.abc import Callable

from lint.formatters.github import format_github
from lint.formatters.gitlab import format_gitlab
from lint.formatters.json import format_json
from lint.formatters.junit import format_junit
from lint.formatters.sarif import format_sarif
from lint.formatters.text import format_text
from lint.model import Report

Formatter = Callable[[Report, bool], str]  # (report, color) -> text

FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
    "sarif": format_sarif,
    "junit": format_junit,
    "gitlab": format_gitlab,
}
