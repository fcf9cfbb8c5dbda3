"""markdownlint configurations in sub-folders, as markdownlint-cli2 applies them, and the
options of `markdownlint-configure-file` comments."""

import pytest

from lint.markdownlint import Level, effective
from lint.settings import Settings
from tests.helpers import check, run_cli

PAGE = "# T\n\nb \n\n\tc\n\n" + " ".join(["word"] * 20) + "\n"  # ML009 3, ML010 5, ML013 7


@pytest.fixture
def site(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    for folder in ("", "sub/", "sub/deep/", "other/"):
        (tmp_path / folder).mkdir(exist_ok=True)
        (tmp_path / folder / "a.md").write_text(PAGE)
    return tmp_path


def found(capsys, *args) -> list[str]:
    """`path:line code` of each problem of `mdvet check --select ML ARGS`."""
    code, out, err = run_cli(capsys, "check", "--select", "ML", *args)
    assert code in (0, 1), err
    return [
        f"{line.split(':')[0]}:{line.split(':')[1]} {line.split()[1]}"
        for line in out.splitlines()[:-1]
    ]


ALL = ["{}:3 ML009", "{}:5 ML010", "{}:7 ML013"]


def rows(folder: str, *kept: int) -> list[str]:
    return [ALL[index].format(folder + "a.md") for index in kept]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # no configuration anywhere: the defaults everywhere
        ({}, []),
        # a sub-folder's own file applies to it and the folders under it, not beside it
        (
            {"sub/.markdownlint.json": '{"default": false, "MD010": true}'},
            rows("sub/", 1) + rows("sub/deep/", 1),
        ),
        # a nearer .markdownlint.* file replaces the one above it, whole
        (
            {
                ".markdownlint.json": '{"MD013": {"line_length": 60}}',
                "sub/.markdownlint.yaml": "default: false\nMD009: true\n",
            },
            rows("", 0, 1, 2) + rows("other/", 0, 1, 2) + rows("sub/", 0) + rows("sub/deep/", 0),
        ),
        # the `config` of .markdownlint-cli2.* files merges key by key, the nearer one winning
        (
            {
                ".markdownlint-cli2.yaml": "config:\n  default: false\n  MD009: true\n",
                "sub/.markdownlint-cli2.jsonc": '{"config": {"MD010": true, "MD009": false}}',
            },
            rows("", 0) + rows("other/", 0) + rows("sub/", 1) + rows("sub/deep/", 1),
        ),
        # a sub-folder's .markdownlint-cli2 `config` hides the .markdownlint.* file above it
        (
            {
                ".markdownlint.json": '{"default": false, "MD009": true}',
                "sub/.markdownlint-cli2.yaml": "config:\n  default: false\n  MD010: true\n",
            },
            rows("", 0) + rows("other/", 0) + rows("sub/", 1) + rows("sub/deep/", 1),
        ),
        # ... and a .markdownlint.* file beside a .markdownlint-cli2 one wins over its `config`
        (
            {
                "sub/.markdownlint-cli2.yaml": "config:\n  default: false\n  MD010: true\n",
                "sub/.markdownlint.yaml": "default: false\nMD009: true\n",
            },
            rows("sub/", 0) + rows("sub/deep/", 0),
        ),
        # a deeper folder's file under a sub-folder's one
        (
            {
                "sub/.markdownlint.yaml": "default: false\nMD009: true\n",
                "sub/deep/.markdownlint.yaml": "default: false\nMD013: true\n",
            },
            rows("sub/", 0) + rows("sub/deep/", 2),
        ),
    ],
)
def test_sub_folder_configurations_apply_to_their_folder(site, capsys, files, expected):
    for name, text in files.items():
        (site / name).write_text(text)
    assert found(capsys, ".", "--no-cache") == sorted(expected)


def test_mdvet_settings_still_win_in_a_sub_folder(site, capsys):
    (site / "mdvet.toml").write_text("[rules.ML013]\nline_length = 90\n")
    (site / "sub/.markdownlint.yaml").write_text("default: false\nMD013:\n  line_length: 10\n")
    assert found(capsys, "sub/a.md", "--no-cache") == ["sub/a.md:7 ML013"]
    _code, out, _err = run_cli(capsys, "check", "sub/a.md", "--no-cache", "--select", "ML")
    assert "sub/a.md:7:91:" in out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON"),
        ('{"MD013": {"line_length": "long"}}', "line_length"),
    ],
)
def test_a_broken_sub_folder_configuration_exits_2(site, capsys, text, message):
    (site / "sub/.markdownlint.json").write_text(text)
    code, _out, err = run_cli(capsys, "check", ".", "--no-cache")
    assert code == 2
    assert message in err
    assert "Traceback" not in err


@pytest.mark.parametrize("flags", [(), ("--jobs", "1")])
def test_the_caches_follow_sub_folder_configurations(site, capsys, flags):
    """The file cache keeps no results of a file with settings of its own, and a run is not
    replayed once a configuration appears, changes or goes in a folder it read."""
    run = ("sub/a.md", "a.md", *flags)
    assert found(capsys, *run) == []
    config = site / "sub/.markdownlint.yaml"
    config.write_text("default: false\nMD009: true\n")
    assert found(capsys, *run) == ["sub/a.md:3 ML009"]
    assert found(capsys, *run) == ["sub/a.md:3 ML009"]  # replayed
    config.write_text("default: false\nMD010: true\n")
    assert found(capsys, *run) == ["sub/a.md:5 ML010"]
    (site / "sub/deep/.markdownlint.yaml").write_text("default: false\nMD009: true\n")
    assert found(capsys, "sub/deep/a.md", *flags) == ["sub/deep/a.md:3 ML009"]
    config.unlink()
    assert found(capsys, *run) == []


