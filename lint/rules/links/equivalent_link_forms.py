"""## What it does
Flags one destination written in different forms in one document: `http` and `https`,
`index.html`, `index.htm` or `index.php` and the folder, with and without a trailing slash,
a host in different case, a default port (`:80`, `:443`), an empty query (`?`) or fragment
(`#`). Every link written in another form than the one used most is reported (on a tie, the
form used first wins).

## Why is this bad?
The page is the same, but tools are not told so: analytics, link checkers and caches count
two pages, and readers see a visited link as new. One form is easier to keep up to date.

## Example
    Read the [ministry's site](https://www.mof.go.jp/) and its [home page](https://www.mof.go.jp/index.htm).

## Use instead
    Read the [ministry's site](https://www.mof.go.jp/) and its [home page](https://www.mof.go.jp/).
"""

from __future__ import annotations

from collections import defaultdict

from lint.model import Problem
from lint.rules import Rule
from lint.urls import canonical


class EquivalentLinkForms(Rule):
    code = "LK002"
    name = "equivalent-link-forms"
    summary = "one destination is written in different forms"

    def check(self, doc, options):
        # the nodes of each URL, then the URLs (forms) of each destination: canonical() is
        # asked once per URL, and most destinations have one form, which needs no more work
        by_url = defaultdict(list)
        for node in doc.links_and_images:
            if node.kind != "email":
                by_url[node.url].append(node)
        groups = defaultdict(list)
        for url in by_url:
            key = canonical(url)
            if key is not None:
                groups[key].append(url)
        for urls in groups.values():
            if len(urls) < 2:
                continue
            forms = {url: by_url[url] for url in urls}
            # dicts keep insertion order: max() keeps the first of equal counts
            winner = max(forms, key=lambda form: len(forms[form]))
            first = forms[winner][0]
            tie = sum(len(uses) == len(forms[winner]) for uses in forms.values()) > 1
            why = "the form used first" if tie else "the form used most here"
            for form, uses in forms.items():
                if form == winner:
                    continue
                for node in uses:
                    yield Problem(
                        node.start,
                        f"'{form}' is the same destination as '{winner}' (line "
                        f"{first.start.line}), {why}; write it one way",
                        end=node.end,
                    )
