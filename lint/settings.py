"""Settings: what to check and how strictly, validated by pydantic."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from lint.model import Severity
from lint.rules import Registry, Rule, RuleOptions, builtin


class SettingsError(Exception):
    """A setting names something that does not exist; the CLI exits 2."""


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
    root: Path = Path(".")  # the site's folder: config file's folder, or the current one
    # rule plugins: local module paths (relative to root) or `mdvet.rules` entry-point names
    plugins: tuple[str, ...] = ()

    @cached_property
    def registry(self) -> Registry:
        """The built-in rules, plus the rules of the plugins named here."""
        if not self.plugins:
            return builtin()
        from lint.plugins import PluginError, registry

        try:
            return registry(self.plugins, self.root)
        except PluginError as err:
            raise SettingsError(str(err)) from None

    @cached_property
    def active(self) -> tuple[ActiveRule, ...]:
        return resolve(self, self.registry)


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    options: RuleOptions
    severity: Severity


def matches(selector: str, rule: type[Rule]) -> bool | None:
    """True for an exact code or name, False for a prefix or ALL, None for no match."""
    key = selector.strip()
    if key.upper() == rule.code or key.lower() == rule.name:
        return True
    if key.upper() == "ALL" or (key and rule.code.startswith(key.upper())):
        return False
    return None


def resolve(settings: Settings, registry: Registry) -> tuple[ActiveRule, ...]:
    """The rules to run: selected (an exact code or name also enables a rule that is off by
    default; a prefix selects the rules that are on by default), minus the ignored ones."""
    for selector in (*(settings.select or ()), *settings.extend_select, *settings.ignore):
        if not any(matches(selector, rule) is not None for rule in registry):
            raise SettingsError(f"'{selector}' matches no rule code, prefix or name")
    for key in settings.rules:
        if registry.get(key) is None:
            raise SettingsError(f"rules.{key}: no rule has this code or name")
    active = []
    for rule in registry:
        selectors = (
            settings.select if settings.select is not None else ("ALL",)
        ) + settings.extend_select
        hits = [matches(s, rule) for s in selectors]
        if not (True in hits or (False in hits and rule.enabled)):
            continue
        if any(matches(s, rule) is not None for s in settings.ignore):
            continue
        config = _rule_config(settings, rule)
        if config.severity == "off":
            continue
        try:
            options = rule.Options(**config.options)
        except ValidationError as err:
            raise SettingsError(
                f"options of rule {rule.code} ({rule.name}): {_first_error(err)}"
            ) from None
        active.append(ActiveRule(rule(), options, config.severity or rule.severity))
    return tuple(active)


def _rule_config(settings: Settings, rule: type[Rule]) -> RuleConfig:
    return settings.rules.get(rule.code) or settings.rules.get(rule.name) or RuleConfig()


def _first_error(err: ValidationError) -> str:
    first = err.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else first["msg"]
