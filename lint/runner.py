"""Turn paths into a Report: discover, read, check, and fix. The module that touches files."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from lint.cache import Cache, Replay, content_hash, encode
from lint.discover import CONFIG_FILES, Found, find_files, folder_digest
from lint.document import parse_document, unreadable_document
from lint.engine import INTERNAL_ERROR, check_document, run
from lint.fix import fix_text, unified_diff
from lint.markdownlint import DATA_FILES as MARKDOWNLINT_FILES
from lint.model import DIAGNOSTIC_ORDER, Diagnostic, Report
from lint.settings import Settings
from lint.source import BOM, UndecodableError, decode

if TYPE_CHECKING:
    from lint.site.index import Site

MIN_BATCH = 16


class File(NamedTuple):
    """A file of the run: the path to open, as shown in reports, absolute and real (the
    cache's key)."""

    path: str
    shown: str
    absolute: str
    real: str


def _file(found: Found, cwd: str) -> File:
    """`found` as a File, shown relative to `cwd` (the current folder, with a final
    separator) when inside it, always with `/`. String work only: it runs for every file of
    a site."""
    inside = found.absolute.startswith(cwd)
    shown = found.absolute[len(cwd) :] if inside else found.path
    return File(found.path, shown.replace(os.sep, "/"), found.absolute, found.real)


@dataclass(frozen=True)
class FileResult:
    diagnostics: list[Diagnostic]
    fixed: int = 0
    new_text: str | None = None  # the fixed text, when fixing changed it
    diff: str = ""
    stamp: tuple[str, int, int] | None = None  # content hash, mtime, size: for the cache
    summary: dict | None = None  # what the site index needs (lint.site.summary)


@dataclass
class Resident:
    """What a long-lived caller (the language server) keeps in memory between the runs of
    one set of settings on standard input: each buffer folder's sites with their member
    files, and the members' summaries. Only the buffer is summarised again at each run; the
    caller drops it when files may have changed on disk (on save)."""

    # by the buffer's folder: its sites (lint.runner._plan_sites) and their members' paths
    plans: dict[str, tuple[dict, set[str]]] = field(default_factory=dict)
    summaries: dict[str, dict | None] = field(default_factory=dict)  # by absolute path
    pages: dict[str, dict] = field(default_factory=dict)  # each site's Pages (lint.site.index)
    # each site's member files (absolute paths) and Site, by root
    sites: dict[str, tuple[frozenset[str], Site]] = field(default_factory=dict)


@dataclass
class Outcome:
    report: Report
    fixed: int = 0
    changed: list[str] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    stdin_text: str | None = None  # with --fix on standard input: the fixed text
    sites: list = field(default_factory=list)  # the Site indexes built (for --site-report)


def check_data(
    data: bytes,
    shown_as: str,
    settings: Settings,
    *,
    fix: bool = False,
    unsafe: bool = False,
    summary: bool = False,
) -> FileResult:
    """Check (and with `fix`, fix) one file's bytes; with `summary`, also summarise it for
    the site index (the fixed text, when fixing). Pure: no I/O."""
    if len(data) > settings.max_file_size:
        return _too_large(len(data), shown_as, settings)
    try:
        text, bom = decode(data)
    except UndecodableError as err:
        return FileResult(run(unreadable_document(shown_as, str(err)), settings.active))
    if not fix:
        doc, diagnostics = check_document(text, shown_as, settings, bom=bom)
        return FileResult(diagnostics, summary=_summarise(doc, settings) if summary else None)
    new, fixed, diagnostics = fix_text(text, shown_as, settings, unsafe=unsafe, bom=bom)
    found = _summarise(parse_document(new, shown_as, bom=bom), settings) if summary else None
    if new == text:
        return FileResult(diagnostics, fixed, summary=found)
    diff = unified_diff(text, new, shown_as)
    return FileResult(diagnostics, fixed, (BOM if bom else "") + new, diff, summary=found)


def _summarise(doc, settings: Settings) -> dict | None:
    from lint.site.summary import summarise

    external = "ST008" in settings.active_codes
    try:
        return summarise(doc, external=external)
    except Exception:  # a file the index cannot read is left out of it, never fatal
        return None


def summary_of_data(data: bytes, shown_as: str, settings: Settings) -> dict | None:
    """What the site index needs of a file's bytes (no rules run); None when they cannot
    be read."""
    try:
        text, bom = decode(data)
    except UndecodableError:
        return None
    return _summarise(parse_document(text, shown_as, bom=bom), settings)


def _too_large(size: int, shown_as: str, settings: Settings) -> FileResult:
    reason = (
        f"file is {size:,} bytes; files over max_file_size "
        f"({settings.max_file_size:,} bytes) are not checked"
    )
    return FileResult(run(unreadable_document(shown_as, reason, "LN003"), settings.active))


def write_atomic(path: Path, data: bytes) -> None:
    """Replace a file's content all at once, keeping its permissions."""
    import tempfile  # for --fix only

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
    path: str | Path,
    shown_as: str,
    settings: Settings,
    *,
    fix: bool = False,
    unsafe: bool = False,
    mode: str = "check",
    stamp: bool = True,
) -> FileResult:
    """Read one file and check it; a file that cannot be read gives one LN001. `mode`:
    "check", "check+summary" (also summarise it for the site index) or "summary" (only
    summarise it: a file of the site that is not reported on). With `stamp`, the result
    carries what the cache keeps of the file (its content hash, modification time, size)."""
    settings = settings.for_path(path)
    try:
        with open(path, "rb") as handle:
            stat = os.fstat(handle.fileno())
            if stat.st_size > settings.max_file_size:
                return _too_large(stat.st_size, shown_as, settings)
            data = handle.read()
    except OSError as err:
        if mode == "summary":
            return FileResult([])
        reason = f"cannot read file: {err.strerror or err}"
        return FileResult(run(unreadable_document(shown_as, reason), settings.active))
    if mode == "summary":  # a file the index cannot read is stamped too: it has no summary
        summary = summary_of_data(data, shown_as, settings)
        return FileResult([], stamp=_stamp(data, stat) if stamp else None, summary=summary)
    result = check_data(
        data, shown_as, settings, fix=fix, unsafe=unsafe, summary=mode == "check+summary"
    )
    if fix or not stamp:
        return result
    return replace(result, stamp=_stamp(data, stat))


