"""markdownlint's configuration files, read as mdvet settings.

A site's `.markdownlint-cli2.jsonc`, `.markdownlint-cli2.yaml`, `.markdownlint.jsonc`,
`.markdownlint.json`, `.markdownlint.yaml` or `.markdownlint.yml` (the first found, in
markdownlint-cli2's order, in the folder of mdvet's configuration or else at or above the
current one) gives the markdownlint rules their state and options. Only data is read: a
JavaScript configuration (`.cjs`, `.mjs`) is named in a note and skipped. `extends` is
followed, `default: false` turns off every rule not named, rule options keep markdownlint's
names. The result is mdvet settings (`extend_select`, `rules`), below mdvet's own.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lint.rules import Registry, Rule, RuleEntry

DATA_FILES = (
    ".markdownlint-cli2.jsonc",
    ".markdownlint-cli2.yaml",
    ".markdownlint.jsonc",
    ".markdownlint.json",
    ".markdownlint.yaml",
    ".markdownlint.yml",
)
SCRIPT_FILES = (
    ".markdownlint-cli2.cjs",
    ".markdownlint-cli2.mjs",
    ".markdownlint.cjs",
    ".markdownlint.mjs",
)
_SKIPPED_KEYS = {"default", "extends", "$schema"}

# markdownlint's rules (release 0.42): code -> name. Those without an mdvet rule that answers
# to the code are listed by `mdvet migrate markdownlint` when a configuration turns them on.
RULES = {
    "MD001": "heading-increment",
    "MD003": "heading-style",
    "MD004": "ul-style",
    "MD005": "list-indent",
    "MD007": "ul-indent",
    "MD009": "no-trailing-spaces",
    "MD010": "no-hard-tabs",
    "MD011": "no-reversed-links",
    "MD012": "no-multiple-blanks",
    "MD013": "line-length",
    "MD014": "commands-show-output",
    "MD018": "no-missing-space-atx",
    "MD019": "no-multiple-space-atx",
    "MD020": "no-missing-space-closed-atx",
    "MD021": "no-multiple-space-closed-atx",
    "MD022": "blanks-around-headings",
    "MD023": "heading-start-left",
    "MD024": "no-duplicate-heading",
    "MD025": "single-title",
    "MD026": "no-trailing-punctuation",
    "MD027": "no-multiple-space-blockquote",
    "MD028": "no-blanks-blockquote",
    "MD029": "ol-prefix",
    "MD030": "list-marker-space",
    "MD031": "blanks-around-fences",
    "MD032": "blanks-around-lists",
    "MD033": "no-inline-html",
    "MD034": "no-bare-urls",
    "MD035": "hr-style",
    "MD036": "no-emphasis-as-heading",
    "MD037": "no-space-in-emphasis",
    "MD038": "no-space-in-code",
    "MD039": "no-space-in-links",
    "MD040": "fenced-code-language",
    "MD041": "first-line-heading",
    "MD042": "no-empty-links",
    "MD043": "required-headings",
    "MD044": "proper-names",
    "MD045": "no-alt-text",
    "MD046": "code-block-style",
    "MD047": "single-trailing-newline",
    "MD048": "code-fence-style",
    "MD049": "emphasis-style",
    "MD050": "strong-style",
    "MD051": "link-fragments",
    "MD052": "reference-links-images",
    "MD053": "link-image-reference-definitions",
    "MD054": "link-image-style",
    "MD055": "table-pipe-style",
    "MD056": "table-column-count",
    "MD058": "blanks-around-tables",
    "MD059": "descriptive-link-text",
    "MD060": "table-column-style",
}
_BY_NAME = {name: code for code, name in RULES.items()} | {
    "single-h1": "MD025",
    "first-line-h1": "MD041",
    "no-duplicate-header": "MD024",
}


class MarkdownlintError(Exception):
    """A markdownlint configuration file cannot be read: the message names it."""


@dataclass
class Translated:
    """A markdownlint configuration as mdvet settings, and what did not carry over."""

    path: Path
    values: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # markdownlint codes on, not implemented
    files: list[Path] = field(default_factory=list)  # the file and those it extends, read


def find(folder: Path, upward: bool = True) -> tuple[Path | None, list[str]]:
    """The markdownlint configuration file for `folder` (at or above it, to the repository
    root, when `upward`), and notes on JavaScript files skipped on the way."""
    notes: list[str] = []
    folder = folder.resolve()
    while True:
        for name in DATA_FILES:
            if (folder / name).is_file():
                return folder / name, notes
        for name in SCRIPT_FILES:
            if (folder / name).is_file():
                notes.append(
                    f"{folder / name}: markdownlint configuration in JavaScript is not read "
                    "(mdvet runs no JavaScript); write it as .markdownlint.yaml or .json"
                )
        if not upward or (folder / ".git").exists() or folder.parent == folder:
            return None, notes
        folder = folder.parent


def strip_jsonc(text: str) -> str:
    """JSON with comments and trailing commas, as plain JSON."""
    pattern = re.compile(r'("(?:\\.|[^"\\])*")|//[^\n]*|/\*[\s\S]*?\*/|,(\s*[}\]])')

    def keep(match: re.Match) -> str:
        if match[1] is not None:
            return match[1]
        if match[2] is not None:
            return match[2]
        return " "

    return pattern.sub(keep, text)


def read(
    path: Path, seen: tuple[Path, ...] = (), files: list[Path] | None = None
) -> tuple[dict[str, Any], list[str]]:
    """The rule configuration of one file with its `extends` chain merged in (the file's own
    keys win), and notes about what was left out. Each file of the chain is added to
    `files`, when given."""
    if path.resolve() in seen:
        raise MarkdownlintError(f"{path}: 'extends' loops back to this file")
    if files is not None:
        files.append(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise MarkdownlintError(f"{path}: cannot read markdownlint configuration: {err}") from None
    try:
        if path.suffix in (".json", ".jsonc"):
            data = json.loads(strip_jsonc(text)) if text.strip() else {}
        else:
            data = yaml.safe_load(text) or {}
    except (ValueError, yaml.YAMLError) as err:
        raise MarkdownlintError(f"{path}: not valid {path.suffix[1:].upper()}: {err}") from None
    if not isinstance(data, dict):
        raise MarkdownlintError(f"{path}: expected a mapping of rules, got {type(data).__name__}")
    notes: list[str] = []
    if path.name.startswith(".markdownlint-cli2"):
        extra = sorted(key for key in data if key not in ("config", "ignores", "$schema"))
        if extra:
            notes.append(f"{path}: markdownlint-cli2 options not carried over: {', '.join(extra)}")
        ignores = data.get("ignores") or []
        data = data.get("config") or {}
        if not isinstance(data, dict):
            raise MarkdownlintError(f"{path}: 'config' must be a mapping of rules")
        if ignores:
            data = {**data, "\0ignores": [str(glob) for glob in ignores]}
    parent = data.get("extends")
    if isinstance(parent, str):
        base, more = read(path.parent / parent, (*seen, path.resolve()), files)
        notes += more
        merged = {**base, **{k: v for k, v in data.items() if k != "extends"}}
        return merged, notes
    return data, notes


def translate(path: Path, registry: Registry) -> Translated:
    """mdvet settings equivalent to the markdownlint configuration in `path`."""
    files: list[Path] = []
    data, notes = read(path, files=files)
    return translate_data(data, path, registry, notes, files)


def translate_data(
    data: dict[str, Any],
    path: Path,
    registry: Registry,
    notes: list[str] | None = None,
    files: list[Path] | None = None,
    *,
    partial: bool = False,
) -> Translated:
    """mdvet settings equivalent to markdownlint configuration `data` (read from `path`).
    With `partial` and no `default` key, only the rules `data` names change: the others stay
    as mdvet's settings have them (a `markdownlint-configure-file` comment without a
    configuration file to add to)."""
    result = Translated(path, notes=list(notes or ()), files=list(files or ()))
    notes = result.notes
    data = dict(data)
    ignores = data.pop("\0ignores", None)
    if ignores:
        result.values["extend_exclude"] = ignores
    family = [entry.load() for entry in registry.entries if _md_code(entry)]
    state: dict[str, bool] = {}
    options: dict[str, dict[str, Any]] = {}
    partial = partial and "default" not in data
    default = data.get("default", True)
    if default is False:
        state = {rule.code: False for rule in family}
    tags = [key for key in data if key not in _SKIPPED_KEYS and registry.entry(key) is None]
    names = [key for key in data if key not in _SKIPPED_KEYS and registry.entry(key) is not None]
    for key in tags + names:  # a rule's own entry is more precise than its tag's
        value = data[key]
        rules = [rule for rule in registry.expand(key) if _md_code(rule)]
        code = _BY_NAME.get(key.lower(), key.upper())
        if code in RULES:
            state.setdefault(code, value is not False)
            state[code] = value is not False
        if not rules:
            if code not in RULES and key.lower() not in registry.by_tag:
                notes.append(f"{path}: '{key}' is not a markdownlint rule or tag; skipped")
            continue
        for rule in rules:
            if value is False:
                state[rule.code] = False
            elif value is True or isinstance(value, dict):
                state[rule.code] = True
                if isinstance(value, dict) and value:
                    options[rule.code] = _options(rule, value, path, notes)
            else:
                notes.append(f"{path}: '{key}': expected true, false or options, got {value!r}")
    implemented = {_md_code(rule) for rule in family}
    result.missing = sorted(
        code for code in RULES if code not in implemented and state.get(code, default is not False)
    )
    state = {code: on for code, on in state.items() if not code.startswith("MD")}
    selected = [code for code, on in state.items() if on]
    if default is not False and not partial:
        selected += [
            rule.code for rule in family if not rule.enabled and state.get(rule.code) is None
        ]
    if selected:
        result.values["extend_select"] = sorted(set(selected))
    for rule in family:  # rules that read as markdownlint's only when told to
        defaults = getattr(rule, "markdownlint_defaults", None)
        unnamed_on = rule.code not in state and default is not False and not partial
        if defaults and (state.get(rule.code) or unnamed_on):
            state.setdefault(rule.code, True)
            options[rule.code] = {**defaults, **options.get(rule.code, {})}
    rules: dict[str, dict[str, Any]] = {}
    for code, on in sorted(state.items()):
        if not on:
            rules[code] = {"severity": "off"}
        elif options.get(code):
            rules[code] = options[code]
    if rules:
        result.values["rules"] = rules
    return result


def _md_code(rule: type[Rule] | RuleEntry) -> str | None:
    return next((alias for alias in rule.aliases if alias.startswith("MD")), None)


def _options(rule: type[Rule], value: dict, path: Path, notes: list[str]) -> dict[str, Any]:
    """The options mdvet's rule knows, by markdownlint's names; the others go to the notes."""
    known = rule.Options.model_fields
    kept = {key: item for key, item in value.items() if key in known}
    left = sorted(key for key in value if key not in known and key != "enabled")
    if left:
        notes.append(
            f"{path}: {_md_code(rule)} options mdvet does not implement: {', '.join(left)}"
        )
    return kept


@dataclass
class Level:
    """One folder's markdownlint configuration: the `config` of its `.markdownlint-cli2.*`
    file and its `.markdownlint.*` file (either may be missing), and the files read."""

    options: dict[str, Any] | None = None
    config: dict[str, Any] | None = None
    files: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    ignores: list[str] = field(default_factory=list)

    @classmethod
    def of_file(cls, path: Path) -> Level:
        """The level of one configuration file (and those it extends)."""
        level = cls()
        data, level.notes = read(path, files=level.files)
        level.ignores = data.pop("\0ignores", None) or []
        if path.name.startswith(".markdownlint-cli2"):
            level.options = data or None
        else:
            level.config = data
        return level


def read_folder(folder: Path) -> Level | None:
    """The markdownlint configuration files of one folder below the top one, as
    markdownlint-cli2 reads them (the first of each kind); None when it has none."""
    found = [
        next((folder / name for name in names if (folder / name).is_file()), None)
        for names in (DATA_FILES[:2], DATA_FILES[2:])
    ]
    if found == [None, None]:
        return None
    level = Level()
    for path in found:
        if path is not None:
            one = Level.of_file(path)
            level.options = one.options if one.options is not None else level.options
            level.config = one.config if one.config is not None else level.config
            level.files += one.files
            level.notes += one.notes
            if one.ignores:
                level.notes.append(f"{path}: 'ignores' in a sub-folder is not carried over")
    return level


def effective(levels: list[Level]) -> dict[str, Any]:
    """The markdownlint configuration of a folder from its levels (the top folder's first,
    its own last), as markdownlint-cli2 makes it: the `config` of `.markdownlint-cli2.*`
    files merge key by key, the nearer one winning; a `.markdownlint.*` file replaces what
    comes from above it, and is itself replaced by a nearer file of either kind."""
    options, config = levels[-1].options, levels[-1].config
    for level in reversed(levels[:-1]):
        if level.options is not None:
            options = {**level.options, **(options or {})}
        if config is None and level.config is not None and options is None:
            config = level.config
    return config if config is not None else dict(options or {})


@dataclass
class Layers:
    """What the settings of one file are made of when markdownlint configurations in
    sub-folders apply (markdownlint-cli2 reads one in every folder under the top one): the
    top folder and its configuration, mdvet's own values (its configuration file, then the
    command line's flags) and the settings' root. Folders read and settings made are kept."""

    base: str  # absolute: the folder of the top markdownlint configuration, or the root
    top: Level | None
    own: dict[str, Any]
    overrides: dict[str, Any]
    root: Path
    folders: dict[str, Level | None] = field(default_factory=dict)
    made: dict[tuple[str, ...], Any] = field(default_factory=dict)

    def levels(self, path: str) -> tuple[list[str], list[Level]]:
        """The folders between the top one (left out) and `path`'s folder that hold a
        markdownlint configuration, top first, with their levels."""
        folder = os.path.dirname(os.path.abspath(path))
        prefix = self.base.rstrip(os.sep) + os.sep
        found: list[tuple[str, Level]] = []
        while folder.startswith(prefix):
            if folder not in self.folders:
                self.folders[folder] = read_folder(Path(folder))
            if self.folders[folder] is not None:
                found.append((folder, self.folders[folder]))
            folder = os.path.dirname(folder)
        found.reverse()
        return [name for name, _ in found], [level for _, level in found]

    def values(self, levels: list[Level]) -> tuple[dict[str, Any], list[Path], list[str]]:
        """The settings' values for a folder with these levels below the top one: their
        markdownlint configuration under mdvet's own values, then the flags."""
        from lint.rules import builtin
        from lint.settings import narrow_to_flag

        chain = ([self.top] if self.top is not None else []) + levels
        files = [path for level in chain for path in level.files]
        notes = [note for level in levels for note in level.notes]
        translated = translate_data(effective(chain), files[-1], builtin(), notes, files)
        merged = merge(translated.values, self.own)
        merged.update(self.overrides)
        narrow_to_flag(merged, self.overrides, self.root)
        return merged, files, translated.notes


