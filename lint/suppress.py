"""Suppressions: inline comments and per-file ignores, applied after the rules as a filter.

Body (HTML comments):  <!-- mdvet-disable CODE ... --> ... <!-- mdvet-enable CODE ... -->,
<!-- mdvet-disable-next-line CODE ... -->, <!-- mdvet-disable-file CODE ... -->.
Front matter (YAML comments): `# mdvet-disable-line CODE ...` at the end of a line, and
`# mdvet-disable CODE ...` on a line of its own for the whole block. No codes means all.

markdownlint's comments are honoured as markdownlint reads them, for the rules that answer to a
markdownlint code (see `markdownlint_suppressions`): `markdownlint-disable`, `-enable`,
`-disable-line`, `-disable-next-line`, `-capture`, `-restore`, `-disable-file` and
`-enable-file`. A `-configure-file` comment is configuration, not a suppression: see
`configure_file` and lint.engine.

`disable_edits` writes the comments that silence one problem without changing the rendered
page: in the body, a disable/enable pair on lines of their own around the top-level block
that holds the problem (a comment line inside a paragraph, list or table would end it).
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lint.document import Document
from lint.markdown import top_level_blocks
from lint.model import Diagnostic, Edit, Pos
from lint.rules import builtin
from lint.settings import Settings

UNUSED = "LN002"
_BODY = re.compile(r"<!--\s*mdvet-(disable-next-line|disable-file|disable|enable)\b([^>]*?)-->")
_FRONT_MATTER = re.compile(r"(^|\s)#\s*mdvet-(disable-line|disable)\b(.*)$")


@dataclass
class Suppression:
    directive: str
    at: Pos
    codes: frozenset[str] | None  # None: every code
    first_line: int
    last_line: float  # inclusive; math.inf for "to the end"
    used: bool = field(default=False)

    def covers(self, d: Diagnostic) -> bool:
        return self.first_line <= d.line <= self.last_line and (
            self.codes is None or d.code in self.codes
        )

    @property
    def label(self) -> str:
        codes = " ".join(sorted(self.codes)) if self.codes else ""
        return f"mdvet-{self.directive} {codes}".strip()


def _codes(words: str) -> frozenset[str] | None:
    registry = builtin()
    found = set()
    for word in words.replace(",", " ").split():
        rule = registry.entry(word)
        found.add(rule.code if rule is not None else word.upper())
    return frozenset(found) or None


def _comments(doc: Document, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The matches of a comment `pattern` at each `<!--` in the document's HTML, matched in
    the whole text: the parser gives an HTML block line by line, and a comment may span
    several lines."""
    text = doc.text
    for html in doc.html:
        start = text.find("<!--", html.offset, html.end_offset)
        while start != -1:
            match = pattern.match(text, start)
            if match is not None:
                yield match
            start = text.find("<!--", start + 4, html.end_offset)


def in_html(doc: Document, literal: str) -> bool:
    """Whether `literal` may be in the body's HTML, where comments are: whether it is written
    after the start of the first HTML node (the nodes are in order). Most pages have none."""
    return bool(doc.html) and doc.text.find(literal, doc.html[0].offset) != -1


def find_suppressions(doc: Document) -> list[Suppression]:
    found: list[Suppression] = []
    if in_html(doc, "markdownlint-"):
        found += markdownlint_suppressions(doc)
    fm = doc.front_matter
    if fm is not None and (fm.close_line is None or fm.format == "json"):
        fm = None  # no lines of its own to read
    in_front = fm is not None and doc.text.find("mdvet-", fm.content_start, fm.content_end) != -1
    if not in_front and not in_html(doc, "mdvet-"):
        return found
    if in_front:
        for line in range(fm.open_line + 1, fm.close_line):
            text = doc.lines.line_text(line)
            match = _FRONT_MATTER.search(text)
            if match is None:
                continue
            at = Pos(line, match.start(0) + len(match[1]) + 1)
            codes = _codes(match[3])
            if match[2] == "disable-line":
                found.append(Suppression("disable-line", at, codes, line, line))
            elif not text[: match.start(0)].strip():
                found.append(Suppression("disable", at, codes, fm.open_line, fm.close_line))
    open_ranges: dict[str | None, Suppression] = {}
    for match in _comments(doc, _BODY):
        at = doc.lines.pos(match.start())
        end = doc.lines.pos(match.end())
        directive, codes = match[1], _codes(match[2])
        if directive == "disable-next-line":
            found.append(Suppression(directive, at, codes, end.line + 1, end.line + 1))
        elif directive == "disable-file":
            found.append(Suppression(directive, at, codes, 1, math.inf))
        elif directive == "disable":
            for code in codes or (None,):
                if code not in open_ranges:
                    only = None if code is None else frozenset({code})
                    open_ranges[code] = Suppression(directive, at, only, at.line, math.inf)
                    found.append(open_ranges[code])
        else:  # enable: the named codes, or every open range
            for code in list(open_ranges) if codes is None else codes:
                if code in open_ranges:
                    open_ranges.pop(code).last_line = at.line
    return found


