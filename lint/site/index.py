"""The Site: every document's summary and URLs, and what a link leads to."""

from __future__ import annotations

import os
import posixpath
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import PurePosixPath
from typing import NamedTuple
from urllib.parse import unquote, urljoin, urlsplit

from lint.discover import ignored_by_git
from lint.schema.compile import normalise as _normalise
from lint.site.anchors import STYLES, anchors, pymdownx
from lint.site.layout import (
    PAGE_EXTENSIONS,
    Layout,
    PageUrls,
    cascade_no_render,
    output_key,
    page_urls,
    url_key,
)

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# The files that stand for their folder, in the order they are looked for.
_FOLDER_PAGES = ("index.md", "README.md", "_index.md", "index.markdown", "index.html", "index.mdx")
_POST_TAIL = re.compile(r"(/\d{4}/\d{2}/\d{2}/[^/]+)$")
# Pages generators write without a source file.
_GENERATED = re.compile(
    r"^/$|^/(?:(?:feed|atom|rss|index|sitemap)\.xml|robots\.txt|404(?:\.html)?|search(?:\.json)?"
    r"|page/?\d+|tags?|categories|category)(?:/.*)?$",
    re.IGNORECASE,
)
# Pages a docs or blog section writes under its route without a source file (Docusaurus).
_SECTION_GENERATED = re.compile(r"^/(?:tags?|archive|authors|page/?\d+)(?:/.*)?$", re.IGNORECASE)


def _path_and_fragment(url: str) -> tuple[str | None, str]:
    """The path and fragment urlsplit finds in a URL without scheme or authority; None for
    the path when urlsplit refuses it. Most links hold only printable characters, which
    urlsplit neither strips nor removes: for those, splitting at `#` and `?` is the same."""
    if url.isprintable():
        path, _, fragment = url.partition("#")
        return path.partition("?")[0], fragment
    try:
        parts = urlsplit(url)
    except ValueError:
        return None, ""
    return parts.path, parts.fragment


def _join(folder: str, path: str) -> str:
    """posixpath.join(folder, path) for a relative `path`, as plain string work."""
    return folder + path if not folder or folder.endswith("/") else f"{folder}/{path}"


# where urlparse finds a scheme, parameters, a query or a fragment
_URL_DELIMITERS = frozenset(":;?#")


def _url_join(base: str, path: str) -> str:
    """urljoin(base, path) for a site path `base` and a relative `path`, in plain string work:
    RFC 3986's dot segments resolved as urljoin resolves them. What urlparse would split off
    or clean (an authority, a scheme, parameters, a query, a fragment, blanks and control
    characters) is left to urljoin."""
    both = base + path
    if (
        not base.startswith("/")
        or base.startswith("//")
        or not path
        or path[0] in "/ "
        or not both.isprintable()
        or not _URL_DELIMITERS.isdisjoint(both)
    ):
        return urljoin(base, path)
    segments = base.split("/")[:-1] + path.split("/")  # the base's last segment is no folder
    segments[1:-1] = filter(None, segments[1:-1])  # no empty segment but at the ends
    resolved: list[str] = []
    for segment in segments:
        if segment == "..":
            if resolved:
                resolved.pop()
        elif segment != ".":
            resolved.append(segment)
    if segments[-1] in (".", ".."):
        resolved.append("")  # a path that ends in a folder keeps its final slash
    return "/".join(resolved) or "/"


# Hyphens and dashes, which the front-matter normaliser leaves alone, as one hyphen.
_DASHES = str.maketrans(
    dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-")
)


@lru_cache(maxsize=1 << 16)  # a site's titles and tags, met again at each run of a server
def normalise(value: str) -> str:
    """The form two tags or titles are compared in: FM105's (case-folded, NFKC, straight
    quotes, one space), with dashes as hyphens."""
    # the dashes are not ASCII: most values have none to translate
    return _normalise(value if value.isascii() else value.translate(_DASHES))


def firsts(items) -> Iterator[tuple[str, str]]:
    """Each item's spelling and normalised form, the first time the form occurs."""
    seen: set[str] = set()
    for item in items:
        key = normalise(item[0])
        if key not in seen:
            seen.add(key)
            yield item[0], key


