"""The values that flow out of the linter: positions, problems, fixes, diagnostics."""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter
from typing import NamedTuple


class Pos(NamedTuple):
    """A 1-based line and column; columns count Unicode characters."""

    line: int
    column: int


class Span(NamedTuple):
    """A source range; `end` is the position just after the last character."""

    start: Pos
    end: Pos


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}


@dataclass(frozen=True)
class Edit:
    """Replace the text between `start` and `end` with `text`."""

    start: Pos
    end: Pos
    text: str


@dataclass(frozen=True)
class Fix:
    description: str
    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True)
class Problem:
    """What a rule reports: where and what. The engine adds who and how bad."""

    start: Pos
    message: str
    end: Pos | None = None
    fix: Fix | None = None
    severity: Severity | None = None  # set only where the data itself decides (a schema)


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    column: int
    code: str
    end_line: int = field(compare=False)
    end_column: int = field(compare=False)
    name: str = field(compare=False)
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    fix: Fix | None = field(default=None, compare=False)
    # what the problem is about, independent of where it stands: baselines and CI reports
    # match on it, so a problem keeps its identity when lines above it move
    snippet: str = field(default="", compare=False, repr=False)


# Diagnostic's order as a sort key: the order `sorted()` gives the diagnostics themselves,
# without a Python-level comparison for each pair (a run may report hundreds of thousands)
DIAGNOSTIC_ORDER = attrgetter("path", "line", "column", "code")


@dataclass(frozen=True)
class Report:
    """The result of one run: every diagnostic, and how many files were read."""

    diagnostics: tuple[Diagnostic, ...]
    files_checked: int

    @property
    def counts(self) -> dict[str, int]:
        counted = Counter(d.severity for d in self.diagnostics)
        return {severity.value: counted[severity] for severity in Severity}

    @property
    def files_with_problems(self) -> int:
        return len({d.path for d in self.diagnostics})


class SettingsError(Exception):
    """A setting is wrong; the CLI exits 2. `loc` names the setting, e.g. ("rules", "LK005")."""

    def __init__(self, message: str, loc: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.loc = loc
