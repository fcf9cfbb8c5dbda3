"""Which files to check: named files always; folders walked for Markdown, minus ignored paths.

A walk meets thousands of files, so it works on strings: each folder's path, absolute path and
real path are known once, and a file's are the folder's plus its name (a symbolic link is the
one file whose real path is looked up). Each folder also knows, once, its path relative to the
base of each ignore spec that applies to it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

# Configuration files, in the order they are looked for in each folder (lint.config).
CONFIG_FILES = ("mdvet.toml", ".mdvet.toml", "pyproject.toml")


class Found(NamedTuple):
    """A file to check: its path as named or walked (spelled as pathlib would: `./a//b.md` is
    `a/b.md`), its absolute path (symbolic links kept) and its real path."""

    path: str
    absolute: str
    real: str


def discover(paths: Iterable[str]) -> list[Path]:
    """The files `find_files` finds with its defaults, as Paths."""
    return [Path(file.path) for file in find_files(paths)]


def find_files(
    paths: Iterable[str],
    *,
    include: Iterable[str] = ("*.md", "*.markdown", "*.mdx"),
    exclude: Iterable[str] = (".git/", "node_modules/"),
    root: Path = Path("."),
    respect_gitignore: bool = True,
    force_exclude: bool = False,
    folders: dict[str, str] | None = None,
) -> list[Found]:
    """Files to check, sorted by path and without duplicates (one per real file). Paths must
    exist (the CLI checks).

    Folders are walked for files matching `include`, minus `exclude` (gitignore-style patterns,
    relative to `root`) and, with `respect_gitignore`, what .gitignore files ignore. A file
    named in `paths` is always checked, unless `force_exclude` and `exclude` matches it.

    `folders`, when given, receives each folder walked: absolute path -> a digest of the
    names in it, which adding, removing or renaming a file in it changes (its modification
    time changes too when a file is written and deleted again, as other tools' caches do).
    """
    found: dict[str, Found] = {}  # by real path
    folders = {} if folders is None else folders
    specs = None  # compiled when first needed: checking named files needs none
    for raw in paths:
        path = str(Path(raw))
        is_dir = os.path.isdir(path)
        if is_dir or force_exclude:
            specs = specs or (_compile(include), (os.path.abspath(root), _compile(exclude)))
        if is_dir:
            for file in _walk(path, *specs, respect_gitignore, folders):
                found.setdefault(file.real, file)
            continue
        absolute = os.path.abspath(path)
        if not (force_exclude and _ignored(absolute, False, [specs[1]])):
            real = os.path.realpath(path)
            found.setdefault(real, Found(path, absolute, real))
    return sorted(found.values(), key=lambda file: file.path.replace(os.sep, "/"))


def names_digest(names: Iterable[str]) -> str:
    """A digest of a folder's entry names (in name order), which adding, removing or
    renaming an entry changes."""
    joined = "\0".join(names).encode("utf-8", "surrogateescape")
    return hashlib.blake2b(joined).hexdigest()


def folder_digest(folder: str) -> tuple[str, list[str]] | None:
    """A digest of a folder's entries as they are now (their names, and where each symbolic
    link leads: pointing a link elsewhere changes no modification time), and their names;
    None when it cannot be listed."""
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
        names = [entry.name for entry in entries]
        described = [
            f"{entry.name}\0{os.readlink(entry.path)}" if entry.is_symlink() else entry.name
            for entry in entries
        ]
    except OSError:
        return None
    return names_digest(described), names


def _ignored(absolute: str, is_dir: bool, specs: list) -> bool:
    """Whether any (base, spec) matches `absolute`, relative to its base."""
    for base, spec in specs:
        relative = _relative(absolute, base)
        if relative is not None and spec(relative + ("/" if is_dir else "")):
            return True
    return False


def _relative(absolute: str, base: str) -> str | None:
    """`absolute` relative to the folder `base`, with `/`; None when it is not inside it."""
    if absolute == base:
        return ""
    prefix = base.rstrip(os.sep) + os.sep
    if not absolute.startswith(prefix):
        return None
    return absolute[len(prefix) :].replace(os.sep, "/")


def _walk(
    top: str, wanted, excluded, respect_gitignore: bool, folders: dict[str, str]
) -> Iterator[Found]:
    """Each wanted file under `top`, folders top-down in name order (as
    os.walk with followlinks, which it replaces: it needs each entry's is-a-link bit)."""
    specs: list = [excluded]
    if respect_gitignore:
        specs += _ancestor_specs(top)
    visited: set[tuple[int, int]] = set()
    # (folder, its absolute path, its real path, its path relative to top, the ignore specs)
    stack = [(top, os.path.abspath(top), os.path.realpath(top), "", specs)]
    while stack:
        folder, absolute, real, inner, specs = stack.pop()
        try:
            stat = os.stat(folder)
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError:
            continue
        if (stat.st_dev, stat.st_ino) in visited:  # a symlink loop
            continue
        visited.add((stat.st_dev, stat.st_ino))
        folders[absolute] = names_digest(entry.name for entry in entries)
        if respect_gitignore and any(entry.name == ".gitignore" for entry in entries):
            spec = _read_gitignore(os.path.join(folder, ".gitignore"))
            if spec is not None:
                specs = [*specs, (absolute, spec)]
        # this folder's path relative to the base of each spec that applies here
        bases = []
        for base, spec in specs:
            relative = _relative(absolute, base)
            if relative is not None:
                bases.append((relative + "/" if relative else "", spec))
        prefix = "" if folder == "." else folder.rstrip(os.sep) + os.sep
        absolute_prefix = absolute.rstrip(os.sep) + os.sep
        real_prefix = real.rstrip(os.sep) + os.sep
        children, files = [], []
        for entry in entries:
            name = entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if not is_dir:
                files.append(entry)
            elif not any(spec(f"{relative}{name}/") for relative, spec in bases):
                children.append(
                    (
                        prefix + name,
                        absolute_prefix + name,
                        _real(entry, real_prefix),
                        f"{inner}{name}/",
                        specs,
                    )
                )
        stack.extend(reversed(children))
        if inner and wanted(inner):
            continue  # a folder named like a Markdown file: its contents are not Markdown
        for entry in files:
            name = entry.name
            if wanted(inner + name) and not any(spec(relative + name) for relative, spec in bases):
                yield Found(prefix + name, absolute_prefix + name, _real(entry, real_prefix))


def _real(entry: os.DirEntry, real_prefix: str) -> str:
    """An entry's real path: its folder's plus its name, unless it is a symbolic link."""
    try:
        is_link = entry.is_symlink()
    except OSError:
        is_link = False
    return os.path.realpath(entry.path) if is_link else real_prefix + entry.name


def ignored_by_git(root: str, rel: str, cache: dict | None = None) -> bool:
    """Whether the .gitignore files of the repository holding `root` ignore the path `rel`
    (from `root`, with `/`) or a folder above it: the files under `root` and on the way down
    to `rel`, and those above `root` up to the repository's top. `cache` keeps each folder's
    compiled patterns between calls."""
    cache = {} if cache is None else cache
    top = os.path.abspath(root)
    specs = cache.get(("above", top))
    if specs is None:
        specs = cache[("above", top)] = _ancestor_specs(top)
    specs = list(specs)
    parts = [part for part in rel.split("/") if part]
    folder = top
    for n, part in enumerate(parts):
        if folder not in cache:
            cache[folder] = _read_gitignore(os.path.join(folder, ".gitignore"))
        if cache[folder] is not None:
            specs.append((folder, cache[folder]))
        is_dir = n < len(parts) - 1
        if _ignored(os.path.join(folder, part), is_dir, specs):
            return True
        folder = os.path.join(folder, part)
    return False


def _ancestor_specs(root: str) -> list:
    """The .gitignore files above `root`, up to the repository root."""
    specs = []
    folder = Path(os.path.abspath(root))
    if (folder / ".git").exists():
        return specs
    folder = folder.parent
    while True:
        spec = _read_gitignore(str(folder / ".gitignore"))
        if spec is not None:
            specs.append((str(folder), spec))
        if (folder / ".git").exists() or folder.parent == folder:
            break
        folder = folder.parent
    return specs[::-1]


def _read_gitignore(path: str) -> Callable[[str], bool] | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    return _compile(lines)


def _compile(lines: Iterable[str]) -> Callable[[str], bool]:
    """A gitignore-style matcher: a path (relative, with `/`; a folder's ends with `/`) ->
    whether the patterns ignore it. pathspec decides; but when no pattern negates (`!…`), a
    path is ignored exactly when some pattern's regex finds it, and trying those directly
    skips pathspec's per-call work, which was most of a walk's time."""
    import pathspec

    spec = pathspec.GitIgnoreSpec.from_lines(lines)
    patterns = [pattern for pattern in spec.patterns if pattern.include is not None]
    if not all(pattern.include for pattern in patterns):
        return spec.match_file
    searches = [pattern.regex.search for pattern in patterns]
    return lambda path: any(search(path) for search in searches)
