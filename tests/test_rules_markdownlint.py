"""The markdownlint family (ML) and the rules that answer to markdownlint's codes: one table
of small documents per rule, and the fixes."""

import pytest

from lint.fix import fix_text
from lint.settings import Settings
from tests.helpers import check


def only(code: str, **options) -> Settings:
    return Settings(select=(code,), rules={code: options} if options else {})


def assert_exact_fix(code: str, before: str, after: str, **options) -> None:
    """Fixing `before` with only the rule `code` (and its `options`) gives exactly `after`,
    leaving no problem of it, and fixing again changes nothing."""
    settings = only(code, **options)
    fixed, count, left = fix_text(before, "post.md", settings)
    assert (fixed, left) == (after, [])
    assert count >= 1
    assert fix_text(fixed, "post.md", settings)[:2] == (after, 0)


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("a \n", {}, [("ML009", 1, 2)]),
        ("a  \nb\n", {}, []),  # two spaces: a hard break
        ("a   \n", {}, [("ML009", 1, 2)]),
        ("a  \n", {"br_spaces": 0}, [("ML009", 1, 2)]),
        ("a  \n\nb\n", {"strict": True}, [("ML009", 1, 2)]),  # a break that breaks nothing
        ("a\t\n", {}, [("ML009", 1, 2)]),
        ("    code \n", {}, []),  # code blocks are not checked by default
        ("    code \n", {"code_blocks": True}, [("ML009", 1, 9)]),
        ("---\ntitle: a \n---\nb\n", {}, []),  # the front matter is not Markdown
        ("a {{< x >}} \n", {}, [("ML009", 1, 12)]),
        ("a\r\nb \r\n", {}, [("ML009", 2, 2)]),
    ],
)
def test_ml009_trailing_spaces(source, options, expected):
    assert check(source, settings=only("ML009", **options)) == expected


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("a\tb\n", {}, [("ML010", 1, 2)]),
        ("\t\ta\tb\n", {}, [("ML010", 1, 1), ("ML010", 1, 4)]),
        ("```go\n\tx\n```\n", {}, [("ML010", 2, 1)]),
        ("```go\n\tx\n```\n", {"code_blocks": False}, []),
        ("```go\n\tx\n```\n", {"ignore_code_languages": ["Go"]}, []),
        ("---\na:\tb\n---\nc\n", {}, []),
    ],
)
def test_ml010_hard_tabs(source, options, expected):
    assert check(source, settings=only("ML010", **options)) == expected


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("a\n\nb\n", {}, []),
        ("a\n\n\nb\n", {}, [("ML012", 3, 1)]),
        ("a\n\n\n\nb\n", {}, [("ML012", 3, 1), ("ML012", 4, 1)]),
        ("a\n\n\nb\n", {"maximum": 2}, []),
        ("```\na\n\n\nb\n```\n", {}, []),  # blank lines in code are code
        ("---\na: 1\n---\n\n\nb\n", {}, []),  # blank lines after the front matter are its own
        ("a\n\n\n", {}, [("ML012", 3, 1), ("ML012", 4, 1)]),  # as markdownlint counts
        ("\n\nb\n", {}, [("ML012", 2, 1)]),
    ],
)
def test_ml012_multiple_blanks(source, options, expected):
    assert check(source, settings=only("ML012", **options)) == expected


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("a " * 41 + "\n", {}, [("ML013", 1, 81)]),
        ("a" * 90 + "\n", {}, []),  # nothing to wrap at
        ("a" * 90 + "\n", {"strict": True}, [("ML013", 1, 81)]),
        ("a " * 41 + "\n", {"line_length": 100}, []),
        ("[a]: https://example.com/" + "x" * 90 + "\n", {}, []),
        ("[^1]: " + "word " * 20 + "\n", {}, []),
        ("```\n" + "a " * 41 + "\n```\n", {"code_blocks": False}, []),
        ("# " + "a " * 41 + "\n", {"heading_line_length": 100}, []),
        ("| a |\n| - |\n| " + "b " * 41 + "|\n", {"tables": False}, []),
    ],
)
def test_ml013_line_length(source, options, expected):
    assert check(source, settings=only("ML013", **options)) == expected


