"""Front-matter schemas: every FM1xx code at its exact line and column, from every source."""

from __future__ import annotations

import pytest

from lint.engine import check_text
from lint.settings import SchemaEntry, Settings
from lint.source import LineIndex
from tests.helpers import ROOT, check

FIXTURES = ROOT / "tests" / "schema_fixtures"


def using(schema: str, **extra) -> Settings:
    return Settings(
        select=("FM",),
        schemas=(SchemaEntry(paths=("**",), schema=schema),),
        root=FIXTURES,
        **extra,
    )


YAML_SCHEMA = using("post.yaml")
JSON_SCHEMA = using("post.json")
MODEL = using("site_models:Post")
DEFAULT = Settings(select=("FM",))


def apply(source: str, fix) -> str:
    """The source with a fix's edits applied, bottom-up."""
    lines = LineIndex(source)

    def offset(pos):
        return lines.starts[pos.line - 1] + pos.column - 1

    for edit in sorted(fix.edits, key=lambda e: e.start, reverse=True):
        source = source[: offset(edit.start)] + edit.text + source[offset(edit.end) :]
    return source


# Each case runs under the YAML schema file (tests/schema_fixtures/post.yaml).
@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # FM101: at the opening fence; nested: at the key of the mapping that lacks it
        ("---\ndate: 2025-05-02\n---\n", [("FM101", 1, 1)]),
        ("---\ntitle: Hello\nauthor:\n  url: /me/\n---\n", [("FM101", 3, 1)]),
        ("---\ntitle: Hello\nauthor: {url: /me/}\n---\n", [("FM101", 3, 1)]),
        # FM102: at the value
        ("---\ntitle: yes\n---\n", [("FM102", 2, 8)]),
        ("---\ntitle: Hello\ndraft: maybe\n---\n", [("FM102", 3, 8)]),
        ("---\ntitle: Hello\ntags: {a: 1}\n---\n", [("FM102", 3, 7)]),
        ("---\ntitle: Hello\ntags: [a, [b]]\n---\n", [("FM102", 3, 11)]),
        ("---\ntitle: Hello\nauthor:\n  name: Ann\n  url: not a url\n---\n", [("FM102", 5, 8)]),
        ("---\ntitle: Hello\nweight: 1.5\n---\n", [("FM102", 3, 9)]),
        ("---\ntitle: 1984\n---\n", []),  # numbers print as text
        ("---\ntitle: Hello\ndraft:\n---\n", []),  # null: as if absent
        # FM103: at the value
        ("---\ntitle: Hello\ndate: 2025-05-02 3:58 PM\n---\n", [("FM103", 3, 7)]),
        ("---\ntitle: Hello\ndate: '2025-02-30'\n---\n", [("FM103", 3, 7)]),
        ("---\ntitle: Hello\ndate: 2025-05-02 15:58 +0200\n---\n", []),
        ("---\ntitle: Hello\ndate: 2025-05-02 15:58:00\n---\n", []),  # a YAML timestamp
        # FM104: at the item, flow and block
        ("---\ntitle: Hello\ncategories: [markets, politcs]\n---\n", [("FM104", 3, 23)]),
        ("---\ntitle: Hello\ncategories:\n  - markets\n  - Donald Trump\n---\n", [("FM104", 5, 5)]),
        # FM105: at the repeat, flow, block and a string split into a list
        ("---\ntitle: Hello\ntags: [a, b, A]\n---\n", [("FM105", 3, 14)]),
        ("---\ntitle: Hello\ntags:\n  - alpha\n  - beta\n  - Alpha\n---\n", [("FM105", 6, 5)]),
        ("---\ntitle: Hello\ntags: alpha beta  ALPHA\n---\n", [("FM105", 3, 19)]),
        ("---\ntitle: Hello\ntags: [“Quoted”  word, '\"quoted\" word']\n---\n", [("FM105", 3, 24)]),
        ("---\ntitle: Hello\ntags: [ｆｕｌｌ, full]\n---\n", [("FM105", 3, 14)]),
        # FM106: at the key; nested mapping too
        ("---\ntitle: Hello\ntitel: Hello\n---\n", [("FM106", 3, 1)]),
        ("---\ntitle: Hello\nauthor:\n  name: Ann\n  nick: A\n---\n", [("FM106", 5, 3)]),
        # FM107: at the value
        ("---\ntitle: Hi\n---\n", [("FM107", 2, 8)]),
        ("---\ntitle: Hello\nweight: 200\n---\n", [("FM107", 3, 9)]),
        ("---\ntitle: Hello\npermalink: about/\n---\n", [("FM107", 3, 12)]),
        ("---\ntitle: Hello\ntags: [a, b, c, d, e, f]\n---\n", [("FM107", 3, 7)]),
        # several at once, in order
        (
            "---\ntitel: x\ntags: [a, a]\ndate: May 2, 2025\n---\n",
            [("FM101", 1, 1), ("FM106", 2, 1), ("FM105", 3, 11), ("FM103", 4, 7)],
        ),
    ],
)
def test_yaml_front_matter_under_a_schema_file(source, expected):
    assert check(source, "post.md", YAML_SCHEMA) == expected


