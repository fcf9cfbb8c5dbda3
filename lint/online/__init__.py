"""Links to other sites, checked over the network (`--online`).

Each checked file's links to `http(s)` addresses are collected with their positions; one
network phase, run once per run after every file is read, requests each distinct page once
(lint.online.client), keeps what it learnt in a store with a time to live
(lint.online.store), and the online rules (LK008-LK011) read those results at each link
(lint.online.run). Nothing here is imported unless `online` is on.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import NamedTuple
from urllib.parse import unquote

from lint.model import Pos
from lint.urls import templated

REDIRECTS = (301, 302, 303, 307, 308)
PERMANENT = (301, 308)


class ExternalLink(NamedTuple):
    """A link destination to another site as written in a file: the URL (as the parser
    gives it), the page it names (without the fragment), the fragment, and where the
    destination is written (the place a problem points at and a fix replaces)."""

    url: str
    page: str
    fragment: str
    start: Pos
    end: Pos


def external_links(doc) -> list[ExternalLink]:
    """The destinations in a Document that name a page on the web: inline links and images,
    autolinks, and reference definitions (a reference link's destination is written in its
    definition), each once, in document order. Templated URLs are left out."""
    found = []
    for node in doc.destinations:
        url = node.url.strip()
        if not url[:8].lower().startswith(("http://", "https://")) or templated(url):
            continue
        where = node.dest
        if where is None:
            continue
        page, _, fragment = url.partition("#")
        if "://" not in page[:8] or not page.split("://", 1)[1].split("/", 1)[0]:
            continue  # no host
        found.append(
            ExternalLink(url, page, fragment, doc.lines.pos(where[0]), doc.lines.pos(where[1]))
        )
    return found


def checked_fragment(fragment: str) -> str | None:
    """The element id a fragment names, or None for fragments that are not an element's:
    empty, a text fragment (`:~:text=`), a route of a single-page application (`!/`, `/`),
    or a PDF's open parameters (`page=3`)."""
    if not fragment or fragment.startswith((":~:", "!", "/")) or "=" in fragment:
        return None
    return unquote(fragment)


@dataclass(frozen=True)
class Result:
    """What one request (with its redirects and retries) found out about a page.

    `status` is the last answer's status (None when there was none, see `error`);
    `redirects` holds each redirect followed, as (status, the URL it led to); `anchors`
    holds the ids and names of the page's elements when its HTML was read (None when it was
    not); `html` whether the page is HTML."""

    url: str
    status: int | None = None
    error: str | None = None
    redirects: tuple[tuple[int, str], ...] = ()
    anchors: frozenset[str] | None = None
    html: bool = False
    checked_at: float = field(default_factory=time.time)

    @property
    def final(self) -> str:
        return self.redirects[-1][1] if self.redirects else self.url

    @property
    def moved_to(self) -> str | None:
        """Where the permanent redirects at the start of the chain lead (301, 308), or
        None when the first redirect is not permanent or there is none."""
        target = None
        for status, location in self.redirects:
            if status not in PERMANENT:
                break
            target = location
        return target

    @property
    def settled(self) -> bool:
        """Whether the result answers a link with a `#fragment` too: the page's anchors are
        known, or there are none to know (no answer, not 2xx, not HTML)."""
        if self.anchors is not None or self.error is not None or not self.html:
            return True
        return not 200 <= (self.status or 0) < 300

    def encode(self) -> tuple:
        anchors = None if self.anchors is None else json.dumps(sorted(self.anchors))
        redirects = json.dumps([list(hop) for hop in self.redirects])
        return (
            self.url,
            self.status,
            self.error,
            redirects,
            anchors,
            int(self.html),
            self.checked_at,
        )

    @classmethod
    def decode(cls, row) -> Result:
        url, status, error, redirects, anchors, html, checked_at = row
        return cls(
            url,
            status,
            error,
            () if redirects == "[]" else tuple((int(s), str(u)) for s, u in json.loads(redirects)),
            None if anchors is None else frozenset(json.loads(anchors)),
            bool(html),
            float(checked_at),
        )
