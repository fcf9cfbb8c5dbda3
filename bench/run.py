"""Time mdvet against rumdl and markdownlint-cli2 on the real corpora (issue 9).

    .venv/bin/python bench/run.py                 # everything, 5 runs per case
    .venv/bin/python bench/run.py --runs 3 --corpus hugo-docs --corpus rust-blog
    .venv/bin/python bench/run.py --quick         # one run, smallest corpus: checks the harness
    .venv/bin/python bench/run.py --cases online  # link checking over the network (bench/online.py)
    .venv/bin/python bench/run.py --cases mdrules # all corpora, markdownlint's rules on in all three

The other linters are installed once into bench/.cache/ (rumdl from PyPI into its own virtual
environment, markdownlint-cli2 from npm); mdvet is built from the working tree and installed into
bench/.cache/mdvet/ at each start, as `pip install` or pre-commit would install it. The corpora are copied into a temporary folder first, so
that no tool writes a cache into the shared folder and every tool sees the same files. Each case
runs every tool in turn, rotating which goes first, after one untimed round that warms the page
cache and checks from each tool's own output that it really read the files. Wall times are medians.
The table goes to stdout and to bench/results.md. This is a benchmark, not a test.

The `mdrules` case checks all the corpora with markdownlint's own rules instead of each tool's
defaults: a `.markdownlint.json` of `{"default": true}` at the top of the copy, which all three
read (it is removed again after the case). rumdl is asked for markdownlint's rules only
(`--enable` with their codes: its own further rules, MD061 and up, stay off), mdvet for the
rules that answer to a markdownlint code (`--select` with those codes: the ML rules, HD001,
HD002, HD004, LK006, IM001; its front-matter, link and site rules stay off). Each tool's
summary gives the number of problems it found, shown beside the times.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / ".cache"
RESULTS = ROOT / "bench" / "results.md"
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"

RUMDL_VERSION = "0.3.0"
MARKDOWNLINT_CLI2_VERSION = "0.24.1"  # bundles markdownlint 0.42.1
# markdownlint 0.42's rules (the numbers it skips were retired)
MARKDOWNLINT_RULES = tuple(
    f"MD{n:03d}" for n in (1, 3, 4, 5, 7, 9, 10, 11, 12, 13, 14, *range(18, 57), 58, 59, 60)
)
EXTENSIONS = ("md", "markdown", "mdx")  # what mdvet checks; the others are asked for the same
PAGE = os.sysconf("SC_PAGE_SIZE")
TIME = shutil.which("time", path="/usr/bin:/bin")  # GNU time, for maxrss
ENV = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"}


# ---------------------------------------------------------------------------------------------
# The tools


@dataclass
class Tool:
    name: str
    version: str
    # (paths, use its cache, markdownlint's rules instead of its defaults) -> argv
    command: Callable[..., list[str]]
    files_seen: Callable[[str], int | None]  # how many files the output says were read
    has_cache: bool  # whether the tool can re-run from a cache
    no_cache_flag: str | None = None  # what turns the cache off, when it is on by default
    problems: Callable[[str], int | None] = lambda output: None  # how many it says it found


def _count(pattern: str) -> Callable[[str], int | None]:
    """The number the last match of `pattern` captures; a second, empty group stands for a
    summary that says there is none (`no problems`)."""
    regex = re.compile(pattern, re.MULTILINE)

    def count(output: str) -> int | None:
        found = regex.findall(output)
        if not found:
            return None
        last = found[-1]
        return int(last[0] or 0) if isinstance(last, tuple) else int(last)

    return count


def _help(argv: list[str]) -> str:
    done = subprocess.run([*argv, "--help"], capture_output=True, text=True, env=ENV, check=False)
    return done.stdout + done.stderr


def mdvet_tool() -> Tool:
    """mdvet as users (and pre-commit) get it: the working tree built and installed into a
    virtual environment of its own, byte-compiled, not an editable install (which would
    compile every module again on each start when bytecode writing is off)."""
    folder = CACHE / "mdvet"
    python = folder / "bin" / "python"
    if not python.exists():
        print(f"creating {folder}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
    print("installing mdvet from the working tree", file=sys.stderr)
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "--force-reinstall", "--no-deps", str(ROOT)], check=True)
    subprocess.run([*pip, str(ROOT)], check=True)  # the dependencies, the first time
    base = [str(folder / "bin" / "mdvet")]
    cached = "--no-cache" in _help([*base, "check"])
    version = subprocess.run(
        [str(python), "-c", "import importlib.metadata as m; print(m.version('mdvet'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()

    answered = ",".join(code for code in MARKDOWNLINT_RULES if code in _mdvet_aliases())

    def command(paths: Sequence[str], use_cache: bool, md_rules: bool = False) -> list[str]:
        off = ["--no-cache"] if cached and not use_cache else []
        select = ["--select", answered] if md_rules else []
        return [*base, "check", *paths, "--exit-zero", *off, *select]

    return Tool(
        "mdvet",
        f"{version} ({commit})" if commit else version,
        command,
        _count(r"\bin (?:\d+ of )?(\d+) files?$"),
        has_cache=cached,
        no_cache_flag="--no-cache" if cached else None,
        problems=_count(r"^(\d+) problems? \(|^no problems()"),
    )


def _mdvet_aliases() -> set[str]:
    """The markdownlint codes mdvet's rules answer to, from the working tree."""
    sys.path.insert(0, str(ROOT))
    from lint.rules import builtin

    return {alias for rule in builtin() for alias in rule.aliases if alias.startswith("MD")}


