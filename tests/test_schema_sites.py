"""Which schema applies (config, generator detection), schema-file mistakes, `mdvet schema`."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from lint.cli import main
from lint.engine import check_text
from lint.rules import builtin, documentation
from lint.runner import check_paths
from lint.schema import sources
from lint.schema.spec import load_spec
from lint.settings import SchemaEntry, Settings, SettingsError
from tests.helpers import codes_and_positions, run_cli
from tests.test_docs import example

UNTITLED = "---\ndate: 2023-10-15 13:18\ntags: [a, A]\n---\n"
ISO = "---\ndate: '2023-10-15T13:18:00+02:00'\n---\n"


@pytest.fixture
def jekyll(tmp_path):
    (tmp_path / "_config.yml").write_text("title: Site\n")
    for folder in ("_posts", "docs", "blog/_posts", "_drafts"):
        (tmp_path / folder).mkdir(parents=True)
    return tmp_path


@pytest.fixture
def hugo(tmp_path):
    (tmp_path / "hugo.toml").write_text("title = 'Site'\n")
    (tmp_path / "content" / "posts").mkdir(parents=True)
    (tmp_path / "archetypes").mkdir()
    return tmp_path


@pytest.mark.parametrize(
    ("site", "relative", "expected"),
    [
        # jekyll-post and jekyll-page read dates the Jekyll way: no T, no colon in the offset;
        # every page needs a title (FM101)
        ("jekyll", "_posts/2025-01-01-a.md", [("FM101", 1, 1), ("FM105", 3, 11)]),
        ("jekyll", "blog/_posts/2025-01-01-a.md", [("FM101", 1, 1), ("FM105", 3, 11)]),
        ("jekyll", "_drafts/a.md", [("FM101", 1, 1), ("FM105", 3, 11)]),
        ("jekyll", "docs/page.md", [("FM101", 1, 1), ("FM105", 3, 11)]),
        ("jekyll-iso", "_posts/2025-01-01-a.md", [("FM101", 1, 1), ("FM103", 2, 7)]),
        ("jekyll-iso", "docs/page.md", [("FM101", 1, 1), ("FM103", 2, 7)]),
        ("plain-iso", "notes/a.md", [("FM101", 1, 1)]),
        # hugo-page: '2023-10-15 13:18' is not among Hugo's documented formats
        ("hugo", "content/posts/a.md", [("FM101", 1, 1), ("FM103", 2, 7), ("FM105", 3, 11)]),
        ("hugo", "content/posts/_index.md", [("FM101", 1, 1), ("FM103", 2, 7), ("FM105", 3, 11)]),
        # no generator: the default preset
        ("plain", "notes/a.md", [("FM101", 1, 1), ("FM105", 3, 11)]),
        # files no generator publishes as pages need no title
        ("hugo", "archetypes/default.md", [("FM105", 3, 11)]),
        ("hugo", "content/snippets/a.md", [("FM103", 2, 7), ("FM105", 3, 11)]),
        ("jekyll", "_includes/a.md", [("FM105", 3, 11)]),
        ("jekyll", "_layouts/a.md", [("FM105", 3, 11)]),
        ("plain", ".github/ISSUE_TEMPLATE/bug.md", [("FM105", 3, 11)]),
        ("plain", ".changeset/a.md", [("FM105", 3, 11)]),
        ("plain", "test/source/_posts/2025-01-01-a.md", [("FM105", 3, 11)]),
        ("plain", "fixtures/a.md", [("FM105", 3, 11)]),
    ],
)
def test_generator_detection_from_any_folder(
    request, tmp_path, monkeypatch, site, relative, expected
):
    generator, _, variant = site.partition("-")
    root = tmp_path if generator == "plain" else request.getfixturevalue(generator)
    monkeypatch.chdir(root)
    # a headless bundle of snippets: its _index.md cascades build.render never
    (root / "content" / "snippets").mkdir(parents=True, exist_ok=True)
    (root / "content" / "snippets" / "_index.md").write_text(
        "---\ncascade:\n  build: {render: never}\n---\n"
    )
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    source = ISO if variant else UNTITLED
    # the site is found from the file, whatever the current folder and Settings.root
    assert codes_and_positions(check_text(source, str(path), Settings())) == expected


def test_hugo_date_message_and_fix(hugo):
    [_, date, _] = check_text(UNTITLED, str(hugo / "content" / "a.md"), Settings())
    assert date.message == (
        "date '2023-10-15 13:18' does not match YYYY-MM-DDTHH:MM:SS[.SSS][(Z|±HH:MM|±HHMM)] "
        "or YYYY-MM-DD or DD MMM YYYY; did you mean 2023-10-15T13:18:00?"
    )


def test_no_front_matter_no_schema(jekyll):
    assert check_text("# Hello\n", str(jekyll / "_posts" / "a.md"), Settings()) == []


def test_first_matching_entry_wins_and_none_turns_checks_off(jekyll):
    (jekyll / "loose.yaml").write_text("fields:\n  title: {type: string}\n")
    settings = Settings(
        schemas=(
            SchemaEntry(paths=("_posts/2025-*.md",), schema="loose.yaml"),
            SchemaEntry(paths=("_posts/**",), schema="none"),
        ),
        root=jekyll,
    )
    post = str(jekyll / "_posts" / "2025-01-01-a.md")
    assert check_text("---\ntitle: 1\ndate: x\n---\n", post, settings) == []
    other = str(jekyll / "_posts" / "2024-01-01-a.md")
    assert check_text(UNTITLED, other, settings) == []
    page = str(jekyll / "docs" / "a.md")  # no entry matches: detection as usual
    assert [d.code for d in check_text(UNTITLED, page, settings)] == ["FM101", "FM105"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("fields:\n  title: {type: strin}\n", "s.yaml:2: fields.title.type: 'strin' is not one of"),
        ("fields:\n  title:\n    type: string\n    requird: true\n", "s.yaml:4: fields.title.requird: unknown option 'requird'"),
        ("fields:\n  tags: {type: string, unique: true}\n", "s.yaml:2: fields.tags: 'unique' applies to list fields, not string"),
        ("fields:\n  date: {type: date, formats: ['YYYY-MM-DD[']}\n", "s.yaml:2: fields.date: date format 'YYYY-MM-DD[': '[' is never closed"),
        ("fields:\n  a: {type: string, pattern: '(('}\n", "s.yaml:2: fields.a: pattern '((' is not a regular expression"),
        ("fields:\n  a: {type: list, min_items: 3, max_items: 1}\n", "s.yaml:2: fields.a: 'min_items' is larger than 'max_items'"),
        ("unknown_fields: maybe\n", "s.yaml:1: unknown_fields: 'maybe' is not one of"),
        ("fields:\n  a: {type: [string, string]}\n", "s.yaml:2: fields.a: type [string, string]: give two or more different types"),
        ("fields:\n  a: {type: [string, strin]}\n", "s.yaml:2: fields.a.type.1: 'strin' is not one of"),
        ("fields:\n  a: {type: [string, boolean], items: string}\n", "s.yaml:2: fields.a: 'items' applies to list fields, not string or boolean"),
        ("fields: [title]\n", "s.yaml:1: fields: Input should be a valid dictionary"),
        ("fields:\n  title: {type: string\n", "s.yaml:3: invalid YAML"),
        ("- a\n", "s.yaml:1: a schema file is a mapping"),
        ("fields:\n  c: {type: string, allowed_from: missing.yml}\n", "s.yaml: fields.c.allowed_from: cannot read"),
    ],
)  # fmt: skip
def test_schema_file_mistakes_are_config_errors_naming_the_line(tmp_path, text, message):
    (tmp_path / "s.yaml").write_text(text)
    settings = Settings(schemas=(SchemaEntry(paths=("**",), schema="s.yaml"),), root=tmp_path)
    with pytest.raises(SettingsError) as caught:
        settings.schema_resolver.preload()
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("s.json", '{"type": "object",\n "properties": {"a": {"type": "strin"}}}', "s.json:2: properties/a/type:"),
        ("s.json", '{"type": "object",,}', "s.json:1: invalid JSON"),
        ("models.py", "raise RuntimeError('boom')\n", "schema 'models:Post': cannot import models: RuntimeError: boom"),
        ("other.py", "Post = 1\n", "schema 'other:Post': Post is not a pydantic model in other"),
    ],
)  # fmt: skip
def test_json_schema_and_model_mistakes(tmp_path, name, text, message):
    (tmp_path / name).write_text(text)
    ref = name if name.endswith(".json") else f"{name[:-3]}:Post"
    with pytest.raises(SettingsError, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        sources.load(ref, tmp_path)


def test_unknown_schema_name_lists_the_presets(tmp_path):
    with pytest.raises(
        SettingsError,
        match=r"not a preset \(default, docusaurus-blog, docusaurus-doc, hugo-page, jekyll-page, "
        r"jekyll-post, mkdocs-blog-post, mkdocs-page, starlight\)",
    ):
        sources.load("jekyll", tmp_path)


def test_a_schema_mistake_met_while_checking_exits_2(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.md").write_text("---\ntitle: x\n---\n")
    monkeypatch.chdir(tmp_path)

    def broken(name):
        raise sources.SchemaFileError("preset default: fields.title: broken")

    monkeypatch.setattr("lint.schema.resolve.preset", broken)
    assert main(["check", "a.md"]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", "Error: preset default: fields.title: broken\n")


# Rules whose examples need a schema: the one their page shows.
EXAMPLE_SCHEMAS = {
    "FM104": "fields:\n  categories: {type: list, items: {type: string}, allowed: [economy, markets, politics]}\n",
    "FM106": "unknown_fields: warn\nfields:\n  title: {type: string}\n",
}


@pytest.mark.parametrize("code", sorted(EXAMPLE_SCHEMAS))
def test_examples_that_need_a_schema(tmp_path, code):
    rule = builtin().get(code)
    assert not rule.runnable_examples
    assert EXAMPLE_SCHEMAS[code].splitlines()[-1].strip() in documentation(rule)
    (tmp_path / "s.yaml").write_text(EXAMPLE_SCHEMAS[code])
    settings = Settings(
        select=(code,), schemas=(SchemaEntry(paths=("**",), schema="s.yaml"),), root=tmp_path
    )
    assert [d.code for d in check_text(example(rule, "Example"), "example.md", settings)] == [code]
    assert check_text(example(rule, "Use instead"), "example.md", settings) == []


# mdvet schema ------------------------------------------------------------------------------


def test_schema_list(capsys):
    code, out, _ = run_cli(capsys, "schema", "list")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == [
        "default",
        "docusaurus-blog",
        "docusaurus-doc",
        "hugo-page",
        "jekyll-page",
        "jekyll-post",
        "mkdocs-blog-post",
        "mkdocs-page",
        "starlight",
    ]


def test_schema_show_prints_the_preset(capsys):
    code, out, _ = run_cli(capsys, "schema", "show", "jekyll-post")
    assert code == 0
    assert load_spec(out, "shown").name == "jekyll-post"
    assert "jekyllrb.com/docs/front-matter/" in out


def test_schema_show_bad_file_exits_2(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "s.yaml").write_text("fields:\n  a: {type: nope}\n")
    code, out, err = run_cli(capsys, "schema", "show", "s.yaml")
    assert (code, out) == (2, "")
    assert err.startswith("Error: s.yaml:2: fields.a.type:")


@pytest.mark.parametrize(
    "name",
    [
        "default",
        "jekyll-post",
        "jekyll-page",
        "hugo-page",
        "starlight",
        "docusaurus-doc",
        "docusaurus-blog",
    ],
)
def test_exported_json_schema_is_valid_and_checks_alike(tmp_path, monkeypatch, capsys, name):
    jsonschema = pytest.importorskip("jsonschema")
    code, out, _ = run_cli(capsys, "schema", "export", name)
    assert code == 0
    document = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(document)
    (tmp_path / "exported.json").write_text(out)
    source = "---\ntitle: yes\ndate: 2025-05-02 3:58 PM\nlastmod: 2024-02-30\ntags: [a, a]\n---\n"
    exported = Settings(
        schemas=(SchemaEntry(paths=("**",), schema="exported.json"),), root=tmp_path
    )
    original = Settings(schemas=(SchemaEntry(paths=("**",), schema=name),), root=tmp_path)
    assert codes_and_positions(check_text(source, "p.md", exported)) == codes_and_positions(
        check_text(source, "p.md", original)
    )


@pytest.mark.parametrize(
    ("name", "value", "valid"),
    [
        ("default", "2025-05-02 3:58 PM", False),
        ("default", "2024-02-30", False),
        ("default", "2023-02-29", False),
        ("default", "2024-13-01", False),
        ("default", "2024-01-01 25:00", False),
        ("default", "2025-05-02T15:58:07+25:00", False),
        ("default", "2024-02-29", True),
        ("default", "2025-05-02 15:58", True),
        ("default", "2025-05-02 15:58:07 +0900", True),
        ("default", "2025-05-02T15:58:07.123Z", True),
        ("jekyll-post", "2025-05-02 3:58 PM", False),
        ("jekyll-post", "2025-05-02T15:58:07Z", False),
        ("jekyll-post", "2025-05-02 15:58:07 -0500", True),
        ("hugo-page", "30 Feb 2024", False),
        ("hugo-page", "29 Feb 2024", True),
        ("hugo-page", "2025-05-02T15:58:07+09:00", True),
    ],
)
def test_exported_json_schema_checks_dates_in_any_validator(capsys, name, value, valid):
    jsonschema = pytest.importorskip("jsonschema")
    code, out, _ = run_cli(capsys, "schema", "export", name)
    assert code == 0
    validator = jsonschema.Draft202012Validator(json.loads(out))
    errors = [error.validator for error in validator.iter_errors({"title": "A", "date": value})]
    assert errors == ([] if valid else ["pattern"])


def test_export_of_a_pydantic_model(capsys, monkeypatch):
    from tests.test_schemas import FIXTURES

    monkeypatch.chdir(FIXTURES)
    code, out, _ = run_cli(capsys, "schema", "export", "site_models:Post")
    assert code == 0
    assert json.loads(out)["required"] == ["title"]


SITE = {
    "_posts/2025-01-01-a.md": "---\ntitle: A\ndate: 2025-01-01 10:00:00 +0100\ncategories: [news]\ntags: [x, y]\nauthor: {name: Ann}\n---\n",
    "_posts/2025-01-02-b.md": "---\ntitle: B\ndate: 2025-01-02 11:00:00 +0100\ncategories: [news, town]\nauthor: {name: Bob, url: /bob/}\n---\n",
    "_posts/2025-01-03-c.md": "---\ntitle: C\ndate: 2025-01-03 12:00:00 +0100\ncategories: town\nweight: 3\n---\n",
    "about.md": "---\ntitle: About\nlayout: page\n---\n",
    "notes.md": "no front matter\n",
}  # fmt: skip

INFERRED = """\
name: site
description: "Front matter as found in site"
unknown_fields: warn
fields:
  title: {type: string, required: true}  # in 4 of 4: string 4
  categories:  # in 3 of 4: list 2, string 1
    type: list
    split_string: true
    items: {type: string}
    unique: true
    allowed:  # each value with the number of times it is used
      - news  # 2
      - town  # 2
  date: {type: datetime, formats: ["YYYY-MM-DD HH:MM:SS ±HHMM"]}  # in 3 of 4: string 3
  author:  # in 2 of 4: mapping 2
    type: mapping
    fields:
      name: {type: string, required: true}  # in 2 of 2: string 2
      url: {type: string}  # in 1 of 2: string 1
  layout:  # in 1 of 4: string 1
    type: string
    allowed:  # each value with the number of times it is used
      - page  # 1
  tags: {type: list, items: {type: string}, unique: true}  # in 1 of 4: list 1
  weight: {type: integer}  # in 1 of 4: integer 1
