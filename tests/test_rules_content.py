"""Tag, heading and image rules, case by case: exact codes, lines and columns."""

import pytest

from lint.document import parse_document
from lint.markdown import Definition, Link
from lint.settings import Settings
from tests.helpers import check


def only(code: str, **options) -> Settings:
    return Settings(select=(code,), rules={code: options} if options else {})


ELEVEN = ", ".join(f"t{i}" for i in range(11))
LONG = "Clarification of Exceptions Under Executive Order 14257"  # 55 characters


@pytest.mark.parametrize(
    ("source", "settings", "expected"),
    [
        (f"---\ntitle: x\ntags: [{ELEVEN}]\n---\n", only("FM201"), [("FM201", 3, 7)]),
        (f"---\ntags: [{ELEVEN}]\n---\n", only("FM201", max=11), []),
        (
            "---\nkeywords:\n" + "".join(f"  - k{i}\n" for i in range(12)) + "---\n",
            only("FM201"),
            [("FM201", 3, 3)],
        ),
        (f"---\ncategories: [{ELEVEN}]\n---\n", only("FM201"), []),
        (
            f"---\ncategories: [{ELEVEN}]\n---\n",
            only("FM201", fields=["categories"]),
            [("FM201", 2, 13)],
        ),
        (
            f"+++\ntags = [{', '.join(repr(t) for t in ELEVEN.split(', '))}]\n+++\n",
            only("FM201"),
            [("FM201", 2, 8)],
        ),
        ("---\ntags: one two three\n---\n", only("FM201", max=1), []),
        # commented-out keys are not keys
        (f"---\n#tags: [{ELEVEN}]\n---\n", only("FM201"), []),
    ],
)
def test_too_many_tags(source, settings, expected):
    assert check(source, settings=settings) == expected


@pytest.mark.parametrize(
    ("source", "settings", "expected"),
    [
        # at each long tag's own column; non-ASCII tags count characters
        (
            f"---\ntags: [中国政府网, {LONG}, ok, {LONG}]\n---\n",
            only("FM202"),
            [("FM202", 2, 15), ("FM202", 2, 76)],
        ),
        (
            '---\ntags: ["The State Council of the People\u2019s Republic of China"]\n---\n',
            only("FM202"),
            [("FM202", 2, 8)],
        ),
        (f"---\ntags:\n  - short\n  - {LONG}\n---\n", only("FM202"), [("FM202", 4, 5)]),
        (f"---\ntags: [{LONG}]\n---\n", only("FM202", max_length=55), []),
        ("---\ntags: [abcdef]\n---\n", only("FM202", max_length=5), [("FM202", 2, 8)]),
        (
            f"---\nexcerpt: '{LONG}'\ntags: [a, {'x' * 41}]\n---\n",
            only("FM202"),
            [("FM202", 3, 11)],
        ),
        ("---\ntags: [1, null, {a: b}]\n---\n", only("FM202", max_length=1), []),
    ],
)
def test_tag_too_long(source, settings, expected):
    assert check(source, settings=settings) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("## A\n\n#### B\n", [("HD001", 3, 1)]),
        ("# A\n\n### B\n\n## C\n\n#### D\n", [("HD001", 3, 1), ("HD001", 7, 1)]),
        ("### First heading may start anywhere\n\n#### Then one deeper\n", []),
        ("## Ünïcødé\n\nText\n======\n\n#### 東京\n", [("HD001", 6, 1)]),
        ("## A\n\n- item\n\n  #### In a list\n", [("HD001", 5, 3)]),
        # quoted headings are not part of the outline
        ("## A\n\n> #### Quoted\n\n### B\n", []),
        (
            "## A\n\n```\n#### code\n```\n\n<!--\n#### comment\n-->\n{% comment %}\n#### x\n{% endcomment %}\n",
            [],
        ),
    ],
)
def test_heading_level_skip(source, expected):
    assert check(source, settings=only("HD001")) == expected


