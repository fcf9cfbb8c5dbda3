"""`mdvet check --fix` on files: only the fixed spans change, byte for byte."""

import os
import stat

import pytest

from tests.helpers import run_cli

POST = (
    "---\n"
    "layout: post\n"
    "tags: [Trade, Japan, ‘Quoted’ Tag, Tariffs, trade, Yen, japan]\n"
    "categories: [Economy]   # kept as is\n"
    "date: 2025-05-02 3:58 PM\n"
    "title: 'Single-quoted title'\n"
    "---\n"
    "\n"
    "[Story](https://example.com/a?gclid=feed&id=7&fbclid=x) and more.\n"
    "No final newline"
)
FIXED = (
    "---\n"
    "layout: post\n"
    "tags: [Trade, Japan, ‘Quoted’ Tag, Tariffs, Yen]\n"
    "categories: [Economy]   # kept as is\n"
    "date: 2025-05-02 15:58\n"
    "title: 'Single-quoted title'\n"
    "---\n"
    "\n"
    "[Story](https://example.com/a?id=7) and more.\n"
    "No final newline"
)


@pytest.mark.parametrize(
    ("newline", "bom"),
    [("\n", b""), ("\r\n", b""), ("\r", b""), ("\r\n", b"\xef\xbb\xbf")],
    ids=["LF", "CRLF", "CR", "CRLF+BOM"],
)
def test_fix_changes_only_the_fixed_spans(tmp_path, monkeypatch, capsys, newline, bom):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "post.md"
    path.write_bytes(bom + POST.replace("\n", newline).encode())
    path.chmod(0o640)
    code, out, _ = run_cli(capsys, "check", "--fix", "--no-cache", "--color", "never", "post.md")
    assert out.startswith("fixed 4 problems in 1 file\n")
    assert path.read_bytes() == bom + FIXED.replace("\n", newline).encode()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["post.md"]
    # a second --fix changes nothing and writes nothing
    before = path.stat().st_mtime_ns
    code, out, _ = run_cli(capsys, "check", "--fix", "--no-cache", "post.md")
    assert code == 0 and "fixed" not in out
    assert path.stat().st_mtime_ns == before
    assert path.read_bytes() == bom + FIXED.replace("\n", newline).encode()


def test_diff_shows_the_change_and_writes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "post.md").write_text(POST)
    code, out, _ = run_cli(capsys, "check", "--diff", "post.md")
    assert code == 1
    assert (tmp_path / "post.md").read_text() == POST
    assert out.splitlines()[:2] == ["--- a/post.md", "+++ b/post.md"]
    assert "-date: 2025-05-02 3:58 PM" in out.splitlines()
    assert "+date: 2025-05-02 15:58" in out.splitlines()
    (tmp_path / "post.md").write_text(FIXED)
    assert run_cli(capsys, "check", "--diff", "post.md") == (0, "", "")


def test_fix_on_standard_input_writes_the_fixed_text(tmp_path, monkeypatch, capsys):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(POST.encode())))
    code, out, err = run_cli(capsys, "check", "-", "--fix", "--stdin-filename", "post.md")
    assert code == 0  # every problem was fixed
    assert out == FIXED
    assert err.startswith("fixed 4 problems in 1 file\n")


def test_fix_on_the_reference_post(shared, tmp_path, monkeypatch, capsys):
    original = (shared / "seed" / "2025-05-02-japan-treasuries.md").read_bytes()
    path = tmp_path / "post.md"
    path.write_bytes(original)
    monkeypatch.chdir(tmp_path)
    run_cli(capsys, "check", "--fix", "--no-cache", "post.md")
    before, after = original.decode().split("\n"), path.read_bytes().decode().split("\n")
    assert len(before) == len(after)
    changed = [i + 1 for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed == [3, 5, 14]
    old_tags = before[2][len("tags: [") : -1].split(", ")
    new_tags = after[2][len("tags: [") : -1].split(", ")
    assert (len(old_tags), len(new_tags)) == (72, 70)
    # the repeats go, the first spellings and the order of the rest stay
    assert new_tags == [t for i, t in enumerate(old_tags) if t not in old_tags[:i]]
    assert after[4] == "date: 2025-05-02 15:58"
    assert after[13] == before[13].replace(
        "ocid=emmx-mmx-feeds&cvid=dc580c044ff242d7a9c03c65832866ca&", ""
    )
