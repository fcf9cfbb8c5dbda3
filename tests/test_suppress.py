import pytest

from lint.settings import Settings
from tests.helpers import check

DUP = "title: a\ntitle: b\n"  # FM004 at the second title


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # front matter: end-of-line comment silences that line only
        ("---\ntitle: a\ntitle: b  # mdvet-disable-line FM004\n---\n", []),
        ("---\ntitle: a\ntitle: b  # mdvet-disable-line duplicate-key\n---\n", []),
        ("---\ntitle: a\ntitle: b  # mdvet-disable-line\n---\n", []),
        ("---\ntitle: a\ntitle: b  # mdvet-disable-line FM003\n---\n", [("FM004", 3, 1)]),
        ("---\ntitle: a  # mdvet-disable-line FM004\ntitle: b\n---\n", [("FM004", 3, 1)]),
        # front matter: a comment line for the whole block
        ("---\n# mdvet-disable FM004\ntitle: a\ntitle: b\n---\n", []),
        ("---\n# mdvet-disable FM005\ntitle: a\ntitle: b\n---\n", [("FM004", 4, 1)]),
        # body comments silence body lines
        ("---\n---\n<!-- mdvet-disable-file -->\n", []),
    ],
)
def test_front_matter_suppressions(source, expected):
    assert check(source) == expected


# A body rule is needed to see body suppressions: LN002 reports unused ones at their position.
LN002 = Settings(extend_select=("LN002",))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<!-- mdvet-disable-next-line FM004 -->\ntext\n", [("LN002", 1, 1)]),
        (
            "text <!-- mdvet-disable LK001 --> more\n\n<!-- mdvet-enable LK001 -->\n",
            [("LN002", 1, 6)],
        ),
        ("<!-- mdvet-disable-file -->\n", [("LN002", 1, 1)]),
        ("```\n<!-- mdvet-disable-file -->\n```\n", []),  # inside code: not a comment
        ("---\ntitle: a\ntitle: b\n---\n<!-- mdvet-disable-file FM004 -->\n", []),
        ("---\ntitle: a  # mdvet-disable-line\n---\n", [("LN002", 2, 11)]),
        ("---\ntitle: a\ntitle: b  # mdvet-disable-line FM004 FM005\n---\n", []),
    ],
)
def test_unused_suppressions_are_reported_when_asked(source, expected):
    assert check(source, settings=LN002) == expected


def test_unused_suppression_is_off_by_default():
    assert check("<!-- mdvet-disable-file -->\n") == []


def test_disable_enable_ranges_cover_their_lines():
    from lint.document import parse_document
    from lint.suppress import find_suppressions

    doc = parse_document(
        "a\n\n<!-- mdvet-disable LK001 HD001 -->\n\nb\n\n<!-- mdvet-enable LK001 -->\n\nc\n", "p.md"
    )
    ranges = sorted((s.label, s.first_line, s.last_line) for s in find_suppressions(doc))
    assert ranges == [("mdvet-disable HD001", 3, float("inf")), ("mdvet-disable LK001", 3, 7)]
    doc = parse_document("<!-- mdvet-disable -->\n\nx\n\n<!-- mdvet-enable -->\n", "p.md")
    assert [(s.codes, s.first_line, s.last_line) for s in find_suppressions(doc)] == [(None, 1, 5)]
    doc = parse_document("<!-- mdvet-disable-next-line\nLK001 -->\nx\n", "p.md")
    assert [(s.codes, s.first_line) for s in find_suppressions(doc)] == [(frozenset({"LK001"}), 3)]


def test_suppressed_problems_do_not_count_in_the_exit_code(tmp_path, monkeypatch, capsys):
    from lint.cli import main

    (tmp_path / "p.md").write_text("---\ntitle: a\ntitle: b  # mdvet-disable-line FM004\n---\n")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "p.md"]) == 0
    assert capsys.readouterr().out == "no problems in 1 file\n"
