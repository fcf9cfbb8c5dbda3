"""The schema file: its shape, read with positions so that a mistake names its line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from lint.schema.dates import FormatError, compile_formats
from lint.settings import SettingsError

FieldType = Literal[
    "string", "integer", "number", "boolean", "date", "datetime", "url", "list", "mapping", "any"
]
UnknownFields = Literal["allow", "warn", "error"]
Scalar = str | int | float | bool

# What a date or datetime field accepts when its `formats` are not given (RFC 3339 and the
# common YAML spellings).
DEFAULT_FORMATS = {
    "date": ("YYYY-MM-DD",),
    "datetime": (
        "YYYY-MM-DD[ HH:MM[:SS]][ ±HHMM]",
        "YYYY-MM-DDTHH:MM[:SS[.SSS]][(Z|±HH:MM|±HHMM)]",
    ),
}

_ONLY_FOR = {
    "items": ("list",),
    "unique": ("list",),
    "min_items": ("list",),
    "max_items": ("list",),
    "split_string": ("list",),
    # a date field with fields: a date, or a mapping of dates (`date: {created: …}`)
    "fields": ("mapping", "date", "datetime"),
    "unknown_fields": ("mapping", "date", "datetime"),
    "formats": ("date", "datetime"),
    "min_length": ("string", "url"),
    "max_length": ("string", "url"),
    "pattern": ("string", "url"),
    "minimum": ("integer", "number"),
    "maximum": ("integer", "number"),
    "allowed": ("string", "integer", "number", "url", "list"),  # a list: for its items
    "allowed_from": ("string", "integer", "number", "url", "list"),
}


class FieldSpec(BaseModel):
    """One field: its type and constraints."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: FieldType | tuple[FieldType, ...] = "any"  # a list: any one of the types
    description: str | None = None
    required: bool = False
    allowed: tuple[Scalar, ...] | None = None
    allowed_from: str | None = None
    unique: bool = False
    min_length: int | None = Field(default=None, ge=0)
    max_length: int | None = Field(default=None, ge=0)
    min_items: int | None = Field(default=None, ge=0)
    max_items: int | None = Field(default=None, ge=0)
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    split_string: bool = False
    formats: tuple[str, ...] | None = None
    items: FieldSpec | None = None
    fields: dict[str, FieldSpec] | None = None
    unknown_fields: UnknownFields | None = None  # a nested mapping: None keeps the parent's

    @model_validator(mode="after")
    def _consistent(self) -> FieldSpec:
        if isinstance(self.type, tuple) and (
            len(set(self.type)) < max(2, len(self.type)) or "any" in self.type
        ):
            shown = ", ".join(self.type)
            raise ValueError(f"type [{shown}]: give two or more different types, not 'any'")
        for option, types in _ONLY_FOR.items():
            value = getattr(self, option)
            if value not in (None, False) and not set(self.types).intersection(types):
                where = " or ".join(types)
                shown = " or ".join(self.types)
                raise ValueError(f"'{option}' applies to {where} fields, not {shown}")
        if self.allowed is not None and self.allowed_from is not None:
            raise ValueError("give 'allowed' or 'allowed_from', not both")
        if self.pattern is not None:
            try:
                re.compile(self.pattern)
            except re.error as err:
                message = f"pattern '{self.pattern}' is not a regular expression: {err}"
                raise ValueError(message) from None
        if self.formats is not None:
            if not self.formats:
                raise ValueError("'formats' is empty")
            try:
                compile_formats(self.formats)
            except FormatError as err:
                raise ValueError(str(err)) from None
        for low, high in (("min_length", "max_length"), ("min_items", "max_items")):
            if None not in (getattr(self, low), getattr(self, high)) and getattr(
                self, low
            ) > getattr(self, high):
                raise ValueError(f"'{low}' is larger than '{high}'")
        if None not in (self.minimum, self.maximum) and self.minimum > self.maximum:
            raise ValueError("'minimum' is larger than 'maximum'")
        return self

    @property
    def types(self) -> tuple[str, ...]:
        return self.type if isinstance(self.type, tuple) else (self.type,)

    def members(self) -> list[FieldSpec]:
        """One field of a single type for each of the types, with the options for that type."""
        if not isinstance(self.type, tuple):
            return [self]
        found = []
        for kind in self.type:
            dropped = {
                option: None if option not in ("unique", "split_string") else False
                for option, types in _ONLY_FOR.items()
                if kind not in types
            }
            found.append(self.model_copy(update={"type": kind, **dropped}))
        return found

    def member(self, kind: str) -> FieldSpec | None:
        """The single-type field for `kind`, if the field has that type."""
        return next((spec for spec in self.members() if spec.type == kind), None)

    @property
    def date_formats(self) -> tuple[str, ...]:
        return self.formats or DEFAULT_FORMATS.get(self.type, ())


