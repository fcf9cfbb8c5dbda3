"""markdownlint's rules of link fragments (ML051), table column style (ML060) and required
headings (ML043): one table of small documents per rule, and their fixes byte for byte."""

import re

import pytest

from lint.document import unreadable_document
from lint.engine import run
from lint.fix import fix_text
from lint.model import SettingsError
from tests.helpers import check
from tests.test_rules_markdownlint import assert_exact_fix, only


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("# Heading Name\n\n[a](#heading-name)\n", {}, []),
        ("# Heading Name\n\n[a](#nope)\n", {}, [("ML051", 3, 1)]),
        ("# Heading Name\n\n[a](#Heading-Name)\n", {}, [("ML051", 3, 1)]),
        ("# Heading Name\n\n[a](#Heading-Name)\n", {"ignore_case": True}, []),
        ("# A\n\n[a](#B)\n", {"ignore_case": True}, [("ML051", 3, 1)]),
        ("x\n\n[a](#top) [b](#L20) [c](#L19C5-L21C11) [d](#L2-L3)\n", {}, []),
        (
            "x\n\n[a](#Top) [b](#l20) [c](#L19C5)\n",
            {},
            [("ML051", 3, 1), ("ML051", 3, 11), ("ML051", 3, 21)],
        ),
        ("x\n\n[a](#figure-1) [b](#fig)\n", {"ignored_pattern": "^figure-"}, [("ML051", 3, 16)]),
        ("x\n\n[a](#)\n", {}, []),  # a bare `#` is ML042's
        ("x\n\n[a](other.md#nope) [b](https://x.test/#nope)\n", {}, []),  # other pages
        # GitHub's anchors: punctuation dropped, spaces as hyphens, Unicode letters kept
        ("## Japan's holdings: 2025!\n\n[a](#japans-holdings-2025)\n", {}, []),
        ("## snake_case - A\n\n[a](#snake_case---a)\n", {}, []),
        ("# Héllo Wörld\n\n[a](#héllo-wörld) [b](#h%C3%A9llo-w%C3%B6rld)\n", {}, []),
        ("# Héllo\n\n[a](#h%c3%a9llo)\n", {}, [("ML051", 3, 1)]),
        ("# Héllo\n\n[a](#HÉLLO)\n", {}, [("ML051", 3, 1)]),
        # repeats: `-1`, `-2`
        ("# A\n## A\n## A\n\n[a](#a) [b](#a-1) [c](#a-2)\n", {}, []),
        ("# A\n## A\n\n[a](#a-2)\n", {}, [("ML051", 4, 1)]),
        ("# A\n## A\n## A-1\n## A\n\n[a](#a-2) [b](#a-1-1)\n", {}, [("ML051", 6, 11)]),
        # the heading's text: code and link text kept; images, HTML and autolinks left out
        ("# A ![i](x.png) [l](u) `c` <b>b</b>\n\n[a](#a--l-c-b)\n", {}, []),
        ("# A ![i](x.png)\n\n[a](#a-i)\n", {}, [("ML051", 3, 1)]),
        ("## [Foo][r] bar\n\n[a](#foo-bar)\n\n[r]: /u\n", {}, []),
        ("# See https://x.test/a_b and www.x.com, x@y.com\n\n[a](#see--and--)\n", {}, []),
        ("# [www.x.com](u) <https://y.test>\n\n[a](#wwwxcom-)\n", {}, []),
        ("# Caf&eacute; &amp; `&amp;`\n\n[a](#caf--amp)\n", {}, []),
        ("Foo\nbar\n===\n\n[a](#foobar) [b](#foo-bar)\n", {}, [("ML051", 5, 14)]),
        ("# Closed ##\n\n[a](#closed)\n", {}, []),
        ("> # Quoted\n\n[a](#quoted)\n", {}, []),
        ("#\n\n[a](#top)\n", {}, []),  # an empty heading has no anchor
        # `{#id}`: its own anchor, and part of the heading's text
        ("# T {#custom-id}\n\n[a](#custom-id) [b](#t-custom-id)\n", {}, []),
        ("# T {#custom-id}\n\n[a](#t)\n", {}, [("ML051", 3, 1)]),
        ("# A {#a}\n## A\n\n[a](#a-a) [b](#a-1)\n", {}, []),
        ("# T {#Upper}\n\n[a](#upper)\n", {}, [("ML051", 3, 1)]),
        # HTML anchors: any tag's id, an <a>'s name; not in comments or code
        ('<a id="bm"></a>\n\n[a](#bm)\n', {}, []),
        ("<div id='box'>\n\nx\n\n</div>\n\n[a](#box)\n", {}, []),
        ('x <span id="in">y</span>\n\n[a](#in)\n', {}, []),
        ('<a name="n1">x</a> <p name="p1">y</p>\n\n[a](#n1) [b](#p1)\n', {}, [("ML051", 3, 10)]),
        ('<!-- <a id="c1"></a> -->\n\n[a](#c1)\n', {}, [("ML051", 3, 1)]),
        ('`<a id="c2">`\n\n[a](#c2)\n', {}, [("ML051", 3, 1)]),
        ('<a id="Bm"></a>\n\n[a](#bm)\n', {}, [("ML051", 3, 1)]),
        # reference definitions are checked, used or not; images are not
        ("# A\n\n[x][r]\n\n[r]: #b\n[s]: #a\n", {}, [("ML051", 5, 1)]),
        ("# A\n\n![i](#nope) <a href='#nope'>h</a>\n", {}, []),
        # links anywhere in the body: tables, quotes, lists, over two lines
        ("| a | [b](#nope) |\n|---|---|\n", {}, [("ML051", 1, 7)]),
        ("> - [q](#nope)\n", {}, [("ML051", 1, 5)]),
        ("# A\n\n[x\ny](#B)\n", {}, [("ML051", 3, 1)]),
        # docfx tabs: a heading that is one link to `#tab/…`
        ("# [Linux](#tab/linux)\n\n# [Mac](#tab/mac) x\n", {}, [("ML051", 3, 3)]),
        # code, the front matter and templates are not read
        ("```\n[a](#x)\n```\n\n    [b](#y)\n\n`[c](#z)`\n", {}, []),
        ("<div>\n[a](#x)\n</div>\n", {}, []),
        ('---\ntitle: "[a](#q)"\n---\n[b](#r)\n', {}, [("ML051", 4, 1)]),
        ("{% raw %}[a](#x){% endraw %}\n", {}, []),
        ("{{< note >}}[a](#x){{< /note >}}\n", {}, []),
        ("# A\r\n\r\n[a](#a) [b](#b)\r\n", {}, [("ML051", 3, 9)]),
    ],
)
def test_ml051_link_fragments(source, options, expected):
    assert check(source, settings=only("ML051", **options)) == expected


