"""## What it does
Flags an `http://` link to a page that its `https://` address serves too: both answer 200,
at the same address but for the scheme. The fix writes the `https://` address (safe). A
link whose `http://` address redirects permanently is left to LK009, whose fix gives the
address it redirects to. Runs with `--online` only.

## Why is this bad?
Over `http://` anyone on the way can read what the reader looks at and change the page they
get; browsers mark such pages as not secure, and some refuse them.

## Example
    [The report](http://example.com/report) (https://example.com/report answers the same).

## Use instead
    [The report](https://example.com/report)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lint.model import Problem
from lint.rules import OnlineRule
from lint.rules.links.moved_link import replace_link
from lint.urls import shorten

if TYPE_CHECKING:
    from lint.online import Result


def secure_form(page: str) -> str | None:
    """The `https://` address of an `http://` page; None for other pages, and for a page
    on a port of its own (no server answers both on one port)."""
    if page[:7].lower() != "http://":
        return None
    authority, slash, rest = page[7:].partition("/")
    host, colon, port = authority.rpartition(":")
    if colon and "]" not in port:  # a port, not the end of an IPv6 address
        if port not in ("", "80"):
            return None
        authority = host
    return f"https://{authority}{slash}{rest}"


def _unscheme(url: str) -> str:
    return url.partition("://")[2].rstrip("/")


class InsecureLink(OnlineRule):
    code = "LK011"
    name = "insecure-link"
    summary = "an http:// link to a page that https:// serves too"
    fixable = True

    def check_link(self, link, results, options):
        secure = secure_form(link.page)
        if secure is None:
            return
        plain: Result | None = results.get(link.page)
        answer: Result | None = results.get(secure)
        if plain is None or answer is None or plain.moved_to is not None:
            return
        if plain.error is not None or answer.error is not None:
            return
        if plain.status != 200 or answer.status != 200:
            return
        if _unscheme(plain.final) != _unscheme(answer.final):
            return
        new = "https://" + link.url[7:]
        yield Problem(
            link.start,
            f"'{shorten(link.url)}' is served over https too; use '{shorten(new)}'",
            end=link.end,
            fix=replace_link(link, new, "use https", True),
        )
