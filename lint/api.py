"""The public Python API: check a text, a path, or a loaded post, as `mdvet check` does.

Each function takes the settings `load_settings` gives (by default, those `mdvet check` uses
in the current folder) and returns the diagnostics, sorted, as `mdvet check --format json`
reports them. Nothing here needs python-frontmatter: a post is any object with `.metadata`
(a mapping) and `.content` (a string), as `frontmatter.Post` has. See docs/api.md.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

import yaml

from lint.model import Diagnostic
from lint.settings import Settings

__all__ = [
    "Diagnostic",
    "Post",
    "Settings",
    "check_path",
    "check_post",
    "check_text",
    "load_settings",
    "post_text",
]


class Post(Protocol):
    """What `check_post` reads of a post: `frontmatter.Post` has both."""

    metadata: Mapping[str, Any]
    content: str


def load_settings(
    *,
    config: str | os.PathLike[str] | None = None,
    isolated: bool = False,
    cwd: str | os.PathLike[str] | None = None,
    **overrides: Any,
) -> Settings:
    """The settings `mdvet check` uses when run in `cwd` (default: the current folder): the
    nearest configuration file (or `config`; none with `isolated`), then `overrides`, named
    as the configuration keys are (`select=("FM",)`, `ignore=("LK004",)` ...).

    A mistake raises `lint.settings.SettingsError`, its message naming the file and line.
    """
    from lint.config import resolve_settings

    return resolve_settings(
        overrides,
        cwd=Path(cwd) if cwd is not None else Path.cwd(),
        config_path=Path(config) if config is not None else None,
        isolated=isolated,
    ).settings


def check_text(text: str, path: str = "-", settings: Settings | None = None) -> list[Diagnostic]:
    """Check a document's text as `mdvet check - --stdin-filename PATH` checks standard
    input: a leading byte-order mark is dropped, and the schema and per-file ignores that
    match `path` apply. When `path` names a file of a site, site-wide rules run too, against
    the site on disk with `text` standing in for that file (which need not exist); only the
    text's own problems are returned. The cache is neither read nor written. Positions are
    1-based lines and columns (in characters) of `text`."""
    from lint.runner import check_paths

    settings = settings if settings is not None else load_settings()
    data = text.encode("utf-8", "surrogatepass")
    named = None if path == "-" else path
    outcome = check_paths([], settings, stdin=data, stdin_filename=named, cache=False, jobs=1)
    return sorted(outcome.report.diagnostics)


def check_path(
    path: str | os.PathLike[str], settings: Settings | None = None, *, jobs: int | None = None
) -> list[Diagnostic]:
    """Check a file or a folder as `mdvet check PATH` does: folders walked with the include
    and exclude patterns and .gitignore, site-wide rules run over the site the files belong
    to. Paths in the diagnostics are shown as the command shows them: relative to the
    current folder when inside it. `jobs` worker processes share a large folder's files
    (default: one per core; 1 checks in this process). The cache is neither read nor
    written. A path that does not exist gives one LN001 diagnostic."""
    from lint.runner import check_paths

    settings = settings if settings is not None else load_settings()
    outcome = check_paths([os.fspath(path)], settings, cache=False, jobs=jobs)
    return list(outcome.report.diagnostics)


# Line breaks to YAML besides CR and LF: PyYAML's writer leaves them unescaped in Unicode output,
# and its reader then breaks the line there
_YAML_BREAKS = "\x85\u2028\u2029"


def _yaml(data: dict, *, allow_unicode: bool) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=allow_unicode, width=float("inf"))


def post_text(post: Post) -> str:
    """The text `check_post` checks: the post's metadata as a YAML front-matter block, keys
    in the post's order, then a blank line and the content. Raises TypeError when the post
    has no mapping `.metadata` and string `.content`, or a value cannot be written as YAML."""
    metadata, content = getattr(post, "metadata", None), getattr(post, "content", None)
    if not isinstance(metadata, Mapping) or not isinstance(content, str):
        raise TypeError(
            f"post has metadata {type(metadata).__name__} and content "
            f"{type(content).__name__}; expected a mapping and a string"
        )
    try:
        block = _yaml(dict(metadata), allow_unicode=True) if metadata else ""
        if any(char in block for char in _YAML_BREAKS):  # PyYAML writes them bare: escape
            block = _yaml(dict(metadata), allow_unicode=False)
    except yaml.representer.RepresenterError as err:
        value = err.args[1] if len(err.args) > 1 else None
        raise TypeError(
            f"metadata value {value!r} of type {type(value).__name__} cannot be written "
            "as YAML; expected strings, numbers, booleans, dates, lists and mappings"
        ) from None
    return f"---\n{block}---\n\n{content}\n"


def check_post(post: Post, path: str = "-", settings: Settings | None = None) -> list[Diagnostic]:
    """Check a post already loaded (a `frontmatter.Post`, or any object with `.metadata` and
    `.content`) as if it were the file `path`: its schema and per-file ignores apply.

    A loaded post has no positions of its own: it is written back with `post_text`, and the
    diagnostics' lines and columns are positions in that text: front-matter problems on the
    lines of its keys and values, body problems on the content's lines, which follow the
    closing `---` and one blank line. What loading settled is not seen again: repeated keys,
    YAML syntax, how the file wrote its values."""
    return check_text(post_text(post), path, settings)