_MARKDOWNLINT = re.compile(
    r"<!--\s*markdownlint-(disable-next-line|disable-line|disable-file|enable-file|"
    r"configure-file|disable|enable|capture|restore)\b((?:(?!-->)[\s\S])*)-->"
)


def markdownlint_suppressions(doc: Document) -> list[Suppression]:
    """markdownlint's comments as suppressions of the rules with a markdownlint code.

    As markdownlint reads them: the file-wide ones (`-disable-file`, `-enable-file`) set
    where every line starts; then, line by line, `-disable` and
    `-enable` change the state from their own line on, `-capture` saves it and `-restore`
    brings the saved one back (or the file's start), `-disable-line` holds for its line and
    `-disable-next-line` for the next one. No rule names means every markdownlint rule. A
    comment over several lines is ignored, as markdownlint ignores it (only
    `-configure-file` may span lines)."""
    registry = builtin()
    universe = frozenset(
        r.code for r in registry.entries if any(a.startswith("MD") for a in r.aliases)
    )
    comments = []  # (line, directive, codes or None for all)
    for match in _comments(doc, _MARKDOWNLINT):
        if match[1] == "configure-file" or "\n" in match[0]:
            continue  # configuration (see configure_file); the others count on one line only
        words = match[2].split()
        codes = None
        if words:
            codes = frozenset(
                rule.code
                for word in words
                for rule in registry.named(word)
                if rule.code in universe
            )
        comments.append((doc.lines.pos(match.start()).line, match[1], codes))
    if not comments:
        return []
    start: frozenset[str] = frozenset()  # what is off on every line at the start
    for _line, directive, codes in comments:
        if directive == "disable-file":
            start = universe if codes is None else start | codes
        elif directive == "enable-file":
            start = frozenset() if codes is None else start - codes
    by_line: dict[int, list] = {}
    for comment in comments:
        by_line.setdefault(comment[0], []).append(comment)
    off, saved = start, []
    per_line: dict[int, frozenset[str]] = {}  # the lines that differ from `off` as it goes
    states: list[tuple[int, frozenset[str]]] = [(1, start)]  # from this line on, this is off
    for number in sorted(by_line):
        extra: dict[int, frozenset[str]] = {}
        for _line, directive, codes in by_line[number]:
            if directive == "disable":
                off = universe if codes is None else off | codes
            elif directive == "enable":
                off = frozenset() if codes is None else off - codes
            elif directive == "capture":
                saved.append(off)
            elif directive == "restore":
                off = saved.pop() if saved else start
            elif directive in ("disable-line", "disable-next-line"):
                target = number + (directive == "disable-next-line")
                extra[target] = extra.get(target, frozenset()) | (
                    universe if codes is None else codes
                )
        states.append((number, off))
        for target, codes in extra.items():
            per_line[target] = per_line.get(target, frozenset()) | codes
    found = []
    for (first, codes), (following, _next) in zip(
        states, [*states[1:], (math.inf, None)], strict=True
    ):
        if codes and following > first:
            found.append(_quiet("disable", first, codes, first, following - 1))
    for number, codes in per_line.items():
        found.append(_quiet("disable-line", number, codes, number, number))
    return found


def _quiet(directive: str, at: int, codes: frozenset[str], first: int, last: float):
    """A markdownlint suppression: never reported as unused, since markdownlint itself keeps
    comments for rules mdvet does not run."""
    return Suppression(f"markdownlint-{directive}", Pos(at, 1), codes, first, last, used=True)


