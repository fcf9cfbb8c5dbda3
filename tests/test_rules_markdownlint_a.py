"""markdownlint's heading, blockquote, list-indent, link and rule-style checks (ML003, ML020,
ML021, ...) and HD004 answering to MD024: one table of small documents per rule, and the
fixes."""

import pytest

from lint.fix import fix_text
from lint.settings import Settings
from tests.helpers import check
from tests.test_rules_markdownlint import assert_exact_fix, only

MD024 = {"siblings_only": False, "match_case": True, "quoted": True}  # a markdownlint config


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("## A\n### B\n## C\n### B\n", {}, []),  # different parents
        ("## A\n### B\n## C\n### B\n", MD024, [("HD004", 4, 1)]),
        ("## A\n### B\n### B\n", {"siblings_only": True}, [("HD004", 3, 1)]),
        ("# A\n## a\n# a\n", {}, [("HD004", 3, 1)]),  # case-insensitive by default
        ("# A\n## B\n# a\n", MD024, []),  # markdownlint compares text as written
        ("# A\n> # A\n", {}, []),  # quoted headings are not the outline
        ("# A\n> # A\n", MD024, [("HD004", 2, 3)]),
        ("# A {#x}\n# A {#y}\n", MD024, []),  # explicit ids do not collide
        ("# A\n```\n# A\n```\n", MD024, []),
        ("---\ntitle: A\n---\n# A\n", MD024, []),
        ("# A\r\n\r\n# A\r\n", MD024, [("HD004", 3, 1)]),
        ("# A\n{% raw %}\n# A\n{% endraw %}\n", MD024, []),  # Liquid is invisible
        # markdownlint compares the text as written, markup and spaces included
        ("## `a`\n\n## a\n", MD024, []),
        ("## `a`\n\n## a\n", {}, [("HD004", 3, 1)]),  # their anchors collide all the same
        ("## *A*\n\n## A\n", MD024, []),
        ("## A  B\n\n## A B\n", MD024, []),
        ("## A ##\n\n## A\n", MD024, [("HD004", 3, 1)]),
        ("A\n=\n\n# A\n", MD024, [("HD004", 4, 1)]),
        ("> A\n> B\n> ===\n\n# A B\n", MD024, []),
        ("A\nB\n===\n\n# A B\n", MD024, [("HD004", 5, 1)]),
    ],
)
def test_hd004_as_md024(source, options, expected):
    assert check(source, settings=only("HD004", **options)) == expected


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("# A\n## B\n", {}, []),
        ("# A\n## B ##\n", {}, [("ML003", 2, 1)]),  # the first heading sets the style
        ("A\n=\n\n## B\n", {}, [("ML003", 4, 1)]),
        ("A\n=\n\nB\n-\n", {}, []),
        ("# A\n", {"style": "setext"}, [("ML003", 1, 1)]),
        ("# A #\n## B ##\n", {"style": "atx_closed"}, []),
        ("# A\n", {"style": "atx_closed"}, [("ML003", 1, 1)]),
        ("A\n=\n\n### C\n", {"style": "setext_with_atx"}, []),
        ("# A\n\n### C\n", {"style": "setext_with_atx"}, [("ML003", 1, 1)]),
        ("A\n=\n\n### C ###\n", {"style": "setext_with_atx"}, [("ML003", 4, 1)]),
        ("A\n=\n\n### C ###\n", {"style": "setext_with_atx_closed"}, []),
        ("A\n=\n\n### C\n", {"style": "setext"}, [("ML003", 4, 1)]),
        ("# A\n> B\n> -\n", {}, [("ML003", 2, 3)]),  # quoted headings count
        ("# A\n```\nB\n---\n```\n", {}, []),
        ("<div>\n\nB\n-\n\n</div>\n\n# A\n", {}, [("ML003", 8, 1)]),
        ("<div>\n# A #\n</div>\n\n# B\n", {}, []),  # HTML is not Markdown
        ("---\ntitle: A\n---\n# A\n", {"style": "setext"}, [("ML003", 4, 1)]),
        ("# A\n{% raw %}\n## B ##\n{% endraw %}\n", {}, []),  # Liquid is invisible
        ("# A\r\nB\r\n-\r\n", {}, [("ML003", 2, 1)]),
        ("# A \\#\n", {"style": "atx"}, []),  # an escaped `#` is text
    ],
)
def test_ml003_heading_style(source, options, expected):
    assert check(source, settings=only("ML003", **options)) == expected


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        ("ML020", "#Tariffs#\n", [("ML020", 1, 1)]),
        ("ML020", "# Tariffs#\n", [("ML020", 1, 1)]),
        ("ML020", "#Tariffs #\n", [("ML020", 1, 1)]),
        ("ML020", "# Tariffs \\##\n", [("ML020", 1, 1)]),  # the `#` is escaped: no space
        ("ML020", "# Tariffs #\n", []),
        ("ML020", "# Tariffs\n", []),
        ("ML020", "#Tariffs\n", []),  # not closed: markdownlint's MD018
        ("ML020", "```\n#a#\n```\n", []),
        ("ML020", "<div>\n#a#\n</div>\n", []),
        ("ML020", "---\nx: 1\n---\n#a#\n", [("ML020", 4, 1)]),
        ("ML020", "---\n#a#\n---\nb\n", []),  # front matter
        ("ML020", "a\r\n#b#\r\n", [("ML020", 2, 1)]),
        ("ML020", "#a\nb#\n", []),
        ("ML021", "##  Tariffs ##\n", [("ML021", 1, 1)]),
        ("ML021", "## Tariffs  ##\n", [("ML021", 1, 1)]),
        ("ML021", "##  Tariffs  ##\n", [("ML021", 1, 1), ("ML021", 1, 1)]),
        ("ML021", "## Tariffs ##\n", []),
        ("ML021", "##  Tariffs\n", []),  # not closed: markdownlint's MD019
        ("ML021", "> #  Quoted #\n", [("ML021", 1, 3)]),
        ("ML021", "```\n#  a  #\n```\n", []),
        ("ML021", "#  a  #\r\n", [("ML021", 1, 1), ("ML021", 1, 1)]),
    ],
)
def test_ml020_ml021_closed_atx_spaces(code, source, expected):
    assert check(source, settings=only(code)) == expected


