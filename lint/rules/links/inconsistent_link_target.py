"""## What it does
Flags link text that usually leads to one destination but somewhere leads to another. Link
text is compared case-insensitively with runs of whitespace as one space; destinations are
compared after folding their equivalent forms (see LK002) and without their `#fragment` (two
sections of one page are one page). When one text leads to one destination at least twice,
each link with that text that leads elsewhere is reported, naming the usual destination.

Left alone, because the same words there rightly lead to different places (the corpora of
the Jekyll, Hugo, Node.js, PowerShell and Rust sites showed it): links in list items and
table rows (parallel entries: each entry's "Final report" is its own), links to a place on
the same page (`#top`), lower-case descriptive text ("details", "source code"), the generic
texts of the `ignore_text` option, and a text that leads to two places once each.

That last case, one link against one, is left alone because over the corpora it was
mostly two things of one name. Reported for texts that start like a name (a capital, a
digit or code punctuation in the first word) and do not name the site both pages are on
("GitHub", "Twitter"), it gave 100 more problems: 90 in the PowerShell docs, 5 on the
Rust blog, 4 in the Hugo docs, 1 in the Jekyll docs. Of 20 drawn at random, 16 were worth
fixing, every one a PowerShell page written two ways (`About/about_Jobs.md` and
`./about/about_Jobs.md`); of the 10 outside the PowerShell docs, 1 was ("matches!" to the
nightly and to the stable documentation), and the other 9 were two things of one name:
Hugo's `Next` of a page and of a page collection, a tool's repository and its marketplace
page, two guides from two hosts, a team page and a repository, two calls for testing. A
case is reported only when at least 17 of 20 of its findings are worth fixing.

## Why is this bad?
Readers expect the same words to lead to the same place. A different destination is usually
a slip: a link copied from another post, a page that moved, or a link to the wrong item.

## Example
    The [U.S. Treasury](https://home.treasury.gov/data) holds the data. Japan holds
    [U.S. Treasury](https://home.treasury.gov/data) bonds, and the
    [U.S. Treasury](https://home.treasury.gov/) knows it.

## Use instead
    The [U.S. Treasury](https://home.treasury.gov/data) holds the data. Japan holds
    [U.S. Treasury](https://home.treasury.gov/data) bonds, and the
    [U.S. Treasury](https://home.treasury.gov/data) knows it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from pydantic import Field

from lint.model import Problem, Severity
from lint.rules import Rule, RuleOptions
from lint.urls import canonical, link_text_key, page

# List items and table rows are parallel entries: each one's "Final report" or "details"
# link belongs to that entry, so links there are not compared.
_PARALLEL = {"list", "table"}
# Lower-case words describe ("details", "source code", "original article"); each such link
# may lead to its own page. Names are written with a capital, a digit or code punctuation.
_DESCRIPTIVE = re.compile(r"[a-z][a-z' \u2019-]*")
GENERIC_TEXT = (
    "here",
    "click here",
    "this",
    "this link",
    "link",
    "more",
    "read more",
    "learn more",
)


class InconsistentLinkTarget(Rule):
    code = "LK001"
    name = "inconsistent-link-target"
    summary = "the same link text points to different destinations"
    severity = Severity.ERROR

    class Options(RuleOptions):
        ignore_text: tuple[str, ...] = Field(
            GENERIC_TEXT,
            description="link texts that may point anywhere (compared case-insensitively)",
        )

    def check(self, doc, options):
        ignored = _keys(options.ignore_text)
        groups: dict[str, list] = {}
        for link in doc.links:
            if link.kind in ("autolink", "email") or not _PARALLEL.isdisjoint(link.inside):
                continue
            if link.url.startswith("#"):
                continue  # places on this page: "top", "back" lead to different ones
            key = link_text_key(link.text)
            if key and key not in ignored:
                groups.setdefault(key, []).append(link)
        for same_text in groups.values():
            if len(same_text) < 2:  # most texts are used once: their links are not compared
                continue
            links = [
                (link, page(canonical(link.url) or link.url))
                for link in same_text
                if not _DESCRIPTIVE.fullmatch(link.text.strip())
            ]
            counts = Counter(target for _, target in links)
            if len(counts) < 2:
                continue
            # the destination this text has: the one it leads to most (the first on a tie)
            usual, uses = counts.most_common(1)[0]
            if uses < 2:
                continue  # two texts, two pages, once each: likely two different things
            first = next(link for link, target in links if target == usual)
            for link, target in links:
                if target != usual:
                    yield Problem(
                        link.start,
                        f"'{' '.join(link.text.split())}' links to '{link.url}'; elsewhere the "
                        f"same text links to '{first.url}' ({uses} times, first at line "
                        f"{first.start.line})",
                        end=link.end,
                    )


@lru_cache(maxsize=8)  # one per configuration: not rebuilt for every file
def _keys(texts: tuple[str, ...]) -> frozenset[str]:
    return frozenset(link_text_key(text) for text in texts)
