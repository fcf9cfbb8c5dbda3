"""Discovery: the files a walk finds, one per real file, with their absolute and real paths."""

import os

from lint.discover import Found, find_files


def test_links_are_walked_once_per_real_file(tmp_path, monkeypatch):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("a\n")
    (tmp_path / "b.md").symlink_to(tmp_path / "docs" / "a.md")  # a second name for a.md
    (tmp_path / "mirror").symlink_to(tmp_path / "docs")  # a second name for the folder
    (tmp_path / "c.md").symlink_to(tmp_path / "nowhere.md")  # dangling: still reported
    monkeypatch.chdir(tmp_path)
    real = os.path.realpath(tmp_path)
    here = os.getcwd()
    # a folder's files come before its subfolders': b.md is the name a.md is found by
    assert find_files(["."]) == [
        Found("b.md", f"{here}/b.md", f"{real}/docs/a.md"),
        Found("c.md", f"{here}/c.md", f"{real}/nowhere.md"),
    ]
    assert find_files(["./mirror//", "docs"]) == [
        Found("mirror/a.md", f"{here}/mirror/a.md", f"{real}/docs/a.md")
    ]


def test_ignore_specs_apply_relative_to_their_folder(tmp_path, monkeypatch):
    for rel in ("keep.md", "out/x.md", "sub/out/y.md", "sub/skip.md", "sub/deeper/skip.md"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x\n")
    (tmp_path / "sub" / ".gitignore").write_text("skip.md\n")
    monkeypatch.chdir(tmp_path / "sub")
    found = find_files([".."], exclude=("/out/",), root=tmp_path)
    assert [file.path for file in found] == ["../keep.md", "../sub/out/y.md"]


def test_negated_gitignore_patterns(tmp_path, monkeypatch):
    for name in ("drop.md", "keep.md", "notes/drop.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x\n")
    (tmp_path / ".gitignore").write_text("*.md\n!keep.md\n")
    monkeypatch.chdir(tmp_path)
    assert [file.path for file in find_files(["."])] == ["keep.md"]