def rumdl_tool() -> Tool:
    folder = CACHE / "rumdl"
    exe = folder / "bin" / "rumdl"
    if not exe.exists():
        print(f"installing rumdl {RUMDL_VERSION} into {folder}", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
        pip = [str(folder / "bin" / "python"), "-m", "pip", "install", "-q"]
        subprocess.run([*pip, f"rumdl=={RUMDL_VERSION}"], check=True)
    version = subprocess.run([str(exe), "--version"], capture_output=True, text=True, check=True)
    flags = _help([str(exe), "check"])
    no_cache = "--no-cache" if "--no-cache" in flags else None

    def command(paths: Sequence[str], use_cache: bool, md_rules: bool = False) -> list[str]:
        off = [no_cache] if no_cache and not use_cache else []
        # with markdownlint's rules, its configuration file is read (not ignored)
        rules = ["--enable", ",".join(MARKDOWNLINT_RULES)] if md_rules else ["--no-config"]
        return [str(exe), "check", *rules, *paths, *off]

    return Tool(
        "rumdl",
        version.stdout.split()[-1],
        command,
        _count(r"\bin (?:\d+/)?(\d+) files? \("),
        has_cache=no_cache is not None,
        no_cache_flag=no_cache,
        problems=_count(r"^(?:Issues: )?Found (\d+) issues? |^Success: No issues()"),
    )


def markdownlint_tool() -> Tool:
    folder = CACHE / "npm"
    package = folder / "node_modules" / "markdownlint-cli2"
    installed = package / "package.json"
    if not installed.exists() or json.loads(installed.read_text())["version"] != (
        MARKDOWNLINT_CLI2_VERSION
    ):
        print(
            f"installing markdownlint-cli2 {MARKDOWNLINT_CLI2_VERSION} into {folder}",
            file=sys.stderr,
        )
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                "npm",
                "install",
                "--prefix",
                str(folder),
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                f"markdownlint-cli2@{MARKDOWNLINT_CLI2_VERSION}",
            ],
            check=True,
        )
    meta = json.loads((package / "package.json").read_text())
    script = package / meta["bin"]["markdownlint-cli2"]
    glob = "**/*.{" + ",".join(EXTENSIONS) + "}"

    def command(paths: Sequence[str], use_cache: bool, md_rules: bool = False) -> list[str]:
        # markdownlint-cli2 takes globs, not folders; a path with a suffix is a file. Its
        # configuration file is read either way (the default cases have none).
        globs = [p if Path(p).suffix else f"{p}/{glob}" for p in paths]
        return ["node", str(script), *globs]

    return Tool(
        "markdownlint-cli2",
        meta["version"],
        command,
        _count(r"^Linting: (\d+) file"),
        False,
        problems=_count(r"^Summary: (\d+) "),
    )


CASES = (
    "corpora",
    "mdrules",
    "single",
    "cache",
    "authors",
    "lsp",
    "scaling",
    "memory",
    "online",
)
DEFAULT_CASES = CASES[:-1]  # the online case (bench/online.py) runs when named
# the file the author cases check (as pre-commit does), when the corpora hold it
AUTHOR_FILE = "jekyll-docs/docs/_docs/assets.md"
BUILDERS = {"mdvet": mdvet_tool, "rumdl": rumdl_tool, "markdownlint-cli2": markdownlint_tool}


# ---------------------------------------------------------------------------------------------
# Running and measuring


@dataclass
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and the children it waited for
    code: int
    output: str  # stdout and stderr together: the head and the tail, where summaries stand


OUTPUT_KEPT = 8_000  # bytes from each end; keeps this process small


