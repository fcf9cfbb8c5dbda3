"""Link rules, case by case: exact codes, lines and columns (columns count characters)."""

import pytest

from lint.engine import check_text
from lint.fix import fix_text
from lint.model import Edit, Pos
from lint.settings import Settings
from tests.helpers import check, codes_and_positions


def only(code: str, **options) -> Settings:
    return Settings(select=(code,), rules={code: options} if options else {})


T = "https://home.treasury.gov/data"
H = "https://home.treasury.gov/"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # the usual destination twice, another once: reported at the odd one
        (
            f"[U.S. Treasury]({T}) and [U.S. Treasury]({T}).\n\nThe [U.S. Treasury]({H}) too.\n",
            [("LK001", 3, 5)],
        ),
        # case and whitespace of the text do not matter
        (f"[Tokyo  Bay]({T}) [TOKYO bay]({T})\n[Tokyo\nBay]({H})\n", [("LK001", 2, 1)]),
        # non-ASCII text: columns count characters
        (f"東京は [財務省]({T})。[財務省]({T})。[財務省]({H})\n", [("LK001", 1, 81)]),
        # reference-style links count like inline ones
        (f"[Kato][k] said, [Kato][k] added, [Kato]({H}) left.\n\n[k]: {T}\n", [("LK001", 1, 34)]),
        # in a heading and a blockquote
        (f"## [Treasury]({T})\n\n> [Treasury]({T}) and [Treasury]({H})\n", [("LK001", 3, 50)]),
        # equivalent forms and fragments are one destination
        (f"[A]({T}) [A](http://HOME.treasury.gov/data/) [A]({T}#yields)\n", []),
        # two texts to two places once each: two different things
        (f"[Final report]({T}) and [Final report]({H})\n", []),
        ("See [Docs][1], then [docs](https://b.com/)\n\n[1]: https://a.com/\n", []),
        ("[about_Jobs](About/about_Jobs.md) [about_Jobs](./about/about_Jobs.md)\n", []),
        # list items and table rows are parallel entries
        (f"[A]({T}) [A]({T})\n\n- [A]({H})\n\n| x |\n|---|\n| [A]({H}) |\n", []),
        # places on the page, lower-case descriptions, generic texts
        ("[Top](#a) [Top](#a) [Top](#b)\n", []),
        (f"[details]({T}) [details]({T}) [details]({H})\n", []),
        (f"[Here]({T}) [Here]({T}) [Here]({H})\n", []),
        # inside code, HTML comments and templates nothing is read
        (f"[B]({T}) [B]({T}) `[B]({H})`\n\n<!-- [B]({H}) -->\n\n{{% include [B]({H}) %}}\n", []),
    ],
)
def test_inconsistent_link_target(source, expected):
    assert check(source, settings=only("LK001")) == expected


