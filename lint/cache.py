"""The results cache: a file whose size, modification time (or, failing those, content) and
settings are unchanged is not checked again; a site none of whose files changed does not run
its site rules again.

One SQLite database for the site root, `.mdvet_cache/index.sqlite`, in WAL mode, so that two
runs and the language server can share it: a row per file (its stamp, content hash,
diagnostics and site summary), per site (its key and site-rule diagnostics) and per page of
a site (its site-rule diagnostics and what they depend on, see lint.site.incremental), under
the fingerprint of the mdvet version and settings they were made with. A run reads the stamps
and diagnostics of every file at once, the summaries only when some site's rules must run
again (they are most of the data), and writes back only the rows that changed; files that no
longer exist leave it. Values are JSON, not pickle: a cache committed to a repository must
not be able to run code. A store that cannot be read (corrupt, truncated, another format) is
made again; one that cannot be written only costs time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from functools import cached_property
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from lint import __version__
from lint.model import Diagnostic, Edit, Fix, Pos, Severity

CACHE_DIR = ".mdvet_cache"
STORE = "index.sqlite"
RACY_NS = 2_000_000_000
FORMAT = 7  # of the store: a store of another format is made again (7: patches of run records)
KEEP = 4  # fingerprints kept in the store, the most recently used
_TABLES = (
    "CREATE TABLE files (fp TEXT, path TEXT, mtime INTEGER, size INTEGER, hash TEXT,"
    " seen INTEGER, rows TEXT, summarised INTEGER, summary TEXT, PRIMARY KEY (fp, path))"
    " WITHOUT ROWID",
    "CREATE TABLE sites (fp TEXT, root TEXT, key TEXT, rows TEXT, frame TEXT,"
    " PRIMARY KEY (fp, root)) WITHOUT ROWID",
    "CREATE TABLE pages (fp TEXT, root TEXT, rel TEXT, path TEXT, hash TEXT, face TEXT,"
    " rows TEXT, PRIMARY KEY (fp, root, rel)) WITHOUT ROWID",
    "CREATE TABLE fingerprints (fp TEXT PRIMARY KEY, version TEXT, used INTEGER)",
    # a run's record, written whole; beside it, a small row that each use writes: the patch of
    # the record (see `patched`) and when it was last used (SQLite writes a row again whole)
    "CREATE TABLE runs (key TEXT PRIMARY KEY, inputs TEXT, result TEXT)",
    "CREATE TABLE patches (key TEXT PRIMARY KEY, patch TEXT, used INTEGER)",
)
RUNS_KEPT = 16  # run records kept, the most recently used


def fingerprint(settings) -> str:
    """What the results depend on besides the file: version, settings, files they name."""
    digest = hashlib.sha256(f"{__version__} {FORMAT}".encode())
    digest.update(settings.model_dump_json(exclude={"root"}).encode())
    for path in settings.dependencies:
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"missing:" + str(path).encode())
    return digest.hexdigest()[:20]


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def confirm(path: str, mtime: int, size: int, digest: str, seen: int) -> tuple[int, bool] | None:
    """Whether the file at `path` is still the one stamped (`mtime`, `size`, content hash
    `digest`, stamped at `seen`): its modification time now, and whether its content had to
    be read to tell (it was touched, or modified so close to `seen` that a change could have
    gone unseen); None when it changed or is gone."""
    try:
        stat = os.stat(path)
        if mtime == stat.st_mtime_ns and size == stat.st_size and mtime < seen - RACY_NS:
            return mtime, False
        if size != stat.st_size:
            return None
        with open(path, "rb") as handle:
            if content_hash(handle.read()) != digest:
                return None
    except (OSError, ValueError, TypeError):
        return None
    return stat.st_mtime_ns, True


def encode(d: Diagnostic) -> list:
    fix = None
    if d.fix is not None:
        edits = [[*e.start, *e.end, e.text] for e in d.fix.edits]
        fix = [d.fix.description, d.fix.safe, edits]
    return [
        d.line,
        d.column,
        d.code,
        d.end_line,
        d.end_column,
        d.name,
        d.severity.value,
        d.message,
        fix,
        d.snippet,
    ]


def decode(path: str, row: list) -> Diagnostic:
    line, column, code, end_line, end_column, name, severity, message, fix, snippet = row
    if fix is not None:
        description, safe, edits = fix
        fix = Fix(
            description, tuple(Edit(Pos(a, b), Pos(c, d), t) for a, b, c, d, t in edits), safe
        )
    return Diagnostic(
        path,
        line,
        column,
        code,
        end_line,
        end_column,
        name,
        Severity(severity),
        message,
        fix,
        snippet,
    )


def connect(file: Path) -> sqlite3.Connection | None:
    """The store at `file`, made (again) when missing, unreadable or of another format; None
    when it cannot be opened at all."""
    for attempt in range(2):
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(file, timeout=10, isolation_level=None)
        except (OSError, sqlite3.Error):
            return None
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            if db.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
                _create(db)
            db.execute("SELECT count(*) FROM fingerprints").fetchone()
            return db
        except sqlite3.Error:
            db.close()
            if attempt == 0:
                _remove(file)  # corrupt or truncated: made again
    return None


def _create(db: sqlite3.Connection) -> None:
    """Make the tables, dropping those of another format (another run may do it first)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        if db.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
            names = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
            for (name,) in names:
                db.execute(f'DROP TABLE "{name}"')
            for statement in _TABLES:
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {FORMAT}")
        db.execute("COMMIT")
    except sqlite3.Error:
        db.execute("ROLLBACK")
        raise


