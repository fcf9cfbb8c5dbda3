import pytest

from lint.settings import Settings
from tests.helpers import SETTINGS, check

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


# --- comments that silence one problem and leave the page as it was --------------------------

TRACKED = "[a](https://example.com/?utm_source=x)"  # LK004 at its `utm_source`
BODY_LN002 = Settings(extend_select=("LN002",))


def apply_edits(text: str, edits) -> str:
    from lint.source import LineIndex

    lines = LineIndex(text)
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: lines.offset(edit.start)] + edit.text + text[lines.offset(edit.end) :]
    return text


def rendered(text: str) -> str:
    """The body's HTML as pyromark renders it, with the options mdvet parses with."""
    import pyromark

    from lint.document import parse_document
    from lint.markdown import OPTIONS

    return pyromark.html(text[parse_document(text, "p.md").body_start :], options=OPTIONS)


def rendered_without(text: str, edits) -> str:
    """The HTML of `text` without the lines that are exactly one of the comments `edits`
    wrote (pyromark writes an HTML block as it is)."""
    comments = {edit.text.strip() for edit in edits}
    lines = rendered(text).splitlines(keepends=True)
    return "".join(line for line in lines if line.strip() not in comments)


@pytest.mark.parametrize(
    ("source", "code", "scope", "edited"),
    [
        # a paragraph's middle line: the pair goes around the whole paragraph
        (
            f"# T\n\nOne\ntwo {TRACKED}\nthree.\n\nAfter.\n",
            "LK004",
            "block",
            "# T\n\n<!-- mdvet-disable LK004 -->\nOne\ntwo "
            f"{TRACKED}\nthree.\n<!-- mdvet-enable LK004 -->\n\nAfter.\n",
        ),
        # the second item of a tight list, a lazy line after it, then a paragraph
        (
            f"- a\n- {TRACKED}\nlazy\nPara\n\n# End\n",
            "LK004",
            "block",
            f"<!-- mdvet-disable LK004 -->\n- a\n- {TRACKED}\nlazy\nPara\n"
            "<!-- mdvet-enable LK004 -->\n\n# End\n",
        ),
        # a table's row, a quote's second line, a setext heading
        (
            f"| a | b |\n|---|---|\n| {TRACKED} | 2 |\n\nText\n",
            "LK004",
            "block",
            f"<!-- mdvet-disable LK004 -->\n| a | b |\n|---|---|\n| {TRACKED} | 2 |\n"
            "<!-- mdvet-enable LK004 -->\n\nText\n",
        ),
        (
            f"> a\n> {TRACKED}\n\nText\n",
            "LK004",
            "block",
            f"<!-- mdvet-disable LK004 -->\n> a\n> {TRACKED}\n<!-- mdvet-enable LK004 -->\n\nText\n",
        ),
        (
            f"Text\n\n{TRACKED}\n===\n\nText\n",
            "LK004",
            "block",
            f"Text\n\n<!-- mdvet-disable LK004 -->\n{TRACKED}\n===\n<!-- mdvet-enable LK004 -->\n"
            "\nText\n",
        ),
        # the last block: nothing after it to enable again (a fence left open would hold it)
        (
            f"Text\n\n* a\n\n  {TRACKED}\n",
            "LK004",
            "block",
            f"Text\n\n<!-- mdvet-disable LK004 -->\n* a\n\n  {TRACKED}\n",
        ),
        # a heading interrupting a paragraph, with CRLF line breaks
        (
            "Text\r\n# T\r\n### C\r\nText\r\n",
            "HD001",
            "block",
            "Text\r\n# T\r\n<!-- mdvet-disable HD001 -->\r\n### C\r\n<!-- mdvet-enable HD001 -->"
            "\r\nText\r\n",
        ),
        # front matter: the end of a YAML or TOML line; a fence line: the whole block; JSON: the file
        (
            "---\ntags: [a, a]\n---\nText\n",
            "FM105",
            "line",
            "---\ntags: [a, a]  # mdvet-disable-line FM105\n---\nText\n",
        ),
        (
            "+++\nx = 1\nx = 2\n+++\nText\n",
            "FM003",
            "line",
            "+++\nx = 1\nx = 2  # mdvet-disable-line FM003\n+++\nText\n",
        ),
        (
            "---\nx: [\n---\nText\n",
            "FM003",
            "front matter",
            "---\n# mdvet-disable FM003\nx: [\n---\nText\n",
        ),
        (
            '{\n"a": 1,\n"a": 2\n}\nText\n',
            "FM004",
            "file",
            '{\n"a": 1,\n"a": 2\n}\n<!-- mdvet-disable-file FM004 -->\nText\n',
        ),
        (
            '{\n"a": 1,\n"a": 2\n}',
            "FM004",
            "file",
            '{\n"a": 1,\n"a": 2\n}\n<!-- mdvet-disable-file FM004 -->\n',
        ),
    ],
)
def test_disable_comments_silence_the_problem_and_leave_the_html_as_it_was(
    source, code, scope, edited
):
    from lint.document import parse_document
    from lint.engine import check_text
    from lint.suppress import disable_edits

    [problem] = [d for d in check_text(source, "p.md", SETTINGS) if d.code == code]
    found = disable_edits(parse_document(source, "p.md"), code, problem.line)
    assert found is not None
    assert (found[0], apply_edits(source, found[1])) == (scope, edited)
    # silenced, and used: LN002 has nothing to report
    assert [
        d.code for d in check_text(edited, "p.md", BODY_LN002) if d.code in (code, "LN002")
    ] == []
    # the HTML gains the comment lines and nothing else
    assert rendered_without(edited, found[1]) == rendered(source)


