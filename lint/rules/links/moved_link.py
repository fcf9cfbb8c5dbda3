"""## What it does
Flags a link to another site whose address has moved: the server answers with a permanent
redirect (301 or 308), or a chain of them, to another address. The message names the
address the permanent redirects lead to.

The fix writes that address in place of the old one, keeping the link's `#fragment`. It is
safe when the new address answers 200 itself; when it answers something else or redirects
again (temporarily), the fix is unsafe (`--unsafe-fixes`). Runs with `--online` only.

## Why is this bad?
A moved page works today through the redirect, but the old address is one the site no
longer promises to keep: the redirect goes when the site changes again, and the link rots.
Every reader also pays for the detour.

## Example
    See [the docs](http://example.com/docs) (the server answers 301 to https://example.com/docs/).

## Use instead
    See [the docs](https://example.com/docs/)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lint.model import Edit, Fix, Problem
from lint.rules import OnlineRule
from lint.rules.links.dead_external_link import status_text
from lint.urls import shorten

if TYPE_CHECKING:
    from lint.online import ExternalLink, Result

_UNSAFE_IN_DESTINATION = {" ": "%20", "<": "%3C", ">": "%3E", "(": "%28", ")": "%29"}


def written(url: str) -> str:
    """A URL as a link destination: the characters Markdown would read otherwise encoded."""
    return "".join(_UNSAFE_IN_DESTINATION.get(char, char) for char in url)


def with_fragment(url: str, link: ExternalLink) -> str:
    """`url` with the link's fragment, unless the URL brings its own."""
    if "#" in url or not link.fragment:
        return url
    return f"{url}#{link.fragment}"


def replace_link(link: ExternalLink, url: str, description: str, safe: bool) -> Fix:
    return Fix(description, (Edit(link.start, link.end, written(url)),), safe=safe)


class MovedLink(OnlineRule):
    code = "LK009"
    name = "moved-link"
    summary = "a link to another site is permanently redirected"
    fixable = True

    def check_link(self, link, results, options):
        result: Result | None = results.get(link.page)
        if result is None or result.error is not None:
            return
        target = result.moved_to
        if target is None:
            return
        new = with_fragment(target, link)
        settled = target == result.final and result.status == 200
        then = ""
        if target != result.final:
            then = f"; it then redirects to '{shorten(result.final)}'"
        elif result.status != 200 and result.status is not None:
            then = f"; it answers {status_text(result.status)}"
        yield Problem(
            link.start,
            f"'{shorten(link.url)}' has moved permanently to '{shorten(new)}'{then}",
            end=link.end,
            fix=replace_link(link, new, "use the address the link moved to", settled),
        )
