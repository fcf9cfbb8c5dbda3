"""markdownlint's rules of inline HTML (ML033), link and image style (ML054) and link text
(ML059), and HTML images in IM001 (MD045): one table of small documents per rule, and the
fixes byte for byte."""

import pytest

from lint.api import check_text
from lint.fix import fix_text
from lint.rules.markdownlint.link_image_style import LinkImageStyle
from tests.helpers import check, run_cli
from tests.test_docs import example
from tests.test_rules_markdownlint import only


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("a <b>x</b> c\n", {}, [("ML033", 1, 3)]),  # one problem per element, not per tag
        ("a <br> <br/> <BR />\n", {}, [("ML033", 1, 3), ("ML033", 1, 8), ("ML033", 1, 14)]),
        ("<div>\n<p>x</p>\n</div>\n", {}, [("ML033", 1, 1), ("ML033", 2, 1)]),
        (
            "<div>\n  <p>x</p> <i>y</i>\n</div>\n",
            {},
            [("ML033", 1, 1), ("ML033", 2, 3), ("ML033", 2, 12)],
        ),
        ("<div>\n`<p>` <https://a.org>\n</div>\n", {}, [("ML033", 1, 1)]),  # code span, autolink
        ("a `<b>` c\n", {}, []),
        ("```\n<b>x</b>\n```\n", {}, []),
        ("    <b>x</b>\n", {}, []),  # indented code
        ("a <!-- b --> <?php x ?> <!DOCTYPE html> <![CDATA[x]]>\n", {}, []),
        ("<!--\n<b>\n\n<i>\n-->\n", {}, []),  # a comment block, blank lines and all
        ("<!-- a\n<b> -->  <i>x</i>\n<p>\n", {}, [("ML033", 2, 10), ("ML033", 3, 1)]),
        ("> <div>\n> <b>x</b>\n", {}, [("ML033", 1, 3), ("ML033", 2, 3)]),
        ("- a\n\n  <p>\n    <i>y</i>\n  </p>\n", {}, [("ML033", 3, 3), ("ML033", 4, 5)]),
        ("<div>\n- <p>x\n</div>\n", {}, [("ML033", 1, 1), ("ML033", 2, 3)]),
        ("a <Foo> b\n", {}, [("ML033", 1, 3)]),
        # allowed elements, without regard to case; in tables, the table's own list
        ("a <br> <b>x</b>\n", {"allowed_elements": ["BR"]}, [("ML033", 1, 8)]),
        ("| a |\n| - |\n| <br> |\n", {}, [("ML033", 3, 3)]),
        ("| a |\n| - |\n| <br> |\n", {"allowed_elements": ["br"]}, []),
        ("| a |\n| - |\n| <br> |\n", {"table_allowed_elements": ["br"]}, []),
        (
            "| a |\n| - |\n| <br> |\n",
            {"allowed_elements": ["br"], "table_allowed_elements": []},
            [("ML033", 3, 3)],
        ),
        ("a <br>\n", {"table_allowed_elements": ["br"]}, [("ML033", 1, 3)]),
        # the front matter, template syntax and MDX
        ("---\nt: <b>x</b>\n---\nx\n", {}, []),
        ("{% raw %}<b>x</b>{% endraw %} {{<figure src=x>}}\n", {}, []),
        ('<div class="{{ site.x }}">\n{% if a %}<b>{% endif %}\n</div>\n', {}, [("ML033", 1, 1)]),
        ("a\r\n<div>\r\n<p>x</p>\r\n</div>\r\n", {}, [("ML033", 2, 1), ("ML033", 3, 1)]),
    ],
)
def test_ml033_no_inline_html(source, options, expected):
    assert check(source, settings=only("ML033", **options)) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<div>\n\n# A <b>b</b>\n\n</div>\n", []),
        ('<Tabs>\n<TabItem value="a">\n\nText <span>x</span>.\n\n</TabItem>\n</Tabs>\n', []),
    ],
)
def test_ml033_mdx_has_no_html(source, expected):
    assert check(source, "page.mdx", settings=only("ML033")) == expected


