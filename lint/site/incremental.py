"""Site-rule results page by page, with what each depends on, so that a run in which some
pages changed runs the site rules again only for the pages a change can reach.

The results cache keeps, for each page of a site, the site rules' diagnostics on it, the
content hash of the file they were found in, the page's *face* (what the results of other
pages may read of it) and the pages its links with a `#fragment` lead to. A page's face:

- its URLs, whether it renders, the files it includes (`--8<--`) and, for a Hugo section,
  whether its `cascade` stops the pages below it from rendering: a change there can move
  what any link leads to, so the site rules run again over every page;
- its title as ST001 groups it (collection and normalised title);
- its tags and categories as ST003 and ST004 count them (each item's first spelling, with
  its normalised form);
- its anchors (headings, explicit ids, tabs, and whether all are known), which ST006 reads
  for the links that lead to it.

When the site's folders and generator config are as they were and every page is the one
the results were kept for (same path, same file), the site rules run again for the pages
whose file changed, the pages without kept results, the pages with a title a changed page
took or left, the pages using a tag or category whose spellings a changed page took up,
dropped or spelled anew, and the pages linking with a fragment to a changed page whose
anchors changed; the other pages keep their results. When every changed page summarises as
it did (lint.site.run._same_summaries), no page needs them again and the Site is not built.
This holds for the rules that declare it (`SiteRule.incremental`); a run with any other
site rule active builds every page's results again.
"""

from __future__ import annotations

import hashlib
import json

from lint.site.index import Page, Site, firsts, title_key
from lint.site.layout import cascade_no_render

_URLS, _TITLE, _TAGS, _CATEGORIES, _ANCHORS = range(5)


class Record:
    """A page's kept results: its path as shown, the content hash of its file, its face
    (see `face`), the pages its fragment links lead to (relative paths), and its site
    diagnostics as the cache encodes them, without the path (JSON text; None when they were
    not found for the page as it is, which is then checked again when reported). The face
    and links are read from their JSON text when first needed: most runs need few."""

    __slots__ = ("_face", "_kept", "_links", "hash", "path", "rows")

    def __init__(
        self,
        path: str,
        digest: str,
        face: list | None,
        links: list[str] | None,
        rows: str | None,
        kept: str | None = None,
    ) -> None:
        self.path, self.hash, self.rows = path, digest, rows
        self._face, self._links, self._kept = face, links, kept

    def _read(self) -> None:
        self._face, self._links = json.loads(self._kept) or (None, [])

    @property
    def face(self) -> list:
        if self._face is None:
            self._read()
        return self._face

    @property
    def links(self) -> list[str]:
        if self._links is None:
            self._read()
        return self._links

    @property
    def present(self) -> bool:
        """Whether the member is a page of the site (the index could read it)."""
        return self._face is not None if self._kept is None else self._kept != "null"

    def stored(self) -> tuple:
        """The record as the cache keeps it (see lint.cache.Cache.put_site)."""
        if self._kept is not None:
            kept = self._kept
        else:
            kept = json.dumps(None if self._face is None else [self._face, self._links])
        return self.path, self.hash, kept, self.rows


def _digest(value) -> str:
    """A digest of plain data (lists, strings, numbers, booleans, None: `repr` writes them
    one way)."""
    return hashlib.sha256(repr(value).encode("utf-8", "surrogateescape")).hexdigest()[:16]


def face(page: Page) -> list:
    """What the site-rule results of other pages may read of `page`."""
    summary = page.summary
    cascade = page.rel.endswith("_index.md") and cascade_no_render(summary["fm"])
    urls = [repr(page.urls), page.shown, summary.get("snippets"), cascade]
    title = title_key(page)
    anchors = [summary[key] for key in ("headings", "ids", "open_anchors")]
    return [
        _digest(urls),
        None if title is None else list(title),
        sorted(firsts(summary["tags"])),
        sorted(firsts(summary["categories"])),
        _digest([*anchors, summary.get("tabs")]),
    ]


def linked(site: Site, page: Page) -> list[str]:
    """The relative paths of the pages that `page`'s links with a fragment lead to."""
    found = set()
    for url, *_ in page.summary["links"]:
        if "#" in url:
            target = site.resolve(page, url)
            if target is not None and target.page is not None:
                found.add(target.page.rel)
    return sorted(found)


def affected(site: Site, records: dict[str, Record], hashes: dict[str, str]) -> set[str] | None:
    """The relative paths of the pages whose site-rule results must be found again, given the
    kept `records` and the content hash now of each member file of the site (`hashes`, by
    relative path; a member the index cannot read is no page); None when the kept results
    cannot tell (the members are not the same, or a change reaches beyond the keys a face
    holds)."""
    if records.keys() != hashes.keys():
        return None
    todo: set[str] = set()
    titles: set[tuple] = set()
    tags: set[str] = set()
    categories: set[str] = set()
    anchored: set[str] = set()
    for rel, digest in hashes.items():
        record, page = records[rel], site.by_rel.get(rel)
        if record.hash == digest and not record.present:
            continue  # as unreadable to the index as before: no page
        if page is None or not record.present or record.path != page.path:
            return None
        if record.hash == digest:
            if record.rows is None:
                todo.add(rel)
            continue
        old, new = record.face, face(page)
        if old[_URLS] != new[_URLS]:
            return None
        todo.add(rel)
        if old[_TITLE] != new[_TITLE]:
            titles.update(tuple(key) for key in (old[_TITLE], new[_TITLE]) if key is not None)
        tags.update(_moved(old[_TAGS], new[_TAGS]))
        categories.update(_moved(old[_CATEGORIES], new[_CATEGORIES]))
        if old[_ANCHORS] != new[_ANCHORS]:
            anchored.add(rel)
    if not (titles or tags or categories or anchored):
        return todo
    for rel, record in records.items():
        if rel in todo or record.rows is None:
            continue
        mine = record.face
        if (
            (mine[_TITLE] is not None and tuple(mine[_TITLE]) in titles)
            or not tags.isdisjoint(key for _, key in mine[_TAGS])
            or not categories.isdisjoint(key for _, key in mine[_CATEGORIES])
            or not anchored.isdisjoint(record.links)
        ):
            todo.add(rel)
    return todo


def _moved(old: list, new: list) -> set[str]:
    """The normalised items whose spellings a page uses changed (added, dropped, respelled):
    their counts changed for every page using them."""
    return {key for _, key in {tuple(item) for item in old} ^ {tuple(item) for item in new}}


def load(rows: list[tuple]) -> dict[str, Record]:
    """The records of the rows the cache kept (lint.cache.Cache.site_pages)."""
    return {
        rel: Record(path, digest, None, None, diagnostics, kept)
        for rel, path, digest, kept, diagnostics in rows
    }
