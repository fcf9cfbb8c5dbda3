"""Output formats by name: each formatter turns a Report into the text to write."""

from __future__ import annotations

from collections.abc import Callable

from lint.formatters.json import format_json
from lint.formatters.text import format_text
from lint.model import Report

Formatter = Callable[[Report, bool], str]  # (report, color) -> text

FORMATTERS: dict[str, Formatter] = {
    "text": format_text,
    "json": format_json,
}
