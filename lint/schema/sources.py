"""Where a schema comes from: a preset, a schema file, a pydantic model or a JSON Schema file.

Each source gives a `Schema` whose `errors(data)` lists `SchemaError`s in one vocabulary
(pydantic's error types, plus ours), at data paths such as ``("tags", 9)``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from lint.schema.compile import closest, compile_spec, duplicates
from lint.schema.dates import compile_formats, suggest
from lint.schema.spec import FieldSpec, SchemaFileError, SchemaSpec, load_spec

MODEL_REF = re.compile(r"^[A-Za-z_][\w.]*:[A-Za-z_][\w.]*$")
NO_SCHEMA = "none"
# What pydantic and JSON Schema accept as a date and as a date-time (RFC 3339, ISO 8601).
ISO_DATE = ("YYYY-MM-DD",)
ISO_DATETIME = ("YYYY-MM-DDTHH:MM[:SS[.SSS]][(Z|±HH:MM)]",)


@dataclass(frozen=True)
class SchemaError:
    """One violation: an error type, where it is in the data, the value, and details."""

    type: str
    path: tuple[str | int, ...]
    value: Any = None
    ctx: dict[str, Any] = field(default_factory=dict)


class Schema:
    """A compiled schema, whatever its source."""

    name: str
    origin: str
    description: str = ""

    def errors(self, data: dict[str, Any]) -> list[SchemaError]:
        raise NotImplementedError

    def known_keys(self, path: tuple) -> list[str]:
        """The keys the schema knows in the mapping at `path` (for suggestions)."""
        return []

    def unknown_is_error(self, path: tuple) -> bool:
        """Whether an unknown key at `path` is an error rather than a warning."""
        return False


class ModelSchema(Schema):
    """A pydantic model: compiled from a schema file, or named as `module:Class`."""

    def __init__(self, name, origin, model: type[BaseModel], spec: SchemaSpec | None = None):
        self.name = name
        self.origin = origin
        self.model = model
        self.spec = spec
        self.description = (spec.description if spec else model.__doc__) or ""

    def errors(self, data):
        try:
            self.model.model_validate(data)
        except ValidationError as err:
            found: dict[tuple, SchemaError] = {}
            for error in err.errors(include_url=False):
                path = data_path(error["loc"], data)
                ctx = dict(error.get("ctx") or {})
                ctx.setdefault("message", error["msg"])
                if isinstance(ctx.get("index"), int) and (not path or isinstance(path[-1], str)):
                    path = (*path, ctx["index"])  # a validator of a whole list names the item
                # a union reports each of its members: keep the first error at each place
                found.setdefault(
                    (error["type"] == "missing", path),
                    SchemaError(error["type"], path, error.get("input"), ctx),
                )
            return list(found.values())
        return []

    def _steps(self, path: tuple) -> Iterator[FieldSpec | None]:
        """The field spec each key of `path` leads to (a list to its items), ending with None
        at the first key the spec does not describe."""
        fields: dict[str, FieldSpec] | None = self.spec.fields
        for part in path:
            if isinstance(part, int):
                continue
            spec = fields.get(part) if fields is not None else None
            while spec is not None and "list" in spec.types and "mapping" not in spec.types:
                spec = spec.member("list").items
            if spec is not None and isinstance(spec.type, tuple):
                spec = spec.member("mapping")
            yield spec
            if spec is None:
                return
            fields = spec.fields

    def _field_specs(self, path: tuple) -> dict[str, FieldSpec] | None:
        if self.spec is None:
            return None
        fields = self.spec.fields
        for spec in self._steps(path):
            fields = spec.fields if spec is not None else None
        return fields

    def known_keys(self, path):
        fields = self._field_specs(path)
        if fields is not None:
            return list(fields)
        if self.spec is not None:
            return []
        model: Any = self.model
        for part in path:
            if isinstance(part, int):
                continue
            found = _model_field(model, part)
            if found is None:
                return []
            model = found
        return [info.alias or name for name, info in model.model_fields.items()]

    def unknown_is_error(self, path):
        if self.spec is None:
            return False
        policy = self.spec.unknown_fields
        for spec in self._steps(path):
            if spec is None:
                break
            policy = spec.unknown_fields or policy
        return policy == "error"


def _model_field(model: Any, key: str) -> Any:
    for name, info in getattr(model, "model_fields", {}).items():
        if key in (name, info.alias):
            for candidate in (info.annotation, *getattr(info.annotation, "__args__", ())):
                for inner in (candidate, *getattr(candidate, "__args__", ())):
                    if isinstance(inner, type) and issubclass(inner, BaseModel):
                        return inner
    return None


def data_path(loc: tuple, data: Any) -> tuple:
    """A pydantic `loc` as a path into the data: union and validator tags dropped."""
    path: list = []
    node = data
    for number, part in enumerate(loc):
        last = number == len(loc) - 1
        if (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        ):
            path.append(part)
            node = node[part]
        elif isinstance(node, str) and isinstance(part, int):
            path.append(part)  # an item of a string split into a list
            node = None
        elif last and isinstance(part, str) and isinstance(node, dict):
            path.append(part)  # a missing key
    return tuple(path)


# JSON Schema ---------------------------------------------------------------------------------


class _Timestamp(str):
    """A YAML or TOML timestamp, shown to JSON Schema as text it always accepts as a date."""


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return _Timestamp(value.isoformat())
    if isinstance(value, dt.time):
        return value.isoformat()
    return value


_JSON_TYPES = {
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of keys to values",
    "null": "nothing (null)",
}
_JSON_CONSTRAINTS = {
    "minLength": ("string_too_short", "min_length"),
    "maxLength": ("string_too_long", "max_length"),
    "pattern": ("string_pattern_mismatch", "pattern"),
    "minimum": ("greater_than_equal", "ge"),
    "maximum": ("less_than_equal", "le"),
    "exclusiveMinimum": ("greater_than", "gt"),
    "exclusiveMaximum": ("less_than", "lt"),
    "minItems": ("too_short", "min_length"),
    "maxItems": ("too_long", "max_length"),
}


class JsonSchema(Schema):
    """A JSON Schema file, checked with the jsonschema library."""

    def __init__(self, name: str, origin: str, document: dict[str, Any]):
        import jsonschema

        self.name = name
        self.origin = origin
        self.document = document
        self.description = str(document.get("description", ""))
        base = jsonschema.validators.validator_for(document)
        checker = jsonschema.FormatChecker()
        checker.checks("date")(_date_checker(ISO_DATE))
        checker.checks("date-time")(_date_checker(ISO_DATETIME))
        cls = jsonschema.validators.extend(base, {"x-mdvet-formats": _formats_keyword})
        self.validator = cls(document, format_checker=checker)

    def errors(self, data):
        found: list[SchemaError] = []
        seen: set[tuple] = set()
        for error in self.validator.iter_errors(_jsonable(data)):
            for item in self._translate(error):
                key = (item.type, item.path)
                if key not in seen:
                    seen.add(key)
                    found.append(item)
        return found

    def _translate(self, error) -> list[SchemaError]:
        path = tuple(error.absolute_path)
        keyword, instance = error.validator, error.instance
        if keyword == "required" and isinstance(instance, dict):
            return [
                SchemaError("missing", (*path, name))
                for name in error.validator_value
                if name not in instance
            ]
        if keyword == "additionalProperties" and isinstance(instance, dict):
            known = error.schema.get("properties", {})
            patterns = [re.compile(p) for p in error.schema.get("patternProperties", {})]
            return [
                SchemaError("extra_forbidden", (*path, key), item)
                for key, item in instance.items()
                if key not in known and not any(p.search(key) for p in patterns)
            ]
        if keyword == "type":
            types = error.validator_value
            types = [types] if isinstance(types, str) else list(types)
            expected = " or ".join(_JSON_TYPES.get(t, t) for t in types)
            return [SchemaError("type_error", path, instance, {"expected": expected})]
        if keyword in ("enum", "const"):
            allowed = list(error.validator_value) if keyword == "enum" else [error.validator_value]
            return [
                SchemaError(
                    "unknown_value",
                    path,
                    instance,
                    {"allowed": allowed, "suggestion": closest(instance, allowed)},
                )
            ]
        if keyword == "uniqueItems" and isinstance(instance, list):
            repeats = duplicates(instance, key=lambda item: json.dumps(item, sort_keys=True))
            return [
                SchemaError(
                    "duplicate_item",
                    (*path, index),
                    instance[index],
                    {"first": first, "first_value": instance[first]},
                )
                for index, first in repeats.items()
            ]
        if keyword == "format" and error.validator_value in ("date", "date-time"):
            formats = ISO_DATE if error.validator_value == "date" else ISO_DATETIME
            return [_date_error(path, instance, formats)]
        if keyword == "x-mdvet-formats":
            return [_date_error(path, instance, tuple(error.validator_value))]
        if keyword == "pattern" and "x-mdvet-formats" in error.schema:
            return []  # the pattern an export writes beside the formats, which say more
        if keyword in _JSON_CONSTRAINTS:
            kind, name = _JSON_CONSTRAINTS[keyword]
            ctx = {name: error.validator_value}
            if isinstance(instance, list):
                ctx["actual_length"] = len(instance)
            return [SchemaError(kind, path, instance, ctx)]
        return [SchemaError("value_error", path, instance, {"message": error.message})]

    def known_keys(self, path):
        schema = self.document
        for part in path:
            if isinstance(part, int):
                schema = schema.get("items", {}) if isinstance(schema, dict) else {}
            else:
                schema = schema.get("properties", {}).get(part, {})
            schema = _resolve_ref(self.document, schema)
        return list(schema.get("properties", {})) if isinstance(schema, dict) else []


def _resolve_ref(document: dict, schema: Any) -> Any:
    ref = schema.get("$ref") if isinstance(schema, dict) else None
    if isinstance(ref, str) and ref.startswith("#/"):
        node: Any = document
        for part in ref[2:].split("/"):
            node = node.get(part, {}) if isinstance(node, dict) else {}
        return node
    return schema


def _date_error(path: tuple, value: Any, formats: tuple[str, ...]) -> SchemaError:
    compiled = compile_formats(formats)
    shaped, _ = compiled.match(value) if isinstance(value, str) else (False, False)
    return SchemaError(
        "invalid_date",
        path,
        value,
        {
            "formats": compiled.description,
            "suggestion": None if shaped else suggest(str(value), compiled),
            "reason": compiled.fault(value) if isinstance(value, str) else None,
        },
    )


def _date_checker(formats: tuple[str, ...]):
    compiled = compile_formats(formats)

    def check(value: Any) -> bool:
        if not isinstance(value, str) or isinstance(value, _Timestamp):
            return True
        return compiled.match(value)[1]

    return check


def _formats_keyword(validator, formats, instance, schema):
    from jsonschema import ValidationError as JsonValidationError

    if (
        isinstance(instance, str)
        and not isinstance(instance, _Timestamp)
        and not compile_formats(tuple(formats)).match(instance)[1]
    ):
        yield JsonValidationError(f"{instance!r} does not match {' or '.join(formats)}")


# Loading -------------------------------------------------------------------------------------


def presets() -> dict[str, Path]:
    """Preset name -> its schema file (shipped in the lint.schemas package)."""
    folder = resources.files("lint.schemas")
    found = {}
    for entry in folder.iterdir():
        if entry.name.endswith(".yaml"):
            found[entry.name[: -len(".yaml")]] = Path(str(entry))
    return dict(sorted(found.items()))


@cache
def preset(name: str) -> ModelSchema:
    """A preset compiled once per process."""
    path = presets()[name]
    return _from_spec_text(path.read_text(encoding="utf-8"), f"preset {name} ({path.name})", None)


@cache
def untitled_preset(name: str) -> ModelSchema:
    """A preset with its `title` not required: for files that no generator publishes as a page."""
    schema = preset(name)
    fields = dict(schema.spec.fields)
    if "title" in fields:
        fields["title"] = fields["title"].model_copy(update={"required": False})
    spec = schema.spec.model_copy(update={"fields": fields})
    return ModelSchema(schema.name, schema.origin, compile_spec(spec, schema.origin), spec)


def _from_spec_text(text: str, origin: str, root: Path | None) -> ModelSchema:
    spec = load_spec(text, origin)
    name = spec.name or origin
    return ModelSchema(name, origin, compile_spec(spec, origin, root), spec)


def load(ref: str, root: Path) -> Schema | None:
    """The schema a config names; None for "none". Raises SchemaFileError on a mistake."""
    if ref == NO_SCHEMA:
        return None
    if ref.endswith(".json"):
        return load_json_schema(root / ref, ref)
    if ref.endswith((".yaml", ".yml")):
        path = root / ref
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            reason = getattr(err, "strerror", None) or err
            raise SchemaFileError(f"{ref}: cannot read schema file: {reason}") from None
        schema = _from_spec_text(text, ref, root)
        if schema.spec is not None and schema.spec.name is None:
            schema.name = Path(ref).stem
        return schema
    if MODEL_REF.match(ref):
        return ModelSchema(ref, ref, import_model(ref, root))
    if ref in presets():
        return preset(ref)
    names = ", ".join(presets())
    raise SchemaFileError(
        f"schema '{ref}' is not a preset ({names}), a .yaml or .json file, or module:Class"
    )


def load_json_schema(path: Path, shown: str) -> JsonSchema:
    import jsonschema

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        reason = getattr(err, "strerror", None) or err
        raise SchemaFileError(f"{shown}: cannot read schema file: {reason}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as err:
        raise SchemaFileError(f"{shown}:{err.lineno}: invalid JSON: {err.msg}") from None
    if not isinstance(document, dict):
        raise SchemaFileError(f"{shown}:1: a JSON Schema is an object")
    try:
        jsonschema.validators.validator_for(document).check_schema(document)
    except jsonschema.SchemaError as err:
        from lint.frontmatter import _parse_json

        _, values, keys, _ = _parse_json(text, 1)
        where = tuple(err.absolute_path)
        line = 1
        for depth in range(len(where), 0, -1):
            span = keys.get(where[:depth]) or values.get(where[:depth])
            if span is not None:
                line = span.start.line
                break
        location = "/".join(str(part) for part in where)
        raise SchemaFileError(f"{shown}:{line}: {location}: {err.message}") from None
    return JsonSchema(str(document.get("title") or Path(shown).stem), shown, document)


def import_model(ref: str, root: Path) -> type[BaseModel]:
    """Import `module:Class`, with the site folder first on the import path."""
    module_name, _, class_name = ref.partition(":")
    folder = str(Path(root).resolve())
    sys.path.insert(0, folder)
    try:
        module = importlib.import_module(module_name)
    except Exception as err:  # an import runs the module: any error is a config error
        raise SchemaFileError(
            f"schema '{ref}': cannot import {module_name}: {type(err).__name__}: {err}"
        ) from None
    finally:
        with contextlib.suppress(ValueError):
            sys.path.remove(folder)
    target: Any = module
    for part in class_name.split("."):
        target = getattr(target, part, None)
    if not (isinstance(target, type) and issubclass(target, BaseModel)):
        raise SchemaFileError(
            f"schema '{ref}': {class_name} is not a pydantic model in {module_name}"
        )
    return target
