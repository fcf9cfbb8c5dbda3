"""## What it does
Flags a link whose `#fragment` matches no anchor on the page it leads to (the same page, or
another document of the site): no heading's anchor and no explicit id (`{#id}`, kramdown's
`{: #id}`, an attribute list's `{ #id }` or `{ id="…" }`, an HTML `id="…"` or `name="…"`, a
definition-list term). Heading anchors are generated as the generator does: GitHub style
(Unicode letters, digits, `-` and `_` kept, spaces as hyphens) for Hugo and for Jekyll's
default GFM input, kramdown style (ASCII letters, digits and hyphens; leading non-letters
dropped) for a Jekyll site whose config sets `kramdown: {input: kramdown}`, Python-Markdown
style (ASCII only; runs of spaces and hyphens as one hyphen; `_1`, `_2` for repeats) for
MkDocs, or pymdownx style (Unicode letters kept) when its `toc` names a
`pymdownx.slugs` slugify, GitHub style for Astro (Starlight) and Docusaurus (github-slugger;
Docusaurus's `## Title {#custom-id}` sets the id, in MDX too), and any of the first three or
the slug style (runs of other
characters as one hyphen, as Zola does) for a plain site; `-1`, `-2` for repeated headings.
The `anchor_style` option chooses (`github`, `kramdown`, `slug`, `python-markdown`,
`pymdownx`, or `any`). On MkDocs, content tabs (`pymdownx.tabbed` with a `slugify`) are
anchors too, after the heading above them with `combine_header_slug`. Anchors a site adds
when it is built (a hook that gives option headings ids like `config.post_dir`) are not in
any file: the `anchors` option takes regular expressions of them.

Left alone: pages whose headings cannot all be known (a heading built by a template, content
pulled in by `{% include %}`, a `{{% shortcode %}}`, a snippet `--8<--` or, in MDX, an
imported Markdown partial), links to files that are not documents, `#top` (and Starlight's
`#_top`, the page's title), footnote anchors (`#fn:1`, `#fnref:1`), numbered tab anchors
(`#__tabbed_1_2`) and text fragments (`#:~:text=`).

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
from lint.rules import Patterns, RuleOptions, SiteRule, compile_patterns

if TYPE_CHECKING:
    from lint.site.index import Anchors

_SPECIAL = re.compile(
    r"^(?:_?top|fn:.*|fnref:.*|fn-.*|fnref-.*|:~:.*|__tabbed_\d+_\d+)$", re.IGNORECASE
)


class BrokenAnchor(SiteRule):
    code = "ST006"
    name = "broken-anchor"
    summary = "a link's #fragment matches no heading or id on its page"
    severity = Severity.ERROR
    incremental = True

    class Options(RuleOptions):
        anchor_style: Literal[
            "auto", "github", "kramdown", "slug", "python-markdown", "pymdownx", "any"
        ] = Field(
            "auto",
            description="how heading anchors are made: auto (by the generator and its "
            "config), github, kramdown, slug, python-markdown, pymdownx, or any",
        )
        anchors: Patterns = Field(
            (),
            description="regular expressions of anchors the site adds when it is built (by "
            "a hook or a plugin): a fragment one matches whole is not reported",
        )

    def check_site(self, site, options):
        style = options.anchor_style
        accepted = compile_patterns(options.anchors)
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
                if _SPECIAL.match(fragment) or (accepted and accepted.fullmatch(fragment)):
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
