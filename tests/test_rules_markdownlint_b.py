"""markdownlint's rules of proper names (ML044), of spaces in code spans, links and emphasis (ML037, ML038, ML039) and
of emphasis (ML036, ML049, ML050), link references and definitions (ML052, ML053) and tables (ML055,
ML056, ML058): one table of small documents per rule, and their fixes
byte for byte."""

import pytest

from lint.fix import fix_text
from tests.helpers import check
from tests.test_rules_markdownlint import assert_exact_fix, only


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a ` b` c\n", [("ML038", 1, 3)]),
        ("a `b ` c\n", [("ML038", 1, 3)]),
        ("a `  b  ` c\n", [("ML038", 1, 3)]),
        ("a ` b ` c\n", []),  # one space each side: CommonMark strips it
        ("a `b` c\n", []),
        ("`` `a` ``\n", []),
        ("`` ` a``\n", []),  # a space next to a backtick inside
        ("x ` ` y\n", []),  # spaces only
        ("x `a\nb ` y\n", [("ML038", 2, 1)]),  # over two lines: the wrong side's line
        ("x ` a\nb` y\n", [("ML038", 1, 3)]),
        ("```\n` a`\n```\n", []),
        ("    ` a`\n", []),
        ("<div>\n` a`\n</div>\n", []),
        ("---\nt: '` a`'\n---\nx\n", []),
        ("{% raw %}` a`{% endraw %}\n", []),
        ("a\r\n` b`\r\n", [("ML038", 2, 1)]),
        ("x `a\r\nb\r\n` y\n", []),
        ("x `a\tb\t` y\n", [("ML038", 1, 3)]),
        ("x `\u00a0a` y\n", [("ML038", 1, 3)]),
    ],
)
def test_ml038_no_space_in_code(source, expected):
    assert check(source, settings=only("ML038")) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("[ a ](u)\n", [("ML039", 1, 2), ("ML039", 1, 4)]),
        ("[a ](u)\n", [("ML039", 1, 3)]),
        ("[a](u)\n", []),
        ("[ a][r]\n\n[r]: /x\n", [("ML039", 1, 2)]),
        ("[ a ][]\n\n[ a ]: /x\n", [("ML039", 1, 2), ("ML039", 1, 4)]),
        ("[ a ]\n\n[a]: /x\n", [("ML039", 1, 2), ("ML039", 1, 4)]),
        ("[ a ][nope]\n", []),  # no definition: not a link
        ("![ a ](u)\n", []),  # images are not checked
        ("[a [ b ] c](u)\n", []),
        ("[ `]` ](u)\n", [("ML039", 1, 2), ("ML039", 1, 6)]),
        ("```\n[ a ](u)\n```\n", []),
        ("---\nt: '[ a ](u)'\n---\nx\n", []),
        ("{% raw %}[ a ](u){% endraw %}\n", []),
        ("<p>\n[ a ](u)\n</p>\n", []),
        ("a\r\n[a ](u)\r\n", [("ML039", 2, 3)]),
        ("[\n a][r]\n\n[r]: /x\n", [("ML039", 2, 1)]),  # a line break first: no fix
        ("[a\n](u)\n", [("ML039", 1, 3)]),
    ],
)
def test_ml039_no_space_in_links(source, expected):
    assert check(source, settings=only("ML039")) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a ** b ** c\n", [("ML037", 1, 5), ("ML037", 1, 7)]),
        ("a * b* c\n", [("ML037", 1, 4)]),
        ("a *b * c\n", [("ML037", 1, 5)]),
        ("a __ b__\nc\n", [("ML037", 1, 5)]),
        ("# a * b *\n", [("ML037", 1, 6), ("ML037", 1, 8)]),
        ("[x * y * z](u)\n", [("ML037", 1, 5), ("ML037", 1, 7)]),
        ("a **b** c\n", []),
        ("snake_case_name\n", []),
        ("a \\* b \\* c\n", []),  # escaped
        ("- a * b\n- c * d\n", []),  # one marker per list item
        ("a ** b\n\nc ** d\n", []),  # one per paragraph
        ("`* a *`\n", []),
        ("```\n* a *\n```\n", []),
        ("---\nt: '* a *'\n---\nx\n", []),
        ("{% raw %}a * b *{% endraw %}\n", []),
        ("a\r\n** b **\r\n", [("ML037", 2, 3), ("ML037", 2, 5)]),
    ],
)
def test_ml037_no_space_in_emphasis(source, expected):
    assert check(source, settings=only("ML037")) == expected


