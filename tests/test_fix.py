import os
import stat

import pytest

from lint.fix import apply_fixes
from lint.model import Diagnostic, Edit, Fix, Pos, Severity
from lint.runner import write_atomic


def diag(line, column, *edits, safe=True):
    fix = Fix("test fix", tuple(Edit(Pos(*a), Pos(*b), text) for a, b, text in edits), safe)
    return Diagnostic("p.md", line, column, "ZZ001", line, column, "test", Severity.ERROR, "m", fix)


@pytest.mark.parametrize(
    ("text", "diagnostics", "expected", "applied"),
    [
        ("abc\n", [diag(1, 2, ((1, 2), (1, 3), "X"))], "aXc\n", 1),
        # bottom-up: positions refer to the original text
        (
            "ab\ncd\n",
            [diag(1, 1, ((1, 1), (1, 2), "AAA")), diag(2, 1, ((2, 2), (2, 3), ""))],
            "AAAb\nc\n",
            2,
        ),
        # an overlapping fix is left for the next pass
        ("abcdef", [diag(1, 1, ((1, 1), (1, 4), "")), diag(1, 3, ((1, 3), (1, 6), ""))], "def", 1),
        # two insertions at one point clash
        ("ab", [diag(1, 2, ((1, 2), (1, 2), "1")), diag(1, 2, ((1, 2), (1, 2), "2"))], "a1b", 1),
        # adjacent edits do not clash
        ("abcd", [diag(1, 1, ((1, 1), (1, 3), "")), diag(1, 3, ((1, 3), (1, 5), "Z"))], "Z", 2),
        # a fix is taken whole: one clashing edit drops all of its edits
        (
            "abcdef",
            [
                diag(1, 1, ((1, 1), (1, 2), "")),
                diag(1, 1, ((1, 6), (1, 7), "!"), ((1, 1), (1, 2), "?")),
            ],
            "bcdef",
            1,
        ),
        # unsafe fixes only on request
        ("abc", [diag(1, 1, ((1, 1), (1, 2), "Z"), safe=False)], "abc", 0),
        # CRLF and lone CR: line endings outside the edits are kept
        ("a\r\nbb\rc", [diag(2, 1, ((2, 1), (2, 3), "B"))], "a\r\nB\rc", 1),
        # columns count characters
        ("東京 x", [diag(1, 4, ((1, 4), (1, 5), "y"))], "東京 y", 1),
    ],
)
def test_apply_fixes(text, diagnostics, expected, applied):
    assert apply_fixes(text, diagnostics) == (expected, applied)


def test_unsafe_fixes_apply_when_allowed():
    assert apply_fixes("abc", [diag(1, 1, ((1, 1), (1, 2), "Z"), safe=False)], unsafe=True) == (
        "Zbc",
        1,
    )


def test_write_atomic_keeps_permissions_and_leaves_no_temporary(tmp_path):
    path = tmp_path / "post.md"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomic(path, b"new\r\n")
    assert path.read_bytes() == b"new\r\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["post.md"]


def test_write_atomic_through_a_symlink_writes_the_target(tmp_path):
    target = tmp_path / "real.md"
    target.write_bytes(b"old")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    write_atomic(link, b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"


def test_interrupted_write_leaves_the_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "post.md"
    path.write_bytes(b"original")

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(path, b"half")
    assert path.read_bytes() == b"original"
    assert os.listdir(tmp_path) == ["post.md"]