TOML = (
    "+++\n"
    "title = 'yes'\n"
    'tags = ["a", "b", "A"]\n'
    'date = "2025-05-02 3:58 PM"\n'
    'categories = ["markets", "Donald Trump"]\n'
    "weight = 200\n"
    "draft = 'no'\n"
    "[author]\n"
    "nick = 'A'\n"
    "+++\n"
)
JSON = (
    "{\n"
    '  "title": "yes",\n'
    '  "tags": ["a", "b", "A"],\n'
    '  "date": "2025-05-02 3:58 PM",\n'
    '  "categories": ["markets", "Donald Trump"],\n'
    '  "weight": 200,\n'
    '  "draft": "no",\n'
    '  "author": {"nick": "A"}\n'
    "}\n"
)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            TOML,
            [
                ("FM105", 3, 19),
                ("FM103", 4, 8),
                ("FM104", 5, 26),
                ("FM107", 6, 10),
                ("FM102", 7, 9),
                ("FM101", 8, 1),
                ("FM106", 9, 1),
            ],
        ),
        (
            JSON,
            [
                ("FM105", 3, 22),
                ("FM103", 4, 11),
                ("FM104", 5, 29),
                ("FM107", 6, 13),
                ("FM102", 7, 12),
                ("FM101", 8, 3),
                ("FM106", 8, 14),
            ],
        ),
    ],
    ids=["toml", "json"],
)
def test_toml_and_json_front_matter(source, expected):
    assert sorted(check(source, "post.md", YAML_SCHEMA), key=lambda c: c[1:]) == expected


# The same documents under the three sources: the same codes at the same places.
SAME_EVERYWHERE = [
    ("---\ndate: 2025-05-02\n---\n", [("FM101", 1, 1)]),
    ("---\ntitle: Hello\ndraft: maybe\n---\n", [("FM102", 3, 8)]),
    ("---\ntitle: Hello\ndate: 2025-05-02 3:58 PM\n---\n", [("FM103", 3, 7)]),
    ("---\ntitle: Hello\ncategories: [markets, politcs]\n---\n", [("FM104", 3, 23)]),
    ("---\ntitle: Hello\ntags:\n  - alpha\n  - beta\n  - alpha\n---\n", [("FM105", 6, 5)]),
    ("---\ntitle: Hello\ntitel: Hello\n---\n", [("FM106", 3, 1)]),
    ("---\ntitle: Hello\nauthor:\n  name: Ann\n  nick: A\n---\n", [("FM106", 5, 3)]),
    ("---\ntitle: Hello\nauthor:\n  url: /me/\n---\n", [("FM101", 3, 1)]),
    ("---\ntitle: Hi\n---\n", [("FM107", 2, 8)]),
    ("---\ntitle: Hello\nweight: 200\n---\n", [("FM107", 3, 9)]),
    ("---\ntitle: Hello\npermalink: about/\n---\n", [("FM107", 3, 12)]),
    ("---\ntitle: Hello\ntags: [a, b, c, d, e, f]\n---\n", [("FM107", 3, 7)]),
    ('{\n  "title": "Hello",\n  "tags": ["x", "y", "x"]\n}\n', [("FM105", 3, 22)]),
    ("+++\ntitle = 'Hello'\ntags = ['x', 'y', 'x']\n+++\n", [("FM105", 3, 19)]),
    ("---\ntitle: Hello\ndate: 2025-05-02\ntags: [a, b]\n---\n", []),
]


