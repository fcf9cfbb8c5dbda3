import io
import json
import os
import sys

import pytest

from lint import __version__
from tests.helpers import run_cli

CLEAN = "---\ntitle: Clean\n---\n\nText.\n"
DUPLICATE = "---\ntitle: a\ntitle: b\n---\n"
BROKEN = "---\ntitle: [x\n---\n"


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A small site; the tests run inside it."""
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "2025-01-01-clean.md").write_text(CLEAN)
    (tmp_path / "_posts" / "2025-01-02-dup.md").write_text(DUPLICATE)
    (tmp_path / "notes.markdown").write_text(BROKEN)
    (tmp_path / "page.mdx").write_text(CLEAN.replace("Clean", "Page"))
    (tmp_path / "readme.txt").write_text(DUPLICATE)  # not Markdown: not walked
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_text_output_and_exit_1(site, capsys):
    code, out, _ = run_cli(capsys, "check", "--color", "never")
    assert code == 1
    assert out.splitlines() == [
        "_posts/2025-01-02-dup.md:3:1: FM004 key 'title' appears again (first at line 2); "
        "only the last value is kept [duplicate-key]",
        "notes.markdown:3:1: FM003 invalid YAML: did not find expected ',' or ']' "
        "(while parsing a flow sequence started at line 2) [invalid-front-matter]",
        "2 problems (2 errors, 0 warnings, 0 info) in 2 of 4 files",
    ]


def test_clean_files_exit_0(site, capsys):
    code, out, _ = run_cli(capsys, "check", "_posts/2025-01-01-clean.md", "page.mdx")
    assert (code, out) == (0, "no problems in 2 files\n")


def test_explicit_non_markdown_file_is_checked(site, capsys):
    code, out, _ = run_cli(capsys, "check", "readme.txt", "--quiet")
    assert code == 1
    assert out.startswith("readme.txt:3:1: FM004")
    assert len(out.splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ("check", "missing.md"),
        ("check", "--format", "yaml"),
        ("check", "--select", "XX9"),
        ("check", "--ignore", "not-a-rule"),
        ("rule", "XX001"),
        ("nonsense",),
        ("check", "-", "notes.markdown"),
    ],
)
def test_usage_errors_exit_2(site, capsys, args):
    code, out, err = run_cli(capsys, *args)
    assert code == 2
    assert out == ""
    assert "Error:" in err


def test_missing_path_is_named(site, capsys):
    _, _, err = run_cli(capsys, "check", "missing.md")
    assert "'missing.md' does not exist" in err


def test_exit_zero_and_fail_on(site, capsys):
    assert run_cli(capsys, "check", "--exit-zero")[0] == 0
    assert run_cli(capsys, "check", "--ignore", "FM003,FM004")[0] == 0


def test_select_by_prefix_and_name(site, capsys):
    code, out, _ = run_cli(capsys, "check", "--select", "duplicate-key", "-q")
    assert code == 1
    assert [line.split()[1] for line in out.splitlines()] == ["FM004"]


def test_json_output_is_valid_and_exact(site, capsys, output_validator):
    code, out, _ = run_cli(capsys, "check", "--format", "json")
    assert code == 1
    document = json.loads(out)
    output_validator.validate(document)
    assert document["version"] == 1
    assert document["tool"] == {"name": "mdvet", "version": __version__}
    assert document["files_checked"] == 4
    assert document["summary"] == {"error": 2, "warning": 0, "info": 0}
    assert document["diagnostics"][0] == {
        "path": "_posts/2025-01-02-dup.md",
        "line": 3,
        "column": 1,
        "end_line": 3,
        "end_column": 6,
        "code": "FM004",
        "name": "duplicate-key",
        "severity": "error",
        "message": "key 'title' appears again (first at line 2); only the last value is kept",
        "fix": None,
    }


def test_output_file(site, capsys):
    code, out, _ = run_cli(capsys, "check", "--format", "json", "--output-file", "report.json")
    assert code == 1 and out == ""
    assert json.loads((site / "report.json").read_text())["summary"]["error"] == 2


def test_stdin_with_filename(site, capsys, monkeypatch, output_validator):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DUPLICATE.encode())))
    code, out, _ = run_cli(
        capsys, "check", "-", "--stdin-filename", "drafts/new.md", "--format", "json"
    )
    assert code == 1
    document = json.loads(out)
    output_validator.validate(document)
    assert document["files_checked"] == 1
    assert [(d["path"], d["code"], d["line"]) for d in document["diagnostics"]] == [
        ("drafts/new.md", "FM004", 3)
    ]


def test_color_always_and_never(site, capsys):
    _, colored, _ = run_cli(capsys, "check", "--color", "always")
    _, plain, _ = run_cli(capsys, "check", "--color", "never")
    assert "\x1b[" in colored and "\x1b[" not in plain


def test_discovery_skips_git_node_modules_and_gitignored(site, capsys):
    for folder in (".git", "node_modules", "build", "drafts"):
        (site / folder).mkdir()
        (site / folder / "x.md").write_text(DUPLICATE)
    (site / ".gitignore").write_text("build/\n*.tmp.md\n")
    (site / "drafts" / ".gitignore").write_text("secret.md\n")
    (site / "drafts" / "secret.md").write_text(DUPLICATE)
    (site / "scratch.tmp.md").write_text(DUPLICATE)
    _, out, _ = run_cli(capsys, "check", "-q", "--select", "FM004")
    assert [line.split(":")[0] for line in out.splitlines()] == [
        "_posts/2025-01-02-dup.md",
        "drafts/x.md",
    ]
    # an explicitly named file is always checked
    _, out, _ = run_cli(capsys, "check", "-q", "build/x.md")
    assert out.startswith("build/x.md:3:1: FM004")


def test_output_order_is_deterministic_and_paths_outside_cwd_kept(site, capsys, monkeypatch):
    monkeypatch.chdir(site / "_posts")
    _, out, _ = run_cli(capsys, "check", "-q", "..", ".")
    lines = out.splitlines()
    assert lines == sorted(lines)
    assert [line.split(":")[0] for line in lines] == ["../notes.markdown", "2025-01-02-dup.md"]


def test_unreadable_file_is_ln001_and_the_run_goes_on(site, capsys):
    (site / "gone.md").symlink_to(site / "nowhere.md")
    code, out, _ = run_cli(capsys, "check", "--color", "never")
    assert code == 1
    assert "gone.md:1:1: LN001 cannot read file: No such file or directory [unreadable-file]" in out
    assert out.splitlines()[-1] == "3 problems (3 errors, 0 warnings, 0 info) in 3 of 5 files"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_permission_denied_is_ln001(site, capsys):
    path = site / "locked.md"
    path.write_text(CLEAN)
    path.chmod(0)
    _, out, _ = run_cli(capsys, "check", "-q", "locked.md")
    assert out.startswith("locked.md:1:1: LN001 cannot read file: Permission denied")


def test_version(capsys):
    assert run_cli(capsys, "--version") == (0, f"mdvet {__version__}\n", "")


def test_rules_table_lists_every_rule(capsys):
    code, out, _ = run_cli(capsys, "rules")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["code", "name", "severity", "enabled", "summary"]
    assert lines[1].split()[:4] == ["FM002", "unterminated-front-matter", "error", "yes"]
    code, out, _ = run_cli(capsys, "rules", "--format", "json")
    assert {
        "code": "FM004",
        "name": "duplicate-key",
        "severity": "error",
        "enabled": True,
        "fixable": False,
        "summary": "a key appears twice in one mapping",
    } in json.loads(out)


def test_rule_page_by_code_or_name(capsys):
    by_code = run_cli(capsys, "rule", "FM004")
    by_name = run_cli(capsys, "rule", "duplicate-key")
    assert by_code == by_name
    assert by_code[1].startswith("# FM004 duplicate-key\n")
    assert "## Why is this bad?" in by_code[1]


def test_ctrl_c_exits_130(site, capsys, monkeypatch):
    import lint.runner

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(lint.runner, "check_paths", interrupted)
    code, _, err = run_cli(capsys, "check")
    assert code == 130
    assert "Traceback" not in err


def test_worker_processes_give_the_same_report(tmp_path):
    from lint.runner import check_paths
    from lint.settings import Settings

    for i in range(150):
        body = DUPLICATE if i % 3 == 0 else BROKEN if i % 3 == 1 else CLEAN
        (tmp_path / f"post-{i:03}.md").write_text(body)
    one = check_paths([str(tmp_path)], Settings(), jobs=1).report
    two = check_paths([str(tmp_path)], Settings(), jobs=2).report
    assert one == two
    codes = [d.code for d in one.diagnostics]
    # 50 FM004 and 50 FM003; the 100 files titled 'b' or 'Clean' repeat each other's titles
    assert (codes.count("FM004"), codes.count("FM003"), codes.count("ST001")) == (50, 50, 100)
    assert len(codes) == 200 and one.files_checked == 150
