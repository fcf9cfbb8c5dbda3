"""What the link rules share: how a URL splits, and when two destinations or two link texts
are the same."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urlsplit

_INDEX_PAGE = re.compile(r"(^|/)index\.(?:html?|php)$", re.IGNORECASE)
_DEFAULT_PORTS = {"http": "80", "https": "443"}
_TEMPLATE = ("{{", "{%", "{<")


def shorten(text: str, width: int = 80) -> str:
    """Text for a message: long values end with an ellipsis."""
    return text if len(text) <= width else text[: width - 1] + "…"


def templated(url: str) -> bool:
    """Whether the URL is built by a template (its final form is not in the source)."""
    return "{" in url and any(marker in url for marker in _TEMPLATE)


# Most links are plain web addresses: an ASCII host with no port or user, no whitespace or
# control character anywhere. For those one match gives what urlsplit gives, at a fraction
# of its cost. Groups: scheme, host (as written), path, query, fragment.
PLAIN_WEB = re.compile(
    r"(https?)://([a-z0-9.-]+)((?:/[^?#\x00-\x20\x7f]*)?)"
    r"(?:\?([^#\x00-\x20\x7f]*))?(?:#([^\x00-\x20\x7f]*))?",
    re.IGNORECASE | re.ASCII,  # ASCII: the long s and the Kelvin sign are not "s" and "k"
)


class Parts(NamedTuple):
    """What `urlsplit` gives, with the two properties the rules read computed once."""

    scheme: str
    netloc: str
    path: str
    query: str
    fragment: str
    host: str  # `hostname` (lower-case), "" when there is none
    port: int | None


_tuple_new = tuple.__new__  # Parts(...) without the Python-level __new__ of a NamedTuple


@lru_cache(maxsize=4096)  # canonical and LK007 split the same URLs of one document
def split(url: str) -> Parts:
    """`urlsplit(url)` with its hostname and port; raises ValueError as they do. (Plain web
    addresses need none of it: their callers read them from a PLAIN_WEB match.)"""
    parts = urlsplit(url)
    return _tuple_new(Parts, (*parts, parts.hostname or "", parts.port))


# A site's pages link to the same places again and again, and several rules ask about the
# same URL: each process remembers the answer for the URLs it met last. 16,384 answers
# (here and in LK007) would be computed 15% less often over the corpora than 4,096, but
# raise the peak memory of a run over them by 11 MiB (195 against 184 MiB).
@lru_cache(maxsize=4096)
def canonical(url: str) -> str | None:
    """A key under which the equivalent spellings of one destination meet: `http` and
    `https`, host case, a default port, `index.html`/`.htm`/`.php` and the folder, a trailing
    slash, an empty query or fragment. None for what is not compared: empty, fragment-only,
    templated, or not a web or relative URL."""
    url = url.strip()
    if not url or url.startswith("#") or templated(url):
        return None
    plain = PLAIN_WEB.fullmatch(url)
    if plain is not None:  # most URLs: the match has every part, and no port or user
        _, host, path, query, fragment = plain.groups("")
        prefix = "//" + host.lower().rstrip(".")
    else:
        try:
            parts = split(url)
        except ValueError:
            return url
        scheme = parts.scheme  # lower-case, as urlsplit gives it
        if scheme and scheme not in ("http", "https"):
            return url
        path, query, fragment = parts.path, parts.query, parts.fragment
        if scheme or parts.netloc:
            host = parts.host.rstrip(".")
            if parts.port is not None and str(parts.port) != _DEFAULT_PORTS.get(scheme or "https"):
                host += f":{parts.port}"
            authority = parts.netloc.rpartition("@")[0]
            prefix = f"//{authority + '@' if authority else ''}{host}"
        else:
            prefix = ""
    # most paths have no dot, and so no index page: the search would try every `/`
    index = _INDEX_PAGE.search(path) if "." in path else None
    if index:  # `dir/index.html` → `dir/` (slicing: re.sub costs a template per call)
        path = path[: index.end(1)]
    path = path.rstrip("/")
    while path.startswith("./"):
        path = path[2:]
    key = prefix + path
    if query:
        key += "?" + query
    if fragment:
        key += "#" + fragment
    return key


def page(key: str) -> str:
    """A canonical key without its fragment: the page, not the place on it."""
    return key.partition("#")[0]


def link_text_key(text: str) -> str:
    """Link text compared case-insensitively, runs of whitespace as one space."""
    return " ".join(text.split()).casefold()