def _stamp(data: bytes, stat: os.stat_result) -> tuple[str, int, int]:
    return content_hash(data), stat.st_mtime_ns, stat.st_size


# Worker processes keep the settings (and so the compiled rules and schemas) they start with.
_WORKER: dict = {}


def _start_worker(settings: Settings, fix: bool, unsafe: bool, stamp: bool) -> None:
    settings.active  # noqa: B018 - build the rules once per worker
    _WORKER.update(settings=settings, fix=fix, unsafe=unsafe, stamp=stamp)


def _check_batch(batch: list[tuple[str, str, str]]) -> list[FileResult]:
    settings, fix, unsafe, stamp = (_WORKER[k] for k in ("settings", "fix", "unsafe", "stamp"))
    return [
        check_file(path, shown, settings, fix=fix, unsafe=unsafe, mode=mode, stamp=stamp)
        for path, shown, mode in batch
    ]


def _results(
    files: list[tuple[str, str, str]],
    settings: Settings,
    fix: bool,
    unsafe: bool,
    stamp: bool,
    jobs: int,
) -> Iterator[FileResult]:
    """Each file's result, in order; in worker processes when there is enough to share.
    Each file is (path, shown as, mode) (see check_file)."""
    if jobs <= 1 or len(files) < 4 * MIN_BATCH:
        for path, shown, mode in files:
            yield check_file(path, shown, settings, fix=fix, unsafe=unsafe, mode=mode, stamp=stamp)
        return
    # imported here: a run of a few files starts no pool and need not load them
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # many small batches, so that the workers finish together: the last batch of one worker
    # is all the other waits for
    size = max(MIN_BATCH, len(files) // (jobs * 32))
    batches = [files[i : i + size] for i in range(0, len(files), size)]
    context = multiprocessing.get_context("fork" if os.name == "posix" else None)
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start_worker, initargs=(settings, fix, unsafe, stamp)
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
    removed: dict[str, bytes | None] | None = None,
    force_exclude: bool = False,
    jobs: int | None = None,
    cache: bool = False,
    site_report: bool = False,
    record: tuple[str, Sequence[str]] | None = None,
    resident: Resident | None = None,
) -> Outcome:
    """Check files and folders (or standard input). With `fix`, write the fixed files; with
    `diff`, only compute what fixing would change. `only` keeps the files whose real path
    it holds (the files a change touched); `removed` holds the files the change deleted or
    renamed away (absolute path -> content before), whose linkers the site rules then report
    on too. `jobs` worker processes share the files (default:
    one per core). With `cache`, unchanged files are not checked again. When site rules are
    active (or `site_report`), every file of each site is summarised for the site index and
    the site rules report on the checked files. Standard input (`stdin`) named
    `stdin_filename` is checked as that file of its site: its text stands in for the file's
    (which need not exist), the rest of the site is read from disk or the cache, and nothing
    is written (the fixed text is the outcome's `stdin_text`). With `record` (a run key and
    the configuration file, see lint.cache.replay), the cache keeps the run's result and
    what it read, for the same run to replay while none of that changes. With `resident`,
    standard input's site and its members' summaries are kept there between runs."""
    fixing = fix or diff
    from lint.site import site_rules

    with_sites = bool(site_rules(settings)) or site_report
    buffer: File | None = None  # standard input, standing in for the file it names
    if stdin is not None:
        if stdin_filename is None or not with_sites:
            return _check_stdin(stdin, stdin_filename or "-", settings, fixing, unsafe)
        absolute = os.path.abspath(stdin_filename)
        buffer = File(stdin_filename, stdin_filename, absolute, os.path.realpath(absolute))
    plan = None
    if resident is not None and buffer is not None and with_sites:
        known = resident.plans.get(os.path.dirname(buffer.absolute))
        if known is not None:  # the buffer's one site, the buffer a member of it
            plan, members = known
            if buffer.absolute not in members:
                plan = {root: [*files, buffer] for root, files in plan.items()}
    store = Cache(settings) if cache and not fixing and plan is None else None
    folders: dict[str, str] = {}  # each folder walked: a digest of the names in it
    cwd = os.path.join(os.getcwd(), "")
    if buffer is not None:
        paths, walked, files = (), [], [buffer]
    else:
        found = find_files(
            paths,
            include=settings.include,
            exclude=(*settings.exclude, *settings.extend_exclude),
            root=settings.root,
            respect_gitignore=settings.respect_gitignore,
            force_exclude=force_exclude,
            folders=folders,
        )
        walked = found
        if only is not None:
            found = [file for file in found if file.real in only]
        files = [_file(file, cwd) for file in found]
    diagnostics: list[Diagnostic] = []
    outcome = Outcome(Report((), len(files)))
    sites = plan
    if sites is None:
        sites = (
            _plan_sites(files, settings, paths, walked, cwd, folders, removed or {})
            if with_sites
            else {}
        )
        if resident is not None and buffer is not None and sites:
            members = {file.absolute for files in sites.values() for file in files}
            resident.plans[os.path.dirname(buffer.absolute)] = (sites, members)
    mode = "check+summary" if sites else "check"
    reported = {file.absolute for file in files}
    tasks = [(file, mode) for file in files]
    for members in sites.values():
        tasks += [(file, "summary") for file in members if file.absolute not in reported]
    summaries: dict[str, dict | None] = {}  # by absolute path, of the files checked now
    hashes: dict[str, str] = {}  # content hashes, by real path
    todo = [task for task in tasks if task[0] is not buffer]
    everyone = [file for file, _ in todo]
    buffer_absolute = buffer.absolute if buffer is not None else None
    if resident is not None:
        todo = [task for task in todo if task[0].absolute not in resident.summaries]
    if store is not None:
        tasks, todo = todo, []
        for file, task_mode in tasks:
            if task_mode != "summary" and settings.for_path(file.absolute) is not settings:
                todo.append((file, task_mode))  # its folder's settings: not in the cache
                continue
            hit = store.lookup(
                file.real,
                file.shown,
                diagnostics=task_mode != "summary",
                summary=task_mode != "check",
            )
            if hit is None:
                todo.append((file, task_mode))
                continue
            if task_mode != "summary":
                diagnostics.extend(hit[0])
            hashes[file.real] = hit[1]
    jobs = jobs or os.cpu_count() or 1
    texts: dict[str, str] = {}  # fixed texts to write, by path
    work = [(file.path, file.shown, task_mode) for file, task_mode in todo]
    done = zip(todo, _results(work, settings, fixing, unsafe, store is not None, jobs), strict=True)
    if buffer is not None:
        own = settings.for_path(buffer.absolute)
        result = check_data(stdin, buffer.shown, own, fix=fixing, unsafe=unsafe, summary=True)
        done = chain([((buffer, mode), result)], done)
    for (file, task_mode), result in done:
        summaries[file.absolute] = result.summary
        if store is not None and result.stamp is not None:
            digest, mtime, size = result.stamp
            hashes[file.real] = digest
            own = task_mode == "summary" or settings.for_path(file.absolute) is not settings
            rows = None if own else result.diagnostics
            summarised = task_mode != "check"
            store.put(file.real, digest, (mtime, size), rows, result.summary, summarised=summarised)
        if task_mode == "summary":
            continue
        diagnostics.extend(result.diagnostics)
        outcome.fixed += result.fixed
        if result.new_text is not None:
            outcome.changed.append(file.shown)
            outcome.diffs.append(result.diff)
            texts[file.path] = result.new_text
    if sites:
        from lint.site.run import check_sites

        def summary_of(file: File) -> dict | None:
            """A site member's summary: built now, or from the cache (decoded only when some
            site's rules must run)."""
            if file.absolute in summaries:
                found = summaries[file.absolute]
            elif resident is not None and file.absolute in resident.summaries:
                return resident.summaries[file.absolute]
            else:
                found = store.summary(file.real) if store is not None else None
            if resident is not None and file.absolute != buffer_absolute:
                resident.summaries[file.absolute] = found
            return found

        gone = {
            path: summary_of_data(data, path, settings)
            for path, data in (removed or {}).items()
            if data is not None and len(data) <= settings.max_file_size
        }
        if gone:
            files += _linking_to(gone, sites, summary_of, walked, reported, settings)
        keys, frames = {}, {}
        # the report needs every site built; removed files widen the pages reported on
        if store is not None and not site_report and not gone:
            frames = {root: _site_frame(root, folders) for root in sites}
            keys = {
                root: _site_key(members, reported, hashes, frames[root])
                for root, members in sites.items()
            }
        diagnostics = check_sites(
            sites,
            summary_of,
            files,
            diagnostics,
            settings,
            outcome,
            texts,
            fix=fixing,
            unsafe=unsafe,
            store=store,
            keys=keys,
            frames=frames,
            hashes=hashes,
            buffers={buffer.path: stdin} if buffer is not None else {},
            pages=resident.pages if resident is not None else None,
            kept=resident.sites if resident is not None else None,
        )
    if settings.online:  # links to other sites, requested once each over the network
        from lint.online.run import check_online

        entries = [(f.path, f.shown, stdin if f is buffer else None) for f in files]
        diagnostics = check_online(
            entries,
            diagnostics,
            settings,
            outcome,
            texts,
            fix=fixing,
            unsafe=unsafe,
            use_store=cache,
        )
    report = Report(tuple(sorted(diagnostics, key=DIAGNOSTIC_ORDER)), len(files))
    if store is not None:
        run = None
        # a run that asked other sites is not replayed: their answers expire (online_ttl)
        if record is not None and buffer is None and not removed and not settings.online:
            key, config = record
            places = [cwd, *map(str, sites)]
            places += [path if os.path.isdir(path) else os.path.dirname(path) for path in paths]
            places += [os.path.dirname(file.absolute) for file in files]
            read = [*config, *settings.dependencies]
            if sites:
                from lint.site.layout import generator_config

                read += [found for root in sites if (found := generator_config(root))]
            inputs = _inputs(store, everyone, len(reported), folders, places, read)
            if inputs is not None:
                rows = [[d.path, *encode(d)] for d in report.diagnostics]
                result = {"rows": rows, "files": len(files), "fail_on": settings.fail_on.value}
                run = (key, inputs, result)
        store.save(run)
    if buffer is not None and fixing:  # the fixed buffer goes to standard output
        fixed = texts.pop(buffer.path, None)
        outcome.stdin_text = stdin.decode("utf-8", "surrogateescape") if fixed is None else fixed
    if fix and not diff:
        for path, text in texts.items():
            write_atomic(Path(path), text.encode("utf-8"))
    outcome.report = report
    return outcome


