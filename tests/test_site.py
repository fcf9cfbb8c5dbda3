"""Site-wide rules on small Jekyll, Hugo and plain sites: exact codes, lines and columns."""

from __future__ import annotations

import io
import json
import re
import sys
import textwrap

import pytest

from lint.cli import main
from lint.rules import SiteRule, builtin, documentation
from lint.runner import check_paths
from lint.settings import Settings

JEKYLL = {"_config.yml": "title: Site\n"}
HUGO = {"hugo.toml": 'title = "Site"\n'}


def build(root, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def site_check(root, files, select="ST", paths=None, **settings):
    """Build the site, check it (or only `paths` in it); (path, code, line, column) rows."""
    build(root, files)
    settings = Settings(root=root, select=(select,), **settings)
    targets = [str(root / p) for p in paths] if paths else [str(root)]
    report = check_paths(targets, settings, jobs=1).report
    return [
        (d.path.removeprefix(str(root) + "/"), d.code, d.line, d.column) for d in report.diagnostics
    ]


def post(title, body="", **fields):
    extra = "".join(f"{k}: {v}\n" for k, v in fields.items())
    return f"---\ntitle: {title}\n{extra}---\n{body}"


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # two posts, one title once normalised: both reported at their title
        (
            {
                **JEKYLL,
                "_posts/2025-01-02-a.md": post("Tariffs and trade"),
                "_posts/2025-03-04-b.md": post("Tariffs  and Trade"),
            },
            [("_posts/2025-01-02-a.md", "ST001", 2, 8), ("_posts/2025-03-04-b.md", "ST001", 2, 8)],
        ),
        # a post and a page are in different collections
        ({**JEKYLL, "_posts/2025-01-02-a.md": post("About"), "about.md": post("About")}, []),
        # a draft renders to nothing
        ({**JEKYLL, "_drafts/a.md": post("About"), "about.md": post("About")}, []),
        # Hugo: pages of one section; other sections may repeat the title
        (
            {
                **HUGO,
                "content/methods/page/Title.md": post("Title"),
                "content/methods/site/Title.md": post("Title"),
                "content/methods/page/Name.md": post("Name"),
                "content/methods/page/name-again.md": post("Name"),
            },
            [
                ("content/methods/page/Name.md", "ST001", 2, 8),
                ("content/methods/page/name-again.md", "ST001", 2, 8),
            ],
        ),
    ],
)
def test_duplicate_title(tmp_path, files, expected):
    assert site_check(tmp_path, files, "ST001") == expected


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # a page's permalink takes another page's URL
        (
            {**JEKYLL, "about.md": post("About"), "team.md": post("Team", permalink="/about.html")},
            [("about.md", "ST002", 1, 1), ("team.md", "ST002", 3, 12)],
        ),
        # posts: the date style /:categories/:year/:month/:day/:title.html
        (
            {
                **JEKYLL,
                "_posts/2025-01-02-a.md": post("A", category="news"),
                "news/_posts/2025-01-02-a.md": post("B"),
            },
            [
                ("_posts/2025-01-02-a.md", "ST002", 1, 1),
                ("news/_posts/2025-01-02-a.md", "ST002", 1, 1),
            ],
        ),
        # the site's permalink style decides: pretty URLs of two posts differ by title
        (
            {
                "_config.yml": "permalink: /:year/:title/\n",
                "_posts/2025-01-02-a.md": post("A"),
                "_posts/2025-05-06-a.md": post("B"),
                "_posts/2025-05-06-b.md": post("C"),
            },
            [("_posts/2025-01-02-a.md", "ST002", 1, 1), ("_posts/2025-05-06-a.md", "ST002", 1, 1)],
        ),
        # jekyll-redirect-from: two pages redirect from one URL
        (
            {
                **JEKYLL,
                "a.md": post("A", redirect_from="/old/"),
                "b.md": post("B", redirect_from="[/old/]"),
            },
            [("a.md", "ST002", 3, 16), ("b.md", "ST002", 3, 16)],
        ),
        # Hugo: slug, url and aliases
        (
            {
                **HUGO,
                "content/posts/one.md": post("One", slug="same"),
                "content/posts/same/index.md": post("Two"),
                "content/about.md": post("About", url="/who/"),
                "content/team.md": post("Team", aliases="[/who/]"),
            },
            [
                ("content/about.md", "ST002", 3, 6),
                ("content/posts/one.md", "ST002", 3, 7),
                ("content/posts/same/index.md", "ST002", 1, 1),
                ("content/team.md", "ST002", 3, 10),
            ],
        ),
        # a plain folder: index.md is its folder, no two files share a path
        ({"docs/index.md": post("Docs"), "docs/README.md": post("Readme")}, []),
    ],
)
def test_duplicate_url(tmp_path, files, expected):
    assert site_check(tmp_path, files, "ST002") == expected


