"""python-frontmatter as an oracle for how mdvet reads front matter.

Wherever python-frontmatter parses a file, mdvet's front matter equals `.metadata` and its body
equals `.content`, over every Markdown file of the corpora and over generated documents (TOML
blocks split as python-frontmatter splits them, their data read with tomllib). The
few places where the two read a file differently on purpose are the `DIFFERENCES` below, each
narrow and checked: any other disagreement fails with the file's path.

python-frontmatter turns CRLF into LF (once in `loads`, once more in `parse`) and strips the
text and the body; the body is compared after the same normalisation.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.frontmatter import FrontMatter, read
from lint.source import BOM, LineIndex, UndecodableError, decode

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

frontmatter = pytest.importorskip("frontmatter")
from frontmatter.default_handlers import BaseHandler  # noqa: E402


class TomllibHandler(BaseHandler):
    """python-frontmatter's way of splitting `+++` blocks, the data from tomllib: its own
    TOML handler exists only when the old `toml` package is installed (and then comes first)."""

    FM_BOUNDARY = re.compile(r"^\+{3,}\s*$", re.MULTILINE)

    def load(self, fm: str) -> Any:
        return tomllib.loads(fm)


HANDLERS = [*frontmatter.handlers, TomllibHandler()]


def oracle_reads(text: str):
    """python-frontmatter's Post for a text, TOML included."""
    return frontmatter.loads(text, handler=frontmatter.detect_format(text, HANDLERS))


@dataclass(frozen=True)
class Reading:
    """What mdvet reads from a file: the block, the codes of the problems found while reading
    it, the front matter as a mapping ({} when absent, broken or not a mapping), the body,
    and the problems' messages."""

    block: FrontMatter | None
    codes: tuple[str, ...]
    metadata: dict[str, Any]
    body: str
    messages: tuple[str, ...] = ()


def mdvet_reads(raw: str) -> Reading:
    """Read a file's text as the command does (a byte-order mark dropped)."""
    text, _bom = decode(raw.encode("utf-8", "surrogatepass"))
    block, problems, start = read(text, LineIndex(text))
    data = block.data if block is not None and isinstance(block.data, dict) else {}
    codes = tuple(code for code, _ in problems)
    messages = tuple(problem.message for _, problem in problems)
    return Reading(block, codes, data, text[start:], messages)


def oracle_body(text: str) -> str:
    """A body as python-frontmatter gives it: CRLF replaced by LF twice, then stripped."""
    return text.replace("\r\n", "\n").replace("\r\n", "\n").strip()


def _first_line(raw: str) -> str:
    return raw.split("\n", 1)[0].rstrip("\r")


def _closing_line(raw: str, ours: Reading) -> str:
    block = ours.block
    if block is None or block.close_line is None:
        return ""
    return LineIndex(raw.removeprefix(BOM)).line_text(block.close_line).rstrip(" \t")


def _closed_by_dots(raw: str, ours: Reading) -> str:
    """The text with the `...` that closes the block written `---`."""
    lines = LineIndex(raw)
    start = lines.starts[ours.block.close_line - 1]
    return raw[:start] + "---" + raw[start + 3 :]


def _json(ours: Reading) -> bool:
    return ours.block is not None and ours.block.format == "json"


def _opened_alone(raw: str) -> bool:
    return _first_line(raw.removeprefix(BOM)) == "{"


def _json_lines(raw: str, ours: Reading) -> tuple[str | None, bool]:
    """The closing line of mdvet's JSON block, and whether a line inside it is exactly `{` or
    `}` (either is a boundary to python-frontmatter)."""
    if ours.block.close_line is None:
        return None, False
    lines = raw.removeprefix(BOM).replace("\r\n", "\n").split("\n")
    before = lines[1 : ours.block.close_line - 1]
    return lines[ours.block.close_line - 1], "{" in before or "}" in before


_DASHES = re.compile(r"-{4,}\s*")
_LONE_CR = re.compile(r"[^\r\n]*\r(?!\n)")


