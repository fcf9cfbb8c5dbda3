"""Which schema applies to a file: the first matching config entry, else the site's generator.

With no matching entry, the nearest folder above the file (up to the repository root) that
holds a generator's marker decides:

- Jekyll (`_config.yml`, `_config.yaml` or `_config.toml`): files under a `_posts` or
  `_drafts` folder get `jekyll-post`, other pages `jekyll-page`;
- Hugo (`hugo.toml`, `hugo.yaml`, `hugo.yml` or `hugo.json`; or `config.toml`, `config.yaml`,
  `config.yml` or `config.json` beside a `content` folder): files under `content/` get
  `hugo-page`;
- MkDocs (`mkdocs.yml` or `mkdocs.yaml`): files under its docs folder (`docs_dir`) get
  `mkdocs-page`, posts of Material for MkDocs' blog plugin (`blog/posts/` by default)
  `mkdocs-blog-post`;
- anything else gets `default`.

Every preset requires a `title`, except in files that no generator publishes as a page: under
a folder whose name starts with a dot (`.github/`, `.changeset/`: Jekyll excludes them, Hugo
reads only `content/`), under a folder of test fixtures (`test`, `tests`, `testdata`,
`fixtures`, `__fixtures__`), under a Hugo `_index.md` whose `cascade` says `build: {render:
never}` (a headless bundle of snippets), in a Jekyll site's `_includes`, `_layouts`, `_data`,
`_sass` and `_plugins`, and in a Hugo site outside `content/` (`archetypes/` holds templates).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lint.mkdocs import CONFIG_NAMES
from lint.mkdocs import load as load_mkdocs
from lint.schema.sources import Schema, load, preset, presets, untitled_preset
from lint.settings import SchemaEntry

JEKYLL_MARKERS = ("_config.yml", "_config.yaml", "_config.toml")
HUGO_MARKERS = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json")
HUGO_CONFIGS = ("config.toml", "config.yaml", "config.yml", "config.json")
# Jekyll's folders of parts of pages, not pages (jekyllrb.com/docs/structure/)
JEKYLL_PARTS = frozenset({"_includes", "_layouts", "_data", "_sass", "_plugins"})
# Input for a program's tests, not a site's pages
FIXTURE_FOLDERS = frozenset({"test", "tests", "testdata", "fixtures", "__fixtures__"})
MKDOCS_MARKERS = CONFIG_NAMES


@dataclass(frozen=True)
class Site:
    generator: str  # "jekyll" | "hugo" | "mkdocs"
    root: Path


def detect(folder: Path, cache: dict[Path, Site | None] | None = None) -> Site | None:
    """The site whose marker is in `folder` or the nearest folder above it."""
    cache = {} if cache is None else cache
    visited = []
    current = folder
    site = None
    while True:
        if current in cache:
            site = cache[current]
            break
        visited.append(current)
        site = _marker(current)
        if site is not None or (current / ".git").exists() or current.parent == current:
            break
        current = current.parent
    for seen in visited:
        cache[seen] = site
    return site


def _marker(folder: Path) -> Site | None:
    try:
        names = set(os.listdir(folder))
    except OSError:
        return None
    if names.intersection(JEKYLL_MARKERS):
        return Site("jekyll", folder)
    if names.intersection(HUGO_MARKERS) or (
        names.intersection(HUGO_CONFIGS) and (folder / "content").is_dir()
    ):
        return Site("hugo", folder)
    if names.intersection(MKDOCS_MARKERS):
        return Site("mkdocs", folder)
    return None


def preset_for(site: Site | None, file: Path) -> str:
    """The preset a detected site gives one of its files."""
    if site is None:
        return "default"
    parts = file.relative_to(site.root).parts[:-1]
    if site.generator == "jekyll":
        return "jekyll-post" if {"_posts", "_drafts"}.intersection(parts) else "jekyll-page"
    if site.generator == "mkdocs":
        mkdocs = load_mkdocs(site.root)
        if mkdocs is None:
            return "default"
        inner = mkdocs.in_docs("/".join(parts))
        if inner is None:
            return "default"
        posts = mkdocs.blog_posts
        if posts is not None and (inner == posts or inner.startswith(posts + "/")):
            return "mkdocs-blog-post"
        return "mkdocs-page"
    return "hugo-page" if parts[:1] == ("content",) else "default"


def is_page(site: Site | None, folder: Path, root: Path) -> bool:
    """Whether files in `folder` (absolute) may be published as pages, and so need a title.
    Folders are read from the site's root, or without a site from `root` (the checked folder)."""
    top = site.root if site else root
    try:
        parts = folder.relative_to(top).parts
    except ValueError:
        parts = ()
    if any(part.startswith(".") or part in FIXTURE_FOLDERS for part in parts):
        return False
    if any(_renders_nothing(top.joinpath(*parts[:n])) for n in range(1, len(parts) + 1)):
        return False
    if site is not None and site.generator == "hugo":
        return parts[:1] == ("content",)
    return not (site and site.generator == "jekyll" and JEKYLL_PARTS.intersection(parts))