@pytest.mark.parametrize(
    ("code", "before", "after"),
    [
        ("ML020", "#Tariffs#\n", "# Tariffs #\n"),
        ("ML020", "## Tariffs##  \n", "## Tariffs ##\n"),
        ("ML020", "# Tariffs \\##\n", "# Tariffs \\# #\n"),
        ("ML020", "a\r\n\r\n#b#\r\n", "a\r\n\r\n# b #\r\n"),
        ("ML021", "##  Tariffs  ##\n", "## Tariffs ##\n"),
        ("ML021", "#\t\tA #\r\n", "# A #\r\n"),
        ("ML027", ">  Tariffs\n", "> Tariffs\n"),
        ("ML027", ">   Tariffs\n", "> Tariffs\n"),
        ("ML027", "> >   a\r\n", "> > a\r\n"),
        ("ML011", "See (a)[https://example.com].\n", "See [a](https://example.com).\n"),
        ("ML011", "(a)[b] and (c)[d]\r\n", "[a](b) and [c](d)\r\n"),
        ("ML005", "1. a\n 2. b\n", "1. a\n2. b\n"),
        ("ML005", " 1. a\n2. b\n", " 1. a\n 2. b\n"),
        ("ML005", " 9. a\n10. b\n 11. c\r\n", " 9. a\n10. b\n11. c\r\n"),
    ],
)
def test_fixes_are_exact_and_idempotent(code, before, after):
    assert_exact_fix(code, before, after)


