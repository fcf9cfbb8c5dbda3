"""Compile a schema file to a pydantic model.

Each field becomes a validator that raises pydantic errors with pydantic's own error types
(``string_type``, ``too_short``, ``missing``, ``extra_forbidden`` ...) or one of ours
(``invalid_date``, ``unknown_value``, ``duplicate_item``), so that a model written by hand and a
model compiled here are reported the same way, at the `loc` each error carries.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, WrapValidator, create_model
from pydantic_core import PydanticCustomError

from lint.schema.dates import compile_formats, native_kind, suggest
from lint.schema.spec import FieldSpec, SchemaFileError, SchemaSpec

EXPECTED = {
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "date": "a date",
    "datetime": "a date and time",
    "url": "a URL",
    "list": "a list",
    "mapping": "a mapping of keys to values",
}
_TYPE_ERROR = {
    "string": "string_type",
    "integer": "int_type",
    "number": "float_type",
    "boolean": "bool_type",
    "date": "date_type",
    "datetime": "datetime_type",
    "url": "url_type",
    "list": "list_type",
    "mapping": "dict_type",
}
_QUOTES = str.maketrans(
    {
        "\u2018": "'",  # left single quotation mark
        "\u2019": "'",  # right single quotation mark
        "\u201a": "'",  # single low-9 quotation mark
        "\u201b": "'",  # single high-reversed-9 quotation mark
        "\u2032": "'",  # prime
        "\u201c": '"',  # left double quotation mark
        "\u201d": '"',  # right double quotation mark
        "\u201e": '"',  # double low-9 quotation mark
        "\u201f": '"',  # double high-reversed-9 quotation mark
        "\u2033": '"',  # double prime
    }
)
_SPACE = re.compile(r"\s+")
_URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def normalise(value: Any) -> Any:
    """The form two items are compared in: case-folded, NFKC, straight quotes, one space."""
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).translate(_QUOTES)
        return _SPACE.sub(" ", text).strip().casefold()
    if isinstance(value, (list, tuple)):
        return tuple(normalise(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((str(k), repr(normalise(v))) for k, v in value.items()))
    return (type(value).__name__, value)


def duplicates(items: list[Any], key: Callable[[Any], Any] = normalise) -> dict[int, int]:
    """Index of each repeated item -> index of its first equal."""
    first: dict[Any, int] = {}
    repeats: dict[int, int] = {}
    for index, item in enumerate(items):
        try:
            marker = key(item)
            hash(marker)
        except TypeError:
            marker = repr(item)
        if marker in first:
            repeats[index] = first[marker]
        else:
            first[marker] = index
    return repeats


def closest(value: Any, choices: list[Any]) -> Any | None:
    """The choice nearest to `value` (case-insensitive), if any is near."""
    text = str(value)
    by_key = {str(choice).casefold(): choice for choice in choices}
    if text.casefold() in by_key:
        return by_key[text.casefold()]
    found = difflib.get_close_matches(text.casefold(), list(by_key), n=1, cutoff=0.6)
    return by_key[found[0]] if found else None


@dataclass(frozen=True)
class _Repeat:
    """A list item equal to an earlier one, marked before the items are validated."""

    value: Any
    first: int
    first_value: Any


def _error(kind: str, message: str, **context: Any) -> PydanticCustomError:
    return PydanticCustomError(kind, message, context)


def _type_error(spec: FieldSpec) -> PydanticCustomError:
    return _error(
        _TYPE_ERROR[spec.types[0]],
        "Input should be {expected}",
        expected=" or ".join(EXPECTED[kind] for kind in spec.types),
        field_type=spec.type,
    )


@dataclass
class _Context:
    origin: str
    root: Path | None


def compile_spec(spec: SchemaSpec, origin: str, root: Path | None = None) -> type[BaseModel]:
    """The pydantic model that validates front matter against `spec`."""
    context = _Context(origin, root)
    return _model("FrontMatter", spec.fields, spec.unknown_fields, context, ("fields",))


def _model(name, fields, unknown, context, where) -> type[BaseModel]:
    extra = "allow" if unknown == "allow" else "forbid"
    definitions: dict[str, Any] = {}
    for number, (key, spec) in enumerate(fields.items()):
        annotation = _annotation(spec, context, (*where, key), item=False, unknown=unknown)
        default = ... if spec.required else None
        definitions[f"f{number}"] = (annotation, Field(default, alias=key))
    config = ConfigDict(extra=extra, arbitrary_types_allowed=True, protected_namespaces=())
    return create_model(name, __config__=config, **definitions)


def _annotation(spec: FieldSpec, context, where, *, item: bool, unknown: str) -> Any:
    nullable = not spec.required and not item
    if isinstance(spec.type, tuple):
        members = [
            (member, TypeAdapter(_annotation(member, context, where, item=item, unknown=unknown)))
            for member in spec.members()
        ]
        return Annotated[Any, WrapValidator(_union_validator(spec, members, nullable, item))]
    if spec.type == "list":
        items = spec.items or FieldSpec()
        if spec.allowed is not None or spec.allowed_from is not None:
            items = items.model_copy(
                update={"allowed": spec.allowed, "allowed_from": spec.allowed_from}
            )
        inner = _annotation(items, context, (*where, "items"), item=True, unknown=unknown)
        return Annotated[list[inner], WrapValidator(_list_validator(spec, nullable))]  # type: ignore[valid-type]
    if spec.type == "mapping":
        nested = _model(
            "Mapping",
            spec.fields or {},
            spec.unknown_fields or unknown,
            context,
            (*where, "fields"),
        )
        return Annotated[Any, WrapValidator(_mapping_validator(spec, nested, nullable, item))]
    check = _scalar_validator(spec, _vocabulary(spec, context, where), nullable, item)
    if spec.fields is not None:  # a date, or a mapping of dates
        nested = _model(
            "Mapping", spec.fields, spec.unknown_fields or unknown, context, (*where, "fields")
        )
        return Annotated[Any, WrapValidator(_date_or_mapping(check, nested))]
    return Annotated[Any, WrapValidator(check)]


def _holds(spec: FieldSpec, value: Any, *, exactly: bool) -> bool:
    """Whether `value` is of the field's single type: `exactly` its own kind of value, or any
    value the type accepts (numbers for a string, text for a date)."""
    kind, number = spec.type, isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "any":
        return not exactly
    if kind in ("string", "url"):
        return isinstance(value, str) or (number and not exactly)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return number
    if kind == "boolean":
        return isinstance(value, bool)
    if kind in ("date", "datetime"):
        return native_kind(value) is not None or (isinstance(value, str) and not exactly)
    if kind == "list":
        return isinstance(value, list) or (spec.split_string and isinstance(value, str))
    return isinstance(value, dict)


def _union_validator(spec: FieldSpec, members: list, nullable: bool, item: bool):
    def validate(value, handler):
        if isinstance(value, _Repeat):
            _repeat_guard(value, item)
        if value is None and nullable:
            return None
        for exactly in (True, False):
            for member, adapter in members:
                if _holds(member, value, exactly=exactly):
                    return adapter.validate_python(value)
        raise _type_error(spec)

    return validate


def _date_or_mapping(check, model: type[BaseModel]):
    def validate(value, handler):
        if isinstance(value, dict):
            return model.model_validate(value)
        return check(value, handler)

    return validate


def _repeat_guard(value: Any, item: bool) -> None:
    if item and isinstance(value, _Repeat):
        raise _error(
            "duplicate_item",
            "Item repeats item {first}",
            first=value.first,
            first_value=value.first_value,
            value=value.value,
        )


def _list_validator(spec: FieldSpec, nullable: bool):
    def validate(value, handler):
        if value is None and nullable:
            return None
        if isinstance(value, str) and spec.split_string:
            value = value.split()
        if not isinstance(value, list):
            raise _type_error(spec)
        if spec.min_items is not None and len(value) < spec.min_items:
            raise _error(
                "too_short",
                "List should have at least {min_length} items",
                min_length=spec.min_items,
                actual_length=len(value),
            )
        if spec.max_items is not None and len(value) > spec.max_items:
            raise _error(
                "too_long",
                "List should have at most {max_length} items",
                max_length=spec.max_items,
                actual_length=len(value),
            )
        if spec.unique:
            repeats = duplicates(value)
            if repeats:
                value = [
                    _Repeat(item, repeats[i], value[repeats[i]]) if i in repeats else item
                    for i, item in enumerate(value)
                ]
        return handler(value)

    return validate


def _mapping_validator(spec: FieldSpec, model: type[BaseModel], nullable: bool, item: bool):
    def validate(value, handler):
        _repeat_guard(value, item)
        if value is None and nullable:
            return None
        if not isinstance(value, dict):
            raise _type_error(spec)
        # YAML keys may be numbers, dates or null (`? `): compared as the text they print as
        return model.model_validate({str(key): item for key, item in value.items()})

    return validate


def _scalar_validator(spec: FieldSpec, vocabulary, nullable: bool, item: bool):
    formats = compile_formats(spec.date_formats) if spec.type in ("date", "datetime") else None
    pattern = re.compile(spec.pattern) if spec.pattern is not None else None

    def validate(value, handler):
        _repeat_guard(value, item)
        if value is None and nullable:
            return None
        kind = spec.type
        if kind in ("string", "url"):
            if isinstance(value, bool) or not isinstance(value, (str, int, float)):
                raise _type_error(spec)
            text = str(value)
            if kind == "url" and not _is_url(text):
                raise _error("url_parsing", "Input should be a valid URL", expected="a URL")
            _check_text(spec, text, pattern)
        elif kind == "integer":
            if isinstance(value, bool) or not isinstance(value, int):
                raise _type_error(spec)
            _check_range(spec, value)
        elif kind == "number":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise _type_error(spec)
            _check_range(spec, value)
        elif kind == "boolean":
            if not isinstance(value, bool):
                raise _type_error(spec)
        elif kind in ("date", "datetime") and native_kind(value) is None:
            if not isinstance(value, str):
                raise _type_error(spec)
            shaped, real = formats.match(value)
            if not real:
                raise _error(
                    "invalid_date",
                    "Input should match {formats}",
                    formats=formats.description,
                    suggestion=None if shaped else suggest(value, formats),
                    reason=formats.fault(value),
                )
        if vocabulary is not None and not any(str(c) == str(value) for c in vocabulary):
            raise _error(
                "unknown_value",
                "Input should be one of the allowed values",
                allowed=list(vocabulary),
                suggestion=closest(value, list(vocabulary)),
            )
        return value

    return validate


def _check_text(spec: FieldSpec, text: str, pattern: re.Pattern[str] | None) -> None:
    if spec.min_length is not None and len(text) < spec.min_length:
        raise _error(
            "string_too_short",
            "String should have at least {min_length} characters",
            min_length=spec.min_length,
        )
    if spec.max_length is not None and len(text) > spec.max_length:
        raise _error(
            "string_too_long",
            "String should have at most {max_length} characters",
            max_length=spec.max_length,
        )
    if pattern is not None and pattern.search(text) is None:
        raise _error(
            "string_pattern_mismatch",
            "String should match pattern '{pattern}'",
            pattern=spec.pattern,
        )


def _check_range(spec: FieldSpec, value: float) -> None:
    if spec.minimum is not None and value < spec.minimum:
        raise _error("greater_than_equal", "Input should be at least {ge}", ge=spec.minimum)
    if spec.maximum is not None and value > spec.maximum:
        raise _error("less_than_equal", "Input should be at most {le}", le=spec.maximum)


def _is_url(text: str) -> bool:
    """An absolute URL with a host, or a site path: no spaces either way."""
    if not text or any(char.isspace() for char in text):
        return False
    if _URL_SCHEME.match(text):
        parts = urllib.parse.urlsplit(text)
        return parts.scheme not in ("http", "https") or bool(parts.netloc)
    return True


def _vocabulary(spec: FieldSpec, context: _Context, where: tuple) -> tuple | None:
    if spec.allowed is not None:
        return tuple(spec.allowed)
    if spec.allowed_from is None:
        return None
    location = ".".join(str(part) for part in where)
    if context.root is None:
        raise SchemaFileError(
            f"{context.origin}: {location}.allowed_from: no site folder to read from"
        )
    path = context.root / spec.allowed_from
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        reason = getattr(err, "strerror", None) or str(err).splitlines()[0]
        raise SchemaFileError(
            f"{context.origin}: {location}.allowed_from: cannot read {path}: {reason}"
        ) from None
    values = vocabulary_values(data)
    if values is None:
        raise SchemaFileError(
            f"{context.origin}: {location}.allowed_from: {path} is not a list of values, "
            "a list of mappings with 'name', or a mapping"
        )
    return tuple(values)


def vocabulary_values(data: Any) -> list | None:
    """The values a vocabulary file lists: a list, a list of {name: ...}, or a mapping's keys."""
    if isinstance(data, dict):
        return [str(key) for key in data]
    if not isinstance(data, list):
        return None
    values = []
    for entry in data:
        if isinstance(entry, dict):
            name = next((entry[k] for k in ("name", "slug", "title", "id") if k in entry), None)
            if name is None:
                return None
            values.append(name)
        elif isinstance(entry, (str, int, float)) and not isinstance(entry, bool):
            values.append(entry)
        else:
            return None
    return values
