"""Site-wide checks: one index of the whole site, and the rules that read it (ST001-ST008).

The runner builds each document's summary (lint.site.summary) where it parses the file,
groups the summaries by site (lint.site.layout), builds a Site (lint.site.index) per site and
runs the active site rules over it; only the pages being reported on get diagnostics, and
suppressions and per-file ignores apply to them as to any other diagnostic.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from lint.engine import INTERNAL_ERROR, internal_error
from lint.model import Diagnostic, Pos, Problem
from lint.rules import SiteRule
from lint.settings import ActiveRule, Settings
from lint.source import split_lines

if TYPE_CHECKING:  # the index is imported where one is built (lint.site.run)
    from lint.site.index import Page, Site


def with_snippets(diagnostics: Iterable[Diagnostic], text: str | None) -> list[Diagnostic]:
    """Kept diagnostics of one file with their snippets read again from its `text` as it
    is now (empty ones when it could not be read)."""
    lines = split_lines(text) if text is not None else None
    return [
        replace(d, snippet=snippet_at(lines, Pos(d.line, d.column), Pos(d.end_line, d.end_column)))
        for d in diagnostics
    ]


def snippet_at(lines: list[str] | None, start: Pos, end: Pos) -> str:
    """The source text from `start` to `end` in a file's `lines` (the line at `start` when
    that text is blank), as the engine's snippets."""
    if lines is None or not 1 <= start.line <= len(lines):
        return ""
    if start.line == end.line:
        found = lines[start.line - 1][start.column - 1 : end.column - 1]
    else:
        found = "\n".join(
            [
                lines[start.line - 1][start.column - 1 :],
                *lines[start.line : end.line - 1],
                lines[min(end.line, len(lines)) - 1][: end.column - 1],
            ]
        )
    if not found.strip():
        found = lines[start.line - 1].strip()
    return found[:200]


def site_rules(settings: Settings) -> list[ActiveRule]:
    return [active for active in settings.active if isinstance(active.rule, SiteRule)]


def run_site(
    site: Site,
    rules: Sequence[ActiveRule],
    settings: Settings,
    read: Callable[[Page], str | None],
) -> list[Diagnostic]:
    """Run the site rules; stamp code, name and severity; apply suppressions. A rule that
    raises becomes one LN900 on each reported page."""
    texts: dict[str, list[str] | None] = {}

    def snippet(page: Page, problem: Problem) -> str:
        if page.path not in texts:
            text = read(page)
            texts[page.path] = split_lines(text) if text is not None else None
        return snippet_at(texts[page.path], problem.start, problem.end or problem.start)

    report_crashes = any(active.rule.code == INTERNAL_ERROR for active in settings.active)
    by_page: dict[str, list[Diagnostic]] = {}
    pages = {page.path: page for page in site.reported}
    for active in rules:
        rule = active.rule
        try:
            found = list(rule.check_site(site, active.options))
        except Exception as err:  # a crashing rule must not stop the others
            if report_crashes:
                for page in site.reported:
                    by_page.setdefault(page.path, []).append(internal_error(page.path, rule, err))
            continue
        for page, problem in found:
            if page.path not in pages:
                continue
            end = problem.end or problem.start
            by_page.setdefault(page.path, []).append(
                Diagnostic(
                    path=page.path,
                    line=problem.start.line,
                    column=problem.start.column,
                    code=rule.code,
                    end_line=end.line,
                    end_column=end.column,
                    name=rule.name,
                    severity=problem.severity or active.severity,
                    message=problem.message,
                    fix=problem.fix,
                    snippet=snippet(page, problem),
                )
            )
    diagnostics: list[Diagnostic] = []
    for path, found in by_page.items():
        diagnostics.extend(suppressed(pages[path], found, settings))
    diagnostics.sort()
    return diagnostics


def suppressed(page: Page, diagnostics: list[Diagnostic], settings: Settings) -> list[Diagnostic]:
    """Drop what per-file ignores and the page's inline suppressions silence."""
    from lint.suppress import _per_file_ignored

    ignored = _per_file_ignored(page.path, settings)
    kept = []
    for d in diagnostics:
        if d.code in ignored:
            continue
        if any(
            first <= d.line <= (math.inf if last == -1 else last)
            and (codes is None or d.code in codes)
            for codes, first, last in page.summary["suppress"]
        ):
            continue
        kept.append(d)
    return kept