def run_once(argv: list[str], cwd: Path, sample: bool = False) -> tuple[Run, int]:
    """Run to completion; with `sample`, also poll the summed RSS of the process tree."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=ENV)
        peak = [0]
        sampler = None
        if sample:
            sampler = threading.Thread(target=_sample_tree, args=(proc.pid, peak), daemon=True)
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if sampler is not None:
            sampler.join()
        size = out.seek(0, os.SEEK_END)
        out.seek(0)
        kept = out.read(OUTPUT_KEPT)
        if size > OUTPUT_KEPT:
            out.seek(max(OUTPUT_KEPT, size - OUTPUT_KEPT))
            kept += b"\n" + out.read()
        text = kept.decode("utf-8", errors="replace")
    return Run(wall, usage.ru_utime + usage.ru_stime, proc.returncode, text), peak[0]


def _sample_tree(root: int, peak: list[int]) -> None:
    """Sum the RSS of `root` and its descendants every few milliseconds until it exits.

    A process pool's peak is the sum of its workers, which a single maxrss does not show;
    shared pages are counted once per process, so this errs high.
    """
    while True:
        parents: dict[int, int] = {}
        rss: dict[int, int] = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as stat:
                    raw = stat.read()
            except OSError:
                continue
            fields = raw[raw.rindex(b")") + 2 :].split()
            if fields[0] == b"Z":
                continue
            pid = int(entry.name)
            parents[pid] = int(fields[1])
            rss[pid] = int(fields[21]) * PAGE
        if root not in rss:
            return
        tree, frontier = {root}, [root]
        while frontier:
            parent = frontier.pop()
            children = [pid for pid, ppid in parents.items() if ppid == parent]
            tree.update(children)
            frontier.extend(children)
        peak[0] = max(peak[0], sum(rss.get(pid, 0) for pid in tree))
        time.sleep(0.005)


@dataclass
class Case:
    """One row: every tool run `runs` times on the same paths."""

    label: str
    paths: list[str]
    files: int
    walls: dict[str, list[float]] = field(default_factory=dict)
    cpus: dict[str, list[float]] = field(default_factory=dict)
    seen: dict[str, int | None] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    md_rules: bool = False  # markdownlint's rules instead of each tool's defaults
    found: dict[str, int | None] = field(default_factory=dict)  # problems each tool reported

    def median(self, tool: str) -> float | None:
        walls = self.walls.get(tool)
        return statistics.median(walls) if walls else None

    def median_cpu(self, tool: str) -> float | None:
        cpus = self.cpus.get(tool)
        return statistics.median(cpus) if cpus else None


def measure(
    case: Case,
    tools: list[Tool],
    cwd: Path,
    runs: int,
    *,
    use_cache: bool = False,
    warm: bool = True,
) -> Case:
    """Warm up (and check each tool read the files), then time `runs` rounds, rotating tools."""
    active = []
    for tool in tools:
        first, _ = run_once(tool.command(case.paths, use_cache, case.md_rules), cwd)
        case.seen[tool.name] = tool.files_seen(first.output)
        case.found[tool.name] = tool.problems(first.output)
        problem = _check_run(tool, first, case.files)
        if problem:
            case.failed[tool.name] = problem
            print(f"  {tool.name} on {case.label}: {problem}", file=sys.stderr)
            continue
        case.walls[tool.name] = [] if warm else [first.wall]
        case.cpus[tool.name] = [] if warm else [first.cpu]
        active.append(tool)
    for round_ in range(runs - (0 if warm else 1)):
        shift = round_ % len(active) if active else 0
        for tool in active[shift:] + active[:shift]:
            result, _ = run_once(tool.command(case.paths, use_cache, case.md_rules), cwd)
            case.walls[tool.name].append(result.wall)
            case.cpus[tool.name].append(result.cpu)
    summary = ", ".join(f"{t} {case.median(t):.3f} s" for t in case.walls)
    print(f"  {case.label}: {summary}", file=sys.stderr)
    return case


def _check_run(tool: Tool, run: Run, files: int) -> str | None:
    """Why the run does not count, or None. Exit codes 0 and 1 (findings) are fine."""
    if run.code not in (0, 1):
        tail = run.output.strip().splitlines()[-3:]
        return f"exit code {run.code}: {' / '.join(tail)[:300]}"
    seen = tool.files_seen(run.output)
    if seen is None:
        return "its output does not say how many files it read"
    if seen < files * 0.9:
        return f"read only {seen} of {files} files"
    return None


# ---------------------------------------------------------------------------------------------
# The cases


def count_files(folder: Path) -> int:
    return sum(
        1
        for _, _, names in os.walk(folder)
        for name in names
        if name.lower().endswith(tuple("." + e for e in EXTENSIONS))
    )


def pick_single_file(work: Path, corpora: list[str]) -> str:
    """A file of median size with a plain name, so that no tool reads it as a glob."""
    plain = re.compile(r"^[\w./-]+$")
    candidates = sorted(
        (path.stat().st_size, path.relative_to(work).as_posix())
        for name in corpora
        for path in (work / name).rglob("*.md")
        if path.is_file() and plain.match(path.relative_to(work).as_posix())
    )
    return candidates[len(candidates) // 2][1]


def scaling(tools: list[Tool], work: Path, base: str, runs: int, warm: bool) -> list[Case]:
    """The same corpus once, twice and four times over, as real copies side by side."""
    # beside the corpora, not in their folder: the whole-corpora cases must not see the copies
    scale = work.parent / "scale"
    copies = []
    for i in range(4):
        target = scale / f"copy{i}"
        if not target.exists():
            shutil.copytree(work / base, target)
        copies.append(f"copy{i}")
    files = count_files(work / base)
    return [
        measure(Case(f"{base} x {n}", copies[:n], files * n), tools, scale, runs, warm=warm)
        for n in (1, 2, 4)
    ]


def memory(tools: list[Tool], work: Path, paths: list[str]) -> dict[str, int]:
    peaks = {}
    for tool in tools:
        # The kernel's maxrss of a child spawned from this (large) process starts at this
        # process's own high-water mark, so let the small `time` program spawn the tool.
        with tempfile.NamedTemporaryFile("r") as report:
            argv = tool.command(paths, False)
            if TIME:
                argv = [TIME, "-f", "%M", "-o", report.name, *argv]
            _, tree = run_once(argv, work, sample=True)
            lines = report.read().split()
        maxrss = int(lines[-1]) * 1024 if lines and lines[-1].isdigit() else 0
        peaks[tool.name] = max(maxrss, tree)
        print(f"  memory {tool.name}: {peaks[tool.name] / 2**20:.0f} MiB", file=sys.stderr)
    return peaks


def make_repository(folder: Path) -> None:
    """Make `folder` a git repository holding its files, as an author's checkout is."""
    git = ["git", "-C", str(folder), "-c", "user.name=bench", "-c", "user.email=bench@invalid"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "corpora"], check=True)


