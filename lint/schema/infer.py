"""Write a starter schema from an existing site: what its front matter actually holds.

For each key: the types seen and how often it appears (required when every file has it), the
date formats of date-like text, the vocabulary of categories and layouts (and of tags, when a
few are used over and over) with how often each value is used, nested mappings. A type that nine
values in ten agree on wins, so that the odd value out is reported when the site is checked
against the schema: those are the site's real inconsistencies; without such a type, the field
gets every type seen. `mdvet init` asks for the exact reading instead: every type seen, so
that the schema it writes agrees with the files it was inferred from.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint.document import parse_document
from lint.schema.compile import duplicates
from lint.schema.dates import compile_formats
from lint.source import UndecodableError, decode

# Tried in order; a value counts for the first that it matches.
CANDIDATE_FORMATS = (
    "YYYY-MM-DD",
    "YYYY-MM-DD HH:MM",
    "YYYY-MM-DD HH:MM:SS",
    "YYYY-MM-DD HH:MM ±HHMM",
    "YYYY-MM-DD HH:MM:SS ±HHMM",
    "YYYY-MM-DD HH:MM:SS.SSS ±HHMM",
    "YYYY-MM-DDTHH:MM",
    "YYYY-MM-DDTHH:MM:SS",
    "YYYY-MM-DDTHH:MMZ",
    "YYYY-MM-DDTHH:MM:SSZ",
    "YYYY-MM-DDTHH:MM:SS.SSSZ",
    "YYYY-MM-DDTHH:MM:SS±HH:MM",
    "YYYY-MM-DDTHH:MM:SS.SSS±HH:MM",
    "YYYY-MM-DDTHH:MM:SS±HHMM",
    "MM/DD/YYYY",
    "DD/MM/YYYY",
    "DD MMM YYYY",
)
_COMPILED = [(text, compile_formats((text,))) for text in CANDIDATE_FORMATS]
VOCABULARY_FIELDS = frozenset({"category", "categories", "layout"})
MAX_VOCABULARY = 200
# Tags are a vocabulary too when the site reuses a small set: at most this many values, each
# used in three files on average.
TAG_FIELDS = frozenset({"tag", "tags"})
MAX_TAGS = 30
TAG_REUSE = 3
MAJORITY = 0.9
MAX_DEPTH = 4
_SIMPLE_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


def date_format(text: str) -> str | None:
    for name, compiled in _COMPILED:
        if compiled.match(text) == (True, True):
            return name
    return None


@dataclass
class Stats:
    """What one key held across the files (or the items of a list)."""

    present: int = 0
    kinds: Counter = field(default_factory=Counter)
    formats: Counter = field(default_factory=Counter)  # of strings that read as dates
    date_only: bool = True  # every date value had no time
    values: Counter = field(default_factory=Counter)  # strings, for vocabularies
    items: Stats | None = None
    fields: dict[str, Stats] | None = None
    mappings: int = 0  # how many mappings the children were counted in
    repeats: bool = False  # some list held an item twice

    def add(self, value: Any, depth: int) -> None:
        self.present += 1
        kind = _kind(value)
        self.kinds[kind] += 1
        if kind == "string":
            found = date_format(value)
            if found is not None:
                self.formats[found] += 1
                self.date_only &= "HH" not in found
            if len(self.values) <= MAX_VOCABULARY:
                self.values[value] += 1
        elif kind in ("integer", "number") and len(self.values) <= MAX_VOCABULARY:
            self.values[str(value)] += 1
        elif kind in ("date", "datetime"):
            self.date_only &= kind == "date"
        elif kind == "list" and depth < MAX_DEPTH:
            self.repeats |= bool(duplicates(value))
            self.items = self.items or Stats()
            for item in value:
                self.items.add(item, depth + 1)
        elif kind == "mapping" and depth < MAX_DEPTH:
            self.add_mapping(value, depth + 1)

    def add_mapping(self, mapping: dict, depth: int) -> None:
        self.fields = {} if self.fields is None else self.fields
        self.mappings += 1
        for key, value in mapping.items():
            self.fields.setdefault(str(key), Stats()).add(value, depth)


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, dt.datetime):
        return "datetime"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    return "any"


@dataclass
class Inferred:
    files_read: int
    files_with_front_matter: int
    root: Stats


def collect(files: Iterable[Path]) -> Inferred:
    root = Stats()
    read = 0
    for path in files:
        read += 1
        try:
            text, _ = decode(path.read_bytes())
        except (OSError, UndecodableError):
            continue
        doc = parse_document(text, str(path))
        block = doc.front_matter
        if block is None or block.close_line is None or not isinstance(block.data, dict):
            continue
        if any(code in ("FM003", "FM005") for code, _ in doc.problems):
            continue
        root.add_mapping(block.data, 1)
    return Inferred(read, root.mappings, root)


def _decide(stats: Stats, exact: bool) -> tuple[str | tuple[str, ...], dict[str, Any]]:
    """The field's type (a tuple: any of those types), and the options that go with it.
    `exact`: every value seen must pass, rather than nine in ten."""
    kinds = Counter({k: n for k, n in stats.kinds.items() if k != "null"})
    total = sum(kinds.values())
    if total == 0 or "any" in kinds:
        return "any", {}
    share = 1 if exact else MAJORITY
    dates = kinds["date"] + kinds["datetime"] + sum(stats.formats.values())
    if dates and dates >= share * total and sum(stats.formats.values()) >= share * kinds["string"]:
        formats = _formats(stats.formats, exact)
        kind = "date" if stats.date_only else "datetime"
        return kind, ({"formats": formats} if formats else {})
    names = set(kinds)
    if "list" in names and names <= {"list", "string"}:
        return "list", ({"split_string": True} if "string" in names else {})
    if "string" in names and names <= {"string", "integer", "number"}:
        return "string", {}
    if names <= {"integer", "number"}:
        return ("number" if "number" in names else "integer"), {}
    kind, count = kinds.most_common(1)[0]
    if count >= share * total and kind not in ("date", "datetime"):
        return kind, {}
    # several types: each kind once, a string standing for the dates and numbers printed as text
    merged = []
    for kind, _ in kinds.most_common():
        if kind in ("integer", "number") and "string" in kinds:
            continue
        if kind == "integer" and "number" in kinds:
            continue
        merged.append(kind)
    if len(merged) == 1:
        return merged[0], {}
    return tuple(merged), {}


def _formats(seen: Counter, exact: bool) -> list[str]:
    formats = [name for name, _ in seen.most_common()]
    # 01/02/2025 reads both ways: keep the reading most values need, the others are mistakes
    # (unless every value seen must pass).
    if "MM/DD/YYYY" in formats and "DD/MM/YYYY" in formats and not exact:
        formats.remove(min(("MM/DD/YYYY", "DD/MM/YYYY"), key=lambda f: seen[f]))
    return sorted(formats, key=CANDIDATE_FORMATS.index)


def _field(name: str, stats: Stats, parents: int, exact: bool) -> dict[str, Any]:
    kind, options = _decide(stats, exact)
    kinds = kind if isinstance(kind, tuple) else (kind,)
    spec: dict[str, Any] = {"type": list(kind) if isinstance(kind, tuple) else kind}
    non_null = stats.present - stats.kinds["null"]
    if parents > 1 and non_null == parents:
        spec["required"] = True
    spec.update(options)
    if "list" in kinds and stats.items is not None and stats.items.present:
        item_kind, item_options = _decide(stats.items, exact)
        item_kinds = item_kind if isinstance(item_kind, tuple) else (item_kind,)
        items: dict[str, Any] = {
            "type": list(item_kind) if isinstance(item_kind, tuple) else item_kind,
            **item_options,
        }
        if "mapping" in item_kinds and stats.items.fields:
            items["fields"] = _fields(stats.items.fields, stats.items.mappings, exact)
        spec["items"] = items
        if item_kind in ("string", "integer", "number"):
            if not (exact and stats.repeats):
                spec["unique"] = True
            values = stats.items.values.copy()
            if spec.get("split_string"):
                values.update(word for text in stats.values for word in text.split())
            if _vocabulary(name, values):
                spec["allowed"] = values
    elif kind == "string" and _vocabulary(name, stats.values):
        spec["allowed"] = stats.values
    if "mapping" in kinds and stats.fields:
        spec["fields"] = _fields(stats.fields, stats.mappings, exact)
    return spec


def _vocabulary(name: str, values: Counter) -> bool:
    """Whether the values seen are the site's vocabulary for the field: its categories and
    layouts, and its tags when a few of them are used over and over."""
    if not 0 < len(values) <= MAX_VOCABULARY:
        return False
    if name in TAG_FIELDS:
        return len(values) <= MAX_TAGS and sum(values.values()) >= TAG_REUSE * len(values)
    return name in VOCABULARY_FIELDS


def _fields(children: dict[str, Stats], parents: int, exact: bool) -> dict[str, dict[str, Any]]:
    ordered = sorted(children.items(), key=lambda item: (-item[1].present, item[0]))
    return {name: _field(name, stats, parents, exact) for name, stats in ordered}


def _note(stats: Stats, parents: int) -> str:
    kinds = ", ".join(f"{kind} {count}" for kind, count in stats.kinds.most_common())
    return f"in {stats.present} of {parents}: {kinds}"


def render(inferred: Inferred, name: str, source: str, *, exact: bool = False) -> str:
    """The schema file's text: one field a line, each with a comment on what was seen, and
    each allowed value with how often it is used. `exact`: a type for every value seen (a
    field holding two types gets both), so that checking the same files finds no type error."""
    root = inferred.root
    lines = [
        f"# Inferred by `mdvet schema infer` from {source}: {inferred.files_with_front_matter} "
        f"files with front matter of {inferred.files_read} read.",
        "# Each field's comment says in how many files it appears, and with which types.",
        f"name: {_flow(name)}",
        f"description: {json.dumps('Front matter as found in ' + source)}",
        "unknown_fields: warn",
        "fields:" if root.fields else "fields: {}",
    ]
    for key, stats in sorted(
        (root.fields or {}).items(), key=lambda item: (-item[1].present, item[0])
    ):
        spec = _field(key, stats, inferred.files_with_front_matter, exact)
        _emit(lines, key, spec, stats, inferred.files_with_front_matter, "  ")
    return "\n".join(lines) + "\n"


def _emit(lines: list[str], key: str, spec: dict, stats: Stats | None, parents: int, indent: str):
    note = f"  # {_note(stats, parents)}" if stats is not None else ""
    nested = spec.get("fields")
    if (
        nested is None
        and "allowed" not in spec
        and not isinstance(spec.get("items", {}).get("fields"), dict)
    ):
        lines.append(f"{indent}{_key(key)}: {_flow(spec)}{note}")
        return
    lines.append(f"{indent}{_key(key)}:{note}")
    for option, value in spec.items():
        if option == "fields":
            lines.append(f"{indent}  fields:")
            children = stats.fields if stats is not None else None
            for child, child_spec in value.items():
                child_stats = (children or {}).get(child)
                _emit(lines, child, child_spec, child_stats, stats.mappings, indent + "    ")
        elif option == "items" and "fields" in value:
            lines.append(f"{indent}  items:")
            item_stats = stats.items if stats is not None else None
            _emit_mapping_items(lines, value, item_stats, indent + "    ")
        elif option == "allowed":
            lines.append(f"{indent}  allowed:  # each value with the number of times it is used")
            for word, count in sorted(value.items(), key=lambda pair: (-pair[1], pair[0])):
                lines.append(f"{indent}    - {_flow(word)}  # {count}")
        else:
            lines.append(f"{indent}  {option}: {_flow(value)}")


def _emit_mapping_items(lines, spec, stats, indent):
    for option, value in spec.items():
        if option == "fields":
            lines.append(f"{indent}fields:")
            for child, child_spec in value.items():
                child_stats = (stats.fields or {}).get(child) if stats else None
                parents = stats.mappings if stats else 0
                _emit(lines, child, child_spec, child_stats, parents, indent + "  ")
        else:
            lines.append(f"{indent}{option}: {_flow(value)}")


def _key(key: str) -> str:
    return key if _SIMPLE_KEY.match(key) else json.dumps(key, ensure_ascii=False)


def _flow(value: Any) -> str:
    """YAML flow text; JSON scalars and lists are valid YAML."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, str) and _SIMPLE_KEY.match(value) and value not in _YAML_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)


_YAML_WORDS = frozenset(
    {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "Yes", "No", "True", "False"}
)
