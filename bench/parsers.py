"""Compare the two candidate Markdown parsers on the real corpora: speed and position precision.

    .venv/bin/python bench/parsers.py [--reps 5] [--corpora ../shared/corpora]

pyromark (pulldown-cmark, mdvet's parser) reports a UTF-8 byte range for every event;
markdown-it-py (`commonmark` preset plus tables) reports `token.map`, a block's line range, and no
position at all for inline tokens. Each file's body is taken as mdvet takes it: decoded, with the
front-matter block removed. Both parsers see the same bodies, file by file, alternating which one
goes first on each repetition. Prints Markdown tables.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyromark
from markdown_it import MarkdownIt

from lint.discover import discover
from lint.frontmatter import body_start, split
from lint.markdown import OPTIONS as PYROMARK_OPTIONS  # exactly what mdvet parses with
from lint.source import LineIndex, UndecodableError, decode

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"

MARKDOWN_IT = MarkdownIt("commonmark").enable("table")

# What each element looks like in each parser's output, and how its source must begin.
KINDS = ("link", "image", "code span")
OPENERS = {"link": ("[", "<"), "image": ("![",), "code span": ("`",)}
MDIT_TYPES = {"link_open": "link", "image": "image", "code_inline": "code span"}


def parse_pyromark(body: str):
    # The result is a lazy sequence: the Python objects are built while iterating, so take
    # them all, as mdvet does.
    return list(pyromark.events_with_range(body, options=PYROMARK_OPTIONS, merge_text=False))


def parse_pyromark_untouched(body: str):
    return pyromark.events_with_range(body, options=PYROMARK_OPTIONS, merge_text=False)


def parse_markdown_it(body: str):
    return MARKDOWN_IT.parse(body)


PARSERS: dict[str, Callable[[str], object]] = {
    "pyromark": parse_pyromark,
    "markdown-it-py": parse_markdown_it,
    "pyromark, events not iterated": parse_pyromark_untouched,
}


def load_bodies(corpora: Path) -> tuple[list[tuple[Path, str]], int]:
    """Every Markdown file's body (front matter removed), and how many files could not be read."""
    bodies, skipped = [], 0
    for path in discover([str(corpora)]):
        try:
            text, _ = decode(path.read_bytes())
        except (OSError, UndecodableError):
            skipped += 1
            continue
        lines = LineIndex(text)
        bodies.append((path, text[body_start(split(text, lines), lines) :]))
    return bodies, skipped


# ---------------------------------------------------------------------------------------------
# Speed


def time_parsers(bodies: list[tuple[Path, str]], reps: int) -> dict[str, list[list[int]]]:
    """`times[parser][rep][file]` in nanoseconds; the order of the parsers flips on every rep."""
    names = list(PARSERS)
    times = {name: [] for name in names}
    for body in bodies[:50]:  # warm both parsers up (imports, caches, first allocations)
        for parse in PARSERS.values():
            parse(body[1])
    clock = time.perf_counter_ns
    for rep in range(reps):
        order = names if rep % 2 == 0 else names[::-1]
        row = {name: [] for name in names}
        gc.collect()
        for _, body in bodies:
            for name in order:
                parse = PARSERS[name]
                start = clock()
                parse(body)
                row[name].append(clock() - start)
        for name in names:
            times[name].append(row[name])
        print(f"  rep {rep + 1}/{reps} done", file=sys.stderr)
    return times


