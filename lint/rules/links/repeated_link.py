"""## What it does
Flags a destination linked more than `max` times in one document (default 1: link the first
mention only). Destinations are compared after folding their equivalent forms (see LK002);
links to a part of the same page (`#section`) are not counted. Off by default: many sites
link a name at each mention on purpose.

## Why is this bad?
A page where every mention of a name is a link is harder to read, and the links that matter
drown among the repeated ones.

## Example
    [Kato](https://japan.kantei.go.jp/kato.html) said so, and [Kato](https://japan.kantei.go.jp/kato.html) said it again.

## Use instead
    [Kato](https://japan.kantei.go.jp/kato.html) said so, and Kato said it again.
"""

from __future__ import annotations

from pydantic import Field

from lint.model import Problem
from lint.rules import Rule, RuleOptions
from lint.urls import canonical


class RepeatedLink(Rule):
    code = "LK005"
    name = "repeated-link"
    summary = "the same destination is linked more than `max` times"
    enabled = False

    class Options(RuleOptions):
        max: int = Field(1, ge=1, description="how many links to one destination are fine")

    def check(self, doc, options):
        seen: dict[str, list] = {}
        for link in doc.links:
            if link.kind == "email":
                continue
            key = canonical(link.url)
            if key is None:
                continue
            uses = seen.setdefault(key, [])
            uses.append(link)
            if len(uses) > options.max:
                yield Problem(
                    link.start,
                    f"'{link.url}' is linked {len(uses)} times (first at line "
                    f"{uses[0].start.line}); at most {options.max} expected",
                    end=link.end,
                )
