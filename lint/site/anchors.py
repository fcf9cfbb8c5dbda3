"""Heading anchors as generators write them: GitHub style (GitHub, Hugo's goldmark, Jekyll's
GFM input), kramdown style (Jekyll's kramdown input) and slug style (Zola and others)."""

from __future__ import annotations

import re
import unicodedata

_KRAMDOWN_LEAD = re.compile(r"^[^a-zA-Z]+")
_KRAMDOWN_DROP = re.compile(r"[^a-zA-Z0-9 -]")


_GITHUB_ASCII_DROP = re.compile(r"[^a-z0-9 _-]")


def github(text: str) -> str:
    """Lower case; letters, digits, `-`, `_` and spaces kept; each space a hyphen."""
    text = text.lower()
    if text.isascii():  # most headings: one regex instead of a category lookup per character
        return _GITHUB_ASCII_DROP.sub("", text).replace(" ", "-")
    kept = [c for c in text if c in " -_" or unicodedata.category(c)[0] in ("L", "N", "M")]
    return "".join(kept).replace(" ", "-")


def kramdown(text: str) -> str:
    """kramdown's auto ids: leading non-letters dropped, then all but ASCII letters, digits,
    spaces and hyphens; spaces become hyphens; lower case; `section` when nothing is left."""
    slug = _KRAMDOWN_DROP.sub("", _KRAMDOWN_LEAD.sub("", text)).replace(" ", "-").lower()
    return slug or "section"


_NOT_SLUG = re.compile(r"[^0-9a-z]+")


def slug(text: str) -> str:
    """Slug style (Zola and other generators): ASCII letters and digits, every other run of
    characters one hyphen, none at the ends."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")


STYLES = {"github": github, "kramdown": kramdown, "slug": slug}


def anchors(headings: list, style: str) -> set[str]:
    """Every anchor the headings get in one style (`-1`, `-2` for repeats); explicit ids win."""
    make = STYLES[style]
    used: dict[str, int] = {}
    found: set[str] = set()
    for text, explicit, *_ in headings:
        if explicit:
            found.add(explicit)
            continue
        slug = make(text)
        if slug in used:
            used[slug] += 1
            slug = f"{slug}-{used[slug]}"
        else:
            used[slug] = 0
        found.add(slug)
    return found