def test_tag_variants_and_their_fix(tmp_path, monkeypatch, capsys):
    files = {
        **JEKYLL,
        "_posts/2025-01-02-a.md": "---\ntags: [trade, People's]\n---\n",
        "_posts/2025-01-03-b.md": "---\ntags:\n  - trade\n  - People's\n---\n",
        "_posts/2025-01-04-c.md": "---\ntags: ['Trade ', \"People\u2019s\"]\n---\n",
        "_posts/2025-01-05-d.md": "---\ntags: Trade\u2013Policy trade-policy trade-policy\n---\n",
        "_posts/2025-01-06-e.md": "---\ntags: [trade-policy]\n---\n",
        "_posts/2025-01-07-f.md": "---\ntags: [trade-policy]\n---\n",
        # a repeat within one list is FM105's, not a site-wide variant
        "_posts/2025-01-08-g.md": "---\ntags: [festival, Festival]\n---\n",
    }
    assert site_check(tmp_path, files, "ST003") == [
        ("_posts/2025-01-04-c.md", "ST003", 2, 8),
        ("_posts/2025-01-04-c.md", "ST003", 2, 18),
        ("_posts/2025-01-05-d.md", "ST003", 2, 7),
    ]
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--isolated", "--select", "ST003", "-q", "-j", "1"]) == 1
    message = capsys.readouterr().out.splitlines()[0]
    assert message == (
        "_posts/2025-01-04-c.md:2:8: ST003 tag 'Trade ' is spelled 'trade' elsewhere (2 uses; "
        "'Trade ': 1); use one spelling [tag-variant]"
    )
    assert main(["check", "--isolated", "--select", "ST003", "--fix", "-j", "1"]) == 0
    assert (tmp_path / "_posts/2025-01-04-c.md").read_text() == (
        "---\ntags: ['trade', \"People's\"]\n---\n"
    )
    assert (tmp_path / "_posts/2025-01-05-d.md").read_text() == (
        "---\ntags: trade-policy trade-policy trade-policy\n---\n"
    )


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {
                **JEKYLL,
                "_posts/2025-01-02-a.md": "---\ncategories: [Markets]\n---\n",
                "_posts/2025-01-03-b.md": "---\ncategories: Markets\n---\n",
                "_posts/2025-01-04-c.md": "---\ncategory: markets\n---\n",
            },
            [("_posts/2025-01-04-c.md", "ST004", 2, 11)],
        ),
        # Hugo categories; a tie goes to the first spelling in sorted order
        (
            {
                **HUGO,
                "content/a.md": '+++\ncategories = ["Trade policy"]\n+++\n',
                "content/b.md": '+++\ncategories = ["trade policy"]\n+++\n',
            },
            [("content/b.md", "ST004", 2, 15)],
        ),
    ],
)
def test_category_variant(tmp_path, files, expected):
    assert site_check(tmp_path, files, "ST004") == expected