def test_config_names_sub_folder_configurations_and_the_origin_of_their_values(site, capsys):
    (site / ".markdownlint.json").write_text('{"MD013": false}')
    (site / "sub/.markdownlint.yaml").write_text("MD013:\n  line_length: 60\n")
    _code, out, _err = run_cli(capsys, "config")
    assert (
        f"# markdownlint configuration for {site / 'sub'}/: {site / 'sub/.markdownlint.yaml'}"
        in out
    )
    top = next(line for line in out.splitlines() if line.startswith("rules = "))
    assert top.endswith(f"# {site / '.markdownlint.json'}")
    _code, out, _err = run_cli(capsys, "config", "sub/deep/a.md")
    rules = next(line for line in out.splitlines() if line.startswith("rules = "))
    assert '"ML013": {"severity": null, "line_length": 60}' in rules
    assert rules.endswith(
        f"# {site / '.markdownlint.json'} and {site / 'sub/.markdownlint.yaml'}"
        f" and {site / '.markdownlint.json'}"
    )


@pytest.mark.parametrize(
    ("levels", "expected"),
    [
        ([Level(config={"a": 1}), Level(config={"b": 2})], {"b": 2}),
        ([Level(options={"a": 1, "b": 1}), Level(options={"b": 2})], {"a": 1, "b": 2}),
        ([Level(config={"a": 1}), Level(options={"b": 2})], {"b": 2}),
        ([Level(options={"a": 1}), Level(config={"b": 2})], {"b": 2}),
        ([Level(config={"a": 1}, options={"c": 3}), Level()], {"c": 3}),
        ([Level(config={"a": 1}), Level()], {"a": 1}),
        ([Level(options={"a": 1}), Level(config={"b": 2}, options={"c": 3})], {"b": 2}),
    ],
)
def test_effective_configuration_of_a_folder(levels, expected):
    assert effective(levels) == expected


ML = Settings(select=("ML009", "ML010", "ML013", "HD002"))
LONG = "x " * 49 + "xx\n"  # 100 characters


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # options, as markdownlint applies them to the file
        (LONG + '<!-- markdownlint-configure-file {"MD013": {"line_length": 120}} -->\n', []),
        (
            LONG + '<!-- markdownlint-configure-file {"line-length": {"line_length": 90}} -->\n',
            [("ML013", 1, 91)],
        ),
        (LONG, [("ML013", 1, 81)]),
        # `true` turns on a rule the settings leave off, with markdownlint's defaults
        ('# A\n\n# B\n<!-- markdownlint-configure-file {"MD025": true} -->\n', [("HD002", 3, 1)]),
        # `false`, and `default: false` with the rules named `true`
        ('b \n\tc\n<!-- markdownlint-configure-file { "MD009": false } -->\n', [("ML010", 2, 1)]),
        (
            "b \n\tc\n"
            + LONG
            + '<!-- markdownlint-configure-file {"default": false, "MD010": true} -->\n',
            [("ML010", 2, 1)],
        ),
        # several comments merge key by key, the later one winning
        (
            LONG + '<!-- markdownlint-configure-file {"MD013": {"line_length": 50}} -->\n'
            '<!-- markdownlint-configure-file {"MD013": {"line_length": 95}} -->\n',
            [("ML013", 1, 96)],
        ),
        # a comment over several lines, as markdownlint's own docs write it
        (
            LONG + '\n<!-- markdownlint-configure-file {\n  "MD013": {\n    "line_length": 90\n'
            "  }\n} -->\n",
            [("ML013", 1, 91)],
        ),
        # not a JSON object: left out, as markdownlint leaves it
        (LONG + "<!-- markdownlint-configure-file {MD013: false} -->\n", [("ML013", 1, 81)]),
        # options a rule cannot take: the comment is left out
        (
            LONG + '<!-- markdownlint-configure-file {"MD013": {"line_length": "x"}} -->\n',
            [("ML013", 1, 81)],
        ),
        # in code it is text
        (
            LONG + '\n```\n<!-- markdownlint-configure-file {"MD013": false} -->\n```\n',
            [("ML013", 1, 81)],
        ),
        # CRLF
        (
            LONG.replace("\n", "\r\n")
            + '<!-- markdownlint-configure-file {"MD013": {"line_length": 90}} -->\r\n',
            [("ML013", 1, 91)],
        ),
    ],
)
def test_configure_file_comments(source, expected):
    assert check(source, settings=ML) == expected


def test_configure_file_options_win_over_the_configuration_files(site, capsys):
    (site / "mdvet.toml").write_text("[rules.ML013]\nline_length = 30\n")
    (site / ".markdownlint.json").write_text('{"default": false, "MD013": {"line_length": 40}}')
    (site / "b.md").write_text(
        PAGE + '<!-- markdownlint-configure-file {"MD013": {"line_length": 100}} -->\n'
    )
    assert found(capsys, "a.md", "b.md", "--no-cache") == ["a.md:7 ML013"]
