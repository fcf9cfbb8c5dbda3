"""Schema errors as problems: a code, the exact key or item, a message, and a fix."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from lint.document import Document
from lint.model import Edit, Fix, Pos, Problem, Severity, Span
from lint.schema.compile import closest
from lint.schema.dates import compile_formats, suggest
from lint.schema.sources import ISO_DATE, ISO_DATETIME, Schema, SchemaError

CODES = {
    "missing": "FM101",
    "extra_forbidden": "FM106",
    "invalid_date": "FM103",
    "date_parsing": "FM103",
    "date_from_datetime_parsing": "FM103",
    "date_from_datetime_inexact": "FM103",
    "datetime_parsing": "FM103",
    "datetime_from_date_parsing": "FM103",
    "literal_error": "FM104",
    "enum": "FM104",
    "unknown_value": "FM104",
    "duplicate_item": "FM105",
}
_CONSTRAINTS = {
    "string_too_short",
    "string_too_long",
    "string_pattern_mismatch",
    "too_short",
    "too_long",
    "greater_than",
    "greater_than_equal",
    "less_than",
    "less_than_equal",
    "multiple_of",
}
_EXPECTED = {
    "string_type": "a string",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "tuple_type": "a list",
    "set_type": "a list",
    "dict_type": "a mapping of keys to values",
    "model_type": "a mapping of keys to values",
    "model_attributes_type": "a mapping of keys to values",
    "date_type": "a date",
    "datetime_type": "a date and time",
    "url_type": "a URL",
    "url_parsing": "a URL",
    "none_required": "nothing (null)",
}
_YAML_BOOLEANS = {"yes", "no", "on", "off", "y", "n"}


def code_for(kind: str) -> str:
    if kind in CODES:
        return CODES[kind]
    if kind in _CONSTRAINTS:
        return "FM107"
    if kind.endswith(("_type", "_parsing")) or kind == "type_error" or kind in _EXPECTED:
        return "FM102"
    return "FM107"


def problems(doc: Document, schema: Schema, errors: list[SchemaError]) -> list[tuple[str, Problem]]:
    reporter = _Reporter(doc, schema)
    found = []
    for error in errors:
        code = code_for(error.type)
        found.append((code, getattr(reporter, code)(error)))
    return found


def label(path: tuple) -> str:
    """`tags item`, `author.name`, `links[2].url`."""
    if path and isinstance(path[-1], int):
        return f"{label(path[:-1])} item"
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "front matter"


def show(value: Any, limit: int = 80) -> str:
    if isinstance(value, str):
        text = value if len(value) <= limit else value[: limit - 1] + "…"
        return f"'{text}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return str(value)


class _Reporter:
    def __init__(self, doc: Document, schema: Schema) -> None:
        self.doc = doc
        self.fm = doc.front_matter
        self.schema = schema

    # where ---------------------------------------------------------------------------------

    def source(self, span: Span) -> str | None:
        """The text of a single-line span."""
        if span.start.line != span.end.line:
            return None
        line = self.doc.lines.line_text(span.start.line)
        return line[span.start.column - 1 : span.end.column - 1]

    def split_item(self, path: tuple) -> Span | None:
        """The span of word `path[-1]` of a plain string that a list was split from."""
        parent = path[:-1]
        span = self.fm.values.get(parent)
        value = _get(self.doc.data, parent)
        if span is None or not isinstance(value, str) or not isinstance(path[-1], int):
            return None
        text = self.source(span)
        if text is None:
            return None
        offset = 1 if text[:1] in "\"'" else 0
        words = list(re.finditer(r"\S+", text[offset:]))
        if path[-1] >= len(words) or text[offset:].split() != value.split():
            return None
        word = words[path[-1]]
        line, column = span.start.line, span.start.column + offset
        return Span(Pos(line, column + word.start()), Pos(line, column + word.end()))

    def value_span(self, path: tuple) -> Span:
        if path not in self.fm.values:
            span = self.split_item(path)
            if span is not None:
                return span
        return self.fm.locate(path)

    def at(self, span: Span, message: str, fix: Fix | None = None, **extra) -> Problem:
        return Problem(span.start, message, end=span.end, fix=fix, **extra)

    # codes ---------------------------------------------------------------------------------

    def FM101(self, error: SchemaError) -> Problem:
        name, parent = error.path[-1], error.path[:-1]
        if not parent:
            return self.at(self.fm.fence, f"missing required field '{name}'")
        span = self.fm.locate_key(parent)
        return self.at(span, f"missing required field '{name}' in {label(parent)}")

    def FM102(self, error: SchemaError) -> Problem:
        span = self.value_span(error.path)
        value = error.value
        expected = error.ctx.get("expected") or _EXPECTED.get(error.type, "another type")
        raw = self.source(span) if error.path in self.fm.values else None
        where = label(error.path)
        if value is None:
            what = "is empty (null)"
        elif isinstance(value, bool):
            word = raw if raw is not None else show(value)
            if word.lower() in _YAML_BOOLEANS:
                what = f"'{word}' is a boolean in YAML"
            else:
                what = f"is the boolean {show(value)}"
        elif isinstance(value, (int, float)):
            what = f"{raw or value} is a number"
        elif isinstance(value, dt.datetime):
            what = f"{raw or show(value)} is a date and time"
        elif isinstance(value, dt.date):
            what = f"{raw or show(value)} is a date"
        elif isinstance(value, dt.time):
            what = f"{raw or value} is a time of day"
        elif isinstance(value, str):
            if error.type == "url_parsing":
                return self.at(span, f"{where} {show(value)} is not a URL or a site path")
            what = f"{show(value)} is a string"
        elif isinstance(value, (list, tuple)):
            what = "is a list"
        elif isinstance(value, dict):
            what = "is a mapping"
        else:
            what = f"is {type(value).__name__}"
        return self.at(span, f"{where} {what}; expected {expected}")

    def FM103(self, error: SchemaError) -> Problem:
        span = self.value_span(error.path)
        value, ctx = error.value, error.ctx
        if "formats" not in ctx:  # a pydantic date or datetime field
            ctx = _iso_context(error)
        where = label(error.path)
        if ctx.get("reason"):
            return self.at(span, f"{where} {show(value)} is not a date: {ctx['reason']}")
        message = f"{where} {show(value)} does not match {ctx['formats']}"
        suggestion = ctx.get("suggestion")
        fix = None
        if suggestion:
            message += f"; did you mean {suggestion}?"
            raw = self.source(span)
            quote = raw[0] if raw and raw[0] in "\"'" and raw[-1] == raw[0] else ""
            fix = Fix(
                f"write the date as {suggestion}",
                (Edit(span.start, span.end, f"{quote}{suggestion}{quote}"),),
            )
        return self.at(span, message, fix)

    def FM104(self, error: SchemaError) -> Problem:
        span = self.value_span(error.path)
        allowed = list(error.ctx.get("allowed") or _literal_values(error.ctx.get("expected")))
        suggestion = error.ctx.get("suggestion")
        if suggestion is None and allowed:
            suggestion = closest(error.value, allowed)
        shown = ", ".join(show(value) for value in allowed[:8])
        if len(allowed) > 8:
            shown += f", … ({len(allowed)} in all)"
        message = f"{label(error.path)} {show(error.value)} is not an allowed value"
        if shown:
            message += f" ({shown})"
        if suggestion is not None:
            message += f"; did you mean {show(suggestion)}?"
        return self.at(span, message)

    def FM105(self, error: SchemaError) -> Problem:
        path = error.path
        span = self.value_span(path)
        first = error.ctx["first"]
        first_path = (*path[:-1], first)
        first_span = self.value_span(first_path)
        value = error.ctx.get("value", error.value)
        list_value = _get(self.doc.data, path[:-1])
        if (
            isinstance(list_value, list)
            and isinstance(path[-1], int)
            and path[-1] < len(list_value)
        ):
            value = list_value[path[-1]]
        message = (
            f"{label(path[:-1])} repeats {show(value)}: same as {show(error.ctx['first_value'])} "
            f"at line {first_span.start.line}, column {first_span.start.column}"
        )
        return self.at(span, message, self.removal(path, span))

    def FM106(self, error: SchemaError) -> Problem:
        key, parent = error.path[-1], error.path[:-1]
        span = self.fm.locate_key(error.path)
        known = self.schema.known_keys(parent)
        message = f"unknown field '{key}' (not in schema {self.schema.name})"
        suggestion = closest(key, known) if known else None
        if suggestion is not None:
            message += f"; did you mean '{suggestion}'?"
        severity = Severity.ERROR if self.schema.unknown_is_error(parent) else None
        return self.at(span, message, severity=severity)

    def FM107(self, error: SchemaError) -> Problem:
        span = self.value_span(error.path)
        where, value, ctx = label(error.path), error.value, error.ctx
        kind = error.type
        if kind == "string_too_short":
            if value == "":
                message = (
                    f"{where} is empty; expected at least {_count(ctx['min_length'], 'character')}"
                )
            else:
                message = f"{where} {show(value)} is shorter than {_count(ctx['min_length'], 'character')}"
        elif kind == "string_too_long":
            message = f"{where} {show(value, 40)} has {len(str(value))} characters; expected at most {ctx['max_length']}"
        elif kind == "string_pattern_mismatch":
            message = f"{where} {show(value)} does not match the pattern '{ctx['pattern']}'"
        elif kind in ("too_short", "too_long"):
            actual = ctx.get("actual_length", len(value) if isinstance(value, list) else "?")
            bound = "at least" if kind == "too_short" else "at most"
            message = f"{where} has {_count(actual, 'item')}; expected {bound} {ctx.get('min_length', ctx.get('max_length'))}"
        elif kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
            words = {
                "greater_than_equal": ("ge", "is below the minimum"),
                "greater_than": ("gt", "must be greater than"),
                "less_than_equal": ("le", "is above the maximum"),
                "less_than": ("lt", "must be less than"),
            }
            name, text = words[kind]
            message = f"{where} {show(value)} {text} {_number(ctx[name])}"
        else:
            detail = str(ctx.get("message") or kind).removeprefix("Value error, ")
            detail = detail[:1].lower() + detail[1:]
            message = f"{where} {show(value)}: {detail}"
        return self.at(span, message)

    # fixes ---------------------------------------------------------------------------------

    def removal(self, path: tuple, span: Span) -> Fix | None:
        """Remove a repeated item: with its separator from a flow list, or its whole line."""
        parent, index = path[:-1], path[-1]
        if not isinstance(index, int) or index == 0:
            return None
        whole = self.fm.values.get(parent)
        previous = self.value_span((*parent, index - 1))
        if whole is None or previous == whole:
            return None
        opener = self.doc.lines.line_text(whole.start.line)[whole.start.column - 1 :][:1]
        if opener == "[" or isinstance(_get(self.doc.data, parent), str):
            edit = Edit(previous.end, span.end, "")
        else:
            before = self.doc.lines.line_text(span.start.line)[: span.start.column - 1]
            after = self.doc.lines.line_text(span.end.line)[span.end.column - 1 :]
            if before.strip() != "-" or (after.strip() and not after.strip().startswith("#")):
                return None
            edit = Edit(Pos(span.start.line, 1), Pos(span.end.line + 1, 1), "")
        return Fix(f"remove the repeated {label(path)}", (edit,))


def _get(data: Any, path: tuple) -> Any:
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _count(number: Any, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _literal_values(expected: Any) -> list[str]:
    """pydantic's "'a', 'b' or 'c'" as a list."""
    if not isinstance(expected, str):
        return []
    return re.findall(r"'((?:[^'\\]|\\.)*)'", expected) or [expected]


def _iso_context(error: SchemaError) -> dict[str, Any]:
    formats = ISO_DATE if error.type.startswith("date_") else ISO_DATETIME
    compiled = compile_formats(formats)
    value = error.value
    text = isinstance(value, str)
    return {
        "formats": compiled.description,
        "suggestion": suggest(value, compiled) if text else None,
        "reason": compiled.fault(value) if text else None,
    }
