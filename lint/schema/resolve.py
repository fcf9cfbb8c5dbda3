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
- Astro (`astro.config.mjs`, `.js`, `.ts`, `.mts`, `.cjs` or `.cts` beside `src/content/docs/`
  or a content collection config, `src/content.config.*` or `src/content/config.*`): files
  under `src/content/docs/` (Starlight's pages) get `starlight`, other pages `default`;
- Docusaurus (`docusaurus.config.js`, `.ts`, `.mjs`, `.cjs`, `.mts` or `.cts` beside a `docs/`
  or `blog/` folder): files under the blog folder get `docusaurus-blog`, other pages
  `docusaurus-doc`;
- anything else gets `default`.

Every preset requires a `title`, except in files that no generator publishes as a page: under
a folder whose name starts with a dot (`.github/`, `.changeset/`: Jekyll excludes them, Hugo
reads only `content/`), under a folder of test fixtures (`test`, `tests`, `testdata`,
`fixtures`, `__fixtures__`), under a Hugo `_index.md` whose `cascade` says `build: {render:
never}` (a headless bundle of snippets), in a Jekyll site's `_includes`, `_layouts`, `_data`,
`_sass` and `_plugins`, in a Hugo site outside `content/` (`archetypes/` holds templates), in
an Astro site outside `src/content/` and `src/pages/`, and in a Docusaurus site outside its
docs, blog and `src/pages/` folders or under a folder whose name starts with `_` (partials).
The Docusaurus presets ask for a `title` only of a page without a level-1 heading: Docusaurus
titles a doc or a post after its first `# heading` when front matter gives no title.
"""

from __future__ import annotations

import os
import posixpath
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
# Astro and Docusaurus: config files are JavaScript or TypeScript, never run; the folders beside
# them tell a site from a stray config file.
_JS_EXTENSIONS = ("mjs", "js", "ts", "mts", "cjs", "cts")
ASTRO_CONFIGS = tuple(f"astro.config.{ext}" for ext in _JS_EXTENSIONS)
ASTRO_COLLECTION_CONFIGS = tuple(
    f"src/{name}.{ext}" for name in ("content.config", "content/config") for ext in _JS_EXTENSIONS
)
DOCUSAURUS_CONFIGS = tuple(f"docusaurus.config.{ext}" for ext in _JS_EXTENSIONS)


@dataclass(frozen=True)
class Site:
    generator: str  # "jekyll" | "hugo" | "mkdocs" | "astro" | "docusaurus"
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
    found = js_site_config(folder, names)
    return Site(found[0], folder) if found else None


def js_site_config(folder: Path, names: set[str] | None = None) -> tuple[str, Path] | None:
    """An Astro or Docusaurus site in `folder` (whose entries are `names`, when known): the
    generator and its config file."""
    if names is None:
        try:
            names = set(os.listdir(folder))
        except OSError:
            return None
    astro = next((name for name in ASTRO_CONFIGS if name in names), None)
    if astro and (
        (folder / "src/content/docs").is_dir()
        or any((folder / name).is_file() for name in ASTRO_COLLECTION_CONFIGS)
    ):
        return "astro", folder / astro
    docusaurus = next((name for name in DOCUSAURUS_CONFIGS if name in names), None)
    if (
        docusaurus
        and ("docs" in names or "blog" in names)
        and _docs_above(folder / docusaurus) is None  # else the site's root is above
    ):
        return "docusaurus", folder / docusaurus
    if "website" in names:
        # the layout Docusaurus's migration guide keeps: `website/` holds the config, and its
        # docs plugin's `path` leads back to a folder beside it (`../docs`)
        for name in DOCUSAURUS_CONFIGS:
            config = folder / "website" / name
            if config.is_file():
                return ("docusaurus", config) if _docs_above(config) is not None else None
    return None


def _docs_above(config: Path) -> Path | None:
    """The folder a Docusaurus config's docs `path` leads to when that is an existing folder
    outside the config's own folder (`../docs`): the site's root is then above the config."""
    from lint.site.layout import read_docusaurus_config

    path = str((read_docusaurus_config(config).get("docs") or {}).get("path") or "")
    relative = posixpath.normpath(path) if path else ""
    if not relative.startswith("../") or relative.startswith("../.."):
        return None
    folder = config.parent.parent / relative[3:]
    return folder if folder.is_dir() else None


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
    if site.generator in ("astro", "docusaurus"):
        return _js_site_preset(site, "/".join(parts))
    return "hugo-page" if parts[:1] == ("content",) else "default"


def _js_site_preset(site: Site, folder: str) -> str:
    """Astro and Docusaurus: the preset of a page in `folder` (from the site's root)."""
    from lint.site.layout import site_sections

    section = site_sections(site.root, site.generator).section_of(folder + "/x")
    if section is None or section.kind == "pages":
        return "default"
    return section.preset


def is_page(
    site: Site | None, folder: Path, root: Path, silent: dict[Path, bool] | None = None
) -> bool:
    """Whether files in `folder` (absolute) may be published as pages, and so need a title.
    Folders are read from the site's root, or without a site from `root` (the checked folder).
    `silent` keeps, by folder, whether its `_index.md` renders nothing (folders share
    ancestors)."""
    top = site.root if site else root
    try:
        parts = folder.relative_to(top).parts
    except ValueError:
        parts = ()
    if any(part.startswith(".") or part in FIXTURE_FOLDERS for part in parts):
        return False
    silent = {} if silent is None else silent
    for n in range(1, len(parts) + 1):
        above = top.joinpath(*parts[:n])
        if above not in silent:
            silent[above] = _renders_nothing(above)
        if silent[above]:
            return False
    if site is not None and site.generator == "hugo":
        return parts[:1] == ("content",)
    if site is not None and site.generator in ("astro", "docusaurus"):
        from lint.site.layout import site_sections

        if site.generator == "docusaurus" and any(part.startswith("_") for part in parts):
            return False  # partials, which Docusaurus imports into pages and never routes
        return (
            site_sections(site.root, site.generator).section_of("/".join(parts) + "/x") is not None
        )
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

    def __init__(
        self,
        entries: tuple[SchemaEntry, ...],
        root: Path,
        sites: dict[Path, Site | None] | None = None,
    ) -> None:
        self.root = Path(os.path.abspath(root))
        self.entries = []
        if entries:  # pathspec takes 15 ms to import: not at all when no schema is configured
            import pathspec

            self.entries = [
                (pathspec.GitIgnoreSpec.from_lines(entry.paths), entry.schema_) for entry in entries
            ]
        self.loaded: dict[str, Schema | None] = {}
        self.sites: dict[Path, Site | None] = {} if sites is None else sites  # detect()'s
        # by folder, as named: (working folder, the path's folder part)
        self.presets: dict[tuple[str, str], Schema] = {}
        self.pages: dict[Path, bool] = {}  # by absolute folder: whether its files are pages
        self.silent: dict[Path, bool] = {}  # by absolute folder: see is_page
        self.preset_names = frozenset(presets()) if entries else frozenset()

    def is_page(self, file: Path) -> bool:
        folder = file.parent
        if folder not in self.pages:
            site = detect(folder, self.sites)
            self.pages[folder] = is_page(site, folder, self.root, self.silent)
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