@pytest.mark.parametrize(
    ("code", "source", "options", "expected"),
    [
        ("ML049", "*a* _b_\n", {}, [("ML049", 1, 5), ("ML049", 1, 7)]),
        ("ML049", "_a_ *b*\n", {}, [("ML049", 1, 5), ("ML049", 1, 7)]),
        ("ML049", "_a_ _b_\n", {}, []),
        ("ML049", "_a_\n", {"style": "asterisk"}, [("ML049", 1, 1), ("ML049", 1, 3)]),
        ("ML049", "*a* un*b*c\n", {"style": "underscore"}, [("ML049", 1, 1), ("ML049", 1, 3)]),
        ("ML049", "***a*** _b_\n", {}, [("ML049", 1, 9), ("ML049", 1, 11)]),
        ("ML049", "**a** __b__\n", {}, []),  # strong is ML050's
        ("ML049", "`_a_` *b* _c_\n", {}, [("ML049", 1, 11), ("ML049", 1, 13)]),
        ("ML049", "```\n_a_\n```\n*b*\n", {}, []),
        ("ML049", "<div>\n_a_\n</div>\n\n*b*\n", {}, []),
        ("ML049", "---\nt: _x_\n---\n*a* _b_\r\n", {}, [("ML049", 4, 5), ("ML049", 4, 7)]),
        ("ML049", "{% raw %}_a_{% endraw %} *b*\n", {}, []),
        ("ML050", "**a** __b__\n", {}, [("ML050", 1, 7), ("ML050", 1, 10)]),
        ("ML050", "__a__\n", {"style": "asterisk"}, [("ML050", 1, 1), ("ML050", 1, 4)]),
        ("ML050", "**a** x**b**y\n", {"style": "underscore"}, [("ML050", 1, 1), ("ML050", 1, 4)]),
        ("ML050", "***a*** __b__\n", {}, [("ML050", 1, 9), ("ML050", 1, 12)]),
        ("ML050", "*a* _b_\n", {}, []),
    ],
)
def test_ml049_ml050_emphasis_and_strong_style(code, source, options, expected):
    assert check(source, settings=only(code, **options)) == expected


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("**Tariffs**\n\nCars.\n", {}, [("ML036", 1, 1)]),
        ("_Tariffs_\n", {}, [("ML036", 1, 1)]),
        ("**_config.yml**\n", {}, [("ML036", 1, 1)]),
        ("**a &amp; b**\n", {}, []),  # an entity
        ("**a \\* b**\n", {}, []),  # an escape
        ("# H\n**Tariffs**\n", {}, [("ML036", 2, 1)]),
        ("**Note:**\n", {}, []),  # a sentence
        ("**Note:**\n", {"punctuation": "."}, [("ML036", 1, 1)]),
        ("**Tariffs** first\n", {}, []),
        ("first **Tariffs**\n", {}, []),
        ("**Tariffs**\nfirst\n", {}, []),
        ("**a\nb**\n", {}, []),
        ("*`code`*\n", {}, []),
        ("***both***\n", {}, []),
        ("- **Tariffs**\n", {}, []),
        ("> **Tariffs**\n", {}, []),
        ("```\n**Tariffs**\n```\n", {}, []),
        ("<div>\n**Tariffs**\n</div>\n", {}, []),
        ("---\nx: '**a**'\n---\n**Tariffs**\r\n", {}, [("ML036", 4, 1)]),
        ("{% raw %}\n**Tariffs**\n{% endraw %}\n", {}, []),
    ],
)
def test_ml036_no_emphasis_as_heading(source, options, expected):
    assert check(source, settings=only("ML036", **options)) == expected


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("[a][A] ![i][] [s]\n\n[a]: /1\n[i]: /3\n[s]: /4\n", {}, []),
        ("a\n\n[u]: /1\n", {}, [("ML053", 3, 1)]),
        ("[a]\n\n[a]: /1\n[A]: /2\n", {}, [("ML053", 4, 1)]),  # defined twice
        ("[a]\n\n[a]: /1\n\ntext\n[a]: /2\n", {}, []),  # text, not a definition
        ("a\n\n[//]: # (a comment)\n", {}, []),
        ("a\n\n[keep]: /1\n", {"ignored_definitions": ["Keep"]}, []),
        ("a\n\n> [q]: /q\n", {}, [("ML053", 3, 1)]),
        ("a[^1]\n\n[^1]: a note\n", {}, []),  # a footnote
        ("```\n[a]: /x\n```\n", {}, []),
        ("<div>\n[a]: /x\n</div>\n", {}, []),
        ("---\nx: '[a]: /x'\n---\n[a]: /x\r\n", {}, [("ML053", 4, 1)]),
    ],
)
def test_ml053_link_image_reference_definitions(source, options, expected):
    assert check(source, settings=only("ML053", **options)) == expected


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("[a][b] [c][] [d]\n", {}, [("ML052", 1, 1), ("ML052", 1, 8)]),
        ("[a][b] [c][]\n\n[B]: /1\n[c]: /2\n", {}, []),
        ("[d] [x] [e](u)\n", {"shortcut_syntax": True}, [("ML052", 1, 1)]),
        ("[d]\n", {"shortcut_syntax": True, "ignored_labels": ["D"]}, []),
        ("![a][b]\n", {}, [("ML052", 1, 2)]),
        ("- [x] done [y][z]\n", {}, [("ML052", 1, 12)]),
        ("\\[a][b]\n", {}, []),  # escaped
        ("`[a][b]`\n", {}, []),
        ("```\n[a][b]\n```\n", {}, []),
        ("<div>\n[a][b]\n</div>\n", {}, []),
        ("---\nx: '[a][b]'\n---\nc\n", {}, []),
        ("{% raw %}[a][b]{% endraw %}\n", {}, []),
        ("c\r\n[a][b]\r\n", {}, [("ML052", 2, 1)]),
        ("[a\nb][c]\n", {}, [("ML052", 1, 1)]),
        ("[`a`][]\n", {}, []),  # a label of code: markdownlint does not see it
        ("[a][b]\n\n[b]: {{ site.url }}/b\n", {}, []),
        ("[a][b]\n\n[{{ name }}-x]: /y\n", {}, []),
    ],
)
def test_ml052_reference_links_images(source, options, expected):
    assert check(source, settings=only("ML052", **options)) == expected