@dataclass
class Solo:
    """One of mdvet's own cases: wall times and peak memory of `runs` runs."""

    label: str
    target: str
    limit: float | None  # seconds, when the issue sets one
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)  # user + system seconds
    peaks: list[int] = field(default_factory=list)  # bytes

    @property
    def median(self) -> float | None:
        return statistics.median(self.walls) if self.walls else None

    @property
    def median_cpu(self) -> float | None:
        return statistics.median(self.cpus) if self.cpus else None

    @property
    def peak(self) -> int | None:
        return max(self.peaks) if self.peaks else None


def time_mdvet(
    solo: Solo, argv: list[str], cwd: Path, runs: int, before: Callable[[], None] | None = None
) -> Solo:
    """Run mdvet once untimed (to fill its cache), then `runs` times, calling `before` first
    each time; wall time and maxrss (from GNU time) of each."""
    for index in range(runs + 1):
        if before is not None:
            before()
        with tempfile.NamedTemporaryFile("r") as report:
            timed = [TIME, "-f", "%M", "-o", report.name, *argv] if TIME else argv
            run, _ = run_once(timed, cwd)
            lines = report.read().split()
        if run.code not in (0, 1):
            raise SystemExit(f"mdvet failed on {solo.label}: {run.output[-500:]}")
        if index:
            solo.walls.append(run.wall)
            solo.cpus.append(run.cpu)
            if lines and lines[-1].isdigit():
                solo.peaks.append(int(lines[-1]) * 1024)
    print(f"  {solo.label}: {_seconds(solo.median)}", file=sys.stderr)
    return solo


