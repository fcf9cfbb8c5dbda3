"""The Python API: the same diagnostics as the command, for a text, a path and a loaded post."""

from __future__ import annotations

import io
import json
import shutil
import sys
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lint
from lint.api import check_path, check_post, check_text, load_settings, post_text
from lint.formatters.json import diagnostic_to_dict
from lint.frontmatter import read
from lint.settings import SettingsError
from lint.source import LineIndex
from tests.helpers import ROOT, codes_and_positions, run_cli

ISOLATED = load_settings(isolated=True)
BLOG = ROOT / "examples" / "blog"


def as_json(diagnostics) -> list[dict]:
    return [diagnostic_to_dict(d) for d in diagnostics]


def command_json(capsys, *args: str) -> list[dict]:
    code, out, _err = run_cli(capsys, "check", *args, "--format", "json", "--exit-zero")
    assert code == 0
    return json.loads(out)["diagnostics"]


@pytest.fixture
def blog(tmp_path, monkeypatch):
    """A copy of the example blog as the current folder (no configuration file above it)."""
    site = tmp_path / "blog"
    shutil.copytree(BLOG, site)
    (tmp_path / ".git").mkdir()  # the configuration search stops here
    # a post for the site rules: a title and a tag as other posts have them, a link to nothing
    (site / "_posts" / "2025-06-01-market-again.md").write_text(
        "---\nlayout: post\ntitle: Market day moves to Saturdays\ndate: 2025-06-01\n"
        "tags: [Market]\n---\n\nSee [the old post](/2024/01/01/nothing/).\n"
    )
    monkeypatch.chdir(site)
    return site


@pytest.mark.parametrize(
    "target",
    [
        "index.md",
        *sorted(f"_posts/{p.name}" for p in (BLOG / "_posts").iterdir()),
        "_posts/2025-06-01-market-again.md",
        ".",
    ],
)
def test_check_path_gives_what_the_command_gives(blog, capsys, target):
    expected = command_json(capsys, target, "--no-cache")
    assert as_json(check_path(target)) == expected
    assert expected == [] or {d["path"] for d in expected} <= {
        str(p.relative_to(blog)) for p in blog.rglob("*.md")
    }


def test_site_rules_run_for_one_file(blog):
    """The comparison above covers site rules, for a folder and for one file of the site."""
    found = check_path("_posts/2025-06-01-market-again.md")
    assert [(d.code, d.line) for d in found if d.code.startswith("ST")] == [
        ("ST001", 3),
        ("ST005", 8),
    ]


def test_site_rules_run_for_a_text_named_as_a_file_of_the_site(blog):
    text = "---\ntitle: Market day moves to Saturdays\n---\n[a](/nowhere/)\n"
    assert [(d.code, d.line, d.column) for d in check_text(text, "_posts/2025-07-01-x.md")] == [
        ("ST001", 2, 8),
        ("ST005", 4, 1),
    ]
    assert check_text(text) == []  # standard input with no name belongs to no site


TEXTS = [
    ("---\ntitle: Hello\ntags: [a, b, a]\n---\n\nBody\n", "post.md"),
    ("\ufeff---\ntitle: Hello\n---\n# One\n# One\n", "drafts/new.md"),
    ("---\ntitle: [broken\n---\n", "post.md"),
    ("[x](http://example.com/ a)\n", "page.markdown"),
    # site rules: a title another post of the blog has, a link to no page
    ("---\ntitle: Market day moves to Saturdays\n---\n[a](/nowhere/)\n", "_posts/2025-07-01-x.md"),
]


@pytest.mark.parametrize(("text", "path"), TEXTS)
def test_check_text_gives_what_the_command_gives_on_standard_input(
    blog, capsys, monkeypatch, text, path
):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    expected = command_json(capsys, "-", "--stdin-filename", path)
    assert as_json(check_text(text, path)) == expected
    assert expected != []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: Hello\ntags: [a, b, a]\n---\n", [("FM105", 3, 14)]),
        ("---\ntitle: Hello\ntags: [a, b]\n---\n", []),
        ("---\ntitle: [a\n---\n", [("FM003", 3, 1)]),
    ],
)
def test_check_text(text, expected):
    found = [d for d in check_text(text, "post.md", ISOLATED) if d.code.startswith("FM")]
    assert codes_and_positions(found) == expected


POST = SimpleNamespace(
    metadata={"title": "Hello", "date": "2025-05-02 3:58 PM", "tags": ["a", "b", "a"]},
    content="# Hello\n\n[site](http://example.com/)",
)