@pytest.mark.parametrize(
    "settings", [YAML_SCHEMA, JSON_SCHEMA, MODEL], ids=["yaml", "json", "model"]
)
@pytest.mark.parametrize(("source", "expected"), SAME_EVERYWHERE)
def test_every_schema_source_reports_the_same(settings, source, expected):
    assert check(source, "post.md", settings) == expected


@pytest.mark.parametrize(
    ("settings", "source", "message"),
    [
        (
            DEFAULT,
            "---\ntitle: yes\n---\n",
            "title 'yes' is a boolean in YAML; expected a string",
        ),
        (DEFAULT, "---\ntitle:\n  - a\n---\n", "title is a list; expected a string"),
        (
            YAML_SCHEMA,
            "---\ntitle: Hello\ndate: 2025-05-02 3:58 PM\n---\n",
            "date '2025-05-02 3:58 PM' does not match YYYY-MM-DD[ HH:MM[:SS]][ ±HHMM]; "
            "did you mean 2025-05-02 15:58?",
        ),
        (
            YAML_SCHEMA,
            "---\ntitle: Hello\ndate: 02/05/2025\n---\n",
            "date '02/05/2025' does not match YYYY-MM-DD[ HH:MM[:SS]][ ±HHMM]",
        ),
        (
            YAML_SCHEMA,
            "---\ntitle: Hello\ndate: '2025-02-30'\n---\n",
            "date '2025-02-30' is not a date: February 2025 has 28 days",
        ),
        (
            YAML_SCHEMA,
            "---\ntitle: Hello\ncategories: [politcs]\n---\n",
            "categories item 'politcs' is not an allowed value ('economy', 'markets', "
            "'politics'); did you mean 'politics'?",
        ),
        (
            YAML_SCHEMA,
            "---\ntitle: Hello\ntags: [Trade, tariffs, trade]\n---\n",
            "tags repeats 'trade': same as 'Trade' at line 3, column 8",
        ),
        (
            YAML_SCHEMA,
            "---\ntitle: Hello\ntitel: Hello\n---\n",
            "unknown field 'titel' (not in schema post); did you mean 'title'?",
        ),
        (YAML_SCHEMA, "---\ndate: 2025-05-02\n---\n", "missing required field 'title'"),
        (
            YAML_SCHEMA,
            "---\ntitle: Hello\nauthor: {}\n---\n",
            "missing required field 'name' in author",
        ),
        (YAML_SCHEMA, "---\ntitle: ''\n---\n", "title is empty; expected at least 3 characters"),
        (
            YAML_SCHEMA,
            "---\ntitle: Hello\nweight: 200\n---\n",
            "weight 200 is above the maximum 100",
        ),
        (
            YAML_SCHEMA,
            "---\ntitle: Hello\npermalink: about/\n---\n",
            "permalink 'about/' does not match the pattern '^/'",
        ),
        (
            YAML_SCHEMA,
            "---\ntitle: Hello\ntags: [a, b, c, d, e, f]\n---\n",
            "tags has 6 items; expected at most 5",
        ),
        (
            YAML_SCHEMA,
            "---\ntitle: Hello\nauthor:\n  name: Ann\n  url: not a url\n---\n",
            "author.url 'not a url' is not a URL or a site path",
        ),
    ],
)
def test_messages_say_what_was_found_and_what_was_expected(settings, source, message):
    [diagnostic] = check_text(source, "post.md", settings)
    assert diagnostic.message == message