def configure_file(doc: Document) -> dict | None:
    """The configuration a document's `markdownlint-configure-file` comments give it, merged
    key by key in their order as markdownlint merges them; None without one (a comment that
    is not a JSON object is left out, as markdownlint leaves it)."""
    import json

    merged = None
    for match in _comments(doc, _MARKDOWNLINT):
        if match[1] != "configure-file":
            continue
        try:
            data = json.loads(match[2].strip() or "{}")
        except ValueError:
            continue
        if isinstance(data, dict):
            merged = {**(merged or {}), **data}
    return merged


def apply(doc: Document, diagnostics: list[Diagnostic], settings: Settings) -> list[Diagnostic]:
    """Drop what per-file ignores and inline suppressions silence; report unused ones (LN002)."""
    ignored = _per_file_ignored(doc.path, settings)
    if ignored:
        diagnostics = [d for d in diagnostics if d.code not in ignored]
    suppressions = find_suppressions(doc)
    if not suppressions:
        return diagnostics
    kept = []
    for d in diagnostics:
        hits = [s for s in suppressions if s.covers(d)]
        for s in hits:
            s.used = True
        if not hits:
            kept.append(d)
    unused = next((a for a in settings.active if a.rule.code == UNUSED), None)
    if unused is not None:
        for s in suppressions:
            if not s.used:
                kept.append(
                    Diagnostic(
                        doc.path,
                        s.at.line,
                        s.at.column,
                        UNUSED,
                        s.at.line,
                        s.at.column,
                        unused.rule.name,
                        unused.severity,
                        f"suppression '{s.label}' silenced nothing",
                    )
                )
        kept.sort()
    return kept


def _per_file_ignored(path: str, settings: Settings) -> frozenset[str]:
    if not settings.per_file_ignores:
        return frozenset()
    root = Path(os.path.abspath(settings.root))
    absolute = Path(os.path.abspath(path))
    try:
        relative = absolute.relative_to(root).as_posix()
    except ValueError:
        relative = Path(path).as_posix()
    codes: set[str] = set()
    for spec, ignored in settings.per_file_ignore_specs:
        if spec.match_file(relative):
            codes |= ignored
    return frozenset(codes)


def disable_edits(doc: Document, code: str, line: int) -> tuple[str, tuple[Edit, ...]] | None:
    """The edits that silence `code` on `line` with comments that leave the rendered page as
    it was, and what they cover ("line", "block", "front matter" or "file"); None when no
    comment can (the front matter never closes: all of the file is front matter).

    Inside YAML or TOML front matter: `# mdvet-disable-line` at the end of the line; on its
    fences, `# mdvet-disable` on a line of its own; in JSON front matter, a
    `mdvet-disable-file` comment where the body starts. In the body: the problem's top-level
    block between `mdvet-disable` and `mdvet-enable` comments, each an HTML block of its
    own (the last block of the file needs no enable); on a line of no block (a blank one),
    `mdvet-disable-next-line` above it."""
    fm = doc.front_matter
    newline = "\r\n" if "\r\n" in doc.text else "\n"

    def above(number: int, comment: str) -> Edit:
        """`comment` on a line of its own, inserted before line `number` (or at the end)."""
        if number <= doc.lines.line_count:
            at = Pos(number, 1)
            return Edit(at, at, comment + newline)
        end = doc.lines.pos(len(doc.text))
        return Edit(end, end, newline + comment + newline)

    if fm is not None and line <= (fm.close_line or doc.lines.line_count):
        if fm.close_line is None:
            return None
        if fm.format == "json":
            return "file", (above(fm.close_line + 1, f"<!-- mdvet-disable-file {code} -->"),)
        if fm.open_line < line < fm.close_line:
            end = Pos(line, len(doc.lines.line_text(line)) + 1)
            return "line", (Edit(end, end, f"  # mdvet-disable-line {code}"),)
        return "front matter", (above(fm.open_line + 1, f"# mdvet-disable {code}"),)
    blocks = top_level_blocks(doc.lines, doc.body_start)
    for index, (first, last) in enumerate(blocks):
        if first <= line <= last:
            edits = [above(first, f"<!-- mdvet-disable {code} -->")]
            if index + 1 < len(blocks):  # after the last block the disable may run on
                edits.append(above(last + 1, f"<!-- mdvet-enable {code} -->"))
            return "block", tuple(edits)
    return "line", (above(line, f"<!-- mdvet-disable-next-line {code} -->"),)
