"""What git says changed: the files a pull request touches."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


class GitError(RuntimeError):
    """git failed or is missing; the message says why."""


def _git(args: list[str], cwd: Path) -> str:
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, check=False
        )
    except OSError as err:
        raise GitError(f"cannot run git: {err}") from None
    if result.returncode != 0:
        raise GitError(
            result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "git failed"
        )
    return result.stdout


def changed_since(ref: str, cwd: Path) -> set[str]:
    """Real paths of files changed since `ref` (committed or not), plus untracked files."""
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    names = _git(["diff", "--name-only", "-z", ref, "--"], cwd).split("\0")
    names += _git(["ls-files", "--others", "--exclude-standard", "-z", "--full-name"], top).split(
        "\0"
    )
    return {os.path.realpath(top / name) for name in names if name}
