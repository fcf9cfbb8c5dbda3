"""## What it does
Flags query parameters that only track readers: `utm_*`, `fbclid`, `gclid`, `dclid`,
`msclkid`, `mc_cid`, `mc_eid`, `igshid`, `_hsenc`, `_hsmi`, `yclid`, `ocid`, `cvid`, and the
names in the `parameters` option (a trailing `*` matches any ending). Names are compared
case-insensitively. Reference links are reported once, at their definition.

The fix removes tracking parameters and keeps the others in their order. Removing the
parameters a platform adds to follow one reader's click from a feed, an ad or a mail
(`fbclid`, `gclid`, `ocid`, `cvid`, `mc_eid`, ... and the names in `parameters`) is safe: the
page is the same without them. `utm_*` parameters are often written on purpose, to tell a
partner that readers came from this site: removing them is an unsafe fix, applied only with
`--unsafe-fixes`. A link with both kinds first gets the safe fix, and then the unsafe one.

Microsoft's `PC` on msn.com links (`PC=EMMX01`) is a partner code the feed adds, like `ocid`,
but the name is too common on other sites to flag everywhere; add it to `parameters` to have
it removed with the rest.

## Why is this bad?
They tell the linked site (and whoever reads its analytics) where the reader came from, they
make one page look like many to caches and link checkers, and they make addresses long.

## Example
    [Japan says](https://www.msn.com/en-us/money/ar-AA1E0Tfm?ocid=feeds&cvid=dc58&PC=EMMX01)

## Use instead
    [Japan says](https://www.msn.com/en-us/money/ar-AA1E0Tfm?PC=EMMX01)
"""

from __future__ import annotations

import fnmatch
import re
from functools import lru_cache

from pydantic import Field

from lint.model import Edit, Fix, Problem
from lint.rules import Rule, RuleOptions
from lint.urls import shorten

# Written by a link's author to credit this site with the visit: removing them is unsafe.
ATTRIBUTION = ("utm_*",)
# Added by a platform to follow one reader's click: removing them loses nothing.
CLICK = (
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "mc_cid",
    "mc_eid",
    "igshid",
    "_hsenc",
    "_hsmi",
    "yclid",
    "ocid",
    "cvid",
)
TRACKING = ATTRIBUTION + CLICK
_SEPARATOR = re.compile(r"&amp;|&")


class TrackingParameter(Rule):
    code = "LK004"
    name = "tracking-parameter"
    summary = "a link carries query parameters that only track readers"
    fixable = True

    class Options(RuleOptions):
        parameters: tuple[str, ...] = Field(
            (), description="more parameter names to flag (a trailing `*` matches any ending)"
        )

    def check(self, doc, options):
        click, patterns = _patterns(options.parameters)
        for node in doc.destinations:
            if "?" not in node.url or node.dest is None:  # parameters live in the query
                continue
            lo, hi = node.dest
            raw = doc.text[lo:hi]
            found = _tracking(raw, patterns)
            if found is None:
                continue
            names, first, q_lo, q_hi, _ = found
            # the click parameters go first, safely; the attribution ones are left to a
            # second, unsafe fix
            safe = _tracking(raw, click)
            removed, _, _, _, replacement = safe or found
            yield Problem(
                doc.lines.pos(lo + first),
                f"tracking {_parameters(names)} in '{shorten(raw)}'; remove "
                f"{'them' if len(names) > 1 else 'it'}",
                end=doc.lines.pos(lo + q_hi),
                fix=Fix(
                    f"remove tracking {_parameters(removed)}",
                    (Edit(doc.lines.pos(lo + q_lo), doc.lines.pos(lo + q_hi), replacement),),
                    safe=safe is not None,
                ),
            )


@lru_cache(maxsize=8)  # one per configuration: not built again for every file
def _patterns(parameters: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The names of click parameters, and of all tracking parameters, as one pattern each
    (lower-case names; a `*` matches any ending)."""
    click = [p.lower() for p in (*CLICK, *parameters)]
    return _any_of(click), _any_of([*ATTRIBUTION, *click])


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    """A pattern that matches a name whole where one of the fnmatch `patterns` does."""
    return re.compile("|".join(fnmatch.translate(p) for p in patterns))


def _parameters(names: list[str]) -> str:
    """`parameter 'a'` or `parameters 'a', 'b'`."""
    quoted = ", ".join(f"'{name}'" for name in names)
    return f"parameter{'s' if len(names) > 1 else ''} {quoted}"


def _tracking(raw: str, patterns: re.Pattern[str]):
    """(names, offset of the first, query start, query end, new query) or None.

    The query runs from its `?` to the fragment's `#` or the end; the new query keeps the
    other parameters with the separator the URL used, and drops the `?` when none is left."""
    q_lo = raw.find("?")
    if q_lo == -1 or -1 < raw.find("#") < q_lo:  # no query, or a `?` in the fragment
        return None
    q_hi = raw.find("#", q_lo)
    if q_hi == -1:
        q_hi = len(raw)
    query = raw[q_lo + 1 : q_hi]
    pieces, names, kept = [], [], []
    separator, position = None, 0
    for sep in _SEPARATOR.finditer(query):
        pieces.append((q_lo + 1 + position, query[position : sep.start()]))
        separator = separator or sep.group()
        position = sep.end()
    pieces.append((q_lo + 1 + position, query[position:]))
    first = None
    for offset, part in pieces:
        name = part.split("=", 1)[0].replace("\\", "")
        if name and patterns.match(name.lower()):
            names.append(name)
            first = offset if first is None else first
        elif part:
            kept.append(part)
    if not names:
        return None
    replacement = "?" + (separator or "&").join(kept) if kept else ""
    return names, first, q_lo, q_hi, replacement
