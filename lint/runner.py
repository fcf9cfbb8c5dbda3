"""Turn paths into a Report: discover, read, check, and fix. The module that touches files."""

from __future__ import annotations

import difflib
import multiprocessing
import os
import stat
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from lint.cache import Cache, content_hash
from lint.discover import discover
from lint.document import unreadable_document
from lint.engine import check_text, run
from lint.fix import fix_text
from lint.model import Diagnostic, Report
from lint.settings import Settings
from lint.source import BOM, UndecodableError, decode

MIN_BATCH = 16


def display_path(path: Path, cwd: Path | None = None) -> str:
    """Relative to the current folder when inside it, always with `/`."""
    cwd = cwd or Path.cwd()
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(cwd).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass(frozen=True)
class FileResult:
    diagnostics: list[Diagnostic]
    fixed: int = 0
    new_text: str | None = None  # the fixed text, when fixing changed it
    diff: str = ""
    stamp: tuple[str, int, int] | None = None  # content hash, mtime, size: for the cache


@dataclass
class Outcome:
    report: Report
    fixed: int = 0
    changed: list[str] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    stdin_text: str | None = None  # with --fix on standard input: the fixed text


def check_data(
    data: bytes, shown_as: str, settings: Settings, *, fix: bool = False, unsafe: bool = False
) -> FileResult:
    """Check (and with `fix`, fix) one file's bytes. Pure: no I/O."""
    if len(data) > settings.max_file_size:
        return _too_large(len(data), shown_as, settings)
    try:
        text, bom = decode(data)
    except UndecodableError as err:
        return FileResult(run(unreadable_document(shown_as, str(err)), settings.active))
    if not fix:
        return FileResult(check_text(text, shown_as, settings, bom=bom))
    new, fixed, diagnostics = fix_text(text, shown_as, settings, unsafe=unsafe, bom=bom)
    if new == text:
        return FileResult(diagnostics, fixed)
    diff = "".join(
        difflib.unified_diff(
            text.splitlines(keepends=True),
            new.splitlines(keepends=True),
            f"a/{shown_as}",
            f"b/{shown_as}",
        )
    )
    return FileResult(diagnostics, fixed, (BOM if bom else "") + new, diff)


def _too_large(size: int, shown_as: str, settings: Settings) -> FileResult:
    reason = (
        f"file is {size:,} bytes; files over max_file_size "
        f"({settings.max_file_size:,} bytes) are not checked"
    )
    return FileResult(run(unreadable_document(shown_as, reason, "LN003"), settings.active))


def write_atomic(path: Path, data: bytes) -> None:
    """Replace a file's content all at once, keeping its permissions."""
    target = Path(os.path.realpath(path))
    mode = stat.S_IMODE(target.stat().st_mode)
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def check_file(
    path: Path, shown_as: str, settings: Settings, *, fix: bool = False, unsafe: bool = False
) -> FileResult:
    """Read one file and check it; a file that cannot be read gives one LN001."""
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            if stat.st_size > settings.max_file_size:
                return _too_large(stat.st_size, shown_as, settings)
            data = handle.read()
    except OSError as err:
        reason = f"cannot read file: {err.strerror or err}"
        return FileResult(run(unreadable_document(shown_as, reason), settings.active))
    result = check_data(data, shown_as, settings, fix=fix, unsafe=unsafe)
    if fix:
        return result
    return replace(result, stamp=(content_hash(data), stat.st_mtime_ns, stat.st_size))


# Worker processes keep the settings (and so the compiled rules and schemas) they start with.
_WORKER: dict = {}


def _start_worker(settings: Settings, fix: bool, unsafe: bool) -> None:
    settings.active  # noqa: B018 - build the rules once per worker
    _WORKER.update(settings=settings, fix=fix, unsafe=unsafe)


def _check_batch(batch: list[tuple[str, str]]) -> list[FileResult]:
    settings, fix, unsafe = _WORKER["settings"], _WORKER["fix"], _WORKER["unsafe"]
    return [
        check_file(Path(path), shown, settings, fix=fix, unsafe=unsafe) for path, shown in batch
    ]


def _results(
    files: list[tuple[str, str]], settings: Settings, fix: bool, unsafe: bool, jobs: int
) -> Iterator[FileResult]:
    """Each file's result, in order; in worker processes when there is enough to share."""
    if jobs <= 1 or len(files) < 4 * MIN_BATCH:
        for path, shown in files:
            yield check_file(Path(path), shown, settings, fix=fix, unsafe=unsafe)
        return
    size = max(MIN_BATCH, len(files) // (jobs * 8))
    batches = [files[i : i + size] for i in range(0, len(files), size)]
    context = multiprocessing.get_context("fork" if os.name == "posix" else None)
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start_worker, initargs=(settings, fix, unsafe)
    ) as pool:
        for results in pool.map(_check_batch, batches):
            yield from results


def check_paths(
    paths: Sequence[str],
    settings: Settings,
    *,
    stdin: bytes | None = None,
    stdin_filename: str | None = None,
    fix: bool = False,
    diff: bool = False,
    unsafe: bool = False,
    only: set[str] | None = None,
    force_exclude: bool = False,
    jobs: int | None = None,
    cache: bool = False,
) -> Outcome:
    """Check files and folders (or standard input). With `fix`, write the fixed files; with
    `diff`, only compute what fixing would change. `only` keeps the files whose real path
    it holds (the files a change touched). `jobs` worker processes share the files (default:
    one per core). With `cache`, unchanged files are not checked again."""
    fixing = fix or diff
    if stdin is not None:
        result = check_data(stdin, stdin_filename or "-", settings, fix=fixing, unsafe=unsafe)
        outcome = Outcome(Report(tuple(result.diagnostics), 1), result.fixed)
        if fixing:
            outcome.stdin_text = result.new_text or stdin.decode("utf-8", errors="surrogateescape")
            outcome.diffs = [result.diff] if result.diff else []
        return outcome
    found = discover(
        paths,
        include=settings.include,
        exclude=(*settings.exclude, *settings.extend_exclude),
        root=settings.root,
        respect_gitignore=settings.respect_gitignore,
        force_exclude=force_exclude,
    )
    if only is not None:
        found = [path for path in found if os.path.realpath(path) in only]
    files = [(str(path), display_path(path)) for path in found]
    diagnostics: list[Diagnostic] = []
    outcome = Outcome(Report((), len(files)))
    store = Cache(settings) if cache and not fixing else None
    todo = files
    if store is not None:
        todo = []
        for path, shown_as in files:
            hit = store.get(os.path.realpath(path), shown_as)
            if hit is None:
                todo.append((path, shown_as))
            else:
                diagnostics.extend(hit)
    jobs = jobs or os.cpu_count() or 1
    for (path, shown_as), result in zip(
        todo, _results(todo, settings, fixing, unsafe, jobs), strict=True
    ):
        if store is not None and result.stamp is not None:
            digest, mtime, size = result.stamp
            store.put(os.path.realpath(path), digest, (mtime, size), result.diagnostics)
        diagnostics.extend(result.diagnostics)
        outcome.fixed += result.fixed
        if result.new_text is not None:
            outcome.changed.append(shown_as)
            outcome.diffs.append(result.diff)
            if fix and not diff:
                write_atomic(Path(path), result.new_text.encode("utf-8"))
    if store is not None:
        store.save()
    outcome.report = Report(tuple(sorted(diagnostics)), len(files))
    return outcome
