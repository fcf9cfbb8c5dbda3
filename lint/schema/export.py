"""A schema file as JSON Schema (draft 2020-12), for editors such as the YAML language server.

Dates keep their formats in the `x-mdvet-formats` keyword, which mdvet checks when the exported
file is used as a schema; other JSON Schema tools ignore it, and check instead a `pattern` that
matches the same real dates (calendar included: `2024-02-30` does not match). Uniqueness there is exact (JSON
Schema's `uniqueItems`), not after case-folding.
"""

from __future__ import annotations

from typing import Any

from lint.schema.dates import compile_formats
from lint.schema.spec import FieldSpec, SchemaSpec

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_TYPES = {
    "string": ["string", "number"],  # generators print numbers as text
    "url": ["string"],
    "integer": ["integer"],
    "number": ["number"],
    "boolean": ["boolean"],
    "date": ["string"],
    "datetime": ["string"],
    "list": ["array"],
    "mapping": ["object"],
}


def to_json_schema(spec: SchemaSpec) -> dict[str, Any]:
    document: dict[str, Any] = {"$schema": DIALECT}
    if spec.name:
        document["title"] = spec.name
    if spec.description:
        document["description"] = spec.description
    if spec.title_from_heading:
        document["$comment"] = (
            "'title' is required here; mdvet does not ask a page with a level-1 heading for "
            "one, as the generator titles it after that heading, which JSON Schema cannot see"
        )
    document.update(_object(spec.fields, spec.unknown_fields))
    return document


def _object(fields: dict[str, FieldSpec], unknown: str) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {key: _field(field, unknown) for key, field in fields.items()},
    }
    required = [key for key, field in fields.items() if field.required]
    if required:
        schema["required"] = required
    if unknown != "allow":
        schema["additionalProperties"] = False
    return schema


def _field(spec: FieldSpec, unknown: str, *, item: bool = False) -> dict[str, Any]:
    if isinstance(spec.type, tuple):
        members = [_field(member, unknown, item=True) for member in spec.members()]
        for member in members:
            member.pop("description", None)
        if not spec.required and not item:
            members.append({"type": "null"})
        schema = {"anyOf": members}
        return {"description": spec.description, **schema} if spec.description else schema
    if spec.type == "mapping":
        schema = {**_object(spec.fields or {}, spec.unknown_fields or unknown), "type": ["object"]}
    elif spec.type == "any":
        schema = {}
    else:
        schema = {"type": list(_TYPES[spec.type])}
    if spec.type == "list":
        items = spec.items or FieldSpec()
        if spec.allowed is not None:
            items = items.model_copy(update={"allowed": spec.allowed})
        schema["items"] = _field(items, unknown, item=True)
        if spec.split_string:
            schema["type"].append("string")
        if spec.unique:
            schema["uniqueItems"] = True
    if spec.type in ("date", "datetime"):
        schema["x-mdvet-formats"] = list(spec.date_formats)
        schema["pattern"] = compile_formats(spec.date_formats).pattern
    if spec.type == "url":
        schema["pattern"] = r"^\S+$"
    for option, keyword in (
        ("min_length", "minLength"),
        ("max_length", "maxLength"),
        ("pattern", "pattern"),
        ("min_items", "minItems"),
        ("max_items", "maxItems"),
        ("minimum", "minimum"),
        ("maximum", "maximum"),
    ):
        value = getattr(spec, option)
        if value is not None:
            schema[keyword] = (
                int(value) if isinstance(value, float) and value.is_integer() else value
            )
    if spec.allowed is not None and spec.type != "list":
        schema["enum"] = list(spec.allowed)
    if not spec.required and not item and spec.type != "any":
        if "type" in schema:
            schema["type"].append("null")
        if "enum" in schema:
            schema["enum"].append(None)
    if "type" in schema and len(schema["type"]) == 1:
        schema["type"] = schema["type"][0]
    if spec.type in ("date", "datetime") and spec.fields is not None:  # or a mapping of dates
        mapping = {**_object(spec.fields, spec.unknown_fields or unknown), "type": "object"}
        schema = {"anyOf": [schema, mapping]}
    if spec.description:
        schema = {"description": spec.description, **schema}
    return schema
