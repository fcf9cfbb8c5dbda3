"""Where a site starts, which generator builds it, and the URL each source file renders to.

Jekyll: pages by their path (`index.md` is its folder), `_posts` by the site's `permalink`
style (`date` by default) and each post's date, slug and categories, other collections by their
`permalink` (`/:collection/:path:output_ext` by default), and a page's own `permalink`.
Hugo: files under the content folder (per language when the site has several) by their path,
`slug` and `url`, `aliases` as more URLs, section folders as list pages.
MkDocs: files under the docs folder (`docs_dir`) by their path, `index.md` and `README.md` as
their folder, as a folder URL (`/a/b/`) or, with `use_directory_urls: false`, as `/a/b.html`.
Astro (Starlight) and Docusaurus: see `site_sections` and the functions below it. Generic: the
path.
"""

from __future__ import annotations

import datetime
import json
import os
import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote

import yaml

from lint.frontmatter import toml_library
from lint.mkdocs import MkDocs
from lint.mkdocs import load as load_mkdocs
from lint.schema.resolve import (
    HUGO_CONFIGS,
    HUGO_MARKERS,
    JEKYLL_MARKERS,
    MKDOCS_MARKERS,
    detect,
    js_site_config,
)

PAGE_EXTENSIONS = {".md", ".markdown", ".mdx", ".mdown", ".mkd", ".mkdn", ".html", ".htm"}
_POST = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})-(.+)$")
_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$", re.IGNORECASE)
_JEKYLL_STYLES = {
    "date": "/:categories/:year/:month/:day/:title:output_ext",
    "pretty": "/:categories/:year/:month/:day/:title/",
    "ordinal": "/:categories/:year/:y_day/:title:output_ext",
    "weekdate": "/:categories/:year/W:week/:short_day/:title:output_ext",
    "none": "/:categories/:title:output_ext",
}
_JEKYLL_SPECIAL = {"_includes", "_layouts", "_sass", "_data", "_site", "_plugins", "_drafts"}
_JEKYLL_EXCLUDED = ("node_modules", "vendor", "Gemfile", "Gemfile.lock", ".jekyll-cache")
_TOKEN = re.compile(r":([a-z_]+)")
_INDEX_PAGE = re.compile(r"/index\.(?:html?|md|markdown)$")
_PAGE_SUFFIX = re.compile(r"\.(?:html?|md|markdown|mdx)$")
_SLASHES = re.compile(r"/{2,}")


@dataclass
class Layout:
    """One site: its root folder, generator and the settings of its config that shape URLs."""

    root: Path
    generator: str  # "jekyll" | "hugo" | "mkdocs" | "astro" | "docusaurus" | "generic"
    config: dict[str, Any] | None = None  # the generator's config file, when one was read
    base_path: str = ""  # the path part of baseurl / baseURL, without a final slash
    content_dirs: list[tuple[str, str]] = field(default_factory=list)  # Hugo: (dir, url prefix)
    mkdocs: MkDocs | None = None  # an MkDocs site's config, read
    sections: Sections | None = None  # Astro, Docusaurus: the folders that make pages
    config_dir: str = ""  # Docusaurus: the config's folder from the root (`website`), or ""

    @property
    def configured(self) -> bool:
        return self.config is not None

    @property
    def static_dirs(self) -> list[Path]:
        if self.generator == "hugo":
            return [self.root / "static", *(self.root / d for d, _ in self.content_dirs)]
        if self.mkdocs is not None:
            return [self.root / self.mkdocs.docs_dir]
        if self.generator in _PUBLIC_DIRS:
            return [self.root / self.config_dir / _PUBLIC_DIRS[self.generator]]
        return [self.root]

    def listed(self, rel: str) -> bool:
        """Whether the site lists a page without a link to it: an MkDocs page its `nav`
        names (every page, without a `nav`), or a post of its blog."""
        if self.mkdocs is None:
            return False
        inner = self.mkdocs.in_docs(rel)
        if inner is None:
            return False
        nav = self.mkdocs.nav_pages
        posts = self.mkdocs.blog_posts
        return nav is None or inner in nav or (posts is not None and inner.startswith(posts + "/"))

    @property
    def asset_bases(self) -> list[str]:
        """The folders (from the root, with a final slash; "" for the root) whose files the
        site serves as they are, at the same path from the site's root."""
        if self.generator == "hugo":
            return ["static/", *(f"{folder}/" for folder, _ in self.content_dirs)]
        if self.mkdocs is not None and self.mkdocs.docs_dir != ".":
            return [self.mkdocs.docs_dir + "/"]
        if self.generator in _PUBLIC_DIRS:
            return [posixpath.join(self.config_dir, _PUBLIC_DIRS[self.generator]) + "/"]
        return [""]

    @property
    def either_slash(self) -> bool:
        """Whether a page's URL may be written with or without a final slash, and relative
        links may start from either: the URL scheme is a guess, or Docusaurus serves both
        (no `trailingSlash` in its config)."""
        if not self.configured:
            return True
        return self.generator == "docusaurus" and self.config.get("trailingSlash") is None