@pytest.mark.parametrize(
    ("code", "source", "expected"),
    [
        ("ML018", "#Tariffs\n", [("ML018", 1, 1)]),
        ("ML018", "##Tariffs\n", [("ML018", 1, 1)]),
        ("ML018", "# Tariffs\n", []),
        ("ML018", "#Tariffs#\n", []),  # closed: markdownlint's MD020
        ("ML018", "```\n#include\n```\n", []),
        ("ML018", "<div>\n#x\n</div>\n", []),
        ("ML019", "##  Tariffs\n", [("ML019", 1, 1)]),
        ("ML019", "## Tariffs\n", []),
        ("ML019", "> ##  Quoted\n", [("ML019", 1, 3)]),
        ("ML023", "  # Tariffs\n", [("ML023", 1, 1)]),
        ("ML023", "# Tariffs\n", []),
        ("ML026", "# Tariffs:\n", [("ML026", 1, 10)]),
        ("ML026", "# Tariffs #\n", []),
        ("ML026", "# Tariffs. #\n", [("ML026", 1, 10)]),
        ("ML026", "# Q&amp;A &copy;\n", []),
        ("ML026", "# Why?\n", []),
        ("ML026", "Tariffs!\n===\n", [("ML026", 1, 8)]),
    ],
)
def test_ml018_ml019_ml023_ml026_heading_syntax(code, source, expected):
    assert check(source, settings=only(code)) == expected


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("a\n# T\nb\n", {}, [("ML022", 2, 1), ("ML022", 2, 1)]),
        ("a\n\n# T\n\nb\n", {}, []),
        ("# T\nb\n", {}, [("ML022", 1, 1)]),
        ("---\nx: 1\n---\n# T\n\nb\n", {}, []),  # first in the body
        ("a\n# T\nb\n", {"lines_above": 0}, [("ML022", 2, 1)]),
        ("a\n\n# T\n\n\nb\n", {"lines_below": 2}, []),
        ("T\n=\nb\n", {}, [("ML022", 1, 1)]),  # below a setext underline
        ("a\n<!-- c -->\n# T\n", {}, []),  # a comment line counts as blank
    ],
)
def test_ml022_blanks_around_headings(source, options, expected):
    assert check(source, settings=only("ML022", **options)) == expected


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("a\n```\nx\n```\nb\n", {}, [("ML031", 2, 1), ("ML031", 4, 1)]),
        ("a\n\n```\nx\n```\n\nb\n", {}, []),
        ("- a\n  ```\n  x\n  ```\n", {}, [("ML031", 2, 3)]),
        ("- a\n  ```\n  x\n  ```\n", {"list_items": False}, []),
        ("    code\n", {}, []),  # indented code has no fences
        ("{% raw %}\n```\nx\n```\n{% endraw %}\n", {}, []),  # Liquid is invisible
    ],
)
def test_ml031_blanks_around_fences(source, options, expected):
    assert check(source, settings=only("ML031", **options)) == expected


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("```\nx\n```\n", {}, [("ML040", 1, 1)]),
        ("```sh\nx\n```\n", {}, []),
        ("~~~\nx\n~~~\n", {}, [("ML040", 1, 1)]),
        ("    indented\n", {}, []),
        ("```sh\nx\n```\n", {"allowed_languages": ["bash"]}, [("ML040", 1, 1)]),
        ("```sh title=x\nx\n```\n", {"language_only": True}, [("ML040", 1, 1)]),
    ],
)
def test_ml040_fenced_code_language(source, options, expected):
    assert check(source, settings=only("ML040", **options)) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a", [("ML047", 1, 2)]),
        ("a\n", []),
        ("a\n<!-- end -->", []),  # a last line of comments counts as ended
        ("", []),
    ],
)
def test_ml047_single_trailing_newline(source, expected):
    assert check(source, settings=only("ML047")) == expected


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("See https://example.com now.\n", {}, [("ML034", 1, 5)]),
        ("Mail a@example.com.\n", {}, [("ML034", 1, 6)]),
        ("See <https://example.com>.\n", {}, []),
        ("See [https://example.com](https://example.com).\n", {}, []),
        ("See `https://example.com`.\n", {}, []),
        ('<a href="https://example.com">x</a>\n', {}, []),
        ("(see https://example.com/a_(b))\n", {}, [("ML034", 1, 6)]),
        # a scheme without a host is no link
        ('It must start with "http://" or "https://".\n', {}, []),
        ("Either http:// or https://_ will do.\n", {}, []),
    ],
)
def test_ml034_bare_urls(source, options, expected):
    assert check(source, settings=only("ML034", **options)) == expected


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("# T\n", {}, []),
        ("a\n\n# T\n", {}, [("ML041", 1, 1)]),
        ("## T\n", {}, [("ML041", 1, 1)]),
        ("## T\n", {"level": 2}, []),
        ("<!-- c -->\n# T\n", {}, []),
        ("<h1>T</h1>\n", {}, []),
        ("---\ntitle: T\n---\nText\n", {}, []),
        ("---\ntitle: T\n---\nText\n", {"front_matter_title": ""}, [("ML041", 4, 1)]),
        ("---\nlayout: x\n---\n\nText\n", {}, [("ML041", 5, 1)]),
    ],
)
def test_ml041_first_line_heading(source, options, expected):
    assert check(source, settings=only("ML041", **options)) == expected


