"""MkDocs sites: mkdocs.yml read as data, detection and presets, URLs, anchors, LK003 with
Python-Markdown, build-time labels and anchors, and the example site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lint.cli import main
from lint.mkdocs import MkDocs, PythonTag, read_config
from lint.runner import check_paths
from lint.schema.resolve import detect, preset_for
from lint.settings import Settings
from lint.site.anchors import anchors
from lint.site.layout import load_layout, page_urls
from tests.helpers import ROOT
from tests.test_site import build as build_files

EXAMPLE = ROOT / "examples" / "mkdocs"
MKDOCS = {"mkdocs.yml": "site_name: Site\n"}


def build(root: Path, files: dict[str, str]) -> None:
    """The files, in a repository of their own (its root bounds the search for a site)."""
    (root / ".git").mkdir(exist_ok=True)
    build_files(root, files)


def site_check(root: Path, files: dict[str, str], select: str, **settings):
    """(path, code, line, column) of each problem of the site at `root`."""
    build(root, files)
    settings = Settings(root=root, select=(select,), **settings)
    report = check_paths([str(root)], settings, jobs=1).report
    return [
        (d.path.removeprefix(str(root) + "/"), d.code, d.line, d.column) for d in report.diagnostics
    ]


def places(root: Path, files: dict[str, str], select: str) -> list[tuple[int, int]]:
    """(line, column) of each problem of the site at `root`."""
    return [(line, column) for *_, line, column in site_check(root, files, select)]


# --- mkdocs.yml -------------------------------------------------------------------------------


def test_tags_are_read_as_data_and_never_run(tmp_path):
    marker = tmp_path / "ran"
    config = read_config(
        "site_name: S\n"
        "extra:\n"
        "  key: !ENV KEY\n"
        "  keys: !ENV [KEY_ONE, KEY_TWO, fallback]\n"
        "  path: !relative $config_dir\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "  - toc:\n"
        "      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n"
        f"hook: !!python/object/apply:os.system ['touch {marker}']\n"
    )
    assert config["extra"] == {"key": None, "keys": "fallback", "path": "$config_dir"}
    emoji = config["markdown_extensions"][0]["pymdownx.emoji"]["emoji_index"]
    assert emoji == PythonTag("name", "material.extensions.emoji.twemoji")
    slugify = config["markdown_extensions"][1]["toc"]["slugify"]
    assert (slugify.name, slugify.kwds) == ("pymdownx.slugs.slugify", {"case": "lower"})
    assert config["hook"] == PythonTag("object/apply", "os.system")
    assert not marker.exists()


@pytest.mark.parametrize("text", ["", "- a list\n", "key: [unclosed\n", "a: !!python/none\n"])
def test_a_broken_or_odd_config_is_an_empty_site(text):
    config = read_config(text)
    assert isinstance(config, dict)
    assert MkDocs(Path("."), config).docs_dir in ("docs", ".")


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        ("site_name: S\n", ("docs", True, "python-markdown", None, None)),
        (
            "docs_dir: site-src/\nuse_directory_urls: false\nplugins: [blog]\n"
            "markdown_extensions:\n  - toc:\n      slugify: !!python/name:pymdownx.slugs.uslugify\n"
            "  - pymdownx.tabbed\n",
            ("site-src", False, "pymdownx", "numbered", "blog/posts"),
        ),
        (
            "plugins:\n  - material/blog:\n      blog_dir: news\n      post_dir: '{blog}/items'\n"
            "markdown_extensions:\n  pymdownx.tabbed:\n    slugify: !!python/name:x.y\n",
            ("docs", True, "python-markdown", "slug", "news/items"),
        ),
    ],
)
def test_what_is_read_of_the_config(config, expected):
    site = MkDocs(Path("."), read_config(config))
    found = (site.docs_dir, site.use_directory_urls, site.anchor_style, site.tab_style)
    assert (*found, site.blog_posts) == expected


def test_nav_is_read_in_order_and_within_bounds():
    site = MkDocs(
        Path("."), read_config("nav:\n  - a.md\n  - B: [b.md, {C: c.md}]\n  - https://x.example/\n")
    )
    assert site.nav == ["a.md", "b.md", "c.md"]
    # aliases nine deep name 10**9 files in a few lines: reading stops at a bound
    levels = ["a0: &a0 [x.md, x.md, x.md, x.md, x.md, x.md, x.md, x.md, x.md, x.md]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    bomb = MkDocs(Path("."), read_config("\n".join(levels) + "\nnav: [*a8]\n"))
    assert 0 < len(bomb.nav) < 100_000


# --- detection and presets --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "path", "preset"),
    [
        ("site_name: S\n", "docs/index.md", "mkdocs-page"),
        ("site_name: S\n", "docs/guide/setup.md", "mkdocs-page"),
        ("site_name: S\n", "README.md", "default"),
        ("site_name: S\nplugins: [blog]\n", "docs/blog/posts/first.md", "mkdocs-blog-post"),
        ("site_name: S\nplugins: [blog]\n", "docs/blog/index.md", "mkdocs-page"),
        ("site_name: S\n", "docs/blog/posts/first.md", "mkdocs-page"),  # no blog plugin
        ("docs_dir: pages\n", "pages/a.md", "mkdocs-page"),
        ("docs_dir: pages\n", "docs/a.md", "default"),
    ],
)
def test_detection_and_presets(tmp_path, config, path, preset):
    build(tmp_path, {"mkdocs.yml": config, path: "# A\n"})
    site = detect((tmp_path / path).parent)
    assert (site.generator, site.root) == ("mkdocs", tmp_path)
    assert preset_for(site, tmp_path / path) == preset


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ("date: 2024-01-31\n", []),
        ("date: 2024-01-31T12:00:00\n", []),
        ("date:\n  created: 2024-01-31\n  updated: 2024-02-01\n", []),
        ("date:\n  created: 2024-01-31\n  my_custom_date: 2024-02-01\n", []),
        ("date:\n  updated: 2024-02-01\n", [("FM101", 2, 1)]),
        ("date:\n  created: 31/01/2024\n", [("FM103", 3, 12)]),
        ("date: [2024-01-31]\n", [("FM102", 2, 7)]),
        ("title: Post\n", [("FM101", 1, 1)]),
        ("date: 2024-01-31\ndraft: yes please\n", [("FM102", 3, 8)]),
    ],
)
def test_blog_post_preset(tmp_path, front_matter, expected):
    files = {
        "mkdocs.yml": "site_name: S\nplugins: [blog]\n",
        "docs/blog/posts/post.md": f"---\n{front_matter}---\n# Post\n",
    }
    assert [row[1:] for row in site_check(tmp_path, files, "FM1")] == expected


def test_page_preset(tmp_path):
    files = {
        **MKDOCS,
        "docs/a.md": "---\nhide: [navigation, toc]\nsearch: {exclude: true}\n---\n# A\n",
        "docs/b.md": "---\nhide: navigation\nsearch: {boost: high}\n---\n# B\n",
    }
    assert site_check(tmp_path, files, "FM1") == [
        ("docs/b.md", "FM102", 2, 7),
        ("docs/b.md", "FM102", 3, 17),
    ]


# --- URLs -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "rel", "url"),
    [
        ("site_name: S\n", "docs/index.md", "/"),
        ("site_name: S\n", "docs/guide/index.md", "/guide/"),
        ("site_name: S\n", "docs/guide/README.md", "/guide/"),
        ("site_name: S\n", "docs/guide/setup.md", "/guide/setup/"),
        ("use_directory_urls: false\n", "docs/guide/setup.md", "/guide/setup.html"),
        ("use_directory_urls: false\n", "docs/guide/index.md", "/guide/"),
        ("site_name: S\n", "README.md", None),  # outside the docs folder
        ("site_name: S\n", "docs/.hidden/a.md", None),
        ("docs_dir: .\n", "a/b.md", "/a/b/"),
    ],
)
def test_page_urls(tmp_path, config, rel, url):
    build(tmp_path, {"mkdocs.yml": config})
    layout = load_layout(tmp_path)
    assert layout.generator == "mkdocs"
    assert page_urls(layout, rel, {"fm": {}}).url == url


def test_site_url_gives_the_base_path(tmp_path):
    build(tmp_path, {"mkdocs.yml": "site_url: https://example.org/handbook/\n"})
    assert load_layout(tmp_path).base_path == "/handbook"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # source paths, folder URLs and page URLs all lead to the page
        ("[a](setup.md) [b](../guide/setup.md) [c](setup/) [d](/guide/setup/)\n", []),
        ("[a](setp.md) [b](../img/chart.png) [c](../img/nope.png)\n", [(1, 1), (1, 36)]),
    ],
)
def test_links_between_pages(tmp_path, body, expected):
    files = {
        **MKDOCS,
        "docs/guide/setup.md": "# Setup\n",
        "docs/guide/index.md": body,
        "docs/img/chart.png": "png",
    }
    assert places(tmp_path, files, "ST005") == expected


def test_a_markdown_file_is_a_source_path_only(tmp_path):
    # from /guide/setup/, `index.md` as a URL would be the page itself; MkDocs reads it as
    # docs/guide/index.md, which is missing
    files = {**MKDOCS, "docs/guide/setup.md": "# Setup\n\n[a](index.md#setup) [b](setup.md)\n"}
    assert site_check(tmp_path, files, "ST") == [("docs/guide/setup.md", "ST005", 3, 1)]


# --- anchors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("style", "headings", "expected"),
    [
        # Python-Markdown's toc: ASCII only; repeats numbered with `_`
        ("python-markdown", ["Setup", "Setup", "Setup"], {"setup", "setup_1", "setup_2"}),
        ("python-markdown", ["Café & Bar", "1.2 Notes"], {"cafe-bar", "12-notes"}),
        ("python-markdown", ["", "!!"], {"_1", "_2"}),
        # pymdownx.slugs.slugify(case="lower"): Unicode kept, each space a hyphen
        ("pymdownx", ["Café & Bar", "東京 駅"], {"café--bar", "東京-駅"}),
    ],
)
def test_anchor_styles(style, headings, expected):
    assert anchors([[text, None] for text in headings], style) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # toc ids, repeats, attr_list ids on headings and elsewhere
        (
            "## Setup\n\n## Setup\n\n## Café & Bar\n\n"
            "[a](#setup_1) [b](#setup-1) [c](#cafe-bar) [d](#café--bar)\n",
            [(7, 15), (7, 44)],
        ),
        (
            "## Fees { #prices }\n\n## Berths {: #berths .wide }\n\n"
            'Text { id="note" }\n\n[x](https://example.org){ #out }\n\n'
            "[a](#prices) [b](#berths) [c](#note) [d](#out) [e](#fees)\n",
            [(9, 48)],
        ),
        # footnotes, tabs (the heading's id and the tab's, as configured), emoji shortcodes
        (
            'Note.[^1]\n\n[^1]: A note.\n\n## Calls\n\n=== "At night"\n\n    Text.\n\n'
            "[a](#fn:1) [b](#calls-at-night) [c](#at-night) [d](#__tabbed_1_1)\n",
            [(11, 33)],
        ),
        ("## Mooring :anchor:\n\n[a](#mooring) [b](#mooring-anchor)\n", [(3, 15)]),
        # a backslash escape in an id is the character
        ("Note^1^{#\\_fn_1}\n\n[a](#_fn_1) [b](#fn_1)\n", [(3, 13)]),
    ],
)
def test_anchors_on_an_mkdocs_page(tmp_path, body, expected):
    files = {
        "mkdocs.yml": (
            "markdown_extensions:\n  - attr_list\n  - footnotes\n  - pymdownx.emoji\n"
            "  - pymdownx.tabbed:\n      combine_header_slug: true\n"
            "      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n"
        ),
        "docs/page.md": body,
    }
    assert places(tmp_path, files, "ST006") == expected


def test_snippets_make_the_anchors_unknown(tmp_path):
    files = {
        **MKDOCS,
        "docs/a.md": '# A\n\n--8<-- "includes/part.md"\n\n[a](#from-the-part)\n',
        "docs/b.md": "# B\n\n[a](a.md#anything) [b](#nothing)\n",
    }
    assert site_check(tmp_path, files, "ST006") == [("docs/b.md", "ST006", 3, 20)]


def test_nav_lists_pages_in_the_site_report(tmp_path, monkeypatch, capsys):
    files = {
        "mkdocs.yml": "nav:\n  - Home: index.md\n  - Guide:\n    - guide/a.md\n",
        "docs/index.md": "# Home\n",
        "docs/guide/a.md": "# A\n",
        "docs/guide/b.md": "# B\n",
    }
    build(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--site-report", "--select", "ST001", "-q"]) == 0
    out = capsys.readouterr().out
    assert "orphan pages (no link from another document): 1\n  docs/guide/b.md  /guide/b/\n" in out


# --- LK003 with Python-Markdown and appended definitions ---------------------------------------


LK003_SITE = {
    "mkdocs.yml": (
        "markdown_extensions:\n  - abbr\n  - pymdownx.snippets:\n"
        "      auto_append: [includes/links.md]\n"
    ),
    "includes/links.md": (
        "*[HTML]: Hyper Text Markup Language\n  [mkdocs.docs_dir]: https://x.example/\n"
        '--8<-- "includes/more-links.md"\n'
    ),
    # an appended file's own snippets are appended too (a loop is read once)
    "includes/more-links.md": '[nested]: https://x.example/\n--8<-- "includes/links.md"\n',
}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a definition appended to every page is the page's
        ("The [`docs` directory][mkdocs.docs_dir] and HTML.\n", []),
        ("The [`docs` directory][mkdocs.site_dir].\n", [(1, 5)]),
        ("The [text][nested] and [text][unnested].\n", [(1, 24)]),
        # a reference split across two lines (or spaced) renders in Python-Markdown
        ("The [built-in\nplugin] and [`blog_dir`]\n[blog].\n\n  [blog]: https://x.example/\n", []),
        ("See [the option] [blog].\n\n  [blog]: https://x.example/\n", []),
        # CommonMark reads the first bracket alone, and it looks like a slip for the label
        (
            "The [`git-revision`]\n[git-revision] plugin.\n\n  [git-revision]: https://x.example/\n",
            [],
        ),
        ("See [the option]\n[nothing].\n", [(1, 5)]),
        # included snippets may define anything
        ('--8<-- "includes/more.md"\n\nThe [text][elsewhere].\n', []),
    ],
)
def test_lk003_on_an_mkdocs_page(tmp_path, body, expected):
    files = {**LK003_SITE, "docs/page.md": body}
    found = site_check(tmp_path, files, "LK003")
    assert [(line, column) for path, _, line, column in found if path == "docs/page.md"] == expected


@pytest.mark.parametrize(
    ("extensions", "expected"),
    [
        # pymdownx.progressbar reads `[=45% "45%"]` as a bar before references are read
        ("[pymdownx.progressbar]", []),
        ("[]", [(1, 1), (4, 5)]),
    ],
)
def test_progress_bars_are_no_references(tmp_path, extensions, expected):
    body = '[=0% "0%"]\n[=5% "5%"]\n\nThe [text]\n[=5% "5%"].\n'
    files = {"mkdocs.yml": f"markdown_extensions: {extensions}\n", "docs/page.md": body}
    assert places(tmp_path, files, "LK003") == expected


def test_a_split_reference_is_not_one_in_commonmark(tmp_path):
    files = {"page.md": "See [the option]\n[nothing].\n"}
    assert site_check(tmp_path, files, "LK003") == []  # two bare brackets, no near label


def test_the_cache_follows_the_appended_files(tmp_path, monkeypatch, capsys):
    build(tmp_path, {**LK003_SITE, "docs/page.md": "The [`docs` directory][mkdocs.docs_dir].\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "-q", "--select", "LK003"]) == 0
    (tmp_path / "includes" / "links.md").write_text("*[HTML]: Hyper Text\n", encoding="utf-8")
    assert main(["check", "-q", "--select", "LK003"]) == 1
    assert "docs/page.md:1:5: LK003" in capsys.readouterr().out


# --- labels and anchors made when the site is built -------------------------------------------


BUILT = {
    **MKDOCS,
    "docs/plugin.md": (
        "# Plugin\n\nThe [`post_dir`][config.post_dir] setting, [its page](#config.post_dir),\n"
        "the [draft][meta.draft] and [x](#config-nope) [y][links.x].\n"
    ),
    "links.md": "[links.x]: https://x.example/\n",
}


@pytest.mark.parametrize(
    ("rules", "expected"),
    [
        (
            {},
            [
                ("LK003", 3, 5),
                ("ST006", 3, 44),
                ("LK003", 4, 5),
                ("ST006", 4, 29),
                ("LK003", 4, 47),
            ],
        ),
        (
            {
                "LK003": {"labels": [r"config\..+", r"meta\..+"], "definition_files": ["links.md"]},
                "ST006": {"anchors": [r"config\..+"]},
            },
            [("ST006", 4, 29)],
        ),
    ],
)
def test_build_time_labels_and_anchors(tmp_path, rules, expected):
    found = site_check(tmp_path, BUILT, "ALL", rules=rules)
    assert [
        (code, line, column) for path, code, line, column in found if path == "docs/plugin.md"
    ] == expected


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ({"LK003": {"labels": ["config\\.(+"]}}, "'config\\.(+' is not a regular expression"),
        ({"ST006": {"anchors": ["["]}}, "'[' is not a regular expression"),
    ],
)
def test_a_bad_pattern_is_a_configuration_error(tmp_path, monkeypatch, capsys, rules, message):
    table = next(iter(rules))
    option, values = next(iter(rules[table].items()))
    quoted = ", ".join(f"'{v}'" for v in values)
    build(tmp_path, {"mdvet.toml": f"[rules.{table}]\n{option} = [{quoted}]\n", "a.md": "# A\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "a.md"]) == 2
    assert message in capsys.readouterr().err


def test_init_proposes_a_label_pattern(tmp_path, monkeypatch, capsys):
    body = "".join(f"The [`{n}`][config.{n}] setting.\n" for n in "abcdefg")
    body += "".join(f"The [`{n}`][meta.{n}] property.\n" for n in "abc")
    build(tmp_path, {**MKDOCS, "docs/plugin.md": "# Plugin\n\n" + body + "[x][other]\n"})
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "wrote mdvet.toml and mdvet-schema.yaml for 1 files (mkdocs)"
    assert (
        "  7 of 11 LK003 problems name labels like 'config.a': see [rules.LK003] in mdvet.toml"
        in out
    )
    config = (tmp_path / "mdvet.toml").read_text()
    assert (
        "# [rules.LK003]\n# labels = ['config\\..+']\n"
        "# Other prefixes among them, to review the same way: 'meta.' 3.\n"
    ) in config
    assert 'paths = ["docs/**"]' in config
    # the proposal, taken, silences those problems and keeps the other
    (tmp_path / "mdvet.toml").write_text(
        config.replace("# [rules.LK003]\n# labels", "[rules.LK003]\nlabels")
    )
    assert main(["check", "-q", "--select", "LK003"]) == 1
    assert capsys.readouterr().out.count("LK003") == 4  # meta.a, meta.b, meta.c and other


# --- what plugins make when the site is built ------------------------------------------------


AUTOREFS_BODY = (
    "Call [`load`][griffe.load] or [`griffe.Module`][], see [the loader] [griffe.Loader].\n"
    "A [missing one][nowhere] and [a near labels].\n\n[a near-label]: https://x.example/\n"
)


@pytest.mark.parametrize(
    ("plugins", "expected"),
    [
        # without mkdocs-autorefs, an undefined label is no link
        ("[search]", [(1, 6), (1, 31), (1, 56), (2, 3), (2, 30)]),
        # autorefs (mkdocstrings turns it on) resolves undefined labels when the site is built;
        # a bare bracket is still no reference to it
        ("[search, autorefs]", [(2, 30)]),
        ("[mkdocstrings]", [(2, 30)]),
        ("[{mkdocstrings: {enabled: false}}]", [(1, 6), (1, 31), (1, 56), (2, 3), (2, 30)]),
    ],
)
def test_autorefs_resolves_undefined_labels(tmp_path, plugins, expected):
    files = {"mkdocs.yml": f"plugins: {plugins}\n", "docs/page.md": AUTOREFS_BODY}
    assert places(tmp_path, files, "LK003") == expected


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # an empty link with an id after it is an anchor (attr_list), on an MkDocs page only
        ({**MKDOCS, "docs/a.md": "[](){#setup}\n### Setup\n[](){: #b }\n"}, []),
        (
            {**MKDOCS, "docs/a.md": "[](){.note}\n[]()\n[](#){#x}\n![](){#y}\n"},
            [(1, 1), (2, 1), (3, 1), (4, 1)],
        ),
        ({"a.md": "[](){#setup}\n"}, [(1, 1)]),
    ],
)
def test_an_empty_link_with_an_id_is_an_anchor(tmp_path, files, expected):
    assert places(tmp_path, files, "LK006") == expected


def test_a_page_the_nav_names_may_be_made_by_a_plugin(tmp_path):
    files = {
        "mkdocs.yml": "nav:\n  - index.md\n  - Coverage: guide/coverage.md\n",
        "docs/index.md": "[a](guide/coverage.md) [b](guide/other.md) [c](guide/coverage/)\n",
    }
    assert places(tmp_path, files, "ST005") == [(1, 24)]


CHANGELOG_BC = [("CHANGELOG.md", 1, 20), ("CHANGELOG.md", 1, 39)]
# included by no page (`;` turns an inclusion off)
ALONE = [("README.md", 1, 1), ("parts/notes.md", 1, 1)]


@pytest.mark.parametrize(
    ("extensions", "expected"),
    [
        # an included file's links are the including page's: resolved from docs/
        ("[pymdownx.snippets]", [*CHANGELOG_BC, *ALONE]),
        ('[{pymdownx.snippets: {base_path: [".", parts]}}]', [*CHANGELOG_BC, ("README.md", 1, 1)]),
        ("[{pymdownx.snippets: {base_path: [!relative $config_dir]}}]", [*CHANGELOG_BC, *ALONE]),
        # without the extension, `--8<--` is text: the files stand alone
        (
            "[]",
            [("CHANGELOG.md", 1, 1), ("CHANGELOG.md", 1, 20), *ALONE],
        ),
    ],
)
def test_an_included_file_links_from_the_page(tmp_path, extensions, expected):
    files = {
        "mkdocs.yml": f"markdown_extensions: {extensions}\n",
        "docs/guide/page.md": "# Page\n",
        "docs/changelog.md": '# Changes\n\n--8<-- "CHANGELOG.md"\n',
        "docs/more.md": '# More\n\n--8<--\nnotes.md:2:4\n--8<--\n;--8<-- "README.md"\n',
        "CHANGELOG.md": "[a](guide/page.md) [b](guide/nope.md) [c](docs/guide/page.md)\n",
        "README.md": "[a](guide/page.md)\n",
        "parts/notes.md": "[a](guide/page.md)\n",
    }
    found = site_check(tmp_path, files, "ST005")
    assert [(path, line, column) for path, _, line, column in found] == expected


# --- the example site -------------------------------------------------------------------------


def test_the_example_site_is_clean(monkeypatch, capsys):
    monkeypatch.chdir(EXAMPLE)
    assert main(["check", "--no-cache", "."]) == 0
    assert capsys.readouterr().out == "no problems in 7 files\n"


def test_the_example_site_finds_what_breaks(tmp_path, monkeypatch, capsys):
    site = tmp_path / "site"
    shutil.copytree(EXAMPLE, site)
    (site / ".git").mkdir()
    mooring = site / "docs" / "guide" / "mooring.md"
    text = mooring.read_text(encoding="utf-8")
    mooring.write_text(
        text.replace("(#pontoon)", "(#pontoons)").replace("[harbour office]", "[harbor office]", 1)
    )
    monkeypatch.chdir(site)
    assert main(["check", "--no-cache", "-q", "--select", "ST006,LK003"]) == 1
    assert capsys.readouterr().out.splitlines() == [
        "docs/guide/mooring.md:12:10: LK003 '[harbor office]' is not a link: no definition "
        "'[harbor office]: ...'; did you mean '[harbour office]'? [broken-link-syntax]",
        "docs/guide/mooring.md:13:44: ST006 anchor '#pontoons' matches no heading or id on this "
        "page; did you mean '#pontoon'? [broken-anchor]",
    ]
