"""Apply fixes: edits never overlap, apply bottom-up, and re-check until nothing changes."""

from __future__ import annotations

import difflib
from bisect import bisect_left
from collections.abc import Iterable
from itertools import pairwise

from lint.engine import check_text
from lint.model import Diagnostic
from lint.settings import Settings
from lint.source import LineIndex

MAX_PASSES = 10


def unified_diff(old: str, new: str, shown_as: str) -> str:
    """What fixing changed in one file, as `--diff` prints it."""
    return "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            f"a/{shown_as}",
            f"b/{shown_as}",
        )
    )


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic], *, unsafe: bool = False):
    """Apply every applicable fix whose edits overlap no fix taken before it.

    Returns the new text and the number of fixes applied. A fix is taken whole or not at all.
    """
    lines = LineIndex(text)
    starts: list[int] = []  # taken edits, sorted by start
    taken: list[tuple[int, int, str]] = []
    applied = 0
    for d in diagnostics:
        fix = d.fix
        if fix is None or not fix.edits or (not fix.safe and not unsafe):
            continue
        edits = sorted((lines.offset(e.start), lines.offset(e.end), e.text) for e in fix.edits)
        if any(_clashes(lo, hi, starts, taken) for lo, hi, _ in edits) or _self_overlap(edits):
            continue
        for edit in edits:
            index = bisect_left(starts, edit[0])
            starts.insert(index, edit[0])
            taken.insert(index, edit)
        applied += 1
    if not applied:
        return text, 0
    pieces, cursor = [], 0
    for lo, hi, new in taken:
        pieces += [text[cursor:lo], new]
        cursor = hi
    pieces.append(text[cursor:])
    return "".join(pieces), applied


def _clashes(lo: int, hi: int, starts: list[int], taken: list[tuple[int, int, str]]) -> bool:
    """Whether [lo, hi) overlaps a taken edit (two insertions at one point also clash)."""
    index = bisect_left(starts, lo)
    if index > 0 and taken[index - 1][1] > lo:
        return True
    return index < len(taken) and (taken[index][0] < hi or taken[index][0] == lo)


def _self_overlap(edits: list[tuple[int, int, str]]) -> bool:
    return any(a[1] > b[0] or a[0] == b[0] for a, b in pairwise(edits))


def fix_text(text: str, path: str, settings: Settings, *, unsafe: bool = False, bom: bool = False):
    """Fix until nothing applies (at most MAX_PASSES). Returns (text, fixes, diagnostics)."""
    total = 0
    diagnostics = check_text(text, path, settings, bom=bom)
    for _ in range(MAX_PASSES):
        text, applied = apply_fixes(text, diagnostics, unsafe=unsafe)
        if not applied:
            break
        total += applied
        diagnostics = check_text(text, path, settings, bom=bom)
    return text, total, diagnostics