def test_inconsistent_link_target_message_names_the_usual_destination():
    [d] = check_text(f"[A]({T}) [A]({T})\n[A]({H})\n", "p.md", only("LK001"))
    assert (
        d.message
        == f"'A' links to '{H}'; elsewhere the same text links to '{T}' (2 times, first at line 1)"
    )
    assert (d.end_line, d.end_column) == (2, 32)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("[a](https://www.mof.go.jp/) [b](https://www.mof.go.jp/index.htm)\n", [("LK002", 1, 29)]),
        (
            "[a](http://x.example/p) [b](https://x.example/p) [c](https://x.example/p)\n",
            [("LK002", 1, 1)],
        ),
        ("[a](https://X.Example:443/p/) [b](https://x.example/p)\n", [("LK002", 1, 31)]),
        (
            "[a](/docs/) [b](/docs/index.html) [c](/docs/index.php) [d](/docs)\n",
            [("LK002", 1, 13), ("LK002", 1, 35), ("LK002", 1, 56)],
        ),
        (
            "[a](https://x.example/p?) [b](https://x.example/p#) [c](https://x.example/p)\n",
            [("LK002", 1, 27), ("LK002", 1, 53)],
        ),
        # lists, tables and reference definitions
        (
            "- [a](https://x.example/)\n\n| [b](https://x.example) |\n|---|\n\n[c][r]\n\n[r]: http://x.example/\n",
            [("LK002", 3, 3), ("LK002", 6, 1)],
        ),
        # different queries, fragments, paths, or schemes other than http(s): different
        (
            "[a](https://x.example/p?a=1) [b](https://x.example/p?a=2) [c](https://x.example/p#x)\n",
            [],
        ),
        ("[a](https://x.example/P) [b](https://x.example/p) [c](mailto:a@x.example)\n", []),
        ("[a](https://x.example/) `[b](https://x.example)`\n", []),
    ],
)
def test_equivalent_link_forms(source, expected):
    assert check(source, settings=only("LK002")) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # a space in the destination, in a paragraph, a list, a table, a blockquote, a heading
        ("Trade with [China](https://www gov.cn/) grew.\n", [("LK003", 1, 12)]),
        ("- with [China](https://www gov.cn/)\n", [("LK003", 1, 8)]),
        ("| a | [China](https://www gov.cn/) |\n|---|---|\n", [("LK003", 1, 7)]),
        ("> quoted [China](https://www gov.cn/)\n", [("LK003", 1, 10)]),
        ("## About [China](https://www gov.cn/)\n", [("LK003", 1, 10)]),
        ("東京と[中国](https://www gov.cn/)\n", [("LK003", 1, 4)]),
        # a space between ] and (, and a ( never closed
        ("See [China] (https://www.gov.cn/) now.\n", [("LK003", 1, 5)]),
        ("See [China](https://www.gov.cn/ now.\n", [("LK003", 1, 5)]),
        # references with no definition; a label one letter off a defined one
        ("See [China][gov] now.\n", [("LK003", 1, 5)]),
        ("See [China][] now.\n", [("LK003", 1, 5)]),
        (
            "See [rust doc] and [rustdocs][].\n\n[rust-doc]: https://doc.rust-lang.org/\n",
            [("LK003", 1, 5), ("LK003", 1, 20)],
        ),
        # real links and definitions are fine
        ("See [China][gov] and [GOV].\n\n[gov]: https://www.gov.cn/\n", []),
        ('See [China](<https://www gov.cn/>) and [a](https://x.example/ "t i t").\n', []),
        # bracketed words that are not links
        ("Use [sic] and [optional] (see below) and array[i](x y).\n", []),
        ("> [!NOTE]\n> A note[^1].\n\n[^1]: Footnote.\n", []),
        ("- [ ] task\n- [x] done\n", []),
        (r"Escaped \[China](https://www gov.cn/) text." + "\n", []),
        ("Issue [ci skip] (#6930) fixed.\n", []),
        # code, HTML, comments and templates are not read
        ("`[China](https://www gov.cn/)`\n\n```\n[China](https://www gov.cn/)\n```\n", []),
        ("<!-- [China](https://www gov.cn/) -->\n\n<div>[China][nope]</div>\n", []),
        ("{% include x.html text='[China](https://www gov.cn/)' %}\n", []),
        (
            "Say {% include x.html a='[China](https://www gov.cn/)' %} and [b](https://www b.cn/)\n",
            [("LK003", 1, 63)],
        ),
        ("[x](https://youtu.be/{{ talk.id }} ) [y][r]\n\n[r]: {{ site.repo }}/x\n", []),
        (
            "Intro\n\n{{< code-toggle >}}\n[menus.main]\nname = 'x'\n{{< /code-toggle >}}\n\n[a][b]\n",
            [("LK003", 8, 1)],
        ),
        ("Value {props.list[0]} and [a](https://www x.org)\n", [("LK003", 1, 27)]),
    ],
)
def test_broken_link_syntax(source, expected):
    path = "page.mdx" if "props" in source else "post.md"
    assert check(source, path, settings=only("LK003")) == expected