@dataclass(frozen=True)
class Difference:
    """A documented way in which mdvet and python-frontmatter read a file differently.

    With `rewrite`, python-frontmatter reads the rewritten text as mdvet reads the file, and
    everything is compared; without `metadata`, only the body is. Otherwise `reads_nothing`
    names the side that finds no front matter and takes the whole text as the body, or
    python-frontmatter `raises` the error named: that is checked, and nothing else."""

    name: str
    reason: str
    applies: Callable[[str, Reading], bool]
    rewrite: Callable[[str, Reading], str] | None = None
    reads_nothing: str = ""  # "python-frontmatter" or "mdvet"
    raises: type[Exception] | None = None  # python-frontmatter fails with this error
    metadata: bool = True  # False: only the body is compared


DIFFERENCES = (
    Difference(
        "byte-order mark",
        "python-frontmatter keeps a leading U+FEFF, so the fence is not first; mdvet drops it "
        "when reading the file, as editors and site generators do",
        lambda raw, ours: raw.startswith(BOM),
        rewrite=lambda raw, ours: raw.removeprefix(BOM),
    ),
    Difference(
        "closing ...",
        "YAML's end-of-document marker `...` closes a block for mdvet, as for Jekyll; "
        "python-frontmatter closes only at a line of dashes",
        lambda raw, ours: (
            ours.block is not None
            and ours.block.format == "yaml"
            and _closing_line(raw, ours) == "..."
        ),
        rewrite=_closed_by_dots,
    ),
    Difference(
        "unclosed block",
        "a block that is opened and never closed is reported by mdvet (FM002) and read as "
        "front matter to the end; python-frontmatter reads the whole text as the body",
        lambda raw, ours: ours.block is not None and ours.block.close_line is None,
        reads_nothing="python-frontmatter",
    ),
    Difference(
        "JSON opening line",
        "python-frontmatter's JSON handler needs `{` alone on the first line; mdvet also reads "
        "an object whose first line holds a key, or spaces after the `{`, as Hugo does",
        lambda raw, ours: _json(ours) and not _opened_alone(raw),
        reads_nothing="python-frontmatter",
    ),
    Difference(
        "JSON closing line",
        "python-frontmatter ends a JSON block at the first line that is exactly `}`, "
        "mdvet where the object ends: at a `}` with spaces after it, python-frontmatter "
        "finds no end",
        lambda raw, ours: (
            _json(ours) and _opened_alone(raw) and _json_lines(raw, ours)[0] not in ("}", None)
        ),
        reads_nothing="python-frontmatter",
    ),
    Difference(
        "JSON nested brace line",
        "a line holding only `{` or `}` inside the object ends the block for "
        "python-frontmatter, which then fails on the JSON cut short; mdvet reads the object",
        lambda raw, ours: _json(ours) and _opened_alone(raw) and _json_lines(raw, ours)[1],
        raises=ValueError,
    ),
    Difference(
        "front matter after blank lines",
        "mdvet reads front matter only on the first line, as Jekyll and Hugo do; "
        "python-frontmatter strips the text first",
        lambda raw, ours: ours.block is None and raw.removeprefix(BOM)[:1].isspace(),
        reads_nothing="mdvet",
    ),
    Difference(
        "four or more dashes",
        "mdvet, as Jekyll and Hugo, opens a block with exactly three dashes; "
        "python-frontmatter with three or more",
        lambda raw, ours: (
            ours.block is None and _DASHES.fullmatch(_first_line(raw.removeprefix(BOM))) is not None
        ),
        reads_nothing="mdvet",
    ),
    Difference(
        "lone CR line breaks",
        "a CR alone ends a line for mdvet, as for CommonMark and YAML; python-frontmatter's "
        "fence patterns see LF only, so to it the opening fence never stands alone",
        lambda raw, ours: (
            ours.block is not None and _LONE_CR.match(raw.removeprefix(BOM)) is not None
        ),
        reads_nothing="python-frontmatter",
    ),
    Difference(
        "keys Post cannot take",
        "python-frontmatter passes the front matter to Post as keyword arguments, which fails "
        "on a key that is not a string (`2025: x`, `1: y`) or that names one of Post's own "
        "arguments (`content`, `handler`); mdvet reads the mapping as YAML gives it",
        lambda raw, ours: any(
            not isinstance(key, str) or key in ("content", "handler") for key in ours.metadata
        ),
        raises=TypeError,
    ),
    Difference(
        "aliases refused",
        "mdvet refuses a block whose aliases expand to more than 100,000 values, or refer to "
        "themselves, and reports FM003; python-frontmatter builds it (a recursive list, or "
        "until memory runs out)",
        lambda raw, ours: any(m.endswith("; refusing to load it") for m in ours.messages),
        metadata=False,
    ),
)