@pytest.mark.parametrize(
    ("code", "source", "options", "expected"),
    [
        ("ML058", "a\n| a |\n|---|\n| 1 |\n\nx\n", {}, [("ML058", 2, 1)]),
        ("ML058", "# h\n| a |\n|---|\n| 1 |\n# g\n", {}, [("ML058", 2, 1), ("ML058", 4, 1)]),
        ("ML058", "| a |\n|---|\n", {}, []),  # the whole body
        ("ML058", "a\n\n| a |\n|---|\n<!-- c -->\n", {}, []),  # a comment line is blank
        ("ML058", "> a\n> | a |\n> |-|\n", {}, [("ML058", 2, 1)]),
        ("ML058", "```\n| a |\n|---|\n```\nx\n", {}, []),
        ("ML058", "---\nx: 1\n---\n| a |\n| - |\r\n* b\r\n", {}, [("ML058", 5, 1)]),
        ("ML058", "{% raw %}\n| a |\n|---|\n{% endraw %}\n", {}, []),
        ("ML055", "| a | b |\n|---|---|\n1 | 2\n", {}, [("ML055", 3, 1), ("ML055", 3, 5)]),
        ("ML055", "a | b\n--|--\n| 1 | 2 |\n", {}, [("ML055", 3, 1), ("ML055", 3, 9)]),
        ("ML055", "| a |\n|---|\n", {}, []),
        ("ML055", "| a | b |\n|---|---|\n   c | d |\n", {}, [("ML055", 3, 4)]),
        ("ML055", "| a |\n|---|\n", {"style": "leading_only"}, [("ML055", 1, 5), ("ML055", 2, 5)]),
        ("ML055", "a |\n---|\n", {"style": "trailing_only"}, []),
        ("ML055", "> | a\n> |---\n", {"style": "leading_only"}, []),
        ("ML055", "```\na | b\n|--|--|\n```\n", {"style": "leading_only"}, []),
        (
            "ML056",
            "| a | b |\n|---|---|\n| 1 | 2 | 3 |\n| 1 |\n",
            {},
            # as markdownlint: at the pipe that opens the first extra cell, at a short row's end
            [("ML056", 3, 9), ("ML056", 4, 5)],
        ),
        ("ML056", "a | b\n--|--\na | b | c\n", {}, [("ML056", 3, 7)]),
        # a row indented more than the first: columns from where its text starts
        ("ML056", "| a | b |\n|---|---|\n  | e |\n", {}, [("ML056", 3, 7)]),
        ("ML056", "| a | b |\n|---|---|\n| \\| | `x` |\n", {}, []),  # an escaped pipe
        ("ML056", "> | a | b |\n> |---|---|\n> | 1 |\n", {}, [("ML056", 3, 7)]),
        ("ML056", "| a |\n|---|\n| 1 |\r\n", {}, []),
    ],
)
def test_ml055_ml056_ml058_tables(code, source, options, expected):
    assert check(source, settings=only(code, **options)) == expected


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("on github and Github and GitHub\n", {}, [("ML044", 1, 4), ("ML044", 1, 15)]),
        (
            "[github](https://github.com/x) https://github.com <https://github.com>\n",
            {},
            [("ML044", 1, 2)],
        ),
        ("`github`\n", {}, [("ML044", 1, 2)]),
        ("`github`\n```\ngithub\n```\n", {"code_blocks": False}, []),
        ("<div>\ngithub\n</div>\n", {}, [("ML044", 2, 1)]),
        ("<div>\ngithub\n</div>\n", {"html_elements": False}, []),
        ('<a href="https://github.com">x</a>\n', {}, [("ML044", 1, 18)]),
        ("<li>https://github.com/x</li>\n", {}, []),
        ("githubber, `my_github`\n", {}, []),  # whole words only
        # in prose `_` ends a word, as markdownlint's parser splits text there
        ("my_github\n", {}, [("ML044", 1, 4)]),
        ("[GitHub][github-home]\n\n[github-home]: https://github.com\n", {}, []),
        ("```github\ngithub\n```\n", {}, [("ML044", 2, 1)]),  # not the info string
        ("---\nt: github\n---\nx github\r\n", {}, [("ML044", 4, 3)]),
        ("{% raw %}github{% endraw %}\n", {}, []),
        ("github\n", {"names": []}, []),
    ],
)
def test_ml044_proper_names(source, options, expected):
    options = {"names": ["GitHub"], **options}
    assert check(source, settings=only("ML044", **options)) == expected


