import json
import re
import subprocess
import sys

import pytest

from lint import engine
from lint.document import parse_document
from lint.model import Pos, Problem, Severity
from lint.rules import Registry, RegistryError, ReportedRule, Rule, SiteRule, builtin
from lint.settings import ActiveRule, Settings, SettingsError, resolve
from tests.helpers import codes_and_positions


class Crashes(Rule):
    code = "ZZ901"
    name = "always-crashes"
    summary = "raises"

    def check(self, doc, options):
        yield Problem(Pos(1, 1), "never seen")
        raise ZeroDivisionError("boom")


class Reports(Rule):
    code = "ZZ902"
    name = "always-reports"
    summary = "reports twice, out of order"

    def check(self, doc, options):
        yield Problem(Pos(3, 2), "second")
        yield Problem(Pos(1, 5), "first", end=Pos(1, 9))


def settings_with(*rules, include_internal=True):
    if include_internal:
        rules = (*rules, builtin().get("LN900"))
    return [ActiveRule(rule(), rule.Options(), rule.severity) for rule in rules]


def test_a_crashing_rule_becomes_one_ln900_and_the_others_still_run():
    doc = parse_document("text\n", "post.md")
    diagnostics = engine.run(doc, settings_with(Crashes, Reports))
    assert codes_and_positions(diagnostics) == [("LN900", 1, 1), ("ZZ902", 1, 5), ("ZZ902", 3, 2)]
    internal = diagnostics[0]
    assert internal.message == "rule ZZ901 (always-crashes) crashed: ZeroDivisionError: boom"
    assert internal.severity is Severity.ERROR and internal.name == "internal-error"


def test_engine_stamps_path_code_name_severity_and_end():
    doc = parse_document("text\n", "a/b.md")
    first = engine.run(doc, settings_with(Reports))[0]
    assert (first.path, first.code, first.name, first.severity) == (
        "a/b.md",
        "ZZ902",
        "always-reports",
        Severity.WARNING,
    )
    assert (first.line, first.column, first.end_line, first.end_column) == (1, 5, 1, 9)


class Site(SiteRule):
    code = "ZZ903"
    name = "site-wide"
    summary = "a site rule: never run on one document"

    def check(self, doc, options):
        yield Problem(Pos(1, 1), "never seen")


class Passes(ReportedRule):
    code = "FM003"
    name = "passes-on"
    summary = "passes on what reading the document found"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # a reported rule runs when reading found problems; a site rule never runs here
        ("---\n[a\n---\ntext\n", [("ZZ902", 1, 5), ("FM003", 3, 1), ("ZZ902", 3, 2)]),
        ("text\n", [("ZZ902", 1, 5), ("ZZ902", 3, 2)]),
    ],
)
def test_rules_by_kind(source, expected):
    rules = settings_with(Site, Passes, Reports)
    for _ in range(2):  # the second run sorts the same list of rules from what it kept
        assert codes_and_positions(engine.run(parse_document(source, "post.md"), rules)) == expected


def test_ignoring_ln900_hides_crashes():
    doc = parse_document("text\n", "post.md")
    assert (
        codes_and_positions(engine.run(doc, settings_with(Crashes, include_internal=False))) == []
    )


def test_registry_rejects_duplicates_and_malformed_codes():
    registry = Registry()
    registry.add(Reports, "here")
    with pytest.raises(RegistryError, match="ZZ902 is already used"):
        registry.add(type("Again", (Reports,), {"name": "other-name"}), "there")
    with pytest.raises(RegistryError, match="already used by ZZ902"):
        registry.add(type("Twin", (Reports,), {"code": "ZZ903"}), "there")
    with pytest.raises(RegistryError, match="not two capitals and three digits"):
        registry.add(type("Bad", (Reports,), {"code": "Z1", "name": "bad"}), "there")
    with pytest.raises(RegistryError, match="not kebab-case"):
        registry.add(type("Bad", (Reports,), {"code": "ZZ904", "name": "Bad_Name"}), "there")
    assert registry.get("zz902") is Reports and registry.get("always-reports") is Reports


def codes(settings: Settings) -> list[str]:
    return [a.rule.code for a in resolve(settings, builtin())]


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (Settings(select=("FM0",)), ["FM002", "FM003", "FM004", "FM005"]),
        (Settings(select=("duplicate-key", "LN001")), ["FM004", "LN001"]),
        (
            Settings(select=("FM0",), ignore=("FM003", "front-matter-not-mapping")),
            ["FM002", "FM004"],
        ),
        (Settings(select=("LN",), extend_select=("FM004",)), ["FM004", "LN001", "LN003", "LN900"]),
        (Settings(ignore=("ALL",)), []),
    ],
)
def test_selection(settings, expected):
    assert codes(settings) == expected


# A fresh interpreter: which rule modules choosing the rules imports
IMPORTED = """
import json, sys
from lint.rules import builtin
from lint.settings import Settings
codes = [a.rule.code for a in Settings(**json.loads(sys.argv[1])).active]
modules = {entry.module: entry.code for entry in builtin().entries}
print(json.dumps([codes, sorted(code for name, code in modules.items() if name in sys.modules)]))
"""


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"select": ["LK001"]}, ["LK001"]),
        ({"select": ["duplicate-key", "LN001"]}, ["FM004", "LN001"]),
        ({"select": ["MD010"]}, ["ML010"]),  # a markdownlint alias
        ({"select": ["FM0"], "ignore": ["FM003"]}, ["FM002", "FM004", "FM005"]),
        ({"ignore": ["ALL"]}, []),
    ],
)
def test_choosing_rules_imports_only_their_modules(values, expected):
    found = subprocess.run(
        [sys.executable, "-c", IMPORTED, json.dumps(values)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(found.stdout) == [expected, expected]


def test_unknown_selector_is_a_settings_error():
    with pytest.raises(SettingsError, match="'XX1' matches no rule code, prefix or name"):
        codes(Settings(select=("XX1",)))


def test_rule_tables_set_severity_and_turn_rules_off():
    settings = Settings(
        rules={"FM004": {"severity": "info"}, "front-matter-not-mapping": {"severity": "off"}}
    )
    active = {a.rule.code: a.severity for a in resolve(settings, builtin())}
    assert active["FM004"] is Severity.INFO
    assert "FM005" not in active


@pytest.mark.parametrize(
    ("rules", "message", "loc"),
    [
        ({"XX001": {}}, "no rule has the code or name 'XX001'", ("rules", "XX001")),
        (
            {"duplicate-key": {"max": 3}},
            "options of rule FM004 (duplicate-key): unknown key 'max'",
            ("rules", "duplicate-key", "max"),
        ),
    ],
)
def test_bad_rule_tables_are_settings_errors(rules, message, loc):
    with pytest.raises(SettingsError, match=re.escape(message)) as caught:
        resolve(Settings(rules=rules), builtin())
    assert caught.value.loc == loc
