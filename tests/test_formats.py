"""Every output format, against golden files and the formats' own schemas."""

import json
import os
import re
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree

import pytest

from lint import __version__
from lint.cli import main
from lint.formatters.json import diagnostic_to_dict, format_json
from lint.formatters.sarif import artifact_location
from lint.formatters.text import one_line
from lint.model import Diagnostic, Edit, Fix, Pos, Report, Severity
from lint.rules import rule_url
from tests.helpers import ROOT

GOLDEN = ROOT / "tests" / "golden"
FILES = {
    "_posts/a.md": "---\ntitle: a\ntitle: b\n---\n",
    "_posts/b.md": "---\ntitle: [broken\n---\n",
    "notes/ok.md": "---\ntitle: fine\n---\n",
    "notes/odd, name: 100%.md": "---\n- a\n---\n",
}


@pytest.fixture
def site(tmp_path, monkeypatch):
    for name, text in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def output(capsys, *args):
    code = main(["check", "--color", "never", *args])
    return code, capsys.readouterr().out


def machine_free(out: str, site: Path) -> str:
    """`out` without what depends on where the site and mdvet are: the site's and the rule
    pages' `file:` URIs."""
    pages = rule_url("XX000").removesuffix("XX000.md")
    return out.replace(site.as_uri() + "/", "file:///SITE/").replace(pages, "file:///PAGES/")