MARKDOWNLINT_TITLE = r"^\s*\"?title\"?\s*[:=]"


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        # mdvet's reading: the outline, from the first heading
        ("### A\n\n# B\n\n> ### Q\n", {}, []),
        ("---\ntitle: x\n---\n### A\n", {}, []),
        # markdownlint's: the front-matter title is level 1, quoted headings count
        (
            "---\ntitle: x\n---\n### A\n\n# B\n\n> ### Q\n",
            {"front_matter_title": MARKDOWNLINT_TITLE, "quoted": True},
            [("HD001", 4, 1), ("HD001", 8, 3)],
        ),
    ],
)
def test_hd001_answers_md001(source, options, expected):
    assert check(source, settings=only("MD001", **options)) == expected


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("Intro\n\n# A\n\n# B\n", {}, [("HD002", 5, 1)]),
        # markdownlint's reading: a first `#` after other text is not the title
        ("Intro\n\n# A\n\n# B\n", {"front_matter_title": MARKDOWNLINT_TITLE}, []),
        ("# A\n\n# B\n", {"front_matter_title": MARKDOWNLINT_TITLE}, [("HD002", 3, 1)]),
        (
            "---\ntitle: x\n---\n# A\n",
            {"front_matter_title": MARKDOWNLINT_TITLE},
            [("HD002", 4, 1)],
        ),
        ("# A\n\n## B\n\n## C\n", {"front_matter_title": "", "level": 2}, []),
    ],
)
def test_hd002_answers_md025(source, options, expected):
    assert check(source, settings=only("MD025", **options)) == expected