def disagreement(raw: str) -> str | None:
    """How mdvet's reading of `raw` differs from python-frontmatter's, beyond DIFFERENCES;
    None when it does not."""
    ours = mdvet_reads(raw)
    applying = [d for d in DIFFERENCES if d.applies(raw, ours)]
    given = raw
    for difference in applying:
        if difference.rewrite is not None:
            given = difference.rewrite(given, ours)
    expected_error = next((d.raises for d in applying if d.raises is not None), None)
    if any(d.reads_nothing == "python-frontmatter" for d in applying):
        expected_error = None  # it does not get as far as reading the block
    try:
        post = oracle_reads(given)
    except (yaml.YAMLError, ValueError, TypeError) as err:  # JSON's and TOML's are ValueErrors
        if expected_error is not None and isinstance(err, expected_error):
            return None
        # python-frontmatter does not parse it, and mdvet reports why (a TypeError is about the
        # data, which mdvet has too, unless it refused to load it)
        about_data = isinstance(err, TypeError) and all(d.metadata for d in applying)
        if "FM003" in ours.codes and not about_data:
            return None
        return f"python-frontmatter fails ({type(err).__name__}), mdvet reports {ours.codes}"
    if expected_error is not None:
        return f"python-frontmatter reads it without {expected_error.__name__}"
    for difference in applying:
        if not difference.reads_nothing:
            continue
        whole = ({}, oracle_body(given))
        if difference.reads_nothing == "python-frontmatter":
            if ours.block is None:
                return f"{difference.name}: mdvet reads no front matter either"
            side = (post.metadata, post.content)
        else:
            side = (ours.metadata if ours.block is None else None, oracle_body(ours.body))
        if side != whole:
            return f"{difference.name}: {difference.reads_nothing} reads front matter"
        return None
    if all(d.metadata for d in applying) and post.metadata != ours.metadata:
        return f"metadata {post.metadata!r} != mdvet's {ours.metadata!r}"
    if post.content != oracle_body(ours.body):
        return f"body {post.content[:80]!r}... != mdvet's {oracle_body(ours.body)[:80]!r}..."
    return None


