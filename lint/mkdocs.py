"""An MkDocs site's `mkdocs.yml`, read as data: what mdvet needs to know of the site.

The file is YAML with MkDocs' own tags: `!ENV` (an environment variable), `!relative` (a
path), and PyYAML's `!!python/name:…` and `!!python/object/apply:…`, which name Python
functions (a slugify function, an emoji generator). None of them is run: a Python tag becomes
a `PythonTag` holding the name it gives, `!ENV` its default (the last item of a list of
several) or None, any other tag the plain value under it.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
_NAV_BUDGET = 100_000
_APPENDED_BUDGET = 100  # files read for the definitions appended to every page
# pymdownx.snippets: `--8<-- "file.md"`, or a bare `--8<--` line opening or closing a block
# of file names; `file.md:2:4` and `file.md:section` take part of a file
_SNIPPET_LINE = re.compile(
    r"""^[ \t]*-{1,}8<-{1,}[ \t]*(?:"([^"\n]*)"|'([^'\n]*)')?[ \t]*$""", re.M
)
_SNIPPET_PART = re.compile(r":[\w,:-]*$")


@dataclass(frozen=True)
class PythonTag:
    """A `!!python/…` value: the kind (`name`, `object/apply`, …), the dotted name it gives,
    and the keyword arguments written under it (`kwds`), never called."""

    kind: str
    name: str
    kwds: dict = field(default_factory=dict, compare=False)


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, accepting MkDocs' tags as plain data."""


def _python(loader: _Loader, suffix: str, node: yaml.Node) -> PythonTag:
    kind, _, name = suffix.partition(":")
    kwds: dict = {}
    if isinstance(node, yaml.MappingNode):
        data = loader.construct_mapping(node, deep=True)
        kwds = data.get("kwds") if isinstance(data.get("kwds"), dict) else {}
    return PythonTag(kind, name, kwds)