@pytest.mark.parametrize("name", ["text", "json", "github", "sarif", "junit", "gitlab"])
def test_golden_output(site, capsys, name):
    code, out = output(capsys, "--format", name)
    assert code == 1
    out = machine_free(out, site)
    golden = GOLDEN / f"output.{name}"
    if os.environ.get("MDVET_UPDATE_GOLDEN"):
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_auto_is_github_under_github_actions(site, capsys, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out = output(capsys)
    assert out == (GOLDEN / "output.github").read_text(encoding="utf-8")


def test_github_escapes_data_and_properties(site, capsys):
    _, out = output(capsys, "--format", "github")
    line = next(line for line in out.splitlines() if "odd" in line)
    assert line.startswith("::error file=notes/odd%2C name%3A 100%25.md,line=2,col=1,")
    assert "title=mdvet FM005::" in line


def sarif_log(capsys, *args) -> dict:
    """The SARIF log of `mdvet check ARGS`, validated against the SARIF 2.1.0 schema."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
    _, out = output(capsys, "--format", "sarif", *args)
    log = json.loads(out)
    jsonschema.Draft4Validator(schema).validate(log)
    return log


def test_sarif_is_valid_sarif_2_1_0(site, capsys):
    log = sarif_log(capsys)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["FM004", "FM003", "FM005"]
    first = run["results"][0]
    assert first["ruleId"] == "FM004" and first["level"] == "error"
    assert first["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3,
        "startColumn": 1,
        "endLine": 3,
        "endColumn": 6,
    }


# a relative reference: unreserved characters, "/" and percent-escapes, and no scheme
RELATIVE = re.compile(r"^(?:[A-Za-z0-9._~/-]|%[0-9A-F]{2})+$")


@pytest.mark.parametrize(
    ("name", "uri"),
    [
        ("notes/plain.md", "notes/plain.md"),
        ("notes/with space.md", "notes/with%20space.md"),
        ("notes/100%.md", "notes/100%25.md"),
        ("notes/a,b.md", "notes/a%2Cb.md"),
        ("a:b.md", "a%3Ab.md"),
        ("notes/café ü.md", "notes/caf%C3%A9%20%C3%BC.md"),
        ("日本/国債.md", "%E6%97%A5%E6%9C%AC/%E5%9B%BD%E5%82%B5.md"),
    ],
)
def test_sarif_uri_is_a_percent_encoded_reference_from_the_checkout(site, capsys, name, uri):
    (site / name).parent.mkdir(parents=True, exist_ok=True)
    (site / name).write_text("---\n- a\n---\n")
    run = sarif_log(capsys, name)["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": uri, "uriBaseId": "%SRCROOT%"}
    assert RELATIVE.match(location["uri"]) and unquote(location["uri"]) == name
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": site.as_uri() + "/"}}


def test_sarif_base_is_the_repository_root_above_the_current_folder(site, capsys, monkeypatch):
    (site / ".git").mkdir()
    monkeypatch.chdir(site / "notes")
    run = sarif_log(capsys, "odd, name: 100%.md")["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "notes/odd%2C%20name%3A%20100%25.md", "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": site.as_uri() + "/"}}


def test_sarif_file_outside_the_checkout_is_a_file_uri(site, capsys, monkeypatch, tmp_path):
    (site / "repo" / ".git").mkdir(parents=True)
    monkeypatch.chdir(site / "repo")
    run = sarif_log(capsys, "../notes/odd, name: 100%.md")["runs"][0]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": (site / "notes" / "odd, name: 100%.md").as_uri()}
    assert location["uri"].startswith("file:///") and location["uri"].endswith(
        "/notes/odd%2C%20name%3A%20100%25.md"
    )
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": (site / "repo").as_uri() + "/"}}


@pytest.mark.parametrize(
    ("path", "cwd", "base", "expected"),
    [
        ("a.md", "/r", "/r", {"uri": "a.md", "uriBaseId": "%SRCROOT%"}),
        ("a.md", "/r/sub", "/r", {"uri": "sub/a.md", "uriBaseId": "%SRCROOT%"}),
        ("../b/a.md", "/r/sub", "/r", {"uri": "b/a.md", "uriBaseId": "%SRCROOT%"}),
        ("../a.md", "/r", "/r", {"uri": "file:///a.md"}),
        ("/elsewhere/x y.md", "/r", "/r", {"uri": "file:///elsewhere/x%20y.md"}),
        ("..x.md", "/r", "/r", {"uri": "..x.md", "uriBaseId": "%SRCROOT%"}),
        ("-", "/r", "/r", {"uri": "-", "uriBaseId": "%SRCROOT%"}),
    ],
)
@pytest.mark.skipif(os.sep != "/", reason="POSIX paths")
def test_sarif_artifact_location(path, cwd, base, expected):
    assert artifact_location(path, cwd, base) == expected


def test_every_sarif_rule_has_a_help_uri_to_its_page(site, capsys):
    rules = sarif_log(capsys)["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["helpUri"] for rule in rules] == [rule_url(r["id"]) for r in rules]
    for rule in rules:
        page = Path(unquote(rule["helpUri"].removeprefix("file://")))
        assert page.name == f"{rule['id']}.md"
        assert page.read_text(encoding="utf-8") == rule["help"]["markdown"]


def test_junit_is_well_formed(site, capsys):
    _, out = output(capsys, "--format", "junit")
    root = ElementTree.fromstring(out.encode())
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuites", "3", "3")
    failures = root.findall(".//failure")
    assert [f.get("type") for f in failures] == ["FM004", "FM003", "FM005"]


def test_gitlab_fingerprints_are_stable_when_lines_move(site, capsys):
    _, before = output(capsys, "--format", "gitlab")
    (site / "_posts" / "a.md").write_text("---\n# a comment\n\ntitle: a\ntitle: b\n---\n")
    _, after = output(capsys, "--format", "gitlab")
    first, second = json.loads(before), json.loads(after)
    assert [i["fingerprint"] for i in first] == [i["fingerprint"] for i in second]
    assert second[0]["location"]["positions"]["begin"] == {"line": 5, "column": 1}
    assert len({i["fingerprint"] for i in first}) == len(first)


def test_clean_run_in_every_format(site, capsys):
    code, out = output(capsys, "--format", "junit", "notes/ok.md")
    assert code == 0 and 'failures="0"' in out
    assert output(capsys, "--format", "gitlab", "notes/ok.md") == (0, "[]\n")
    assert output(capsys, "--format", "github", "notes/ok.md") == (0, "")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("tags repeats 'a\nb'", "tags repeats 'a\\nb'"),
        ("a\r\nb\tc", "a\\r\\nb\\tc"),
        ("\x1b[31mred\x7f\x85", "\\x1b[31mred\\x7f\\x85"),
        ("one\u2028two\u2029", "one\\u2028two\\u2029"),
        ("plain 'é' \u00a0 \\n stays", "plain 'é' \u00a0 \\n stays"),
    ],
)
def test_one_line_escapes_controls(text, line):
    assert one_line(text) == line


def test_text_output_is_one_problem_per_line(tmp_path, monkeypatch, capsys):
    (tmp_path / "p.md").write_text('---\ntitle: t\ntags: ["a\\nb", "a\\nb"]\n---\n')
    (tmp_path / "we\nird.md").write_text("---\ntitle: t\n---\n")
    monkeypatch.chdir(tmp_path)
    code, out = output(capsys, "--format", "text")
    assert (code, out.splitlines()) == (
        1,
        [
            "p.md:2:8: ST001 title 't' is also the title of we\\nird.md (collection '/') "
            "[duplicate-title]",
            "p.md:3:16: FM105 tags repeats 'a\\nb': same as 'a\\nb' at line 3, column 8 "
            "[duplicate-item]",
            "we\\nird.md:2:8: ST001 title 't' is also the title of p.md (collection '/') "
            "[duplicate-title]",
            "3 problems (0 errors, 3 warnings, 0 info) in 2 of 2 files",
        ],
    )
    _, out = output(capsys, "--format", "json")
    found = json.loads(out)["diagnostics"]
    assert [(d["path"], d["code"]) for d in found][1:] == [
        ("p.md", "FM105"),
        ("we\nird.md", "ST001"),
    ]
    assert found[1]["message"] == "tags repeats 'a\nb': same as 'a\nb' at line 3, column 8"


FIXED = Fix(
    "replace it",
    (Edit(Pos(1, 2), Pos(1, 5), 'a "b"\n\tc'), Edit(Pos(3, 1), Pos(3, 1), "é\u2028")),
    safe=False,
)


@pytest.mark.parametrize(
    "diagnostics",
    [
        [],
        [Diagnostic("a.md", 1, 2, "LK001", 1, 9, "x", Severity.ERROR, "plain", None)],
        [
            Diagnostic(
                'dir/ü "q".md',
                3,
                1,
                "ML013",
                3,
                90,
                "line-length",
                Severity.WARNING,
                'quote " back \\ tab \t nl \n ctl \x01 東京',
                FIXED,
            ),
            Diagnostic("b.md", 10, 4, "FM201", 12, 1, "y", Severity.INFO, "", Fix("f", ())),
        ],
    ],
)
def test_json_output_is_what_json_dumps_writes(diagnostics):
    # the formatter writes the diagnostics itself: byte for byte what json.dumps indents
    report = Report(tuple(diagnostics), 7)
    document = {
        "version": 1,
        "tool": {"name": "mdvet", "version": __version__},
        "files_checked": 7,
        "summary": report.counts,
        "diagnostics": [diagnostic_to_dict(d) for d in diagnostics],
    }
    expected = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    assert format_json(report) == expected
