"""Baselines: record today's problems, then report only new ones.

A problem is matched on its path, code and a fingerprint of the text it is about, never on
its line, so it stays matched when lines above it move. Counts are kept: a third copy of a
problem recorded twice is new.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from lint.model import Diagnostic

VERSION = 1


class BaselineError(ValueError):
    """The baseline file cannot be read."""


def fingerprint(d: Diagnostic) -> str:
    return hashlib.sha256(f"{d.code}\0{d.snippet}".encode()).hexdigest()[:16]


def _key(d: Diagnostic) -> tuple[str, str, str]:
    return (d.path, d.code, fingerprint(d))


def dump(diagnostics: Iterable[Diagnostic]) -> str:
    counts = Counter(_key(d) for d in diagnostics)
    entries = [
        {"path": path, "code": code, "fingerprint": print_, "count": count}
        for (path, code, print_), count in sorted(counts.items())
    ]
    return json.dumps({"version": VERSION, "problems": entries}, indent=2) + "\n"


def load(path: Path) -> Counter[tuple[str, str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise BaselineError(f"{path}: not an mdvet baseline (version {VERSION})")
        return Counter(
            {(e["path"], e["code"], e["fingerprint"]): int(e["count"]) for e in data["problems"]}
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        if isinstance(err, BaselineError):
            raise
        raise BaselineError(f"{path}: cannot read the baseline: {err}") from None


def new_problems(diagnostics: Iterable[Diagnostic], known: Counter) -> list[Diagnostic]:
    remaining = Counter(known)
    fresh = []
    for d in diagnostics:
        key = _key(d)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            fresh.append(d)
    return fresh
