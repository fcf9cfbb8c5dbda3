import pytest

from lint.document import parse_document
from lint.model import Pos, Span
from tests.helpers import check


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # no front matter is fine; an empty block is a page without a title
        ("# Title\n\ntext\n", []),
        ("---\n---\nbody\n", [("FM101", 1, 1)]),
        ("---\ntitle: x\n...\nbody\n", []),
        # unterminated block: at the opening fence
        ("---\ntitle: x\nbody\n", [("FM002", 1, 1)]),
        ("+++\ntitle = 'x'\n", [("FM002", 1, 1)]),
        ('{\n  "title": "x"\n', [("FM002", 1, 1)]),
        # a YAML error deep inside the block: the file's line and column
        ("---\na: 1\nb: 2\nc: 3\nd: [1, 2\ne: 5\n---\n", [("FM003", 6, 2)]),
        ("---\ntitle: x\nlist:\n  - a\n  b: c\n---\n", [("FM003", 5, 3)]),
        ("---\ntitle: x\n  sub: y\n---\n", [("FM003", 3, 6)]),
        ("---\ntitle: x\n\tbad: tab\n---\n", [("FM003", 3, 1)]),
        # unsafe tags are errors, never executed
        ("---\na: !!python/object/apply:os.system ['echo hi']\n---\n", [("FM003", 2, 4)]),
        ("---\na: !!python/object:collections.OrderedDict {}\n---\n", [("FM003", 2, 4)]),
        # a repeated key: at the second occurrence
        ("---\ntitle: a\ndate: 2025-01-01\ntitle: b\n---\n", [("FM004", 4, 1)]),
        ("---\ntitle: x\nauthor:\n  name: a\n  name: b\n---\n", [("FM004", 5, 3)]),
        ("---\ntitle: x\ntags: [a]\nTags: [b]\n---\n", []),
        # not a mapping
        ("---\n- a\n- b\n---\n", [("FM005", 2, 1)]),
        ("---\njust a sentence\n---\n", [("FM005", 2, 1)]),
        # TOML
        ("+++\ntitle = 'x'\ntags = ['a']\n+++\nbody\n", []),
        ("+++\ntitle = 'x'\ndate = \n+++\n", [("FM003", 3, 8)]),
        ("+++\ntitle = 'a'\ntitle = 'b'\n+++\n", [("FM003", 3, 12)]),
        # JSON
        ('{\n  "title": "x",\n  "tags": ["a"]\n}\nbody\n', []),
        ('{\n  "title": "x",\n}\n', [("FM003", 3, 1)]),
        ('{\n  "title": "x",\n  "title": "y"\n}\n', [("FM004", 3, 3)]),
    ],
)
def test_front_matter_structure(source, expected):
    assert check(source) == expected


def test_duplicate_key_message_names_first_line():
    from lint.engine import check_text
    from lint.settings import Settings

    [d] = check_text("---\ntitle: a\nx: 1\ntitle: b\n---\n", "p.md", Settings())
    assert d.message == "key 'title' appears again (first at line 2); only the last value is kept"
    assert (d.end_line, d.end_column) == (4, 6)


def test_yaml_error_message_is_specific():
    from lint.engine import check_text
    from lint.settings import Settings

    [d] = check_text("---\na: !!python/object/apply:os.system ['x']\n---\n", "p.md", Settings())
    assert "unsafe or unknown tag '!!python/object/apply:os.system'" in d.message


def test_positions_index_flow_and_block_lists():
    doc = parse_document(
        "---\ntags: [ab, ü, cd]\nlist:\n  - one\n  - two\nmeta: {k: v}\n---\n", "p.md"
    )
    fm = doc.front_matter
    assert fm.data == {"tags": ["ab", "ü", "cd"], "list": ["one", "two"], "meta": {"k": "v"}}
    assert fm.values[("tags", 2)] == Span(Pos(2, 15), Pos(2, 17))
    assert fm.values[("list", 1)] == Span(Pos(5, 5), Pos(5, 8))
    assert fm.values[("meta", "k")] == Span(Pos(6, 11), Pos(6, 12))
    assert fm.keys[("meta",)] == Span(Pos(6, 1), Pos(6, 5))
    # an unknown path falls back to its nearest located parent, then the fence
    assert fm.locate(("tags", 7)) == fm.values[("tags",)]
    assert fm.locate(("nope",)) == Span(Pos(1, 1), Pos(1, 4))


def test_toml_and_json_positions():
    toml = parse_document("+++\ntitle = 'x'\n[params]\ncolor = 'red'\n+++\n", "p.md").front_matter
    assert toml.data == {"title": "x", "params": {"color": "red"}}
    assert toml.values[("title",)].start == Pos(2, 9)
    assert toml.keys[("params", "color")].start == Pos(4, 1)
    js = parse_document('{\n  "title": "x",\n  "tags": ["a", "b"]\n}\n', "p.md").front_matter
    assert js.values[("tags", 1)].start == Pos(3, 17)


def test_alias_bomb_is_refused_quickly():
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    doc = parse_document("---\n" + "\n".join(levels) + "\n---\n", "p.md")
    [(code, problem)] = doc.problems
    assert code == "FM003"
    assert "aliases" in problem.message
    assert doc.data == {}


def test_body_starts_after_the_closing_fence():
    doc = parse_document("---\ntitle: x\n---\n# Heading\n", "p.md")
    assert doc.text[doc.body_start :] == "# Heading\n"
    assert doc.headings[0].start == Pos(4, 1)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('{"title": "one line"}\nbody\n', []),
        ("{% include header.html %}\nbody\n", []),
        ("{{ page.title }}\n", []),
        ('{ "title": "x",\n  "tags": ["a"]\n}\n', []),
        ('{\n  "title": "x"\n', [("FM002", 1, 1)]),
    ],
)
def test_json_front_matter_is_not_a_template_tag(source, expected):
    assert check(source) == expected


TOML_INDEXED = (
    "+++\n"
    "title = 'x'\n"
    'tags = ["a", \'b\',  "c\\"d"]\n'
    "a.b = { c = 1, d = [1, [2, 3]] }\n"
    "arr = [\n"
    '  "p", # comment\n'
    '  "q",\n'
    "]\n"
    "[[products]]\n"
    'name = "x"\n'
    "[[products]]\n"
    "[products.sub]\n"
    "k = 1\n"
    "+++\n"
)


@pytest.mark.parametrize(
    ("path", "start", "end"),
    [
        (("title",), (2, 9), (2, 12)),
        (("tags", 0), (3, 9), (3, 12)),
        (("tags", 1), (3, 14), (3, 17)),
        (("tags", 2), (3, 20), (3, 26)),
        (("tags",), (3, 8), (3, 27)),
        (("a", "b", "c"), (4, 13), (4, 14)),
        (("a", "b", "d", 1, 1), (4, 28), (4, 29)),
        (("arr", 1), (7, 3), (7, 6)),
        (("arr",), (5, 7), (8, 2)),
        (("products", 0, "name"), (10, 8), (10, 11)),
        (("products", 1, "sub", "k"), (13, 5), (13, 6)),
    ],
)
def test_toml_items_have_their_own_spans(path, start, end):
    fm = parse_document(TOML_INDEXED, "p.md").front_matter
    assert fm.data["products"] == [{"name": "x"}, {"sub": {"k": 1}}]
    assert fm.values[path] == Span(Pos(*start), Pos(*end))