@pytest.mark.parametrize(
    ("code", "before", "after"),
    [
        ("ML009", "a   \nb \r\n", "a\nb\r\n"),
        ("ML010", "a\tb\n", "a b\n"),
        ("ML012", "a\n\n\n\nb\n", "a\n\nb\n"),
        ("ML018", "#Tariffs\n", "# Tariffs\n"),
        ("ML019", "##   Tariffs\n", "## Tariffs\n"),
        ("ML022", "a\n# T\nb\n", "a\n\n# T\n\nb\n"),
        ("ML023", "  # T\n", "# T\n"),
        ("ML026", "# Tariffs:\n", "# Tariffs\n"),
        ("ML031", "a\n```\nx\n```\nb\n", "a\n\n```\nx\n```\n\nb\n"),
        ("ML034", "See https://example.com.\n", "See <https://example.com>.\n"),
        ("ML047", "a\r\nb", "a\r\nb\r\n"),
        ("ML014", "```sh\n$ a\n$  b\n```\n", "```sh\na\nb\n```\n"),
        ("ML029", "1. a\n3. b\n5. c\n", "1. a\n2. b\n3. c\n"),
        ("ML029", "1. a\n1. b\n2. c\n", "1. a\n1. b\n1. c\n"),
        ("ML029", "01. a\n02. b\n04. c\r\n", "01. a\n02. b\n03. c\r\n"),  # zeros kept
        # right-aligned numbers keep their column
        (
            "ML029",
            "".join(f" {n}. x\n" for n in range(1, 9)) + "10. x\n",
            "".join(f" {n}. x\n" for n in range(1, 10)),
        ),
    ],
)
def test_fixes_change_only_the_problem_and_are_idempotent(code, before, after):
    assert_exact_fix(code, before, after)


@pytest.mark.parametrize(
    ("before", "safe", "unsafe"),
    [
        # a list's first number is what renderers show: renumbering it is unsafe, and so is
        # renumbering the rest of that list (the source would then disagree with the page)
        ("5. a\n6. b\n", "5. a\n6. b\n", "1. a\n2. b\n"),
        ("1. a\n3. b\n", "1. a\n2. b\n", "1. a\n2. b\n"),
        ("1. a\n", "1. a\n", "0. a\n"),  # with style zero, below
    ],
)
def test_ml029_fix_is_unsafe_where_the_list_would_start_elsewhere(before, safe, unsafe):
    settings = only("ML029", style="zero") if before == "1. a\n" else only("ML029")
    assert fix_text(before, "post.md", settings)[0] == safe
    assert fix_text(before, "post.md", settings, unsafe=True)[0] == unsafe


@pytest.mark.parametrize(
    ("source", "unsafe", "after"),
    [
        ("#Tariffs\n", False, "# Tariffs\n"),
        ("Intro.\n\n#Tariffs\n", False, "Intro.\n\n# Tariffs\n"),
        # a word that wrapping put at the start of a paragraph's line: the space would make a heading
        ("Ask on the\n#rust channel.\n", False, "Ask on the\n#rust channel.\n"),
        ("Ask on the\n#rust channel.\n", True, "Ask on the\n# rust channel.\n"),
    ],
)
def test_ml018_fix_is_unsafe_inside_a_paragraph(source, unsafe, after):
    assert fix_text(source, "post.md", only("ML018"), unsafe=unsafe)[0] == after


def test_ml018_is_off_by_default():
    assert check("#Tariffs\n") == []


def test_ml010_fix_uses_spaces_per_tab():
    fixed = fix_text("a\t\tb\n", "post.md", only("ML010", spaces_per_tab=2))[0]
    assert fixed == "a    b\n"