def _load_config(path: Path) -> dict[str, Any] | None:
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".toml":
            data = toml_library().loads(text)
        elif path.suffix == ".json":
            data = json.loads(text)
        else:
            data = yaml.safe_load(text)
    except (OSError, ValueError, yaml.YAMLError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _marker_generator(folder: Path) -> tuple[str, Path | None]:
    for name in JEKYLL_MARKERS:
        if (folder / name).is_file():
            return "jekyll", folder / name
    for name in HUGO_MARKERS:
        if (folder / name).is_file():
            return "hugo", folder / name
    for name in HUGO_CONFIGS:
        if (folder / name).is_file() and (folder / "content").is_dir():
            return "hugo", folder / name
    for name in MKDOCS_MARKERS:
        if (folder / name).is_file():
            return "mkdocs", folder / name
    return js_site_config(folder) or ("generic", None)


def generator_config(root: Path) -> Path | None:
    """The generator's config file that `load_layout` reads, if any."""
    return _marker_generator(root)[1]


def site_root_of(file: Path, settings, cache: dict) -> Path | None:
    """The root of the site a file belongs to: the configured site root, else the nearest
    generator marker's folder, else the repository's top folder; None outside any of them
    (the site is then the files being checked). `cache` (empty at first) keeps what was
    found of each folder, for the next file."""
    if settings.site_root is not None:
        return Path(os.path.abspath(Path(settings.root) / settings.site_root))
    folder = Path(os.path.abspath(file)).parent
    site = detect(folder, cache.setdefault("sites", {}))
    if site is not None:
        return site.root
    top = repository_top(str(folder), cache.setdefault("repositories", {}))
    return None if top is None else Path(top)


def repository_top(folder: str, cache: dict[str, str | None] | None = None) -> str | None:
    """The nearest folder at or above `folder` (absolute) that holds `.git`; `cache` keeps
    what was found of each folder."""
    cache = {} if cache is None else cache
    if folder not in cache:
        if os.path.exists(os.path.join(folder, ".git")):
            cache[folder] = folder
        else:
            above = os.path.dirname(folder)
            cache[folder] = None if above == folder else repository_top(above, cache)
    return cache[folder]


def load_layout(root: Path, generator: str = "auto") -> Layout:
    """The layout of the site at `root`; `generator` forces one ("auto" reads the markers)."""
    found, config_path = _marker_generator(root)
    if generator == "auto":
        generator = found
    elif generator != found:
        config_path = None
    if generator == "mkdocs":
        mkdocs = load_mkdocs(root) if config_path is not None else None
        config = mkdocs.config if mkdocs is not None else None
        mkdocs = mkdocs or MkDocs(root, {})
        layout = Layout(root, generator, config, mkdocs=mkdocs)
        site_url = str(mkdocs.config.get("site_url") or "")
        path = re.sub(r"^[a-z]+://[^/]*", "", site_url).strip("/")
        layout.base_path = "/" + path if path else ""
        return layout
    if generator in _JS_CONFIG_READERS:
        config = _JS_CONFIG_READERS[generator](config_path) if config_path is not None else None
    else:
        config = _load_config(config_path) if config_path is not None else None
    layout = Layout(root, generator, config)
    if generator in _JS_CONFIG_READERS:
        base = str((config or {}).get("base") or "").strip("/")
        layout.base_path = "/" + base if base else ""
        if config_path is not None and config_path.parent != root:
            layout.config_dir = config_path.parent.relative_to(root).as_posix()
        layout.sections = _SECTIONS[generator](root, config or {}, layout.config_dir)
    if generator == "jekyll":
        base = str((config or {}).get("baseurl") or "")
        layout.base_path = "/" + base.strip("/") if base.strip("/") else ""
    elif generator == "hugo":
        base = str((config or {}).get("baseURL") or (config or {}).get("baseurl") or "")
        path = re.sub(r"^[a-z]+://[^/]*", "", base).strip("/")
        layout.base_path = "/" + path if path else ""
        layout.content_dirs = _hugo_content_dirs(root, config)
    return layout


def _hugo_content_dirs(root: Path, config: dict | None) -> list[tuple[str, str]]:
    config = config or {}
    content = str(config.get("contentDir") or "content").strip("/")
    languages = config.get("languages")
    default = str(config.get("defaultContentLanguage") or "en").lower()
    in_subdir = bool(config.get("defaultContentLanguageInSubdir"))
    dirs: list[tuple[str, str]] = []
    if isinstance(languages, dict):
        for code, options in languages.items():
            options = options if isinstance(options, dict) else {}
            folder = str(options.get("contentDir") or content).strip("/")
            prefix = "" if code.lower() == default and not in_subdir else f"/{code.lower()}"
            dirs.append((folder, prefix))
        if dirs:
            return dirs
    # No languages configured: a content folder holding only language-named folders is one
    # folder per language (content/en, content/fr), the default language at the root.
    try:
        entries = list(os.scandir(root / content))
    except OSError:
        return [(content, "")]
    folders = [e.name for e in entries if e.is_dir()]
    if folders and not config and all(_LANGUAGE.match(name) for name in folders):
        first = default if default in folders else sorted(folders)[0]
        return [
            (f"{content}/{name}", "" if name == first else f"/{name.lower()}")
            for name in sorted(folders)
        ]
    return [(content, "")]


# --- URLs -------------------------------------------------------------------------------


@lru_cache(maxsize=1 << 15)  # the same URLs come back from page to page, and run to run
def url_key(path: str) -> str:
    """A site path compared loosely: decoded, case-folded, without `index.html`, `.html` or
    a final slash (`/a/b/`, `/a/b.html` and `/a/b/index.html` are one page)."""
    path = unquote(path.split("#", 1)[0].split("?", 1)[0]).casefold()
    # each pattern needs a literal most paths lack: testing for it is cheaper than a search
    if "/index." in path:
        path = _INDEX_PAGE.sub("/", path)
    if "." in path:
        path = _PAGE_SUFFIX.sub("", path)
    if "//" in path:
        path = _SLASHES.sub("/", path)
    return path.rstrip("/") or "/"


@lru_cache(maxsize=1 << 15)
def output_key(url: str) -> str:
    """The file a URL is written to, for finding two pages written to one file."""
    url = unquote(url).casefold()
    return url + "index.html" if url.endswith("/") else url


def _clean(url: str) -> str:
    url = _SLASHES.sub("/", "/" + url.strip())
    return url


def _date(value: Any, fallback: tuple[int, int, int] | None) -> tuple[int, int, int] | None:
    if isinstance(value, str):
        match = _DATE.match(value)
        if match:
            return int(match[1]), int(match[2]), int(match[3])
    return fallback


def _list(value: Any) -> list[str]:
    if isinstance(value, str):
        return value.split()
    if isinstance(value, list):
        return [str(item) for item in value if isinstance(item, (str, int, float))]
    return []


def _expand(template: str, values: dict[str, str]) -> str:
    return _TOKEN.sub(lambda m: values.get(m[1], m[0]), template)


def _jekyll_suffix(style: str) -> str:
    template = _JEKYLL_STYLES.get(style, style)
    if template.endswith("/"):
        return "/"
    return ":output_ext" if template.endswith(":output_ext") else ""


@dataclass(frozen=True)
class PageUrls:
    collection: str | None  # what ST001 groups by: "posts", "pages", a collection, a section
    url: str | None  # None: the file renders to no page (a layout, a draft, excluded)
    aliases: tuple[str, ...] = ()
    source: str | None = None  # the front-matter key that decided the URL
    # URLs the page is also served at when no other page has them (Starlight shows a page of
    # the default language where a translation is missing)
    fallbacks: tuple[str, ...] = ()


def page_urls(layout: Layout, rel: str, summary: dict) -> PageUrls:
    if layout.generator == "jekyll":
        return _jekyll(layout, rel, summary)
    if layout.generator == "hugo":
        return _hugo(layout, rel, summary)
    if layout.mkdocs is not None:
        return _mkdocs(layout.mkdocs, rel)
    if layout.generator in _SECTIONS:
        return _sectioned(layout, rel, summary)
    return _generic(rel)


def _mkdocs(mkdocs: MkDocs, rel: str) -> PageUrls:
    """An MkDocs page's URL: its path in the docs folder, `index.md` and `README.md` as their
    folder; a folder URL, or `.html` with `use_directory_urls: false`. Files outside the
    docs folder, and those whose name or folder starts with a dot, are not pages."""
    inner = mkdocs.in_docs(rel)
    if inner is None or any(part.startswith(".") for part in inner.split("/")):
        return PageUrls(None, None)
    folder, _, name = inner.rpartition("/")
    stem, dot, suffix = name.rpartition(".")
    if not dot or "." + suffix.lower() not in PAGE_EXTENSIONS:
        return PageUrls(None, None)
    collection = folder or "/"
    if stem.lower() in ("index", "readme"):
        return PageUrls(collection, _clean(folder + "/"))
    path = f"{folder}/{stem}"
    return PageUrls(collection, _clean(path + "/" if mkdocs.use_directory_urls else path + ".html"))


def _generic(rel: str) -> PageUrls:
    """A plain site: the URL is the path (`index.md` is its folder); a folder is a section.
    String work, as pathlib would split the clean relative path a Site gets: it runs for
    every page."""
    folder, _, name = rel.rpartition("/")
    folder = folder or "/"
    dot = name.rfind(".")
    stem = name[:dot] if 0 < dot < len(name) - 1 else name
    if stem.lower() == "index":
        return PageUrls(folder, _clean(folder + "/") if folder != "/" else "/")
    return PageUrls(folder, "/" + rel)


def _jekyll(layout: Layout, rel: str, summary: dict) -> PageUrls:
    """A Jekyll document's URL; `redirect_from` (jekyll-redirect-from) gives aliases."""
    urls = _jekyll_url(layout, rel, summary)
    if urls.url is None:
        return urls
    aliases = tuple(_clean(a) for a in _list(summary["fm"].get("redirect_from")))
    return PageUrls(urls.collection, urls.url, aliases, urls.source)


def _jekyll_url(layout: Layout, rel: str, summary: dict) -> PageUrls:
    config = layout.config or {}
    fm = summary["fm"]
    path = PurePosixPath(rel)
    parts = path.parts
    if any(part.startswith(".") for part in parts) or parts[0] in _JEKYLL_EXCLUDED:
        return PageUrls(None, None)
    excluded = config.get("exclude")
    if isinstance(excluded, list) and any(
        isinstance(e, str) and (rel == e.strip("/") or rel.startswith(e.strip("/") + "/"))
        for e in excluded
    ):
        return PageUrls(None, None)
    if fm.get("published") is False:
        return PageUrls(None, None)
    style = str(config.get("permalink") or "date")
    stem, ext = path.stem, ".html" if path.suffix.lower() in PAGE_EXTENSIONS else path.suffix
    own = fm.get("permalink") if isinstance(fm.get("permalink"), str) else None
    collections = config.get("collections")
    if isinstance(collections, list):
        collections = {name: {} for name in collections if isinstance(name, str)}
    if not isinstance(collections, dict):
        collections = None
    dirs = parts[:-1]
    if "_posts" in dirs or "_drafts" in dirs:
        if "_drafts" in dirs:
            return PageUrls("drafts", None)
        index = dirs.index("_posts")
        match = _POST.match(stem)
        if match is None:
            return PageUrls("posts", None)
        year, month, day = _date(fm.get("date"), (int(match[1]), int(match[2]), int(match[3])))
        categories: list[str] = list(dirs[:index])
        for key in ("categories", "category"):
            values = _list(fm.get(key)) if key == "categories" else [str(fm.get(key) or "")]
            for value in values:
                if value and value not in categories:
                    categories.append(value)
        slug = str(fm.get("slug") or match[4])
        options = (collections or {}).get("posts")
        template = (options.get("permalink") if isinstance(options, dict) else None) or style
        template = _JEKYLL_STYLES.get(template, template)
        moment = datetime.date(year, month, day) if _valid(year, month, day) else None
        values = {
            "year": f"{year:04d}",
            "month": f"{month:02d}",
            "i_month": str(month),
            "day": f"{day:02d}",
            "i_day": str(day),
            "short_year": f"{year % 100:02d}",
            "y_day": f"{moment.timetuple().tm_yday:03d}" if moment else ":y_day",
            "title": slug,
            "slug": slug,
            "name": slug,
            "categories": "/".join(c.lower() for c in categories),
            "output_ext": ext,
            "collection": "posts",
            "path": "/".join((*dirs[index + 1 :], stem)),
        }
        url = _clean(_expand(own or template, values))
        return PageUrls("posts", url, source="permalink" if own else None)
    if dirs and dirs[0].startswith("_"):
        name = dirs[0][1:]
        if dirs[0] in _JEKYLL_SPECIAL:
            return PageUrls(None, None)
        options = None
        if collections is None and layout.configured:
            return PageUrls(None, None)  # Jekyll reads only the collections its config names
        if collections is not None:
            if name not in collections:
                return PageUrls(None, None)
            options = collections[name] if isinstance(collections[name], dict) else {}
            if not options.get("output"):
                return PageUrls(name, None)
        template = (options or {}).get("permalink") or "/:collection/:path:output_ext"
        template = _JEKYLL_STYLES.get(template, template)
        inner = "/".join((*dirs[1:], stem))
        values = {
            "collection": name,
            "path": inner,
            "name": stem,
            "title": str(fm.get("slug") or stem),
            "slug": str(fm.get("slug") or stem),
            "output_ext": ext,
            "basename": stem,
        }
        url = _clean(_expand(own or template, values))
        return PageUrls(name, url, source="permalink" if own else None)
    if path.name.startswith("_") or any(d.startswith("_") for d in dirs):
        return PageUrls(None, None)
    if not summary.get("has_fm"):
        return PageUrls("static", "/" + rel)  # copied as it is
    folder = "/".join(dirs)
    if own:
        values = {"path": folder, "basename": stem, "output_ext": ext, "name": stem}
        return PageUrls("pages", _clean(_expand(own, values)), source="permalink")
    if stem == "index":
        return PageUrls("pages", _clean(folder + "/"))
    suffix = _jekyll_suffix(style) if ext == ".html" else ext
    suffix = ext if suffix == ":output_ext" else suffix
    return PageUrls("pages", _clean(f"{folder}/{stem}{suffix}"))


def _valid(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def urlize(text: str) -> str:
    """Hugo's path form: lower case, spaces as hyphens."""
    return re.sub(r"\s+", "-", text.strip()).lower()


def _hugo(layout: Layout, rel: str, summary: dict) -> PageUrls:
    fm = summary["fm"]
    dirs_by_depth = sorted(layout.content_dirs, key=lambda d: -len(d[0]))
    match = next(((f, p) for f, p in dirs_by_depth if rel.startswith(f + "/")), None)
    if match is None:
        return PageUrls(None, None)
    folder, prefix = match
    inner = rel[len(folder) + 1 :]
    if fm.get("draft") is True or _no_render(fm):
        return PageUrls(None, None)
    path = PurePosixPath(inner)
    dirs = list(path.parts[:-1])
    section = dirs[0] if dirs else ""
    # the section a page is listed in: its folder (a bundle's: the folder above)
    parent = dirs[:-1] if path.stem in ("_index", "index") else dirs
    collection = (prefix + "/" + "/".join(parent)).rstrip("/") or "/"
    if path.stem in ("_index", "index"):
        if path.stem == "index" and fm.get("headless") is True:
            return PageUrls(collection, None)
        segments = dirs
        source = None
    else:
        segments = [*dirs, str(fm.get("slug") or path.stem)]
        source = "slug" if fm.get("slug") else None
    url = prefix + "/" + "/".join(urlize(s) for s in segments) + "/"
    permalinks = (layout.config or {}).get("permalinks")
    if isinstance(permalinks, dict) and isinstance(permalinks.get("page"), dict):
        permalinks = permalinks["page"]
    if isinstance(permalinks, dict) and section in permalinks and path.stem != "_index":
        template = permalinks[section]
        if isinstance(template, str):
            date = _date(fm.get("date"), None)
            title = fm.get("title") if isinstance(fm.get("title"), str) else path.stem
            values = {
                "section": section,
                "sections": "/".join(dirs),
                "title": urlize(title),
                "slug": urlize(str(fm.get("slug") or title)),
                "filename": path.stem if path.stem != "index" else (dirs or [""])[-1],
                "contentbasename": path.stem if path.stem != "index" else (dirs or [""])[-1],
            }
            if date:
                values.update(year=f"{date[0]:04d}", month=f"{date[1]:02d}", day=f"{date[2]:02d}")
            url = prefix + _clean(_expand(template, values))
    if isinstance(fm.get("url"), str) and fm["url"].strip():
        url, source = _clean(fm["url"]), "url"
    aliases = []
    for alias in _list(fm.get("aliases")):
        if not alias.startswith("/"):
            alias = posixpath.join(prefix + "/" + "/".join(dirs), alias)
        aliases.append(_clean(alias))
    return PageUrls(collection, _clean(url), tuple(aliases), source)


def _no_render(fm: dict) -> bool:
    for key in ("build", "_build"):
        options = fm.get(key)
        if isinstance(options, dict) and options.get("render") in ("never", False, "false"):
            return True
    return False


def cascade_no_render(fm: dict) -> bool:
    """Whether a Hugo section's `cascade` keeps every page below it from rendering."""
    cascade = fm.get("cascade")
    entries = cascade if isinstance(cascade, list) else [cascade]
    return any(isinstance(entry, dict) and _no_render(entry) for entry in entries)


# --- Astro (Starlight) and Docusaurus ------------------------------------------------------
#
# Their config files are JavaScript or TypeScript. They are never run: a few settings are read
# from the text with small patterns, where they are written as plain strings, numbers,
# booleans or object literals; anything computed is not seen and the default is taken.

_PUBLIC_DIRS = {"astro": "public", "docusaurus": "static"}
_STRING = r"""(?:'([^'\n]*)'|"([^"\n]*)"|`([^`$\n]*)`)"""


@dataclass(frozen=True)
class Section:
    """A folder whose Markdown files become pages, and how."""

    folder: str  # from the site's root, without a final slash
    kind: str  # "starlight" | "pages" | "collection" | "docs" | "blog"
    prefix: str | None  # the URL path its pages start at ("" for the root); None: no pages
    preset: str  # the schema preset of its pages


@dataclass(frozen=True)
class Sections:
    """The sections of an Astro or Docusaurus site, and Starlight's languages."""

    items: tuple[Section, ...]
    locales: tuple[str, ...] = ()  # Starlight: the locales' folders ("root" for the top one)
    default_locale: str | None = None

    def section_of(self, rel: str) -> Section | None:
        """The deepest section that holds the file `rel` (from the site's root)."""
        found = [s for s in self.items if rel.startswith(s.folder + "/")]
        return max(found, key=lambda s: len(s.folder)) if found else None


def site_sections(root: Path, generator: str) -> Sections:
    """The sections of the Astro or Docusaurus site at `root`."""
    layout = load_layout(root, generator)
    return layout.sections or Sections(())


def _strip_comments(text: str) -> str:
    """JavaScript text without its comments (string contents kept)."""
    return re.sub(
        r"""('(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`)|//[^\n]*|/\*[\s\S]*?\*/""",
        lambda m: m[1] or " ",
        text,
    )


def _object_after(text: str, key: str) -> list[str]:
    """The object literals written as the value of `key` (`key: { ... }`, or assigned to a
    variable of that name, `const key = { ... }`), each with its nested objects blanked out,
    so that its own keys can be read."""
    found = []
    for match in re.finditer(rf"(?<![\w$.]){re.escape(key)}['\"]?\s*[:=]\s*\{{", text):
        depth, kept, i = 1, [], match.end()
        quote = None
        while i < len(text) and depth:
            c = text[i]
            if quote:
                if c == "\\":
                    if depth == 1:
                        kept.append(text[i : i + 2])
                    i += 2
                    continue
                if c == quote:
                    quote = None
            elif c in "'\"`":
                quote = c
            elif c in "{[(":
                depth += 1
            elif c in "}])":
                depth -= 1
            if depth == 1 or (depth == 2 and c in "{[("):
                kept.append(c)
            i += 1
        found.append("".join(kept))
    return found


def _js_value(obj: str, key: str) -> str | bool | None:
    """A string or boolean literal written as `key`'s value in one object's text."""
    match = re.search(rf"(?<![\w$]){key}['\"]?\s*:\s*(?:{_STRING}|(true|false))", obj)
    if match is None:
        return None
    if match[4]:
        return match[4] == "true"
    return next(group for group in match.groups()[:3] if group is not None)


def _read_js(path: Path) -> str:
    try:
        return _strip_comments(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return ""


def read_astro_config(path: Path) -> dict[str, Any]:
    """What mdvet reads of `astro.config.*`: `base`, `trailingSlash`, and Starlight's
    `defaultLocale` and the keys of `locales`."""
    text = _read_js(path)
    config: dict[str, Any] = {}
    for key in ("base", "trailingSlash", "defaultLocale"):
        value = _js_value(text, key)
        if isinstance(value, str):
            config[key] = value
    for obj in _object_after(text, "locales"):
        keys = re.findall(rf"(?:^|,)\s*(?:{_STRING}|([\w$-]+))\s*:", obj)
        names = [name for groups in keys for name in groups if name]
        if names:
            config["locales"] = names
            break
    return config


def read_docusaurus_config(path: Path) -> dict[str, Any]:
    """What mdvet reads of `docusaurus.config.*`: `baseUrl`, `trailingSlash`, and the docs
    and blog plugins' `path` and `routeBasePath` (`docs: false` turns the docs off)."""
    text = _read_js(path)
    config: dict[str, Any] = {}
    base = _js_value(text, "baseUrl")
    if isinstance(base, str):
        config["base"] = base
    slash = _js_value(text, "trailingSlash")
    if isinstance(slash, bool):
        config["trailingSlash"] = slash
    for plugin in ("docs", "blog"):
        options: dict[str, Any] = {}
        if re.search(rf"(?<![\w$.]){plugin}\s*:\s*false\b", text):
            options["off"] = True
        for obj in _object_after(text, plugin):
            for key in ("path", "routeBasePath"):
                value = _js_value(obj, key)
                if isinstance(value, str):
                    options.setdefault(key, value)
        config[plugin] = options
    return config


_JS_CONFIG_READERS = {"astro": read_astro_config, "docusaurus": read_docusaurus_config}


def _astro_sections(root: Path, config: dict, config_dir: str) -> Sections:
    """Starlight's pages (`src/content/docs/`), Astro's Markdown pages (`src/pages/`), and
    other content collections, which Astro renders only where a page's code says."""
    locales = tuple(config.get("locales") or ())
    default = config.get("defaultLocale")
    if default is None and locales:
        default = "root" if "root" in locales else locales[0]
    items = (
        Section("src/content/docs", "starlight", "", "starlight"),
        Section("src/pages", "pages", "", "default"),
        Section("src/content", "collection", None, "default"),
    )
    return Sections(items, locales, default)


def _docusaurus_sections(root: Path, config: dict, config_dir: str) -> Sections:
    """The docs (and their versions), the blog and `src/pages/`, where the config puts them:
    from the config's folder (`config_dir`, from the site's root)."""

    def beside(path: str) -> str:
        return posixpath.normpath(posixpath.join(config_dir, path)).strip("/")

    items = []
    for plugin, preset in (("docs", "docusaurus-doc"), ("blog", "docusaurus-blog")):
        options = config.get(plugin) or {}
        if options.get("off"):
            continue
        folder = beside(str(options.get("path") or plugin))
        if folder.startswith(".."):
            continue  # outside the site's folder
        route = str(options.get("routeBasePath", plugin)).strip("/")
        prefix = "/" + route if route else ""
        if plugin == "docs":
            versions = _docusaurus_versions(root / config_dir)
            if versions:  # the newest version at the route, docs/ as "next"
                for n, version in enumerate(versions):
                    at = prefix if n == 0 else f"{prefix}/{version}"
                    versioned = beside(f"versioned_docs/version-{version}")
                    items.append(Section(versioned, plugin, at, preset))
                prefix += "/next"
        items.append(Section(folder, plugin, prefix, preset))
    items.append(Section(beside("src/pages"), "pages", "", "default"))
    items.append(Section(beside("i18n"), "translation", None, "docusaurus-doc"))
    return Sections(tuple(items))


def _docusaurus_versions(root: Path) -> list[str]:
    try:
        versions = json.loads((root / "versions.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return []
    return [str(v) for v in versions] if isinstance(versions, list) else []


_SECTIONS = {"astro": _astro_sections, "docusaurus": _docusaurus_sections}
_NUMBER_PREFIX = re.compile(r"^\d+\s*[-_.]+\s*(?=[^-_.\s])")
_DATE_PREFIX = re.compile(r"^\d{2,4}[-_.]\d{1,2}[-_.]\d{1,2}[-_.]")
_BLOG_DATE = re.compile(r"^(.*?)(\d{4})[-/](\d{1,2})[-/](\d{1,2})[-/]?(.*?)(?:/index)?$")


def _unprefixed(name: str) -> str:
    """A Docusaurus file or folder name without its number prefix (`01-intro` is `intro`);
    a date (`2021-01-02-notes`) is no prefix."""
    return name if _DATE_PREFIX.match(name) else _NUMBER_PREFIX.sub("", name)


def _sectioned(layout: Layout, rel: str, summary: dict) -> PageUrls:
    """An Astro or Docusaurus page's URL, by the section it is in."""
    sections = layout.sections or Sections(())
    section = sections.section_of(rel)
    if section is None or section.prefix is None:
        return PageUrls(None, None)
    inner = rel[len(section.folder) + 1 :]
    stem, dot, extension = inner.rpartition(".")
    if not dot or "." + extension.lower() not in PAGE_EXTENSIONS:
        return PageUrls(None, None)
    parts = stem.split("/")
    if any(part.startswith("_") for part in parts):
        return PageUrls(None, None)  # partials and drafts by name, in both generators
    fm = summary["fm"]
    if fm.get("draft") is True:
        return PageUrls(section.kind, None)
    if section.kind == "blog":
        return _docusaurus_post(section, stem, fm)
    if section.kind == "docs":
        return _docusaurus_doc(section, parts, fm)
    return _astro_page(sections, section, parts, fm)


def _astro_page(sections: Sections, section: Section, parts: list[str], fm: dict) -> PageUrls:
    """Astro slugs each folder and file name (github-slugger: lower case, punctuation
    dropped, spaces as hyphens); `index` is its folder; Starlight's `slug` replaces the path."""
    from lint.site.anchors import github

    if parts[-1].lower() == "index":
        parts = parts[:-1]
    segments = [github(part) if section.kind == "starlight" else part for part in parts]
    own = fm.get("slug") if section.kind == "starlight" else None
    if isinstance(own, str):
        segments, source = [own.strip("/")], "slug"
    else:
        source = None
    path = "/".join(s for s in segments if s)
    url = _clean(section.prefix + "/" + path + ("/" if path else ""))
    collection = "/".join(parts[:-1]) or "/"
    fallbacks: tuple[str, ...] = ()
    if section.kind == "starlight" and sections.default_locale:
        default = sections.default_locale
        others = [name for name in sections.locales if name not in (default, "root")]
        if default == "root" and (not parts or parts[0] not in sections.locales):
            fallbacks = tuple(_clean(f"/{name}/{path}/") for name in others)
        elif default != "root" and parts[:1] == [default]:
            rest = path.split("/", 1)[1] if "/" in path else ""
            fallbacks = tuple(_clean(f"/{name}/{rest}/") for name in others)
    return PageUrls(collection, url, source=source, fallbacks=fallbacks)


def _docusaurus_doc(section: Section, parts: list[str], fm: dict) -> PageUrls:
    """A doc's URL: its folders (number prefixes dropped) and its `id` (else its file name
    without number prefix); a file named `index`, `README` or as its folder is the folder's
    page; `slug` replaces the URL, from the docs' route when it starts with `/`, else from
    the doc's folder."""
    folders = [_unprefixed(part) for part in parts[:-1]]
    name = parts[-1]
    folder = "/" + "/".join(folders) + "/" if folders else "/"
    own = fm.get("slug")
    doc_id = fm.get("id")
    if isinstance(own, str) and own.startswith("/"):
        path, source = own, "slug"
    elif not isinstance(own, str) and (
        name.lower() in ("index", "readme") or (parts[:-1] and name == parts[-2])
    ):
        path, source = folder, None
    else:
        base = own if isinstance(own, str) else str(doc_id or _unprefixed(name))
        path = posixpath.normpath(folder + base)
        source = "slug" if isinstance(own, str) else ("id" if doc_id else None)
    url = _clean(section.prefix + "/" + path.strip("/"))
    return PageUrls(section.folder + folder.rstrip("/"), url, source=source)


def _docusaurus_post(section: Section, stem: str, fm: dict) -> PageUrls:
    """A post's URL: `slug`, else the date in its file or folder name as `YYYY/MM/DD/` and the
    rest of the name, else its path (`index` is its folder)."""
    own = fm.get("slug")
    if isinstance(own, str) and own.strip("/"):
        return PageUrls("blog", _clean(f"{section.prefix}/{own.strip('/')}"), source="slug")
    dated = _BLOG_DATE.match(stem)
    if dated:
        folder, year, month, day, text = dated.groups()
        path = f"{year}/{month}/{day}/{folder}{text}"
    else:
        path = stem[: -len("/index")] if stem.endswith("/index") else stem
    return PageUrls("blog", _clean(f"{section.prefix}/{path}"))