# Each difference, and the plain cases, as one table: (text, why they disagree or "")
CASES = [
    ("---\ntitle: Hello\ntags: [a, b]\n---\n\nBody\n", ""),
    ("---\r\ntitle: Hello\r\n---\r\n\r\n# Body\r\nline\r\n", ""),
    ("---\ndate: 2025-05-02\nwhen: 2025-05-02 15:58:00+09:00\n---\nx\n", ""),
    ("---\n- a\n- b\n---\nbody\n", ""),  # not a mapping: {} for both
    ("---\n---\nbody\n", ""),
    ("---\ntitle: a\ntitle: b\n---\n", ""),  # the last value wins for both
    ("{\n" + '"title": "Hello",\n"n": 1\n}\nBody\n', ""),
    ("No front matter\n\n---\n\nA rule above\n", ""),
    ("---\ntitle: [a\n---\nbody\n", ""),  # invalid for both: mdvet reports FM003
    (BOM + "---\ntitle: Hello\n---\nBody\n", "byte-order mark"),
    ("---\ntitle: Hello\n...\nBody\n", "closing ..."),
    ("---\ntitle: Hello\n\nBody\n", "unclosed block"),
    ('+++\ntitle = "Hello"\ndate = 2025-05-02\n+++\nBody\n', ""),
    ('{"title": "Hello"}\nBody\n', "JSON opening line"),
    ('{ \n"title": "Hello"\n}\nBody\n', "JSON opening line"),
    ('{\n"title": "Hello"\n}  \nBody\n', "JSON closing line"),
    ('{\n"a": {\n"b": 1\n}\n}\nBody\n', "JSON nested brace line"),
    ('{\n"a": [\n{\n"b": 1},\n2]\n}\nBody\n', "JSON nested brace line"),
    ("\n---\ntitle: Hello\n---\nBody\n", "front matter after blank lines"),
    ("----\ntitle: Hello\n----\nBody\n", "four or more dashes"),
    ("---\rtitle: Hello\r---\rBody\r", "lone CR line breaks"),
    ("---\n2025: x\n1: y\n---\nBody\n", "keys Post cannot take"),
    ("\ufeff---\ncontent: null\n---\n", "byte-order mark, keys Post cannot take"),
    ("---\nhandler: yaml\n---\nBody\n", "keys Post cannot take"),
    ("---\nloop: &a [*a]\n---\nBody\n", "aliases refused"),
    ("---\nloop: &a [*a]\n2025: x\n---\nBody\n", "aliases refused"),
    (BOM + "---\ntitle: Hello\n...\nBody\n", "byte-order mark, closing ..."),
]


@pytest.mark.parametrize(("text", "why"), CASES)
def test_difference_table(text, why):
    ours = mdvet_reads(text)
    explained = ", ".join(d.name for d in DIFFERENCES if d.applies(text, ours))
    assert (explained, disagreement(text)) == (why, None)


@pytest.mark.parametrize(("text", "why"), [case for case in CASES if case[1]])
def test_each_difference_is_one(monkeypatch, text, why):
    """Without the differences listed, each of those cases is a disagreement."""
    monkeypatch.setattr(f"{__name__}.DIFFERENCES", ())
    assert disagreement(text) is not None


def test_a_disagreement_is_reported(monkeypatch):
    """The comparison can fail: with mdvet's reading altered, the oracle names the change."""
    real = mdvet_reads

    def altered(raw: str) -> Reading:
        reading = real(raw)
        return replace(reading, metadata={**reading.metadata, "x": 1})

    monkeypatch.setattr(f"{__name__}.mdvet_reads", altered)
    assert disagreement("---\ntitle: a\n---\nbody\n") == (
        "metadata {'title': 'a'} != mdvet's {'title': 'a', 'x': 1}"
    )


MARKDOWN = (".md", ".markdown", ".mdx")


def test_the_corpora_read_as_python_frontmatter_reads_them(shared):
    found: dict[str, str] = {}
    checked = 0
    for path in sorted((shared / "corpora").rglob("*")):
        if path.suffix not in MARKDOWN or not path.is_file():
            continue
        data = path.read_bytes()
        try:
            decode(data)
        except UndecodableError:
            continue  # mdvet reports LN001; python-frontmatter raises
        checked += 1
        problem = disagreement(data.decode("utf-8"))
        if problem is not None:
            found[str(path.relative_to(shared))] = problem
    assert checked > 6000
    assert found == {}


# Generated documents --------------------------------------------------------------------

keys = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=8)
any_keys = keys | st.integers(-5, 5) | st.dates() | st.booleans()
strings = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from("\n\t -#:'\""),
    max_size=20,
)
scalars = (
    strings
    | st.integers(-(10**12), 10**12)
    | st.booleans()
    | st.none()
    | st.floats(allow_nan=False)
    | st.dates()
    | st.datetimes(timezones=st.none() | st.just(dt.timezone(dt.timedelta(hours=9))))
    | st.sampled_from(["2025-05-02", "yes", "on", "~", "3.5", "---", "...", "+++", "{", "}"])
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(any_keys, inner, max_size=4),
    max_leaves=12,
)
metadata = st.dictionaries(keys, values, max_size=6) | st.dictionaries(any_keys, values, max_size=3)
body_lines = st.sampled_from(
    ["", "# Heading", "Some *text*.", "---", "- item", "    code", "title: not front matter"]
)