def author_cases(work: Path, whole_no_cache: float | None, runs: int) -> list[Solo]:
    """What an author meets: one file checked in the corpora's repository (cache warm, then
    cold), one file alone in a small repository, the whole corpora with nothing changed and
    with one file changed."""
    mdvet = [str(CACHE / "mdvet" / "bin" / "mdvet"), "check", "--exit-zero"]
    one = AUTHOR_FILE if (work / AUTHOR_FILE).is_file() else pick_single_file(work, ["."])
    store = work / ".mdvet_cache"
    cases = [
        time_mdvet(Solo("one file, warm", one, 0.150), [*mdvet, one], work, runs),
        time_mdvet(
            Solo("one file, cold cache", one, whole_no_cache),
            [*mdvet, one],
            work,
            max(1, runs // 2),
            before=lambda: shutil.rmtree(store, ignore_errors=True),
        ),
    ]
    small = work.parent / "small"
    if not small.exists():
        small.mkdir()
        shutil.copy2(work / one, small / Path(one).name)
        make_repository(small)
    cases.append(
        time_mdvet(
            Solo("one file alone in a small repository", Path(one).name, 0.100),
            [*mdvet, Path(one).name],
            small,
            runs,
        )
    )
    cases.append(
        time_mdvet(Solo("whole corpora, nothing changed", ".", 0.150), [*mdvet, "."], work, runs)
    )
    changed = work / one
    original = changed.read_bytes()
    edits = iter(range(10**6))

    def edit() -> None:
        changed.write_bytes(original + f"\nAn edit, {next(edits)}.\n".encode())

    cases.append(
        time_mdvet(
            Solo("one file changed among all, whole-site run", ".", 0.250),
            [*mdvet, "."],
            work,
            runs,
            before=edit,
        )
    )
    changed.write_bytes(original)
    return cases


def online_sections(results: Path) -> str:
    """The online tables an earlier `--cases online` run appended to `results`: a run of the
    other cases writes the file anew and keeps them."""
    if not results.exists():
        return ""
    text = results.read_text(encoding="utf-8")
    found = re.findall(r"^### Online:.*?(?=^##|\Z)", text, re.M | re.S)
    return "".join("\n" + section.rstrip("\n") + "\n" for section in found)


LSP_DEBOUNCE = 0.3  # lint.lsp.DEBOUNCE_SECONDS


def lsp_case(work: Path, edits: int) -> Solo:
    """The language server on the author file: after each edit (one more line of text), the
    time from the change to its diagnostics, less the server's debounce."""
    one = work / (AUTHOR_FILE if (work / AUTHOR_FILE).is_file() else pick_single_file(work, ["."]))
    server = subprocess.Popen(
        [str(CACHE / "mdvet" / "bin" / "mdvet"), "lsp"],
        cwd=work,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )

    def send(message: dict) -> None:
        body = json.dumps(message).encode()
        server.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
        server.stdin.flush()

    def receive() -> dict:
        length = 0
        while True:
            line = server.stdout.readline()
            if not line:
                raise SystemExit("the language server stopped")
            if line in (b"\r\n", b"\n"):
                break
            key, _, value = line.decode().partition(":")
            if key.strip().lower() == "content-length":
                length = int(value)
        return json.loads(server.stdout.read(length))

    def published() -> None:
        while receive().get("method") != "textDocument/publishDiagnostics":
            pass

    uri = one.as_uri()
    text = one.read_text(encoding="utf-8")
    send(
        {
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {"processId": None, "rootUri": work.as_uri(), "capabilities": {}},
        }
    )
    while receive().get("id") != 1:
        pass
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    document = {"uri": uri, "languageId": "markdown", "version": 1, "text": text}
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": document}})
    published()
    solo = Solo(f"language server, {edits} edits", one.relative_to(work).as_posix(), 0.050)
    for version in range(2, edits + 2):
        text += f"\nAn edit, [{version}](missing-{version}.md).\n"
        change = {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"text": text}],
        }
        start = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": change})
        published()
        solo.walls.append(time.perf_counter() - start - LSP_DEBOUNCE)
    server.kill()
    server.wait()
    walls = sorted(solo.walls)
    p95 = walls[min(len(walls) - 1, int(0.95 * len(walls)))]
    print(f"  {solo.label}: median {_seconds(solo.median)}, p95 {_seconds(p95)}", file=sys.stderr)
    return solo


def p95(values: list[float]) -> float | None:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] if ordered else None