def test_post_text_writes_the_metadata_in_order_then_the_content():
    assert post_text(POST) == (
        "---\n"
        "title: Hello\n"
        "date: 2025-05-02 3:58 PM\n"
        "tags:\n"
        "- a\n"
        "- b\n"
        "- a\n"
        "---\n"
        "\n"
        "# Hello\n"
        "\n"
        "[site](http://example.com/)\n"
    )


def test_check_post_positions_are_in_post_text():
    found = codes_and_positions(check_post(POST, "post.md", ISOLATED))
    assert found == [("FM103", 3, 7), ("FM105", 7, 3)]


def test_a_post_without_metadata():
    post = SimpleNamespace(metadata={}, content="Just text")
    assert post_text(post) == "---\n---\n\nJust text\n"
    assert check_post(post, "post.md", ISOLATED) == check_text(post_text(post), "post.md", ISOLATED)


keys = st.text(min_size=1, max_size=8)
values = st.recursive(
    st.text(max_size=12)
    | st.integers()
    | st.booleans()
    | st.none()
    | st.floats(allow_nan=False)
    | st.dates()
    | st.datetimes(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(keys, values, max_size=5), st.text(max_size=40))
def test_post_text_reads_back_as_the_post(metadata, content):
    """What check_post checks is the post: its front matter and body read back unchanged."""
    text = post_text(SimpleNamespace(metadata=metadata, content=content))
    block, problems, start = read(text, LineIndex(text))
    assert (block.data if metadata else {}, problems, text[start:]) == (
        metadata,
        [],
        f"\n{content}\n",
    )


def test_a_value_yaml_cannot_write_is_a_type_error():
    post = SimpleNamespace(metadata={"when": object()}, content="")
    with pytest.raises(TypeError, match=r"^metadata value <object object at .*> of type object"):
        post_text(post)


@pytest.mark.parametrize(
    ("post", "message"),
    [
        (SimpleNamespace(metadata=None, content=""), "post has metadata NoneType and content str"),
        (SimpleNamespace(metadata={}), "post has metadata dict and content NoneType"),
        ("text", "post has metadata NoneType and content NoneType"),
    ],
)
def test_what_is_not_a_post_is_a_type_error(post, message):
    with pytest.raises(TypeError, match=f"^{message}; expected a mapping and a string$"):
        check_post(post, "post.md", ISOLATED)


def test_a_missing_path_is_one_unreadable_file(tmp_path):
    found = check_path(tmp_path / "gone.md", ISOLATED, jobs=1)
    assert [(d.code, d.message) for d in found] == [
        ("LN001", "cannot read file: No such file or directory")
    ]


def test_check_post_reads_a_frontmatter_post():
    frontmatter = pytest.importorskip("frontmatter")
    post = frontmatter.loads("---\ntitle: Hello\ntags: [a, b, a]\n---\n\nBody\n")
    assert codes_and_positions(check_post(post, "post.md", ISOLATED)) == [("FM105", 6, 3)]


def test_the_reference_post_loaded_by_python_frontmatter(shared):
    frontmatter = pytest.importorskip("frontmatter")
    seed = shared / "seed" / "2025-05-02-japan-treasuries.md"
    from_file = check_path(seed, ISOLATED)
    from_post = check_post(frontmatter.load(seed), "post.md", ISOLATED)
    assert sorted(d.code for d in from_post) == sorted(d.code for d in from_file)
    assert len(from_post) == 59


def test_load_settings_overrides_and_errors(tmp_path):
    settings = load_settings(isolated=True, select=("FM105",))
    assert codes_and_positions(
        check_text("---\ntags: [a, a]\n---\n# x\n# x\n", "p.md", settings)
    ) == [("FM105", 2, 11)]
    config = tmp_path / "mdvet.toml"
    config.write_text('select = ["FM105"]\nignroe = ["LK"]\n')
    with pytest.raises(
        SettingsError, match=r"mdvet.toml:2: unknown key 'ignroe'; did you mean 'ignore'\?"
    ):
        load_settings(config=config)


def test_the_package_exports_the_api():
    assert (lint.check_text, lint.check_path, lint.check_post) == (
        check_text,
        check_path,
        check_post,
    )
    with pytest.raises(AttributeError, match="module 'lint' has no attribute 'nothing'"):
        lint.nothing  # noqa: B018