"""


def test_schema_infer_writes_a_schema_the_site_passes(tmp_path, monkeypatch, capsys):
    site = tmp_path / "site"
    for relative, text in SITE.items():
        (site / relative).parent.mkdir(parents=True, exist_ok=True)
        (site / relative).write_text(text)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli(capsys, "schema", "infer", "site")
    assert code == 0
    assert out.splitlines()[0] == (
        "# Inferred by `mdvet schema infer` from site: 4 files with front matter of 5 read."
    )
    assert out.split("\n", 2)[2] == INFERRED
    (tmp_path / "site.yaml").write_text(out)
    settings = Settings(schemas=(SchemaEntry(paths=("**",), schema="site.yaml"),), root=tmp_path)
    assert check_paths(["site"], settings).report.diagnostics == ()
    (site / "d.md").write_text(
        "---\ntitle: D\ncategories: [nwes]\ndate: 5 Jan 2025\ntitel: x\n---\n"
    )
    assert codes_and_positions(check_paths(["site/d.md"], settings).report.diagnostics) == [
        ("FM104", 3, 14),
        ("FM103", 4, 7),
        ("FM106", 5, 1),
    ]


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        # a few tags used over and over: the site's vocabulary, most used first
        (
            ["[go, rust]", "[rust]", "[go, rust]", "[rust]", "[go]", "[rust]"],
            "  tags:  # in 6 of 6: list 6\n    type: list\n    required: true\n"
            "    items: {type: string}\n"
            "    unique: true\n    allowed:  # each value with the number of times it is used\n"
            "      - rust  # 5\n      - go  # 3\n",
        ),
        # tags used once or twice each: an open set, no allowed values
        (
            ["[go, rust]", "[zig]", "[c]", "[ada]", "[go]", "[odin]"],
            "  tags: {type: list, required: true, items: {type: string}, unique: true}"
            "  # in 6 of 6: list 6\n",
        ),
    ],
)
def test_schema_infer_takes_tags_as_a_vocabulary_when_few_are_reused(tmp_path, tags, expected):
    from lint.discover import discover
    from lint.schema.infer import collect, render

    for number, value in enumerate(tags):
        (tmp_path / f"{number}.md").write_text(f"---\ntags: {value}\n---\n")
    text = render(collect(discover([str(tmp_path)])), "site", "site")
    assert text.split("fields:\n", 1)[1] == expected


# The real corpora ----------------------------------------------------------------------------

# FM101, a page without a title: jekyll-docs's rendering-process.md (empty front matter), the
# home page and the example post of `jekyll new`'s templates; powershell-docs's README and nine
# cmdlet pages of 3,000 that have one; rust-blog's releases/latest.md (a redirect page).
# Not asked for one: hugo-docs's headless _common snippets, jekyll-docs's test/ fixtures,
# .github/ and .changeset/ files.
PRESET_RUNS = {
    "jekyll-docs": (
        [(("**/_posts/**",), "jekyll-post"), (("**",), "jekyll-page")],
        {"FM101": 3, "FM103": 1, "FM107": 1},
    ),
    "hugo-docs": ([(("content/**",), "hugo-page")], {}),
    "nodejs-org": ([(("**",), "default")], {}),
    "powershell-docs": ([(("**",), "default")], {"FM101": 10}),
    "rust-blog": ([(("**",), "default")], {"FM101": 1}),
}


@pytest.mark.parametrize("corpus", sorted(PRESET_RUNS))
def test_presets_on_the_corpora(shared, corpus):
    entries, expected = PRESET_RUNS[corpus]
    settings = Settings(
        select=("FM1",),
        schemas=tuple(SchemaEntry(paths=paths, schema=ref) for paths, ref in entries),
        root=shared / "corpora" / corpus,
    )
    report = check_paths([str(shared / "corpora" / corpus)], settings).report
    assert dict(Counter(d.code for d in report.diagnostics)) == expected


@pytest.mark.parametrize(
    ("corpus", "expected"),
    [
        # a date with the year twice ('2023-01-29 18:30:22 2023 -0800')
        ("jekyll-docs", {"FM103": 1}),
        # 'Reset' twice in no-loc (5 copies of one page), `- ?` read by YAML as a mapping in
        # aliases (5 copies of one page), ms.date without leading zeros ('3/20/2025')
        ("powershell-docs", {"FM102": 5, "FM103": 3, "FM105": 5}),
    ],
)
def test_inferred_schemas_leave_only_real_inconsistencies(shared, tmp_path, corpus, expected):
    from lint.discover import discover
    from lint.schema.infer import collect, render

    folder = shared / "corpora" / corpus
    (tmp_path / "inferred.yaml").write_text(
        render(collect(discover([str(folder)])), corpus, corpus)
    )
    settings = Settings(
        select=("FM1",),
        schemas=(SchemaEntry(paths=("**",), schema="inferred.yaml"),),
        root=tmp_path,
    )
    report = check_paths([str(folder)], settings).report
    assert dict(Counter(d.code for d in report.diagnostics)) == expected


@pytest.mark.parametrize("corpus", sorted(PRESET_RUNS))
def test_exact_inferred_schemas_pass_their_own_corpus(shared, tmp_path, corpus):
    """What `mdvet init` writes: every type seen, so that the files it was read from pass."""
    from lint.discover import discover
    from lint.schema.infer import collect, render

    folder = shared / "corpora" / corpus
    (tmp_path / "inferred.yaml").write_text(
        render(collect(discover([str(folder)])), corpus, corpus, exact=True)
    )
    settings = Settings(
        select=("FM1",),
        schemas=(SchemaEntry(paths=("**",), schema="inferred.yaml"),),
        root=tmp_path,
    )
    assert check_paths([str(folder)], settings).report.diagnostics == ()
