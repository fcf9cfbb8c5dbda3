"""Turn paths into a Report: discover, read, check. The only module that reads files."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from lint.discover import discover
from lint.document import unreadable_document
from lint.engine import check_bytes, run
from lint.model import Report
from lint.settings import Settings


def display_path(path: Path, cwd: Path | None = None) -> str:
    """Relative to the current folder when inside it, always with `/`."""
    cwd = cwd or Path.cwd()
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()


def check_file(path: Path, shown_as: str, settings: Settings):
    try:
        data = path.read_bytes()
    except OSError as err:
        return run(
            unreadable_document(shown_as, f"cannot read file: {err.strerror or err}"),
            settings.active,
        )
    return check_bytes(data, shown_as, settings)


def check_paths(
    paths: Sequence[str],
    settings: Settings,
    *,
    stdin: bytes | None = None,
    stdin_filename: str | None = None,
) -> Report:
    if stdin is not None:
        diagnostics = check_bytes(stdin, stdin_filename or "-", settings)
        return Report(tuple(diagnostics), 1)
    files = discover(paths)
    diagnostics = []
    for path in files:
        diagnostics.extend(check_file(path, display_path(path), settings))
    return Report(tuple(sorted(diagnostics)), len(files))