@pytest.mark.parametrize(
    ("source", "settings", "expected"),
    [
        ("# One\n\ntext\n\n# Two\n\n# Three\n", only("HD002"), [("HD002", 5, 1), ("HD002", 7, 1)]),
        ("---\ntitle: One\n---\n# One\n", only("HD002"), []),
        (
            "---\ntitle: One\n---\n# One\n\n## Two\n",
            only("HD002", layout_renders_title=True),
            [("HD002", 4, 1)],
        ),
        (
            "---\ntitle: 東京\n---\n## A\n\n# Section\n",
            only("HD002", layout_renders_title=True),
            [("HD002", 6, 1)],
        ),
        ("---\nname: x\n---\n# One\n", only("HD002", layout_renders_title=True), []),
        (
            "---\nheadline: x\n---\n# One\n",
            only("HD002", layout_renders_title=True, title_fields=["headline"]),
            [("HD002", 4, 1)],
        ),
        ("# One\n\n> # Quoted title\n\n```\n# comment\n```\n", only("HD002"), []),
    ],
)
def test_duplicate_title_heading(source, settings, expected):
    assert check(source, settings=settings) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("## Results\n\n##\n", [("HD003", 3, 1)]),
        ("#\n\nText\n\n### {#anchor}\n", [("HD003", 1, 1), ("HD003", 5, 1)]),
        ("- ##   \n> #\n", [("HD003", 1, 3), ("HD003", 2, 3)]),
        ("## ![logo](logo.png)\n\n## <img src=x>\n\n## `code`\n\n## Ünïcødé\n", []),
        ("## {{ page.title }}\n", []),
    ],
)
def test_empty_heading(source, expected):
    assert check(source, settings=only("HD003")) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("## Install\n\n### Linux\n\n### Linux\n", [("HD004", 5, 1)]),
        ("## Install\n\n### Linux\n\n## Build\n\n### Linux\n", []),
        ("## Summary\n\ntext\n\n## summary\n", [("HD004", 5, 1)]),
        ("# T\n\n## 東京\n\n## 東京\n", [("HD004", 5, 1)]),
        ("## A\n\n### B {#b1}\n\n### B {#b2}\n", []),
        ("## A\n\n> ## A\n\n- ## A\n", [("HD004", 5, 3)]),
        ("## A\n\n```\n## A\n```\n", []),
    ],
)
def test_duplicate_heading(source, expected):
    assert check(source, settings=only("HD004")) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("![](/img/tokyo.jpg)\n", [("IM001", 1, 1)]),
        ("Text ![ ](a.png) and ![alt](b.png)\n", [("IM001", 1, 6)]),
        ("- 東京 ![][logo]\n\n[logo]: /logo.png\n", [("IM001", 1, 6)]),
        ("| ![](a.png) |\n|---|\n\n> ![](b.png)\n", [("IM001", 1, 3), ("IM001", 4, 3)]),
        ("[![](a.png)](https://x.example/)\n", [("IM001", 1, 2)]),
        ("`![](a.png)` <!-- ![](a.png) --> {% raw %}![](a.png){% endraw %}\n", []),
    ],
)
def test_missing_alt_text(source, expected):
    assert check(source, settings=only("IM001")) == expected


def test_links_know_their_containers_destinations_and_definitions():
    source = (
        "## [H](https://h.example/)\n"
        "> - | [T](<https://t.example/a b>) |\n"
        ">   |---|\n"
        '[![i](i.png)](https://x.example/ "title ](x)") [r][Ref]\n'
        "\n"
        "[ref]:\n"
        "  https://r.example/東京\n"
    )
    doc = parse_document(source, "p.md")
    seen = [
        (n.text, n.inside, source[n.dest[0] : n.dest[1]]) for n in doc.nodes if isinstance(n, Link)
    ]
    assert seen == [
        ("H", ("heading",), "https://h.example/"),
        ("T", ("blockquote", "list", "table"), "https://t.example/a b"),
        ("i", (), "https://x.example/"),
        ("r", (), "https://r.example/東京"),
    ]
    [definition] = doc.definitions
    assert isinstance(definition, Definition)
    assert (definition.label, definition.url, definition.start.line) == (
        "ref",
        "https://r.example/東京",
        6,
    )
