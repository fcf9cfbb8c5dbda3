"""Rule documentation: every page complete, current, and its examples true."""

import re
import textwrap

import pytest

from lint.docs import expected_files
from lint.engine import check_text
from lint.rules import SECTIONS, builtin, documentation, scan
from lint.settings import Settings
from tests.helpers import ROOT

RULES = list(builtin())


def test_generated_docs_and_readme_table_are_current():
    stale = [
        str(path.relative_to(ROOT))
        for path, text in expected_files(ROOT, scan()).items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    assert stale == [], "run `python -m lint.docs` to regenerate"
    pages = {p.name for p in (ROOT / "docs" / "rules").glob("*.md")}
    assert pages == {f"{rule.code}.md" for rule in RULES}


def test_the_index_gives_the_rules_the_modules_define():
    scanned = scan()
    assert [e.as_json() for e in builtin().entries] == [e.as_json() for e in scanned.entries]
    assert list(builtin()) == list(scanned)


def section(doc: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", doc, re.MULTILINE | re.DOTALL)
    return match.group(1) if match else ""


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_has_the_sections_in_order(rule):
    doc = documentation(rule)
    positions = [doc.find(f"## {title}\n") for title in SECTIONS]
    assert -1 not in positions, f"{rule.code} lacks a section: {SECTIONS}"
    assert positions == sorted(positions)
    assert rule.summary == rule.summary.lower()[:1] + rule.summary[1:]
    assert not rule.summary.endswith(".")


def example(rule, title: str) -> str:
    body = section(documentation(rule), title)
    return (
        textwrap.dedent(
            "\n".join(
                line for line in body.splitlines() if line.startswith("    ") or not line.strip()
            )
        ).strip("\n")
        + "\n"
    )


@pytest.mark.parametrize("rule", [r for r in RULES if r.runnable_examples], ids=lambda r: r.code)
def test_example_triggers_the_rule_and_use_instead_does_not(rule):
    settings = Settings(select=(rule.code,))
    assert [d.code for d in check_text(example(rule, "Example"), "example.md", settings)] != []
    assert check_text(example(rule, "Use instead"), "example.md", settings) == []
