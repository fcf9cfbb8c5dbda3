r"""## What it does
Flags text that was meant to be a link but renders as plain text, at the column of its `[`:

- a space in the destination: `[China](https://www gov.cn/)`;
- a space between `]` and `(`: `[China] (https://www.gov.cn/)`;
- a `(` that is never closed on its line: `[China](https://www.gov.cn/`;
- a reference with no definition: `[China][gov]`, `[China][]`, and `[China]` alone when the
  document defines a label that differs from it only in punctuation or by one letter
  (`[gov cn]` with `[gov-cn]: ...` defined); other bracketed words are left alone.

Only prose is read: code, HTML, and template syntax are left alone, and so are escaped
brackets (`\[`) and brackets right after a word (`array[i](x)`).

## Why is this bad?
CommonMark does not render these as links: readers see brackets, parentheses and a raw
address, and the link the author wanted is missing.

## Example
    Trade with [China](https://www gov.cn/) grew.

## Use instead
    Trade with [China](https://www.gov.cn/) grew.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property
from operator import itemgetter

from lint.markdown import label_key
from lint.model import Problem, Severity
from lint.rules import Rule
from lint.source import line_matches
from lint.urls import templated

_BRACKETS = re.compile(r"\[([^\[\]\n]{0,500})\]")
_PAREN = re.compile(r"\(([^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\)")
_SPACED_PAREN = re.compile(r"[ \t]+\((\S+?)\)")
_UNCLOSED = re.compile(r"\(([^()\s]+)[^()\n]*$", re.MULTILINE)
_LABEL = re.compile(r"\[([^\[\]\n]{0,500})\]")
_URLISH = re.compile(
    r"(?:[a-z][a-z0-9+.-]*:|www\.|/|\./|\.\./|#|[^\s/]+/|[^\s]+\.(?:md|mdx|html?|php|pdf)\b)",
    re.IGNORECASE,
)
_STRICT_URL = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.|\.{0,2}/|\S+\.(?:md|mdx|html?)\b)", re.I)
# A line that defines a reference, valid or not yet (`[roadmap]: {{ site.repository }}/9156`
# becomes valid once the template is rendered).
_DEFINITION_LINE = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)*\[((?:\\.|[^\]\\\n])+)\]:", re.MULTILINE)
_START = itemgetter(0)  # a prose run's start offset
_WORD = re.compile(r"[A-Za-z0-9_)\]!`\\]")  # ASCII: CJK text has no spaces


class BrokenLinkSyntax(Rule):
    code = "LK003"
    name = "broken-link-syntax"
    summary = "text meant as a link does not render as one"
    severity = Severity.ERROR

    def check(self, doc, options):
        prose = doc.prose
        if not prose:
            return
        text = doc.text
        labels = None  # read at the first bracket in prose: most brackets are links or code

        def in_prose(offset: int) -> bool:
            # runs are sorted and do not overlap: only the last one starting at or before the
            # offset can hold it (found by a key: a list of starts would cost a pass over the
            # runs, and few brackets get here)
            i = bisect_right(prose, offset, key=_START) - 1
            return i >= 0 and offset < prose[i][1] and "link" not in prose[i][2]

        # most brackets open a link, and a link's own `[` is markup, never prose
        link_starts = {link.offset for link in doc.links}
        for match in _BRACKETS.finditer(text, doc.body_start):
            lo, hi = match.span()
            if lo in link_starts or (lo > 0 and _WORD.match(text, lo - 1)):
                continue
            if not (in_prose(lo) and in_prose(hi - 1)):
                continue
            if labels is None:
                labels = _document_labels(doc)
            reason = _reason(text, match, labels)
            if reason:
                yield Problem(doc.lines.pos(lo), reason, end=doc.lines.pos(hi))


def _document_labels(doc) -> _Labels:
    # every definition line holds a `]:`: a search for the pattern tries every line of a page
    written = line_matches(_DEFINITION_LINE, doc.text, doc.body_start, "]:")
    return _Labels([d.label for d in doc.definitions] + [match[1] for match in written])


class _Labels:
    """The labels a document defines, and a quick test for a label that nearly matches one:
    equal once punctuation and spaces are dropped, or one letter apart (by deletions, so
    the test stays linear in the number of labels)."""

    def __init__(self, labels: list[str]) -> None:
        self.labels = labels
        self.keys = {label_key(label) for label in labels}
        # a label made by a template (`[#{{ issue }}]: ...`): references cannot be judged
        self.unknown = any(templated(label) for label in labels)

    @cached_property
    def near(self) -> dict[str, str]:
        """Each label by its variants; built at the first bracket that needs a suggestion."""
        near: dict[str, str] = {}
        for label in self.labels:
            for variant in self._variants(label):
                near.setdefault(variant, label)
        return near

    @staticmethod
    def _variants(label: str) -> list[str]:
        squashed = "".join(c for c in label.casefold() if c.isalnum())
        if not 3 <= len(squashed) <= 64:
            return [squashed] if squashed else []
        return [squashed] + [squashed[:i] + squashed[i + 1 :] for i in range(len(squashed))]

    def resembling(self, label: str) -> str | None:
        for variant in self._variants(label):
            if variant in self.near:
                return self.near[variant]
        return None


def _reason(text: str, match: re.Match, labels: _Labels) -> str | None:
    label, hi = match.group(1), match.end()
    shown = " ".join(label.split())
    paren = _PAREN.match(text, hi)
    if paren:
        dest = paren.group(1).strip()
        if " " in dest and _URLISH.match(dest) and not dest.startswith("#") and not templated(dest):
            return (
                f"'[{shown}]({dest})' is not a link: its destination contains a space; "
                "remove it or write %20"
            )
        return None
    spaced = _SPACED_PAREN.match(text, hi)
    if spaced and _STRICT_URL.match(spaced.group(1)) and label.strip():
        return (
            f"'[{shown}] ({spaced.group(1)})' is not a link: remove the space between ']' and '('"
        )
    unclosed = _UNCLOSED.match(text, hi)
    if unclosed and _STRICT_URL.match(unclosed.group(1)) and not templated(unclosed.group(1)):
        return f"'[{shown}]({unclosed.group(1)}' is not a link: its '(' is never closed"
    if labels.unknown or not label.strip() or label.startswith(("^", "!")):
        return None  # footnotes `[^1]` and alerts `[!NOTE]` are not references
    reference = _LABEL.match(text, hi)
    if reference:
        name = reference.group(1) or label
        if label_key(name) in labels.keys:
            return None
        shown_name = " ".join(name.split())
        near = labels.resembling(name)
        hint = f"; did you mean '[{near}]'?" if near else ""
        return (
            f"'[{shown}][{reference.group(1)}]' is not a link: no definition "
            f"'[{shown_name}]: ...'{hint}"
        )
    if text[hi : hi + 1] == ":" or label_key(label) in labels.keys:
        return None
    near = labels.resembling(label)
    if near is not None:
        return (
            f"'[{shown}]' is not a link: no definition '[{shown}]: ...'; did you mean '[{near}]'?"
        )
    return None
