"""Astro (Starlight) and Docusaurus sites: detection, URLs, anchors, presets, the examples."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.engine import check_text
from lint.runner import check_paths
from lint.schema.resolve import detect, preset_for
from lint.settings import Settings
from lint.site.layout import load_layout, page_urls, read_astro_config, read_docusaurus_config
from tests.helpers import ROOT, codes_and_positions
from tests.test_site import build, post, site_check

EXAMPLES = ROOT / "examples"
ASTRO = {
    "astro.config.mjs": "import starlight from '@astrojs/starlight';\n"
    "export default { integrations: [starlight({ title: 'Docs' })] };\n",
    "src/content/docs/index.mdx": post("Home"),
}
DOCUSAURUS = {
    "docusaurus.config.js": "module.exports = { baseUrl: '/' };\n",
    "docs/intro.md": post("Intro"),
}


# --- detection ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (ASTRO, "astro"),
        # a content collection config instead of src/content/docs/
        (
            {"astro.config.ts": "export default {};\n", "src/content.config.ts": "export {};\n"},
            "astro",
        ),
        ({"astro.config.mjs": "", "src/content/config.ts": ""}, "astro"),
        (DOCUSAURUS, "docusaurus"),
        ({"docusaurus.config.ts": "", "blog/2024-01-02-a.md": post("A")}, "docusaurus"),
        # a config file alone is not a site
        ({"astro.config.mjs": "", "src/pages/a.md": post("A")}, None),
        ({"docusaurus.config.js": "", "src/pages/a.md": post("A")}, None),
    ],
)
def test_detection(tmp_path, files, expected):
    build(tmp_path, files)
    site = detect(tmp_path / "src" if (tmp_path / "src").is_dir() else tmp_path)
    assert (site.generator if site else None) == expected
    assert load_layout(tmp_path).generator == (expected or "generic")


@pytest.mark.parametrize(
    ("example", "relative", "expected"),
    [
        ("starlight", "src/content/docs/guides/berths.mdx", "starlight"),
        ("starlight", "src/content/docs/fr/guides/getting-started.md", "starlight"),
        ("starlight", "src/pages/about.md", "default"),
        ("docusaurus", "docs/01-tutorial/02-radio.mdx", "docusaurus-doc"),
        ("docusaurus", "blog/2024-06-02-new-pontoon/index.md", "docusaurus-blog"),
        ("docusaurus", "src/pages/contact.md", "default"),
    ],
)
def test_preset_by_folder(example, relative, expected):
    root = EXAMPLES / example
    assert preset_for(detect(root), root / relative) == expected


# --- config files, read as text -------------------------------------------------------------


def test_astro_config_settings(tmp_path):
    (tmp_path / "astro.config.mjs").write_text(
        "export default defineConfig({\n"
        "  base: '/docs/', // served under /docs\n"
        '  trailingSlash: "always",\n'
        "  integrations: [starlight({\n"
        "    /* defaultLocale: 'de', */\n"
        "    defaultLocale: 'en',\n"
        "    locales: { en: { label: 'English' }, 'pt-br': { label: 'Português', lang: 'pt-BR' },\n"
        "      ja: { label: '日本語', translations: { a: 'b' } } },\n"
        "  })],\n"
        "});\n"
    )
    assert read_astro_config(tmp_path / "astro.config.mjs") == {
        "base": "/docs/",
        "trailingSlash": "always",
        "defaultLocale": "en",
        "locales": ["en", "pt-br", "ja"],
    }


def test_docusaurus_config_settings(tmp_path):
    (tmp_path / "docusaurus.config.ts").write_text(
        "export default {\n"
        "  baseUrl: '/handbook/',\n"
        "  trailingSlash: false,\n"
        "  themeConfig: { docs: { sidebar: { hideable: true } } },\n"
        "  presets: [['classic', { docs: { path: 'guides', routeBasePath: '/' }, blog: false }]],\n"
        "};\n"
    )
    assert read_docusaurus_config(tmp_path / "docusaurus.config.ts") == {
        "base": "/handbook/",
        "trailingSlash": False,
        "docs": {"path": "guides", "routeBasePath": "/"},
        "blog": {"off": True},
    }


# --- URLs -----------------------------------------------------------------------------------


def _url(root: Path, rel: str, fm: dict) -> tuple[str | None, tuple[str, ...]]:
    urls = page_urls(load_layout(root), rel, {"fm": fm, "has_fm": True})
    return urls.url, urls.fallbacks


@pytest.mark.parametrize(
    ("rel", "fm", "expected"),
    [
        ("src/content/docs/index.mdx", {}, ("/", ("/fr/",))),
        ("src/content/docs/guides/intro.md", {}, ("/guides/intro/", ("/fr/guides/intro/",))),
        # Astro slugs every folder and file name
        (
            "src/content/docs/Getting Started/First Steps.md",
            {},
            ("/getting-started/first-steps/", ("/fr/getting-started/first-steps/",)),
        ),
        ("src/content/docs/guides/index.mdx", {}, ("/guides/", ("/fr/guides/",))),
        (
            "src/content/docs/guides/a.md",
            {"slug": "custom/path"},
            ("/custom/path/", ("/fr/custom/path/",)),
        ),
        # a translation has no fallback of its own
        ("src/content/docs/fr/guides/intro.md", {}, ("/fr/guides/intro/", ())),
        ("src/content/docs/guides/_draft.md", {}, (None, ())),
        ("src/content/docs/guides/b.md", {"draft": True}, (None, ())),
        ("src/pages/about.md", {}, ("/about/", ())),
        # other collections render where a page's code says: no URL of their own
        ("src/content/blog/a.md", {}, (None, ())),
        ("README.md", {}, (None, ())),
    ],
)
def test_starlight_urls(tmp_path, rel, fm, expected):
    build(
        tmp_path,
        {
            "astro.config.mjs": "starlight({ locales: { root: { label: 'English' }, fr: {} } })",
            "src/content/docs/index.mdx": "",
        },
    )
    assert _url(tmp_path, rel, fm) == expected


def test_astro_base_and_a_non_root_default_locale(tmp_path):
    build(
        tmp_path,
        {
            "astro.config.mjs": "({ base: '/manual', integrations: [starlight({ "
            "defaultLocale: 'en', locales: { en: {}, de: {} } })] })",
            "src/content/docs/en/a.md": "",
        },
    )
    assert load_layout(tmp_path).base_path == "/manual"
    assert _url(tmp_path, "src/content/docs/en/a.md", {}) == ("/en/a/", ("/de/a/",))


@pytest.mark.parametrize(
    ("rel", "fm", "expected"),
    [
        ("docs/intro.md", {}, "/docs/intro"),
        # number prefixes are dropped from folders and file names, dates are not prefixes
        ("docs/01-tutorial/02-radio.mdx", {}, "/docs/tutorial/radio"),
        ("docs/2021-01-02-notes.md", {}, "/docs/2021-01-02-notes"),
        # `id` names the page, `slug` replaces the URL (from the route or from the folder)
        ("docs/01-tutorial/02-radio.mdx", {"id": "calls"}, "/docs/tutorial/calls"),
        ("docs/a/b.md", {"slug": "/moved"}, "/docs/moved"),
        ("docs/a/b.md", {"slug": "renamed"}, "/docs/a/renamed"),
        ("docs/a/b.md", {"slug": "../up"}, "/docs/up"),
        # a folder's page: index, README, or named as its folder
        ("docs/guides/index.md", {}, "/docs/guides"),
        ("docs/guides/README.md", {}, "/docs/guides"),
        ("docs/guides/guides.md", {}, "/docs/guides"),
        # partials and drafts render no page
        ("docs/_shared.md", {}, None),
        ("docs/_parts/a.md", {}, None),
        ("docs/a.md", {"draft": True}, None),
        # blog posts: the date in the file or folder name, the folder's index, a slug
        ("blog/2024-05-01-season-opens.md", {}, "/blog/2024/05/01/season-opens"),
        ("blog/2024-06-02-new-pontoon/index.md", {}, "/blog/2024/06/02/new-pontoon"),
        ("blog/2024/06/02/dated-folders.md", {}, "/blog/2024/06/02/dated-folders"),
        ("blog/undated.mdx", {}, "/blog/undated"),
        ("blog/2024-05-01-a.md", {"slug": "hello"}, "/blog/hello"),
        ("src/pages/contact.md", {}, "/contact/"),
        ("README.md", {}, None),
    ],
)
def test_docusaurus_urls(tmp_path, rel, fm, expected):
    build(tmp_path, DOCUSAURUS)
    assert _url(tmp_path, rel, fm) == (expected, ())


@pytest.mark.parametrize(
    ("config", "rel", "expected"),
    [
        # docs at the site's root, in another folder
        ("docs: { path: 'guides', routeBasePath: '/' }", "guides/a/b.md", "/a/b"),
        ("blog: { routeBasePath: 'news' }", "blog/2024-01-02-a.md", "/news/2024/01/02/a"),
        ("docs: false", "docs/a.md", None),
    ],
)
def test_docusaurus_routes_from_the_config(tmp_path, config, rel, expected):
    build(tmp_path, {"docusaurus.config.js": f"module.exports = {{ {config} }};", "docs/x.md": ""})
    assert _url(tmp_path, rel, {}) == (expected, ())


def test_docusaurus_versions(tmp_path):
    build(
        tmp_path,
        {
            "docusaurus.config.js": "",
            "docs/a.md": "",
            "versions.json": '["2.0", "1.0"]',
            "versioned_docs/version-2.0/a.md": "",
            "versioned_docs/version-1.0/a.md": "",
        },
    )
    assert [
        _url(tmp_path, rel, {})[0]
        for rel in (
            "docs/a.md",
            "versioned_docs/version-2.0/a.md",
            "versioned_docs/version-1.0/a.md",
        )
    ] == ["/docs/next/a", "/docs/a", "/docs/1.0/a"]


# --- links and anchors ----------------------------------------------------------------------


STARLIGHT_PAGES = {
    "astro.config.mjs": "starlight({ defaultLocale: 'root', locales: { root: {}, fr: {} } })",
    "src/content/docs/guides/tides.md": post("Tides", "## Spring tides\n"),
    "src/content/docs/reference/fees.md": post("Fees", "## Visitor rates\n", slug="prices"),
    "public/img/chart.png": "png",
}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # URLs with a final slash or without, relative to the page's URL, slugs, public files
        ("[a](/guides/tides/) [b](../tides/#spring-tides) [c](/prices/) [d](/img/chart.png)\n", []),
        ("[a](/guides/tides#spring-tides) [b](tides.md) [c](#_top) [d](/fr/guides/tides/)\n", []),
        # a missing page, a missing anchor, a page moved by its slug
        (
            "[a](/guides/tide/) [b](/guides/tides/#neap-tides) [c](/reference/fees/)\n",
            [("ST005", 4, 1), ("ST006", 4, 20), ("ST005", 4, 51)],
        ),
        # Starlight serves the default language's page where a translation is missing
        ("[a](/fr/guides/tides/#spring-tides) [b](/de/guides/tides/)\n", [("ST005", 4, 37)]),
    ],
)
def test_links_and_anchors_in_a_starlight_site(tmp_path, body, expected):
    files = {**STARLIGHT_PAGES, "src/content/docs/guides/start.md": post("Start", body)}
    found = site_check(tmp_path, files, "ST", paths=["src/content/docs/guides/start.md"])
    assert [(code, line, column) for _, code, line, column in found] == expected


DOCUSAURUS_PAGES = {
    "docusaurus.config.js": "module.exports = { presets: [['classic', { docs: {} }]] };",
    "docs/01-basics/01-tides.md": post("Tides", "## Spring tides\n\n## Neap tides {#neap}\n"),
    "docs/01-basics/02-fees.mdx": post("Fees", "## Visitor rates {#rates}\n", id="prices"),
    "blog/2024-05-01-season.md": post("Season", "## Opening\n"),
    "static/img/chart.png": "png",
}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # routes without number prefixes, ids, file paths, static files, both slash forms
        ("[a](/docs/basics/tides) [b](/docs/basics/prices#rates) [c](/img/chart.png)\n", []),
        (
            "[a](./01-tides.md#neap) [b](02-fees.mdx#rates) [c](tides#spring-tides) [d](tides/)\n",
            [],
        ),
        ("[a](/blog/2024/05/01/season#opening) [b](../../blog/2024-05-01-season.md)\n", []),
        # the old paths with prefixes, an id's file name, explicit ids replace the heading's
        (
            "[a](/docs/01-basics/01-tides) [b](/docs/basics/fees) [c](./01-tides.md#neap-tides)\n",
            [("ST005", 4, 1), ("ST005", 4, 31), ("ST006", 4, 54)],
        ),
        # `{#id}` in an MDX heading is an id, not an expression that hides the headings
        ("[a](02-fees.mdx#visitor-rates)\n", [("ST006", 4, 1)]),
    ],
)
def test_links_and_anchors_in_a_docusaurus_site(tmp_path, body, expected):
    files = {**DOCUSAURUS_PAGES, "docs/01-basics/03-start.md": post("Start", body)}
    found = site_check(tmp_path, files, "ST", paths=["docs/01-basics/03-start.md"])
    assert [(code, line, column) for _, code, line, column in found] == expected


def test_two_docs_with_one_id_share_a_url(tmp_path):
    files = {
        **DOCUSAURUS,
        "docs/a/one.md": post("One", id="same"),
        "docs/a/two.md": post("Two", id="same"),
    }
    found = site_check(tmp_path, files, "ST002")
    assert found == [("docs/a/one.md", "ST002", 1, 1), ("docs/a/two.md", "ST002", 1, 1)]


# --- presets --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("---\ntitle: A\ntableOfContents: false\ntemplate: splash\n---\n", []),
        ("---\ntitle: A\ntableOfContents: {minHeadingLevel: 2, maxHeadingLevel: 4}\n---\n", []),
        # Starlight needs a title, whatever the headings
        ("---\ndescription: A\n---\n# A\n", [("FM101", 1, 1)]),
        ("---\ntitle: A\ntableOfContents: 'no'\n---\n", [("FM102", 3, 18)]),
        ("---\ntitle: A\ntableOfContents: {maxHeadingLevel: 7}\n---\n", [("FM107", 3, 36)]),
        ("---\ntitle: A\ntableOfContents: {depth: 2}\n---\n", [("FM106", 3, 19)]),
        ("---\ntitle: A\ntemplate: wide\n---\n", [("FM104", 3, 11)]),
        ("---\ntitle: A\nslug: /guides/a\n---\n", [("FM107", 3, 7)]),
        ("---\ntitle: A\nsidebar: {order: 2, hidden: yes, badge: New}\n---\n", []),
        ("---\ntitle: A\nsidebar: {position: 2}\n---\n", [("FM106", 3, 11)]),
        (
            "---\ntitle: A\nhero:\n  actions:\n    - {text: Go, link: /a/, variant: loud}\n---\n",
            [("FM104", 5, 38)],
        ),
    ],
)
def test_starlight_preset(source, expected):
    path = EXAMPLES / "starlight" / "src" / "content" / "docs" / "guides" / "new.md"
    assert codes_and_positions(check_text(source, str(path), Settings())) == expected


@pytest.mark.parametrize(
    ("relative", "source", "expected"),
    [
        # Docusaurus titles a doc or a post after its first level-1 heading
        ("docs/a.md", "---\nsidebar_position: 2\n---\n# Tides\n", []),
        ("docs/a.md", "---\nsidebar_position: 2\n---\n## Tides\n", [("FM101", 1, 1)]),
        ("blog/2024-01-02-a.md", "---\nauthors: [ana]\n---\n# Tides\n", []),
        ("blog/2024-01-02-a.md", "---\nauthors: [ana]\n---\nText.\n", [("FM101", 1, 1)]),
        ("docs/a.md", "---\ntitle: A\nsidebar_position: first\n---\n", [("FM102", 3, 19)]),
        ("docs/a.md", "---\ntitle: A\nid: guides/a\n---\n", [("FM107", 3, 5)]),
        ("docs/a.md", "---\ntitle: A\ntoc_max_heading_level: 1\n---\n", [("FM107", 3, 24)]),
        ("docs/a.md", "---\ntitle: A\npagination_next: null\ncustom_edit_url: null\n---\n", []),
        ("docs/a.md", "---\ntitle: A\ntags: [a, {label: B, permalink: /b}]\n---\n", []),
        (
            "blog/2024-01-02-a.md",
            "---\ntitle: A\nauthors: {name: Ana}\ndate: 2024-01-02T10:00\n---\n",
            [],
        ),
        ("blog/2024-01-02-a.md", "---\ntitle: A\ndate: 02/01/2024\n---\n", [("FM103", 3, 7)]),
        ("blog/2024-01-02-a.md", "---\ntitle: A\nauthors: true\n---\n", [("FM102", 3, 10)]),
        # partials are never pages
        ("docs/_parts/a.md", "---\nsidebar_position: 2\n---\n", []),
    ],
)
def test_docusaurus_presets(relative, source, expected):
    path = EXAMPLES / "docusaurus" / relative
    assert codes_and_positions(check_text(source, str(path), Settings())) == expected


# --- the examples ---------------------------------------------------------------------------


@pytest.mark.parametrize("example", ["starlight", "docusaurus"])
def test_the_examples_are_clean(tmp_path, example):
    """Every page, link and anchor of the example sites (admonitions, JSX, `{#id}`, a hero)."""
    root = tmp_path / example
    shutil.copytree(EXAMPLES / example, root)
    report = check_paths([str(root)], Settings(root=root), jobs=1).report
    assert [(d.path, d.code) for d in report.diagnostics] == []
    assert report.files_checked == {"starlight": 5, "docusaurus": 7}[example]


@pytest.mark.parametrize(
    ("example", "relative", "old", "new", "expected"),
    [
        (
            "starlight",
            "src/content/docs/guides/getting-started.md",
            "(/guides/berths/)",
            "(/guides/berth/)",
            [("ST005", 14, 35)],
        ),
        (
            "docusaurus",
            "docs/01-tutorial/01-first-shift.md",
            "(02-radio.mdx#on-air)",
            "(02-radio.mdx#off-air)",
            [("ST006", 17, 46)],
        ),
    ],
)
def test_a_broken_link_in_the_examples(tmp_path, example, relative, old, new, expected):
    root = tmp_path / example
    shutil.copytree(EXAMPLES / example, root)
    page = root / relative
    page.write_text(page.read_text().replace(old, new))
    report = check_paths([str(root)], Settings(root=root), jobs=1).report
    assert [(d.code, d.line, d.column) for d in report.diagnostics] == expected


ADMONITIONS = """---
title: Admonitions
---

