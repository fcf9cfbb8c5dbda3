"""Find the front-matter block, parse it once, and keep where every key and item stands.

YAML (`---`), TOML (`+++`) and JSON (`{` on the first line) blocks are supported. Parsing
returns the data, an index from paths such as ``("tags", 9)`` to source spans, and the
problems found (syntax errors, duplicate keys, a block that is not a mapping).
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
from dataclasses import dataclass, field
from typing import Any

import yaml

from lint.model import Pos, Problem, Span
from lint.source import LineIndex

_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The implicit resolvers PyYAML tries on a plain scalar, by its first character: those for the
# character, then the catch-all ones (a safe loader has no path resolvers to consult after them)
_CATCH_ALL = _SafeLoader.yaml_implicit_resolvers.get(None, [])
_IMPLICIT = {
    first: resolvers + _CATCH_ALL
    for first, resolvers in _SafeLoader.yaml_implicit_resolvers.items()
    if first is not None
}


class _Loader(_SafeLoader):
    """The safe loader, resolving a scalar's tag as PyYAML's `resolve` does, with the list of
    resolvers to try put together once rather than for every scalar of every block."""

    def resolve(self, kind, value, implicit):
        if kind is not yaml.ScalarNode:
            return super().resolve(kind, value, implicit)
        if implicit[0]:
            for tag, regexp in _IMPLICIT.get(value[:1], _CATCH_ALL):
                if regexp.match(value):
                    return tag
        return self.DEFAULT_SCALAR_TAG

    def construct_yaml_timestamp(self, node):
        """A timestamp, or the text as written when it names no real date or time
        (`2024-02-30`, `2024-01-01 25:00:00`): the schema's date check says what is wrong
        with it, at its own place, instead of the whole block failing to load."""
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return node.value


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)

# tuple.__new__(Pos, ...) is Pos(...) without the Python-level __new__ of a NamedTuple: every
# key and value of every front-matter block is placed
_tuple_new = tuple.__new__

# Aliases let a few lines of YAML stand for billions of values; refuse data larger than this.
MAX_VALUES = 100_000
# Real front matter nests a few levels; far deeper data only serves to exhaust recursion.
MAX_DEPTH = 100
# Real front matter is a few kilobytes; a larger block is not parsed at all.
MAX_CHARACTERS = 1_000_000

Path = tuple[str | int, ...]

_FENCES = {"---": ("yaml", ("---", "...")), "+++": ("toml", ("+++",))}
# `{` alone, or `{` and a quoted key: not `{%` or `{{`, which open template tags
_JSON_OPENING = re.compile(r'\{\s*"')


@dataclass(frozen=True)
class FrontMatter:
    """A front-matter block: where it stands, what it holds, where each value is."""

    format: str  # "yaml" | "toml" | "json"
    open_line: int  # line of the opening fence (1)
    close_line: int | None  # line of the closing fence; None when it never closes
    content_start: int  # character offset of the first content character
    content_end: int  # character offset just after the content
    data: Any = None
    values: dict[Path, Span] = field(default_factory=dict)
    keys: dict[Path, Span] = field(default_factory=dict)

    @property
    def fence(self) -> Span:
        return Span(Pos(self.open_line, 1), Pos(self.open_line, 4))

    def locate(self, path: Path) -> Span:
        """The span of the value at `path`, or of its nearest located parent, or the fence."""
        for depth in range(len(path), 0, -1):
            span = self.values.get(tuple(path[:depth]))
            if span is not None:
                return span
        return self.fence

    def locate_key(self, path: Path) -> Span:
        """The span of the key that names `path`, falling back like `locate`."""
        span = self.keys.get(tuple(path))
        return span if span is not None else self.locate(path)


def split(text: str, lines: LineIndex) -> FrontMatter | None:
    """Find the block at the start of the text; `close_line` is None when it never closes."""
    first = lines.line_text(1).rstrip(" \t")
    if first in _FENCES:
        fmt, closers = _FENCES[first]
        content_start = lines.starts[1] if lines.line_count > 1 else len(text)
        for line in range(2, lines.line_count + 1):
            start = lines.starts[line - 1]  # a closing line starts with a closer: test that first
            if text.startswith(closers, start) and lines.line_text(line).rstrip(" \t") in closers:
                return FrontMatter(fmt, 1, line, content_start, start)
        return FrontMatter(fmt, 1, None, content_start, len(text))
    if first == "{" or _JSON_OPENING.match(first):
        try:  # a valid object ends where the decoder stops
            close = lines.pos(json.JSONDecoder().raw_decode(text)[1] - 1).line
        except (ValueError, RecursionError):  # else at the first line holding only `}`
            close = next(
                (
                    n
                    for n in range(1, lines.line_count + 1)
                    if lines.line_text(n).rstrip(" \t") == "}"
                ),
                None,
            )
        if close is None:
            return FrontMatter("json", 1, None, 0, len(text))
        end = lines.starts[close] if close < lines.line_count else len(text)
        return FrontMatter("json", 1, close, 0, end)
    return None


def read(text: str, lines: LineIndex) -> tuple[FrontMatter | None, list[tuple[str, Problem]], int]:
    """Split and parse the front matter of a text: the block (None when there is none), the
    problems found (FM002 for a block never closed, FM003 to FM005 from parsing), and the
    character offset where the Markdown body begins. Pure: no I/O."""
    block = split(text, lines)
    problems: list[tuple[str, Problem]] = []
    if block is not None:
        if block.close_line is None:
            fence = lines.line_text(1).strip()
            problem = Problem(
                Pos(1, 1),
                f"front matter opened with '{fence}' is never closed",
                end=Pos(1, len(fence) + 1),
            )
            problems.append(("FM002", problem))
        else:
            block, problems = parse(block, text)
    return block, problems, body_start(block, lines)


def body_start(block: FrontMatter | None, lines: LineIndex) -> int:
    """Character offset where the Markdown body begins."""
    if block is None or block.close_line is None:
        return 0 if block is None else len(lines.text)
    if block.format == "json":
        return block.content_end
    if block.close_line < lines.line_count:
        return lines.starts[block.close_line]
    return len(lines.text)


def parse(block: FrontMatter, text: str) -> tuple[FrontMatter, list[tuple[str, Problem]]]:
    """Parse a closed block; return it with data and positions, and the problems found."""
    content = text[block.content_start : block.content_end]
    first_line = 1 if block.format == "json" else block.open_line + 1
    if len(content) > MAX_CHARACTERS:
        size = f"{len(content):,} characters long; the limit is {MAX_CHARACTERS:,}"
        return block, [("FM003", Problem(Pos(first_line, 1), f"front matter is {size}"))]
    parser = {"yaml": _parse_yaml, "toml": _parse_toml, "json": _parse_json}[block.format]
    data, values, keys, problems = parser(content, first_line)
    if data is None:
        data = {}
    elif problems == [] and not isinstance(data, dict):
        start = values.get((), block.fence).start
        kind = _kind(data)
        problems.append(
            (
                "FM005",
                Problem(start, f"front matter is {kind}; expected a mapping of keys to values"),
            )
        )
    return (
        FrontMatter(
            block.format,
            block.open_line,
            block.close_line,
            block.content_start,
            block.content_end,
            data,
            values,
            keys,
        ),
        problems,
    )


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    return f"a single {type(value).__name__} value"


# YAML ---------------------------------------------------------------------------------------


def _parse_yaml(content: str, first_line: int):
    problems: list[tuple[str, Problem]] = []
    values: dict[Path, Span] = {}
    keys: dict[Path, Span] = {}
    loader = _Loader(content)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, values, keys, problems
        size, depth = _measure(node)
        refusal = None
        if size > MAX_VALUES:
            refusal = f"expands to more than {MAX_VALUES:,} values through aliases"
            if _unique_nodes(node) > MAX_VALUES:
                refusal = f"holds more than {MAX_VALUES:,} values"
        elif depth > MAX_DEPTH:
            refusal = f"nests more than {MAX_DEPTH} levels deep"
        if refusal:
            start = _mark_pos(node.start_mark, first_line)
            problems.append(
                ("FM003", Problem(start, f"front matter {refusal}; refusing to load it"))
            )
            return None, values, keys, problems
        _index_yaml(node, first_line, values, keys, problems)
        data = _construct(loader, node, content)
    except yaml.MarkedYAMLError as err:
        problems.append(("FM003", _yaml_error(err, first_line)))
        return None, {}, {}, problems
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError) as err:
        message = (
            "front matter is nested too deeply" if isinstance(err, RecursionError) else str(err)
        )
        problems.append(("FM003", Problem(Pos(first_line, 1), f"invalid YAML: {message}")))
        return None, {}, {}, problems
    finally:
        loader.dispose()
    return data, values, keys, problems


_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
# Scalar tags whose constructors are plain functions of the node, and that give hashable keys
_SCALARS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp")
)


class _Unusual(Exception):
    """A node that the quick construction leaves to PyYAML."""


def _construct(loader, root, content: str):
    """The data of the document, as the loader's `construct_document` gives it.

    Front matter is nearly always strings, lists and mappings with plain keys: those are built
    here directly, several times faster than through PyYAML's generic constructor. A document
    with aliases (which need `*`), or with anything else (merge keys, other tags, keys that are
    not scalars), or whose construction fails, is constructed by PyYAML from the start, so
    that its data and its errors are PyYAML's own.
    """
    if "*" not in content:
        try:
            return _construct_tree(loader, root)
        except Exception:  # PyYAML raises the error, or constructs what we left to it
            pass
    return loader.construct_document(root)


def _construct_tree(loader, node):
    """The data of one node of an alias-free tree (at most MAX_DEPTH deep, so recursion is
    safe); raises _Unusual at what it leaves to PyYAML."""
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        if tag == _STR:
            return node.value
        if tag in _SCALARS:
            return loader.yaml_constructors[tag](loader, node)
    elif isinstance(node, yaml.SequenceNode) and tag == _SEQ:
        return [_construct_tree(loader, item) for item in node.value]
    elif isinstance(node, yaml.MappingNode) and tag == _MAP:
        data = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or (
                key_node.tag != _STR and key_node.tag not in _SCALARS
            ):
                raise _Unusual
            data[_construct_tree(loader, key_node)] = _construct_tree(loader, value_node)
        return data
    raise _Unusual


def _mark_pos(mark, first_line: int) -> Pos:
    return _tuple_new(Pos, (first_line + mark.line, mark.column + 1))


def _node_span(node, first_line: int) -> Span:
    start, end = node.start_mark, node.end_mark  # _mark_pos written out: this runs per node
    return _tuple_new(
        Span,
        (
            _tuple_new(Pos, (first_line + start.line, start.column + 1)),
            _tuple_new(Pos, (first_line + end.line, end.column + 1)),
        ),
    )


def _yaml_error(err: yaml.MarkedYAMLError, first_line: int) -> Problem:
    mark = err.problem_mark or err.context_mark
    problem = (err.problem or "syntax error").replace("tag:yaml.org,2002:", "!!")
    if "could not determine a constructor" in problem:
        problem = problem.replace(
            "could not determine a constructor for the tag", "unsafe or unknown tag"
        )
    message = f"invalid YAML: {problem}"
    if err.context:
        context_at = ""
        if err.context_mark is not None and mark is not None and err.context_mark.line != mark.line:
            context_at = f" started at line {first_line + err.context_mark.line}"
        message += f" ({err.context}{context_at})"
    pos = _mark_pos(mark, first_line) if mark is not None else Pos(first_line, 1)
    return Problem(pos, message)


def _measure(root) -> tuple[int, int]:
    """How many values the data holds once every alias is expanded, and how deep it nests.

    The walk goes one level at a time, an alias counted wherever it is used, and stops as soon
    as the count passes MAX_VALUES: so it stays cheap for alias bombs and for anchors that
    contain their own alias (a cycle), and for a plain tree it is one visit per node.
    """
    size = depth = 0
    level = [root]
    while level:
        size += len(level)
        depth += 1
        below: list = []
        for node in level:
            if isinstance(node, yaml.MappingNode):
                for pair in node.value:
                    below.extend(pair)
            elif isinstance(node, yaml.SequenceNode):
                below.extend(node.value)
            if size + len(below) > MAX_VALUES:
                return size + len(below), depth
        level = below
    return size, depth


def _unique_nodes(root) -> int:
    seen: set[int] = set()
    stack = [root]
    while stack and len(seen) <= MAX_VALUES:
        node = stack.pop()
        if id(node) not in seen:
            seen.add(id(node))
            stack.extend(_children(node))
    return len(seen)


def _children(node) -> list:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return node.value
    return []


def _index_yaml(root, first_line, values, keys, problems) -> None:
    """Record each path's span, and flag keys repeated in one mapping."""
    seen_nodes: set[int] = set()
    stack: list[tuple[Path, Any]] = [((), root)]
    while stack:
        path, node = stack.pop()
        values.setdefault(path, _node_span(node, first_line))
        if id(node) in seen_nodes:  # an alias: already indexed where it was defined
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(((*path, i), item) for i, item in enumerate(node.value))
        elif isinstance(node, yaml.MappingNode):
            first_seen: dict[str, Pos] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.value == "<<":
                    continue
                key = key_node.value
                key_span = _node_span(key_node, first_line)
                if key in first_seen:
                    earlier = first_seen[key]
                    problems.append(
                        (
                            "FM004",
                            Problem(
                                key_span.start,
                                f"key '{key}' appears again (first at line {earlier.line}); "
                                "only the last value is kept",
                                end=key_span.end,
                            ),
                        )
                    )
                    continue
                first_seen[key] = key_span.start
                key_path = (*path, key)
                keys[key_path] = key_span
                stack.append((key_path, value_node))