JEKYLL_LINKS = {
    **JEKYLL,
    "_posts/2025-01-02-a.md": post("A", "## Getting started\n"),
    "about.md": post("About"),
    "docs/index.md": post("Docs", '# Install {#setup}\n\n<a id="faq"></a>\n'),
    "img/chart.png": "png",
}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # pages, posts, folders, static files: found
        ("[a](/about.html) [b](/2025/01/02/a.html) [c](docs/) [d](/img/chart.png)\n", []),
        ("[a](about.md) [b]({% post_url 2025-01-02-a %}) [c]({% link about.md %})\n", []),
        # missing pages, posts and files
        (
            "[a](/abut.html) [b](/2025/01/03/a.html)\n[c](../x.md) [d](/img/nope.png)\n",
            [("ST005", 4, 1), ("ST005", 4, 17), ("ST005", 5, 1), ("ST005", 5, 14)],
        ),
        ("{% post_url 2025-01-03-a %} {% link abut.md %}\n", [("ST005", 4, 1), ("ST005", 4, 29)]),
        # generated pages, templates, other sites, folders the checkout lacks: left alone
        ("[a](/feed.xml) [b]({{ site.url }}/x) [c](https://x.example/) [d](/assets/x.css)\n", []),
        # anchors on this page and others (GitHub style for Jekyll's default GFM input)
        (
            "## Two words\n\n[a](#two-words) [b](#two) [c](/2025/01/02/a.html#getting-started)\n",
            [("ST006", 6, 17)],
        ),
        (
            "[a](docs/#setup) [b](docs/#faq) [c](docs/#install) [d](#top) [e](#fn:1)\n",
            [("ST006", 4, 33)],
        ),
        # suppressions apply to site rules
        ("<!-- mdvet-disable-next-line ST005 -->\n[a](/abut.html)\n", []),
    ],
)
def test_links_and_anchors_in_a_jekyll_site(tmp_path, body, expected):
    files = {**JEKYLL_LINKS, "page.md": post("Page", body)}
    found = site_check(tmp_path, files, "ST", paths=["page.md"])
    assert [(code, line, column) for _, code, line, column in found] == expected


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # Jekyll's tags are Jekyll's: checked in a Jekyll site and where no generator is known
        (JEKYLL, [("page.md", "ST005", 4, 1), ("page.md", "ST005", 4, 29)]),
        ({}, [("page.md", "ST005", 4, 1), ("page.md", "ST005", 4, 29)]),
        # a Hugo or MkDocs page showing them is not rendered by Jekyll
        (HUGO, []),
        ({"mkdocs.yml": "site_name: Site\ndocs_dir: .\n"}, []),
    ],
)
def test_jekyll_tags_where_jekyll_renders(tmp_path, files, expected):
    page = post("Page", "{% post_url 2025-01-03-a %} {% link abut.md %}\n")
    assert site_check(tmp_path, {**files, "page.md": page}, "ST005") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("[a](/docs/install/) [b](../install/#step-one) [c](install.md) [d](install)\n", []),
        ('[a]({{< ref "install" >}}) [b]({{< relref "/docs/install.md#x" >}})\n', []),
        ("[a](/docs/instal/) [b](../install/#step-1)\n", [("ST005", 4, 1), ("ST006", 4, 20)]),
        ('{{< ref "nowhere" >}}\n', [("ST005", 4, 1)]),
        # sections are pages, taxonomies are generated
        ("[a](/docs/) [b](/tags/go/)\n", []),
    ],
)
def test_links_and_anchors_in_a_hugo_site(tmp_path, body, expected):
    files = {
        **HUGO,
        "content/docs/install.md": post("Install", "## Step one\n"),
        "content/docs/guide.md": post("Guide", body),
    }
    found = site_check(tmp_path, files, "ST", paths=["content/docs/guide.md"])
    assert [(code, line, column) for _, code, line, column in found] == expected


