"""ML013 and ML044 read lines, links and URLs as markdownlint does."""

import pytest

from tests.helpers import check
from tests.test_rules_markdownlint import only

TABLE = "| a | b |\n| - | - |\n"


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        # the last word may start at the limit, not beyond it
        ("x" * 19 + " " + "y" * 10 + "\n", {}, [("ML013", 1, 21)]),
        ("x" * 18 + " " + "y" * 10 + "\n", {}, []),
        ("x" * 25 + " \n", {}, [("ML013", 1, 21)]),
        ("x" * 19 + "\t" + "y" * 10 + "\n", {}, [("ML013", 1, 21)]),
        ("x" * 19 + "\u00a0" + "y" * 10 + "\n", {}, [("ML013", 1, 21)]),
        ("x" * 10 + " " + "y" * 20 + "\n", {}, []),
        # stern: every long line of more than one word; strict: every long line
        ("a " + "b" * 30 + "\n", {}, []),
        ("a " + "b" * 30 + "\n", {"stern": True}, [("ML013", 1, 21)]),
        ("  " + "b" * 30 + "\n", {"stern": True}, []),
        ("  " + "b" * 30 + "\n", {"strict": True}, [("ML013", 1, 21)]),
        # a line of links, or with links and no paragraph text of its own, is left alone
        ('[some text here](https://example.com/a "a title")\n', {}, []),
        (
            '[some text here](https://example.com/a "a title")\n',
            {"strict": True},
            [("ML013", 1, 21)],
        ),
        ("*see [x](https://example.com/a) and more text*\n", {}, []),
        ("# See [x](https://example.com/a) and more words\n", {}, []),
        (TABLE + "| [x](https://example.com/aaaa) c d e |\n", {}, []),
        (TABLE + "| https://example.com/aaaa bbbb cccc |\n", {}, []),
        (TABLE + "| `code` and some more words here |\n", {}, [("ML013", 3, 21)]),
        ("see [x](https://example.com/aaaa) and more words\n", {}, [("ML013", 1, 21)]),
        ("see https://example.com/aaaa and more words\n", {}, [("ML013", 1, 21)]),
        # ... in a code block it is code
        (
            "```\n[x](https://example.com/aaaa) and more\n```\n",
            {"code_block_line_length": 20},
            [("ML013", 2, 21)],
        ),
        # `tables = false`: the delimiter row and rows of code too
        (TABLE.replace("-", "-" * 12) + "| `code code code code` | b |\n", {"tables": False}, []),
        # a footnote, all its lines, and a definition are never flagged
        ("a[^1]\n\n[^1]: short\ncontinued words that go on and on\n", {"strict": True}, []),
        ("[label]:\n  https://example.com/aaaa 'and a long title'\n", {"strict": True}, []),
    ],
)
def test_ml013_reads_lines_as_markdownlint(source, options, expected):
    assert check(source, settings=only("ML013", line_length=20, **options)) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # an HTML comment is read a line at a time: a line that starts as HTML is text,
        # another one Markdown, where a URL outside a link is a bare URL
        ("<!-- https://github.com/v -->\n", [("ML044", 1, 14)]),
        ("<!--\nsee https://github.com/x\n- [x](https://github.com/u)\n-->\n", [("ML044", 3, 15)]),
        # in an HTML block, the attributes are text and the rest Markdown
        (
            '<p>see <a href="https://github.com/x">https://github.com/y</a></p>\n',
            [("ML044", 1, 25)],
        ),
        # a code line indented four columns more than its fence is code to markdownlint
        (
            "```sh\ncurl https://github.com/x\n    curl https://github.com/y\n```\n",
            [("ML044", 3, 18)],
        ),
        # only GFM's bare URLs are URLs: a scheme alone is a word
        ("a 'github:' scheme\n", [("ML044", 1, 4)]),
        # in prose `_` ends a word; in code it does not
        ("use GITHUB_TOKEN\n", [("ML044", 1, 5)]),
        ("use `GITHUB_TOKEN`\n", []),
    ],
)
def test_ml044_reads_urls_and_words_as_markdownlint(source, expected):
    assert check(source, settings=only("ML044", names=["GitHub"])) == expected


@pytest.mark.parametrize(
    ("source", "code", "expected"),
    [
        # an item indented with a tab is read where it stands (the parser's range starts with
        # the line break before it)
        ("- a\n\t- b\n\t\t- c\n", "ML007", [("ML007", 2, 2), ("ML007", 3, 3)]),
        ("* a\n\t- b\n", "ML004", [("ML004", 2, 2)]),
        ("- a\r\n\t- b\r\n", "ML007", [("ML007", 2, 2)]),
    ],
)
def test_items_indented_with_tabs(source, code, expected):
    assert check(source, settings=only(code)) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # four columns beyond the fence, or beyond an indented block's own four, are code
        ('  ```sh\n    curl "https://github.com/x"\n  ```\n', []),
        ('  ```sh\n      curl "https://github.com/x"\n  ```\n', [("ML044", 2, 21)]),
        ('- a\n\n  ```sh\n    curl "https://github.com/x"\n  ```\n', []),
        (
            '    curl "https://github.com/x"\n        curl "https://github.com/y"\n',
            [("ML044", 2, 23)],
        ),
    ],
)
def test_ml044_reads_code_indentation_as_markdownlint(source, expected):
    assert check(source, settings=only("ML044", names=["GitHub"])) == expected
