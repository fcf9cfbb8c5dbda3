"""`mdvet check --site-report`: what an editor-in-chief wants to know about a site."""

from __future__ import annotations

from collections import Counter

from lint.formatters.text import one_line
from lint.site.checks import normalise
from lint.site.index import Site

MOST_LINKED = 10


def vocabulary(site: Site, field: str) -> list[tuple[str, int, list[tuple[str, int]]]]:
    """Each term (its dominant spelling), how often it is used, and its other spellings."""
    spellings: dict[str, Counter[str]] = {}
    for page in site.pages:
        for item in page.summary[field]:
            spellings.setdefault(normalise(item[0]), Counter())[item[0]] += 1
    terms = []
    for counts in spellings.values():
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        terms.append((ranked[0][0], sum(counts.values()), ranked[1:]))
    terms.sort(key=lambda t: (-t[1], t[0].casefold()))
    return terms


def inbound(site: Site) -> Counter[str]:
    """How many other documents link to each document (by its path in the site)."""
    linked: dict[str, set[str]] = {}
    for page in site.pages:
        for url, *_ in page.summary["links"]:
            target = site.resolve(page, url)
            if target is not None and target.kind == "page" and target.page is not page:
                linked.setdefault(target.page.rel, set()).add(page.rel)
        for kind, argument, *_ in page.summary["tags_used"]:
            if kind == "link":
                target = site._source_path(argument.lstrip("/"))
                if target is not None and target.page is not None:
                    linked.setdefault(target.page.rel, set()).add(page.rel)
    return Counter({rel: len(sources) for rel, sources in linked.items()})


def _terms(title: str, terms) -> list[str]:
    varied = sum(1 for _, _, other in terms if other)
    lines = [f"{title}: {len(terms)} ({varied} with variant spellings)"]
    for term, count, other in terms:
        variants = ", ".join(f"'{s}' {n}" for s, n in other)
        lines.append(f"  {count:>5}  {term}" + (f"  (variants: {variants})" if variants else ""))
    return lines


def site_report(sites: list[Site]) -> str:
    out: list[str] = []
    for site in sites:
        pages = [p for p in site.pages if p.url]
        out.append(
            f"site {site.layout.root} ({site.layout.generator}): {len(site.pages)} documents, "
            f"{len(pages)} rendered"
        )
        out += _terms("tags", vocabulary(site, "tags"))
        out += _terms("categories", vocabulary(site, "categories"))
        counts = inbound(site)
        orphans = [
            p
            for p in pages
            if counts[p.rel] == 0
            and p.url != "/"
            and p.urls.collection not in ("posts", "static")
            and not p.rel.endswith("_index.md")
            and not site.layout.listed(p.rel)
        ]
        out.append(f"orphan pages (no link from another document): {len(orphans)}")
        out += [f"  {p.path}  {p.url}" for p in orphans]
        out.append("most-linked pages (documents linking to them):")
        by_rel = site.by_rel
        for rel, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MOST_LINKED]:
            page = by_rel[rel]
            out.append(f"  {count:>5}  {page.path}  {page.url or ''}")
        out.append("")
    return "".join(one_line(line) + "\n" for line in out)