def authors_table(cases: list[Solo], lsp: Solo | None) -> str:
    rows = [
        "| case | checks | wall (median) | CPU (median) | peak memory | target | met |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for case in cases:
        ok = None if case.limit is None or case.median is None else case.median <= case.limit
        peak = f"{case.peak / 2**20:.0f} MiB" if case.peak else "n/a"
        target = f"≤ {_seconds(case.limit)}" if case.limit else "n/a"
        if case.label == "one file, warm":
            target += ", ≤ 60 MiB"
            ok = ok and case.peak is not None and case.peak <= 60 * 2**20
        if case.label == "one file, cold cache":
            target = f"≤ whole corpora, no cache ({_seconds(case.limit)})"
        verdict = "n/a" if ok is None else ("yes" if ok else "no")
        rows.append(
            f"| {case.label} | `{case.target}` | {_seconds(case.median)} "
            f"| {_seconds(case.median_cpu)} | {peak} | {target} | {verdict} |"
        )
    if lsp is not None:
        value = p95(lsp.walls)
        verdict = "n/a" if value is None else ("yes" if value <= 0.050 else "no")
        rows.append(
            f"| {lsp.label}: diagnostics after the debounce (p95; median {_seconds(lsp.median)}) "
            f"| `{lsp.target}` | {_seconds(value)} | n/a | n/a | ≤ 50 ms | {verdict} |"
        )
    return "\n".join(rows)


# ---------------------------------------------------------------------------------------------
# The report


def _seconds(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def _times(ratio: str) -> str:
    return ratio if ratio == "n/a" else f"{ratio}x"


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}" if a and b else "n/a"


def _cell(case: Case, tool: str) -> str:
    if tool in case.failed:
        return "failed"
    return _seconds(case.median(tool))


def main_table(cases: list[Case], names: list[str]) -> str:
    header = ["case", "files", *names]
    if "mdvet" in names and "rumdl" in names:
        header.append("mdvet ÷ rumdl")
    if "mdvet" in names and "markdownlint-cli2" in names:
        header.append("markdownlint-cli2 ÷ mdvet")
    header.append("files each tool reported")
    rows = ["| " + " | ".join(header) + " |", "| --- " * len(header) + "|"]
    for case in cases:
        cells = [case.label, f"{case.files:,}", *(_cell(case, n) for n in names)]
        if "mdvet" in names and "rumdl" in names:
            cells.append(_ratio(case.median("mdvet"), case.median("rumdl")))
        if "mdvet" in names and "markdownlint-cli2" in names:
            cells.append(_ratio(case.median("markdownlint-cli2"), case.median("mdvet")))
        cells.append(" / ".join(str(case.seen.get(n, "—")) for n in names))
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def cpu_table(cases: list[Case], names: list[str]) -> str:
    header = ["case", *names]
    if "mdvet" in names and "rumdl" in names:
        header.append("mdvet ÷ rumdl")
    rows = ["| " + " | ".join(header) + " |", "| --- " * len(header) + "|"]
    for case in cases:
        if not case.cpus:
            continue
        cells = [case.label, *(_seconds(case.median_cpu(n)) for n in names)]
        if "mdvet" in names and "rumdl" in names:
            cells.append(_ratio(case.median_cpu("mdvet"), case.median_cpu("rumdl")))
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def scaling_table(cases: list[Case], names: list[str]) -> str:
    header = ["case", "files"]
    for name in names:
        header += [name, "÷ 1x"]
    rows = ["| " + " | ".join(header) + " |", "| --- " * len(header) + "|"]
    for case in cases:
        cells = [case.label, f"{case.files:,}"]
        for name in names:
            cells += [_cell(case, name), _ratio(case.median(name), cases[0].median(name))]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def targets_table(
    whole: Case | None,
    single: Case | None,
    cached: Case | None,
    scale: list[Case],
    peaks: dict[str, int],
    md_case: Case | None = None,
) -> str:
    def verdict(ok: bool | None) -> str:
        return "n/a" if ok is None else ("yes" if ok else "no")

    rows = ["| measure | target | measured | met |", "| --- | --- | --- | --- |"]
    for case, stretch in ((whole, " (stretch: ≤ 0.6x)"), (md_case, "")):
        if case is None:
            continue
        ratio = _ratio(case.median("mdvet"), case.median("rumdl"))
        value = float(ratio) if ratio != "n/a" else None
        rows.append(
            f"| {case.label}, no cache | ≤ 1x rumdl{stretch} | {_times(ratio)} "
            f"| {verdict(None if value is None else value <= 1.0)} |"
        )
        ratio = _ratio(case.median("markdownlint-cli2"), case.median("mdvet"))
        value = float(ratio) if ratio != "n/a" else None
        rows.append(
            f"| same, vs markdownlint-cli2 | ≥ 25x faster | {_times(ratio)} "
            f"| {verdict(None if value is None else value >= 25)} |"
        )
    if cached is not None:
        value = cached.median("mdvet")
        rows.append(
            f"| re-run with nothing changed | ≤ 150 ms | {_seconds(value)} "
            f"| {verdict(None if value is None else value <= 0.150)} |"
        )
    if single is not None:
        value = single.median("mdvet")
        rows.append(
            f"| one file | ≤ 120 ms | {_seconds(value)} "
            f"| {verdict(None if value is None else value <= 0.120)} |"
        )
    if "mdvet" in peaks:
        mib = peaks["mdvet"] / 2**20
        rows.append(f"| peak memory | ≤ 200 MiB | {mib:.0f} MiB | {verdict(mib <= 200)} |")
    if len(scale) == 3 and all(c.median("mdvet") for c in scale):
        base = scale[0].median("mdvet")
        growth = [c.median("mdvet") / base for c in scale[1:]]
        ok = all(abs(g / n - 1) <= 0.15 for g, n in zip(growth, (2, 4), strict=True))
        rows.append(
            f"| growth 1x, 2x, 4x | 2x, 4x (±15%) | {growth[0]:.2f}x, {growth[1]:.2f}x "
            f"| {verdict(ok)} |"
        )
    return "\n".join(rows)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=False)
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"node {node.stdout.strip() or '?'}"
    )