def _environment(loader: _Loader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        items = loader.construct_sequence(node, deep=True)
        return items[-1] if len(items) > 1 else None
    return None


def _other(loader: _Loader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _python)
_Loader.add_constructor("!ENV", _environment)
_Loader.add_multi_constructor("!", _other)


def read_config(text: str) -> dict[str, Any]:
    """The mapping a `mkdocs.yml` holds ({} for anything else, or broken YAML)."""
    try:
        data = yaml.load(text, Loader=_Loader)  # a safe loader, plus tags read as data
    except (yaml.YAMLError, ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def snippet_names(text: str, start: int = 0) -> list[str]:
    """The files a page includes with `pymdownx.snippets`: `--8<-- "file.md"`, and the names
    between two bare `--8<--` lines (a `;` before a name or a marker turns it off)."""
    names: list[str] = []
    block = None  # where an open block of names starts
    for match in _SNIPPET_LINE.finditer(text, start):
        quoted = match[1] if match[1] is not None else match[2]
        if quoted is not None:
            names.append(quoted)
        elif block is None:
            block = match.end()
        else:
            names += [line.strip() for line in text[block : match.start()].splitlines()]
            block = None
    return [
        _SNIPPET_PART.sub("", name)
        for name in names
        if name and not name.startswith(";") and "://" not in name
    ]


def _named(entries: Any) -> dict[str, dict]:
    """`markdown_extensions` or `plugins` (a list of names or one-key mappings, or a
    mapping) as {name: options}."""
    found: dict[str, dict] = {}
    if isinstance(entries, dict):
        entries = [{name: options} for name, options in entries.items()]
    if not isinstance(entries, list):
        return found
    for entry in entries:
        if isinstance(entry, str):
            found[entry] = {}
        elif isinstance(entry, dict) and len(entry) == 1:
            ((name, options),) = entry.items()
            if isinstance(name, str):
                found[name] = options if isinstance(options, dict) else {}
    return found


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [item for item in value if isinstance(item, str)]
    return []


@dataclass(frozen=True)
class MkDocs:
    """What mdvet reads of one MkDocs site."""

    root: Path
    config: dict[str, Any]

    @property
    def docs_dir(self) -> str:
        """The folder of the pages, relative to the root, with `/` (`docs` by default)."""
        value = self.config.get("docs_dir")
        folder = value.strip().strip("/") if isinstance(value, str) and value.strip() else "docs"
        return os.path.normpath(folder).replace(os.sep, "/")

    def in_docs(self, rel: str) -> str | None:
        """A path relative to the root as a path relative to the docs folder; None when it
        lies outside."""
        docs = self.docs_dir
        if docs == ".":
            return rel
        if rel == docs:
            return ""
        return rel[len(docs) + 1 :] if rel.startswith(docs + "/") else None

    @property
    def use_directory_urls(self) -> bool:
        return self.config.get("use_directory_urls", True) is not False

    @property
    def extensions(self) -> dict[str, dict]:
        return _named(self.config.get("markdown_extensions"))

    @property
    def plugins(self) -> dict[str, dict]:
        # MkDocs runs `search` when no plugins are listed
        return _named(self.config.get("plugins", ["search"]))

    @property
    def autorefs(self) -> bool:
        """Whether mkdocs-autorefs runs (listed, or turned on by mkdocstrings): it makes a
        reference whose label no definition names a cross-reference, resolved when the site
        is built (to a heading, an anchor or a documented object anywhere)."""
        plugins = self.plugins
        return any(
            name in plugins and plugins[name].get("enabled") is not False
            for name in ("autorefs", "mkdocstrings")
        )

    @property
    def blog_posts(self) -> str | None:
        """Where the blog plugin of Material for MkDocs (`blog`, or `material/blog`) keeps
        posts, relative to the docs folder; None without the plugin."""
        plugins = self.plugins
        options = plugins.get("blog", plugins.get("material/blog"))
        if options is None or options.get("enabled") is False:
            return None
        blog = str(options.get("blog_dir") or "blog").strip("/")
        posts = str(options.get("post_dir") or "{blog}/posts").replace("{blog}", blog)
        return os.path.normpath(posts.strip("/")).replace(os.sep, "/")

    @cached_property
    def nav_pages(self) -> frozenset[str] | None:
        """The source files the `nav` names (relative to the docs folder), or None when the
        site has no `nav` (MkDocs then lists every page)."""
        nav = self.nav
        return None if nav is None else frozenset(posixpath.normpath(path) for path in nav)

    @property
    def nav(self) -> list[str] | None:
        """The source files the `nav` names (relative to the docs folder), in order, or None
        when the site has no `nav` (MkDocs then lists every page). At most _NAV_BUDGET
        entries are read: YAML aliases can make a small file name billions."""
        nav = self.config.get("nav")
        if not isinstance(nav, list):
            return None
        found: list[str] = []
        stack: list[Any] = [nav]
        budget = _NAV_BUDGET
        while stack and budget > 0:
            item = stack.pop()
            budget -= 1
            if isinstance(item, str):
                if "://" not in item and not item.startswith(("mailto:", "#")):
                    found.append(item.strip().lstrip("/"))
            elif isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                stack.extend(reversed(list(item.values())))
        return found

    @property
    def anchor_style(self) -> str:
        """How the `toc` extension makes heading ids: `python-markdown` (its own slugify,
        ASCII only) or `pymdownx` when the site names a Python Markdown Extensions slugify
        (Unicode letters kept)."""
        slugify = self.extensions.get("toc", {}).get("slugify")
        if isinstance(slugify, PythonTag) and slugify.name.startswith("pymdownx.slugs."):
            return "pymdownx"
        return "python-markdown"

    @property
    def tab_style(self) -> str | None:
        """How content tabs (`pymdownx.tabbed`) get ids: `slug` (of the tab title), `combined`
        (the heading's id before it, a hyphen, the slug), `numbered` (`__tabbed_1_2`), or
        None without the extension."""
        options = self.extensions.get("pymdownx.tabbed")
        if options is None:
            return None
        if options.get("slugify") is None:
            return "numbered"
        return "combined" if options.get("combine_header_slug") else "slug"

    @property
    def emoji(self) -> bool:
        return "pymdownx.emoji" in self.extensions

    @property
    def snippet_bases(self) -> list[str] | None:
        """The folders `pymdownx.snippets` finds included files in (`base_path`, the root by
        default), relative to the root; None without the extension. MkDocs' `!relative
        $config_dir` is the root, `!relative $docs_dir` the docs folder."""
        options = self.extensions.get("pymdownx.snippets")
        if options is None:
            return None
        named = {"$config_dir": ".", "$docs_dir": self.docs_dir}
        bases = [named.get(base, base) for base in _strings(options.get("base_path")) if base]
        return bases or ["."]

    def appended(self) -> list[Path]:
        """The files `pymdownx.snippets` appends to every page (`auto_append`), and those
        they include, found as the extension finds them: under each `base_path` (the root
        by default). At most _APPENDED_BUDGET files."""
        bases = self.snippet_bases
        if bases is None:
            return []
        options = self.extensions["pymdownx.snippets"]
        found: list[Path] = []
        names = _strings(options.get("auto_append"))
        while names and len(found) < _APPENDED_BUDGET:
            name = names.pop(0)
            path = next((p for b in bases if (p := self.root / b / name).is_file()), None)
            if path is None or path in found:
                continue
            found.append(path)
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            names += snippet_names(text)  # what the appended file includes is appended too
        return found


_CACHE: dict[str, tuple[tuple[int, int], MkDocs]] = {}


def config_path(root: Path) -> Path | None:
    for name in CONFIG_NAMES:
        if (root / name).is_file():
            return root / name
    return None


def load(root: Path) -> MkDocs | None:
    """The MkDocs site at `root` (read again when its config file changed); None without
    a `mkdocs.yml`."""
    path = config_path(root)
    if path is None:
        return None
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        return None
    key = str(path)
    cached = _CACHE.get(key)
    if cached is None or cached[0] != stamp:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            text = ""
        cached = _CACHE[key] = (stamp, MkDocs(root, read_config(text)))
    return cached[1]
