"""The results cache: a file whose size, modification time (or, failing those, content) and
settings are unchanged is not checked again.

One JSON file per mdvet version and settings fingerprint under `.mdvet_cache/` in the site
root. JSON, not pickle: a cache committed to a repository must not be able to run code. Writes
are atomic, so two runs sharing a cache never read a half-written file; the last to finish wins.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from lint import __version__
from lint.model import Diagnostic, Edit, Fix, Pos, Severity
from lint.settings import Settings

CACHE_DIR = ".mdvet_cache"
RACY_NS = 2_000_000_000


def fingerprint(settings: Settings) -> str:
    """What the results depend on besides the file: version, settings, files they name."""
    digest = hashlib.sha256(__version__.encode())
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


def _current(summary) -> bool:
    from lint.site.summary import VERSION

    return isinstance(summary, dict) and summary.get("v") == VERSION


class Cache:
    def __init__(self, settings: Settings) -> None:
        self.file = Path(settings.root) / CACHE_DIR / __version__ / f"{fingerprint(settings)}.json"
        try:
            self.entries: dict[str, list] = json.loads(self.file.read_text(encoding="utf-8"))
            # a file modified this close to the last save may have changed unseen ("racy")
            self.racy_after = self.file.stat().st_mtime_ns - RACY_NS
        except (OSError, ValueError):
            self.entries = {}
        if not isinstance(self.entries, dict):
            self.entries = {}
        self.fresh: dict[str, list] = {}

    @staticmethod
    def _stat(path: str) -> tuple[int, int] | None:
        try:
            stat = os.stat(path)
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def _entry(self, path: str) -> list | None:
        """The entry of an unchanged file (its stamp refreshed), or None."""
        entry = self.entries.get(path)
        stat = self._stat(path)
        if entry is None or stat is None:
            return None
        try:
            mtime, size, digest, *rest = entry
            if [mtime, size] != list(stat) or mtime >= self.racy_after:
                if size != stat[1]:
                    return None
                with open(path, "rb") as handle:  # touched but perhaps unchanged
                    if content_hash(handle.read()) != digest:
                        return None
                entry = [stat[0], size, digest, *rest]
        except (OSError, ValueError, TypeError):
            return None
        return entry

    def lookup(
        self, path: str, shown_as: str, *, diagnostics: bool = True, summary: bool = False
    ) -> tuple[list[Diagnostic] | None, dict | None] | None:
        """The cached diagnostics and site summary of an unchanged file, when the cache
        holds what is asked for; else None. Entries are `[mtime, size, hash, rows]`, with a
        fifth item, the site summary, when one was built (rows are null when only the
        summary was)."""
        entry = self._entry(path)
        if entry is None:
            return None
        rows = entry[3] if len(entry) > 3 else None
        found = entry[4] if len(entry) > 4 else None
        if (diagnostics and rows is None) or (summary and not _current(found)):
            return None
        try:
            decoded = [_decode(shown_as, row) for row in rows] if rows is not None else None
        except (ValueError, TypeError, KeyError):
            return None
        self.fresh[path] = entry
        return decoded, found

    def get(self, path: str, shown_as: str) -> list[Diagnostic] | None:
        """The cached diagnostics of an unchanged file, or None."""
        hit = self.lookup(path, shown_as)
        return None if hit is None else hit[0]

    def put(
        self,
        path: str,
        data_hash: str,
        stat: tuple[int, int],
        diagnostics,
        summary: dict | None = None,
    ) -> None:
        """Record a file's results; `diagnostics` None when only its summary was built."""
        rows = None if diagnostics is None else [_encode(d) for d in diagnostics]
        old = self.fresh.get(path) or self.entries.get(path)
        if old is not None and len(old) > 2 and old[2] == data_hash:
            # keep what the other kind of run built for the same content
            if rows is None and len(old) > 3:
                rows = old[3]
            if summary is None and len(old) > 4:
                summary = old[4]
        entry = [stat[0], stat[1], data_hash, rows]
        if summary is not None:
            entry.append(summary)
        self.fresh[path] = entry

    def save(self) -> None:
        """Write the entries of this run (files checked or confirmed), atomically."""
        if self.fresh == self.entries:
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            gitignore = self.file.parent.parent / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("# created by mdvet\n*\n", encoding="utf-8")
            fd, temporary = tempfile.mkstemp(dir=self.file.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(self.fresh, handle, separators=(",", ":"), ensure_ascii=False)
            os.replace(temporary, self.file)
        except OSError:
            pass  # a cache that cannot be written only costs time
