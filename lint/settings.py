"""Settings: what to check and how strictly, validated by pydantic."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from pydantic import BaseModel, ConfigDict

from lint.model import Severity
from lint.rules import Registry, Rule, RuleOptions, builtin


class SettingsError(Exception):
    """A setting names something that does not exist; the CLI exits 2."""


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    select: tuple[str, ...] | None = None  # None: every rule enabled by default
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING

    @cached_property
    def active(self) -> tuple[ActiveRule, ...]:
        return resolve(self, builtin())


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
        active.append(ActiveRule(rule(), rule.Options(), rule.severity))
    return tuple(active)