def test_anchor_style_option(tmp_path):
    files = {
        **JEKYLL,
        "a.md": post("A", "## 1. No magic\n\n[x](#1-no-magic) [y](#no-magic)\n"),
    }
    kramdown = {"ST006": {"anchor_style": "kramdown"}}
    assert site_check(tmp_path, files, "ST006") == [("a.md", "ST006", 6, 18)]
    assert site_check(tmp_path, files, "ST006", rules=kramdown) == [("a.md", "ST006", 6, 1)]
    assert site_check(tmp_path, files, "ST006", rules={"ST006": {"anchor_style": "any"}}) == []


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {
                **JEKYLL,
                "_includes/note.html": "x",
                "a.md": post("A", "{% include note.html %}\n{% include notes.html x=1 %}\n"),
            },
            [("a.md", "ST007", 5, 1)],
        ),
        # no includes folder, or a theme: the includes may come from the theme
        ({**JEKYLL, "a.md": post("A", "{% include notes.html %}\n")}, []),
        (
            {
                "_config.yml": "theme: minima\n",
                "_includes/a.html": "",
                "a.md": post("A", "{% include b.html %}\n"),
            },
            [],
        ),
        # raw blocks are text
        (
            {
                **JEKYLL,
                "_includes/a.html": "",
                "a.md": post("A", "{% raw %}{% include b.html %}{% endraw %}\n"),
            },
            [],
        ),
        # Hugo: the site's shortcodes, Hugo's own, comments
        (
            {
                **HUGO,
                "layouts/shortcodes/note.html": "",
                "layouts/_shortcodes/box/tip.html": "",
                "content/a.md": post(
                    "A",
                    "{{< note >}} {{% box/tip %}} {{< youtube x >}} {{</* nope */>}}\n{{< nope >}}\n",
                ),
            },
            [("content/a.md", "ST007", 5, 1)],
        ),
        ({**HUGO, "content/a.md": post("A", "{{< nope >}}\n")}, []),  # no layouts: unknown
    ],
)
def test_missing_include(tmp_path, files, expected):
    assert site_check(tmp_path, files, "ST007") == expected


def test_inconsistent_link_target_site_is_off_by_default_and_reports_the_odd_document(tmp_path):
    t, h = "https://home.treasury.gov/data", "https://www.treasurydirect.gov/"
    files = {
        "a.md": f"The [U.S. Treasury]({t}).\n",
        "b.md": f"The [U.S. Treasury]({t}).\n",
        "c.md": f"Bonds of the\n[U.S. Treasury]({h}).\n",
        "d.md": f"- [U.S. Treasury]({h})\n\nThe [`Title`]({h}) and [details]({h}).\n",
        "e.md": "The [`Title`](/a/) and [details](/b/).\n",
        "f.md": "The [`Title`](/c/) and [details](/c/).\n",
    }
    assert site_check(tmp_path, files, "ST") == []
    assert site_check(tmp_path, files, "ST008") == [("c.md", "ST008", 2, 1)]


def test_only_the_checked_files_get_site_diagnostics(tmp_path, monkeypatch, capsys):
    files = {**JEKYLL, "a.md": post("Same", "[x](/nope/)\n"), "b.md": post("Same", "[x](/nope/)\n")}
    assert site_check(tmp_path, files, "ST", paths=["b.md"]) == [
        ("b.md", "ST001", 2, 8),
        ("b.md", "ST005", 4, 1),
    ]
    # the pre-commit hook's command, with the cache: the index still covers a.md
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        assert main(["check", "--force-exclude", "--select", "ST", "-q", "b.md"]) == 1
        out = capsys.readouterr().out
        assert out.splitlines()[0].startswith(
            "b.md:2:8: ST001 title 'Same' is also the title of a.md"
        )


def test_a_file_named_in_an_excluded_folder_is_a_member_of_its_site(tmp_path):
    files = {**JEKYLL, "a.md": post("Same"), "notes/b.md": post("Same", "[x](/nope/)\n")}
    found = site_check(tmp_path, files, "ST", paths=["notes/b.md"], extend_exclude=("notes/",))
    assert found == [("notes/b.md", "ST001", 2, 8), ("notes/b.md", "ST005", 4, 1)]


# Standard input named as a page of a site on disk: b.md's title on disk repeats a.md's, and
# a.md links to a page that does not exist; only the buffer is reported.
ON_DISK = {
    **JEKYLL,
    "_posts/2025-01-01-a.md": post("Same", "[x](/nope/)\n"),
    "_posts/2025-01-02-b.md": post("Same"),
    "_posts/2025-01-03-c.md": post("Tagged", tags="[Python]"),
    "_posts/2025-01-04-d.md": post("Tagged too", tags="[Python]"),
}
NEW = "_posts/2025-01-09-new.md"
B = "_posts/2025-01-02-b.md"