def test_unknown_fields_error_makes_the_problem_an_error():
    warn, error = check_text(
        "---\ntitle: Hello\ntitel: x\nauthor:\n  name: Ann\n  nick: A\n---\n",
        "post.md",
        YAML_SCHEMA,
    )
    assert (warn.code, warn.severity.value) == ("FM106", "warning")
    assert (error.code, error.severity.value) == ("FM106", "error")


@pytest.mark.parametrize(
    ("source", "fixed"),
    [
        # FM103: the canonical form, keeping the quotes
        (
            "---\ntitle: Hello\ndate: 2025-05-02 3:58 PM\n---\n",
            "---\ntitle: Hello\ndate: 2025-05-02 15:58\n---\n",
        ),
        (
            '---\ntitle: Hello\ndate: "May 2, 2025"\n---\n',
            '---\ntitle: Hello\ndate: "2025-05-02"\n---\n',
        ),
        (
            "+++\ntitle = 'Hello'\ndate = '2 May 2025 09:05'\n+++\n",
            "+++\ntitle = 'Hello'\ndate = '2025-05-02 09:05'\n+++\n",
        ),
        # FM105: the repeat and its separator from a flow list
        ("---\ntitle: Hello\ntags: [a, b, A]\n---\n", "---\ntitle: Hello\ntags: [a, b]\n---\n"),
        (
            "---\ntitle: Hello\ntags: [a,\n  A, b]\n---\n",
            "---\ntitle: Hello\ntags: [a, b]\n---\n",
        ),
        # ... the whole line of a block list item
        (
            "---\ntitle: Hello\ntags:\n  - alpha\n  - ALPHA  # again\n  - beta\n---\n",
            "---\ntitle: Hello\ntags:\n  - alpha\n  - beta\n---\n",
        ),
        # ... a word of a string split into a list
        ("---\ntitle: Hello\ntags: a b  A c\n---\n", "---\ntitle: Hello\ntags: a b c\n---\n"),
        # ... TOML and JSON arrays
        (
            "+++\ntitle = 'Hello'\ntags = ['a', \"b\", 'A']\n+++\n",
            "+++\ntitle = 'Hello'\ntags = ['a', \"b\"]\n+++\n",
        ),
        (
            '{\n  "title": "Hello",\n  "tags": [\n    "a",\n    "A"\n  ]\n}\n',
            '{\n  "title": "Hello",\n  "tags": [\n    "a"\n  ]\n}\n',
        ),
    ],
)
def test_safe_fixes_change_only_the_offending_bytes(source, fixed):
    [diagnostic] = check_text(source, "post.md", YAML_SCHEMA)
    assert diagnostic.fix is not None and diagnostic.fix.safe
    result = apply(source, diagnostic.fix)
    assert result == fixed
    assert check_text(result, "post.md", YAML_SCHEMA) == []


def test_undecidable_dates_get_no_fix():
    [diagnostic] = check_text("---\ntitle: Hi there\ndate: 02/05/2025\n---\n", "p.md", YAML_SCHEMA)
    assert (diagnostic.code, diagnostic.fix) == ("FM103", None)


# A post written like the reference post: 72-odd tags in one flow list, a 12-hour date.
REFERENCE = (
    "---\n"
    "layout: post\n"
    "tags: [Ministry of Finance, The Government of Japan - JapanGov, 財務省, "
    "KATO Katsunobu (The Cabinet) / Prime Minister’s Office of Japan, "
    "Regulating Imports with a Reciprocal Tariff, 赤沢りょうせい公式WEBサイト, "
    "regulating imports with a  reciprocal tariff, The State Council, "
    "The Government of Japan - JapanGov]\n"
    "categories: [Donald Trump]\n"
    "date: 2025-05-02 3:58 PM\n"
    "excerpt: '“But we obviously need to put all cards on the table in negotiations.”'\n"
    "#permalink:\n"
    'title: "Japan Puts Its Chips On the Table Against Trump’s Tariff Poker"\n'
    "---\n"
    "\n"
    "Text.\n"
)