def _renders_nothing(folder: Path) -> bool:
    """Whether the folder's `_index.md` cascades Hugo's `build: {render: never}` to its pages."""
    from lint.document import parse_document
    from lint.site.layout import cascade_no_render

    index = folder / "_index.md"
    try:
        text = index.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    block = parse_document(text, str(index)).front_matter
    return block is not None and isinstance(block.data, dict) and cascade_no_render(block.data)


class SchemaResolver:
    """Chooses, loads and caches the schema of each path; one per Settings."""

    def __init__(self, entries: tuple[SchemaEntry, ...], root: Path) -> None:
        self.root = Path(os.path.abspath(root))
        self.entries = []
        if entries:  # pathspec takes 15 ms to import: not at all when no schema is configured
            import pathspec

            self.entries = [
                (pathspec.GitIgnoreSpec.from_lines(entry.paths), entry.schema_) for entry in entries
            ]
        self.loaded: dict[str, Schema | None] = {}
        self.sites: dict[Path, Site | None] = {}
        # by folder, as named: (working folder, the path's folder part)
        self.presets: dict[tuple[str, str], Schema] = {}
        self.pages: dict[Path, bool] = {}  # by absolute folder: whether its files are pages
        self.preset_names = frozenset(presets()) if entries else frozenset()

    def is_page(self, file: Path) -> bool:
        folder = file.parent
        if folder not in self.pages:
            self.pages[folder] = is_page(detect(folder, self.sites), folder, self.root)
        return self.pages[folder]

    def preload(self) -> None:
        """Load every configured schema now, so that a mistake is reported before checking."""
        for _, ref in self.entries:
            self.schema(ref)

    def schema(self, ref: str) -> Schema | None:
        if ref not in self.loaded:
            self.loaded[ref] = load(ref, self.root)
        return self.loaded[ref]

    def for_path(self, path: str) -> Schema | None:
        if self.entries:
            file = Path(os.path.abspath(path))
            try:
                relative = file.relative_to(self.root).as_posix()
            except ValueError:
                relative = PurePosixPath(path.replace(os.sep, "/")).as_posix()
            for spec, ref in self.entries:
                if spec.match_file(relative):
                    if ref in self.preset_names and not self.is_page(file):
                        return untitled_preset(ref)
                    return self.schema(ref)
        # the preset depends on the file's folder only: worked out once per folder, known by its
        # name as given (cheaper than making every path absolute; a folder named two ways is
        # merely worked out twice)
        folder = (os.getcwd(), os.path.dirname(path))
        if folder not in self.presets:
            file = Path(os.path.abspath(path))
            site = detect(file.parent, self.sites)
            load_preset = preset if self.is_page(file) else untitled_preset
            self.presets[folder] = load_preset(preset_for(site, file))
        return self.presets[folder]
