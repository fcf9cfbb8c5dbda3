"""## What it does
Flags a link whose `#fragment` matches no anchor on the page it leads to (the same page, or
another document of the site): no heading's anchor and no explicit id (`{#id}`, kramdown's
`{: #id}`, an HTML `id="…"` or `name="…"`, a definition-list term). Heading anchors are
generated as the generator does: GitHub style (Unicode letters, digits, `-` and `_` kept,
spaces as hyphens) for Hugo and for Jekyll's default GFM input, kramdown style (ASCII
letters, digits and hyphens; leading non-letters dropped) for a Jekyll site whose config
sets `kramdown: {input: kramdown}`, GitHub style for Astro (Starlight) and Docusaurus
(github-slugger; Docusaurus's `## Title {#custom-id}` sets the id, in MDX too), and any of these or the slug style (runs of other
characters as one hyphen, as Zola does) for a plain site; `-1`, `-2` for repeated headings.
The `anchor_style` option chooses (`github`, `kramdown`, `slug`, or `any`).

Left alone: pages whose headings cannot all be known (a heading built by a template, content
pulled in by `{% include %}` or a `{{% shortcode %}}`, an MDX page importing a Markdown
partial), links to files that are not
documents, `#top` (and Starlight's `#_top`, the page's title), footnote anchors (`#fn:1`, `#fnref:1`) and text fragments (`#:~:text=`).

## Why is this bad?
The link lands at the top of the page instead of the section it promised; it usually means a
heading was renamed.

## Example
    ==> guide.md <==
    ---
    title: Guide
    ---
    ## Getting started

    Read [the start](#get-started).

## Use instead
    ==> guide.md <==
    ---
    title: Guide
    ---
    ## Getting started

    Read [the start](#getting-started).
"""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING, Literal
from urllib.parse import unquote

from pydantic import Field

from lint.model import Pos, Problem, Severity
from lint.rules import RuleOptions, SiteRule

if TYPE_CHECKING:
    from lint.site.index import Anchors

_SPECIAL = re.compile(r"^(?:_?top|fn:.*|fnref:.*|fn-.*|fnref-.*|:~:.*)$", re.IGNORECASE)


class BrokenAnchor(SiteRule):
    code = "ST006"
    name = "broken-anchor"
    summary = "a link's #fragment matches no heading or id on its page"
    severity = Severity.ERROR

    class Options(RuleOptions):
        anchor_style: Literal["auto", "github", "kramdown", "slug", "any"] = Field(
            "auto",
            description="how heading anchors are made: auto (by the generator and its "
            "config), github, kramdown, slug, or any",
        )

    def check_site(self, site, options):
        style = options.anchor_style
        if style == "auto":
            style = site.default_anchor_style
        known: dict[str, Anchors | None] = {}
        for page in site.reported:
            links = page.summary["links"]
            for url, _text, line, column, end_line, end_column, _kind, _flags in links:
                if "#" not in url:
                    continue
                target = site.resolve(page, url)
                if target is None or target.kind != "page" or not target.fragment:
                    continue
                fragment = unquote(target.fragment)
                if _SPECIAL.match(fragment):
                    continue
                if target.page.rel not in known:
                    known[target.page.rel] = site.anchors_of(target.page, style)
                anchors = known[target.page.rel]
                if anchors is None or fragment in anchors:
                    continue
                where = "this page" if target.page is page else target.page.path
                close = difflib.get_close_matches(fragment, sorted(anchors.all()), n=1, cutoff=0.6)
                hint = f"; did you mean '#{close[0]}'?" if close else ""
                yield (
                    page,
                    Problem(
                        Pos(line, column),
                        f"anchor '#{fragment}' matches no heading or id on {where}{hint}",
                        end=Pos(end_line, end_column),
                    ),
                )