MSN = "https://www.msn.com/ar-AA1E0Tfm"


@pytest.mark.parametrize(
    ("source", "expected", "replaced", "fixed", "safe"),
    [
        (
            f"## [Japan]({MSN}?ocid=feeds&cvid=dc58&PC=EMMX01)\n",
            ("LK004", 1, 44),
            (Pos(1, 43), Pos(1, 74)),
            f"## [Japan]({MSN}?PC=EMMX01)\n",
            True,
        ),
        (
            f"[a]({MSN}?utm_source=x&utm_medium=y)\n",
            ("LK004", 1, 37),
            (Pos(1, 36), Pos(1, 62)),
            f"[a]({MSN})\n",
            False,
        ),
        (
            f"[a]({MSN}?id=1&fbclid=Z#part)\n",
            ("LK004", 1, 42),
            (Pos(1, 36), Pos(1, 50)),
            f"[a]({MSN}?id=1#part)\n",
            True,
        ),
        (
            f"[a]({MSN}?id=1&amp;gclid=Z&amp;x=2)\n",
            ("LK004", 1, 46),
            (Pos(1, 36), Pos(1, 61)),
            f"[a]({MSN}?id=1&amp;x=2)\n",
            True,
        ),
        # a reference link: reported once, at the definition
        (
            f"東京 [a][r] [b][r]\n\n[r]: {MSN}?UTM_Campaign=z\n",
            ("LK004", 3, 38),
            (Pos(3, 37), Pos(3, 52)),
            f"東京 [a][r] [b][r]\n\n[r]: {MSN}\n",
            False,
        ),
        # an autolink in a list, an image in a blockquote
        (
            f"- <{MSN}?mc_cid=1&mc_eid=2>\n",
            ("LK004", 1, 36),
            (Pos(1, 35), Pos(1, 53)),
            f"- <{MSN}>\n",
            True,
        ),
        (
            f"> ![i]({MSN}?igshid=q)\n",
            ("LK004", 1, 40),
            (Pos(1, 39), Pos(1, 48)),
            f"> ![i]({MSN})\n",
            True,
        ),
        # click parameters go first, safely; the attribution ones are left for an unsafe fix
        (
            f"[a]({MSN}?utm_source=x&fbclid=Z&id=1)\n",
            ("LK004", 1, 37),
            (Pos(1, 36), Pos(1, 63)),
            f"[a]({MSN}?utm_source=x&id=1)\n",
            True,
        ),
    ],
)
def test_tracking_parameter_and_its_fix(source, expected, replaced, fixed, safe):
    [d] = check_text(source, "post.md", only("LK004"))
    assert (d.code, d.line, d.column) == expected
    assert d.fix.safe is safe
    [edit] = d.fix.edits
    assert (edit.start, edit.end) == replaced
    assert apply(source, edit) == fixed


@pytest.mark.parametrize(
    ("unsafe", "fixed", "left"),
    [
        (False, f"[a]({MSN}?utm_source=x&id=1)\n", [("LK004", 1, 37)]),
        (True, f"[a]({MSN}?id=1)\n", []),
    ],
)
def test_tracking_parameter_attribution_goes_only_with_unsafe_fixes(unsafe, fixed, left):
    source = f"[a]({MSN}?utm_source=x&fbclid=Z&id=1)\n"
    text, _, diagnostics = fix_text(source, "post.md", only("LK004"), unsafe=unsafe)
    assert (text, codes_and_positions(diagnostics)) == (fixed, left)


def apply(source: str, edit: Edit) -> str:
    lines = source.splitlines(keepends=True)
    start = sum(len(x) for x in lines[: edit.start.line - 1]) + edit.start.column - 1
    end = sum(len(x) for x in lines[: edit.end.line - 1]) + edit.end.column - 1
    return source[:start] + edit.text + source[end:]


