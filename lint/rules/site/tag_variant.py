"""## What it does
Flags tags spelled differently across the site that are one tag once normalised:
`Trade`, `trade` and `Trade ` (case, whitespace), `People\u2019s` and `People's` (quotes),
Unicode compatibility forms (NFKC) and dashes. The spelling used most often is the dominant
one; each item in another spelling is reported with both spellings and their counts. A safe
fix rewrites the item to the dominant spelling, keeping its quoting style.

Jekyll's `tags: a b c` (a string) counts as its words.

A repeat within one list is left to FM105 (duplicate-item): each page counts with the
first spelling of an item.
## Why is this bad?
The generator makes one tag page per spelling: readers find half the posts on each, and
the tag cloud shows the same tag twice.

## Example
    ==> _posts/2025-01-02-a.md <==
    ---
    tags: [trade, tariffs]
    ---
    ==> _posts/2025-01-03-b.md <==
    ---
    tags: [trade]
    ---
    ==> _posts/2025-01-04-c.md <==
    ---
    tags: [Trade]
    ---

## Use instead
    ==> _posts/2025-01-02-a.md <==
    ---
    tags: [trade, tariffs]
    ---
    ==> _posts/2025-01-03-b.md <==
    ---
    tags: [trade]
    ---
    ==> _posts/2025-01-04-c.md <==
    ---
    tags: [trade]
    ---
"""

from __future__ import annotations

from lint.model import Severity
from lint.rules import SiteRule
from lint.site.checks import variants


class TagVariant(SiteRule):
    code = "ST003"
    name = "tag-variant"
    summary = "one tag is spelled in different ways across the site"
    severity = Severity.WARNING
    incremental = True
    fixable = True

    def check_site(self, site, options):
        return variants(site, "tags", "tag")