@pytest.mark.parametrize(
    ("code", "source", "options", "expected"),
    [
        ("ML004", "- a\n* b\n", {}, [("ML004", 2, 1)]),
        ("ML004", "* a\n* b\n", {}, []),
        ("ML004", "- a\n", {"style": "asterisk"}, [("ML004", 1, 1)]),
        ("ML004", "- a\n  - b\n", {"style": "sublist"}, [("ML004", 2, 3)]),
        ("ML004", "- a\n  * b\n", {"style": "sublist"}, []),
        ("ML007", "- a\n   - b\n", {}, [("ML007", 2, 4)]),
        ("ML007", "- a\n  - b\n", {}, []),
        ("ML007", "  - a\n", {}, [("ML007", 1, 3)]),
        ("ML007", "  - a\n", {"start_indented": True}, []),
        ("ML007", "1. a\n   - b\n", {}, []),  # under an ordered list: not checked
        ("ML007", "> - a\n>   - b\n", {}, []),
        ("ML029", "1. a\n3. b\n", {}, [("ML029", 2, 1)]),
        ("ML029", "1. a\n1. b\n1. c\n", {}, []),
        ("ML029", "0. a\n1. b\n", {}, []),
        ("ML029", "5. a\n6. b\n", {}, [("ML029", 1, 1), ("ML029", 2, 1)]),
        ("ML029", "1. a\n2. b\n", {"style": "one"}, [("ML029", 2, 1)]),
        ("ML030", "-  a\n", {}, [("ML030", 1, 1)]),
        ("ML030", "- a\n", {}, []),
        ("ML030", "1.  a\n", {"ol_single": 2}, []),
        ("ML030", "-     code\n", {}, []),  # indented code in the item
        ("ML032", "a\n- b\n", {}, [("ML032", 2, 1)]),
        ("ML032", "- b\n\na\n", {}, []),
        ("ML032", "a\n\n- b\n\n[x]: /y\n", {}, []),  # the list ends with its last item
        ("ML032", "<!-- c -->\n- b\n", {}, []),
        ("ML032", "- a\n  - b\n- c\n", {}, []),
    ],
)
def test_list_rules(code, source, options, expected):
    assert check(source, settings=only(code, **options)) == expected


@pytest.mark.parametrize(
    ("code", "before", "after"),
    [
        ("ML004", "- a\n* b\n", "- a\n- b\n"),
        ("ML007", "- a\n    - b\n", "- a\n  - b\n"),
        ("ML030", "-   a\n", "- a\n"),
        ("ML032", "a\n- b\nc\n\nd\n", "a\n\n- b\nc\n\nd\n"),
    ],
)
def test_list_fixes(code, before, after):
    settings = only(code)
    fixed, _count, left = fix_text(before, "post.md", settings)
    assert (fixed, left) == (after, [])


@pytest.mark.parametrize(
    ("path", "source", "expected"),
    [
        ("page.mdx", "<div>\n```js\nx\n```\n</div>\n", []),
        ("page.md", "<div>\n\n```js\nx\n```\n\n</div>\n", []),
        ("page.md", "text\n```js\nx\n```\n", [("ML031", 2, 1)]),
    ],
)
def test_ml031_jsx_lines_are_invisible_in_mdx(path, source, expected):
    assert check(source, path, settings=only("ML031")) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("维护在https://github.com/nodejs/snap 维护\n", [("ML034", 1, 4)]),
        ('A name: "User@Domain.com"\n', [("ML034", 1, 10)]),
        ("xhttps://example.com\n", []),
        ("see awww.example.com\n", []),
        ('<a href="http://x.org">http://x.org</a> and\n', []),
    ],
)
def test_ml034_where_a_literal_autolink_may_start(source, expected):
    assert check(source, settings=only("ML034")) == expected


@pytest.mark.parametrize(
    ("code", "source", "options", "expected"),
    [
        ("ML014", "```sh\n$ a\n$ b\n```\n", {}, [("ML014", 2, 1), ("ML014", 3, 1)]),
        ("ML014", "```sh\n$ a\nout\n```\n", {}, []),
        ("ML014", "    $ c\n", {}, [("ML014", 1, 5)]),
        ("ML014", "```sh\na\n```\n", {}, []),
        ("ML046", "```\na\n```\n\n    b\n", {}, [("ML046", 5, 5)]),
        ("ML046", "    b\n\n```\na\n```\n", {}, [("ML046", 3, 1)]),
        ("ML046", "```\na\n```\n", {"style": "indented"}, [("ML046", 1, 1)]),
        ("ML048", "```\na\n```\n\n~~~\nb\n~~~\n", {}, [("ML048", 5, 1)]),
        ("ML048", "```\na\n```\n", {"style": "tilde"}, [("ML048", 1, 1)]),
        ("ML048", "~~~\na\n~~~\n", {"style": "tilde"}, []),
    ],
)
def test_code_rules(code, source, options, expected):
    assert check(source, settings=only(code, **options)) == expected