@pytest.mark.parametrize(
    ("name", "buffer", "expected"),
    [
        # a title that repeats a page's on disk, in a file not written yet
        (NEW, post("Same"), [(NEW, "ST001", 2, 8)]),
        # a broken internal link and a link to a page of the site
        (NEW, post("New", "\n[x](/nope/) [a](/2025/01/01/a.html)\n"), [(NEW, "ST005", 5, 1)]),
        # a tag spelled otherwise on disk
        (NEW, post("New", tags="[python]"), [(NEW, "ST003", 3, 8)]),
        # the buffer replaces the file's entry: its title repeats a.md's on disk, not here
        (B, post("Changed"), []),
        (B, post("Same"), [(B, "ST001", 2, 8)]),
        # per-file rules run as before, beside the site rules
        (B, post("Same") + "[](/2025/01/01/a.html)\n", [(B, "ST001", 2, 8), (B, "LK006", 4, 1)]),
    ],
)
def test_site_rules_on_standard_input(tmp_path, monkeypatch, capsys, name, buffer, expected):
    build(tmp_path, ON_DISK)
    monkeypatch.chdir(tmp_path)
    for _ in range(2):  # without the cache, then with it
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(buffer.encode())))
        code = main(["check", "-", "--stdin-filename", name, "--format", "json"])
        found = json.loads(capsys.readouterr().out)["diagnostics"]
        assert [(d["path"], d["code"], d["line"], d["column"]) for d in found] == expected
        assert code == (1 if expected else 0)
    assert not (tmp_path / NEW).exists()


def test_site_rules_name_the_other_page_and_fix_standard_input(tmp_path, monkeypatch, capsys):
    build(tmp_path, ON_DISK)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(post("Same").encode())))
    assert main(["check", "-", "--stdin-filename", NEW, "-q"]) == 1
    assert capsys.readouterr().out == (
        f"{NEW}:2:8: ST001 title 'Same' is also the title of _posts/2025-01-01-a.md and 1 more "
        "(collection 'posts') [duplicate-title]\n"
    )
    buffer = post("New", tags="[python]")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(buffer.encode())))
    assert main(["check", "-", "--stdin-filename", NEW, "--fix"]) == 0
    out, err = capsys.readouterr()
    assert out == post("New", tags="[Python]")
    assert err == "fixed 1 problem in 1 file\nno problems in 1 file\n"
    assert not (tmp_path / NEW).exists()