def _json_safe(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return 0.0
    if isinstance(value, dict):  # JSON's keys are strings
        return {
            k if isinstance(k, str) else json.dumps(_json_safe(k)).strip('"'): _json_safe(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    return value


def _toml(value: Any) -> str:
    """A value written as TOML (which has no null: None is left out)."""
    if isinstance(value, (bool, int)):
        return str(value).lower()
    if isinstance(value, float):
        return repr(value)  # 1e+16, inf, -inf are TOML
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value if v is not None) + "]"
    pairs = (f"{_toml(str(k))} = {_toml(v)}" for k, v in value.items() if v is not None)
    return "{" + ", ".join(pairs) + "}"


@st.composite
def documents(draw) -> str:
    data = draw(metadata)
    kind = draw(st.sampled_from(["yaml", "yaml-flow", "json", "toml", "none"]))
    body = "\n".join(draw(st.lists(body_lines, max_size=6)))
    if kind == "none":
        text = body
    elif kind == "toml":
        pairs = (f"{_toml(str(k))} = {_toml(v)}\n" for k, v in data.items() if v is not None)
        text = f"+++\n{''.join(pairs)}+++\n{body}"
    elif kind == "json":
        dumped = json.dumps(_json_safe(data), indent=draw(st.sampled_from([None, 2, 0])))
        if draw(st.booleans()) or "\n" not in dumped:
            dumped = "{\n" + dumped[1:-1].strip("\n") + "\n}"
        text = f"{dumped}\n{body}"
    else:
        flow = kind == "yaml-flow"
        dumped = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow) if data else ""
        closer = draw(st.sampled_from(["---", "---", "...", "--- "]))
        text = f"---\n{dumped}{closer}\n{body}"
    text = text.replace("\n", draw(st.sampled_from(["\n", "\r\n", "\r"])))
    if draw(st.booleans()):
        text += draw(st.sampled_from(["\n", "\n\n", "  \n"]))
    if draw(st.integers(0, 9)) == 0:
        text = BOM + text
    return text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_documents_read_as_python_frontmatter_reads_them(text):
    assert disagreement(text) is None


# YAML as people write it: anchors, merge keys, tags, block scalars, comments, repeated keys
YAML_LINES = [
    "a: &x {b: 1}",
    "c: *x",
    "<<: {m: 1}",
    "d: !!str 2025-05-02",
    "e: |\n  ---\n  text",
    "f: >-\n  folded\n  ---x",
    "# comment",
    "g: 'it''s'",
    'h: "tab\\tq"',
    "i: [a, {b: c}]",
    "j:\n  - k: 1\n    l: 2",
    "? complex\n: value",
    "m: 0o14",
    "n: 1_000",
    "p: 2025-05-02T10:00:00Z",
    "q: ~",
    "r: yes",
    "s: !!binary aGVsbG8=",
    "t: !!set {a, b}",
    "u: !!omap [a: 1]",
    "w: 12:30:00",
    "x: 0x1F",
    "key with space: v",
    '"k\\u00e9": v',
    "aa: 'multi\n  line'",
    "bb:",
    "cc: - not a list",
    "dd: [unclosed",
    "ee: {a: 1, a: 2}",
    "ff: &a [*a]",
    "hh: 'x' # c",
    "--- not closing",
    "jj: !custom x",
    "2025-05-02: a date key",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(YAML_LINES), max_size=6),
    st.sampled_from(["\n", "\r\n"]),
    st.sampled_from(["---", "...", "--- "]),
    st.sampled_from(["", "body\n", "\n# Heading\n---\ntext"]),
)
def test_written_yaml_reads_as_python_frontmatter_reads_it(lines, newline, closer, body):
    block = "".join(f"{line}\n" for line in lines)
    text = f"---\n{block}{closer}\n{body}".replace("\n", newline)
    assert disagreement(text) is None