def title_key(page: Page) -> tuple[str | None, str] | None:
    """What ST001 groups a page by: its collection and normalised title (None for a page
    that renders to nothing or has no title)."""
    title = page.title if page.url is not None else None
    return None if title is None else (page.urls.collection, normalise(title))


def outputs(page: Page) -> Iterator[tuple[str, str, str | None]]:
    """The files a page is written to (see output_key), each once: its URL's, then its
    aliases' ("aliases"), with the URL that names it."""
    seen = set()
    for url, how in ((page.url, None), *((a, "aliases") for a in page.urls.aliases)):
        key = output_key(url)
        if key not in seen:
            seen.add(key)
            yield key, url, how


_VOCABULARIES = ("tags", "categories")


class Groups:
    """What the grouping rules (ST001-ST004) look pages up in: the rendered pages by title
    (title_key), the URLs by the file they are written to (outputs), and each vocabulary's
    items by normalised form with how many pages use each spelling (a page counts with the
    first spelling of each item). Groups of pages keep the site's order (by relative path)."""

    def __init__(self, pages: Iterable[Page]) -> None:
        self.titles: dict[tuple, list[Page]] = {}
        self.outputs: dict[str, list[tuple[Page, str, str | None]]] = {}
        self.spellings: dict[str, dict[str, Counter[str]]] = {f: {} for f in _VOCABULARIES}
        for page in pages:
            self.add(page)

    def add(self, page: Page) -> None:
        key = title_key(page)
        if key is not None:
            _insert(self.titles.setdefault(key, []), page, page.rel)
        for key, url, how in outputs(page) if page.url is not None else ():
            _insert(self.outputs.setdefault(key, []), (page, url, how), page.rel)
        for field, spellings in self.spellings.items():
            for value, key in firsts(page.summary[field]):
                spellings.setdefault(key, Counter())[value] += 1

    def remove(self, page: Page) -> None:
        key = title_key(page)
        if key is not None:
            _drop(self.titles, key, lambda other: other is page)
        for key, _, _ in outputs(page) if page.url is not None else ():
            _drop(self.outputs, key, lambda entry: entry[0] is page)
        for field, spellings in self.spellings.items():
            for value, key in firsts(page.summary[field]):
                counts = spellings[key]
                counts[value] -= 1
                if not counts[value]:
                    del counts[value]
                    if not counts:
                        del spellings[key]


def _insert(group: list, item, rel: str) -> None:
    """Put `item` of the page at `rel` in its place in a group in the site's order."""
    if not group or _rel(group[-1]) < rel:
        group.append(item)
    else:
        group.insert(bisect_right(group, rel, key=_rel), item)


def _rel(item) -> str:
    return (item[0] if isinstance(item, tuple) else item).rel


def _drop(groups: dict, key, match) -> None:
    group = [item for item in groups[key] if not match(item)]
    if group:
        groups[key] = group
    else:
        del groups[key]


_EMOJI = re.compile(r":[\w+-]+:")
_MARKDOWN_FILE = re.compile(r"\.(?:md|markdown|mdown|mkdn?|mkd)$", re.IGNORECASE)


def _tab_ids(tabs, headings: list, tab_style: str | None, style: str) -> list[str]:
    """The ids pymdownx.tabbed gives a page's tabs when it slugifies their titles (with the
    heading above each tab first, under `combine_header_slug`). Numbered ids
    (`__tabbed_1_2`) are not made: ST006 leaves them alone."""
    if not tabs or tab_style not in ("slug", "combined"):
        return []
    ids = []
    lines = [heading[2] for heading in headings]
    for title, line in tabs:
        slug = pymdownx(title)
        above = bisect_left(lines, line) - 1
        if tab_style == "combined" and above >= 0:
            text, explicit, *_ = headings[above]
            slug = f"{explicit or STYLES[style](text)}-{slug}"
        ids.append(slug)
    return ids


def _has_symbol(text: str) -> bool:
    return not text.isascii() and any(unicodedata.category(c) == "So" for c in text)


