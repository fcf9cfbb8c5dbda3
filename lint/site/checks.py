"""What several site rules share: positions from summaries, vocabulary variants, quoting."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from lint.model import Edit, Fix, Pos, Problem
from lint.site.index import Page, Site, normalise

_PLAIN = re.compile(r"^[^\W_][^,\[\]{}#:\"'\n]*(?<=[^\s])$")
_YAML_WORDS = re.compile(
    r"^(?:y|n|yes|no|on|off|true|false|null|~|[-+]?(?:\d[\d_]*)?\.?\d+(?:e[-+]?\d+)?)$", re.I
)


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


def variants(site: Site, field: str, noun: str) -> Iterator[tuple[Page, Problem]]:
    """Items of a front-matter list (tags, categories) spelled differently across the site
    but equal once normalised: each item in a minority spelling, with a safe fix to the
    dominant spelling (the most used; on a tie, the first in sorted order). A page counts
    with the first spelling of each item only: a repeat within one list is FM105's."""
    spellings = site.groups.spellings[field]
    dominant: dict[str, tuple[str, int] | None] = {}  # by normalised form, when first needed

    def dominant_of(key: str) -> tuple[str, int] | None:
        if key not in dominant:
            counts = spellings[key]
            best = min(counts, key=lambda s: (-counts[s], s)) if len(counts) > 1 else None
            dominant[key] = None if best is None else (best, counts[best])
        return dominant[key]

    for page in site.reported:
        seen: set[str] = set()
        for value, *span, quote in page.summary[field]:
            key = normalise(value)
            found = None if key in seen else dominant_of(key)
            seen.add(key)
            if found is None or found[0] == value:
                continue
            best, uses = found
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