def speed_table(times: dict[str, list[list[int]]], files: int) -> str:
    totals = {name: statistics.median(sum(rep) for rep in reps) for name, reps in times.items()}
    per_file = {
        name: statistics.median(statistics.median(col) for col in zip(*reps, strict=True))
        for name, reps in times.items()
    }
    p90 = {
        name: statistics.quantiles(
            (statistics.median(col) for col in zip(*reps, strict=True)), n=10
        )[-1]
        for name, reps in times.items()
    }
    reference = totals["pyromark"]
    rows = [
        "| parser | total (median of reps) | per file, median | per file, p90 | mean per file | time ÷ pyromark's |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in times:
        rows.append(
            f"| {name} | {totals[name] / 1e9:.2f} s | {per_file[name] / 1e3:.0f} µs "
            f"| {p90[name] / 1e3:.0f} µs | {totals[name] / files / 1e3:.0f} µs "
            f"| {totals[name] / reference:.2f} |"
        )
    return "\n".join(rows)


# ---------------------------------------------------------------------------------------------
# Position precision


@dataclass
class Found:
    """One parser's view of one kind of element, over all files."""

    count: int = 0
    exact_line: int = 0  # the parser itself gives the line
    derived_line: int = 0  # a line worked out from the tokens around it (markdown-it-py)
    column: int = 0  # the parser gives the column
    source_checked: int = 0
    source_agrees: int = 0  # the source at the reported offset starts as the element must
    mismatches: list[str] = field(default_factory=list)


def pyromark_elements(body: str, found: dict[str, Found]) -> list[tuple[str, int, int]]:
    """(kind, line, column) of each element, 1-based, body-relative; checks every range."""
    raw = body.encode("utf-8")
    lines = LineIndex(body)
    elements = []
    for event, rng in parse_pyromark(body):
        if isinstance(event, str):
            continue
        kind, value = next(iter(event.items()))
        if kind == "Start" and isinstance(value, dict):
            name = next(iter(value))
            element = {"Link": "link", "Image": "image"}.get(name)
        elif kind == "Code":
            element = "code span"
        else:
            continue
        if element is None:
            continue
        tally = found[element]
        tally.count += 1
        tally.exact_line += 1
        tally.column += 1
        tally.source_checked += 1
        pos = lines.byte_pos(rng["start"])
        opener = OPENERS[element]
        # Both the byte range and the (line, column) mdvet would report must land on the opener.
        in_bytes = raw.startswith(tuple(o.encode() for o in opener), rng["start"])
        if in_bytes and body.startswith(opener, lines.offset(pos)):
            tally.source_agrees += 1
        elif len(tally.mismatches) < 5:
            tally.mismatches.append(
                repr(raw[rng["start"] : rng["end"]][:40].decode(errors="replace"))
            )
        elements.append((element, pos.line, pos.column))
    return elements


def markdown_it_elements(body: str, found: dict[str, Found]) -> list[tuple[str, int | None]]:
    """(kind, line or None) of each element; the line is derived by counting breaks."""
    elements = []
    for token in parse_markdown_it(body):
        if token.type != "inline" or not token.children:
            continue
        first, end = token.map if token.map else (None, None)
        breaks = 0
        for child in token.children:
            if child.type in ("softbreak", "hardbreak"):
                breaks += 1
                continue
            element = MDIT_TYPES.get(child.type)
            if element is None:
                continue
            tally = found[element]
            tally.count += 1
            line = None
            if first is not None:
                if end - first == 1:
                    tally.exact_line += 1  # a one-line block: the map pins the line
                tally.derived_line += 1
                line = first + breaks + 1
            elements.append((element, line))
    return elements


def precision(bodies: list[tuple[Path, str]]) -> tuple[str, str]:
    pyro = {kind: Found() for kind in KINDS}
    mdit = {kind: Found() for kind in KINDS}
    paired = {kind: [0, 0] for kind in KINDS}  # [pairs compared, same line]
    same_count_files = {kind: 0 for kind in KINDS}
    files_with = {kind: 0 for kind in KINDS}
    for _, body in bodies:
        a = pyromark_elements(body, pyro)
        b = markdown_it_elements(body, mdit)
        for kind in KINDS:
            ours = [e for e in a if e[0] == kind]
            theirs = [e for e in b if e[0] == kind]
            if not ours and not theirs:
                continue
            files_with[kind] += 1
            if len(ours) != len(theirs):
                continue
            same_count_files[kind] += 1
            for (_, line, _), (_, other) in zip(ours, theirs, strict=True):
                paired[kind][0] += 1
                paired[kind][1] += line == other

    def pct(part: int, whole: int) -> str:
        return f"{100 * part / whole:.2f}%" if whole else "n/a"

    rows = [
        "| element | parser | found | exact line from the parser | line derived by counting breaks | column | source at the reported offset starts right |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for kind in KINDS:
        p, m = pyro[kind], mdit[kind]
        rows.append(
            f"| {kind} | pyromark | {p.count:,} | {pct(p.exact_line, p.count)} | — "
            f"| {pct(p.column, p.count)} | {p.source_agrees:,} / {p.source_checked:,} "
            f"({pct(p.source_agrees, p.source_checked)}) |"
        )
        rows.append(
            f"| {kind} | markdown-it-py | {m.count:,} | {pct(m.exact_line, m.count)} "
            f"| {pct(m.derived_line, m.count)} | 0% (inline tokens carry no position) | — |"
        )
    agreement = [
        "| element | files where either parser finds one | files where both find the same number "
        "| pairs compared (in order) | markdown-it-py derived line = pyromark line |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for kind in KINDS:
        compared, same = paired[kind]
        agreement.append(
            f"| {kind} | {files_with[kind]:,} | {same_count_files[kind]:,} | {compared:,} "
            f"| {same:,} ({pct(same, compared)}) |"
        )
    notes = [
        f"pyromark ranges that do not start as expected ({kind}): {', '.join(pyro[kind].mismatches)}"
        for kind in KINDS
        if pyro[kind].mismatches
    ]
    return "\n".join(rows), "\n".join(agreement) + ("\n\n" + "\n".join(notes) if notes else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--reps", type=int, default=5, help="timed passes over all files")
    args = parser.parse_args(argv)

    bodies, skipped = load_bodies(args.corpora)
    size = sum(len(body.encode("utf-8")) for _, body in bodies)
    print(f"timing {len(bodies)} bodies ({size / 2**20:.1f} MiB)", file=sys.stderr)
    times = time_parsers(bodies, args.reps)
    located, agreement = precision(bodies)

    import markdown_it

    print(f"## Markdown parsers on {args.corpora.name}\n")
    print(
        f"{len(bodies):,} files ({skipped} unreadable skipped), {size / 2**20:.1f} MiB of body "
        f"text after front matter; Python {sys.version.split()[0]}, pyromark "
        f"{getattr(pyromark, '__version__', '?')}, markdown-it-py {markdown_it.__version__}; "
        f"{args.reps} passes, parsers alternating file by file, medians.\n"
    )
    print("### Speed\n")
    print(speed_table(times, len(bodies)))
    print("\n### Positions of inline elements\n")
    print(located)
    print("\n### Cross-check: markdown-it-py's derived lines against pyromark's\n")
    print(agreement)
    return 0


if __name__ == "__main__":
    sys.exit(main())
