import pytest

from lint.model import Pos
from lint.runner import check_data
from lint.settings import Settings
from lint.source import LineIndex, UndecodableError, decode
from tests.helpers import SETTINGS, codes_and_positions


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xef\xbb\xbf---\ntitle: x\ntitle: y\n---\n", [("FM004", 3, 1)]),  # BOM
        (b"---\r\ntitle: x\r\ntitle: y\r\n---\r\n", [("FM004", 3, 1)]),  # CRLF
        (b"---\rtitle: x\rtitle: y\r---\r", [("FM004", 3, 1)]),  # lone CR
        (b"caf\xe9\n", [("LN001", 1, 1)]),  # Latin-1, not UTF-8
        (b"ab\x00cd", [("LN001", 1, 1)]),  # NUL byte
        (b"\xff\xfe-\x00-\x00-\x00", [("LN001", 1, 1)]),  # UTF-16 with BOM
        (b"", []),
        (b"---\n", [("FM002", 1, 1)]),
    ],
)
def test_bytes_become_diagnostics(data, expected):
    assert codes_and_positions(check_data(data, "post.md", SETTINGS).diagnostics) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"caf\xe9\n", "file is not valid UTF-8: byte 0xe9 at offset 3"),
        (b"ab\x00cd", "file contains a NUL byte at offset 2; it looks binary"),
        (b"\xff\xfeh\x00i\x00", "file is UTF-16 encoded; mdvet reads UTF-8 only"),
    ],
)
def test_undecodable_messages(data, message):
    with pytest.raises(UndecodableError, match=message):
        decode(data)


def test_bom_is_stripped_and_remembered():
    assert decode(b"\xef\xbb\xbfhi") == ("hi", True)
    assert decode(b"hi") == ("hi", False)


def test_line_index_counts_characters_and_all_line_breaks():
    lines = LineIndex("ab\r\ncü\rd\nß€x")
    assert lines.pos(5) == Pos(2, 2)
    assert lines.byte_pos(len("ab\r\ncü\rd\nß€".encode())) == Pos(4, 3)
    assert lines.line_text(2) == "cü"
    assert lines.offset(Pos(4, 3)) == 11


def test_unreadable_file_can_be_ignored():
    assert check_data(b"\xff\n", "x.md", Settings(ignore=("LN001",))).diagnostics == []
