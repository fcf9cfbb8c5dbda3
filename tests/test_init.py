import pytest

from lint.cli import main
from lint.config import resolve_settings


@pytest.fixture
def jekyll(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "_config.yml").write_text("title: Blog\n")
    (tmp_path / "_posts").mkdir()
    for i in range(4):
        category = "news" if i < 3 else "News"
        (tmp_path / "_posts" / f"2025-01-0{i + 1}-post.md").write_text(
            f"---\ntitle: Post {i}\ndate: 2025-01-0{i + 1}\ncategory: {category}\n---\n\n"
            "[a](http://example.com/) and [a](https://example.com/)\n"
        )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_init_writes_a_working_configuration(jekyll, capsys):
    assert main(["init", "--threshold", "1"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "wrote mdvet.toml and mdvet-schema.yaml for 4 files (jekyll)"
    assert "  review LK002 equivalent-link-forms: 4 problems" in out.splitlines()
    config = (jekyll / "mdvet.toml").read_text()
    assert "# Site: jekyll, 4 Markdown files." in config
    assert '  # "LK002",  # equivalent-link-forms: 4 problems' in config
    assert 'paths = ["_posts/**", "_drafts/**", "*.md"]' in config
    settings = resolve_settings({}, cwd=jekyll).settings
    assert [entry.schema_ for entry in settings.schemas] == ["mdvet-schema.yaml"]
    schema = (jekyll / "mdvet-schema.yaml").read_text()
    assert "title: {type: string, required: true}" in schema
    # the site passes its own inferred schema: no FM1xx
    code = main(["check", "-q", "--select", "FM1"])
    assert (code, capsys.readouterr().out) == (0, "")


def test_init_refuses_to_overwrite(jekyll, capsys):
    (jekyll / "mdvet.toml").write_text("")
    assert main(["init"]) == 2
    assert "mdvet.toml already exists" in capsys.readouterr().err


# `search` is a mapping in nine files and a boolean in one: no type has all the values
MIXED = {
    **{f"p{i}.md": f"---\ntitle: P{i}\nsearch: {{boost: {i}}}\ncategories: [Politics]\n---\n" for i in range(8)},
    "b.md": "---\ntitle: B\nsearch: {boost: 2}\ncategories: [Politics, Economy]\n---\n",
    "c.md": "---\ntitle: C\nsearch: false\ncategories: [Politics]\ntags: [x, x]\n---\n",
}  # fmt: skip


def test_init_writes_every_type_a_field_holds(tmp_path, monkeypatch, capsys):
    (tmp_path / ".git").mkdir()
    for name, text in MIXED.items():
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    schema = (tmp_path / "mdvet-schema.yaml").read_text().splitlines()
    assert '    type: ["mapping", "boolean"]' in schema
    assert "      - Politics  # 10" in schema
    assert "      - Economy  # 1" in schema
    assert "  tags: {type: list, items: {type: string}}  # in 1 of 10: list 1" in schema
    capsys.readouterr()
    # the files it was written from pass it
    assert main(["check", "--select", "FM1", "--no-cache", "-q"]) == 0
    assert capsys.readouterr().out == ""
    # a new post with a misspelt category is told the closest known one
    (tmp_path / "d.md").write_text("---\ntitle: D\nsearch: true\ncategories: [Polotics]\n---\n")
    main(["check", "d.md", "--select", "FM1", "--no-cache"])
    assert capsys.readouterr().out.splitlines()[0] == (
        "d.md:4:14: FM104 categories item 'Polotics' is not an allowed value ('Politics', "
        "'Economy'); did you mean 'Politics'? [unknown-value]"
    )


@pytest.mark.parametrize(
    ("example", "first", "paths"),
    [
        ("starlight", "for 5 files (astro)", 'paths = ["src/content/**", "src/pages/**"]'),
        (
            "docusaurus",
            "for 7 files (docusaurus)",
            'paths = ["docs/**", "blog/**", "src/pages/**"]',
        ),
    ],
)
def test_init_in_an_astro_or_docusaurus_site(tmp_path, monkeypatch, capsys, example, first, paths):
    import shutil

    from tests.helpers import ROOT

    shutil.copytree(ROOT / "examples" / example, tmp_path / example)
    monkeypatch.chdir(tmp_path / example)
    assert main(["init"]) == 0
    assert (
        capsys.readouterr().out.splitlines()[0] == f"wrote mdvet.toml and mdvet-schema.yaml {first}"
    )
    assert paths in (tmp_path / example / "mdvet.toml").read_text()