:::note

Some **content** with `code` and a [link](https://example.com).

:::

:::tip[Custom title]
A tip.
:::

:::danger Take care
Danger text.
:::

::::info Nested

:::tip
Inner.
:::

::::

## Next section
"""


@pytest.mark.parametrize("name", ["docs/admonitions.md", "docs/admonitions.mdx"])
def test_admonitions_are_no_problem_to_any_rule(tmp_path, name):
    assert site_check(tmp_path, {**DOCUSAURUS, name: ADMONITIONS}, "ALL", paths=[name]) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # pages Docusaurus writes without a source file, under the blog and docs routes
        ("[a](/blog/tags/news) [b](/blog/archive) [c](/blog/page/2) [d](/docs/tags/x)\n", []),
        ("[a](/blog/tagz/news)\n", [("ST005", 4, 1)]),
        # a page that shows an MDX partial has headings mdvet cannot see
        ("[a](01-partial-user.mdx#from-the-partial) [b](02-plain.mdx#nope)\n", [("ST006", 4, 43)]),
    ],
)
def test_generated_pages_and_partials_in_a_docusaurus_site(tmp_path, body, expected):
    files = {
        **DOCUSAURUS,
        "docs/_partial.mdx": "## From the partial\n",
        "docs/01-partial-user.mdx": post(
            "User", "import Part from './_partial.mdx';\n\n<Part />\n"
        ),
        "docs/02-plain.mdx": post("Plain", "import Tabs from '@theme/Tabs';\n\n## Plain\n"),
        "docs/start.md": post("Start", body),
    }
    found = site_check(tmp_path, files, "ST", paths=["docs/start.md"])
    assert [(code, line, column) for _, code, line, column in found] == expected


# --- config text that is not what mdvet expects ---------------------------------------------

_JS_TEXT = st.text(alphabet="{}[]()'\"`\\/*:=,; \n\tabdelocsURLtrihgS0$", max_size=80)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    prefix=st.sampled_from(["", "locales: {", "locales = {", "docs: {", "blog: {path: '"]),
    text=_JS_TEXT,
)
def test_any_config_text_reads_without_error(tmp_path, prefix, text):
    for name, generator in (("astro.config.mjs", "astro"), ("docusaurus.config.js", "docusaurus")):
        root = tmp_path / generator
        (root / "src" / "content" / "docs").mkdir(parents=True, exist_ok=True)
        (root / "docs").mkdir(exist_ok=True)
        (root / name).write_text(prefix + text, encoding="utf-8")
        layout = load_layout(root, generator)
        assert layout.generator == generator
        assert isinstance(layout.config, dict)
        page_urls(layout, "docs/a/b.md", {"fm": {}, "has_fm": True})
        page_urls(layout, "src/content/docs/a/index.md", {"fm": {"slug": ""}, "has_fm": True})


@pytest.mark.parametrize(
    ("ignores", "expected"),
    [
        # pages a build step writes into an ignored folder (notebooks made into MDX)
        ({".gitignore": "docs/tutorials/*\n"}, []),
        ({"docs/.gitignore": "tutorials/\n"}, []),
        ({"docs/.gitignore": "*.mdx\n"}, []),
        # what the repository keeps is judged
        ({".gitignore": "build/\n"}, [("ST005", 4, 1)]),
        ({}, [("ST005", 4, 1)]),
        ({".gitignore": "docs/tutorials/*\n!docs/tutorials/start/\n"}, [("ST005", 4, 1)]),
    ],
)
def test_links_into_ignored_paths_are_not_judged(tmp_path, ignores, expected):
    files = {
        **DOCUSAURUS,
        **ignores,
        "docs/intro.md": post("Intro", "[a](./tutorials/start/index.mdx)\n"),
    }
    (tmp_path / ".git").mkdir()
    found = site_check(tmp_path, files, "ST005")
    assert [(code, line, column) for _, code, line, column in found] == expected


# --- the config in website/, the docs beside it -----------------------------------------------

WEBSITE = {
    "website/docusaurus.config.js": (
        "module.exports = { presets: [['classic', { docs: { path: '../docs' } }]] };\n"
    ),
    "website/versions.json": '["1.0"]\n',
    "website/static/img/chart.png": "png",
    "website/blog/2024-05-01-season.md": post("Season"),
    "website/src/pages/help.md": post("Help"),
    "website/versioned_docs/version-1.0/old.md": post("Old"),
    "docs/guide/tides.md": post("Tides", "## Neap tides\n"),
}


@pytest.mark.parametrize(
    ("rel", "expected"),
    [
        ("docs/guide/tides.md", "/docs/next/guide/tides"),
        ("website/versioned_docs/version-1.0/old.md", "/docs/old"),
        ("website/blog/2024-05-01-season.md", "/blog/2024/05/01/season"),
        ("website/src/pages/help.md", "/help/"),
        ("website/README.md", None),
    ],
)
def test_a_config_in_website_with_the_docs_beside_it(tmp_path, rel, expected):
    build(tmp_path, WEBSITE)
    for folder in ("docs/guide", "website/blog", "website", ""):
        site = detect(tmp_path / folder)
        assert (site.generator, site.root) == ("docusaurus", tmp_path)
    assert _url(tmp_path, rel, {}) == (expected, ())


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # the docs path leads nowhere, or the docs are inside website/: website/ is the site
        ({"website/docusaurus.config.js": "module.exports = { docs: { path: '../gone' } };"}, None),
        (
            {"website/docusaurus.config.js": "module.exports = {};", "website/docs/a.md": ""},
            "website",
        ),
        # another folder's name
        ({"site/docusaurus.config.js": "module.exports = { docs: { path: '../docs' } };"}, None),
    ],
)
def test_a_config_in_website_detection(tmp_path, files, expected):
    build(tmp_path, {**files, "docs/a.md": post("A")})
    site = detect(tmp_path / "website" if (tmp_path / "website").is_dir() else tmp_path)
    if expected is None:
        assert site is None or site.root != tmp_path
    else:
        assert site.root == tmp_path / expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("[a](./tides.md#neap-tides) [b](/docs/next/guide/tides) [c](/img/chart.png)\n", []),
        ("[a](../../website/blog/2024-05-01-season.md) [b](/docs/old) [c](/help)\n", []),
        (
            "[a](./tidal.md) [b](/img/chart.gif) [c](./tides.md#spring)\n",
            [("ST005", 4, 1), ("ST005", 4, 17), ("ST006", 4, 37)],
        ),
    ],
)
def test_links_in_a_site_with_the_config_in_website(tmp_path, body, expected):
    files = {**WEBSITE, "docs/guide/start.md": post("Start", body)}
    found = site_check(tmp_path, files, "ST", paths=["docs/guide/start.md"])
    assert [(code, line, column) for _, code, line, column in found] == expected


def test_presets_in_a_site_with_the_config_in_website(tmp_path):
    build(tmp_path, WEBSITE)
    site = detect(tmp_path / "docs/guide")
    assert preset_for(site, tmp_path / "docs/guide/tides.md") == "docusaurus-doc"
    assert preset_for(site, tmp_path / "website/blog/2024-05-01-season.md") == "docusaurus-blog"
    assert preset_for(site, tmp_path / "website/versioned_docs/version-1.0/old.md") == (
        "docusaurus-doc"
    )
