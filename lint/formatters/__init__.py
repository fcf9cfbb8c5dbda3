"""Output formats by name: each formatter turns a Report into the text to write. A run imports
only the formatter it writes with."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from lint.model import Report

Formatter = Callable[[Report, bool], str]  # (report, color) -> text

NAMES = ("text", "json", "github", "sarif", "junit", "gitlab")


def formatter(name: str) -> Formatter:
    """The formatter called `name` (one of NAMES): `format_NAME` of lint.formatters.NAME."""
    return getattr(importlib.import_module(f"lint.formatters.{name}"), f"format_{name}")
