"""## What it does
Flags a link to a place on the site that no document or file provides: a relative link
(`../other.md`, `images/chart.png`), a site-root link (`/blog/2024/01/02/post/`), Jekyll's
`{% post_url 2024-01-02-post %}` and `{% link _posts/2024-01-02-post.md %}` tags (in a Jekyll
site, or one of no known generator), and Hugo's `ref` and `relref` shortcodes. A relative link may name the source file (`../other.md`) or
the page's URL (`../other/`); a site-root link may carry the site's `baseurl`. URLs are
compared loosely: `/a/b/`, `/a/b.html` and `/a/b/index.html` are one page, case aside.

Left alone, because the site cannot know them: pages generators write without a source
(feeds, sitemaps, `/tags/…`, `/categories/…`, `/page/2/`, Hugo section pages, Docusaurus's
`/blog/tags/…`, `/blog/archive` and `/blog/page/2`), links built by
templates, files in a folder the checkout does not have (assets copied in by a theme or a
build step), a relative link to a path the repository's `.gitignore` files ignore (a build
step writes it, as notebooks converted into pages), in a plain site (no generator) a site-root link whose first folder the site does
not have (the site is served under a prefix, or built by a tool mdvet does not know), an
extensionless link that is no page when it is a bare name (`[term](g)`, which a render hook
may turn into a URL) or when the site's generator is unknown, and the URLs matching the
`ignore` option. On an MkDocs site, a page the `nav` names that no file holds is made by a
plugin when the site is built (links to it are left alone), and a file outside the docs
folder that a page includes (`--8<-- "CHANGELOG.md"`) links from that page. Zola's
`@/path.md` links are looked up from the content folder. Starlight and Docusaurus pages are
found by their URLs (slugs, ids, number prefixes dropped, blog dates, Starlight's pages of the
default language standing in for missing translations; see docs/generators.md). Without the
generator's config file
(`_config.yml`, `hugo.toml`) the URL scheme is a guess, so a site-root link that names a source
file, or a post's date and slug under any prefix, is taken as meant.

## Why is this bad?
Readers get a 404. Pages move, posts are renamed, and links written months ago are the
ones nobody clicks before publishing.

## Example
    ==> _posts/2025-01-02-tariffs.md <==
    ---
    title: Tariffs
    ---
    See [the follow-up](/2025/02/03/tariffs-again.html).
    ==> _posts/2025-03-04-tariffs-again.md <==
    ---
    title: Tariffs again
    ---

## Use instead
    ==> _posts/2025-01-02-tariffs.md <==
    ---
    title: Tariffs
    ---
    See [the follow-up]({% post_url 2025-03-04-tariffs-again %}).
    ==> _posts/2025-03-04-tariffs-again.md <==
    ---
    title: Tariffs again
    ---
"""

from __future__ import annotations

import fnmatch
import posixpath

from pydantic import Field

from lint.model import Pos, Problem, Severity
from lint.rules import RuleOptions, SiteRule
from lint.urls import shorten


class BrokenInternalLink(SiteRule):
    code = "ST005"
    name = "broken-internal-link"
    summary = "a link to the site leads to no document or file"
    severity = Severity.ERROR
    incremental = True

    class Options(RuleOptions):
        ignore: tuple[str, ...] = Field(
            (), description="URL patterns (shell-style, e.g. `/api/*`) that other tools build"
        )

    def check_site(self, site, options):
        generator = site.layout.generator
        # Jekyll's tags mean something where Jekyll may render the page: a Jekyll site, or a
        # site of no known generator (Jekyll runs without a `_config.yml`)
        jekyll = generator in ("jekyll", "generic")
        posts = site.post_names
        ignore = options.ignore  # usually none: then no generator per link
        for page in site.reported:
            links = page.summary["links"]
            for url, _text, line, column, end_line, end_column, _kind, _flags in links:
                if ignore and any(fnmatch.fnmatchcase(url, pattern) for pattern in ignore):
                    continue
                target = site.resolve(page, url)
                if target is not None and target.kind == "missing":
                    yield (
                        page,
                        Problem(
                            Pos(line, column),
                            f"link to '{shorten(url)}' leads to no page or file of the site",
                            end=Pos(end_line, end_column),
                        ),
                    )
            for kind, argument, *span in page.summary["tags_used"]:
                missing = None
                if kind == "post_url" and jekyll:
                    if argument.strip("/") not in posts:
                        missing = f"{{% post_url {argument} %}} names no post in _posts"
                elif kind == "link" and jekyll:
                    if not _linked_file_exists(site, page, argument):
                        missing = f"{{% link {argument} %}} names no file of the site"
                elif (
                    kind in ("ref", "relref")
                    and generator != "jekyll"
                    and not _hugo_ref(site, page, argument)
                ):
                    missing = f"{kind} '{argument}' names no page of the site"
                if missing:
                    start, end = Pos(span[0], span[1]), Pos(span[2], span[3])
                    yield page, Problem(start, missing, end=end)


def _linked_file_exists(site, page, argument: str) -> bool:
    """`{% link path %}` names a file from the site's source folder; when the site's root is
    a guess (no `_config.yml`), any folder above the page may be that source folder."""
    rel = argument.strip().lstrip("/")
    if site._source_path(rel) is not None:
        return True
    if site.layout.configured:
        return False
    folder = posixpath.dirname(page.rel)
    while folder:
        if site._source_path(posixpath.join(folder, rel)) is not None:
            return True
        folder = posixpath.dirname(folder)
    return False


def _hugo_ref(site, page, argument: str) -> bool:
    path = argument.split("#", 1)[0].strip()
    if not path:
        return True
    candidates = []
    for folder, _ in site.layout.content_dirs or [("content", "")]:
        if path.startswith("/"):
            candidates.append(folder + path)
        else:
            candidates.append(posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path)))
            candidates.append(f"{folder}/{path}")
    for candidate in candidates:
        stem = candidate[:-3] if candidate.endswith(".md") else candidate.rstrip("/")
        for rel in (stem + ".md", stem + "/index.md", stem + "/_index.md", candidate):
            if rel in site.by_rel:
                return True
    # a bare name resolves anywhere in the content, when it is unique
    name = posixpath.basename(path.rstrip("/"))
    return "/" not in path and any(
        posixpath.basename(p.rel) in (name, name + ".md") for p in site.pages
    )