def patch_run(replayed: Replay, settings: Settings, cwd: str) -> Report | None:
    """The result of the run `replayed` records (lint.cache.replay) for its files as they
    are now, when those that changed since lie in the current folder `cwd` and, with site
    rules active, summarise for the site index as they did (the edit touched only text no
    site rule reads, so that no other file's results can change): each is checked again,
    its site diagnostics kept with their snippets read again from its text, the other
    files' diagnostics kept as recorded. The store and the record are brought up to date.
    None when the run must be made."""
    from lint.site import site_rules, with_snippets

    rules = site_rules(settings)
    site_codes = {active.rule.code for active in rules}
    mode = "check+summary" if rules else "check"
    prefix = os.path.join(cwd, "")
    if settings.online or any(not path.startswith(prefix) for path, *_ in replayed.changed):
        return None
    reals = {path: os.path.realpath(path) for path, *_ in replayed.changed}
    named = {os.path.realpath(path) for path in settings.dependencies}
    if not named.isdisjoint(reals.values()):  # a file the settings name (definitions, snippets)
        return None
    store = Cache(settings, only=list(reals.values()))
    found: dict[str, list[Diagnostic]] = {}  # by path as shown
    for path, digest, reported in replayed.changed:
        shown = path[len(prefix) :].replace(os.sep, "/")
        result = check_file(path, shown, settings, mode=mode if reported else "summary")
        kept = [d for d in replayed.diagnostics if d.path == shown] if reported else []
        entry = store.entries.get(reals[path])  # none: not checked with these settings
        same = entry is not None and entry[2] == digest and result.stamp is not None
        if rules and same:
            same = result.summary is not None and result.summary == store.kept_summary(
                reals[path], digest
            )
        if not same or any(d.code == INTERNAL_ERROR for d in kept):
            store.save()
            return None
        site = [d for d in kept if d.code in site_codes]
        if site:
            site = with_snippets(site, _read_text(path))
        if reported:
            found[shown] = result.diagnostics + site
        digest, mtime, size = result.stamp
        rows = result.diagnostics if reported else None
        store.put(reals[path], digest, (mtime, size), rows, result.summary, summarised=bool(rules))
    diagnostics = [d for d in replayed.diagnostics if d.path not in found]
    report = Report(
        tuple(sorted(chain(diagnostics, *found.values()), key=DIAGNOSTIC_ORDER)), replayed.files
    )
    # the record takes what changed as a patch (lint.cache.patched), not written whole again
    inputs, patch = replayed.inputs, replayed.patch
    for index, stamp in enumerate(inputs["files"]):
        entry = store.fresh.get(reals.get(stamp[0], ""))
        if entry is not None:
            patch.setdefault("files", {})[str(index)] = entry[:3]
    for index, folder in enumerate(inputs["folders"]):
        try:
            mtime = os.stat(folder[0]).st_mtime_ns
        except OSError:
            store.save()
            return None
        if mtime != folder[1]:
            patch.setdefault("folders", {})[str(index)] = mtime
    patch["seen"] = store.started
    rows = patch.setdefault("rows", {})
    for shown in found:
        rows[shown] = []
    for d in report.diagnostics:
        if d.path in found:
            rows[d.path].append(encode(d))
    store.save(patch=(replayed.key, patch))
    return report


