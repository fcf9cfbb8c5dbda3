"""`mdvet schema`: list, show and export schemas, and infer one from a site."""

from __future__ import annotations

import json
from pathlib import Path

import click

from lint.schema import sources


def _load(name: str) -> sources.Schema:
    schema = sources.load(name, Path.cwd())
    if schema is None:
        raise click.UsageError(f"'{name}' names no schema")
    return schema


@click.group("schema")
def schema_group() -> None:
    """Front-matter schemas: presets, schema files, inference."""


@schema_group.command("list")
def list_command() -> int:
    """List the preset schemas."""
    names = sources.presets()
    width = max(len(name) for name in names)
    for name in names:
        click.echo(f"{name:<{width}}  {sources.preset(name).description}")
    return 0


@schema_group.command("show")
@click.argument("name")
def show_command(name: str) -> int:
    """Print a preset or schema file (checked first)."""
    _load(name)
    path = sources.presets().get(name) or Path(name)
    click.echo(path.read_text(encoding="utf-8"), nl=False)
    return 0


@schema_group.command("export")
@click.argument("name")
def export_command(name: str) -> int:
    """Print the JSON Schema of a preset, schema file or module:Model."""
    from lint.schema.export import to_json_schema

    schema = _load(name)
    if isinstance(schema, sources.JsonSchema):
        document = schema.document
    elif isinstance(schema, sources.ModelSchema) and schema.spec is not None:
        document = to_json_schema(schema.spec)
    else:
        document = schema.model.model_json_schema()  # type: ignore[attr-defined]
    click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    return 0


@schema_group.command("infer")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--name", default=None, help="The schema's name [default: the first path's name].")
@click.option(
    "--output-file",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the schema to FILE instead of standard output.",
)
def infer_command(paths: tuple[str, ...], name: str | None, output_file: str | None) -> int:
    """Write a starter schema from the front matter of existing files."""
    from lint.discover import discover
    from lint.schema.infer import collect, render

    inferred = collect(discover(paths))
    first = Path(paths[0]).resolve()
    text = render(inferred, name or first.stem or "site", " ".join(paths))
    if output_file:
        Path(output_file).write_text(text, encoding="utf-8")
        click.echo(f"wrote {output_file} from {inferred.files_with_front_matter} files", err=True)
    else:
        click.echo(text, nl=False)
    return 0
