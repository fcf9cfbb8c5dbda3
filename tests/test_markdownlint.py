"""markdownlint compatibility: aliases, its configuration files, its comments, migration."""

import json

import pytest

from lint.settings import Settings, SettingsError
from tests.helpers import check, run_cli

ML = Settings(select=("ML", "HD001", "IM001"), extend_select=("ML013",))


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("ML009", ["ML009"]),
        ("MD009", ["ML009"]),
        ("md009", ["ML009"]),
        ("no-trailing-spaces", ["ML009"]),
        ("MD001", ["HD001"]),
        ("heading-increment", ["HD001"]),
        ("MD045", ["IM001"]),
        ("no-alt-text", ["IM001"]),
        ("line-length", ["ML013"]),  # off by default: a name selects it
    ],
)
def test_markdownlint_codes_and_names_select_the_rule(selector, expected):
    assert [a.rule.code for a in Settings(select=(selector,)).active] == expected


def test_options_under_a_markdownlint_code_reach_the_rule():
    settings = Settings(select=("MD013",), rules={"MD013": {"line_length": 20}})
    assert check("# T\n\n" + "word " * 6 + "\n", settings=settings) == [("ML013", 3, 21)]


def test_an_unknown_markdownlint_option_is_a_settings_error():
    with pytest.raises(SettingsError, match="unknown key 'line_lenght'"):
        _ = Settings(select=("MD013",), rules={"MD013": {"line_lenght": 20}}).active


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # disable / enable, by code and by name, from the comment's line on
        (
            "a   \n<!-- markdownlint-disable MD009 -->\nb \n"
            "<!-- markdownlint-enable no-trailing-spaces -->\nc \n",
            [("ML009", 1, 2), ("ML009", 5, 2)],
        ),
        # no names: every markdownlint rule; mdvet's own rules are not markdownlint's
        (
            "<!-- markdownlint-disable -->\nb \n\tc\n#\n",
            [("HD003", 4, 1)],
        ),
        # enable one rule after disabling all
        (
            "<!-- markdownlint-disable -->\n<!-- markdownlint-enable MD010 -->\nb \n\tc\n",
            [("ML010", 4, 1)],
        ),
        # a comment over several lines is ignored, as markdownlint ignores it
        (
            "<!-- markdownlint-disable\n     MD009 -->\nb \n\tc\n",
            [("ML009", 3, 2), ("ML010", 4, 1)],
        ),
        # disable-line and disable-next-line
        ("b <!-- markdownlint-disable-line MD009 -->\nc \n", [("ML009", 2, 2)]),
        ("<!-- markdownlint-disable-next-line MD009 -->\nb \nc \n", [("ML009", 3, 2)]),
        # a tag names a group of rules
        ("<!-- markdownlint-disable whitespace -->\nb \n\tc\n", []),
        # capture and restore
        (
            "<!-- markdownlint-disable MD009 -->\n<!-- markdownlint-capture -->\n"
            "<!-- markdownlint-enable MD009 -->\nb \n<!-- markdownlint-restore -->\nc \n",
            [("ML009", 4, 2)],
        ),
        # the whole file, wherever the comment stands
        ("b \n<!-- markdownlint-disable-file MD009 -->\n", []),
        ('b \n\tc\n<!-- markdownlint-configure-file { "MD009": false } -->\n', [("ML010", 2, 1)]),
        # in a code block it is text, not a comment
        ("```html\n<!-- markdownlint-disable -->\n```\n\nb \n", [("ML009", 5, 2)]),
    ],
)
def test_markdownlint_comments(source, expected):
    settings = Settings(select=("ML009", "ML010", "HD003"))
    assert check(source, settings=settings) == expected


