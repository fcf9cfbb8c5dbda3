"""How often mdvet's markdownlint rules agree with markdownlint itself, on the real corpora.

    .venv/bin/python bench/agreement.py                       # every corpus, every rule
    .venv/bin/python bench/agreement.py --corpus rust-blog --show MD009

markdownlint-cli2 is installed once into bench/.cache/npm (as bench/run.py installs it). The
corpora are copied into a temporary folder with one `.markdownlint.jsonc` at its top (all of
markdownlint's rules on, with their defaults, unless `--config` names another file); both
tools read that file and are given the same list of files. A hit is a (file, line, rule); the
table gives, per markdownlint rule, markdownlint's hits, mdvet's, both, those of only one, and
the agreement: both ÷ union. `--show CODE` prints the differences of one rule. This is a
measurement, not a test.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import DEFAULT_CORPORA, ENV, EXTENSIONS, ROOT, markdownlint_tool

sys.path.insert(0, str(ROOT))
from lint.markdownlint import RULES
from lint.rules import builtin

CONFIG = '{\n  "default": true\n}\n'
_HIT = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+)(?::\d+)?\s+(?:error\s+|warning\s+)?(?P<code>MD\d{3})/"
)
MDVET = (sys.executable, "-m", "lint", "check", "--no-cache", "--format", "json", "--exit-zero")
SKIPPED_FOLDERS = {"node_modules", ".git"}


def files_of(root: Path) -> list[str]:
    """The Markdown files under `root`, relative to it, sorted."""
    found = []
    for path in root.rglob("*"):
        parts = set(path.relative_to(root).parts)
        if path.suffix.lstrip(".") in EXTENSIONS and path.is_file() and not SKIPPED_FOLDERS & parts:
            found.append(path.relative_to(root).as_posix())
    return sorted(found)


def markdownlint_hits(work: Path, files: list[str]) -> Counter:
    tool = markdownlint_tool()
    script = tool.command([], False)[1]
    hits: Counter = Counter()
    for start in range(0, len(files), 2000):  # `:` makes a path literal, not a glob
        batch = [":" + name for name in files[start : start + 2000]]
        done = subprocess.run(
            ["node", script, *batch], cwd=work, env=ENV, capture_output=True, text=True
        )
        for line in (done.stdout + done.stderr).splitlines():
            match = _HIT.match(line)
            if match:
                hits[(match["path"], int(match["line"]), match["code"])] += 1
    return hits


def mdvet_hits(work: Path, files: list[str]) -> Counter:
    to_md = {}
    for rule in builtin():
        md = next((a for a in rule.aliases if a.startswith("MD")), None)
        if md:
            to_md[rule.code] = md
    hits: Counter = Counter()
    for start in range(0, len(files), 2000):
        done = subprocess.run(
            [*MDVET, *files[start : start + 2000]],
            cwd=work,
            env={**ENV, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
        )
        report = json.loads(done.stdout)
        rows = report["diagnostics"] if isinstance(report, dict) else report
        for d in rows:
            code = to_md.get(d["code"])
            if code:
                hits[(d["path"], d["line"], code)] += 1
    return hits


def table(ours: Counter, theirs: Counter) -> tuple[str, dict[str, tuple]]:
    implemented = {a for rule in builtin() for a in rule.aliases if a.startswith("MD")}
    rows = [
        "| rule | markdownlint | mdvet | both | only markdownlint | only mdvet | agreement |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    numbers = {}
    for code, name in RULES.items():
        mine = Counter({k: v for k, v in ours.items() if k[2] == code})
        other = Counter({k: v for k, v in theirs.items() if k[2] == code})
        both = sum((mine & other).values())
        union = sum((mine | other).values())
        a, b = sum(other.values()), sum(mine.values())
        agreement = f"{100 * both / union:.1f}%" if union else "-"
        numbers[code] = (a, b, both, a - both, b - both, agreement)
        label = f"{code} {name}" + ("" if code in implemented else " (not implemented)")
        rows.append(f"| {label} | {a} | {b} | {both} | {a - both} | {b - both} | {agreement} |")
    return "\n".join(rows) + "\n", numbers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--corpus", action="append", help="only this corpus (repeatable)")
    parser.add_argument(
        "--config", type=Path, help="a markdownlint configuration (.json, .jsonc, .yaml) for both"
    )
    parser.add_argument("--show", action="append", default=[], help="print a rule's differences")
    parser.add_argument("--limit", type=int, default=30, help="differences shown per rule")
    args = parser.parse_args(argv)
    names = args.corpus or sorted(p.name for p in args.corpora.iterdir() if p.is_dir())
    with tempfile.TemporaryDirectory(prefix="mdvet-agreement-") as tmp:
        work = Path(tmp)
        for name in names:
            shutil.copytree(args.corpora / name, work / name, symlinks=True)
        config = args.config.read_text() if args.config else CONFIG
        suffix = args.config.suffix if args.config else ".jsonc"
        (work / f".markdownlint{suffix}").write_text(config)
        files = files_of(work)
        print(f"{len(files)} files in {', '.join(names)}", file=sys.stderr)
        theirs = markdownlint_hits(work, files)
        ours = mdvet_hits(work, files)
    text, _numbers = table(ours, theirs)
    print(text)
    for code in args.show:
        code = code.upper()
        only_theirs = sorted(k for k in theirs if k[2] == code and ours[k] < theirs[k])
        only_ours = sorted(k for k in ours if k[2] == code and theirs[k] < ours[k])
        print(f"## {code}: only markdownlint ({len(only_theirs)})")
        for path, line, _ in only_theirs[: args.limit]:
            print(f"  {path}:{line}")
        print(f"## {code}: only mdvet ({len(only_ours)})")
        for path, line, _ in only_ours[: args.limit]:
            print(f"  {path}:{line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