def test_ml051_in_mdx():
    source = "# Install\n\n<Note id='n'>\n  [a](#install) [b](#n) [c](#x)\n</Note>\n"
    assert check(source, path="page.mdx", settings=only("ML051")) == [("ML051", 4, 25)]


def test_ml051_messages_name_the_fragment_and_the_anchor():
    from lint.engine import check_text

    found = check_text("# Heading Name\n\n[a](#Heading-Name) [b](#x)\n", "post.md", only("ML051"))
    assert [d.message for d in found] == [
        "link fragment '#Heading-Name' differs in case from the anchor; expected '#heading-name'",
        "link fragment '#x' matches no heading or anchor of this page",
    ]


def test_ml051_ignored_pattern_must_be_a_regular_expression():
    with pytest.raises(SettingsError, match=r"ignored_pattern: .*'\[' is not a regular expression"):
        check("x\n", settings=only("ML051", ignored_pattern="["))


def test_ml051_link_over_two_lines_has_no_fix():
    source = "# A\n\n[x\ny](#A)\n"
    fixed, _count, left = fix_text(source, "post.md", only("ML051"))
    assert fixed == source
    assert [(d.code, d.line) for d in left] == [("ML051", 3)]


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        # any (the default): a table in any of the three styles is left alone
        ("| a | b |\n| --- | --- |\n| c | d |\n", {}, []),
        ("|a|b|\n|---|---|\n|c|d|\n", {}, []),
        ("| ab | c |\n|----|---|\n| d  | e |\n", {}, []),
        ("| ab | c |\n|:--:|--:|\n|  d |  e|\n", {}, []),  # aligned ignores the cell text
        ("a | b\n--- | ---\nc | d\n", {}, []),  # no leading or trailing pipes: compact
        # ... one that keeps none: the problems of the closest style
        ("| a | b |\n| --- | --- |\n| c |d |\n", {}, [("ML060", 3, 5)]),
        ("| a | b |\n| - | - |\n| c  | d |\n", {}, [("ML060", 3, 6)]),
        ("|a|b|\n|-|-|\n|c| d|\n", {}, [("ML060", 3, 6)]),
        # aligned: in display width (a CJK character and an emoji are two wide)
        (
            "| a | b |\n|---|---|\n| cc | d |\n",
            {"style": "aligned"},
            [("ML060", 3, 6), ("ML060", 3, 10)],
        ),
        ("| 日本 | b |\n| ---- | - |\n| x    | y |\n", {"style": "aligned"}, []),
        ("| 日本 | b |\n| -- | --- |\n", {"style": "aligned"}, [("ML060", 2, 6)]),
        ("| ✅ | b |\n| -- | - |\n", {"style": "aligned"}, []),
        ("| ⚠️ | b |\n| -- | - |\n", {"style": "aligned"}, []),
        ("| a | b |\n| - | - |\n| c | d | e |\n", {"style": "aligned"}, []),  # extra pipes
        # compact: one space each side inside the row, one in an empty cell
        ("| a  | b |\n| --- | --- |\n", {"style": "compact"}, [("ML060", 1, 6)]),
        ("|a | b |\n| --- | --- |\n", {"style": "compact"}, [("ML060", 1, 1)]),
        (
            "| a | b |\n|---|---|\n",
            {"style": "compact"},
            [("ML060", 2, 1)] + [("ML060", 2, 5)] * 2 + [("ML060", 2, 9)],
        ),
        (
            "| a | b |\n| --- | --- |\n|   | c |\n",
            {"style": "compact"},
            [("ML060", 3, 1), ("ML060", 3, 5)],
        ),
        (
            "| a | b |\n| --- | --- |\n|| c |\n",
            {"style": "compact"},
            [("ML060", 3, 1), ("ML060", 3, 2)],
        ),
        ("| a | b |   \n| --- | --- |\n  | c | d |\n", {"style": "compact"}, []),  # outside
        (
            "| a | b |\n| --- | --- |\n",
            {"style": "compact", "aligned_delimiter": True},
            [("ML060", 2, 7), ("ML060", 2, 13)],
        ),
        ("| a | b |\n| - | - |\n", {"style": "compact", "aligned_delimiter": True}, []),
        # tight: no space
        ("|a|b|\n|---|---|\n| c|d |\n", {"style": "tight"}, [("ML060", 3, 1), ("ML060", 3, 7)]),
        ("|a|b|\n|---|---|\n", {"style": "tight", "aligned_delimiter": True}, [("ML060", 2, 9)]),
        ("a|b\n-|-\nc |d\n", {"style": "tight"}, [("ML060", 3, 3)]),
        # escaped pipes are cell text; blockquotes and lists; code, HTML, front matter,
        # templates; CRLF
        ("| a \\| b | c |\n| --- | --- |\n", {"style": "compact"}, []),
        ("> | a | b |\n> | --- | --- |\n> | c |  d |\n", {}, [("ML060", 3, 7)]),
        ("- x\n\n  | a | b |\n  | --- | --- |\n  | c |d |\n", {}, [("ML060", 5, 7)]),
        ("```\n| a |b |\n|---|---|\n```\n", {}, []),
        ("<div>\n| a |b |\n|---|---|\n</div>\n", {}, []),
        ("---\nt: '| a |b |'\n---\nx\n", {}, []),
        ("{% raw %}\n| a |b |\n|---|---|\n{% endraw %}\n", {}, []),
        ("| a | b |\r\n| --- | --- |\r\n| c |d |\r\n", {}, [("ML060", 3, 5)]),
    ],
)
def test_ml060_table_column_style(source, options, expected):
    assert check(source, settings=only("ML060", **options)) == expected