def nested_configurations(layers: Layers) -> list[tuple[str, list[Path]]]:
    """The folders under the top one that hold a markdownlint configuration, and its files
    (`.git` and `node_modules` folders are not looked into)."""
    found = []
    for folder, names, _files in os.walk(layers.base):
        names[:] = sorted(name for name in names if name not in (".git", "node_modules"))
        if folder == layers.base:
            continue
        _folders, levels = layers.levels(os.path.join(folder, "-"))
        if levels and _folders[-1] == folder:
            found.append((folder, levels[-1].files))
    return found


def merge(markdownlint: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """markdownlint's settings under mdvet's own: mdvet's keys win, `rules` merges rule by
    rule, the lists of rules to select and paths to exclude add up."""
    merged = dict(markdownlint)
    for key, value in own.items():
        if key == "rules" and isinstance(value, dict) and "rules" in merged:
            merged["rules"] = {**merged["rules"], **value}
        elif key in ("extend_select", "extend_exclude") and isinstance(value, list | tuple):
            merged[key] = [*merged.get(key, ()), *value]
        else:
            merged[key] = value
    return merged


def to_toml(values: dict[str, Any]) -> str:
    """Settings as an mdvet.toml (the few shapes a translation holds)."""
    out: list[str] = []
    for key in ("extend_select", "extend_exclude"):
        if key in values:
            out.append(f"{key} = {_toml(values[key])}")
    for code, table in values.get("rules", {}).items():
        out += ["", f"[rules.{code}]"]
        out += [f"{key} = {_toml(item)}" for key, item in table.items()]
    return "\n".join(out).lstrip("\n") + "\n"


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)