def _read_text(path: str) -> str | None:
    try:
        with open(path, "rb") as handle:
            return decode(handle.read())[0]
    except (OSError, UndecodableError):
        return None


# Files whose content a run depends on besides the Markdown, where a folder holds them
_READ = (*CONFIG_FILES, *MARKDOWNLINT_FILES, ".gitignore")


def _inputs(
    store: Cache,
    members: list[File],
    reported: int,
    folders: dict[str, str],
    places: list[str],
    read: list,
) -> dict | None:
    """What a run read, for lint.cache.replay: each file's stamp (`members`, from the
    cache, the first `reported` of them reported on; and `read`), and the names in each
    folder that decided which files there are and which settings apply: the folders walked
    and those at and above the `places`, up to the repository's top folder, with the
    configuration and ignore files in them. None when some file was not stamped (it could
    not be read)."""
    files = {}
    for file in members:
        entry = store.fresh.get(file.real)
        if entry is None:
            return None
        files[file.absolute] = [file.absolute, *entry[:3]]  # a link: by what it leads to
    stamped = len(files)  # the members' stamps come first
    listed = dict.fromkeys(folders)
    for place in places:
        folder = os.path.abspath(place)
        while folder not in listed:
            listed[folder] = None
            above = os.path.dirname(folder)
            if os.path.exists(os.path.join(folder, ".git")) or above == folder:
                break
            folder = above
    recorded = []
    for folder in listed:
        try:
            mtime = os.stat(folder).st_mtime_ns
        except OSError:
            return None
        found = folder_digest(folder)
        if found is None:
            return None
        digest, names = found
        recorded.append([folder, mtime, digest])
        read += [os.path.join(folder, name) for name in _READ if name in names]
    for path in read:
        path = os.path.realpath(path)
        if path in files:
            continue
        try:
            with open(path, "rb") as handle:
                stat = os.fstat(handle.fileno())
                files[path] = [path, stat.st_mtime_ns, stat.st_size, content_hash(handle.read())]
        except OSError:
            return None
    return {
        "seen": store.started,
        "folders": recorded,
        "files": list(files.values()),
        "members": stamped,
        "reported": reported,
    }


