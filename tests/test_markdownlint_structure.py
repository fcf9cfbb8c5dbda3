"""What the ML rules share: the one walk that reads lists, emphasis and tables (each read once
per document, whichever rule asks first), the body's lines split once, the order of a report,
and the rules whose search was narrowed (ML034, ML039) giving what they gave."""

import pytest

from lint.document import parse_document
from lint.model import DIAGNOSTIC_ORDER, Diagnostic, Severity
from lint.rules.markdownlint import source_lines, whitespace_lines
from lint.rules.markdownlint.emphasis import alone, emphases
from lint.rules.markdownlint.html import html_tags
from lint.rules.markdownlint.lists import lists
from lint.rules.markdownlint.no_space_in_links import label_end
from lint.rules.markdownlint.structure import structure
from lint.rules.markdownlint.tables import tables
from tests.helpers import check
from tests.test_rules_markdownlint import only


def _lists(source: str):
    return [
        (
            found.first_line,
            found.last_line,
            found.ordered,
            found.parents,
            found.inside,
            *(
                (item.line, item.column, item.marker, item.spaces, item.paragraphs)
                for item in found.items
            ),
        )
        for found in lists(parse_document(source, "post.md"))
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # a tight list's items hold no paragraph events
        ("- a\n- b\n", [(1, 2, False, (), (), (1, 1, "-", 1, 0), (2, 1, "-", 1, 0))]),
        ("1. a\n\n   b\n2.  c\n", [(1, 4, True, (), (), (1, 1, "1.", 1, 2), (4, 1, "2.", 2, 1))]),
        (
            "- a\n  1) b\n",
            [
                (1, 2, False, (), (), (1, 1, "-", 1, 0)),
                (2, 2, True, (False,), ("list",), (2, 3, "1)", 1, 0)),
            ],
        ),
        ("> - a\n", [(1, 1, False, (), ("blockquote",), (1, 3, "-", 1, 0))]),
        ("---\nt: x\n---\n* a\n", [(4, 4, False, (), (), (4, 1, "*", 1, 0))]),
        ("- a\r\n\r\n- b\r\n", [(1, 3, False, (), (), (1, 1, "-", 1, 1), (3, 1, "-", 1, 1))]),
        ("a paragraph\n", []),
        ("1.\n", []),  # no `. ` nor `-` mark: the body is not read for lists
    ],
)
def test_lists(source, expected):
    assert _lists(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("*a* and __b__\n", [(False, 0, 2, "*", None), (True, 8, 11, "_", None)]),
        ("**Tariffs**\n", [(True, 0, 9, "*", "Tariffs")]),
        ("*a* b\n", [(False, 0, 2, "*", None)]),  # more than the emphasis in its paragraph
        ("> *a*\n", [(False, 2, 4, "*", None)]),  # in a blockquote: never alone
        ("- *a*\n", [(False, 2, 4, "*", None)]),
        ("`*a*`\n", []),
        ("no markers\n", []),
    ],
)
def test_emphases(source, expected):
    doc = parse_document(source, "post.md")
    found = [(e.strong, e.opening, e.closing, e.marker, alone(e, doc.text)) for e in emphases(doc)]
    assert found == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "| a | b |\n| - | - |\n| 1 | 2 |\n",
            [(1, 3, (), ["| a | b |", "| - | - |", "| 1 | 2 |"])],
        ),
        ("> a | b\n> - | -\n", [(1, 2, ("blockquote",), ["a | b", "- | -"])]),
        ("- x\n\n  | a |\n  | - |\n", [(3, 4, ("list",), ["| a |", "| - |"])]),
        ("a | b\n", []),
    ],
)
def test_tables(source, expected):
    found = tables(parse_document(source, "post.md"))
    assert [(t.first_line, t.last_line, t.inside, [r.source for r in t.rows]) for t in found] == (
        expected
    )


def test_one_walk_for_every_rule():
    doc = parse_document("- a\n\n*b*\n\n| a |\n| - |\n", "post.md")
    shared = structure(doc)
    assert (lists(doc), emphases(doc), tables(doc)) == (
        shared.lists,
        shared.emphases,
        shared.tables,
    )
    assert structure(doc) is shared
    assert (len(shared.lists), len(shared.emphases), len(shared.tables)) == (1, 1, 1)


@pytest.mark.parametrize(
    "source",
    ["", "a\nb\n", "a\r\nb\r\n\r\n", "a\rb\r", "a\r\nb\nc\rd", "x", "\n\n", "a\x0cb\u2028c\n"],
)
def test_source_lines_are_the_line_index_lines(source):
    doc = parse_document(source, "post.md")
    expected = [doc.lines.line_text(n) for n in range(1, doc.lines.line_count + 1)]
    assert source_lines(doc) == expected