def test_site_root_and_generator_options(tmp_path, monkeypatch, capsys):
    """A site without its config (as in a checkout of its Markdown only)."""
    files = {
        "docs/_docs/guide.md": post("Guide", "[a](/docs/setup/) [b](/news/2025/01/02/a/)\n"),
        "docs/_docs/setup.md": post("Setup"),
        "docs/_posts/2025-01-02-a.md": post("A"),
    }
    build(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    args = ["check", "--isolated", "--select", "ST", "-q"]
    assert main([*args, "--site-root", "docs", "--generator", "jekyll", "docs"]) == 0
    capsys.readouterr()
    (tmp_path / "docs/_config.yml").write_text("title: Site\n")  # now the permalinks are known
    assert main([*args, "docs"]) == 1
    assert capsys.readouterr().out == (
        "docs/_docs/guide.md:4:1: ST005 link to '/docs/setup/' leads to no page or file of the site [broken-internal-link]\n"
        "docs/_docs/guide.md:4:19: ST005 link to '/news/2025/01/02/a/' leads to no page or file of the site [broken-internal-link]\n"
    )


def test_site_report(tmp_path, monkeypatch, capsys):
    files = {
        **JEKYLL,
        "index.md": post("Home", "[a](a.md) [b](b.md)\n"),
        "a.md": "---\ntitle: A\ntags: [trade, Trade]\n---\n[b](b.md)\n",
        "b.md": "---\ntitle: B\ntags: [trade]\ncategories: [Markets]\n---\n",
        "c.md": post("C"),
    }
    build(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--site-report", "--select", "ST001", "-q"]) == 0
    assert capsys.readouterr().out == textwrap.dedent(
        f"""\
        site {tmp_path} (jekyll): 4 documents, 4 rendered
        tags: 1 (1 with variant spellings)
              3  trade  (variants: 'Trade' 1)
        categories: 1 (0 with variant spellings)
              1  Markets
        orphan pages (no link from another document): 1
          c.md  /c.html
        most-linked pages (documents linking to them):
              2  b.md  /b.html
              1  a.md  /a.html

        """
    )


def test_site_report_is_one_entry_per_line(tmp_path, monkeypatch, capsys):
    build(tmp_path, {**JEKYLL, "odd\nname.md": '---\ntitle: A\ntags: ["x\\ny"]\n---\n'})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--site-report", "--select", "ST001", "-q"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:3] == ["tags: 1 (0 with variant spellings)", "      1  x\\ny"]
    assert lines[5:6] == ["  odd\\nname.md  /odd\\nname.html"]


def test_a_crashing_site_rule_is_ln900(tmp_path, monkeypatch):
    from lint.rules.site.duplicate_title import DuplicateTitle

    def boom(self, site, options):
        raise RuntimeError("boom")

    monkeypatch.setattr(DuplicateTitle, "check_site", boom)
    assert site_check(tmp_path, {"a.md": post("A")}, "ST001", extend_select=("LN900",)) == [
        ("a.md", "LN900", 1, 1)
    ]


# --- the documentation's examples, as small sites -------------------------------------------

SITE_RULES = [rule for rule in builtin() if issubclass(rule, SiteRule)]


def example_files(rule, title: str) -> dict[str, str]:
    doc = documentation(rule)
    body = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", doc, re.M | re.S)[1]
    text = textwrap.dedent(
        "\n".join(ln for ln in body.splitlines() if ln.startswith("    ") or not ln.strip())
    )
    files: dict[str, str] = {}
    for match in re.finditer(r"^==> (.+?) <==\n(.*?)(?=^==> |\Z)", text, re.M | re.S):
        files[match[1]] = match[2].strip("\n") + "\n"
    return files


@pytest.mark.parametrize("rule", SITE_RULES, ids=lambda r: r.code)
def test_site_rule_examples(tmp_path, rule):
    example = example_files(rule, "Example")
    assert example, f"{rule.code}: the example names no files"
    if not any(name.startswith(("_config", "hugo")) for name in example):
        example = {**JEKYLL, **example} if rule.code != "ST008" else example
    assert site_check(tmp_path / "example", example, rule.code) != []
    instead = example_files(rule, "Use instead")
    if not any(name.startswith(("_config", "hugo")) for name in instead):
        instead = {**JEKYLL, **instead} if rule.code != "ST008" else instead
    assert site_check(tmp_path / "instead", instead, rule.code) == []


@pytest.mark.parametrize(
    "url",
    [
        "page.md",
        "../docs/page.md#Section",
        "/a/b/?q=1#top",
        "a?b#c?d#e",
        "#only",
        "a b/c.md",
        "tab\there.md",
        "new\nline.md#x",
        "\x01control.md",
        "東京/ページ.md#見出し",
    ],
)
def test_a_links_path_and_fragment_are_what_urlsplit_finds(url):
    from urllib.parse import urlsplit

    from lint.site.index import _path_and_fragment

    parts = urlsplit(url)
    assert _path_and_fragment(url) == (parts.path, parts.fragment)


@pytest.mark.parametrize("folder", ["", "docs", "docs/guide", "/", "a/", "東京"])
@pytest.mark.parametrize("path", ["page.md", "../up.md", "./here/", "a//b", ".", "..", "東京.md"])
def test_a_relative_links_path_joins_its_folder_as_posixpath_does(folder, path):
    import posixpath

    from lint.site.index import _join

    assert _join(folder, path) == posixpath.join(folder, path)


@pytest.mark.parametrize(
    "text",
    ["", "one", "a\nb\n", "a\r\nb\rc\n", "\n\n", "\r", "x\r\n", "東京\nページ", "a\x85b\u2028c"],
)
def test_a_pages_lines_are_split_as_the_line_break_pattern_splits(text):
    from lint.source import _LINE_BREAK, LineIndex, split_lines

    assert split_lines(text) == _LINE_BREAK.split(text)
    lines = LineIndex(text)
    assert split_lines(text) == [lines.line_text(n) for n in range(1, lines.line_count + 1)]


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("/", "/"),
        ("", "/"),
        ("/a/b/", "/a/b"),
        ("/A/B.HTML", "/a/b"),
        ("/a/b/index.html", "/a/b"),
        ("/a/index.md", "/a"),
        ("/index.htm", "/"),
        ("/a/b.mdx", "/a/b"),
        ("/a/b.png", "/a/b.png"),
        ("/a.b/c", "/a.b/c"),
        ("//a///b//", "/a/b"),
        ("/a//index.html", "/a"),
        ("/a/b%2Ehtml?q#f", "/a/b"),
        ("/a/myindex.html", "/a/myindex"),
    ],
)
def test_a_site_paths_key_ignores_case_index_pages_page_suffixes_and_slashes(path, key):
    from lint.site.layout import url_key

    assert url_key(path) == key


