"""Build the Site of each site from its summaries, run the site rules, apply their fixes."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from lint.cache import decode as decode_row
from lint.cache import encode
from lint.engine import INTERNAL_ERROR
from lint.model import Diagnostic
from lint.settings import Settings
from lint.site import run_site, site_rules, with_snippets
from lint.site.index import Page, Site
from lint.site.layout import load_layout
from lint.source import BOM, UndecodableError, decode


def build_site(
    root: Path,
    members: list,
    summary_of: Callable,
    shown: dict[str, str],
    settings: Settings,
    known: dict | None = None,
    kept: Site | None = None,
) -> Site:
    """The Site at `root` of its member files (lint.runner.File) that have a summary;
    `shown` holds the checked files (its reported pages) by absolute path; `known`, the
    pages of the site built before (see Site). A site `kept` from an earlier run, while the
    members' files on disk stay as they were read, is brought up to date in place when it
    can be (see Site.update): only its pages reported then or now can have changed."""
    prefix = os.path.join(str(root), "")

    def entries(files: list) -> Iterator[tuple[str, str, dict, bool]]:
        for file in files:
            summary = summary_of(file)
            if summary is None:
                continue
            # members lie under the root: their path relative to it is a slice of the string
            rel = file.absolute[len(prefix) :].replace(os.sep, "/")
            yield shown.get(file.absolute, file.shown), rel, summary, file.absolute in shown

    if kept is not None:
        before = {prefix + page.rel.replace("/", os.sep) for page in kept.reported}
        changed = [file for file in members if file.absolute in shown or file.absolute in before]
        if kept.update(entries(changed)):
            return kept
    return Site(load_layout(root, settings.generator), entries(members), known)


def _kept_results(
    site: Site,
    rules: list,
    settings: Settings,
    read: Callable[[Page], str | None],
    store,
    root: str,
    key: str,
    frame: str | None,
    hashes: dict[str, str],
) -> list[Diagnostic]:
    """The site rules' diagnostics on the reported pages of `site`, kept in the cache
    (`store`) under the site's `key` and, with `frame`, page by page: the pages whose kept
    results still hold are not checked again (lint.site.incremental). `hashes` holds the
    content hash of each member file of the site, by relative path."""
    from lint.site import incremental

    tracked = frame is not None and all(active.rule.incremental for active in rules)
    records = None
    if tracked:
        rows = store.site_pages(root, frame)
        records = incremental.load(rows) if rows else None
    reported = site.reported
    try:
        todo = incremental.affected(site, records, hashes) if records else None
        if todo is not None:
            kept = _kept_rows(records, [page for page in reported if page.rel not in todo])
    except _UNREADABLE:  # kept results that cannot be read
        todo = None
    if todo is not None:
        site.reported = [page for page in reported if page.rel in todo]
        found = run_site(site, rules, settings, read)
        if any(d.code == INTERNAL_ERROR for d in found):  # a crash may reach every page
            todo = None
    if todo is None:
        site.reported = reported
        found = run_site(site, rules, settings, read)
    checked = {page.rel for page in site.reported}
    site.reported = reported
    if not tracked:
        store.put_site(root, key, found)
        return found
    by_path: dict[str, list] = {}
    for d in found:
        by_path.setdefault(d.path, []).append(encode(d))
    changed = site.pages if todo is None else [site.by_rel[rel] for rel in todo]
    now = {
        page.rel: incremental.Record(
            page.path,
            hashes.get(page.rel, ""),
            incremental.face(page),
            incremental.linked(site, page) if page.rel in checked else [],
            json.dumps(by_path.get(page.path, [])) if page.rel in checked else None,
        )
        for page in changed
    }
    if todo is None:  # the members the index cannot read are no pages
        for rel, digest in hashes.items():
            if rel not in site.by_rel:
                now[rel] = incremental.Record("", digest, None, None, None)
    else:
        found += kept
        found.sort()
    pages = {rel: record.stored() for rel, record in now.items()}
    store.put_site(root, key, found, frame, pages, every=todo is None)
    return found


# what reading kept results that are not as written (a damaged store) raises
_UNREADABLE = (ValueError, TypeError, KeyError, IndexError)


class _Kept(NamedTuple):
    path: str
    rel: str


def _kept_rows(records: dict, pages: list) -> list[Diagnostic]:
    """The kept site diagnostics of `pages` (with a `path` and a `rel`)."""
    found = []
    for page in pages:
        rows = records[page.rel].rows
        if rows != "[]":
            found += [decode_row(page.path, row) for row in json.loads(rows)]
    return found


def _same_summaries(
    root: Path,
    members: list,
    shown: dict[str, str],
    summary_of: Callable,
    store,
    key: str,
    frame: str | None,
    hashes: dict[str, str],
    read: Callable[[str], str | None],
) -> list[Diagnostic] | None:
    """The site rules' diagnostics on the reported members of the site at `root` when every
    member that changed since its results were kept page by page summarises as it did (the
    edit touched only text no site rule reads): the kept ones, with the snippets of the
    changed pages read again from their text (`read`, by absolute path). Kept in the cache
    (`store`) as `_kept_results` keeps them. None when some member is not so: then the Site
    is built. `hashes` holds the members' content hashes by real path."""
    from lint.site import incremental

    rows = store.site_pages(str(root), frame) if frame is not None else None
    if not rows:
        return None
    records = incremental.load(rows)
    if len(records) != len(members):
        return None
    prefix = os.path.join(str(root), "")
    now, found, reported = {}, [], []
    for file in members:
        rel = file.absolute[len(prefix) :].replace(os.sep, "/")
        record, digest = records.get(rel), hashes.get(file.real)
        path = shown.get(file.absolute, file.shown)
        if record is None or digest is None or (record.present and record.path != path):
            return None
        if record.hash != digest:
            summary = summary_of(file)
            if not record.present or summary is None:
                return None
            if record.rows is None and file.absolute in shown:
                return None
            if summary != store.kept_summary(file.real, record.hash):
                return None
            kept = json.loads(record.rows) if record.rows is not None else ()
            again = with_snippets((decode_row(path, row) for row in kept), read(file.absolute))
            rows = None if record.rows is None else json.dumps([encode(d) for d in again])
            now[rel] = incremental.Record(path, digest, None, None, rows, record.stored()[2])
            if file.absolute in shown:
                found += again
            continue
        if file.absolute in shown and record.present:
            if record.rows is None:
                return None
            reported.append(_Kept(path, rel))
    found += _kept_rows(records, reported)
    found.sort()
    pages = {rel: record.stored() for rel, record in now.items()}
    store.put_site(str(root), key, found, frame, pages)
    return found


