"""## What it does
Flags a heading written in another style than the page's (markdownlint's MD003): `# ATX`,
`# closed ATX #`, or setext (text underlined with `===` or `---`). With `style = "consistent"`
(the default) the first heading sets the style; `atx`, `atx_closed` and `setext` require one;
`setext_with_atx` and `setext_with_atx_closed` require setext for levels 1 and 2 and ATX (or
closed ATX) for the deeper levels, which setext cannot write. Headings in blockquotes and
lists count; headings inside template syntax do not. There is no fix, as in markdownlint.

## Why is this bad?
Mixed heading styles make the source harder to scan, and a line of text followed by `---`
(meant as a rule) silently becomes a setext heading.

## Example
    # Tariffs

    Markets
    -------

## Use instead
    # Tariffs

    ## Markets
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lint.model import Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import heading_style, visible_headings


class HeadingStyle(Rule):
    code = "ML003"
    name = "heading-style"
    aliases = ("MD003",)
    tags = ("headings",)
    summary = "a heading's style differs from the page's"
    enabled = False

    class Options(RuleOptions):
        style: Literal[
            "consistent", "atx", "atx_closed", "setext", "setext_with_atx", "setext_with_atx_closed"
        ] = Field("consistent", description="the heading style required")

    def check(self, doc, options):
        style = options.style
        for at, _facts in visible_headings(doc):
            heading, found = at.node, heading_style(at)
            if style == "consistent":
                style = found
            expected = style
            if style.startswith("setext_with_"):
                expected = "setext" if heading.level <= 2 else style.removeprefix("setext_with_")
            if found != expected:
                yield Problem(
                    at.start,
                    f"heading '{heading.text}' is written in the {found} style; expected "
                    f"{expected}",
                    end=heading.end,
                )