# TOML ---------------------------------------------------------------------------------------

_TOML_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


# A TOML date, time or date-time as written, real or not
_TOML_TIMESTAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})?)?"
    r"|\d{2}:\d{2}:\d{2}(?:\.\d+)?"
)
# Each date kept as text costs a parse of the whole block: a block with more is refused as
# tomllib refuses it.
MAX_TOML_DATE_REPAIRS = 100
_TOML_BEFORE_VALUE = ("", " ", "\t", "\n", "=", "[", ",", "{")
_TOML_AFTER_VALUE = ("", " ", "\t", "\r", "\n", ",", "]", "}", "#")


def _parse_toml(content: str, first_line: int):
    values: dict[Path, Span] = {}
    keys: dict[Path, Span] = {}
    try:
        data = _toml_loads(content)
    except ValueError as err:  # tomllib.TOMLDecodeError or a date left unquoted
        message = str(err)
        match = _TOML_AT.search(message)
        pos = Pos(first_line, 1)
        if match:
            pos = Pos(first_line + int(match[1]) - 1, int(match[2]))
            message = message[: match.start()].rstrip()
        elif message.endswith("(at end of document)"):
            pos = Pos(first_line + content.count("\n"), 1)
            message = message.removesuffix("(at end of document)").rstrip() + " at the end"
        return None, values, keys, [("FM003", Problem(pos, f"invalid TOML: {message}"))]
    _index_toml(content, first_line, values, keys)
    return data, values, keys, []


