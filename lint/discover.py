"""Which files to check: named files always; folders walked for Markdown, minus ignored paths."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def discover(
    paths: Iterable[str],
    *,
    include: Iterable[str] = ("*.md", "*.markdown", "*.mdx"),
    exclude: Iterable[str] = (".git/", "node_modules/"),
    root: Path = Path("."),
    respect_gitignore: bool = True,
    force_exclude: bool = False,
) -> list[Path]:
    """Files to check, sorted and without duplicates. Paths must exist (the CLI checks).

    Folders are walked for files matching `include`, minus `exclude` (gitignore-style patterns,
    relative to `root`) and, with `respect_gitignore`, what .gitignore files ignore. A file
    named in `paths` is always checked, unless `force_exclude` and `exclude` matches it.
    """
    found: dict[str, Path] = {}
    specs = None  # compiled when first needed: checking named files needs none
    for raw in paths:
        path = Path(raw)
        if path.is_dir() or force_exclude:
            import pathspec

            specs = specs or (
                pathspec.GitIgnoreSpec.from_lines(include),
                (os.path.abspath(root), pathspec.GitIgnoreSpec.from_lines(exclude)),
            )
        if path.is_dir():
            for file in _walk(path, *specs, respect_gitignore):
                found.setdefault(os.path.realpath(file), file)
        elif not (force_exclude and _ignored(str(path), False, [specs[1]])):
            found.setdefault(os.path.realpath(path), path)
    return sorted(found.values(), key=lambda p: p.as_posix())


def _walk(root: Path, wanted, excluded, respect_gitignore: bool) -> Iterable[Path]:
    specs: list = [excluded]
    if respect_gitignore:
        specs += _ancestor_specs(root)
    visited: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(root, followlinks=True):
        try:
            stat = os.stat(folder)
        except OSError:
            dirs[:] = []
            continue
        if (stat.st_dev, stat.st_ino) in visited:  # a symlink loop
            dirs[:] = []
            continue
        visited.add((stat.st_dev, stat.st_ino))
        if respect_gitignore:
            spec = _read_gitignore(Path(folder) / ".gitignore")
            if spec is not None:
                specs = [*specs, (os.path.abspath(folder), spec)]
        dirs[:] = sorted(d for d in dirs if not _ignored(os.path.join(folder, d), True, specs))
        prefix = os.path.relpath(folder, root).replace(os.sep, "/") + "/"
        if prefix != "./" and wanted.match_file(prefix):
            continue  # a folder named like a Markdown file: its contents are not Markdown
        for name in sorted(files):
            full = os.path.join(folder, name)
            relative = (prefix + name).removeprefix("./")
            if wanted.match_file(relative) and not _ignored(full, False, specs):
                yield Path(full)


def _ignored(path: str, is_dir: bool, specs: list) -> bool:
    if not specs:
        return False
    absolute = os.path.abspath(path)
    for base, spec in specs:
        relative = os.path.relpath(absolute, base)
        if relative.startswith(".."):
            continue
        relative = relative.replace(os.sep, "/") + ("/" if is_dir else "")
        if spec.match_file(relative):
            return True
    return False


def _ancestor_specs(root: Path) -> list:
    """The .gitignore files above `root`, up to the repository root."""
    specs = []
    folder = Path(os.path.abspath(root))
    if (folder / ".git").exists():
        return specs
    folder = folder.parent
    while True:
        spec = _read_gitignore(folder / ".gitignore")
        if spec is not None:
            specs.append((str(folder), spec))
        if (folder / ".git").exists() or folder.parent == folder:
            break
        folder = folder.parent
    return specs[::-1]


def _read_gitignore(path: Path):
    import pathspec

    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    return pathspec.GitIgnoreSpec.from_lines(lines)