@dataclass
class Page:
    """One document of the site."""

    path: str  # as reported (relative to the current folder)
    rel: str  # relative to the site root, with `/`
    summary: dict
    urls: PageUrls
    reported: bool  # whether its diagnostics are wanted in this run

    def __post_init__(self) -> None:
        # the folder its relative links start from (an attribute: Python 3.11's
        # cached_property takes a lock, which costs more than computing it for every page)
        self.folder = posixpath.dirname(self.rel)
        self.shown = True  # not in a section whose pages do not render

    @property
    def url(self) -> str | None:
        return self.urls.url

    @property
    def fm(self) -> dict:
        return self.summary["fm"]

    @property
    def title(self) -> str | None:
        title = self.fm.get("title")
        return title if isinstance(title, str) and title.strip() else None


@dataclass(frozen=True)
class Target:
    """What a link leads to. `kind`: page (a document), file (a file on disk), unknown (the
    site cannot tell: generated pages, folders the checkout lacks) or missing."""

    kind: str
    page: Page | None = None
    fragment: str = ""

    def at(self, fragment: str) -> Target:
        """This target with a fragment (itself when that is its own: most links have none,
        and a frozen dataclass is slow to make)."""
        return self if fragment == self.fragment else Target(self.kind, self.page, fragment)


MISSING = Target("missing")
UNKNOWN = Target("unknown")


class _PerPage(NamedTuple):
    """A link whose target the page it is written in decides, not only the page's folder: an
    empty path (the page itself), a Zola content path, or a relative path that names no
    source file (then the page's URL is the base). `source`: that relative path from the
    page's folder, normalised ("" for the others)."""

    path: str
    fragment: str
    source: str


_UNSEEN = object()  # not resolved yet (None is a result)


