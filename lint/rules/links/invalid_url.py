"""## What it does
Flags an absolute URL that cannot be right: a misspelt scheme (`htps://`, `htp://`), a
missing colon (`http//`) or slash (`https:/`), no host (`https:///path`), a malformed host or
port, or a space or control character. Reference links are checked once, at their definition;
URLs built by templates (`{{ site.url }}`) are left alone.

## Why is this bad?
Browsers cannot follow these links, or treat them as paths on your own site: readers land on
an error page.

## Example
    Read [the ministry's page](htps://www.mof.go.jp/).

## Use instead
    Read [the ministry's page](https://www.mof.go.jp/).
"""

from __future__ import annotations

import re
from functools import lru_cache

from lint.model import Problem, Severity
from lint.rules import Rule
from lint.urls import PLAIN_WEB, split, templated

WEB = ("http", "https", "ftp", "ftps")
_NO_COLON = re.compile(r"(https?|ftps?)//", re.IGNORECASE)
_ONE_SLASH = re.compile(r"(https?|ftps?):(?!//)", re.IGNORECASE)
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):/{1,3}", re.IGNORECASE)
# labels of letters, digits and hyphens; any non-ASCII character may be in an IDN label. The
# class is written as "not an ASCII character outside [0-9A-Za-z_-]": a class spanning all of
# Unicode costs 25 ms to compile, at every start.
_LABEL = r"[^\x00-,./:-@\[-^`{-\x7f]"
_HOST = re.compile(rf"(?:{_LABEL}+\.)*{_LABEL}+\.?|\[[0-9a-fA-F:.]+\]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _distance(a: str, b: str) -> int:
    """Edit distance with transpositions, for words of a few letters."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            row.append(cost)
        previous2, previous = previous, row
    return previous[-1]


@lru_cache(maxsize=4096)  # URLs repeat across a site's pages (as big as canonical's)
def problem(url: str) -> str | None:
    """Why the URL cannot be right, or None."""
    plain = PLAIN_WEB.fullmatch(url)
    if plain is not None:  # most URLs: a web address, whose host has ASCII labels only
        host = plain[2]
        if not host.startswith(".") and ".." not in host:  # no label is empty: _HOST's test
            return None  # nothing the checks below could find
    if templated(url):
        return None
    match = _NO_COLON.match(url)
    if match:
        return f"'{url}' lacks the ':' after '{match.group(1)}'"
    match = _ONE_SLASH.match(url)
    if match:
        return f"'{url}' needs '//' after '{match.group(1)}:'"
    match = _SCHEME.match(url)
    if not match:
        return None
    scheme = match.group(1).lower()
    if scheme not in WEB:
        near = [w for w in ("http", "https") if _distance(scheme, w) <= (2 if len(w) > 4 else 1)]
        if near and len(scheme) > 2:
            return f"'{url}' has an unknown scheme '{match.group(1)}'; did you mean '{near[-1]}'?"
        return None
    if " " in url or "\t" in url:
        return f"'{url}' contains a space; write %20 or remove it"
    if _CONTROL.search(url):
        return f"'{url}' contains a control character"
    if url.startswith("///", len(scheme) + 1):
        return f"'{url}' has no host: three slashes after '{match.group(1)}:'"
    try:
        parts = split(url)  # raises on a port that is not a number
    except ValueError as err:
        return f"'{url}' is malformed: {err}"
    host = parts.netloc.rpartition("@")[2]
    if host.startswith("[") and "]" in host:
        host = host[: host.index("]") + 1]
    else:
        host = host.partition(":")[0]
    if not host:
        return f"'{url}' has no host"
    if not _HOST.fullmatch(host):
        return f"'{url}' has a malformed host '{host}'"
    return None


class InvalidUrl(Rule):
    code = "LK007"
    name = "invalid-url"
    summary = "an absolute URL cannot be right"
    severity = Severity.ERROR

    def check(self, doc, options):
        for node in doc.destinations:  # email links are not among them
            reason = problem(node.url)
            if reason is None:
                continue
            if node.dest is not None:
                start, end = doc.lines.pos(node.dest[0]), doc.lines.pos(node.dest[1])
            else:
                start, end = node.start, node.end
            yield Problem(start, reason, end=end)
