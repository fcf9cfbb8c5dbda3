"""## What it does
Flags a link to a place on another site's page (`https://site/page#section`) when the page
has no element with that `id` or `name`. The page's HTML is read for it (at most 4 MiB of
it); pages that are not HTML, and fragments that name no element (a text fragment
`#:~:text=`, a route `#!/` or `#/`, PDF parameters `#page=3`), are left alone. Runs with
`--online` only.

## Why is this bad?
The link still leads to the page, but not to the section the text promises: the section
was renamed or removed, and readers land at the top of a long page.

## Example
    See [the rates](https://example.com/data#rates) (the page has no `id="rates"`).

## Use instead
    See [the rates](https://example.com/data#daily-rates)
"""

from __future__ import annotations

from lint.model import Problem
from lint.rules import OnlineRule
from lint.urls import shorten


class MissingExternalAnchor(OnlineRule):
    code = "LK010"
    name = "missing-external-anchor"
    summary = "a link names a place that its page on another site does not have"

    def check_link(self, link, results, options):
        from lint.online import checked_fragment  # imported with `online` on only

        fragment = checked_fragment(link.fragment)
        if fragment is None:
            return
        result = results.get(link.page)
        if result is None or result.anchors is None or result.error is not None:
            return
        if not 200 <= (result.status or 0) < 300:
            return
        # GitHub prefixes the ids it renders from Markdown; `top` is the page's top in HTML
        if fragment in result.anchors or f"user-content-{fragment}" in result.anchors:
            return
        if fragment.lower() == "top":
            return
        yield Problem(
            link.start,
            f"'{shorten(link.url)}': the page has no element with id or name '{fragment}'",
            end=link.end,
        )