def test_ml060_messages_say_the_style():
    from lint.engine import check_text

    source = "| a | b |\n| --- | --- |\n| c |d |\n| e | f  |\n"
    found = check_text(source, "post.md", only("ML060"))
    assert [d.message for d in found] == [
        "table pipe is missing space to the right; expected one space (style 'compact')",
        "table pipe has extra space to the left; expected one space (style 'compact')",
    ]
    found = check_text("|a|b|\n|-|-|\n|c|d |\n", "post.md", only("ML060", style="aligned"))
    assert [d.message for d in found] == [
        "table pipe at column 6 is not under a pipe of the header row; expected the columns "
        "aligned (style 'aligned')",
    ]


def test_ml060_aligned_has_no_fix():
    source = "| a | b |\n|---|---|\n| cc | d |\n"
    fixed, _count, left = fix_text(source, "post.md", only("ML060", style="aligned"))
    assert fixed == source
    assert [(d.code, d.line, d.column) for d in left] == [("ML060", 3, 6), ("ML060", 3, 10)]


def test_ml060_no_fix_that_makes_a_list_item():
    source = "a|b\n-|-\n-|c\n"
    fixed, _count, left = fix_text(source, "post.md", only("ML060", style="compact"))
    assert fixed == "a | b\n-| -\n-| c\n"
    assert [(d.line, d.column) for d in left] == [(2, 2), (3, 2)]


