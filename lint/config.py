"""Configuration files: find, read, validate, and merge with command-line flags.

Precedence, lowest first: built-in defaults, the configuration file, command-line flags.
Every mistake is a `ConfigError` naming the file and line, and the CLI exits 2.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from lint.discover import CONFIG_FILES
from lint.frontmatter import parse_toml
from lint.settings import Settings, SettingsError, describe_error, did_you_mean, narrow_to_flag

KEYS = sorted(name for name in Settings.model_fields if name != "root")


class ConfigError(SettingsError):
    """A configuration file is wrong: the message starts with `file:line:`."""


@dataclass(frozen=True)
class ConfigFile:
    path: Path
    table: tuple[str, ...]  # where the settings live: () or ("tool", "mdvet")
    data: dict[str, Any]
    keys: dict[tuple, Any] = field(repr=False)  # path -> Span of each key, for messages

    def line_of(self, loc: tuple) -> int:
        """The line of the most precise key in `loc` that the file names."""
        for depth in range(len(loc), -1, -1):
            prefix = (*self.table, *(str(part) for part in loc[:depth]))
            lines = [s.start.line for k, s in self.keys.items() if k[: len(prefix)] == prefix]
            if lines:
                return min(lines)
        return 1

    def error(self, message: str, loc: tuple = ()) -> ConfigError:
        return ConfigError(f"{self.path}:{self.line_of(loc)}: {message}", loc)


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at `start` or above, stopping at the repository root."""
    folder = start.resolve()
    while True:
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
        if (folder / ".git").exists() or folder.parent == folder:
            return None
        folder = folder.parent


def _has_tool_table(path: Path) -> bool:
    try:
        data = parse_toml(path.read_text(encoding="utf-8"))[0]
    except (OSError, UnicodeDecodeError):
        return False
    return isinstance(data, dict) and "mdvet" in data.get("tool", {})


def load_config(path: Path) -> ConfigFile:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read configuration: {err}") from None
    data, _values, keys, problems = parse_toml(text)
    if problems:
        _code, problem = problems[0]
        raise ConfigError(f"{path}:{problem.start.line}: {problem.message}")
    table: tuple[str, ...] = ("tool", "mdvet") if path.name == "pyproject.toml" else ()
    for part in table:
        data = data.get(part, {})
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: [{'.'.join(table)}] must be a table")
    return ConfigFile(path, table, data, keys)


@dataclass(frozen=True)
class Resolved:
    """The effective settings and where each value came from."""

    settings: Settings
    origins: dict[str, str]  # key -> "default" | "file:line" | "--flag"
    config: ConfigFile | None
    markdownlint: Path | None = None  # the markdownlint configuration read, if any
    markdownlint_files: tuple[Path, ...] = ()  # it and the files it extends
    notes: tuple[str, ...] = ()  # what the markdownlint configuration could not carry over


def resolve_settings(
    overrides: dict[str, Any],
    *,
    cwd: Path,
    config_path: Path | None = None,
    isolated: bool = False,
) -> Resolved:
    """Defaults, then the configuration file, then `overrides` (command-line flags)."""
    config = None
    if not isolated:
        path = config_path or find_config(cwd)
        if path is not None:
            config = load_config(path)
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    if config is not None:
        for key, value in config.data.items():
            if key not in KEYS:
                raise config.error(f"unknown key '{key}'{did_you_mean(key, KEYS)}", (key,))
            values[key] = value
            origins[key] = f"{config.path}:{config.line_of((key,))}"
    markdownlint, notes, markdownlint_files = None, (), ()
    own = dict(values)
    if not isolated:
        markdownlint, values, notes, markdownlint_files = _with_markdownlint(
            config, cwd, values, origins
        )
    for key, value in overrides.items():
        values[key] = value
        origins[key] = "--" + key.replace("_", "-")
    root = config.path.parent if config is not None else cwd
    layers = None
    if not isolated:
        from lint.markdownlint import Layers, Level, MarkdownlintError

        top = markdownlint.parent if markdownlint is not None else root
        try:
            level = Level.of_file(markdownlint) if markdownlint is not None else None
        except MarkdownlintError as err:
            raise ConfigError(str(err)) from None
        layers = Layers(str(Path(top).resolve()), level, own, dict(overrides), root)
    _extend_import_path(values.get("python_path", ()), root)
    origins["root"] = (
        "the configuration file's folder" if config is not None else "the current folder"
    )
    try:
        narrow_to_flag(values, overrides, root)
        settings = Settings(**values, root=root)
        settings.active  # noqa: B018 - check rule names and options now
    except ValidationError as err:
        first = err.errors()[0]
        raise _locate(config, origins, describe_error(first), tuple(first["loc"])) from None
    except SettingsError as err:
        raise _locate(config, origins, str(err), err.loc) from None
    settings._layers, settings._values = layers, values
    settings.schema_resolver.preload()  # a schema file's mistake names that file and line
    return Resolved(settings, origins, config, markdownlint, markdownlint_files, notes)


def _with_markdownlint(config: ConfigFile | None, cwd: Path, values: dict, origins: dict):
    """The markdownlint configuration beside mdvet's (or, without one, at or above `cwd`),
    merged under mdvet's values; where a value comes from both, the origin names both."""
    from lint import markdownlint
    from lint.rules import builtin

    folder = config.path.parent if config is not None else cwd
    path, notes = markdownlint.find(folder, upward=config is None)
    if path is None:
        return None, values, tuple(notes), ()
    try:
        translated = markdownlint.translate(path, builtin())
    except markdownlint.MarkdownlintError as err:
        raise ConfigError(str(err)) from None
    for key in translated.values:
        origins[key] = f"{path}" + (f" and {origins[key]}" if key in origins else "")
    merged = markdownlint.merge(translated.values, values)
    return path, merged, tuple(notes + translated.notes), tuple(translated.files)


def _extend_import_path(folders, root: Path) -> None:
    """Put `python_path` folders (relative to the root) first on the import path, for the
    plugins and pydantic schemas the configuration names; worker processes inherit it."""
    if not isinstance(folders, (list, tuple)):
        return  # not a list: Settings reports it
    for folder in reversed([str(f) for f in folders]):
        path = str((root / folder).resolve())
        if path not in sys.path:
            sys.path.insert(0, path)


def _locate(config: ConfigFile | None, origins: dict[str, str], message: str, loc: tuple):
    """Blame the file when the setting came from it, the flag otherwise."""
    key = str(loc[0]) if loc else ""
    if config is not None and origins.get(key, "").startswith(str(config.path)):
        return config.error(message, loc)
    flag = origins.get(key)
    return ConfigError(f"{flag}: {message}" if flag else message, loc)


def config_json_schema() -> dict:
    """The JSON Schema of a configuration file (mdvet.toml, or [tool.mdvet] in pyproject)."""
    schema = Settings.model_json_schema(by_alias=True)
    schema["properties"].pop("root", None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "mdvet configuration (mdvet.toml, or [tool.mdvet] in pyproject.toml)",
        **{key: value for key, value in schema.items() if key != "title"},
    }