def test_ml033_message_names_the_element():
    (problem,) = check_text("a <KBD>x</KBD>\n", "post.md", only("ML033"))
    assert (problem.column, problem.end_column, problem.message) == (
        3,
        8,
        "HTML element '<KBD>'; expected Markdown, or 'kbd' in allowed_elements",
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("![](a.png)\n", [("IM001", 1, 1)]),
        ('<img src="a.png">\n', [("IM001", 1, 1)]),
        ('a <img src="a.png" /> b\n', [("IM001", 1, 3)]),
        ('<img src="a.png" alt="A chart">\n', []),
        ('<img src="a.png" alt="">\n', []),  # decorative
        ("<img src=a.png alt>\n", []),  # alt without a value is alt=\"\"
        ('<IMG SRC="a.png" ALT="A chart">\n', []),
        ('<img src="a.png" aria-hidden="true">\n', []),
        ('<img src="a.png" aria-hidden="TRUE">\n', []),
        ('<img src="a.png" aria-hidden="false">\n', [("IM001", 1, 1)]),
        ('<img data-alt="x" src="a.png">\n', [("IM001", 1, 1)]),
        ('<p>\n  <img src="a.png"\n       width="10">\n</p>\n', [("IM001", 2, 3)]),
        ('> <img src="a.png">\n', [("IM001", 1, 3)]),
        ("| a |\n| - |\n| <img src=a.png> |\n", [("IM001", 3, 3)]),
        ('`<img src="a.png">`\n', []),
        ('```\n<img src="a.png">\n```\n', []),
        ('---\nimage: <img src="a.png">\n---\nx\n', []),
        ('{% raw %}<img src="a.png">{% endraw %}\n', []),
        ('<!-- <img src="a.png"> -->\n', []),
        ('a\r\n<img src="a.png">\r\n', [("IM001", 2, 1)]),
    ],
)
def test_im001_html_images(source, expected):
    assert check(source, settings=only("IM001")) == expected


def test_im001_html_image_message():
    (problem,) = check_text('<img src="a.png">\n', "post.md", only("IM001"))
    assert problem.message == (
        "HTML image 'a.png' has no alt attribute; describe it in alt, or write alt=\"\" for a "
        "decorative image"
    )


def test_im001_mdx_images():
    source = '<Figure>\n<img src="a.png" />\n<img src="b.png" alt={t("b")} />\n</Figure>\n'
    assert check(source, "page.mdx", settings=only("IM001")) == [("IM001", 2, 1)]


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("[here](/a)\n", {}, [("ML059", 1, 2)]),
        ("[Click Here](/a) and [link](/b)\n", {}, [("ML059", 1, 2), ("ML059", 1, 23)]),
        ("[**Here**.](/a)\n", {}, [("ML059", 1, 2)]),
        ("[click_here!](/a)\n", {}, [("ML059", 1, 2)]),
        ("[more][r]\n\n[r]: /a\n", {}, [("ML059", 1, 2)]),
        ("[more]\n\n[more]: /a\n", {}, [("ML059", 1, 2)]),
        ("[more][]\n\n[more]: /a\n", {}, [("ML059", 1, 2)]),
        ("[more]\n", {}, []),  # no definition: not a link
        ("[the schedule](/a)\n", {}, []),
        ("[HERE](/a) [hereby](/b) [here's](/c)\n", {}, [("ML059", 1, 2)]),
        (
            "[ - more - ](/a) [\\here](/b) [click\nhere](/c)\n",
            {},
            [("ML059", 1, 2), ("ML059", 1, 19), ("ML059", 1, 31)],
        ),
        ("[caf\u00e9 here](/a) [\u00e9here](/b)\n", {}, [("ML059", 1, 18)]),  # ASCII words only
        ("[Read more](/a)\n", {"prohibited_texts": ["read more", "x.y"]}, [("ML059", 1, 2)]),
        ("[x y](/a)\n", {"prohibited_texts": ["x.y"]}, [("ML059", 1, 2)]),
        ("[here is the schedule](/a)\n", {}, []),
        ("[`here`](/a)\n", {}, []),  # a code span
        ("[<b>here</b>](/a)\n", {}, []),  # HTML
        ("![here](/a.png)\n", {}, []),  # images
        ("<https://here>\n", {}, []),
        ('<a href="/a">here</a>\n', {}, []),  # HTML links
        ("[hier](/a)\n", {"prohibited_texts": ["hier", "mehr"]}, [("ML059", 1, 2)]),
        ("[here](/a)\n", {"prohibited_texts": ["hier"]}, []),
        ("[here](/a)\n", {"prohibited_texts": []}, []),
        ("```\n[here](/a)\n```\n", {}, []),
        ("---\nt: '[here](/a)'\n---\nx\n", {}, []),
        ("{% raw %}[here](/a){% endraw %}\n", {}, []),
        ("<div>\n[here](/a)\n</div>\n", {}, []),
        ("a\r\n[here](/a)\r\n", {}, [("ML059", 2, 2)]),
    ],
)
def test_ml059_descriptive_link_text(source, options, expected):
    assert check(source, settings=only("ML059", **options)) == expected