@pytest.mark.parametrize(
    "base", ["/", "/a.md", "/a/b.md", "/a/b/", "/a//b.md", "/a;p/b.md", "//host/a.md", "", "x/y"]
)
@pytest.mark.parametrize(
    "path",
    [
        "c.md",
        "c/",
        "../c.png",
        "../../../../c",
        ".",
        "..",
        "./",
        "../",
        "a/./b/../c",
        "a//b",
        "c/.",
        "c/..",
        "東京.md",
        "c;p",
        "c?q",
        "c#f",
        "c:d",
        " c",
        "c d",
        "c\td",
        "",
    ],
)
def test_a_relative_links_url_joins_its_pages_url_as_urljoin_does(base, path):
    from urllib.parse import urljoin

    from lint.site.index import _url_join

    assert _url_join(base, path) == urljoin(base, path)


_HEADINGS = [("Getting started", "", 1), ("Über uns!", "", 2), ("Set up", "install", 3)]


@pytest.mark.parametrize("styles", [("github",), ("kramdown",), ("github", "kramdown", "slug")])
@pytest.mark.parametrize(
    "anchor", ["getting-started", "ber-uns", "über-uns", "uber-uns", "install", "faq", "x"]
)
def test_a_pages_anchors_made_on_demand_are_those_made_at_once(styles, anchor):
    from lint.site.anchors import anchors
    from lint.site.index import Anchors

    every = {"faq"}.union(*(anchors(_HEADINGS, style) for style in styles))
    lazy = Anchors(_HEADINGS, ["faq"], styles)
    assert (anchor in lazy) == (anchor in every)
    assert lazy.all() == every


MDX_PAGE = """\
---
title: Install
---
import { Tabs, TabItem } from '@astrojs/starlight/components';

# Install

See [the next step](#next-step) and [the end](#the-end).

<Tabs>
  <TabItem label="npm">
  ```sh
  # create a project
  npm create astro@latest

  # add React
  npx astro add react
  ```
  </TabItem>
</Tabs>

## Next step

```js
import x from 'y'
```
## The end
"""


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # MDX: the element's children hold the code block whole, and ESM is never in code
        ("page.mdx", []),
        # CommonMark: `<Tabs>` opens an HTML block that the blank line ends
        (
            "page.md",
            [("HD002", 16, 3), ("ST006", 8, 5)],
        ),
    ],
)
def test_mdx_elements_hold_markdown_with_blank_lines(tmp_path, name, expected):
    found = site_check(tmp_path, {name: MDX_PAGE}, "HD") + site_check(tmp_path, {}, "ST006")
    assert [(code, line, column) for _, code, line, column in found] == expected