def _linking_to(
    gone: dict[str, dict | None],
    sites: dict[Path, list[File]],
    summary_of,
    walked: list[Found],
    reported: set[str],
    settings: Settings,
) -> list[File]:
    """The files walked, and not reported on yet, that link to a page removed since (`gone`:
    absolute path -> its summary then): the site rules report on them too."""
    from lint.site.run import linking_to_removed

    removed = {path: summary for path, summary in gone.items() if summary is not None}
    walked_paths = {found.absolute for found in walked}
    more = []
    for root, members in sites.items():
        linking = linking_to_removed(root, members, summary_of, removed, settings)
        more += [
            file
            for file in members
            if file.absolute in linking
            and file.absolute in walked_paths
            and file.absolute not in reported
        ]
    return more


def _check_stdin(
    data: bytes, shown_as: str, settings: Settings, fixing: bool, unsafe: bool
) -> Outcome:
    """Standard input on its own: without a name, or without site rules to run."""
    if shown_as != "-":
        settings = settings.for_path(shown_as)
    result = check_data(data, shown_as, settings, fix=fixing, unsafe=unsafe)
    outcome = Outcome(Report(tuple(result.diagnostics), 1), result.fixed)
    if settings.online:
        from lint.online.run import check_online

        texts = {shown_as: result.new_text} if result.new_text is not None else {}
        found = check_online(
            [(shown_as, shown_as, data)],
            result.diagnostics,
            settings,
            outcome,
            texts,
            fix=fixing,
            unsafe=unsafe,
        )
        outcome.report = Report(tuple(sorted(found)), 1)
        if fixing:
            outcome.stdin_text = texts.get(shown_as) or data.decode("utf-8", "surrogateescape")
            outcome.diffs = outcome.diffs or ([result.diff] if result.diff else [])
        return outcome
    if fixing:
        outcome.stdin_text = result.new_text or data.decode("utf-8", errors="surrogateescape")
        outcome.diffs = [result.diff] if result.diff else []
    return outcome