DEFS = "\n\n[r]: https://a.org\n"


@pytest.mark.parametrize(
    ("source", "options", "expected"),
    [
        ("<https://a.org> [a](/b) [a][r] [r][] [r]" + DEFS, {}, []),
        ("<https://a.org> <a@b.org>\n", {"autolink": False}, [("ML054", 1, 1), ("ML054", 1, 17)]),
        ("[a](/b) ![a](/b.png)\n", {"inline": False}, [("ML054", 1, 1), ("ML054", 1, 9)]),
        ("[a][r] ![a][r]" + DEFS, {"full": False}, [("ML054", 1, 1), ("ML054", 1, 8)]),
        ("[r][] ![r][]" + DEFS, {"collapsed": False}, [("ML054", 1, 1), ("ML054", 1, 7)]),
        ("[r] ![r]" + DEFS, {"shortcut": False}, [("ML054", 1, 1), ("ML054", 1, 5)]),
        ("[r] [a][r]" + DEFS, {"collapsed": False}, []),
        ("[x]\n", {"shortcut": False}, []),  # no definition: not a link
        ("[a]()\n", {"inline": False}, []),  # no destination
        # url_inline: an inline link whose text is its own absolute URL, when autolinks are allowed
        ("[https://a.org](https://a.org)\n", {"url_inline": False}, [("ML054", 1, 1)]),
        ('[https://a.org](https://a.org "t")\n', {"url_inline": False}, []),
        ("[https://a.org](https://b.org)\n", {"url_inline": False}, []),
        ("[/a](/a)\n", {"url_inline": False}, []),
        ("![https://a.org](https://a.org)\n", {"url_inline": False}, []),
        ("[https://a.org](https://a.org)\n", {"url_inline": False, "autolink": False}, []),
        ("```\n<https://a.org>\n```\n", {"autolink": False}, []),
        ("---\nt: <https://a.org>\n---\nx\n", {"autolink": False}, []),
        ("{% raw %}[a](/b){% endraw %}\n", {"inline": False}, []),
        ("a\r\n[a](/b)\r\n", {"inline": False}, [("ML054", 2, 1)]),
    ],
)
def test_ml054_link_image_style(source, options, expected):
    assert check(source, settings=only("ML054", **options)) == expected


