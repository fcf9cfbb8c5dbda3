"""The network phase of a run: collect the links to other sites of the checked files, request
each distinct page once (or take its result from the store), run the online rules at each
link, and apply their fixes."""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable, Iterable

from lint.document import Document, parse_document
from lint.engine import _stamp, check_document
from lint.model import Diagnostic
from lint.online import ExternalLink, Result, checked_fragment, external_links
from lint.settings import ActiveRule, Settings, SettingsError
from lint.source import BOM, UndecodableError, decode

_VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def online_rules(settings: Settings) -> list[ActiveRule]:
    return [active for active in settings.active if active.rule.online]


def _excluded(settings: Settings) -> Callable[[str], bool]:
    patterns = []
    for pattern in settings.online_exclude:
        try:
            patterns.append(re.compile(pattern))
        except re.error as err:
            raise SettingsError(
                f"online_exclude: '{pattern}' is not a regular expression: {err}",
                ("online_exclude",),
            ) from None
    return lambda url: any(p.search(url) for p in patterns)


def _headers(settings: Settings) -> dict[str, dict[str, str]]:
    """The per-host headers with `${NAME}` replaced by the environment variable's value."""

    def expand(match: re.Match[str]) -> str:
        value = os.environ.get(match[1])
        if value is None:
            raise SettingsError(
                f"online_headers: environment variable '{match[1]}' is not set",
                ("online_headers",),
            )
        return value

    return {
        host.lower(): {name: _VARIABLE.sub(expand, value) for name, value in headers.items()}
        for host, headers in settings.online_headers.items()
    }


def run_checks(pages: dict[str, bool], settings: Settings, done: Callable) -> dict[str, Result]:
    """Request the pages; the HTTP client is loaded only when there is one to request."""
    if not pages:
        return {}
    from lint.online.client import run_checks as run

    return run(pages, limits_of(settings), done)[0]


def limits_of(settings: Settings):
    from lint.online.client import Limits

    return Limits(
        timeout=settings.online_timeout,
        total_timeout=settings.online_total_timeout,
        retries=settings.online_retries,
        connections=settings.online_max_connections,
        host_connections=settings.online_max_host_connections,
        host_rate=settings.online_host_rate,
        user_agent=settings.online_user_agent,
        headers=_headers(settings),
        resolve=dict(settings.online_resolve),
    )