@pytest.mark.parametrize(
    "code", ["ML003", "ML005", "ML011", "ML020", "ML021", "ML027", "ML028", "ML035"]
)
def test_new_rules_are_off_by_default(code):
    source = {
        "ML003": "# A\nB\n-\n",
        "ML005": "1. a\n 2. b\n",
        "ML011": "(a)[b]\n",
        "ML020": "#A#\n",
        "ML021": "#  A  #\n",
        "ML027": ">  a\n",
        "ML028": "> a\n\n> b\n",
        "ML035": "***\n\n---\n",
    }[code]
    assert check(source) == []
    assert check(source, settings=Settings(extend_select=(code,))) != []


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        ("ML027", ">  Tariffs\n", [("ML027", 1, 3)]),
        ("ML027", "> Tariffs\n", []),
        ("ML027", ">Tariffs\n", []),
        ("ML027", "> >  Nested\n", [("ML027", 1, 5)]),
        ("ML027", ">     code\n", []),  # indented code inside the quote
        ("ML027", ">\t\tcode\n", []),
        ("ML027", "> - a\n>   b\n", []),  # a list item's indented line
        ("ML027", ">  \n", []),  # nothing after the spaces
        ("ML027", "```\n>  a\n```\n", []),
        ("ML027", "<div>\n>  a\n</div>\n", []),
        ("ML027", "---\nx: >  a\n---\n", []),
        ("ML027", "a\r\n\r\n>  b\r\n", [("ML027", 3, 3)]),
        ("ML027", "{% raw %}\n>  a\n{% endraw %}\n", []),
        ("ML028", "> a\n\n> b\n", [("ML028", 2, 1)]),
        ("ML028", "> a\n\n\n> b\n", [("ML028", 2, 1), ("ML028", 3, 1)]),
        ("ML028", "> a\n>\n> b\n", []),
        ("ML028", "> a\n\nText\n\n> b\n", []),
        ("ML028", "> a\nlazy\n\n> b\n", [("ML028", 3, 1)]),  # the lazy line is quoted
        ("ML028", "> a\n# H\n\n> b\n", []),
        ("ML028", "> a\n\n<!-- c -->\n\n> b\n", []),
        ("ML028", "```\n> a\n\n> b\n```\n", []),
        ("ML028", "- > a\n\n  > b\n", [("ML028", 2, 1)]),
        ("ML028", "> a\n\n- > b\n", []),  # a list follows
        ("ML028", "- > a\n\n- > b\n", []),  # each item has its own
        ("ML028", "> a\n\n>     code\n\n> b\n", [("ML028", 2, 1), ("ML028", 4, 1)]),
        ("ML028", "---\nx: 1\n---\n> a\n\n> b\n", [("ML028", 5, 1)]),
        ("ML028", "> a\r\n\r\n> b\r\n", [("ML028", 2, 1)]),
        ("ML028", "> a\n\n{% raw %}\n> b\n{% endraw %}\n", []),
        ("ML028", "a > b\n\nc > d\n", []),  # no line starts as a quote
        ("ML028", "<p>\n\n> b\n\n> c\n", [("ML028", 4, 1)]),
        ("ML028", "1. > a\n\n   > b\n", [("ML028", 2, 1)]),
        ("ML028", "> a\r\r> b\r", [("ML028", 2, 1)]),
    ],
)
def test_ml027_ml028_blockquotes(code, source, expected):
    assert check(source, settings=only(code)) == expected


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("a\n\n---\n\nb\n\n***\n", {}, [("ML035", 7, 1)]),
        ("a\n\n---\n\nb\n\n---\n", {}, []),
        ("a\n\n- - -\n\nb\n\n---\n", {}, [("ML035", 7, 1)]),  # as written
        ("a\n\n---\n", {"style": "***"}, [("ML035", 3, 1)]),
        ("a\n\n___\n", {"style": "___"}, []),
        ("a\n---\n\n***\n", {}, []),  # a setext underline is no rule
        ("---\nx: 1\n---\n***\n\n---\n", {}, [("ML035", 6, 1)]),  # nor the front matter
        ("***\n\n```\n---\n```\n", {}, []),
        ("***\n\n<div>\n---\n</div>\n", {}, []),
        ("***\n\n{% raw %}\n---\n{% endraw %}\n", {}, []),
        ("a\r\n\r\n***\r\n\r\n---\r\n", {}, [("ML035", 5, 1)]),
        ("***\n\n   ---\n", {}, [("ML035", 3, 4)]),
        ("***\n\n- a\n\n  > ---\n", {}, [("ML035", 5, 5)]),  # in a quote in a list item
        ("> a\n> ---\n\n***\n", {}, []),  # a quoted setext underline
        ("***\n\n- - - \t\n", {}, [("ML035", 3, 1)]),  # spaces after the rule
        ("***\n\n_ _ _\r\n", {}, [("ML035", 3, 1)]),
        ("***\n\na\r---\n", {}, []),  # a line ended by a lone CR
        ("***\n\n--- x\n\nx ---\n", {}, []),
        ("***\n\n***\n---\n", {}, [("ML035", 4, 1)]),  # a rule, not an underline
    ],
)
def test_ml035_hr_style(source, options, expected):
    assert check(source, settings=only("ML035", **options)) == expected


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("[a]()\n", {}, [("LK006", 1, 1)]),
        ("[a]()\n", {"text": False, "images": False}, [("LK006", 1, 1)]),
        ("[a](#)\n", {"text": False, "images": False}, [("LK006", 1, 1)]),
        ("[](https://example.com)\n", {}, [("LK006", 1, 1)]),
        ("[](https://example.com)\n", {"text": False, "images": False}, []),  # MD042's reading
        ("![a]()\n", {}, [("LK006", 1, 1)]),
        ("![a]()\n", {"text": False, "images": False}, []),
        ("[a][x]\n\n[x]: #\n", {"text": False, "images": False}, [("LK006", 1, 1)]),
    ],
)
def test_lk006_as_md042(source, options, expected):
    assert check(source, settings=only("LK006", **options)) == expected


