"""## What it does
Flags a URL or email address written as bare text (markdownlint's MD034): GitHub turns it into
a link, CommonMark does not. Text in links (Markdown or HTML `<a>`), code and HTML is not checked. The fix puts the
address in angle brackets, an autolink every renderer knows.

## Why is this bad?
Whether the address becomes a link depends on the renderer; the page may show an address
that cannot be clicked.

## Example
    The data is at https://home.treasury.gov/data and nowhere else.

## Use instead
    The data is at <https://home.treasury.gov/data> and nowhere else.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from lint.model import Edit, Fix, Problem
from lint.rules import Rule
from lint.rules.markdownlint import prose_starts

# GFM's literal autolinks: a scheme (and a host) after anything but a letter, `www.` after
# the start, a space or `*_~([]`, an email address after anything that cannot be part of one
_URL = re.compile(
    r"(?<![A-Za-z])https?://(?P<host>[^\s<]+)"
    r"|(?<![^\s*_~(\[\]])www\.[^\s<]+"
    r"|(?<![\w.+/-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z][\w-]*"
)
_TRAILING = ".,:;\"'!?*_~"
_MARK = re.compile(r"://|www\.|@")


class BareUrls(Rule):
    code = "ML034"
    name = "no-bare-urls"
    aliases = ("MD034",)
    enabled = False
    tags = ("links", "url")
    summary = "a URL or email address written as bare text"
    fixable = True

    def check(self, doc, options):
        text = doc.text
        if "://" not in text and "www." not in text and "@" not in text:
            return
        lines = doc.lines
        for lo, hi, inside in _holding_marks(doc):
            if "link" in inside:
                continue
            for start, end in literal_autolinks(text, lo, hi):
                if _in_html_link(text, start):
                    continue
                url = text[start:end]
                first, last = lines.pos(start), lines.pos(end)
                yield Problem(
                    first,
                    f"bare URL '{url}'; expected it in angle brackets or a link",
                    end=last,
                    fix=Fix(
                        "put the URL in angle brackets",
                        (Edit(first, first, "<"), Edit(last, last, ">")),
                    ),
                )


def _holding_marks(doc):
    """The prose runs in which a URL or an address can be: those where `://`, `www.` or `@`
    starts (every match holds one), in order; found from the marks, which are few, rather than
    by searching every run."""
    prose = doc.prose
    starts = prose_starts(doc)
    picked: dict[int, None] = {}
    for mark in _MARK.finditer(doc.text, doc.body_start):
        index = bisect_right(starts, mark.start()) - 1
        if index >= 0 and mark.start() < prose[index][1]:
            picked[index] = None
    return [prose[index] for index in sorted(picked)]


def literal_autolinks(text: str, lo: int, hi: int):
    """The spans of GFM's literal autolinks (bare URLs and email addresses) in a run of
    prose `text[lo:hi]`."""
    for match in _URL.finditer(text, lo, hi):
        start, end = match.span()
        end = _trim(text, start, end)
        host = match.start("host")
        if end - start >= 5 and (host == -1 or end > host):  # `http://` alone is no link
            yield start, end


def _trim(text: str, start: int, end: int) -> int:
    """Where a literal autolink ends: GFM leaves out trailing punctuation and a closing
    parenthesis that has no opening one in the link."""
    while end > start:
        last = text[end - 1]
        unbalanced = last == ")" and text.count("(", start, end) < text.count(")", start, end)
        if last not in _TRAILING and not unbalanced:
            break
        end -= 1
    return end


def _in_html_link(text: str, at: int) -> bool:
    """Whether `at` is in the text of an HTML `<a>` element opened earlier on its line."""
    line = text.rfind("\n", 0, at) + 1
    opened = max(text.rfind("<a ", line, at), text.rfind("<a>", line, at))
    return opened != -1 and text.rfind("</a>", line, at) < opened
