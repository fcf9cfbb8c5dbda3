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
        # canonical() is asked once per URL; in most documents no two URLs share a key, and
        # that is all there is to see
        keys: dict[str, str | None] = {}
        for node in doc.links_and_images:
            if node.kind != "email" and node.url not in keys:
                keys[node.url] = canonical(node.url)
        found = [key for key in keys.values() if key is not None]
        if len(set(found)) == len(found):
            return
        # the forms (URLs) of each destination, each with its uses, in document order
        groups: defaultdict[str, dict[str, list]] = defaultdict(dict)
        for node in doc.links_and_images:
            key = keys.get(node.url) if node.kind != "email" else None
            if key is not None:
                groups[key].setdefault(node.url, []).append(node)
        for forms in groups.values():
            if len(forms) < 2:
                continue
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
