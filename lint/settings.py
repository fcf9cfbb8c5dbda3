"""Settings: what to check and how strictly, validated by pydantic."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from lint.model import SettingsError, Severity
from lint.rules import Registry, Rule, RuleEntry, RuleOptions, builtin

ONLINE_USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0 Safari/537.36 mdvet-link-check"
)


class RuleConfig(BaseModel):
    """A `[rules.CODE]` table: a severity, and the rule's own options (checked by the rule)."""

    model_config = ConfigDict(extra="allow", frozen=True)

    severity: Severity | Literal["off"] | None = None

    @property
    def options(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class SchemaEntry(BaseModel):
    """Which schema applies to which files; the first matching entry wins."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    paths: tuple[str, ...]
    schema_: str = Field(alias="schema")


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    select: tuple[str, ...] | None = None  # None: every rule enabled by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    rules: dict[str, RuleConfig] = {}
    schemas: tuple[SchemaEntry, ...] = ()
    include: tuple[str, ...] = ("*.md", "*.markdown", "*.mdx")
    exclude: tuple[str, ...] = (".git/", ".hg/", ".svn/", "node_modules/", ".mdvet_cache/")
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    per_file_ignores: dict[str, tuple[str, ...]] = {}
    python_path: tuple[str, ...] = ()
    max_file_size: int = Field(10 * 2**20, ge=1)  # bytes; a larger file gets LN003
    root: Path = Path(".")  # the site's folder: config file's folder, or the current one
    # rule plugins: local module paths (relative to root) or `mdvet.rules` entry-point names
    plugins: tuple[str, ...] = ()
    # site-wide checks (ST): the site's folder (relative to root; default: the folder of the
    # nearest generator marker, else root) and its generator (auto: by the markers there)
    site_root: Path | None = None
    generator: Literal["auto", "jekyll", "hugo", "mkdocs", "astro", "docusaurus", "generic"] = (
        "auto"
    )
    # links to other sites, checked over the network (lint.online): off unless `online`
    online: bool = False
    online_ttl: float = Field(86400, ge=0)  # seconds a page's result is kept
    online_timeout: float = Field(10, gt=0)  # seconds for one request
    online_total_timeout: float = Field(60, gt=0)  # seconds for one page, retries included
    online_retries: int = Field(2, ge=0, le=10)
    online_max_connections: int = Field(32, ge=1)
    online_max_host_connections: int = Field(2, ge=1)
    online_host_rate: float | None = Field(None, gt=0)  # requests per second to one host
    online_exclude: tuple[str, ...] = ()  # regular expressions: URLs not requested
    online_headers: dict[str, dict[str, str]] = {}  # host -> header -> value (${VAR}: env)
    online_resolve: dict[str, str] = {}  # "host:port" -> "address:port", as curl --resolve
    online_user_agent: str = ONLINE_USER_AGENT
    # what these settings were made of (lint.config), for the settings of one folder or file:
    # markdownlint configurations in sub-folders (lint.markdownlint.Layers) and the values
    _layers: Any = PrivateAttr(default=None)
    _values: dict[str, Any] = PrivateAttr(default_factory=dict)
    _variants: dict[Any, Settings] = PrivateAttr(default_factory=dict)

    def for_path(self, path: str | Path) -> Settings:
        """The settings of the file at `path`: these, or, when a folder between the top
        markdownlint configuration and the file holds one of its own, these with that
        folder's markdownlint configuration (as markdownlint-cli2 reads them)."""
        if self._layers is None:
            return self
        from lint.markdownlint import MarkdownlintError

        try:
            folders, levels = self._layers.levels(str(path))
            if not levels:
                return self
            key = tuple(folders)
            values = None if key in self._variants else self._layers.values(levels)[0]
        except MarkdownlintError as err:
            raise SettingsError(str(err)) from None
        if values is not None:
            self._variants[key] = self._made(values, f"markdownlint configuration {folders[-1]}")
        return self._variants[key]

    def configured(self, data: dict[str, Any], path: str) -> Settings:
        """These settings with a `markdownlint-configure-file` comment's configuration
        (`data`) over them: the rules it names read as it says, mdvet's own settings
        included; with `default`, every markdownlint rule."""
        import json

        key = json.dumps(data, sort_keys=True, default=str)
        if key not in self._variants:
            from lint.markdownlint import merge, translate_data

            translated = translate_data(data, Path(path), self.registry, partial=True)
            values = merge(
                self._values or self.model_dump(by_alias=True, exclude={"root"}), translated.values
            )
            for name in ("extend_select", "extend_exclude"):  # merge adds them to the others
                if name in translated.values:
                    values[name] = list(dict.fromkeys(values[name]))
            try:
                self._variants[key] = self._made(values, "markdownlint-configure-file")
            except SettingsError:
                self._variants[key] = self  # options the rules do not take: left out
        return self._variants[key]

    def _made(self, values: dict[str, Any], origin: str) -> Settings:
        """Settings of `values` under the same root and layers; a mistake names `origin`."""
        try:
            made = Settings(**values, root=self.root)
            made.active  # noqa: B018 - check rule names and options now
        except ValidationError as err:
            raise SettingsError(f"{origin}: {describe_error(err.errors()[0])}") from None
        except SettingsError as err:
            raise SettingsError(f"{origin}: {err}", err.loc) from None
        made._layers, made._values = self._layers, values
        return made

    @cached_property
    def registry(self) -> Registry:
        """The built-in rules, plus the rules of the plugins named here."""
        if not self.plugins:
            return builtin()
        from lint.plugins import PluginError, registry

        try:
            return registry(self.plugins, self.root)
        except PluginError as err:
            raise SettingsError(str(err), ("plugins",)) from None

    @cached_property
    def active(self) -> tuple[ActiveRule, ...]:
        return resolve(self, self.registry)

    @cached_property
    def active_codes(self) -> frozenset[str]:
        """The codes of the active rules (asked for each file: a set, not a pass over them)."""
        return frozenset(active.rule.code for active in self.active)

    @cached_property
    def dependencies(self) -> tuple[Path, ...]:
        """Files besides the checked ones that results depend on: schema files, plugins."""
        named = [entry.schema_ for entry in self.schemas] + list(self.plugins)
        named += self.definition_files
        found = [Path(self.root) / name for name in named if (Path(self.root) / name).is_file()]
        return tuple(found + self._mkdocs_files())

    def _mkdocs_files(self) -> list[Path]:
        """An MkDocs site's config and the files it appends to every page, when the site is
        at the root (or `site_root`): presets and LK003's results depend on them."""
        from lint.mkdocs import config_path
        from lint.mkdocs import load as load_mkdocs

        folder = Path(self.root) / (self.site_root or ".")
        mkdocs = load_mkdocs(folder)
        if mkdocs is None:
            return []
        return [config_path(folder), *mkdocs.appended()]

    @cached_property
    def definition_files(self) -> tuple[str, ...]:
        """The files LK003 (broken-link-syntax) is told define labels for every page."""
        active = next((a for a in self.active if a.rule.code == "LK003"), None)
        return tuple(getattr(active.options, "definition_files", ())) if active else ()

    @cached_property
    def reads_context(self) -> bool:
        """Whether an active rule reads the page's context (Rule.reads_context)."""
        return any(active.rule.reads_context for active in self.active)

    @cached_property
    def contexts(self):
        """What each file's site adds to it (see lint.context)."""
        from lint.context import Contexts

        return Contexts(self.root, self.definition_files, self.sites_found)

    @cached_property
    def sites_found(self) -> dict:
        """The site each folder belongs to, as lint.schema.resolve.detect finds it (by absolute
        folder): shared by the page contexts and the schema presets, which both look each
        folder's site up, and filled by the run's site planning before worker processes
        start, so that they inherit it instead of listing every folder again."""
        return {}

    @cached_property
    def per_file_ignore_specs(self) -> tuple[tuple[Any, frozenset[str]], ...]:
        """Each per-file-ignores glob, compiled, with the codes its selectors match."""
        import pathspec

        return tuple(
            (
                pathspec.GitIgnoreSpec.from_lines([glob]),
                frozenset(
                    rule.code
                    for rule in self.registry.entries
                    if any(matches(s, rule) is not None for s in selectors)
                ),
            )
            for glob, selectors in self.per_file_ignores.items()
        )

    @cached_property
    def schema_resolver(self):
        """Chooses and caches the schema of each file (see lint.schema.resolve)."""
        from lint.schema.resolve import SchemaResolver

        return SchemaResolver(self.schemas, self.root, self.sites_found)


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    options: RuleOptions
    severity: Severity


def matches(selector: str, rule: type[Rule] | RuleEntry) -> bool | None:
    """True for an exact code or name, False for a prefix or ALL, None for no match."""
    key = selector.strip()
    upper, lower = key.upper(), key.lower()
    if upper == rule.code or lower == rule.name:
        return True
    if rule.aliases and (upper in rule.aliases or lower in rule.aliases):
        return True
    if upper == "ALL" or (key and rule.code.startswith(upper)):
        return False
    return None


def narrow_to_flag(values: dict[str, Any], flags: dict[str, Any], root: Path) -> None:
    """A `select` given on the command line chooses the rules, as ruff's `--select` does: what
    the configuration's `extend_select` turns on (markdownlint's rules included) stays only
    where the flag's selectors reach, so `--select ML013` runs ML013 alone, while `--select ML`
    keeps the ML rules a markdownlint configuration turned on. Changes `values` in place."""
    if "select" not in flags or "extend_select" in flags or not values.get("extend_select"):
        return
    registry = Settings(plugins=values.get("plugins", ()), root=root).registry
    chosen = flags["select"]
    kept = []
    for entry in values["extend_select"]:
        reached = [rule for rule in registry.entries if matches(entry, rule) is not None]
        if not reached or any(
            matches(selector, rule) is not None for selector in chosen for rule in reached
        ):
            kept.append(entry)
    values["extend_select"] = kept


def resolve(settings: Settings, registry: Registry) -> tuple[ActiveRule, ...]:
    """The rules to run: selected (an exact code or name also enables a rule that is off by
    default; a prefix selects the rules that are on by default), minus the ignored ones."""
    named = [("select",), ("extend_select",), ("ignore",)]
    lists = [settings.select or (), settings.extend_select, settings.ignore]
    for glob, codes in settings.per_file_ignores.items():
        named.append(("per_file_ignores", glob))
        lists.append(codes)
    entries = registry.entries
    for loc, selectors in zip(named, lists, strict=True):
        for selector in selectors:
            if not any(matches(selector, rule) is not None for rule in entries):
                raise SettingsError(f"'{selector}' matches no rule code, prefix or name", loc)
    for key in settings.rules:
        if registry.get(key) is None:
            raise SettingsError(f"no rule has the code or name '{key}'", ("rules", key))
    active = []
    for entry in entries:  # the modules of the rules chosen only are imported
        selectors = (
            settings.select if settings.select is not None else ("ALL",)
        ) + settings.extend_select
        hits = [matches(s, entry) for s in selectors]
        # the online rules run with `online` only, and then as rules that are on by default
        if entry.online and not settings.online:
            continue
        on_by_default = entry.enabled or entry.online
        if not (True in hits or (False in hits and on_by_default)):
            continue
        if any(matches(s, entry) is not None for s in settings.ignore):
            continue
        config = _rule_config(settings, entry)
        if config.severity == "off":
            continue
        rule = entry.load()
        try:
            # the defaults need no validation (pydantic does not validate defaults): a rule
            # configured with none costs no validator build at start-up
            options = (
                rule.Options(**config.options) if config.options else rule.Options.model_construct()
            )
        except ValidationError as err:
            first = err.errors()[0]
            key = (settings.rules.get(rule.code) and rule.code) or rule.name
            loc = ("rules", key, *first["loc"])
            # a misspelt `severity` lands among the options too
            known = ("severity", *rule.Options.model_fields)
            raise SettingsError(
                f"options of rule {rule.code} ({rule.name}): {describe_error(first, known)}", loc
            ) from None
        active.append(ActiveRule(rule(), options, config.severity or rule.severity))
    return tuple(active)


def _rule_config(settings: Settings, rule: RuleEntry) -> RuleConfig:
    """The rule's table, found under its code, its name or one of its aliases."""
    for key in (rule.code, rule.name, *rule.aliases):
        config = settings.rules.get(key)
        if config is not None:
            return config
    return RuleConfig()


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """`; did you mean 'NAME'?` for the known name closest to a misspelt one, or nothing."""
    hint = difflib.get_close_matches(name, list(known), n=1)
    return f"; did you mean '{hint[0]}'?" if hint else ""


def describe_error(error: dict, known: Iterable[str] = ()) -> str:
    """One pydantic error as `key: what is wrong (got VALUE)`; an unknown key gets the closest
    of the `known` ones."""
    where = ".".join(str(part) for part in error["loc"])
    if error["type"] == "extra_forbidden":
        return f"unknown key '{where}'" + did_you_mean(str(error["loc"][-1]), known)
    message = error["msg"]
    if "input" in error and not isinstance(error["input"], dict):
        message += f" (got {error['input']!r})"
    return f"{where}: {message}" if where else message
