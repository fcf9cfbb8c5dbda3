"""## What it does
Flags query parameters that only track readers: `utm_*`, `fbclid`, `gclid`, `dclid`,
`msclkid`, `mc_cid`, `mc_eid`, `igshid`, `_hsenc`, `_hsmi`, `yclid`, `ocid`, `cvid`, and the
names in the `parameters` option (a trailing `*` matches any ending). Names are compared
case-insensitively. Reference links are reported once, at their definition.

The fix removes the tracking parameters and keeps the others in their order; it is safe.

## Why is this bad?
They tell the linked site (and whoever reads its analytics) where the reader came from, they
make one page look like many to caches and link checkers, and they make addresses long.

## Example
    [Japan says](https://www.msn.com/en-us/money/ar-AA1E0Tfm?ocid=feeds&cvid=dc58&PC=EMMX01)

## Use instead
    [Japan says](https://www.msn.com/en-us/money/ar-AA1E0Tfm?PC=EMMX01)
"""

from __future__ import annotations

import re
from fnmatch import fnmatchcase

from pydantic import Field

from lint.model import Edit, Fix, Problem
from lint.rules import Rule, RuleOptions
from lint.urls import shorten

TRACKING = (
    "utm_*",
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
        patterns = tuple(p.lower() for p in (*TRACKING, *options.parameters))
        for node in doc.destinations:
            if "?" not in node.url or node.dest is None:  # parameters live in the query
                continue
            lo, hi = node.dest
            raw = doc.text[lo:hi]
            found = _tracking(raw, patterns)
            if found is None:
                continue
            names, first, q_lo, q_hi, replacement = found
            quoted = ", ".join(f"'{name}'" for name in names)
            plural = "s" if len(names) > 1 else ""
            yield Problem(
                doc.lines.pos(lo + first),
                f"tracking parameter{plural} {quoted} in '{shorten(raw)}'; remove "
                f"{'them' if plural else 'it'}",
                end=doc.lines.pos(lo + q_hi),
                fix=Fix(
                    f"remove tracking parameter{plural} {quoted}",
                    (Edit(doc.lines.pos(lo + q_lo), doc.lines.pos(lo + q_hi), replacement),),
                    safe=True,
                ),
            )


def _tracking(raw: str, patterns: tuple[str, ...]):
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
        if name and any(fnmatchcase(name.lower(), p) for p in patterns):
            names.append(name)
            first = offset if first is None else first
        elif part:
            kept.append(part)
    if not names:
        return None
    replacement = "?" + (separator or "&").join(kept) if kept else ""
    return names, first, q_lo, q_hi, replacement