def linking_to_removed(
    root: Path, members: list, summary_of: Callable, removed: dict[str, dict], settings: Settings
) -> set[str]:
    """The absolute paths of the members (lint.runner.File) with a link that led to one of
    the `removed` pages (absolute path -> its summary as it was): the links are resolved in
    the site as it was, with those pages in it."""
    prefix = os.path.join(str(root), "")
    gone = {
        path[len(prefix) :].replace(os.sep, "/"): summary
        for path, summary in removed.items()
        if path.startswith(prefix)
    }
    if not gone:
        return set()
    entries = [(rel, rel, summary, False) for rel, summary in gone.items()]
    for file in members:
        rel = file.absolute[len(prefix) :].replace(os.sep, "/")
        summary = summary_of(file)
        if summary is not None and rel not in gone:
            entries.append((file.absolute, rel, summary, True))
    before = Site(load_layout(root, settings.generator), entries)
    found = set()
    for page in before.reported:
        for url, *_ in page.summary["links"]:
            target = before.resolve(page, url)
            if target is not None and target.page is not None and target.page.rel in gone:
                found.add(page.path)
                break
    return found


def check_sites(
    sites,
    summary_of,
    files,
    diagnostics,
    settings,
    outcome,
    texts,
    *,
    fix=False,
    unsafe=False,
    store=None,
    keys=None,
    frames=None,
    hashes=None,
    buffers=None,
    pages=None,
    kept=None,
) -> list[Diagnostic]:
    """The per-file diagnostics plus the site rules' (fixed first, with `fix`). `sites` holds
    each root's member files, `files` the checked ones (lint.runner.File), `summary_of` gives
    a member's summary. A site whose key (`keys`) the cache (`store`) holds the results for
    is not built: its results come from the cache; one whose `frames` (see
    lint.runner._site_frame) the cache holds its results page by page for runs the site rules
    only for the pages a change can reach (lint.site.incremental), given each member's
    content hash (`hashes`, by real path). `buffers` holds the content of checked
    files that stands in for what is on disk (standard input), by path; `pages`, the pages of
    the sites built before, by root (see Site), and `kept` the Sites themselves with their
    member files' absolute paths, by root, kept by a long-lived caller while the files on
    disk stay as they were."""
    paths = {file.absolute: file.path for file in files}
    shown = {file.absolute: file.shown for file in files}
    keys = keys or {}
    frames = frames or {}
    hashes = hashes or {}
    buffers = buffers or {}
    fixed: dict[str, dict | None] = {}  # the summaries of files fixed here, by absolute path

    def source(path: str) -> bytes:
        return buffers[path] if path in buffers else Path(path).read_bytes()

    def read(site: Site, page: Page) -> str | None:
        return read_file(os.path.join(str(site.layout.root), page.rel))

    def read_file(absolute: str) -> str | None:
        path = paths.get(absolute)
        if path is not None and path in texts:
            return texts[path].removeprefix(BOM)
        try:
            return decode(source(path if path is not None else absolute))[0]
        except (OSError, UndecodableError):
            return None

    def summary(file) -> dict | None:
        return fixed[file.absolute] if file.absolute in fixed else summary_of(file)

    def run_all() -> list[Diagnostic]:
        rules = site_rules(settings)
        built, found = [], []
        for root, members in sites.items():
            key = keys.get(root)
            cached = store.site(str(root), key) if key is not None else None
            if cached is not None:
                found += cached
                continue
            if key is not None and all(active.rule.incremental for active in rules):
                try:
                    same = _same_summaries(
                        root,
                        members,
                        shown,
                        summary,
                        store,
                        key,
                        frames.get(root),
                        hashes,
                        read_file,
                    )
                except _UNREADABLE:  # kept results that cannot be read
                    same = None
                if same is not None:
                    found += same
                    continue
            known = pages.setdefault(str(root), {}) if pages is not None else None
            site = None
            if kept is not None:  # a Site kept for the same member files is updated
                names = frozenset(file.absolute for file in members)
                held = kept.get(str(root))
                site = held[1] if held is not None and held[0] == names else None
            site = build_site(root, members, summary, shown, settings, known, site)
            if kept is not None:
                kept[str(root)] = (names, site)
            built.append(site)

            def reader(page: Page, site: Site = site) -> str | None:
                return read(site, page)

            if key is None:
                found += run_site(site, rules, settings, reader)
                continue
            prefix = os.path.join(str(root), "")
            digests = {
                file.absolute[len(prefix) :].replace(os.sep, "/"): hashes[file.real]
                for file in members
                if file.real in hashes
            }
            found += _kept_results(
                site, rules, settings, reader, store, str(root), key, frames.get(root), digests
            )
        outcome.sites = built
        return found

    found = run_all()
    if not fix or not any(d.fix is not None for d in found):
        return diagnostics + found
    from lint.engine import check_document
    from lint.fix import apply_fixes, unified_diff
    from lint.runner import _summarise

    by_shown = {file.shown: file.path for file in files}
    fixable: dict[str, list[Diagnostic]] = {}
    for d in found:
        if d.fix is not None and (d.fix.safe or unsafe):
            fixable.setdefault(d.path, []).append(d)
    for as_shown, wanted in fixable.items():
        path = by_shown[as_shown]
        try:
            original, bom = decode(source(path))
        except (OSError, UndecodableError):
            continue
        current = texts[path].removeprefix(BOM) if path in texts else original
        new, applied = apply_fixes(current, wanted, unsafe=unsafe)
        if not applied:
            continue
        outcome.fixed += applied
        texts[path] = (BOM if bom else "") + new
        diff = unified_diff(original, new, as_shown)
        if as_shown in outcome.changed:
            outcome.diffs[outcome.changed.index(as_shown)] = diff
        else:
            outcome.changed.append(as_shown)
            outcome.diffs.append(diff)
        doc, again = check_document(new, as_shown, settings, bom=bom)
        diagnostics = [d for d in diagnostics if d.path != as_shown] + again
        fixed[os.path.abspath(path)] = _summarise(doc, settings)
    return diagnostics + run_all()
