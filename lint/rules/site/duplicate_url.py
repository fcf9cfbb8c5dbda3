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
from lint.site.layout import output_key


class DuplicateUrl(SiteRule):
    code = "ST002"
    name = "duplicate-url"
    summary = "two documents render to the same URL"
    severity = Severity.ERROR

    def check_site(self, site, options):
        groups: dict[str, list] = {}
        for page in site.pages:
            if page.url is None:
                continue
            seen = set()
            for url, how in ((page.url, None), *((a, "aliases") for a in page.urls.aliases)):
                key = output_key(url)
                if key not in seen:
                    seen.add(key)
                    groups.setdefault(key, []).append((page, url, how))
        for entries in groups.values():
            pages = [page for page, _, _ in entries]
            if len(pages) < 2:
                continue
            for page, url, how in entries:
                if not page.reported:
                    continue
                if how and "redirect_from" in page.summary["spans"]:
                    how = "redirect_from"
                key = how or page.urls.source
                start, end = at_key(page, key) if key else at_key(page, "")
                what = "alias" if how else "URL"
                yield (
                    page,
                    Problem(
                        start,
                        f"{what} '{url}' is also a URL of {others(pages, page)}",
                        end=end,
                    ),
                )