@pytest.mark.parametrize(
    ("before", "options", "after"),
    [
        ("See <https://a.org>.\n", {"autolink": False}, "See [https://a.org](https://a.org).\n"),
        ("Mail <a@b.org>.\n", {"autolink": False}, "Mail [a@b.org](mailto:a@b.org).\n"),
        ("<https://a.org/x]>\n", {"autolink": False}, "[https://a.org/x\\]](https://a.org/x])\n"),
        ("See [a][r]" + DEFS, {"full": False}, "See [a](https://a.org)" + DEFS),
        ("See ![r][]" + DEFS, {"collapsed": False}, "See ![r](https://a.org)" + DEFS),
        ('[r]\n\n[r]: </a b> "T"\n', {"shortcut": False}, '[r](</a b> "T")\n\n[r]: </a b> "T"\n'),
        ("[x]\n\n[x]: /a_(b)\n", {"shortcut": False}, "[x](/a_\\(b\\))\n\n[x]: /a_(b)\n"),
        ("[https://a.org](https://a.org)\r\n", {"url_inline": False}, "<https://a.org>\r\n"),
        ("[https://a.org](https://a.org)\n", {"inline": False}, "<https://a.org>\n"),
    ],
)
def test_ml054_fix(before, options, after):
    """Fixed exactly, nothing left, and fixing again changes nothing."""
    settings = only("ML054", **options)
    fixed, count, left = fix_text(before, "post.md", settings)
    assert (fixed, left, count) == (after, [], 1)
    assert fix_text(fixed, "post.md", settings)[:2] == (after, 0)


def test_ml054_documented_example_with_full_off():
    settings = only("ML054", full=False)
    assert check(example(LinkImageStyle, "Example"), settings=settings) == [("ML054", 1, 5)]
    assert check(example(LinkImageStyle, "Use instead"), settings=settings) == []


PAGE = "# T\n\nA <b>bold</b> word, [here](/a) and [r].\n\n[r]: /r\n"


@pytest.mark.parametrize(
    ("name", "config", "expected"),
    [
        # without a markdownlint configuration the three are off
        (None, "", []),
        # a markdownlint configuration turns them on as markdownlint does
        (".markdownlint.json", '{"default": true}', ["3:3 ML033", "3:22 ML059"]),
        (".markdownlint.json", '{"default": false, "MD033": true}', ["3:3 ML033"]),
        (".markdownlint.json", '{"default": false, "no-inline-html": true}', ["3:3 ML033"]),
        (".markdownlint.yaml", "html: false\n", ["3:22 ML059"]),
        (
            ".markdownlint.yaml",
            "MD033:\n  allowed_elements: [B]\nMD054:\n  shortcut: false\n"
            "MD059:\n  prohibited_texts: [bold]\n",
            ["3:36 ML054"],
        ),
    ],
)
def test_a_markdownlint_configuration_turns_them_on(
    tmp_path, monkeypatch, capsys, name, config, expected
):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(PAGE)
    if name:
        (tmp_path / name).write_text(config)
    _code, out, _err = run_cli(capsys, "check", "a.md", "--no-cache", "--select", "ML")
    found = [f"{line.split()[0][5:-1]} {line.split()[1]}" for line in out.splitlines()[:-1]]
    assert [hit for hit in found if hit.split()[1] in ("ML033", "ML054", "ML059")] == expected


@pytest.mark.parametrize(
    ("source", "options"),
    [
        ("[a](/b)\n", {"inline": False}),  # an autolink would lose the text
        ("[a](https://a.org)\n", {"inline": False}),
        ("![a](/b.png)\n", {"inline": False}),  # an image has no autolink
        ("[a\nb][r]" + DEFS, {"full": False}),  # over two lines
        ("[r][]" + DEFS, {"collapsed": False, "inline": False}),
    ],
)
def test_ml054_problems_without_a_fix(source, options):
    (problem,) = check_text(source, "post.md", only("ML054", **options))
    assert (problem.code, problem.fix) == ("ML054", None)


@pytest.mark.parametrize(
    ("source", "options", "message"),
    [
        (
            "[r][]" + DEFS,
            {"collapsed": False},
            "link 'r' is written as a collapsed reference; expected another style "
            "(collapsed = false)",
        ),
        (
            "![a](/b.png)\n",
            {"inline": False},
            "image 'a' is written inline; expected another style (inline = false)",
        ),
        (
            "[https://a.org](https://a.org)\n",
            {"url_inline": False},
            "link 'https://a.org' is its own URL; expected an autolink",
        ),
    ],
)
def test_ml054_messages(source, options, message):
    (problem,) = check_text(source, "post.md", only("ML054", **options))
    assert problem.message == message