def toml_library():
    """tomllib (tomli before Python 3.11), imported on first use: most runs read no TOML."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib


def _toml_loads(content: str):
    """tomllib's data, with each date or time that names no real one (`2024-02-30`, which
    tomllib refuses) kept as the text written, for the schema's date check to explain.
    Any other error is raised with its place in `content`."""
    tomllib = toml_library()
    text = content
    quotes: list[int] = []  # where quotes were added, in `text`
    while True:
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as err:
            message = str(err)
            found = _TOML_AT.search(message)
            if found is None:
                raise
            at = LineIndex(text).starts[int(found[1]) - 1] + int(found[2]) - 1
            stamp = _bare_timestamp(text, at) if len(quotes) < 2 * MAX_TOML_DATE_REPAIRS else None
            if stamp is None:
                if not quotes:
                    raise
                line, column = LineIndex(content).pos(at - sum(q < at for q in quotes))
                place = f"(at line {line}, column {column})"
                raise ValueError(f"{message[: found.start()]}{place}") from None
            start, end = stamp.span()
            quotes = [q + (q >= start) + (q >= end) for q in quotes] + [start, end + 1]
            text = f'{text[:start]}"{stamp[0]}"{text[end:]}'


def _bare_timestamp(text: str, at: int) -> re.Match[str] | None:
    """The unquoted date or time that holds offset `at`, if there is one."""
    for stamp in _TOML_TIMESTAMP.finditer(text, max(at - 40, 0), at + 40):
        start, end = stamp.span()
        if (
            start <= at <= end
            and text[start - 1 : start] in _TOML_BEFORE_VALUE
            and text[end : end + 1] in _TOML_AFTER_VALUE
        ):
            return stamp
    return None


def _index_toml(content: str, first_line: int, values, keys) -> None:
    """Locate every key, table header, value and array item (the text parsed already)."""
    with contextlib.suppress(IndexError):  # valid TOML never runs off the end
        _TomlIndexer(content, first_line, values, keys).run()


_TOML_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_TOML_SCALAR_END = re.compile(r"[,\]\}#\r\n]")
# Spaces, tabs and comments, without and with line breaks.
_TOML_BLANK = re.compile(r"(?:[ \t]|#[^\r\n]*)*")
_TOML_BLANK_LINES = re.compile(r"(?:[ \t\r\n]|#[^\r\n]*)*")
# A string, valid already: multi-line (up to two quotes of its own may end it, before the three
# that close it) or one-line; basic strings skip escaped characters, literal strings have none.
_TOML_STRING = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""+'
    r"|'''(?:[^']|'(?!''))*'''+"
    r'|"(?:[^"\\]|\\.)*"'
    r"|'[^']*'",
    re.DOTALL,
)


class _TomlIndexer:
    """A small scanner over valid TOML that records spans; tomllib gives the data."""

    def __init__(self, content: str, first_line: int, values, keys) -> None:
        self.text = content
        self.i = 0
        self.lines = LineIndex(content)
        self.first_line = first_line
        self.values = values
        self.keys = keys
        self.tables: dict[Path, int] = {}  # array-of-tables path -> how many so far

    def pos(self, offset: int) -> Pos:
        line, column = self.lines.pos(offset)
        return _tuple_new(Pos, (self.first_line + line - 1, column))

    def span(self, start: int, end: int) -> Span:
        return Span(self.pos(start), self.pos(end))

    def skip(self, newlines: bool) -> None:
        self.i = (_TOML_BLANK_LINES if newlines else _TOML_BLANK).match(self.text, self.i).end()

    def run(self) -> None:
        table: Path = ()
        while True:
            self.skip(newlines=True)
            if self.i >= len(self.text):
                return
            if self.text[self.i] == "[":
                table = self.header()
            else:
                self.pair(table)

    def header(self) -> Path:
        start = self.i
        double = self.text.startswith("[[", self.i)
        self.i += 2 if double else 1
        parts, _, _ = self.key()
        path: Path = ()
        for part in parts:
            path = (*path, part)
            if path in self.tables and path != tuple(parts):
                path = (*path, self.tables[path] - 1)
        if double:
            base = path
            self.tables[base] = self.tables.get(base, 0) + 1
            path = (*base, self.tables[base] - 1)
        self.skip(newlines=False)
        self.i += 2 if double else 1
        span = self.span(start, self.i)
        self.keys.setdefault(path, span)
        self.values.setdefault(path, span)
        return path

    def key(self) -> tuple[list[str], int, int]:
        """A dotted key: its parts, and where its text starts and ends."""
        parts: list[str] = []
        self.skip(newlines=False)
        start = self.i
        while True:
            self.skip(newlines=False)
            char = self.text[self.i]
            if char in "\"'":
                begin = self.i
                self.string()
                raw = self.text[begin + 1 : self.i - 1]
                parts.append(raw if char == "'" else _toml_unescape(raw))
            else:
                match = _TOML_BARE_KEY.match(self.text, self.i)
                parts.append(match[0])
                self.i = match.end()
            end = self.i
            self.skip(newlines=False)
            if self.i < len(self.text) and self.text[self.i] == ".":
                self.i += 1
                continue
            return parts, start, end

    def pair(self, table: Path) -> None:
        parts, start, end = self.key()
        path = (*table, *parts)
        self.keys[path] = self.span(start, end)
        self.skip(newlines=False)
        self.i += 1  # "="
        self.skip(newlines=False)
        self.value(path)

    def value(self, path: Path) -> None:
        start = self.i
        char = self.text[self.i]
        if char in "\"'":
            self.string()
        elif char == "[":
            self.array(path)
        elif char == "{":
            self.inline_table(path)
        else:
            match = _TOML_SCALAR_END.search(self.text, self.i)
            end = match.start() if match else len(self.text)
            self.i = len(self.text[:end].rstrip(" \t"))
        self.values[path] = self.span(start, self.i)

    def string(self) -> None:
        self.i = _TOML_STRING.match(self.text, self.i).end()

    def array(self, path: Path) -> None:
        self.i += 1
        index = 0
        while True:
            self.skip(newlines=True)
            if self.text[self.i] == "]":
                self.i += 1
                return
            if self.text[self.i] == ",":
                self.i += 1
                continue
            self.value((*path, index))
            index += 1

    def inline_table(self, path: Path) -> None:
        self.i += 1
        while True:
            self.skip(newlines=True)
            if self.text[self.i] == "}":
                self.i += 1
                return
            if self.text[self.i] == ",":
                self.i += 1
                continue
            self.pair(path)


def _toml_unescape(raw: str) -> str:
    tomllib = toml_library()
    try:
        return tomllib.loads(f'k = "{raw}"')["k"]
    except tomllib.TOMLDecodeError:  # pragma: no cover - the text parsed already
        return raw


# JSON ---------------------------------------------------------------------------------------


def _parse_json(content: str, first_line: int):
    try:
        data = json.loads(content)
    except json.JSONDecodeError as err:
        pos = Pos(first_line + err.lineno - 1, err.colno)
        return None, {}, {}, [("FM003", Problem(pos, f"invalid JSON: {err.msg}"))]
    except RecursionError:
        return (
            None,
            {},
            {},
            [("FM003", Problem(Pos(first_line, 1), "invalid JSON: nested too deeply"))],
        )
    # JSON is YAML too: its node tree gives the positions and shows repeated keys.
    values: dict[Path, Span] = {}
    keys: dict[Path, Span] = {}
    problems: list[tuple[str, Problem]] = []
    loader = _Loader(content.replace("\t", " "))
    try:
        node = loader.get_single_node()
        if node is not None:
            _index_yaml(node, first_line, values, keys, problems)
    except (yaml.YAMLError, RecursionError):
        pass
    finally:
        loader.dispose()
    return data, values, keys, [p for p in problems if p[0] == "FM004"]


def parse_toml(content: str):
    """Parse a TOML document as front matter is parsed: (data, values, keys, problems)."""
    return _parse_toml(content, 1)
