"""The rule base class, rule options, and the registry of built-in rules."""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Annotated, ClassVar

from pydantic import AfterValidator, BaseModel, ConfigDict

from lint.document import Document
from lint.model import Problem, Severity

CODE = re.compile(r"^[A-Z]{2}[0-9]{3}$")
NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead")
_PACKAGE = Path(__file__).resolve().parent.parent


def rule_url(code: str) -> str:
    """The address of a built-in rule's page, for links from reports and editors (SARIF
    `helpUri`, LSP `codeDescription`). mdvet has no public home, so the page is the copy that
    comes with it, as a `file:` URI: a wheel carries docs/rules as lint/rule_pages, a checkout
    (or an editable install of one) has docs/rules beside lint/. This is the one place to
    change that."""
    shipped = _PACKAGE / "rule_pages"
    pages = shipped if shipped.is_dir() else _PACKAGE.parent / "docs" / "rules"
    return (pages / f"{code}.md").as_uri()


class RuleOptions(BaseModel):
    """Options a rule accepts from configuration; unknown keys are errors. The validator is
    built when a configuration first gives options to the rule (see settings.resolve)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


def _valid_patterns(patterns: tuple[str, ...]) -> tuple[str, ...]:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as err:
            raise ValueError(f"'{pattern}' is not a regular expression: {err}") from None
    return patterns


# An option holding regular expressions, checked when the configuration is read.
Patterns = Annotated[tuple[str, ...], AfterValidator(_valid_patterns)]
# An option holding one regular expression.
Pattern = Annotated[str, AfterValidator(lambda pattern: _valid_patterns((pattern,))[0])]


@lru_cache(maxsize=64)
def compile_patterns(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern matching what any of `patterns` matches; None for none."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


class Rule:
    """A check over one Document. Subclasses set the class attributes and `check`.

    The docstring is the rule's documentation page (see SECTIONS).
    """

    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    enabled: ClassVar[bool] = True
    fixable: ClassVar[bool] = False
    online: ClassVar[bool] = False  # an OnlineRule: runs only with `online` on
    # Whether the docstring's Example and Use instead are Markdown files to check in tests.
    runnable_examples: ClassVar[bool] = True
    Options: ClassVar[type[RuleOptions]] = RuleOptions
    # Whether the rule reads `doc.context` (what the site adds to the page), which is then
    # worked out for each file.
    reads_context: ClassVar[bool] = False
    # Other codes and names that select, configure and suppress the rule: markdownlint's, for
    # the rules that implement one of its checks (`MD013`, `line-length`).
    aliases: ClassVar[tuple[str, ...]] = ()
    # markdownlint's tags (`headings`, `whitespace`, ...): its configuration and comments may
    # name a group of rules by one of them
    tags: ClassVar[tuple[str, ...]] = ()

    def check(self, doc: Document, options: RuleOptions) -> Iterator[Problem]:
        raise NotImplementedError


class ReportedRule(Rule):
    """A rule whose problems are found while reading or parsing the file."""

    def check(self, doc: Document, options: RuleOptions) -> Iterator[Problem]:
        return doc.problems_for(self.code)


class SiteRule(Rule):
    """A check over the whole site, run after every file is parsed. It never sees a
    Document: `check_site` reads the Site index (lint.site.index) and yields each problem
    with the page it belongs to. Only pages being reported on should get problems."""

    runnable_examples: ClassVar[bool] = False  # an example needs several files
    # whether its problems on a page depend only on that page and on what lint.site.incremental
    # tracks of the others (their URLs, titles, tags, categories, anchors): then a run finds
    # them again only for the pages a change can reach
    incremental: ClassVar[bool] = False

    def check(self, doc: Document, options: RuleOptions) -> Iterator[Problem]:
        return iter(())

    def check_site(self, site, options: RuleOptions) -> Iterator[tuple]:
        raise NotImplementedError


class OnlineRule(Rule):
    """A check of a link to another site, run with `online` on once every distinct page has
    been requested (lint.online). It never sees a Document: `check_link` reads the link
    (lint.online.ExternalLink) and the results of the pages requested, by URL without the
    fragment (lint.online.Result; a page left out of the run has none)."""

    online: ClassVar[bool] = True
    enabled: ClassVar[bool] = False  # in a run without `online`; with it, on by default
    runnable_examples: ClassVar[bool] = False  # an example needs a server

    def check(self, doc: Document, options: RuleOptions) -> Iterator[Problem]:
        return iter(())

    def check_link(self, link, results, options: RuleOptions) -> Iterator[Problem]:
        raise NotImplementedError


def documentation(rule: type[Rule]) -> str:
    """The rule's page text: its class docstring, or else its module's."""
    import inspect
    import sys

    doc = vars(rule).get("__doc__") or sys.modules[rule.__module__].__doc__ or ""
    return inspect.cleandoc(doc).strip()


class RegistryError(Exception):
    """Two rules share a code or name, or a code or name is malformed."""


class RuleEntry:
    """A rule as the registry knows it before its module is imported: what choosing,
    configuring and suppressing it by code, name, alias or tag reads (the attributes of the
    same names on the class), and where the class is. `load` imports it."""

    __slots__ = (
        "_rule",
        "aliases",
        "code",
        "enabled",
        "module",
        "name",
        "online",
        "qualname",
        "tags",
    )

    def __init__(
        self,
        code: str,
        name: str,
        module: str,
        qualname: str,
        aliases: tuple[str, ...] = (),
        tags: tuple[str, ...] = (),
        enabled: bool = True,
        online: bool = False,
        rule: type[Rule] | None = None,
    ) -> None:
        self.code, self.name, self.module, self.qualname = code, name, module, qualname
        self.aliases, self.tags, self.enabled, self.online = aliases, tags, enabled, online
        self._rule = rule

    @classmethod
    def of(cls, rule: type[Rule]) -> RuleEntry:
        """The entry of a rule class already imported (a plugin's, or one found by scan)."""
        return cls(
            getattr(rule, "code", None),
            getattr(rule, "name", None),
            rule.__module__,
            rule.__qualname__,
            getattr(rule, "aliases", ()),
            getattr(rule, "tags", ()),
            getattr(rule, "enabled", True),
            getattr(rule, "online", False),
            rule,
        )

    def load(self) -> type[Rule]:
        """The rule class, its module imported on first use."""
        if self._rule is None:
            module = importlib.import_module(self.module)
            self._rule = getattr(module, self.qualname)
        return self._rule

    def as_json(self) -> dict:
        """The entry as the index of built-in rules keeps it (see INDEX)."""
        return {
            "code": self.code,
            "name": self.name,
            "module": self.module,
            "qualname": self.qualname,
            "aliases": list(self.aliases),
            "tags": list(self.tags),
            "enabled": self.enabled,
            "online": self.online,
        }


class Registry:
    """Rules by code, name, alias and tag. Lookups that choose rules (`entry`, `named`,
    `entries`) read only the entries; `get`, `expand` and iteration give the classes, importing
    the modules of the rules they give."""

    def __init__(self) -> None:
        self.by_code: dict[str, RuleEntry] = {}
        self.by_name: dict[str, RuleEntry] = {}
        self.by_alias: dict[str, RuleEntry] = {}  # upper-case codes, lower-case names
        self.by_tag: dict[str, list[RuleEntry]] = {}

    def add(self, rule: type[Rule] | RuleEntry, origin: str) -> None:
        entry = rule if isinstance(rule, RuleEntry) else RuleEntry.of(rule)
        code, name = entry.code, entry.name
        if not isinstance(code, str) or not CODE.match(code):
            raise RegistryError(
                f"{origin}: rule code {code!r} is not two capitals and three digits"
            )
        if not isinstance(name, str) or not NAME.match(name):
            raise RegistryError(f"{origin}: rule name {name!r} for {code} is not kebab-case")
        if code in self.by_code:
            raise RegistryError(
                f"{origin}: rule code {code} is already used by {self.by_code[code].module}"
            )
        if name in self.by_name:
            raise RegistryError(
                f"{origin}: rule name {name} is already used by {self.by_name[name].code}"
            )
        for alias in entry.aliases:
            if not isinstance(alias, str) or not (CODE.match(alias) or NAME.match(alias)):
                raise RegistryError(f"{origin}: alias {alias!r} of {code} is not a code or a name")
            key = alias.upper() if CODE.match(alias) else alias
            taken = self.by_code.get(key) or self.by_name.get(key) or self.by_alias.get(key)
            if taken is not None or key in (code, name):
                raise RegistryError(f"{origin}: alias {alias} of {code} is already taken")
        for alias in entry.aliases:
            self.by_alias[alias.upper() if CODE.match(alias) else alias] = entry
        self.by_code[code] = entry
        self.by_name[name] = entry
        for tag in entry.tags:
            self.by_tag.setdefault(tag, []).append(entry)

    def entry(self, key: str) -> RuleEntry | None:
        """The entry of the rule with this code, name or alias (codes in any case)."""
        return (
            self.by_code.get(key.upper())
            or self.by_name.get(key.lower())
            or self.by_alias.get(key.upper())
            or self.by_alias.get(key.lower())
        )

    def get(self, key: str) -> type[Rule] | None:
        """The rule with this code, name or alias (codes in any case)."""
        entry = self.entry(key)
        return None if entry is None else entry.load()

    def named(self, key: str) -> list[RuleEntry]:
        """The entries of the rules a markdownlint key names: one rule by code, name or
        alias, or every rule with that tag."""
        entry = self.entry(key)
        if entry is not None:
            return [entry]
        return list(self.by_tag.get(key.lower(), ()))

    def expand(self, key: str) -> list[type[Rule]]:
        """The rules a markdownlint key names (see `named`)."""
        return [entry.load() for entry in self.named(key)]

    @property
    def entries(self) -> list[RuleEntry]:
        """Every entry, by code."""
        return sorted(self.by_code.values(), key=lambda entry: entry.code)

    def __iter__(self):
        return iter([entry.load() for entry in self.entries])


def rule_classes(module) -> list[type[Rule]]:
    """The concrete rule classes a module defines."""
    return [
        value
        for value in vars(module).values()
        if isinstance(value, type)
        and issubclass(value, Rule)
        and value.__module__ == module.__name__
        and "code" in vars(value)
    ]


# The index of the built-in rules: each one's entry (RuleEntry.as_json), so that a run imports
# only the modules of the rules it runs. `python -m lint.docs` writes it from `scan()`; a test
# checks that it is current.
INDEX = Path(__file__).parent / "index.json"


def scan() -> Registry:
    """Every rule module under lint.rules, imported: what the index is made from."""
    import pkgutil

    registry = Registry()
    for info in pkgutil.walk_packages(__path__, prefix=__name__ + "."):
        module = importlib.import_module(info.name)
        for rule in rule_classes(module):
            registry.add(rule, info.name)
    return registry


def index_text(registry: Registry) -> str:
    """The index file's text for the rules of `registry`."""
    rows = [json.dumps(entry.as_json(), ensure_ascii=False) for entry in registry.entries]
    return "[\n" + ",\n".join(rows) + "\n]\n"


_BUILTIN: Registry | None = None


def builtin() -> Registry:
    """The built-in rules, from the index; each module is imported when its rule is used."""
    global _BUILTIN
    if _BUILTIN is None:
        registry = Registry()
        for row in json.loads(INDEX.read_text(encoding="utf-8")):
            aliases, tags = tuple(row.pop("aliases")), tuple(row.pop("tags"))
            registry.add(RuleEntry(**row, aliases=aliases, tags=tags), row["module"])
        _BUILTIN = registry
    return _BUILTIN
