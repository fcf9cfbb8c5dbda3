"""## What it does
Flags a page whose headings do not follow the structure `headings` lists (markdownlint's
MD043), in order: each item is a heading as written in ATX style (`## Examples`, compared
without regard to case unless `match_case`), or `*` (any number of other headings, none
included), `+` (one or more), `?` (exactly one), `%` in place of the `#` signs for a regular
expression of the text (`%% ^v\\d+$` is any level-2 heading of that form), or `^` (a repeat:
when the next heading does not match the items after it, go back to the `^` before). A
heading's text is its source (emphasis markers and code spans as written, HTML tags left out,
the lines of a setext heading joined by a space); setext headings count as levels 1 and 2.
The first heading that breaks the structure is reported, or the end of the page when required
headings are missing. With no `headings` (the default) nothing is checked.

## Why is this bad?
Pages of one kind (a reference page, a release note, a README) are easier to read and to check
when they share one outline; a missing section is easy to overlook.

## Example
With `headings = ["# Holdings", "## Sources"]`:

    # Holdings

    ## Notes

## Use instead
    # Holdings

    ## Sources
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field

from lint.model import Pos, Problem
from lint.rules import Rule, RuleOptions
from lint.rules.markdownlint import atx_closed, heading_last_line

_ITEM = re.compile(r"^(?:[*+?]|\^+|[#%]{1,6}\s+\S.*)$")
_PREFIXED = re.compile(r"^([#%]{1,6})\s+(\S.*)$")
_LOOP = re.compile(r"^\^+$")
_MAY_MATCH_NOTHING = re.compile(r"^(?:\*|\^+)$")
_NO_HEADING = "[No heading]"
MAX_LOOPS = 1000


def _valid_items(items: tuple[str, ...] | None) -> tuple[str, ...] | None:
    for item in items or ():
        if not _ITEM.match(item):
            raise ValueError(
                f"'{item}' is not a required heading: expected '## Text', '%% regex', "
                "or one of '*', '+', '?', '^'"
            )
        prefixed = _PREFIXED.match(item)
        if item.startswith("%") and prefixed:
            try:
                re.compile(prefixed[2])
            except re.error as err:
                raise ValueError(f"'{item}' is not a regular expression: {err}") from None
    return items


class RequiredHeadings(Rule):
    code = "ML043"
    name = "required-headings"
    aliases = ("MD043",)
    enabled = False
    tags = ("headings",)
    summary = "the page's headings do not follow the required structure"
    runnable_examples = False  # the example needs `headings`

    class Options(RuleOptions):
        headings: Annotated[tuple[str, ...] | None, AfterValidator(_valid_items)] = Field(
            None, description="the required headings, in order, with *, +, ?, % and ^"
        )
        match_case: bool = Field(False, description="compare heading text as written")

    def check(self, doc, options):
        required = options.headings
        if required is None or (not doc.text and doc.problems):
            return  # a file that was not read has no headings to check
        matcher = _Matcher(required, options.match_case)
        for heading in doc.headings:
            actual = "#" * heading.level + " " + _heading_text(doc, heading)
            expected = matcher.next_for(actual)
            if matcher.loops_left < 0:
                yield Problem(
                    heading.start,
                    f"the required headings repeat more than {MAX_LOOPS} times at heading "
                    f"'{actual}'; expected fewer repeats",
                    end=heading.end,
                )
                return
            if expected is not None:
                what = (
                    "expected no more headings"
                    if expected == _NO_HEADING
                    else f"expected '{expected}'"
                )
                yield Problem(
                    heading.start,
                    f"heading '{actual}' does not follow the required headings; {what}",
                    end=heading.end,
                )
                return
        missing = [item for item in required[matcher.at :] if not _MAY_MATCH_NOTHING.match(item)]
        if missing:
            yield Problem(
                Pos(doc.lines.line_count, 1),
                f"the page ends without the required heading '{missing[0]}'",
            )


class _Matcher:
    """Walks the required headings as the page's headings come: `next_for` takes one
    heading and gives what was expected instead when it does not fit (None when it does)."""

    def __init__(self, required: tuple[str, ...], match_case: bool) -> None:
        self.required = required
        self.match_case = match_case
        self.at = 0  # the index of the next required item
        self.loops_left = MAX_LOOPS
        self.any_fits = False  # after `+` or `*`: a heading that does not match is skipped

    def _take(self, skip_loops: bool) -> str:
        while True:
            item = self.required[self.at] if self.at < len(self.required) else _NO_HEADING
            self.at += 1
            if not (skip_loops and _LOOP.match(item)):
                return item

    def next_for(self, actual: str) -> str | None:
        expected = self._take(False)
        if expected.startswith("^"):
            marker, after_marker = expected, self.at
            following = self._take(True)
            expected = following
            if not self._matches(actual, following):
                self.loops_left -= 1
                for back in range(after_marker - 2, -1, -1):
                    if self.required[back] == marker:  # go back to the marker before
                        self.at = back + 1
                        expected = self._take(False)
                        break
        if self.loops_left < 0:
            return None
        if expected == "*":
            if not self._matches(actual, self._take(True)):
                self.any_fits = True
                self.at -= 1
        elif expected == "+":
            self.any_fits = True
        elif expected == "?":
            pass
        elif self._matches(actual, expected):
            self.any_fits = False
        elif self.any_fits:
            self.at -= 1
        else:
            return expected
        return None

    def _matches(self, actual: str, expected: str) -> bool:
        if expected.startswith("%"):
            have, want = _PREFIXED.match(actual), _PREFIXED.match(expected)
            if have is None or want is None or len(have[1]) != len(want[1]):
                return False
            flags = 0 if self.match_case else re.IGNORECASE
            return re.search(want[2], have[2], flags) is not None
        if self.match_case:
            return actual == expected
        return actual.lower() == expected.lower()


def _heading_text(doc, heading) -> str:
    """A heading's text as written: between the `#` signs of an ATX heading, the lines above
    the underline of a setext one (joined by a space); inline HTML tags left out."""
    lines = doc.lines
    text = doc.text
    first, last = heading.start.line, heading_last_line(doc, heading)
    if last > first:  # setext
        lo, hi = heading.offset, lines.starts[last - 1]
    else:
        line = lines.line_text(first)
        at = heading.start.column - 1
        at += len(line) - at - len(line[at:].lstrip(" "))  # the first `#`
        rest = line[at:]
        content = rest.lstrip("#")
        lo = lines.starts[first - 1] + at + len(rest) - len(content)
        if atx_closed(rest):
            content = content.rstrip().rstrip("#")
        hi = lo + len(content)
    pieces, at = [], lo
    for node in doc.html:
        if not node.block and lo <= node.offset < hi:
            pieces.append(text[at : node.offset])
            at = node.end_offset
    pieces.append(text[at:hi])
    return " ".join("".join(pieces).splitlines()).strip()