def test_the_old_comment_above_the_line_split_the_paragraph():
    """Why the pair: a comment line inside a paragraph ends it."""
    source = f"One\ntwo {TRACKED}\n"
    above = f"One\n<!-- mdvet-disable-next-line LK004 -->\ntwo {TRACKED}\n"
    assert rendered(source).count("<p>") == 1
    assert rendered(above).count("<p>") == 2


def test_no_comment_can_silence_a_front_matter_that_never_closes():
    from lint.document import parse_document
    from lint.suppress import disable_edits

    assert disable_edits(parse_document("---\ntitle: a\n", "p.md"), "FM002", 1) is None


def test_disable_comments_leave_the_html_of_real_pages_as_it_was(shared):
    """Every top-level block of some real pages, silenced in turn."""
    from lint.document import parse_document
    from lint.markdown import top_level_blocks
    from lint.suppress import disable_edits

    pages = sorted((shared / "corpora" / "jekyll-docs").rglob("*.md"))[:12]
    checked = 0
    for page in pages:
        source = page.read_text(encoding="utf-8")
        doc = parse_document(source, str(page))
        before = rendered(source)
        for first, last in top_level_blocks(doc.lines, doc.body_start):
            _, edits = disable_edits(doc, "LK004", last)
            assert rendered_without(apply_edits(source, edits), edits) == before, (page, first)
            checked += 1
    assert checked > 100


def test_a_line_of_no_block_is_silenced_by_the_comment_above_it():
    from lint.document import parse_document
    from lint.suppress import disable_edits, find_suppressions

    source = "One\n\n\nTwo\n"
    scope, edits = disable_edits(parse_document(source, "p.md"), "HD001", 3)
    edited = apply_edits(source, edits)
    assert (scope, edited) == ("line", "One\n\n<!-- mdvet-disable-next-line HD001 -->\n\nTwo\n")
    [found] = find_suppressions(parse_document(edited, "p.md"))
    assert (found.first_line, found.last_line) == (4, 4)  # the blank line, moved down one
    assert rendered(edited) == rendered(source).replace("\n<p>Two", "\n" + edits[0].text + "<p>Two")
