"""## What it does
Flags categories spelled differently across the site that are one category once normalised
(case, whitespace, quotes, dashes, Unicode compatibility forms), in `categories` and Jekyll's
`category`. The spelling used most often is the dominant one; each item in another spelling
is reported with both spellings and their counts, with a safe fix to the dominant spelling.

A repeat within one list is left to FM105 (duplicate-item): each page counts with the
first spelling of an item.
## Why is this bad?
Each spelling becomes its own category page (and, in Jekyll, its own URL segment): the
posts of one category are split in two.

## Example
    ==> _posts/2025-01-02-a.md <==
    ---
    categories: [Markets]
    ---
    ==> _posts/2025-01-03-b.md <==
    ---
    categories: [Markets]
    ---
    ==> _posts/2025-01-04-c.md <==
    ---
    category: markets
    ---

## Use instead
    ==> _posts/2025-01-02-a.md <==
    ---
    categories: [Markets]
    ---
    ==> _posts/2025-01-03-b.md <==
    ---
    categories: [Markets]
    ---
    ==> _posts/2025-01-04-c.md <==
    ---
    category: Markets
    ---
"""

from __future__ import annotations

from lint.model import Severity
from lint.rules import SiteRule
from lint.site.checks import variants


class CategoryVariant(SiteRule):
    code = "ST004"
    name = "category-variant"
    summary = "one category is spelled in different ways across the site"
    severity = Severity.WARNING
    incremental = True
    fixable = True

    def check_site(self, site, options):
        return variants(site, "categories", "category")