@pytest.mark.parametrize(
    "source",
    [
        "",
        "a\n\n \t\nb\n",
        "a\r\n\r\n  \r\nb",
        "a\r\rb\r",
        "\x0c\n\u2028\n\u00a0x\n",
        ">\n<!-- -->\n",
    ],
)
def test_whitespace_lines_are_the_lines_strip_empties(source):
    doc = parse_document(source, "post.md")
    texts = [doc.lines.line_text(n) for n in range(1, doc.lines.line_count + 1)]
    assert whitespace_lines(doc) == [n for n, line in enumerate(texts, 1) if not line.strip()]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a\n\n\n\nb\n", [("ML012", 3, 1), ("ML012", 4, 1)]),
        ("a\n\n \n\t\nb\n", [("ML012", 3, 1), ("ML012", 4, 1)]),
        ("a\n\n```\n\n\n```\n\nb\n", []),
        ("```\nx\n```\n\n\nb\n", [("ML012", 5, 1)]),
        ("---\nt: 1\n---\n\n\n\na\n", []),
        ("a\r\n\r\n\r\nb\r\n", [("ML012", 3, 1)]),
        ("a\n\n\n", [("ML012", 3, 1), ("ML012", 4, 1)]),
        ("a\n\n\x0c\nb\n", []),
        ("a\n\n\n\x0c\nb\n", [("ML012", 3, 1), ("ML012", 4, 1)]),
    ],
)
def test_multiple_blanks_from_the_whitespace_lines(source, expected):
    assert check(source, settings=only("ML012")) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a \nb  \nc   \n", [("ML009", 1, 2), ("ML009", 3, 2)]),
        ("a\t\r\nb \r\n", [("ML009", 1, 2), ("ML009", 2, 2)]),
        ("a\n\n   ", [("ML009", 3, 1)]),
        ("```\nx \n```\n", []),
        ("---\nt: 1 \n---\n \na\n", []),
    ],
)
def test_trailing_spaces_found_from_their_line_ends(source, expected):
    assert check(source, settings=only("ML009")) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a * b\nc * d\n", [("ML037", 1, 4), ("ML037", 2, 2)]),
        ("a * b\n\nc * d\n", []),
        ("a * b\n- c * d\n", []),
        ("# a * b\nc * d\n", []),
        ("> a * b\n> c * d\n", [("ML037", 1, 6), ("ML037", 2, 4)]),
        ("a * b\n```\nx\n```\nc * d\n", []),
        ("x\ny\na * b\nz\nc * d\n", [("ML037", 3, 4), ("ML037", 5, 2)]),
    ],
)
def test_space_in_emphasis_pairs_markers_of_one_block(source, expected):
    assert check(source, settings=only("ML037")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[a] b", 2),
        ("[a [b] c] d", 8),
        ("[a \\] b] c", 7),
        ("[a `]` b] c", 8),
        ("[a ``x]`` b] c", 11),
        ("[a b", None),
    ],
)
def test_label_end(text, expected):
    assert label_end(text, 1, len(text)) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("see https://a.example/x and www.b.example\n", [("ML034", 1, 5), ("ML034", 1, 29)]),
        ("mail a@b.example\n\n*x* https://c.example\n", [("ML034", 1, 6), ("ML034", 3, 5)]),
        ("[https://a.example](https://a.example)\n", []),
        ("`https://a.example`\n", []),
        ("no address here\n", []),
    ],
)
def test_bare_urls_found_from_their_marks(source, expected):
    assert check(source, settings=only("ML034")) == expected


def _diagnostic(path: str, line: int, column: int, code: str, message: str) -> Diagnostic:
    return Diagnostic(path, line, column, code, line, column, "name", Severity.WARNING, message)


def test_report_order_is_the_diagnostics_order():
    found = [
        _diagnostic("b.md", 1, 1, "ML013", "first"),
        _diagnostic("a.md", 2, 1, "ML009", "second"),
        _diagnostic("a.md", 10, 1, "ML009", "third"),
        _diagnostic("a.md", 2, 1, "ML004", "fourth"),
        _diagnostic("a.md", 2, 1, "ML009", "fifth"),  # equal to the second: kept after it
    ]
    by_key = sorted(found, key=DIAGNOSTIC_ORDER)
    assert [d.message for d in by_key] == ["fourth", "second", "fifth", "third", "first"]
    assert by_key == sorted(found)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # HTML blocks are read again only where the name is written; inline HTML is one tag
        ('<div>\n<img src="a.png">\n</div>\n\n<p>x</p>\n', [(2, 1, "img", False)]),
        ("<p>\n<IMG SRC=a.png>\n</IMG>\n</p>\n", [(2, 1, "IMG", False), (3, 1, "IMG", True)]),
        ("Text <img src=b.png> and <b>c</b>.\n", [(1, 6, "img", False)]),
        ("<div>\n`<img>` in code\n</div>\n", []),
        ("<div>\n<p>no image</p>\n</div>\n", []),
    ],
)
def test_html_tags_named(source, expected):
    doc = parse_document(source, "post.md")
    named = [
        (doc.lines.pos(t.offset).line, doc.lines.pos(t.offset).column, t.name, t.closing)
        for t in html_tags(doc, "img")
    ]
    # the same as the tags of that name among all of them, found the long way
    everything = html_tags(parse_document(source, "post.md"))
    assert [t for t in everything if t.name.lower() == "img"] == list(html_tags(doc, "img"))
    assert named == expected