@pytest.mark.parametrize(
    ("code", "before", "after"),
    [
        ("ML038", "a ` b` and `c ` and `  d  `\n", "a `b` and `c` and `d`\n"),
        ("ML038", "x `a\nb ` y\n", "x `a\nb` y\n"),
        ("ML038", "a\r\n` b`\r\n", "a\r\n`b`\r\n"),
        ("ML039", "[ a ](u) and [ b][r]\n\n[r]: /x\n", "[a](u) and [b][r]\n\n[r]: /x\n"),
        ("ML039", "a\r\n[a\t](u)\r\n", "a\r\n[a](u)\r\n"),
        ("ML037", "a ** b ** c *d *\n", "a **b** c *d*\n"),
        ("ML037", "a\r\n__ b__\r\n", "a\r\n__b__\r\n"),
        ("ML049", "*a* _b_ and _c_\r\n", "*a* *b* and *c*\r\n"),
        ("ML050", "__a__ **b**\n", "__a__ __b__\n"),
        ("ML053", "[a]\n\n[a]: /1\n[u]: /2\n[A]: /3\n", "[a]\n\n[a]: /1\n"),
        (
            "ML058",
            "a\n| a |\n|---|\nb\n\n| a |\n|---|\n# h\n",
            "a\n\n| a |\n|---|\nb\n\n| a |\n|---|\n\n# h\n",
        ),
        ("ML058", "a\r\n| a |\r\n|---|\r\n", "a\r\n\r\n| a |\r\n|---|\r\n"),
        ("ML053", "[a]\r\n\r\n[u]: /2\r\n[a]: /1", "[a]\r\n\r\n[a]: /1"),
    ],
)
def test_fixes_change_only_the_problem_and_are_idempotent(code, before, after):
    assert_exact_fix(code, before, after)


def test_ml038_reads_no_code_in_an_mdx_expression_with_nested_braces():
    source = "<h2>\n  {release && ` (${release.name})`}\n</h2>\n"
    assert check(source, path="post.mdx", settings=only("ML038")) == []


def test_ml039_line_break_at_the_end_of_a_link_text_has_no_fix():
    fixed, _count, left = fix_text("[a\n](u) [ b](u)\n", "post.md", only("ML039"))
    assert fixed == "[a\n](u) [b](u)\n"
    assert [(d.code, d.line, d.column) for d in left] == [("ML039", 1, 3)]


def test_ml044_fix_writes_the_name():
    settings = only("ML044", names=["GitHub", "JavaScript"])
    fixed, _count, left = fix_text("javascript on github\r\n", "post.md", settings)
    assert (fixed, left) == ("JavaScript on GitHub\r\n", [])


def test_ml053_definition_over_two_lines_has_no_fix():
    fixed, _count, left = fix_text("a\n\n[u]:\n  /1\n", "post.md", only("ML053"))
    assert fixed == "a\n\n[u]:\n  /1\n"
    assert [(d.code, d.line) for d in left] == [("ML053", 3)]


def test_off_by_default():
    assert (
        check(
            "**a**\n\na ` b` [ c ](u) ** d ** *e* _f_ **g** __h__\n\n[x]: /x\n\n| a |\n|---|\nb | c\n# d\n"
        )
        == []
    )
