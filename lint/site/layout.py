"""Where a site starts, which generator builds it, and the URL each source file renders to.

Jekyll: pages by their path (`index.md` is its folder), `_posts` by the site's `permalink`
style (`date` by default) and each post's date, slug and categories, other collections by their
`permalink` (`/:collection/:path:output_ext` by default), and a page's own `permalink`.
Hugo: files under the content folder (per language when the site has several) by their path,
`slug` and `url`, `aliases` as more URLs, section folders as list pages. Generic: the path.
"""

from __future__ import annotations

import datetime
import json
import os
import posixpath
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote

import yaml

from lint.schema.resolve import HUGO_CONFIGS, HUGO_MARKERS, JEKYLL_MARKERS, detect

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

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
    generator: str  # "jekyll" | "hugo" | "generic"
    config: dict[str, Any] | None = None  # the generator's config file, when one was read
    base_path: str = ""  # the path part of baseurl / baseURL, without a final slash
    content_dirs: list[tuple[str, str]] = field(default_factory=list)  # Hugo: (dir, url prefix)

    @property
    def configured(self) -> bool:
        return self.config is not None

    @property
    def static_dirs(self) -> list[Path]:
        if self.generator == "hugo":
            return [self.root / "static", *(self.root / d for d, _ in self.content_dirs)]
        return [self.root]


def _load_config(path: Path) -> dict[str, Any] | None:
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".toml":
            data = tomllib.loads(text)
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
    return "generic", None


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
    config = _load_config(config_path) if config_path is not None else None
    layout = Layout(root, generator, config)
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


def page_urls(layout: Layout, rel: str, summary: dict) -> PageUrls:
    if layout.generator == "jekyll":
        return _jekyll(layout, rel, summary)
    if layout.generator == "hugo":
        return _hugo(layout, rel, summary)
    return _generic(rel)


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
