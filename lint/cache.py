"""The results cache: a file whose size, modification time (or, failing those, content) and
settings are unchanged is not checked again; a site none of whose files changed does not run
its site rules again.

One file per mdvet version and settings fingerprint under `.mdvet_cache/` in the site root,
in two JSON lines: first what every run reads (each file's stamp, content hash, diagnostics
and whether it has a site summary; each site's key and diagnostics), then the site summaries,
decoded only when some site's rules must run again (they are most of the file). JSON, not
pickle: a cache committed to a repository must not be able to run code. Writes are atomic, so
two runs sharing a cache never read a half-written file; the last to finish wins.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cached_property
from pathlib import Path

from lint import __version__
from lint.model import Diagnostic, Edit, Fix, Pos, Severity
from lint.settings import Settings

CACHE_DIR = ".mdvet_cache"
RACY_NS = 2_000_000_000
FORMAT = 2  # of the cache file: part of the fingerprint, so an older file is not misread


def fingerprint(settings: Settings) -> str:
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


def _encode(d: Diagnostic) -> list:
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


def _decode(path: str, row: list) -> Diagnostic:
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


class Cache:
    """Entries are by real path: `[mtime, size, hash, rows, summarised]`; rows are null when
    only the summary was built, `summarised` is the summary version when one was built (the
    summary itself, when the file had one, is in the second line). Sites are by root:
    `[key, rows]`, rows with the path first."""

    def __init__(self, settings: Settings) -> None:
        self.file = Path(settings.root) / CACHE_DIR / __version__ / f"{fingerprint(settings)}.json"
        self.entries: dict[str, list] = {}
        self.sites: dict[str, list] = {}
        self._summaries: bytes | dict = b"{}"  # the second line, decoded when first needed
        try:
            data = self.file.read_bytes()
            # a file modified this close to the last save may have changed unseen ("racy")
            self.racy_after = self.file.stat().st_mtime_ns - RACY_NS
            head, _, self._summaries = data.partition(b"\n")
            loaded = json.loads(head)
            if isinstance(loaded.get("files"), dict) and isinstance(loaded.get("sites"), dict):
                self.entries, self.sites = loaded["files"], loaded["sites"]
        except (OSError, ValueError, AttributeError):
            pass
        self.fresh: dict[str, list] = {}
        self.fresh_sites: dict[str, list] = {}
        self.new_summaries: dict[str, dict | None] = {}
        # made now, before the folders are walked: making it later would change the
        # modification time of the folder holding it, which a site's key includes
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            gitignore = self.file.parent.parent / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("# created by mdvet\n*\n", encoding="utf-8")
        except OSError:
            pass  # then saving fails too, which only costs time

    @cached_property
    def summary_version(self) -> int:
        from lint.site.summary import VERSION

        return VERSION

    def _entry(self, path: str) -> list | None:
        """The entry of an unchanged file (its stamp refreshed), or None."""
        entry = self.entries.get(path)
        if entry is None:
            return None
        try:
            stat = os.stat(path)
            mtime, size, digest, *rest = entry
            if mtime != stat.st_mtime_ns or size != stat.st_size or mtime >= self.racy_after:
                if size != stat.st_size:
                    return None
                with open(path, "rb") as handle:  # touched but perhaps unchanged
                    if content_hash(handle.read()) != digest:
                        return None
                entry = [stat.st_mtime_ns, size, digest, *rest]
        except (OSError, ValueError, TypeError):
            return None
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
        rows = entry[3] if len(entry) > 3 else None
        summarised = len(entry) > 4 and entry[4] == self.summary_version
        if (diagnostics and rows is None) or (summary and not summarised):
            return None
        try:
            decoded = [_decode(shown_as, row) for row in rows] if rows is not None else None
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
        return self._summary(path) if path in self.fresh else None

    def _summary(self, path: str) -> dict | None:
        if path in self.new_summaries:
            return self.new_summaries[path]
        return self._old_summaries().get(path)

    def _old_summaries(self) -> dict:
        if isinstance(self._summaries, bytes):
            try:
                self._summaries = json.loads(self._summaries)
            except ValueError:
                self._summaries = {}
            if not isinstance(self._summaries, dict):
                self._summaries = {}
        return self._summaries

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
        rows = None if diagnostics is None else [_encode(d) for d in diagnostics]
        version = self.summary_version if summarised else None
        old = self.fresh.get(path) or self.entries.get(path)
        if old is not None and len(old) > 2 and old[2] == data_hash:
            # keep what the other kind of run built for the same content
            if rows is None and len(old) > 3:
                rows = old[3]
            if version is None and len(old) > 4:
                version = old[4]  # the summary stays where it is, decoded only if needed
        self.fresh[path] = [stat[0], stat[1], data_hash, rows, version]
        if summarised:
            self.new_summaries[path] = summary

    def site(self, root: str, key: str) -> list[Diagnostic] | None:
        """The cached site-rule diagnostics of the site at `root`, if its key is `key`."""
        entry = self.sites.get(root)
        if not isinstance(entry, list) or len(entry) != 2 or entry[0] != key:
            return None
        try:
            found = [_decode(path, row) for path, *row in entry[1]]
        except (ValueError, TypeError, KeyError):
            return None
        self.fresh_sites[root] = entry
        return found

    def put_site(self, root: str, key: str, diagnostics: list[Diagnostic]) -> None:
        self.fresh_sites[root] = [key, [[d.path, *_encode(d)] for d in diagnostics]]

    def save(self) -> None:
        """Write the entries of this run (files checked or confirmed, sites run or
        confirmed), atomically."""
        if self.fresh == self.entries and self.fresh_sites == self.sites:
            return
        summaries = {}
        for path, entry in self.fresh.items():
            found = self._summary(path) if len(entry) > 4 and entry[4] is not None else None
            if found is not None:
                summaries[path] = found
        head = {"files": self.fresh, "sites": self.fresh_sites}
        try:
            fd, temporary = tempfile.mkstemp(dir=self.file.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                for part in (head, summaries):  # one line each: JSON escapes line breaks
                    json.dump(part, handle, separators=(",", ":"), ensure_ascii=False)
                    handle.write("\n")
            os.replace(temporary, self.file)
        except OSError:
            pass  # a cache that cannot be written only costs time
