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

A page's definitions include those its site adds: on an MkDocs site, the files
`pymdownx.snippets` appends to every page (`auto_append`); anywhere, the files the
`definition_files` option names. A page that includes a snippet (`--8<--`) may get any label
from it: its references are not judged. On an MkDocs site, `[text] [label]` and `[text]`
with `[label]` at the start of the next line are one reference, as Python-Markdown reads
them. Labels a site defines when it is built (a hook that turns `[config.post_dir]` into a
link) are not in any file: the `labels` option takes regular expressions of them. On an
MkDocs site with mkdocs-autorefs (listed, or turned on by mkdocstrings), a reference with an
undefined label (`[text][griffe.Loader]`, `` [`griffe.load`][] ``) is a cross-reference the
plugin resolves when the site is built: it is not judged. A bare `[text]` is none. With
`pymdownx.progressbar`, `[=45% "45%"]` is a progress bar, not a reference.

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
import string
from bisect import bisect_right
from functools import cached_property
from operator import itemgetter

from pydantic import Field

from lint.markdown import label_key
from lint.model import Problem, Severity
from lint.rules import Patterns, Rule, RuleOptions, compile_patterns
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
# Python-Markdown also reads `[text] [label]` and `[text]` + line break + `[label]` as a
# reference: one blank (a line break and the next line's indentation) between the brackets.
_SPACED_LABEL = re.compile(r"(?:[ \t]|[ \t]*\n[ \t]*)\[([^\[\]\n]{0,500})\]")
# pymdownx.snippets includes another file, whose definitions the page gets
_SNIPPET = re.compile(r"^[ \t]*-{1,}8<-{1,}", re.MULTILINE)
_START = itemgetter(0)  # a prose run's start offset
# what may end a word right before a bracket; ASCII: CJK text has no spaces
_WORD = frozenset(string.ascii_letters + string.digits + "_)]!`\\")
# pymdownx.progressbar's bars: `[=45% "45%"]`, `[= 3/4]`
_PROGRESS = re.compile(r"=+[ \t]*\d")


class BrokenLinkSyntax(Rule):
    code = "LK003"
    name = "broken-link-syntax"
    summary = "text meant as a link does not render as one"
    severity = Severity.ERROR
    reads_context = True

    class Options(RuleOptions):
        definition_files: tuple[str, ...] = Field(
            (),
            description="files (relative to the configuration's folder) whose link reference "
            "definitions every page has, as a generator appends them",
        )
        labels: Patterns = Field(
            (),
            description="regular expressions of labels the site defines when it is built (by "
            "a hook or a plugin): a label one matches whole is taken as defined",
        )

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
        spaced = doc.context.flavor == "python-markdown"
        taken = -1  # the end of the last `[text] [label]` read as one reference
        for match in _BRACKETS.finditer(text, doc.body_start):
            lo, hi = match.span()
            if lo < taken or lo in link_starts or (lo > 0 and text[lo - 1] in _WORD):
                continue
            if not (in_prose(lo) and in_prose(hi - 1)):
                continue
            if labels is None:
                labels = _document_labels(doc, options)
            reference = _SPACED_LABEL.match(text, hi) if spaced else None
            if reference is not None:
                taken = reference.end()
            reason = _reason(text, match, labels, reference)
            if reason:
                yield Problem(doc.lines.pos(lo), reason, end=doc.lines.pos(hi))


def _document_labels(doc, options) -> _Labels:
    # every definition line holds a `]:`: a search for the pattern tries every line of a page
    written = line_matches(_DEFINITION_LINE, doc.text, doc.body_start, "]:")
    labels = _Labels(
        [d.label for d in doc.definitions]
        + [match[1] for match in written]
        + [*doc.context.labels],
        compile_patterns(options.labels),
    )
    labels.cross_references = doc.context.cross_references
    labels.progress_bars = "pymdownx.progressbar" in doc.context.extensions
    if "8<" in doc.text and _SNIPPET.search(doc.text, doc.body_start):
        labels.unknown = True  # an included file may define any label
    return labels


class _Labels:
    """The labels a document defines, and a quick test for a label that nearly matches one:
    equal once punctuation and spaces are dropped, or one letter apart (by deletions, so
    the test stays linear in the number of labels)."""

    def __init__(self, labels: list[str], accepted: re.Pattern[str] | None = None) -> None:
        self.labels = labels
        self.keys = {label_key(label) for label in labels}
        self.accepted = accepted  # labels the site defines when it is built
        # a label made by a template (`[#{{ issue }}]: ...`): references cannot be judged
        self.unknown = any(templated(label) for label in labels)
        self.cross_references = False  # an undefined label is a plugin's cross-reference
        self.progress_bars = False  # `[=45%]` is a progress bar

    def defined(self, label: str) -> bool:
        if label_key(label) in self.keys:
            return True
        return self.accepted is not None and self.accepted.fullmatch(label.strip()) is not None

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


def _reason(
    text: str, match: re.Match, labels: _Labels, split: re.Match | None = None
) -> str | None:
    """Why the bracket `match` is not the link it looks meant to be; None when it is fine.
    `split`: the `[label]` after a blank, for a flavor that reads it as the reference's."""
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
    reference = _LABEL.match(text, hi) or split
    if labels.progress_bars and any(
        _PROGRESS.match(part) for part in (label, reference[1] if reference else "")
    ):
        return None  # a bar, or a bracket before one
    if reference and labels.cross_references:
        return None  # resolved when the site is built, against what mdvet cannot see
    if reference:
        name = reference.group(1) or label
        if labels.defined(name):
            return None
        shown_name = " ".join(name.split())
        near = labels.resembling(name)
        hint = f"; did you mean '[{near}]'?" if near else ""
        return (
            f"'[{shown}][{reference.group(1)}]' is not a link: no definition "
            f"'[{shown_name}]: ...'{hint}"
        )
    if text[hi : hi + 1] == ":" or labels.defined(label):
        return None
    near = labels.resembling(label)
    if near is not None:
        return (
            f"'[{shown}]' is not a link: no definition '[{shown}]: ...'; did you mean '[{near}]'?"
        )
    return None