class Site:
    def __init__(
        self,
        layout: Layout,
        pages: Iterable[tuple[str, str, dict, bool]],
        known: dict[str, Page] | None = None,
    ) -> None:
        """The site of its pages: (path as shown, path relative to the root, summary,
        reported). `known` holds the Pages of an earlier Site of the same layout, by relative
        path, and receives this one's: a page whose entry is the same (the very summary) is
        not made again."""
        self.layout = layout
        items = sorted(pages, key=lambda item: item[1])
        self._hidden = self._hidden_sections(items)
        self._known = {} if known is None else known
        self.pages: list[Page] = []
        for path, rel, summary, reported in items:
            page = self._known.get(rel)
            if not self._same(page, path, summary, reported):
                page = self._page(path, rel, summary, reported)
            self.pages.append(page)
        self.reported = [page for page in self.pages if page.reported]
        self._groups: Groups | None = None
        self.by_rel = {page.rel: page for page in self.pages}
        self.by_url: dict[str, list[Page]] = {}
        self.post_tails: dict[str, Page] = {}
        for page in self.pages:
            for url in (page.url, *page.urls.aliases) if page.url else ():
                self.by_url.setdefault(url_key(url), []).append(page)
            if page.urls.collection == "posts" and page.url:
                tail = _POST_TAIL.search(url_key(page.url))
                if tail:
                    self.post_tails[tail[1]] = page
        for page in self.pages:  # where no page has the URL, a page shown in its place
            for url in page.urls.fallbacks if page.url else ():
                self.by_url.setdefault(url_key(url), [page])
        self.sections: set[str] = set()
        if layout.generator == "hugo":
            for page in self.pages:
                if page.url:
                    parts = page.url.strip("/").split("/")
                    for depth in range(len(parts)):
                        self.sections.add(url_key("/" + "/".join(parts[:depth])))
        self._exists: dict[str, bool] = {}
        self._assets: dict[str, bool] = {}
        self._gitignores: dict = {}  # .gitignore patterns by folder
        self.made_sources, self.made_urls = self._made_by_plugins()
        self.hosts = self._snippet_hosts()
        # what links lead to, by (folder, URL), by (page, URL), by site path and by source
        # path: several rules resolve the same links, and many pages link to the same places
        self._in_folder: dict[tuple[str, str], Target | _PerPage | None] = {}
        self._in_page: dict[tuple[str, str], Target] = {}
        self._site_paths: dict[str, Target | None] = {}
        self._source_paths: dict[str, Target | None] = {}

    def _same(self, page: Page | None, path: str, summary: dict, reported: bool) -> bool:
        """Whether a known page is the one of this entry."""
        return (
            page is not None
            and page.summary is summary
            and (page.path, page.reported, page.shown)
            == (path, reported, not page.rel.startswith(self._hidden))
        )

    def _page(self, path: str, rel: str, summary: dict, reported: bool) -> Page:
        """The page of an entry, made now (and known from now on)."""
        shown = not rel.startswith(self._hidden)
        urls = page_urls(self.layout, rel, summary)
        if not shown:
            urls = PageUrls(urls.collection, None)
        page = self._known[rel] = Page(path, rel, summary, urls, reported)
        page.shown = shown
        return page

    def update(self, pages: Iterable[tuple[str, str, dict, bool]]) -> bool:
        """Take new entries (see __init__) for some pages, every page reported now among
        them: each page whose entry changed is made again and put in the place of the one it
        replaces, in the pages and in every index. A change that reaches beyond its own page
        (a page added, a page reported before that has no entry now, a page's URLs, a
        section's `cascade`, the files a page includes) cannot be made so: then nothing
        changes and the answer is False, for the Site to be built again."""
        changed = []
        named = set()
        for path, rel, summary, reported in pages:
            named.add(rel)
            page = self.by_rel.get(rel)
            if page is None:
                return False
            if page.summary is summary and page.path == path and page.reported == reported:
                continue  # the same page (its section is as hidden as it was: see below)
            if summary.get("snippets") != page.summary.get("snippets") or (
                rel.endswith("/_index.md")
                and cascade_no_render(summary["fm"]) != cascade_no_render(page.summary["fm"])
            ):
                return False
            urls = page_urls(self.layout, rel, summary)
            if not page.shown:
                urls = PageUrls(urls.collection, None)
            if urls != page.urls:
                return False
            changed.append((page, (path, rel, summary, reported)))
        if not named.issuperset(page.rel for page in self.reported):
            return False
        for old, entry in changed:
            self._replace(old, self._page(*entry))
        if changed:
            self.reported = [page for page in self.pages if page.reported]
        return True

    def _replace(self, old: Page, new: Page) -> None:
        """Put `new` in the place of `old`, a page of the same path and URLs."""
        self.pages[bisect_left(self.pages, old.rel, key=lambda page: page.rel)] = new
        self.by_rel[old.rel] = new
        for url in (old.url, *old.urls.aliases, *old.urls.fallbacks) if old.url else ():
            group = self.by_url.get(url_key(url), ())
            group[:] = [new if page is old else page for page in group]
        for mapping in (self.post_tails, self.hosts):
            for key, page in mapping.items():
                if page is old:
                    mapping[key] = new
        if self._groups is not None:
            self._groups.remove(old)
            self._groups.add(new)
        # what links lead to is found again where it is the page replaced; the rest stays,
        # as the paths and URLs of the pages do
        for found in (self._in_folder, self._in_page, self._site_paths, self._source_paths):
            for key in [
                key for key, target in found.items() if getattr(target, "page", None) is old
            ]:
                del found[key]

    @property
    def groups(self) -> Groups:
        """The pages grouped as the grouping rules compare them, made when first asked for
        and kept up to date by `update`."""
        if self._groups is None:
            self._groups = Groups(self.pages)
        return self._groups

    @staticmethod
    def _hidden_sections(items) -> tuple[str, ...]:
        """Hugo sections whose `cascade` keeps their pages from rendering."""
        return tuple(
            rel[: -len("_index.md")]
            for _, rel, summary, _ in items
            if rel.endswith("/_index.md") and cascade_no_render(summary["fm"])
        )

    def _made_by_plugins(self) -> tuple[set[str], set[str]]:
        """The source paths and URL keys of the pages an MkDocs `nav` names that the docs
        folder does not hold: a plugin makes them when the site is built (gen-files,
        coverage reports)."""
        mkdocs = self.layout.mkdocs
        nav = mkdocs.nav_pages if mkdocs is not None else None
        sources: set[str] = set()
        urls: set[str] = set()
        for path in nav or ():
            rel = path if mkdocs.docs_dir == "." else f"{mkdocs.docs_dir}/{path}"
            if rel in self.by_rel or rel.startswith("../") or self.exists(rel):
                continue
            sources.add(rel)
            url = page_urls(self.layout, rel, {}).url
            if url:
                urls.add(url_key(url))
        return sources, urls

    def _snippet_hosts(self) -> dict[str, Page]:
        """For an MkDocs site with `pymdownx.snippets`: each document outside the docs
        folder that a page includes (`--8<-- "CHANGELOG.md"`), with the first page that
        does. The included text is that page's: its links lead from there."""
        mkdocs = self.layout.mkdocs
        bases = mkdocs.snippet_bases if mkdocs is not None else None
        hosts: dict[str, Page] = {}
        for page in self.pages if bases else ():
            if mkdocs.in_docs(page.rel) is None:
                continue
            for name in page.summary.get("snippets", ()):
                for base in bases:
                    rel = posixpath.normpath(posixpath.join(base, name))
                    if rel in self.by_rel:
                        if mkdocs.in_docs(rel) is None:
                            hosts.setdefault(rel, page)
                        break
        return hosts

    @cached_property
    def post_names(self) -> set[str]:
        """The names Jekyll's `post_url` accepts: each post's file name without its
        extension, alone and with the folders between `_posts` and it, with and without the
        extension. (Made once: `update` changes no page's path.)"""
        names = set()
        for page in self.pages:
            parts = page.rel.split("/")
            if "_posts" not in parts[:-1]:
                continue
            inner = "/".join(parts[parts.index("_posts") + 1 :])
            stem = posixpath.splitext(inner)[0]
            names.update({inner, stem, posixpath.basename(stem), parts[-1]})
            prefix = "/".join(parts[: parts.index("_posts")])
            if prefix:
                names.update({f"{prefix}/{stem}", f"{prefix}/{inner}"})
        return names

    # --- files on disk ---------------------------------------------------------------------

    def exists(self, rel: str) -> bool:
        """Whether a file or folder exists at `rel` under the site root."""
        if rel not in self._exists:
            self._exists[rel] = os.path.exists(os.path.join(self.layout.root, rel))
        return self._exists[rel]

    def _file(self, rel: str) -> bool:
        rel = posixpath.normpath(rel).lstrip("/")
        return not rel.startswith("..") and rel not in ("", ".") and self.exists(rel)

    def _static(self, site_path: str) -> bool:
        """Whether a site path (`/img/a.png`) is a static file of the site."""
        rel = site_path.lstrip("/")
        return any(self._file(base + rel) for base in self.layout.asset_bases)

    def _folder_has_assets(self, site_path: str) -> bool:
        """Whether the folder a site path points into holds any file that is not a document
        anywhere the site keeps files. When none does, the checkout lacks the site's assets
        there (copied in by a theme or a build step, or left out of the repository)."""
        folder = posixpath.dirname(site_path.rstrip("/")).lstrip("/")
        bases = self.layout.asset_bases
        return any(self._assets_in((base + folder).rstrip("/")) for base in bases)

    def _assets_in(self, rel: str) -> bool:
        if rel not in self._assets:
            try:
                with os.scandir(os.path.join(self.layout.root, rel)) as entries:
                    self._assets[rel] = any(
                        entry.is_file()
                        and PurePosixPath(entry.name).suffix.lower() not in PAGE_EXTENSIONS
                        for entry in entries
                    )
            except OSError:
                self._assets[rel] = False
        return self._assets[rel]

    # --- links -----------------------------------------------------------------------------

    def resolve(self, page: Page, url: str) -> Target | None:
        """What a link written in `page` leads to; None for links that leave the site or
        that a template builds."""
        page = self.hosts.get(page.rel, page)
        # Most links lead to the same place from every page of a folder: they are resolved
        # once per (folder, URL); the rest once per (page, URL).
        key = (page.folder, url)
        found = self._in_folder.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = self._in_folder[key] = self._resolve_in_folder(page.folder, url)
        if not isinstance(found, _PerPage):
            return found
        key = (page.rel, url)
        if key not in self._in_page:
            self._in_page[key] = self._resolve_in_page(page, found)
        return self._in_page[key]

    def _resolve_in_folder(self, folder: str, url: str) -> Target | _PerPage | None:
        """What a link written in a page of `folder` leads to, or what the page's own path or
        URL must decide."""
        url = url.strip()
        if not url or "{{" in url or "{%" in url or url.startswith("//") or _SCHEME.match(url):
            return None
        path, fragment = _path_and_fragment(url)
        if path is None:
            return None
        path = unquote(path)
        if not path or path.startswith("@/"):  # the page itself; a Zola content path
            return _PerPage(path, fragment, "")
        if path.startswith("/"):
            found = self._site_path(path)
            if found is not None:
                return found.at(fragment)
            if self.layout.generator == "generic":
                if self.exists(path.lstrip("/")):
                    return Target("file", None, fragment)
                top = path.lstrip("/").split("/", 1)[0]
                if top and not self.exists(top):
                    return UNKNOWN  # served under a prefix, or by a tool mdvet does not know
                if not PurePosixPath(path).suffix:
                    return UNKNOWN  # a page URL, in a URL scheme mdvet does not know
            return self._unknown_or_missing(path, fragment)
        # relative: to the source file, or (below) to the page's URL
        source = posixpath.normpath(_join(folder, path))
        found = self._source_path(source)
        if found is not None:
            return found.at(fragment)
        return _PerPage(path, fragment, source)

    def _resolve_in_page(self, page: Page, link: _PerPage) -> Target:
        """What a link leads to that `_resolve_in_folder` left to the page."""
        path, fragment, source = link
        if not path:
            return Target("page", page, fragment)
        if path.startswith("@/"):  # Zola: a path from the content folder
            return self._content_path(page, path[2:], fragment)
        if source.startswith("../") and os.path.exists(
            os.path.join(self.layout.root, page.rel, "..", path)
        ):
            return Target("file", None, fragment)  # outside the site root
        if not source.startswith("../") and ignored_by_git(
            self.layout.root, source, self._gitignores
        ):
            return UNKNOWN  # a build step writes it where the repository keeps nothing
        if self.layout.mkdocs is not None and _MARKDOWN_FILE.search(path):
            # MkDocs reads a link to a Markdown file as a source path only
            return Target("missing", None, fragment)
        if page.url:
            bases = [page.url]
            if self.layout.either_slash and not page.url.endswith("/"):
                # the permalink style is a guess, or the generator serves both forms: the
                # page may be `/a/b/` as well as `/a/b.html` or `/a/b`
                bases.append(page.url.rsplit(".", 1)[0] + "/")
            for base in bases:
                joined = _url_join(self.layout.base_path + base, path)
                found = self._site_path(joined)
                if found is not None:
                    return found.at(fragment)
            if self.layout.generator == "hugo":
                # Hugo's link render hooks and GetPage also look a path up from the root
                found = self._site_path("/" + path)
                if found is not None:
                    return found.at(fragment)
        if not PurePosixPath(path).suffix and (
            self.layout.generator == "generic" or "/" not in path
        ):
            # an extensionless link that is no page (`glossary`, or a bare `g`) is a URL that
            # something mdvet cannot see makes (a render hook, a router): not judged
            return UNKNOWN
        if page.url:
            return self._unknown_or_missing(
                _url_join(self.layout.base_path + page.url, path), fragment
            )
        return self._unknown_or_missing("/" + source, fragment)

    def _content_path(self, page: Page, rel: str, fragment: str) -> Target:
        parts = page.rel.split("/")
        if "content" not in parts[:-1]:
            return UNKNOWN
        last = len(parts) - 1 - parts[::-1].index("content")  # the nearest content folder
        found = self._source_path("/".join([*parts[: last + 1], rel]))
        return found.at(fragment) if found else Target("missing", None, fragment)

    def _unknown_or_missing(self, path: str, fragment: str) -> Target:
        bare = path[len(self.layout.base_path) :] if self._has_base(path) else path
        suffix = PurePosixPath(bare).suffix.lower()
        if _GENERATED.match(bare) or self._generated_in_section(bare):
            return UNKNOWN
        if suffix and suffix not in PAGE_EXTENSIONS and not self._folder_has_assets(bare):
            return UNKNOWN
        return Target("missing", None, fragment)

    def _generated_in_section(self, path: str) -> bool:
        """Whether a path is a page a section writes without a source (Docusaurus's
        `/blog/tags/…`, `/blog/archive`, `/blog/page/2`, `/docs/tags/…`)."""
        sections = self.layout.sections
        if sections is None:
            return False
        return any(
            s.prefix
            and path.startswith(s.prefix + "/")
            and _SECTION_GENERATED.match(path[len(s.prefix) :])
            for s in sections.items
        )

    def _has_base(self, path: str) -> bool:
        base = self.layout.base_path
        return bool(base) and (path == base or path.startswith(base + "/"))

    def _site_path(self, path: str) -> Target | None:
        if path not in self._site_paths:
            self._site_paths[path] = self._find_site_path(path)
        return self._site_paths[path]

    def _find_site_path(self, path: str) -> Target | None:
        if self._has_base(path):
            path = path[len(self.layout.base_path) :] or "/"
        key = url_key(path)
        pages = self.by_url.get(key)
        if pages:
            return Target("page", pages[0])
        if key in self.made_urls:
            return UNKNOWN
        if self._static(path) or key in self.sections:
            return Target("file")
        if self.layout.generator == "generic" or not self.layout.configured:
            # without the generator's config the URL scheme is a guess: a source path, or a
            # post's date and slug under any prefix, are taken as meant
            found = self._source_path(path.lstrip("/"))
            if found is not None:
                return found
            tail = _POST_TAIL.search(key)
            if tail and tail[1] in self.post_tails:
                return Target("page", self.post_tails[tail[1]])
        return None

    def _source_path(self, rel: str) -> Target | None:
        if rel not in self._source_paths:
            self._source_paths[rel] = self._find_source_path(rel)
        return self._source_paths[rel]

    def _find_source_path(self, rel: str) -> Target | None:
        rel = rel.rstrip("/") or "."
        page = self.by_rel.get(rel)
        if page is not None:
            return Target("page", page)
        for name in _FOLDER_PAGES:
            page = self.by_rel.get(f"{rel}/{name}")  # posixpath.join's: `rel` has no final /
            if page is not None:
                return Target("page", page)
        if self.layout.generator == "hugo":  # GetPage and Hugo's link hooks: a path without .md
            page = self.by_rel.get(rel + ".md")
            if page is not None:
                return Target("page", page)
        if self._file(rel):
            return Target("file")
        if rel in self.made_sources:
            return UNKNOWN
        return None

    # --- anchors ---------------------------------------------------------------------------

    @cached_property
    def default_anchor_style(self) -> str:
        """GitHub style, as Hugo (goldmark) and Jekyll's default kramdown GFM input make
        them; kramdown style when a Jekyll site sets `kramdown: {input: kramdown}`; for MkDocs,
        Python-Markdown's (see MkDocs.anchor_style); any style for a plain site, whose
        generator is unknown."""
        if self.layout.mkdocs is not None:
            return self.layout.mkdocs.anchor_style
        if self.layout.generator == "generic":
            return "any"
        kramdown = (self.layout.config or {}).get("kramdown")
        if (
            self.layout.generator == "jekyll"
            and isinstance(kramdown, dict)
            and str(kramdown.get("input", "GFM")).lower() == "kramdown"
        ):
            return "kramdown"
        return "github"

    def anchors_of(self, page: Page, style: str) -> Anchors | None:
        """The anchors a page has in a style ("any": every style); None when the page's
        headings cannot all be known (templated headings, included content)."""
        summary = page.summary
        if summary["open_anchors"]:
            return None
        styles = ("github", "kramdown", "slug") if style == "any" else (style,)
        if "slug" in styles and any(_has_symbol(text) for text, *_ in summary["headings"]):
            return None  # slug generators spell emoji out ("crab"), in words mdvet lacks
        headings, ids = summary["headings"], summary["ids"]
        mkdocs = self.layout.mkdocs
        if mkdocs is not None:
            if mkdocs.emoji:  # `:smile:` renders as an image, which the toc leaves out
                headings = [[_EMOJI.sub("", text), *rest] for text, *rest in headings]
            ids = ids + _tab_ids(summary.get("tabs", ()), headings, mkdocs.tab_style, styles[0])
        return Anchors(headings, ids, styles)


class Anchors:
    """A page's explicit ids and its headings' anchors in some styles. A style's anchors are
    made when a lookup first needs them: most links name an anchor of the first style."""

    def __init__(self, headings: list, ids: list[str], styles: tuple[str, ...]) -> None:
        self._headings = headings
        self._styles = list(styles)  # those not made yet
        self._found = set(ids)

    def _make_next(self) -> None:
        self._found |= anchors(self._headings, self._styles.pop(0))

    def __contains__(self, anchor: str) -> bool:
        while anchor not in self._found and self._styles:
            self._make_next()
        return anchor in self._found

    def all(self) -> set[str]:
        while self._styles:
            self._make_next()
        return self._found
