"""The CI gate: only changed files, and only new problems."""

import json
import os
import subprocess

import pytest

from lint.vcs import changed_since
from tests.helpers import run_cli

DUP = "---\ntitle: a\ntitle: b\n---\n"
LIST = "---\n- a\n---\n"


def git(*args):
    subprocess.run(["git", *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    git("init", "-q", "-b", "main")
    git("config", "user.email", "t@example.invalid")
    git("config", "user.name", "t")
    (tmp_path / "old.md").write_text(DUP)
    (tmp_path / "kept.md").write_text(DUP)
    git("add", ".")
    git("commit", "-qm", "first")
    return tmp_path


def test_changed_since_checks_changed_and_untracked_files_only(repo, capsys):
    (repo / "old.md").write_text(DUP + "\nchanged\n")
    (repo / "new.md").write_text(LIST)
    (repo / ".gitignore").write_text("ignored.md\n")
    (repo / "ignored.md").write_text(DUP)
    code, out, _ = run_cli(capsys, "check", "-q", "--ignore", "ST", "--changed-since", "HEAD")
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines()] == ["new.md", "old.md"]
    git("add", ".")
    git("commit", "-qm", "second")
    assert run_cli(capsys, "check", "--changed-since", "HEAD") == (
        0,
        "no problems in 0 files\n",
        "",
    )
    code, out, _ = run_cli(capsys, "check", "-q", "--ignore", "ST", "--changed-since", "HEAD~1")
    assert [line.split(":")[0] for line in out.splitlines()] == ["new.md", "old.md"]


def test_changed_since_bad_ref_exits_2(repo, capsys):
    code, out, err = run_cli(capsys, "check", "--changed-since", "no-such-ref")
    assert code == 2 and out == ""
    assert "--changed-since no-such-ref:" in err


def test_baseline_reports_only_new_problems_even_when_lines_move(repo, capsys):
    assert run_cli(capsys, "baseline", "mdvet-baseline.json")[0] == 0
    recorded = json.loads((repo / "mdvet-baseline.json").read_text())
    assert [(p["path"], p["code"], p["count"]) for p in recorded["problems"]] == [
        ("kept.md", "FM004", 1),
        ("kept.md", "ST001", 1),  # both titled 'b'
        ("old.md", "FM004", 1),
        ("old.md", "ST001", 1),
    ]
    assert run_cli(capsys, "check", "--baseline", "mdvet-baseline.json") == (
        0,
        "no problems in 2 files\n",
        "",
    )
    # lines above the problem move: still the same problem
    (repo / "kept.md").write_text("---\n# moved\n\ntitle: a\ntitle: b\n---\n")
    assert run_cli(capsys, "check", "--baseline", "mdvet-baseline.json")[0] == 0
    # a new problem, and a second copy of a known one, are reported
    (repo / "new.md").write_text(LIST)
    (repo / "old.md").write_text("---\ntitle: a\ntitle: b\nx: 1\nx: 2\n---\n")
    code, out, _ = run_cli(capsys, "check", "-q", "--baseline", "mdvet-baseline.json")
    assert code == 1
    assert [line.split(": ")[0:2] for line in out.splitlines()] == [
        [
            "new.md:2:1",
            "FM005 front matter is a list; expected a mapping of keys to values [front-matter-not-mapping]",
        ],
        [
            "old.md:5:1",
            "FM004 key 'x' appears again (first at line 4); only the last value is kept [duplicate-key]",
        ],
    ]


def test_broken_baseline_exits_2(repo, capsys):
    (repo / "b.json").write_text("{not json")
    code, _, err = run_cli(capsys, "check", "--baseline", "b.json")
    assert code == 2 and "b.json: cannot read the baseline" in err


def test_changed_since_site_rules_read_the_whole_site_but_report_changed_files(repo, capsys):
    (repo / "_config.yml").write_text("title: Blog\n")
    (repo / "_posts").mkdir()
    (repo / "_posts" / "2025-01-01-a.md").write_text("---\ntitle: Same\n---\n")
    (repo / "_posts" / "2025-01-02-b.md").write_text("---\ntitle: Other\n---\n")
    git("add", ".")
    git("commit", "-qm", "site")
    (repo / "_posts" / "2025-01-02-b.md").write_text("---\ntitle: Same\n---\n")
    code, out, _ = run_cli(capsys, "check", "-q", "--select", "ST", "--changed-since", "HEAD")
    assert code == 1
    assert [line.split(": ")[0] for line in out.splitlines()] == ["_posts/2025-01-02-b.md:2:8"]
    assert "also the title of _posts/2025-01-01-a.md" in out


PAGES = {
    "a.md": "---\ntitle: A\n---\n\nSee [b](b.md) and [the other](other/c.md).\n",
    "b.md": "---\ntitle: B\n---\n",
    "other/c.md": "---\ntitle: C\n---\n\nBack to [b](../b.md).\n",
    "d.md": "---\ntitle: D\n---\n\nNo links.\n",
}


@pytest.fixture
def linked(repo):
    git("rm", "-q", "old.md", "kept.md")
    for name, text in PAGES.items():
        (repo / name).parent.mkdir(exist_ok=True)
        (repo / name).write_text(text)
    git("add", ".")
    git("commit", "-qm", "pages")
    return repo


def change(repo, how):
    if how == "git mv":
        git("mv", "b.md", "moved.md")
    elif how == "mv, uncommitted":
        (repo / "b.md").rename(repo / "moved.md")
    elif how == "git rm":
        git("rm", "-q", "b.md")
    elif how == "rm, committed":
        (repo / "b.md").unlink()
        git("commit", "-qam", "gone")
    elif how == "folder removed":
        git("rm", "-q", "-r", "other")


@pytest.mark.parametrize(
    ("how", "ref", "expected"),
    [
        ("nothing", "HEAD", []),
        ("git mv", "HEAD", ["a.md:5:5", "other/c.md:5:9"]),
        ("mv, uncommitted", "HEAD", ["a.md:5:5", "other/c.md:5:9"]),
        ("git rm", "HEAD", ["a.md:5:5", "other/c.md:5:9"]),
        ("rm, committed", "HEAD~1", ["a.md:5:5", "other/c.md:5:9"]),
        ("rm, committed", "HEAD", []),  # nothing removed since HEAD
        ("folder removed", "HEAD", ["a.md:5:19"]),
    ],
)
def test_changed_since_reports_links_to_removed_pages_in_unchanged_files(
    linked, capsys, how, ref, expected
):
    change(linked, how)
    code, out, _ = run_cli(capsys, "check", "-q", "--changed-since", ref)
    found = [line.split(": ")[0] for line in out.splitlines()]
    assert found == expected
    assert all(" ST005 link to " in line for line in out.splitlines())
    assert code == (1 if expected else 0)


def test_changed_since_removed_pages_widen_only_the_paths_checked(linked, capsys):
    git("rm", "-q", "b.md")
    code, out, _ = run_cli(capsys, "check", "-q", "--changed-since", "HEAD", "other")
    assert (code, [line.split(": ")[0] for line in out.splitlines()]) == (1, ["other/c.md:5:9"])
    assert run_cli(capsys, "check", "--changed-since", "HEAD", "d.md") == (
        0,
        "no problems in 0 files\n",
        "",
    )


def test_changed_since_counts_the_linking_files_as_checked(linked, capsys):
    git("mv", "b.md", "moved.md")
    code, out, _ = run_cli(capsys, "check", "--changed-since", "HEAD")
    assert code == 1
    assert out.splitlines()[-1] == "2 problems (2 errors, 0 warnings, 0 info) in 2 of 3 files"


def test_changed_since_finds_a_link_by_url_to_a_renamed_post(repo, capsys):
    (repo / "_config.yml").write_text("title: Blog\n")
    (repo / "_posts").mkdir()
    (repo / "_posts" / "2025-01-02-a.md").write_text(
        "---\ntitle: A\n---\n\nSee [later](/2025/02/03/b.html).\n"
    )
    (repo / "_posts" / "2025-02-03-b.md").write_text("---\ntitle: B\n---\n")
    git("add", ".")
    git("commit", "-qm", "posts")
    assert run_cli(capsys, "check", "-q", "--changed-since", "HEAD")[0] == 0
    git("mv", "_posts/2025-02-03-b.md", "_posts/2025-02-04-b.md")
    code, out, _ = run_cli(capsys, "check", "-q", "--changed-since", "HEAD")
    assert code == 1
    assert out == (
        "_posts/2025-01-02-a.md:5:5: ST005 link to '/2025/02/03/b.html' leads to no page or "
        "file of the site [broken-internal-link]\n"
    )


def test_changed_since_names_changed_and_removed_files_with_their_old_content(repo):
    (repo / "a b, é.md").write_text("before\n")
    (repo / "gone.md").write_text("gone\n")
    git("add", ".")
    git("commit", "-qm", "more")
    git("mv", "a b, é.md", "c: d.md")
    (repo / "gone.md").unlink()
    (repo / "kept.md").write_text("changed\n")
    (repo / "new.md").write_text("new\n")
    changes = changed_since("HEAD", repo)
    real = os.path.realpath(repo)
    assert changes.changed == {os.path.join(real, n) for n in ("c: d.md", "kept.md", "new.md")}
    assert changes.removed == {
        os.path.join(real, "a b, é.md"): b"before\n",
        os.path.join(real, "gone.md"): b"gone\n",
    }
