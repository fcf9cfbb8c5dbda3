"""Heading anchors as generators write them: GitHub style (GitHub, Hugo's goldmark, Jekyll's
GFM input), kramdown style (Jekyll's kramdown input), slug style (Zola and others), and
Python-Markdown's `toc` extension (MkDocs), with its own slugify or that of Python Markdown
Extensions."""

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


_MARKDOWN_DROP = re.compile(r"[^\w\s-]")
_MARKDOWN_SPACE = re.compile(r"[-\s]+")


def python_markdown(text: str) -> str:
    """Python-Markdown's `toc` slugify: NFKD, ASCII only; all but letters, digits, `_`, `-`
    and spaces dropped; lower case; each run of hyphens and spaces one hyphen."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _MARKDOWN_SPACE.sub("-", _MARKDOWN_DROP.sub("", ascii_text).strip().lower())


_PYMDOWNX_DROP = re.compile(r"[^\w\- ]")


def pymdownx(text: str) -> str:
    """`pymdownx.slugs.slugify(case="lower")`: NFC; Unicode letters, digits, `_`, `-` and
    spaces kept; lower case; each space a hyphen."""
    kept = _PYMDOWNX_DROP.sub("", unicodedata.normalize("NFC", text)).strip()
    return kept.lower().replace(" ", "-")


STYLES = {
    "github": github,
    "kramdown": kramdown,
    "slug": slug,
    "python-markdown": python_markdown,
    "pymdownx": pymdownx,
}
# Python-Markdown numbers a repeated id `_1`, `_2` (and an empty one `_1`); the others `-1`.
_UNDERSCORED = {"python-markdown", "pymdownx"}


def anchors(headings: list, style: str) -> set[str]:
    """Every anchor the headings get in one style (`-1`, `-2` for repeats; `_1`, `_2` with
    Python-Markdown); explicit ids win."""
    make = STYLES[style]
    unique = _underscored if style in _UNDERSCORED else hyphenated
    used: dict[str, int] = {}
    found: set[str] = set()
    for text, explicit, *_ in headings:
        found.add(explicit or unique(make(text), found, used))
    return found


def hyphenated(slug: str, found: set[str], used: dict[str, int]) -> str:
    """`slug`, or `slug-N` for its Nth repeat."""
    if slug in used:
        used[slug] += 1
        return f"{slug}-{used[slug]}"
    used[slug] = 0
    return slug


_COUNTED = re.compile(r"^(.*)_([0-9]+)$")


def _underscored(slug: str, found: set[str], used: dict[str, int]) -> str:
    """Python-Markdown's `unique`: while an id is taken or empty, count up its `_N` suffix
    (or add `_1`)."""
    while slug in found or not slug:
        counted = _COUNTED.match(slug)
        slug = f"{counted[1]}_{int(counted[2]) + 1}" if counted else f"{slug}_1"
    return slug
