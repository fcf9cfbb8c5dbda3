"""What git says changed: the files a pull request touches."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import NamedTuple


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


class Changes(NamedTuple):
    """What changed since a ref. `changed`: real paths of the files changed (committed or
    not) and of untracked files. `removed`: the absolute paths of the files deleted or
    renamed away since the ref, each with its content at the ref (None when git cannot give
    it)."""

    changed: set[str]
    removed: dict[str, bytes | None]


def changed_since(ref: str, cwd: Path) -> Changes:
    """The files changed, added and removed since `ref`, as git's diff of `ref` against the
    working tree sees them, with renames detected; plus untracked files."""
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    fields = _git(["diff", "--name-status", "-M", "-z", ref, "--"], top).split("\0")
    changed, removed = [], []
    i = 0
    while i < len(fields) - 1:
        status = fields[i]
        if status[:1] in ("R", "C"):  # status, old path, new path
            old, new = fields[i + 1], fields[i + 2]
            changed.append(new)
            if status[0] == "R":
                removed.append(old)
            i += 3
            continue
        (removed if status == "D" else changed).append(fields[i + 1])
        i += 2
    changed += _git(["ls-files", "--others", "--exclude-standard", "-z", "--full-name"], top).split(
        "\0"
    )
    contents = _contents(ref, removed, top)
    return Changes(
        {os.path.realpath(top / name) for name in changed if name},
        {os.path.normpath(top / name): contents.get(name) for name in removed},
    )


def _contents(ref: str, names: list[str], top: Path) -> dict[str, bytes]:
    """The content at `ref` of the files `names` (relative to `top`), in one git call."""
    names = [name for name in names if "\n" not in name]  # a batch line holds one name
    if not names:
        return {}
    try:
        result = subprocess.run(
            ["git", "cat-file", "--batch"],
            cwd=top,
            input=b"".join(f"{ref}:{name}\n".encode() for name in names),
            capture_output=True,
            check=False,
        )
    except OSError:
        return {}
    out, found, at = result.stdout, {}, 0
    for name in names:
        end = out.find(b"\n", at)
        if end < 0:
            break
        header = out[at:end].split()
        at = end + 1
        if len(header) != 3 or header[1] != b"blob":
            continue  # "<object> missing", or not a file
        size = int(header[2])
        found[name] = out[at : at + size]
        at += size + 1
    return found