@pytest.fixture
def site(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("# T\n\nb \n\n\tc\n\n" + " ".join(["word"] * 20) + "\n")
    return tmp_path


@pytest.mark.parametrize(
    ("name", "config", "expected"),
    [
        # no markdownlint configuration: the rules on by default only (ML013 stays off)
        (None, "", []),
        # markdownlint's default: every rule on, MD013 included
        (".markdownlint.json", '{"default": true}', ["3:2 ML009", "5:1 ML010", "7:81 ML013"]),
        (".markdownlint.json", "{}", ["3:2 ML009", "5:1 ML010", "7:81 ML013"]),
        # rules off by code, name or tag; options by markdownlint's names
        (
            ".markdownlint.jsonc",
            '{\n  // comments and trailing commas\n  "MD013": {"line_length": 60,},\n'
            '  "no-hard-tabs": false,\n}\n',
            ["3:2 ML009", "7:61 ML013"],
        ),
        (".markdownlint.yaml", "whitespace: false\nMD013: false\n", []),
        (".markdownlint.yml", "default: false\nMD010: true\n", ["5:1 ML010"]),
        # markdownlint-cli2's files keep the rules under `config`
        (
            ".markdownlint-cli2.jsonc",
            '{"config": {"default": false, "MD009": true}}',
            ["3:2 ML009"],
        ),
        (".markdownlint-cli2.yaml", "config:\n  default: false\n  MD009: true\n", ["3:2 ML009"]),
    ],
)
def test_markdownlint_configuration_files(site, capsys, name, config, expected):
    if name:
        (site / name).write_text(config)
    _code, out, _err = run_cli(capsys, "check", "a.md", "--no-cache", "--select", "ML")
    found = [f"{line.split()[0][5:-1]} {line.split()[1]}" for line in out.splitlines()[:-1]]
    assert found == expected


@pytest.mark.parametrize(
    ("selected", "expected"),
    [
        # the flag chooses the rules: the configuration's other rules stay off
        ("ML010", ["5:1 ML010"]),
        ("MD009", ["3:2 ML009"]),
        ("line-length", ["7:81 ML013"]),
        # a prefix keeps what the markdownlint configuration turned on within it
        ("ML01", ["5:1 ML010", "7:81 ML013"]),
        ("ML", ["3:2 ML009", "5:1 ML010", "7:81 ML013"]),
    ],
)
def test_select_on_the_command_line_chooses_among_markdownlint_rules(
    site, capsys, selected, expected
):
    (site / ".markdownlint.json").write_text('{"default": true}')
    _code, out, _err = run_cli(capsys, "check", "a.md", "--no-cache", "--select", selected)
    found = [f"{line.split()[0][5:-1]} {line.split()[1]}" for line in out.splitlines()[:-1]]
    assert found == expected


def test_select_on_the_command_line_leaves_out_the_configured_extend_select(site, capsys):
    (site / "mdvet.toml").write_text('extend_select = ["ML009", "ML010"]\n')
    _code, out, _err = run_cli(capsys, "check", "a.md", "--no-cache", "--select", "ML010")
    assert [line.split()[1] for line in out.splitlines()[:-1]] == ["ML010"]
    _code, out, _err = run_cli(
        capsys, "check", "a.md", "--no-cache", "--select", "ML010", "--extend-select", "ML009"
    )
    assert [line.split()[1] for line in out.splitlines()[:-1]] == ["ML009", "ML010"]


def test_extends_is_followed_and_the_file_itself_wins(site, capsys):
    (site / "base.yaml").write_text("default: false\nMD009: true\nMD010: true\n")
    (site / ".markdownlint.yaml").write_text("extends: base.yaml\nMD010: false\n")
    _code, out, _err = run_cli(capsys, "check", "a.md", "--no-cache", "--select", "ML")
    assert [line.split()[1] for line in out.splitlines()[:-1]] == ["ML009"]


def test_mdvet_configuration_wins_over_markdownlint_and_config_shows_origins(site, capsys):
    (site / ".markdownlint.json").write_text('{"MD013": {"line_length": 60}, "MD010": false}')
    (site / "mdvet.toml").write_text('select = ["ML"]\n[rules.ML013]\nline_length = 90\n')
    _code, out, _err = run_cli(capsys, "check", "a.md", "--no-cache")
    assert [line.split()[1] for line in out.splitlines()[:-1]] == ["ML009", "ML013"]
    assert "7:91" in out
    _code, out, _err = run_cli(capsys, "config")
    assert f"# markdownlint configuration: {site / '.markdownlint.json'}" in out
    rules_line = next(line for line in out.splitlines() if line.startswith("rules = "))
    assert rules_line.endswith(f"# {site / '.markdownlint.json'} and {site / 'mdvet.toml'}:2")


def test_a_javascript_configuration_is_skipped_with_a_note(site, capsys):
    (site / ".markdownlint.cjs").write_text("module.exports = {default: false};\n")
    _code, _out, err = run_cli(capsys, "check", "a.md", "--no-cache", "--select", "ML")
    assert "markdownlint configuration in JavaScript is not read" in err
    assert ".markdownlint.cjs" in err


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("{", "not valid JSON"),
        ("[1]", "expected a mapping of rules, got list"),
    ],
)
def test_a_broken_markdownlint_configuration_exits_2(site, capsys, config, message):
    (site / ".markdownlint.json").write_text(config)
    code, _out, err = run_cli(capsys, "check", "a.md", "--no-cache")
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_migrate_writes_the_equivalent_settings_and_lists_what_it_cannot(site, capsys):
    (site / ".markdownlint.yaml").write_text(
        "MD013:\n  line_length: 100\n  unknown_option: 1\nMD010: false\nMD033: false\nnonsense: true\n"
    )
    code, out, err = run_cli(capsys, "migrate", "markdownlint")
    assert code == 0
    body = out.split("\n", 1)[1]
    import tomllib

    data = tomllib.loads(body)
    assert data["rules"]["ML010"] == {"severity": "off"}
    assert data["rules"]["ML013"] == {"line_length": 100}
    assert "ML013" in data["extend_select"]
    assert "MD013 options mdvet does not implement: unknown_option" in err
    assert "'nonsense' is not a markdownlint rule or tag" in err
    assert "does not implement yet" not in err  # every markdownlint 0.42 rule has an ML rule
    # the written settings give the same result as the markdownlint file
    (site / "mdvet.toml").write_text(body)
    (site / ".markdownlint.yaml").unlink()
    _code, out, _err = run_cli(capsys, "check", "a.md", "--no-cache", "--select", "ML")
    assert [line.split()[1] for line in out.splitlines()[:-1]] == ["ML009"]


def test_migrate_without_a_configuration_exits_2(site, capsys):
    code, _out, err = run_cli(capsys, "migrate", "markdownlint")
    assert code == 2
    assert "no markdownlint configuration" in err
    json.dumps(err)