class SchemaSpec(BaseModel):
    """A whole schema file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str | None = None
    description: str | None = None
    unknown_fields: UnknownFields = "allow"
    # the generator titles a page without `title` after its first level-1 heading: a page
    # with one is not asked for `title` (Docusaurus)
    title_from_heading: bool = False
    fields: dict[str, FieldSpec] = {}


class SchemaFileError(SettingsError):
    """A schema file with a mistake; the message names the file, line and mistake."""


def load_spec(text: str, origin: str) -> SchemaSpec:
    """Read a schema file's text; a mistake raises SchemaFileError naming its line."""
    from lint.frontmatter import _parse_yaml

    data, values, keys, problems = _parse_yaml(text, 1)
    if problems:
        _, problem = problems[0]
        raise SchemaFileError(f"{origin}:{problem.start.line}: {problem.message}")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SchemaFileError(f"{origin}:1: a schema file is a mapping with a 'fields' mapping")
    try:
        spec = SchemaSpec.model_validate(_shorthand(data))
    except ValidationError as err:
        errors = err.errors()
        # a list of types: the type that is wrong, rather than the list not being one type
        first = next(
            (e for e in errors if e["type"] == "literal_error" and isinstance(e["loc"][-1], int)),
            errors[0],
        )
        path = tuple(part for part in first["loc"] if not _is_pydantic_tag(part))
        span = _locate(path, values, keys)
        line = span.start.line if span else 1
        where = ".".join(str(part) for part in path)
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "extra_forbidden":
            message = f"unknown option '{path[-1]}'"
        elif first["type"] == "literal_error":
            message = f"{first['input']!r} is not one of {first['ctx']['expected']}"
        raise SchemaFileError(f"{origin}:{line}: {where}: {message}") from None
    return spec


def _shorthand(data: dict[str, Any]) -> dict[str, Any]:
    """`title: string` is short for `title: {type: string}` (and `draft: [boolean, string]` for
    `{type: [boolean, string]}`), at any depth."""
    fields = data.get("fields")
    if isinstance(fields, dict):
        data = {**data, "fields": {key: _field(value) for key, value in fields.items()}}
    return data


def _field(value: Any) -> Any:
    if isinstance(value, (str, list)):
        return {"type": value}
    if isinstance(value, dict):
        value = _shorthand(value)
        if "items" in value:
            value = {**value, "items": _field(value["items"])}
    return value


def _is_pydantic_tag(part: Any) -> bool:
    return isinstance(part, str) and part.startswith(("function-", "union[", "literal[", "tuple["))


def _locate(path: tuple, values: dict, keys: dict):
    for depth in range(len(path), 0, -1):
        span = keys.get(path[:depth]) or values.get(path[:depth])
        if span is not None:
            return span
    return None


def read_spec(path: Path) -> SchemaSpec:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise SchemaFileError(f"{path}: cannot read schema file: {err}") from None
    return load_spec(text, str(path))