ITEMS = {"headings": ["# Heading", "## Item", "### Detail"]}
OPTIONAL = {"headings": ["# Heading", "## Item", "*", "## Foot", "+"]}
LOOP = {
    "headings": ["# Changelog", "^", "%% ^\\d+\\.\\d+\\.\\d+$", "### Fixes", "### Features", "^"]
}
CHANGELOG = "# Changelog\n## 1.0.0\n### Fixes\n### Features\n## 2.0.0\n### Fixes\n### Features\n"


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("# Heading\n## Item\n### Detail\n", ITEMS, []),
        ("# heading\n## ITEM\n### Detail\n", ITEMS, []),
        ("# heading\n## Item\n### Detail\n", {**ITEMS, "match_case": True}, [("ML043", 1, 1)]),
        ("# Heading\n## Item\n## Foot\n", ITEMS, [("ML043", 3, 1)]),
        ("# Heading\n## Item\n", ITEMS, [("ML043", 3, 1)]),  # the end of the page
        ("# Heading\n## Item", ITEMS, [("ML043", 2, 1)]),
        ("# Heading\n## Item\n### Detail\n## More\n", ITEMS, [("ML043", 4, 1)]),
        ("Heading\n=======\n\nItem\n----\n### Detail ###\n", ITEMS, []),  # any style
        ("x\n", {}, []),  # no headings required: nothing checked
        ("x\n", {"headings": []}, []),
        ("# A\n", {"headings": []}, [("ML043", 1, 1)]),
        # `*` none or more, `+` one or more, `?` exactly one
        ("# Heading\n## Item\n## Foot\n### Notes\n", OPTIONAL, []),
        ("# Heading\n## Item\n### A\n### B\n## Foot\n### Notes\n", OPTIONAL, []),
        ("# Heading\n## Item\n## Foot\n", OPTIONAL, [("ML043", 4, 1)]),
        ("# Heading\n## Foot\n### Notes\n", OPTIONAL, [("ML043", 2, 1)]),
        ("# A\n## B\n", {"headings": ["?", "## B"]}, []),
        ("# A\n# C\n## B\n", {"headings": ["?", "## B"]}, [("ML043", 2, 1)]),
        ("# A\n## B\n## C\n", {"headings": ["+"]}, []),
        ("x\n", {"headings": ["+"]}, [("ML043", 2, 1)]),
        ("x\n", {"headings": ["*"]}, []),
        # `%`: a regular expression of the text, at that level; `^` repeats
        ("# Tool\n## Description\n", {"headings": ["% ^[a-z]{4,}$", "## Description"]}, []),
        (
            "# Go\n## Description\n",
            {"headings": ["% ^[a-z]{4,}$", "## Description"]},
            [("ML043", 1, 1)],
        ),
        ("## Tool\n", {"headings": ["% ^[a-z]{4,}$"]}, [("ML043", 1, 1)]),
        ("# tool\n", {"headings": ["% ^T"], "match_case": True}, [("ML043", 1, 1)]),
        (CHANGELOG, LOOP, []),
        ("# Changelog\n## 1.0.0\n### Fixes\n### Features\n", LOOP, []),
        ("# Changelog\n## 1.0.0\n### Fixes\n## 2.0.0\n", LOOP, [("ML043", 4, 1)]),
        ("# Changelog\n## 1.0.0\n### Fixes\n### Features\n## two\n", LOOP, [("ML043", 5, 1)]),
        # the text as written: emphasis and code kept, HTML tags left out
        ("# A *b* `c` <span>d</span>\n", {"headings": ["# A *b* `c` d"]}, []),
        ("# A b c d\n", {"headings": ["# A *b* `c` d"]}, [("ML043", 1, 1)]),
        ("Two\n  lines\n---\n", {"headings": ["## Two   lines"]}, []),
        ("> # Quoted\n\n- # Listed\n", {"headings": ["# Quoted", "# Listed"]}, []),
        # code, HTML, front matter and templates hold no headings; CRLF
        (
            "# A\n\n```\n# B\n```\n\n    # C\n\n<div>\n\n# D\n\n</div>\n",
            {"headings": ["# A", "# D"]},
            [],
        ),
        ("---\ntitle: T\n---\n# A\r\n## B\r\n", {"headings": ["# A", "## B"]}, []),
        ("# A\n{% raw %}\n# B\n{% endraw %}\n", {"headings": ["# A"]}, []),
        ("# A\r\n## C\r\n", {"headings": ["# A", "## B"]}, [("ML043", 2, 1)]),
    ],
)
def test_ml043_required_headings(source, options, expected):
    assert check(source, settings=only("ML043", **options)) == expected


