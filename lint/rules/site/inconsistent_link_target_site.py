"""## What it does
Flags link text that leads to one destination across the site but, in some document, to
another. Text is compared case-insensitively with runs of whitespace as one space;
destinations are compared by the page they lead to (a source path, a URL and a `post_url`
to one post are one destination) or, for other sites, after folding equivalent URL forms
(see LK002), without their `#fragment`. When a text leads to one destination in at least two
documents, each link in another document that leads elsewhere is reported (information),
naming the usual destination. Within one document, LK001 does this.

Left alone, as in LK001: links in list items and table rows, links to a place on the same
page, lower-case descriptive text ("details", "release notes"), the generic texts of the
`ignore_text` option, autolinks and images.

Off by default (`--extend-select ST008`): on the Jekyll and Hugo documentation sites most hits
were names that rightly lead to different pages in different documents (a product's home
page here, its download page there; Hugo's installation notes for "Dart Sass" and the Dart
Sass site). Links whose text is all code (`` [`Title`](…) ``) are left alone, since one
name in two namespaces is two things, and so are links to other pages of one other site.

## Why is this bad?
The same words lead readers to different places depending on the page they read; often one
of the links points at an old or wrong page.

## Example
    ==> a.md <==
    Data from the [U.S. Treasury](https://home.treasury.gov/data).
    ==> b.md <==
    Yields from the [U.S. Treasury](https://home.treasury.gov/data).
    ==> c.md <==
    Bonds of the [U.S. Treasury](https://www.treasurydirect.gov/).

## Use instead
    ==> a.md <==
    Data from the [U.S. Treasury](https://home.treasury.gov/data).
    ==> b.md <==
    Yields from the [U.S. Treasury](https://home.treasury.gov/data).
    ==> c.md <==
    Bonds of the [U.S. Treasury](https://home.treasury.gov/data).
"""

from __future__ import annotations

from pydantic import Field

from lint.model import Pos, Problem, Severity
from lint.rules import RuleOptions, SiteRule
from lint.rules.links.inconsistent_link_target import _DESCRIPTIVE, GENERIC_TEXT
from lint.urls import canonical, link_text_key, shorten


class InconsistentLinkTargetSite(SiteRule):
    code = "ST008"
    name = "inconsistent-link-target-site"
    summary = "the same link text points to different destinations in different documents"
    severity = Severity.INFO
    enabled = False

    class Options(RuleOptions):
        ignore_text: tuple[str, ...] = Field(
            GENERIC_TEXT,
            description="link texts that may point anywhere (compared case-insensitively)",
        )

    def check_site(self, site, options):
        ignored = {link_text_key(text) for text in options.ignore_text}
        # text -> destination -> {page rel: first (url, span)}
        groups: dict[str, dict[str, dict[str, tuple]]] = {}
        for page in site.pages:
            for url, text, *span, kind, flags in page.summary["links"]:
                if flags or kind in ("autolink", "image") or url.startswith("#"):
                    continue  # parallel entries, code names, images, places on the page
                key = link_text_key(text)
                if not key or key in ignored or _DESCRIPTIVE.fullmatch(text.strip()):
                    continue
                target = site.resolve(page, url)
                if target is not None and target.kind == "page":
                    destination = "page:" + target.page.rel
                elif target is not None and target.kind == "missing":
                    continue  # ST005's business
                else:
                    destination = _host(url)
                users = groups.setdefault(key, {}).setdefault(destination, {})
                users.setdefault(page.rel, (url, span, page, text))
        for destinations in groups.values():
            if len(destinations) < 2:
                continue
            ranked = sorted(destinations.items(), key=lambda d: (-len(d[1]), d[0]))
            users = ranked[0][1]
            if len(users) < 2 or len(users) == len(ranked[1][1]):
                continue  # no destination is clearly the usual one
            first_url, _, first_page, _ = next(iter(users.values()))
            for _, pages in ranked[1:]:
                for rel, (url, span, page, text) in pages.items():
                    if not page.reported or rel in users:
                        continue  # a document linking both ways is LK001's
                    yield (
                        page,
                        Problem(
                            Pos(span[0], span[1]),
                            f"'{' '.join(text.split())}' links to "
                            f"'{shorten(url)}'; {len(users)} other documents link the same text "
                            f"to '{shorten(first_url)}' (first in {first_page.path})",
                            end=Pos(span[2], span[3]),
                        ),
                    )


def _host(url: str) -> str:
    """Another site's pages count as one destination: the same words may lead to its home
    page in one document and its download page in another."""
    key = canonical(url) or url
    if key.startswith("//"):
        return key[2:].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return key.partition("#")[0]