def _site_frame(root: Path, folders: dict) -> str | None:
    """What the site rules' results for a site depend on besides its members' paths and
    contents and the settings (which the cache file is for): which files exist (the names
    in each folder walked) and the generator's config file. None when the site's folder was
    not walked (only named files were: what exists in it is not known)."""
    from lint.site.layout import generator_config

    top = str(root)
    if top not in folders:
        return None
    inside = os.path.join(top, "")
    parts = [
        f"{folder}\0{names}"
        for folder, names in sorted(folders.items())
        if folder == top or folder.startswith(inside)
    ]
    config = generator_config(root)
    if config is not None:
        try:
            stat = config.stat()
            parts.append(f"{config}\0{stat.st_mtime_ns}\0{stat.st_size}")
        except OSError:
            pass
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _site_key(
    members: list[File], reported: set[str], hashes: dict[str, str], frame: str | None
) -> str | None:
    """What the site rules' results for a site depend on: its `frame` (see _site_frame),
    and each member's path as shown (messages name other pages), content, and whether it is
    reported on. None when the frame is not known or some member's content is not (it could
    not be read)."""
    if frame is None:
        return None
    parts = [frame]
    for file in members:
        if file.real not in hashes:
            return None
        parts.append(f"{file.shown}\0{hashes[file.real]}\0{file.absolute in reported}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _plan_sites(
    files: list[File],
    settings: Settings,
    paths: Sequence[str],
    walked: list[Found],
    cwd: str,
    folders: dict[str, str],
    removed: dict[str, bytes | None],
) -> dict[Path, list[File]]:
    """The sites the files (and the `removed` files, by absolute path) belong to, each with
    every file of it. The index covers a whole site even when only some of its files are
    checked; a site folder named in `paths` was walked already (`walked`), and is not walked
    again."""
    from lint.site.layout import site_root_of

    cache: dict = {}
    roots: dict[Path, list[File]] = {}
    loose: set[str] = set()  # folders of files of no known site: the site is what is checked
    root_of: dict[str, Path | None] = {}  # a file's folder -> its site root
    for absolute in [*(file.absolute for file in files), *removed]:
        folder = os.path.dirname(absolute)
        if folder not in root_of:
            root_of[folder] = site_root_of(Path(absolute), settings, cache)
        root = root_of[folder]
        if root is None:
            loose.add(folder)
        else:
            roots.setdefault(root, [])
    named = {os.path.realpath(path) for path in paths if os.path.isdir(path)}
    checked = {file.real: file for file in files}
    for root in roots:
        if os.path.realpath(root) in named:
            roots[root] = _under(root, walked, checked, cwd)
            continue
        found = find_files(
            [str(root)],
            include=settings.include,
            exclude=(*settings.exclude, *settings.extend_exclude),
            root=settings.root,
            respect_gitignore=settings.respect_gitignore,
            folders=folders,
        )
        roots[root] = _under(root, found, checked, cwd)
    # what the files' folders' sites are, for the page contexts and schema presets too (the
    # worker processes inherit it); what those found already is kept, as they keep it
    for folder, site in cache.get("sites", {}).items():
        settings.sites_found.setdefault(folder, site)
    common = Path(os.path.commonpath(list(loose))) if loose else None
    if common is not None:
        roots.setdefault(common, _under(common, walked, checked, cwd))
    # a checked file is a member of its site even when the walk leaves it out (excluded, or
    # standard input naming a file not written yet)
    members = {root: {file.real for file in found} for root, found in roots.items()}
    for file in files:
        root = root_of[os.path.dirname(file.absolute)] or common
        if file.real not in members[root]:
            members[root].add(file.real)
            roots[root].append(file)
    return roots


def _under(root: Path, walked: list[Found], checked: dict[str, File], cwd: str) -> list[File]:
    """The files walked under `root`, as Files (those of the checked files, when checked)."""
    prefix = os.path.join(str(root), "")
    return [
        checked.get(found.real) or _file(found, cwd)
        for found in walked
        if found.absolute.startswith(prefix)
    ]