def test_ml043_messages_say_what_was_expected():
    from lint.engine import check_text

    settings = only("ML043", **ITEMS)
    messages = [d.message for d in check_text("# Heading\n## Foot\n", "post.md", settings)]
    messages += [d.message for d in check_text("# Heading\n", "post.md", settings)]
    messages += [
        d.message for d in check_text("# Heading\n## Item\n### Detail\n# X\n", "post.md", settings)
    ]
    assert messages == [
        "heading '## Foot' does not follow the required headings; expected '## Item'",
        "the page ends without the required heading '## Item'",
        "heading '# X' does not follow the required headings; expected no more headings",
    ]


def test_ml043_leaves_a_file_that_was_not_read_alone():
    settings = only("ML043", headings=["# A"])
    assert run(unreadable_document("post.md", "not UTF-8"), settings.active) == []
    assert check("", settings=settings) == [("ML043", 1, 1)]  # an empty file has no heading


@pytest.mark.parametrize(
    ("headings", "message"),
    [
        (["Heading"], "'Heading' is not a required heading"),
        (["#NoSpace"], "'#NoSpace' is not a required heading"),
        (["% ("], "'% (' is not a regular expression"),
    ],
)
def test_ml043_headings_must_be_well_formed(headings, message):
    with pytest.raises(SettingsError, match=re.escape(message)):
        check("x\n", settings=only("ML043", headings=headings))


COMPACT = {"style": "compact"}


@pytest.mark.parametrize(
    ("code", "options", "before", "after"),
    [
        (
            "ML051",
            {},
            "# Heading Name\n\n[a](#Heading-Name)\n",
            "# Heading Name\n\n[a](#heading-name)\n",
        ),
        (
            "ML051",
            {},
            "# A\r\n\r\n[a](<#A> 't') [b][r]\r\n\r\n[r]: #A\r\n",
            "# A\r\n\r\n[a](<#a> 't') [b][r]\r\n\r\n[r]: #a\r\n",
        ),
        ("ML051", {}, '<a id="Bm"></a>\n\n[a](#bm)\n', '<a id="Bm"></a>\n\n[a](#Bm)\n'),
        ("ML051", {}, "# Héllo\n\n[a](#h%c3%a9llo)\n", "# Héllo\n\n[a](#h%C3%A9llo)\n"),
        (
            "ML060",
            COMPACT,
            "| a  |b |\n| --- | --- |\n|   |c|\n",
            "| a | b |\n| --- | --- |\n| | c |\n",
        ),
        (
            "ML060",
            COMPACT,
            "| a | b |\n| --- | --- |\n|| c |\n",
            "| a | b |\n| --- | --- |\n| | c |\n",
        ),
        ("ML060", COMPACT, "| a | b |\r\n|---|---|\r\n", "| a | b |\r\n| --- | --- |\r\n"),
        ("ML060", COMPACT, "> a|b\n> --|--\n> c |  d\n", "> a | b\n> -- | --\n> c | d\n"),
        (
            "ML060",
            {"style": "tight"},
            "| a | b |\n| --- | --- |\n| c|d |\n",
            "|a|b|\n|---|---|\n|c|d|\n",
        ),
    ],
)
def test_fixes_change_only_the_problem_and_are_idempotent(code, options, before, after):
    assert_exact_fix(code, before, after, **options)


def test_off_by_default():
    assert check("# A\n\n[a](#b)\n\n| a |b |\n|---|---|\n") == []