@pytest.mark.parametrize(
    ("source", "settings", "expected"),
    [
        (f"[a]({MSN}?PC=EMMX01&page=2)\n", only("LK004"), []),
        (f"[a]({MSN}?PC=EMMX01&page=2)\n", only("LK004", parameters=["pc"]), [("LK004", 1, 37)]),
        (f"[a]({MSN}?ref_src=1)\n", only("LK004", parameters=["ref_*"]), [("LK004", 1, 37)]),
        (f"[a]({MSN}#x?utm_source=1) `{MSN}?utm_source=1`\n", only("LK004"), []),
        (f'{{{{< ref "{MSN}?utm_source=1" >}}}}\n', only("LK004"), []),
    ],
)
def test_tracking_parameter_options_and_what_is_left_alone(source, settings, expected):
    assert check(source, settings=settings) == expected


@pytest.mark.parametrize(
    ("source", "settings", "expected"),
    [
        (
            "[K](/k) said, [K](/k) said, [K](/k/index.html) said.\n",
            only("LK005"),
            [("LK005", 1, 15), ("LK005", 1, 29)],
        ),
        ("[K](/k) said, [K](/k) said, [K](/k) said.\n", only("LK005", max=2), [("LK005", 1, 29)]),
        ("[K](#k) [K](#k) [K](https://x.example/a) [L](https://x.example/b)\n", only("LK005"), []),
        # off by default
        ("[K](/k) [K](/k)\n", Settings(), []),
    ],
)
def test_repeated_link(source, settings, expected):
    assert check(source, settings=settings) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("See [](https://x.example/) now.\n", [("LK006", 1, 5)]),
        ("See [ ](https://x.example/) and [the docs]().\n", [("LK006", 1, 5), ("LK006", 1, 33)]),
        ("- [docs](#)\n- ![chart]()\n", [("LK006", 1, 3), ("LK006", 2, 3)]),
        ("| [][r] |\n|---|\n\n[r]: https://x.example/\n", [("LK006", 1, 3)]),
        # one problem per link: no text is the first
        ("Ünïcødé [](<>)\n", [("LK006", 1, 9)]),
        # an image or inline HTML is content
        ("[![logo](logo.png)](https://x.example/) [![](a.png)](/) [<b>x</b>](/)\n", []),
        ("`[](x)` <!-- [](x) --> {% raw %}[](x){% endraw %}\n", []),
    ],
)
def test_empty_link(source, expected):
    assert check(source, settings=only("LK006")) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("Read [this](htps://www.mof.go.jp/).\n", [("LK007", 1, 13)]),
        ("Read [this](http//www.mof.go.jp/).\n", [("LK007", 1, 13)]),
        ("Read [this](https:/www.mof.go.jp/).\n", [("LK007", 1, 13)]),
        ("Read [this](https:///path).\n", [("LK007", 1, 13)]),
        ("Read [this](https://x.example:port/).\n", [("LK007", 1, 13)]),
        ("Read [this](<https://www gov.cn/>).\n", [("LK007", 1, 14)]),
        ("- 東京 [this][r]\n\n[r]: ttps://x.example/\n", [("LK007", 3, 6)]),
        ("> ![img](hhttps://x.example/a.png)\n", [("LK007", 1, 10)]),
        # a plain web address whose host is malformed (an empty label)
        ("Read [this](https://www..gov.cn/).\n", [("LK007", 1, 13)]),
        # fine: IDN hosts, other schemes, relative URLs, templates, code
        ("[a](https://❤.rust-lang.org) [b](mailto:a@b.example) [c](tel:+81) [d](../x.md)\n", []),
        (
            "[a](C:\\docs) [b](https://localhost:8080/) [c](https://[::1]/) [d]({{ site.url }}/x)\n",
            [],
        ),
        ("`[a](htps://x)`\n", []),
    ],
)
def test_invalid_url(source, expected):
    assert check(source, settings=only("LK007")) == expected
