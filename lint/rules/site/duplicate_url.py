"""## What it does
Flags two documents that render to the same URL, so that one overwrites the other in the
built site. URLs are computed as the generator does:

- Jekyll: pages by their path (`about.md` → `/about.html`, `docs/index.md` → `/docs/`),
  posts by the site's `permalink` style (`date` by default:
  `/:categories/:year/:month/:day/:title.html`; `pretty`, `ordinal`, `weekdate`, `none` or a
  template) with the post's date, slug and categories, other collections by their
  `permalink` in `_config.yml`, and a document's own `permalink`;
- Hugo: files under the content folder (per language) by their path, `slug` and `url`;
  `aliases` are URLs too (a redirect page written over another page is lost);
- other sites: the file's path (`index.md` and `README.md` stand for their folder).

Each document is reported at the key that decides its URL (`permalink`, `url`, `slug`,
`aliases`), or at the start of the file when its path decides.

## Why is this bad?
The generator writes both pages to one file: one of them silently disappears from the site.

## Example
    ==> about.md <==
    ---
    title: About
    ---
    ==> team.md <==
    ---
    title: Team
    permalink: /about.html
    ---

## Use instead
    ==> about.md <==
    ---
    title: About
    ---
    ==> team.md <==
    ---
    title: Team
    permalink: /team/
    ---
"""

from __future__ import annotations

from lint.model import Problem, Severity
from lint.rules import SiteRule
from lint.site.checks import at_key, others
from lint.site.index import outputs


class DuplicateUrl(SiteRule):
    code = "ST002"
    name = "duplicate-url"
    summary = "two documents render to the same URL"
    severity = Severity.ERROR
    incremental = True

    def check_site(self, site, options):
        groups = site.groups.outputs
        for page in site.reported:
            for key, url, how in outputs(page) if page.url is not None else ():
                entries = groups[key]
                if len(entries) < 2:
                    continue
                pages = [other for other, _, _ in entries]
                if how and "redirect_from" in page.summary["spans"]:
                    how = "redirect_from"
                decided_by = how or page.urls.source
                start, end = at_key(page, decided_by) if decided_by else at_key(page, "")
                what = "alias" if how else "URL"
                yield (
                    page,
                    Problem(
                        start,
                        f"{what} '{url}' is also a URL of {others(pages, page)}",
                        end=end,
                    ),
                )