# ---------------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per tool and case")
    parser.add_argument(
        "--corpus", action="append", metavar="NAME", help="a corpus folder (repeatable)"
    )
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="%(default)s")
    parser.add_argument("--tools", default=",".join(BUILDERS), help="%(default)s")
    parser.add_argument("--scale-corpus", default="hugo-docs", metavar="NAME")
    parser.add_argument(
        "--quick", action="store_true", help="one run, no warm-up, the smallest corpus"
    )
    parser.add_argument(
        "--cases",
        default=",".join(DEFAULT_CASES),
        help=f"which cases, comma-separated, of {', '.join(CASES)} (default: %(default)s)",
    )
    parser.add_argument(
        "--online-urls", type=int, default=10_000, help="URLs of the online case (%(default)s)"
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help="%(default)s")
    parser.add_argument("--lsp-edits", type=int, default=200, help="%(default)s")
    args = parser.parse_args(argv)
    command = shlex.join(["python", "bench/run.py", *(sys.argv[1:] if argv is None else argv)])

    available = sorted(p.name for p in args.corpora.iterdir() if p.is_dir() and count_files(p))
    corpora = args.corpus or available
    if args.quick:
        args.runs = 1
        if not args.corpus:
            corpora = [min(available, key=lambda n: count_files(args.corpora / n))]
    unknown = set(corpora) - set(available)
    names = [n.strip() for n in args.tools.split(",") if n.strip()]
    cases = [c.strip() for c in args.cases.split(",") if c.strip()]
    if unknown or set(names) - set(BUILDERS) or set(cases) - set(CASES) or args.runs < 1:
        parser.error(
            f"unknown corpus, tool or case, or --runs < 1: {sorted(unknown)} {names} {cases}"
        )
    scale_base = args.scale_corpus if args.scale_corpus in corpora else corpora[0]
    if "online" in cases:
        from online import HOSTS, online_case

        if cases == ["online"]:  # the table goes after what is in the results file
            return online_case(args.online_urls, HOSTS, True, args.output)

    CACHE.mkdir(parents=True, exist_ok=True)
    tools = [BUILDERS[name]() for name in names]
    warm = not args.quick
    started = datetime.now(timezone.utc)
    load_before = os.getloadavg()[0]

    with tempfile.TemporaryDirectory(prefix="mdvet-bench-") as tmp:
        work = Path(tmp) / "corpora"
        for name in corpora:
            shutil.copytree(args.corpora / name, work / name, symlinks=True)
        counts = {name: count_files(work / name) for name in corpora}
        label = "all corpora" if corpora == available else "selected corpora"
        # all of them is the work folder, checked as `.` (as users run it: the folder a
        # site's cache and site index belong to); a selection is named folder by folder
        paths = ["."] if corpora == available else list(corpora)
        together = Case(label, paths, sum(counts.values()))
        whole = together if len(corpora) > 1 and "corpora" in cases else None

        table: list[Case] = []
        if "corpora" in cases:
            print("corpora:", file=sys.stderr)
            for name in corpora:
                case = Case(name, [name], counts[name])
                table.append(measure(case, tools, work, args.runs, warm=warm))
            if whole is not None:
                table.append(measure(whole, tools, work, args.runs, warm=warm))
        md_case = None
        if "mdrules" in cases:
            print("markdownlint's rules:", file=sys.stderr)
            md_case = Case(f"{label}, markdownlint's rules", paths, together.files, md_rules=True)
            config = work / ".markdownlint.json"
            config.write_text('{"default": true}\n', encoding="utf-8")
            try:
                measure(md_case, tools, work, args.runs, warm=warm)
            finally:
                config.unlink()
        single = None
        if "single" in cases:
            path = pick_single_file(work, corpora)
            single = Case(f"one file ({path})", [path], 1)
            table.append(measure(single, tools, work, max(args.runs, 10)))
        cached = None
        if "cache" in cases:
            cached = Case(f"{label}, re-run with nothing changed", together.paths, together.files)
            cache_tools = [t for t in tools if t.has_cache]
            if cache_tools:
                measure(cached, cache_tools, work, args.runs, use_cache=True)
            table.append(cached)
        authors: list[Solo] = []
        if "authors" in cases or "lsp" in cases:
            # from here on the corpora are one repository, as an author's checkout is (the
            # cases above compare tools on folders, each its own site)
            make_repository(work)
        if "authors" in cases:
            print("authors:", file=sys.stderr)
            authors = author_cases(work, whole.median("mdvet") if whole else None, args.runs)
        lsp = lsp_case(work, args.lsp_edits) if "lsp" in cases else None
        scale: list[Case] = []
        if "scaling" in cases:
            print("scaling:", file=sys.stderr)
            scale = scaling(tools, work, scale_base, args.runs, warm)
        peaks: dict[str, int] = {}
        if "memory" in cases:
            print("memory:", file=sys.stderr)
            peaks = memory(tools, work, together.paths)

    elapsed = (datetime.now(timezone.utc) - started).total_seconds()
    versions = ", ".join(f"{t.name} {t.version}" for t in tools)
    flags = [t for t in tools if t.no_cache_flag]
    lines = [
        f"## Benchmark, {started:%Y-%m-%d}",
        "",
        f"`{command}` — {machine()}; {versions}. Median wall time of {args.runs} run{'s' if args.runs > 1 else ''} per tool "
        f"and case{' after one warm-up round' if warm else ''}, tools rotating; each tool's default rules (markdownlint's in the section that says so). "
        + (
            "Caches off except in the re-run case ("
            + ", ".join(f"{t.name} {t.no_cache_flag}" for t in flags)
            + "). "
            if flags
            else ""
        )
        + f"A cell reads n/a when the tool has no cache. Took {elapsed / 60:.1f} min; load "
        f"average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after (other work on the "
        "machine slows every tool alike; ratios within a row are steadier than times).",
        "",
    ]
    if table:
        lines += [
            main_table(table, names),
            "",
            "### CPU time (user + system, median)",
            "",
            "Less sensitive than wall time to other work on the machine; a tool that uses both "
            "cores spends more CPU than wall time.",
            "",
            cpu_table(table, names),
            "",
        ]
    if md_case is not None:
        lines += [
            "### markdownlint's rules",
            "",
            'The same folder with `.markdownlint.json` `{"default": true}` at its top, read by '
            "all three: markdownlint's rules with their defaults (rumdl: `--enable` with "
            "markdownlint's codes; mdvet: `--select` with the markdownlint codes its rules "
            "answer to). Wall time, then CPU time; the problems are each tool's own count.",
            "",
            main_table([md_case], names),
            "",
            cpu_table([md_case], names),
            "",
            "| problems found | " + " | ".join(names) + " |",
            "| --- " * (len(names) + 1) + "|",
            "| "
            + md_case.label
            + " | "
            + " | ".join(
                "n/a" if md_case.found.get(n) is None else f"{md_case.found[n]:,}" for n in names
            )
            + " |",
            "",
        ]
    if authors or lsp:
        lines += [
            "### Where authors feel it (mdvet alone)",
            "",
            "In a git repository holding the corpora; the cache is on (warm after the untimed "
            "run) unless the case says cold. The small repository holds the one file.",
            "",
            authors_table(authors, lsp),
            "",
        ]
    if scale:
        lines += ["### Scaling", "", scaling_table(scale, names), ""]
    if peaks:
        lines += [
            f"### Peak memory ({together.label})",
            "",
            "| " + " | ".join(names) + " |",
            "| --- " * len(names) + "|",
            "| " + " | ".join(f"{peaks[n] / 2**20:.0f} MiB" for n in names) + " |",
            "",
            "The larger of the largest process's maxrss (from `/usr/bin/time`) and the summed "
            "RSS of the whole process tree, sampled every 5 ms.",
            "",
        ]
    lines += [
        "### Targets",
        "",
        targets_table(
            whole, single, cached if cached and cached.walls else None, scale, peaks, md_case
        ),
        "",
    ]
    report = "\n".join(lines)
    print(report)
    kept = "" if "online" in cases else online_sections(args.output)
    args.output.write_text(report + kept, encoding="utf-8")
    if "online" in cases:
        online_case(args.online_urls, HOSTS, True, args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