class Progress:
    """`checking links: done/total` on standard error when it is a terminal, redrawn at
    most ten times a second; nothing otherwise."""

    def __init__(self, total: int, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.shown = total > 0 and self.stream.isatty()
        self.total, self.done, self.drawn = total, 0, 0.0

    def step(self, _result: Result | None = None) -> None:
        self.done += 1
        now = time.monotonic()
        if self.shown and (now - self.drawn >= 0.1 or self.done == self.total):
            self.drawn = now
            width = 30
            filled = width * self.done // self.total
            bar = "#" * filled + "-" * (width - filled)
            self.stream.write(f"\rchecking links [{bar}] {self.done}/{self.total}")
            self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def request_pages(
    links: Iterable[ExternalLink], settings: Settings, *, use_store: bool = True
) -> dict[str, Result]:
    """The Result of each page the links name (by URL without fragment), requested once
    each unless the store holds a fresh one; excluded URLs get none."""
    rules = {active.rule.code for active in online_rules(settings)}
    excluded = _excluded(settings)
    anchors = "LK010" in rules
    pages: dict[str, bool] = {}  # page -> whether its anchors are wanted
    for link in links:
        if excluded(link.url):
            continue
        wanted = anchors and checked_fragment(link.fragment) is not None
        pages[link.page] = pages.get(link.page, False) or wanted
    _headers(settings)  # a variable that is not set stops the run at once
    store = None
    if use_store:
        from lint.cache import CACHE_DIR
        from lint.online.store import LinkStore

        store = LinkStore(settings.root / CACHE_DIR, settings.online_ttl)
    try:
        results = store.fresh(pages) if store is not None else {}
        # a stored result serves when it knows the anchors, or they are not wanted
        todo = {
            u: body
            for u, body in pages.items()
            if u not in results or (body and not results[u].settled)
        }
        progress = Progress(len(todo))
        found = run_checks(todo, settings, progress.step)
        results.update(found)
        # the https:// form of each http:// page that answers as it is, for LK011
        more: dict[str, bool] = {}
        if "LK011" in rules:
            from lint.rules.links.insecure_link import secure_form

            for page, result in list(results.items()):
                secure = secure_form(page)
                if secure is None or result.status != 200 or result.moved_to is not None:
                    continue
                if secure not in results and not excluded(secure):
                    more[secure] = False
        if more and store is not None:
            stored = store.fresh(more)
            results.update(stored)
            more = {url: body for url, body in more.items() if url not in stored}
        progress.total += len(more)
        if more:
            extra = run_checks(more, settings, progress.step)
            found.update(extra)
            results.update(extra)
        progress.close()
        if store is not None and found:
            store.put(found.values())
    finally:
        if store is not None:
            store.close()
    return results


def diagnose(
    doc: Document, links: list[ExternalLink], results: dict[str, Result], settings: Settings
) -> list[Diagnostic]:
    """The online rules' diagnostics at each link of one document, suppressions applied."""
    from lint import suppress

    found = []
    for active in online_rules(settings):
        rule = active.rule
        for link in links:
            for problem in rule.check_link(link, results, active.options):
                found.append(_stamp(doc, problem, rule.code, rule.name, active.severity))
    return suppress.apply(doc, sorted(found), settings)


def check_online(
    entries: list[tuple[str, str, bytes | None]],
    diagnostics: list[Diagnostic],
    settings: Settings,
    outcome,
    texts: dict[str, str],
    *,
    fix: bool = False,
    unsafe: bool = False,
    use_store: bool = True,
) -> list[Diagnostic]:
    """The diagnostics plus the online rules' for the checked files (`entries`: path to
    read, path as shown, content when it is not read from the path (standard input)). With
    `fix`, the online fixes are applied to `texts` (path -> fixed text) and `outcome`, and
    the fixed files checked again."""
    if not online_rules(settings):
        return diagnostics
    from lint.fix import apply_fixes, unified_diff
    from lint.site import site_rules

    site = {active.rule.code for active in site_rules(settings)}

    docs: list[tuple[str, Document, bool, str]] = []  # path, document, BOM, original text
    for path, shown, data in entries:
        try:
            original, bom = decode(data if data is not None else _read(path))
        except (OSError, UndecodableError):
            continue
        text = texts[path].removeprefix(BOM) if path in texts else original
        docs.append((path, parse_document(text, shown, bom=bom), bom, original))
    links = {doc.path: external_links(doc) for _, doc, _, _ in docs}
    results = request_pages(
        (link for found in links.values() for link in found), settings, use_store=use_store
    )
    found: list[Diagnostic] = []
    for path, doc, bom, original in docs:
        here = diagnose(doc, links[doc.path], results, settings)
        wanted = [d for d in here if fix and d.fix is not None and (d.fix.safe or unsafe)]
        if not wanted:
            found += here
            continue
        new, applied = apply_fixes(doc.text, wanted, unsafe=unsafe)
        outcome.fixed += applied
        texts[path] = (BOM if bom else "") + new
        diff = unified_diff(original, new, doc.path)
        if doc.path in outcome.changed:
            outcome.diffs[outcome.changed.index(doc.path)] = diff
        else:
            outcome.changed.append(doc.path)
            outcome.diffs.append(diff)
        fixed, again = check_document(new, doc.path, settings, bom=bom)
        # the file's own diagnostics are found again; the site rules' stay as they were
        diagnostics = [d for d in diagnostics if d.path != doc.path or d.code in site] + again
        found += diagnose(fixed, external_links(fixed), results, settings)
    return diagnostics + found


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()
