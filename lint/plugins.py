"""Rules from plugins: local modules and installed packages named in the settings.

A plugin is active only when the settings name it. `plugins = ["tools/mdvet_rules.py"]` loads
a file (relative to the settings' root); `plugins = ["todo"]` loads the entry point `todo` of
the group `mdvet.rules`, which names a module, a rule class, or a list of rule classes.
A plugin's codes use its own two-letter prefix, not one of mdvet's; a malformed or clashing
code or name fails at load time with a SettingsError (exit 2).
"""

from __future__ import annotations

import hashlib
import importlib.util
import inspect
import sys
from importlib.metadata import entry_points
from pathlib import Path
from types import ModuleType

from lint.rules import Registry, RegistryError, Rule, builtin

GROUP = "mdvet.rules"
RESERVED = ("FM", "LK", "HD", "IM", "ST", "LN", "MD")


class PluginError(Exception):
    """A plugin cannot be found or loaded, or its rules do not fit; the CLI exits 2."""


def registry(plugins: tuple[str, ...], root: Path) -> Registry:
    """The built-in rules plus those of the named plugins."""
    combined = Registry()
    for entry in builtin().entries:
        combined.add(entry, entry.module)
    owners: dict[str, str] = {}  # prefix -> plugin
    for name in plugins:
        for rule in load(name, root):
            code = getattr(rule, "code", "")
            prefix = code[:2] if isinstance(code, str) else ""
            if prefix in RESERVED:
                raise PluginError(
                    f"plugin '{name}': rule code {code} uses the prefix {prefix}, which is "
                    f"mdvet's own ({', '.join(RESERVED)}); choose another prefix"
                )
            if owners.setdefault(prefix, name) != name:
                raise PluginError(
                    f"plugin '{name}': prefix {prefix} of rule {code} is already used by "
                    f"plugin '{owners[prefix]}'"
                )
            try:
                combined.add(rule, f"plugin '{name}'")
            except RegistryError as err:
                raise PluginError(str(err)) from None
    return combined


def load(name: str, root: Path) -> list[type[Rule]]:
    """The rule classes one plugin provides."""
    if name.endswith(".py") or "/" in name or "\\" in name:
        found = _rules_in(_load_file(name, root))
    else:
        found = _rules_of(_load_entry_point(name), name)
    if not found:
        raise PluginError(f"plugin '{name}' provides no rule classes")
    return found


def _load_file(name: str, root: Path) -> ModuleType:
    path = (root / name).resolve()
    if not path.is_file():
        raise PluginError(f"plugin '{name}': no such file {path}")
    digest = hashlib.sha1(str(path).encode()).hexdigest()[:10]
    spec = importlib.util.spec_from_file_location(f"mdvet_plugin_{path.stem}_{digest}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # a module of its own, as an import would make it
    try:
        spec.loader.exec_module(module)
    except Exception as err:
        del sys.modules[spec.name]
        raise PluginError(f"plugin '{name}' failed to load: {type(err).__name__}: {err}") from None
    return module


def _load_entry_point(name: str):
    found = [ep for ep in entry_points(group=GROUP) if ep.name == name]
    if not found:
        known = sorted({ep.name for ep in entry_points(group=GROUP)})
        hint = f" (installed: {', '.join(known)})" if known else ""
        raise PluginError(
            f"plugin '{name}': no installed package has an entry point '{name}' in the "
            f"group '{GROUP}'{hint}"
        )
    try:
        return found[0].load()
    except Exception as err:
        raise PluginError(f"plugin '{name}' failed to load: {type(err).__name__}: {err}") from None


def _rules_of(value, name: str) -> list[type[Rule]]:
    if isinstance(value, ModuleType):
        return _rules_in(value)
    if _is_rule(value):
        return [value]
    if isinstance(value, (list, tuple)) and all(_is_rule(v) for v in value):
        return list(value)
    raise PluginError(
        f"plugin '{name}': the entry point names {value!r}; expected a module, a rule class "
        "or a list of rule classes"
    )


def _rules_in(module: ModuleType) -> list[type[Rule]]:
    """Rule classes defined in the module or in its own submodules."""
    prefix = module.__name__ + "."
    return [
        value
        for value in vars(module).values()
        if _is_rule(value)
        and (value.__module__ == module.__name__ or value.__module__.startswith(prefix))
    ]


def _is_rule(value) -> bool:
    return (
        inspect.isclass(value)
        and issubclass(value, Rule)
        and "code" in vars(value)
        and not inspect.isabstract(value)
    )