def _remove(file: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(OSError):
            os.remove(f"{file}{suffix}")


class Cache:
    """The store's rows for one fingerprint. Entries are by real path:
    `[mtime, size, hash, rows, summarised, seen]`; rows (JSON text) are None when only the
    summary was built, `summarised` is the summary version when one was built; `seen` is when
    the stamp was last confirmed (a file modified this close to it may have changed unseen:
    it is confirmed by content). Sites are by root: their key and rows, the path first."""

    def __init__(self, settings, only: list[str] | None = None) -> None:
        """The store's rows of `settings`' fingerprint: of every file, or of the files
        whose real paths `only` holds."""
        root = Path(settings.root)
        self.file = root / CACHE_DIR / STORE
        self.fingerprint = fingerprint(settings)
        self.started = time.time_ns()
        self.entries: dict[str, list] = {}
        self.fresh: dict[str, list] = {}  # entries looked up or put in this run
        self.changed: set[str] = set()  # entries to write
        self.new_summaries: dict[str, dict | None] = {}
        self.new_sites: dict[str, list] = {}
        self.new_pages: dict[str, tuple[dict, bool]] = {}
        self._summaries: dict[str, str] | None = None
        # made now, before the folders are walked: making it later would change the
        # modification time of the folder holding it, which a site's key includes
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            gitignore = self.file.parent / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("# created by mdvet\n*\n", encoding="utf-8")
        except OSError:
            pass
        self.db = connect(self.file)
        columns = "path, mtime, size, hash, rows, summarised, seen"
        if only is None:
            rows = self._files(columns)
        else:
            marks = ", ".join("?" * len(only))
            rows = self._files(columns, f"AND path IN ({marks})", tuple(only))
        if rows is None:
            self.db = None
            return
        self.entries = {path: list(rest) for path, *rest in rows}

    def _files(self, columns: str, where: str = "", values: tuple = ()) -> list | None:
        """The `columns` of this fingerprint's file rows (`where` narrows them, with
        `values`); None when the store cannot be read."""
        if self.db is None:
            return None
        try:
            return self.db.execute(
                f"SELECT {columns} FROM files WHERE fp = ? {where}", (self.fingerprint, *values)
            ).fetchall()
        except sqlite3.Error:
            return None

    @cached_property
    def summary_version(self) -> int:
        from lint.site.summary import VERSION

        return VERSION

    def _entry(self, path: str) -> list | None:
        """The entry of an unchanged file (its stamp refreshed), or None."""
        entry = self.fresh.get(path) or self.entries.get(path)
        if entry is None:
            return None
        mtime, size, digest, rows, summarised, seen = entry
        found = confirm(path, mtime, size, digest, seen)
        if found is None:
            return None
        if found[1]:  # confirmed by content: stamped again
            entry = [found[0], size, digest, rows, summarised, self.started]
            self.changed.add(path)
        return entry

    def lookup(
        self, path: str, shown_as: str, *, diagnostics: bool = True, summary: bool = False
    ) -> tuple[list[Diagnostic] | None, str] | None:
        """The cached diagnostics and the content hash of an unchanged file, when the cache
        holds what is asked for (with `summary`: its site summary, see `summary()`); else
        None."""
        entry = self._entry(path)
        if entry is None:
            return None
        rows = entry[3]
        if (diagnostics and rows is None) or (summary and entry[4] != self.summary_version):
            return None
        try:
            decoded = [decode(shown_as, row) for row in json.loads(rows)] if diagnostics else None
        except (ValueError, TypeError, KeyError):
            return None
        self.fresh[path] = entry
        return decoded, entry[2]

    def get(self, path: str, shown_as: str) -> list[Diagnostic] | None:
        """The cached diagnostics of an unchanged file, or None."""
        hit = self.lookup(path, shown_as)
        return None if hit is None else hit[0]

    def summary(self, path: str) -> dict | None:
        """The site summary of a file looked up or put in this run (None when it has none)."""
        if path not in self.fresh:
            return None
        if path in self.new_summaries:
            return self.new_summaries[path]
        if self._summaries is None:
            self._summaries = self._load_summaries()
        try:
            found = json.loads(self._summaries.get(path) or "null")
        except ValueError:
            return None
        return found if isinstance(found, dict) else None

    def kept_summary(self, path: str, digest: str) -> dict | None:
        """The summary the store holds of the file at `path` when its content hash was
        `digest` (as it was before this run), or None."""
        where = "AND path = ? AND hash = ? AND summarised = ?"
        found = self._files("summary", where, (path, digest, self.summary_version))
        try:
            return json.loads(found[0][0]) if found and found[0][0] else None
        except ValueError:
            return None

    def _load_summaries(self) -> dict[str, str]:
        """Every stored summary of this fingerprint, as JSON text: read at once when some
        site's rules must run, which needs them all."""
        return dict(self._files("path, summary", "AND summary IS NOT NULL") or ())

    def put(
        self,
        path: str,
        data_hash: str,
        stat: tuple[int, int],
        diagnostics,
        summary: dict | None = None,
        *,
        summarised: bool = False,
    ) -> None:
        """Record a file's results: `diagnostics` None when only its summary was built;
        `summarised` when a summary was built (`summary`, None when the file has none)."""
        rows = None if diagnostics is None else json.dumps([encode(d) for d in diagnostics])
        version = self.summary_version if summarised else None
        old = self.fresh.get(path) or self.entries.get(path)
        if old is not None and old[2] == data_hash:
            # keep what the other kind of run built for the same content
            if rows is None:
                rows = old[3]
            if version is None:
                version = old[4]  # the summary stays where it is
        self.fresh[path] = [stat[0], stat[1], data_hash, rows, version, self.started]
        self.changed.add(path)
        if summarised:
            self.new_summaries[path] = summary

    def site(self, root: str, key: str) -> list[Diagnostic] | None:
        """The cached site-rule diagnostics of the site at `root`, if its key is `key`."""
        if self.db is None:
            return None
        try:
            found = self.db.execute(
                "SELECT rows FROM sites WHERE fp = ? AND root = ? AND key = ?",
                (self.fingerprint, root, key),
            ).fetchone()
            if found is None:
                return None
            return [decode(path, row) for path, *row in json.loads(found[0])]
        except (sqlite3.Error, ValueError, TypeError, KeyError):
            return None

    def put_site(
        self,
        root: str,
        key: str,
        diagnostics: list[Diagnostic],
        frame: str | None = None,
        pages: dict[str, tuple] | None = None,
        *,
        every: bool = False,
    ) -> None:
        """Keep the site-rule diagnostics of the site at `root` under its key; with `frame`
        (see lint.runner._site_frame), its results page by page too (lint.site.incremental):
        `pages` by relative path, each (path, hash, face and links as JSON text, rows); with
        `every`, they are all the site's pages (the others kept are dropped)."""
        self.new_sites[root] = [key, [[d.path, *encode(d)] for d in diagnostics], frame]
        if pages is not None:
            self.new_pages[root] = (pages, every)

    def site_pages(self, root: str, frame: str) -> list[tuple] | None:
        """The site results kept page by page for the site at `root` (relative path, path,
        hash, face, rows), when they were kept with `frame`; else None."""
        if self.db is None:
            return None
        try:
            found = self.db.execute(
                "SELECT frame FROM sites WHERE fp = ? AND root = ?", (self.fingerprint, root)
            ).fetchone()
            if found is None or found[0] != frame:
                return None
            return self.db.execute(
                "SELECT rel, path, hash, face, rows FROM pages WHERE fp = ? AND root = ?",
                (self.fingerprint, root),
            ).fetchall()
        except sqlite3.Error:
            return None

    def save(
        self, run: tuple[str, dict, dict] | None = None, patch: tuple[str, dict] | None = None
    ) -> None:
        """Write the rows of this run that changed; drop the rows of files that no longer
        exist, and of the fingerprints least recently used. `run` is the run's record (see
        `replay`): its key, what it read and its result; `patch`, a record's key and what
        has changed in it since it was written whole (see `replay`)."""
        if self.db is None:
            return
        try:
            self._write(run, patch)
        finally:
            self.db.close()
            self.db = None

    def _write(self, run: tuple[str, dict, dict] | None, patch: tuple[str, dict] | None) -> None:
        gone = [path for path in self.entries if path not in self.fresh]
        gone = [path for path in gone if not os.path.lexists(path)]
        if not (self.changed or self.new_sites or gone or run or patch):
            return
        fp = self.fingerprint
        rows = []
        for path in self.changed & self.fresh.keys():
            mtime, size, digest, diagnostics, version, seen = self.fresh[path]
            fresh = path in self.new_summaries
            summary = self.new_summaries.get(path)
            text = json.dumps(summary, ensure_ascii=False) if summary is not None else None
            rows.append((fp, path, mtime, size, digest, seen, diagnostics, version, text, fresh))
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany(
                "INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (fp, path) DO UPDATE SET mtime = excluded.mtime,"
                " size = excluded.size, hash = excluded.hash, seen = excluded.seen,"
                " rows = excluded.rows, summarised = excluded.summarised,"
                " summary = CASE WHEN ? OR files.hash != excluded.hash"
                " THEN excluded.summary ELSE files.summary END",
                rows,
            )
            self.db.executemany(
                "DELETE FROM files WHERE fp = ? AND path = ?", [(fp, path) for path in gone]
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO sites VALUES (?, ?, ?, ?, ?)",
                [
                    (fp, root, key, json.dumps(rows), frame)
                    for root, (key, rows, frame) in self.new_sites.items()
                ],
            )
            for root, (pages, every) in self.new_pages.items():
                if every:
                    self.db.execute("DELETE FROM pages WHERE fp = ? AND root = ?", (fp, root))
                self.db.executemany(
                    "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(fp, root, rel, *page) for rel, page in pages.items()],
                )
            self.db.execute(
                "INSERT OR REPLACE INTO fingerprints VALUES (?, ?, ?)",
                (fp, __version__, self.started),
            )
            stale = self.db.execute(
                "SELECT fp FROM fingerprints WHERE version != ? OR fp NOT IN"
                " (SELECT fp FROM fingerprints ORDER BY used DESC LIMIT ?)",
                (__version__, KEEP),
            ).fetchall()
            for table in ("files", "sites", "pages", "fingerprints"):
                self.db.executemany(f"DELETE FROM {table} WHERE fp = ?", stale)
            if patch is not None:
                key, changes = patch
                self.db.execute(
                    "UPDATE patches SET patch = ?, used = ? WHERE key = ?",
                    (json.dumps(changes), self.started, key),
                )
            if run is not None:
                key, inputs, result = run
                self.db.execute(
                    "INSERT OR REPLACE INTO runs VALUES (?, ?, ?)",
                    (key, json.dumps(inputs), json.dumps(result)),
                )
                self.db.execute(
                    "INSERT OR REPLACE INTO patches VALUES (?, NULL, ?)", (key, self.started)
                )
                self.db.execute(
                    "DELETE FROM patches WHERE key NOT IN"
                    " (SELECT key FROM patches ORDER BY used DESC LIMIT ?)",
                    (RUNS_KEPT,),
                )
                self.db.execute("DELETE FROM runs WHERE key NOT IN (SELECT key FROM patches)")
            self.db.execute("COMMIT")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")


def run_key(cwd: str, options: dict) -> str:
    """The key of a run's record: the version, the current folder (paths are shown relative
    to it) and the command's options that decide its result."""
    text = json.dumps([__version__, FORMAT, cwd, options], sort_keys=True)
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def store_of(cwd: str) -> Path:
    """Where the store of a run started in `cwd` is: in the folder of the nearest
    configuration file (a pyproject.toml that names mdvet), else in `cwd`."""
    from lint.discover import CONFIG_FILES

    folder = cwd
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                if name != "pyproject.toml":
                    return Path(folder) / CACHE_DIR / STORE
                with open(candidate, "rb") as handle:
                    if b"mdvet" in handle.read():
                        return Path(folder) / CACHE_DIR / STORE
        above = os.path.dirname(folder)
        if os.path.exists(os.path.join(folder, ".git")) or above == folder:
            return Path(cwd) / CACHE_DIR / STORE
        folder = above


class Replay(NamedTuple):
    """A recorded run (see `replay`): its diagnostics, the number of files it checked, its
    fail-on severity, and the files it read whose content changed since (of those it
    checked or summarised for the site index), each as (absolute path, content hash then,
    whether it was reported on); what it read besides those is as it was. `inputs` is what
    it read, with its `patch` applied."""

    diagnostics: list[Diagnostic]
    files: int
    fail_on: str
    changed: list[tuple[str, str, bool]]
    key: str
    inputs: dict
    rows: list
    patch: dict


def patched(inputs: dict, rows: list, patch: dict) -> list:
    """Apply a record's `patch` (what the runs that checked the files changed since it was
    written again left different, see lint.runner.patch_run) to what it read, `inputs`,
    in place: the files' stamps and the folders' modification times by their index, the
    time they were seen; and to its diagnostics' `rows`, which are returned: those of the
    files it names are replaced by its own (an empty list: none), in the record's order."""
    files, folders = inputs["files"], inputs["folders"]
    for index, stamp in patch.get("files", {}).items():
        files[int(index)][1:] = stamp
    for index, mtime in patch.get("folders", {}).items():
        folders[int(index)][1] = mtime
    inputs["seen"] = patch.get("seen", inputs["seen"])
    replaced = patch.get("rows")
    if not replaced:
        return rows
    kept = [row for row in rows if row[0] not in replaced]
    kept += [[path, *row] for path, own in replaced.items() for row in own]
    kept.sort(key=itemgetter(0, 1, 2, 3))  # path, line, column, code: DIAGNOSTIC_ORDER
    return kept


def replay(key: str, cwd: str) -> Replay | None:
    """The run recorded under `key` when nothing it read has changed since but the content
    of some files it checked (`changed`, then its result is theirs as they were; see
    lint.runner.patch_run): the folders (by modification time, or the names in them), the
    configuration files and the other files (by stamp, or content when touched); None
    otherwise. It needs neither the settings nor the rules: a run that changed nothing
    starts and ends here. The record is read with its patch applied (see `patched`)."""
    from lint.discover import folder_digest

    file = store_of(cwd)
    if not file.is_file():
        return None
    try:
        db = sqlite3.connect(f"file:{file}?mode=rw", uri=True, timeout=10, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        db.execute("PRAGMA synchronous=NORMAL")
        found = db.execute(
            "SELECT inputs, result, patch FROM runs JOIN patches USING (key) WHERE key = ?",
            (key,),
        ).fetchone()
        if found is None:
            return None
        inputs, result = json.loads(found[0]), json.loads(found[1])
        patch = json.loads(found[2]) if found[2] else {}
        rows = result["rows"] = patched(inputs, result["rows"], patch)
        seen, touched = inputs["seen"], False
        for folder, mtime, digest in inputs["folders"]:
            try:
                now = os.stat(folder).st_mtime_ns
            except OSError:
                return None
            if now != mtime or mtime >= seen - RACY_NS:
                listing = folder_digest(folder)
                if listing is None or listing[0] != digest:
                    return None
                touched = True
        members = inputs["members"]
        changed = []
        for index, stamp in enumerate(inputs["files"]):
            confirmed = confirm(*stamp, seen)
            if confirmed is None:
                if index >= members:  # a configuration file, or one it names
                    return None
                changed.append((stamp[0], stamp[3], index < inputs["reported"]))
            elif confirmed[1]:
                stamp[1], touched = confirmed[0], True
        diagnostics = [decode(path, row) for path, *row in rows]
        if touched and not changed:  # stamped again, so that the next run need not read them
            for folder in inputs["folders"]:
                folder[1] = os.stat(folder[0]).st_mtime_ns
            inputs["seen"] = time.time_ns()
            db.execute(
                "UPDATE runs SET inputs = ?, result = ? WHERE key = ?",
                (json.dumps(inputs), json.dumps(result), key),
            )
            db.execute(
                "UPDATE patches SET patch = NULL, used = ? WHERE key = ?", (inputs["seen"], key)
            )
            patch = {}
        return Replay(
            diagnostics, result["files"], result["fail_on"], changed, key, inputs, rows, patch
        )
    except (sqlite3.Error, OSError, ValueError, TypeError, KeyError):
        return None
    finally:
        db.close()