def test_a_markdownlint_configuration_reads_md024_and_md042_as_markdownlint_does(tmp_path):
    from lint.markdownlint import translate
    from lint.rules import builtin

    (tmp_path / ".markdownlint.json").write_text('{"MD024": {"siblings_only": true}}')
    values = translate(tmp_path / ".markdownlint.json", builtin()).values
    assert values["rules"]["HD004"] == {"siblings_only": True, "match_case": True, "quoted": True}
    assert values["rules"]["LK006"] == {"text": False, "images": False}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("See (a)[https://example.com].\n", [("ML011", 1, 5)]),
        ("(a)[b]\n", [("ML011", 1, 1)]),
        ("See [a](https://example.com).\n", []),
        ("See (a)[^1].\n", []),  # a footnote reference
        ("See (a)[b](c).\n", []),  # a link after the text
        ("See \\(a)[b].\n", []),
        ("See (a\\)[b].\n", []),
        ("See `(a)[b]`.\n", []),
        ("```\n(a)[b]\n```\n", []),
        ("<div>\n(a)[b]\n</div>\n", []),
        ("---\nx: (a)[b]\n---\n", []),
        ("{% raw %}\n(a)[b]\n{% endraw %}\n", []),
        ("x\r\n(a)[b]\r\n", [("ML011", 2, 1)]),
    ],
)
def test_ml011_reversed_links(source, expected):
    assert check(source, settings=only("ML011")) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("1. a\n 2. b\n", [("ML005", 2, 2)]),
        ("1. a\n2. b\n", []),
        (" 9. a\n10. b\n11. c\n", []),  # right-aligned numbers
        (" 9. a\n10. b\n 11. c\n", [("ML005", 3, 2)]),
        ("- a\n - b\n", [("ML005", 2, 2)]),  # no fix: ML007's
        ("- a\n  - b\n", []),  # a nested list is a list of its own
        ("* a\n\n * b\n", [("ML005", 3, 2)]),
        ("> 1. a\n>  2. b\n", [("ML005", 2, 4)]),
        ("```\n1. a\n 2. b\n```\n", []),
        ("---\nx: 1\n---\n1. a\n 2. b\n", [("ML005", 5, 2)]),
        ("{% raw %}\n1. a\n 2. b\n{% endraw %}\n", []),
        ("1. a\r\n 2. b\r\n", [("ML005", 2, 2)]),
        # a tab counts as one character, as markdownlint counts it
        ("* a\n  * b\n    * c\n\t* d\n", [("ML005", 4, 2)]),
    ],
)
def test_ml005_list_indent(source, expected):
    assert check(source, settings=only("ML005")) == expected


def test_ml005_leaves_bullets_unfixed():
    assert fix_text("- a\n - b\n", "post.md", only("ML005"))[:2] == ("- a\n - b\n", 0)


def test_ml005_leaves_indentation_with_a_tab_unfixed():
    source = "1. a\n    1. b\n    2. c\n\t3. d\n"
    assert check(source, settings=only("ML005")) == [("ML005", 4, 2)]
    assert fix_text(source, "post.md", only("ML005"))[:2] == (source, 0)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("[x]()\n", [("LK006", 1, 1)]),
        ("<!-- markdownlint-disable MD042 -->\n[x]()\n", []),
        ("<!-- markdownlint-disable no-empty-links -->\n[x]()\n", []),
        ("# A\n\n## A\n\n# A\n", [("HD004", 5, 1)]),
        ("<!-- markdownlint-disable MD024 -->\n# A\n\n# A\n", []),
    ],
)
def test_markdownlint_comments_name_hd004_and_lk006(source, expected):
    assert check(source, settings=Settings(select=("HD004", "LK006"))) == expected
