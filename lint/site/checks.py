"""What several site rules share: positions from summaries, vocabulary variants, quoting."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from lint.model import Edit, Fix, Pos, Problem
from lint.schema.compile import normalise as _normalise
from lint.site.index import Page, Site

# Hyphens and dashes, which the front-matter normaliser leaves alone, as one hyphen.
_DASHES = str.maketrans(
    dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-")
)
_PLAIN = re.compile(r"^[^\W_][^,\[\]{}#:\"'\n]*(?<=[^\s])$")
_YAML_WORDS = re.compile(
    r"^(?:y|n|yes|no|on|off|true|false|null|~|[-+]?(?:\d[\d_]*)?\.?\d+(?:e[-+]?\d+)?)$", re.I
)


@lru_cache(maxsize=1 << 16)  # a site's titles and tags, met again at each run of a server
def normalise(value: str) -> str:
    """The form two tags or titles are compared in: FM105's (case-folded, NFKC, straight
    quotes, one space), with dashes as hyphens."""
    # the dashes are not ASCII: most values have none to translate
    return _normalise(value if value.isascii() else value.translate(_DASHES))


def span_pos(span: list[int]) -> tuple[Pos, Pos]:
    return Pos(span[0], span[1]), Pos(span[2], span[3])


def at_key(page: Page, key: str) -> tuple[Pos, Pos | None]:
    """Where a front-matter value is written, or the start of the file."""
    span = page.summary["spans"].get(key)
    if span is None:
        return Pos(1, 1), None
    return span_pos(span)


def others(pages: list[Page], page: Page) -> str:
    rest = [p.path for p in pages if p is not page]
    more = f" and {len(rest) - 1} more" if len(rest) > 1 else ""
    return f"{rest[0]}{more}"


def quoted(value: str, quote: str) -> str:
    """`value` written in the quoting style of the item it replaces."""
    if quote == "'":
        return "'" + value.replace("'", "''") + "'"
    if quote == "" and _PLAIN.match(value) and not _YAML_WORDS.match(value):
        return value
    return json.dumps(value, ensure_ascii=False)


def _firsts(items) -> Iterator[tuple[str, str]]:
    """Each item's spelling and normalised form, the first time the form occurs."""
    seen: set[str] = set()
    for item in items:
        key = normalise(item[0])
        if key not in seen:
            seen.add(key)
            yield item[0], key


def variants(site: Site, field: str, noun: str) -> Iterator[tuple[Page, Problem]]:
    """Items of a front-matter list (tags, categories) spelled differently across the site
    but equal once normalised: each item in a minority spelling, with a safe fix to the
    dominant spelling (the most used; on a tie, the first in sorted order). A page counts
    with the first spelling of each item only: a repeat within one list is FM105's."""
    spellings: dict[str, Counter[str]] = {}
    for page in site.pages:
        for value, key in _firsts(page.summary[field]):
            spellings.setdefault(key, Counter())[value] += 1
    dominant: dict[str, tuple[str, int]] = {}
    for key, counts in spellings.items():
        if len(counts) > 1:
            best = min(counts, key=lambda s: (-counts[s], s))
            dominant[key] = (best, counts[best])
    if not dominant:
        return
    for page in site.reported:
        seen: set[str] = set()
        for value, *span, quote in page.summary[field]:
            key = normalise(value)
            if key in seen or key not in dominant or dominant[key][0] == value:
                seen.add(key)
                continue
            seen.add(key)
            best, uses = dominant[key]
            start, end = span_pos(span)
            fix = None
            if quote is not None:
                fix = Fix(f"write the {noun} as '{best}'", (Edit(start, end, quoted(best, quote)),))
            count = spellings[key][value]
            yield (
                page,
                Problem(
                    start,
                    f"{noun} '{value}' is spelled '{best}' elsewhere ({uses} "
                    f"{'use' if uses == 1 else 'uses'}; '{value}': {count}); use one spelling",
                    end=end,
                    fix=fix,
                ),
            )