def test_reference_post_with_no_config():
    found = check_text(REFERENCE, "2025-05-02-japan-treasuries.md", DEFAULT)
    diagnostics = [d for d in found if d.code.startswith("FM1")]
    line3 = REFERENCE.splitlines()[2]
    repeats = [
        line3.index("regulating imports") + 1,
        line3.rindex("The Government of Japan - JapanGov") + 1,
    ]
    assert [(d.code, d.line, d.column) for d in diagnostics] == [
        ("FM105", 3, repeats[0]),
        ("FM105", 3, repeats[1]),
        ("FM103", 5, 7),
    ]
    assert diagnostics[0].message == (
        "tags repeats 'regulating imports with a  reciprocal tariff': same as "
        f"'Regulating Imports with a Reciprocal Tariff' at line 3, column {line3.index('Regulating') + 1}"
    )
    assert diagnostics[2].message.endswith("; did you mean 2025-05-02 15:58?")
    assert diagnostics[2].fix.edits[0].text == "2025-05-02 15:58"


def test_reference_post_with_allowed_categories(tmp_path):
    (tmp_path / "blog.yaml").write_text(
        "fields:\n"
        "  categories: {type: list, items: {type: string}, allowed: [Economy, Japan, Trade]}\n"
    )
    settings = Settings(
        select=("FM104",),
        schemas=(SchemaEntry(paths=("*.md",), schema="blog.yaml"),),
        root=tmp_path,
    )
    [diagnostic] = check_text(REFERENCE, str(tmp_path / "post.md"), settings)
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("FM104", 4, 14)
    assert diagnostic.message.startswith("categories item 'Donald Trump' is not an allowed value")


def test_allowed_from_reads_the_site_vocabulary(tmp_path):
    (tmp_path / "_data").mkdir()
    (tmp_path / "_data" / "categories.yml").write_text("- name: economy\n- name: markets\n")
    (tmp_path / "s.yaml").write_text(
        "fields:\n  categories: {type: list, allowed_from: _data/categories.yml}\n"
    )
    settings = Settings(
        select=("FM1",), schemas=(SchemaEntry(paths=("**",), schema="s.yaml"),), root=tmp_path
    )
    source = "---\ncategories: [economy, Markets, sport]\n---\n"
    assert [(d.code, d.column, d.message) for d in check_text(source, "p.md", settings)] == [
        (
            "FM104",
            23,
            "categories item 'Markets' is not an allowed value ('economy', 'markets'); "
            "did you mean 'markets'?",
        ),
        ("FM104", 32, "categories item 'sport' is not an allowed value ('economy', 'markets')"),
    ]


# A field of several types: each value is checked by the type it is of.
UNION = "fields:\n  search:\n    type: [mapping, boolean]\n    unknown_fields: error\n    fields:\n      boost: integer\n  when: [date, string]\n"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("---\nsearch: false\n---\n", []),
        ("---\nsearch: {boost: 2}\n---\n", []),
        ("---\nsearch:\n---\n", []),
        ("---\nwhen: 2025-05-02\n---\n", []),
        ("---\nwhen: soon\n---\n", []),
        ("---\nsearch: {boost: two}\n---\n", [("FM102", 2, 17, "search.boost 'two' is a string; expected a whole number")]),
        ("---\nsearch: {bost: 2}\n---\n", [("FM106", 2, 10, "unknown field 'bost' (not in schema s); did you mean 'boost'?")]),
        ("---\nsearch: hello\n---\n", [("FM102", 2, 9, "search 'hello' is a string; expected a mapping of keys to values or true or false")]),
        ("---\nwhen: [a]\n---\n", [("FM102", 2, 7, "when is a list; expected a date or a string")]),
        # a key YAML reads as a number is compared as the text it prints as
        ("---\nsearch: {1: 2}\n---\n", [("FM106", 2, 10, "unknown field '1' (not in schema s)")]),
    ],
)  # fmt: skip
def test_a_field_of_several_types(tmp_path, source, expected):
    (tmp_path / "s.yaml").write_text(UNION)
    settings = Settings(
        select=("FM1",), schemas=(SchemaEntry(paths=("**",), schema="s.yaml"),), root=tmp_path
    )
    found = check_text(source, "p.md", settings)
    assert [(d.code, d.line, d.column, d.message) for d in found] == expected
