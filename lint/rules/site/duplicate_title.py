"""## What it does
Flags two documents of one collection with the same title: two posts, two pages, two
documents of a Jekyll collection, of one Hugo section (per language) or, in a plain site, of
one folder. Titles are compared
after case-folding, Unicode NFKC, straightening quotes and collapsing whitespace. Each
document with the title is reported, at its `title`, naming the other.

Documents that render to no page (drafts, Jekyll layouts and includes, Hugo pages that are
not rendered) are left alone.

## Why is this bad?
Readers and search engines cannot tell the two apart in lists, feeds and results; a second
post with an old title is often a copy that was meant to be renamed.

## Example
    ==> _posts/2025-01-02-tariffs.md <==
    ---
    title: Tariffs and trade
    ---
    ==> _posts/2025-03-04-tariffs-again.md <==
    ---
    title: Tariffs and Trade
    ---

## Use instead
    ==> _posts/2025-01-02-tariffs.md <==
    ---
    title: Tariffs and trade
    ---
    ==> _posts/2025-03-04-tariffs-again.md <==
    ---
    title: Tariffs and trade, two months on
    ---
"""

from __future__ import annotations

from lint.model import Problem, Severity
from lint.rules import SiteRule
from lint.site.checks import at_key, others
from lint.site.index import title_key


class DuplicateTitle(SiteRule):
    code = "ST001"
    name = "duplicate-title"
    summary = "two documents of one collection have the same title"
    severity = Severity.WARNING
    incremental = True

    def check_site(self, site, options):
        titles = site.groups.titles
        for page in site.reported:
            key = title_key(page)
            pages = titles[key] if key is not None else ()
            if len(pages) < 2:
                continue
            start, end = at_key(page, "title")
            yield (
                page,
                Problem(
                    start,
                    f"title '{page.title}' is also the title of {others(pages, page)} "
                    f"(collection '{key[0]}')",
                    end=end,
                ),
            )
