"""The link store: what the network phase learnt about each page, kept for `online_ttl`
seconds in `.mdvet_cache/links.sqlite` under the site root, so that a run within that time
sends no request for it again, and a CI job can keep the file between runs.

One row per page URL (without its fragment): the last status, the error, the redirects
followed, the ids and names found in its HTML (when it was read), whether it is HTML, and
when it was checked. SQLite in WAL mode: runs sharing the file read while one writes. A
file that cannot be read as the store is removed and made anew; a store that cannot be
written to is left alone, and the run goes on without it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from lint.online import Result

NAME = "links.sqlite"
FORMAT = 1  # of the table: a file of another format is made anew
_CHUNK = 500  # URLs per query (SQLite limits the parameters of one statement)


class LinkStore:
    def __init__(self, folder: Path, ttl: float) -> None:
        self.path = folder / NAME
        self.ttl = ttl
        self.db: sqlite3.Connection | None = None
        try:
            self.db = self._open()
        except (sqlite3.DatabaseError, OSError):
            self._remove()
            try:
                self.db = self._open()
            except (sqlite3.DatabaseError, OSError):
                self.db = None

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=10)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            # a new file, or one of another format, is made (WAL mode stays with the file);
            # a store as it should be is only read here: a run that requests nothing writes
            # nothing
            if version != FORMAT:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("DROP TABLE IF EXISTS links")
                db.execute(
                    "CREATE TABLE links (url TEXT PRIMARY KEY, status INTEGER, "
                    "error TEXT, redirects TEXT NOT NULL, anchors TEXT, html INTEGER NOT NULL, "
                    "checked_at REAL NOT NULL)"
                )
                db.execute(f"PRAGMA user_version={FORMAT}")
                db.commit()
            db.execute("SELECT count(*) FROM links").fetchone()
        except BaseException:
            db.close()
            raise
        return db

    def _remove(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.unlink(f"{self.path}{suffix}")

    def fresh(self, urls: Iterable[str]) -> dict[str, Result]:
        """The stored results of these URLs checked less than `ttl` seconds ago."""
        if self.db is None:
            return {}
        found: dict[str, Result] = {}
        wanted = list(urls)
        oldest = time.time() - self.ttl
        try:
            for i in range(0, len(wanted), _CHUNK):
                chunk = wanted[i : i + _CHUNK]
                rows = self.db.execute(
                    "SELECT url, status, error, redirects, anchors, html, checked_at FROM links "
                    f"WHERE checked_at >= ? AND url IN ({','.join('?' * len(chunk))})",
                    (oldest, *chunk),
                )
                for row in rows:
                    try:
                        found[row[0]] = Result.decode(row)
                    except (ValueError, TypeError):
                        continue  # a row written by hand, or damaged: checked again
        except sqlite3.DatabaseError:
            return found
        return found

    def put(self, results: Iterable[Result]) -> None:
        if self.db is None:
            return
        try:
            with self.db:
                self.db.executemany(
                    "INSERT OR REPLACE INTO links VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [result.encode() for result in results],
                )
        except sqlite3.DatabaseError:
            pass  # a store that cannot be written: the results are lost, the run is not

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
