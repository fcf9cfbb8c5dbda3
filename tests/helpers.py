"""Shared helpers for the tests."""

from __future__ import annotations

from pathlib import Path

from lint.engine import check_text
from lint.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SETTINGS = Settings()


def codes_and_positions(diagnostics) -> list[tuple[str, int, int]]:
    return [(d.code, d.line, d.column) for d in diagnostics]


def check(source: str, path: str = "post.md", settings: Settings = SETTINGS):
    return codes_and_positions(check_text(source, path, settings))


def run_cli(capsys, *args) -> tuple[int, str, str]:
    """Run `mdvet ARGS` in-process: the exit code, standard output and standard error."""
    from lint.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err
