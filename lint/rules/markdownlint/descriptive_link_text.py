"""## What it does
Flags a link whose text is one of `prohibited_texts` (markdownlint's MD059): by default
`click here`, `here`, `link` and `more`. The text is compared as markdownlint compares it:
punctuation and underscores count as spaces, runs of spaces as one, case is ignored (so
`[**Here**.](…)` is flagged). Text that holds a code span or HTML is not checked, nor are
images, autolinks and HTML links.

## Why is this bad?
Screen readers list a page's links by their text alone: ten links called "here" tell the
reader nothing about where each one leads.

## Example
    The schedule is [here](https://home.treasury.gov/auctions).

## Use instead
    See the [Treasury's auction schedule](https://home.treasury.gov/auctions).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from pydantic import Field

from lint.model import Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint.no_space_in_links import label_end

_KINDS = frozenset({"inline", "reference", "collapsed", "shortcut"})
_PUNCTUATION = re.compile(r"[\W_]+", re.ASCII)


def normalize(text: str) -> str:
    """Link text as compared: punctuation and underscores as spaces (as markdownlint's
    pattern, anything but ASCII letters and digits), one space for a run, lower case."""
    return " ".join(_PUNCTUATION.sub(" ", text).split()).lower()


class DescriptiveLinkText(Rule):
    code = "ML059"
    name = "descriptive-link-text"
    aliases = ("MD059",)
    enabled = False
    tags = ("accessibility", "links")
    summary = "a link's text does not say where it leads"

    class Options(RuleOptions):
        prohibited_texts: tuple[str, ...] = Field(
            ("click here", "here", "link", "more"),
            description="link texts that say nothing of the link's target",
        )

    def check(self, doc, options):
        prohibited = {normalize(text) for text in options.prohibited_texts} - {""}
        if not prohibited:
            return
        # the cheap question first: whether a link's text starts with a prohibited first word
        first_words = "|".join(sorted({re.escape(words.split()[0]) for words in prohibited}))
        opening = re.compile(rf"[\W_]*(?:{first_words})(?![A-Za-z0-9])", re.ASCII | re.IGNORECASE)
        text = doc.text
        inner = None  # where code spans and inline HTML start: a text with them is left alone
        for link in doc.links:
            if link.kind not in _KINDS or text[link.offset] != "[":
                continue
            lo = link.offset + 1
            if opening.match(text, lo, link.end_offset) is None:
                continue
            hi = label_end(text, lo, link.end_offset)
            if hi is None or normalize(text[lo:hi]) not in prohibited:
                continue
            if inner is None:
                inner = sorted(node.offset for node in (*doc.code, *doc.html) if not node.block)
            i = bisect_left(inner, lo)
            if i < len(inner) and inner[i] < hi:
                continue
            shown = " ".join(text[lo:hi].split())
            yield Problem(
                doc.lines.pos(lo),
                f"link text '{shown}' does not say where the link leads; "
                "expected words that name its target",
                end=doc.lines.pos(hi),
            )
