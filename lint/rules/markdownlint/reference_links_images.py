"""## What it does
Flags a full or collapsed reference link or image whose label has no definition in the
page (markdownlint's MD052): `[Treasury][t]` or `[t][]` without `[t]: ...`. Such text
renders as brackets, not a link. With `shortcut_syntax`, `[t]` alone is checked too (off by
default: bracketed words are common). Labels in `ignored_labels` (`x` by default, a task
list's `[x]`) are never flagged, nor labels holding code (as markdownlint, which does not
see them), nor any reference on a page whose definitions have labels made by a template
(`[{{ name }}-filter]: ...`). Code, HTML and template syntax are not read.

LK003 broken-link-syntax flags these references as well, and more (a space in a destination,
a space before `(`), and knows labels a site adds to every page (`definition_files`,
snippets, cross-references of mkdocs-autorefs): it is the rule for a site; this one reads a
page as markdownlint does.

## Why is this bad?
A reference without a definition is not a link: readers see the brackets and no link.

## Example
    Tokyo holds [Treasuries][t].

## Use instead
    Tokyo holds [Treasuries][t].

    [t]: https://home.treasury.gov/
"""

from __future__ import annotations

import re
from bisect import bisect_right

from pydantic import Field

from lint.markdown import label_key
from lint.model import Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import prose_starts
from lint.rules.markdownlint.reference_definitions import DEFINITION_LINE
from lint.urls import templated

# the text may run over a line break; the label may not
_FULL = re.compile(r"\[((?:\\.|[^\[\]\\\n]|\n(?![ \t]*\n))*)\]\[((?:\\.|[^\[\]\\\n])*)\]")
_SHORTCUT = re.compile(r"\[((?:\\.|[^\[\]\\\n])+)\](?![\[(:])")


class ReferenceLinksImages(Rule):
    code = "ML052"
    name = "reference-links-images"
    aliases = ("MD052",)
    enabled = False
    tags = ("images", "links")
    summary = "a reference link or image has no definition"

    class Options(RuleOptions):
        shortcut_syntax: bool = Field(False, description="check `[label]` alone too")
        ignored_labels: tuple[str, ...] = Field(
            ("x",), description="labels never flagged (a task list's `[x]`)"
        )

    def check(self, doc, options):
        prose = doc.prose
        text = doc.text
        if not prose or "[" not in text:
            return
        starts = prose_starts(doc)

        def in_prose(offset: int) -> bool:
            i = bisect_right(starts, offset) - 1
            return i >= 0 and offset < prose[i][1]

        # definitions as written too: one whose destination is template syntax is not one to
        # the parser, but is once the page is rendered
        labels = [d.label for d in doc.definitions]
        if text.find("]:", doc.body_start) != -1:  # what every definition holds
            labels += [m[1] for m in DEFINITION_LINE.finditer(text, doc.body_start)]
        if any(templated(label) for label in labels):
            return  # a label made by a template may be any label
        defined = {label_key(label) for label in labels}
        ignored = {label_key(label) for label in options.ignored_labels}
        # a full reference holds `][` (a text holding none has none)
        patterns = [_FULL] if text.find("][", doc.body_start) != -1 else []
        if options.shortcut_syntax:
            patterns.append(_SHORTCUT)
        taken = -1
        for pattern in patterns:
            for match in pattern.finditer(text, doc.body_start):
                lo, hi = match.span()
                if lo < taken and pattern is _FULL:
                    continue
                if text[lo - 1 : lo] in ("\\", "]") or not (in_prose(lo) and in_prose(hi - 1)):
                    continue
                label = match[match.lastindex] or match[1]
                key = label_key(label)
                if not key or key in defined or key in ignored or "`" in label:
                    continue
                taken = hi
                yield Problem(
                    doc.lines.pos(lo),
                    f"no definition for the reference '{match[0]}'; expected '[{label}]: ...' "
                    "in the page",
                    end=doc.lines.pos(hi),
                )
