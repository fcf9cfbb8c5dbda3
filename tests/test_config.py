import json

import pytest

from lint.config import ConfigError, find_config, resolve_settings
from lint.model import Severity
from tests.helpers import run_cli

DUPLICATE = "---\ntitle: a\ntitle: b\n---\n"
LIST = "---\n- a\n---\n"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "dup.md").write_text(DUPLICATE)
    (tmp_path / "docs" / "list.md").write_text(LIST)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("mdvet.toml", 'ignore = ["FM005"]\n'),
        (".mdvet.toml", 'ignore = ["FM005"]\n'),
        ("pyproject.toml", '[project]\nname = "x"\n\n[tool.mdvet]\nignore = ["FM005"]\n'),
    ],
)
def test_config_files_are_found_at_the_current_folder_or_above(repo, monkeypatch, name, text):
    (repo / name).write_text(text)
    monkeypatch.chdir(repo / "docs")
    assert find_config(repo / "docs") == (repo / name).resolve()
    assert resolve_settings({}, cwd=repo / "docs").settings.ignore == ("FM005",)


def test_search_stops_at_the_repository_root(tmp_path):
    (tmp_path / "mdvet.toml").write_text('ignore = ["FM005"]\n')
    (tmp_path / "site" / ".git").mkdir(parents=True)
    assert find_config(tmp_path / "site") is None


def test_pyproject_without_a_tool_table_is_passed_over(repo):
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (repo / "docs" / "mdvet.toml").write_text("")
    assert find_config(repo) is None


def test_three_levels_of_precedence(repo, capsys):
    # default: every rule on, fail on warnings
    code, out, _ = run_cli(capsys, "check", "-q")
    assert (code, [line.split()[1] for line in out.splitlines()]) == (1, ["FM004", "FM005"])
    # the file turns FM004 down to info and FM005 off, and fails only on errors
    (repo / "mdvet.toml").write_text(
        'fail_on = "error"\n\n[rules.FM004]\nseverity = "info"\n\n[rules.front-matter-not-mapping]\nseverity = "off"\n'
    )
    code, out, _ = run_cli(capsys, "check", "-q")
    assert (code, [line.split()[1] for line in out.splitlines()]) == (0, ["FM004"])
    # a flag beats the file
    code, out, _ = run_cli(capsys, "check", "-q", "--fail-on", "info")
    assert code == 1
    # --isolated ignores the file, --config names another
    code, out, _ = run_cli(capsys, "check", "-q", "--isolated")
    assert [line.split()[1] for line in out.splitlines()] == ["FM004", "FM005"]
    (repo / "other.toml").write_text('select = ["FM005"]\n')
    code, out, _ = run_cli(capsys, "check", "-q", "--config", "other.toml")
    assert [line.split()[1] for line in out.splitlines()] == ["FM005"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('selct = ["FM"]\n', "mdvet.toml:1: unknown key 'selct'; did you mean 'select'?"),
        # one line, whatever the key holds
        ('"se\\nlect" = 1\n', "mdvet.toml:1: unknown key 'se\\nlect'; did you mean 'select'?\n"),
        (
            'ignore = []\nfail_on = "eror"\n',
            "mdvet.toml:2: fail_on: Input should be 'error', 'warning' or 'info' (got 'eror')",
        ),
        (
            "respect_gitignore = 3\n",
            "mdvet.toml:1: respect_gitignore: Input should be a valid boolean, unable to interpret input (got 3)",
        ),
        ('select = ["XX9"]\n', "mdvet.toml:1: 'XX9' matches no rule code, prefix or name"),
        (
            '\n[rules.XX001]\nseverity = "info"\n',
            "mdvet.toml:2: no rule has the code or name 'XX001'",
        ),
        ('\n[rules.FM004]\nseverity = "loud"\n', "mdvet.toml:3: rules.FM004.severity"),
        (
            "\n[rules.FM004]\nmax = 3\n",
            "mdvet.toml:3: options of rule FM004 (duplicate-key): unknown key 'max'\n",
        ),
        # an unknown option gets the closest option name, `severity` included
        (
            '[rules.LK001]\nignore_txt = ["x"]\n',
            "mdvet.toml:2: options of rule LK001 (inconsistent-link-target): unknown key "
            "'ignore_txt'; did you mean 'ignore_text'?\n",
        ),
        (
            "[rules.tag-too-long]\nmax_lenght = 3\n",
            "mdvet.toml:2: options of rule FM202 (tag-too-long): unknown key 'max_lenght'; "
            "did you mean 'max_length'?\n",
        ),
        (
            '[rules.FM004]\nseverty = "info"\n',
            "mdvet.toml:2: options of rule FM004 (duplicate-key): unknown key 'severty'; "
            "did you mean 'severity'?\n",
        ),
        (
            '[per_file_ignores]\n"docs/*" = ["NOPE"]\n',
            "mdvet.toml:2: 'NOPE' matches no rule code, prefix or name",
        ),
        ("select = [\n", "mdvet.toml:2: invalid TOML: Invalid value at the end"),
        ("rules = 3\n", "mdvet.toml:1: rules: Input should be a valid dictionary (got 3)"),
    ],
)
def test_broken_config_exits_2_with_file_line_and_message(repo, capsys, text, message):
    (repo / "mdvet.toml").write_text(text)
    code, out, err = run_cli(capsys, "check")
    assert code == 2 and out == ""
    assert message in err
    assert "Traceback" not in err
    with pytest.raises(ConfigError):
        resolve_settings({}, cwd=repo)


def test_a_bad_flag_is_blamed_on_the_flag(repo, capsys):
    code, _, err = run_cli(capsys, "check", "--select", "XX9")
    assert code == 2 and "--select: 'XX9' matches no rule code, prefix or name" in err


def test_per_file_ignores_and_excludes(repo, capsys):
    (repo / "mdvet.toml").write_text(
        'extend_exclude = ["docs/list.md"]\n\n[per_file_ignores]\n"docs/*.md" = ["duplicate-key"]\n'
    )
    code, out, _ = run_cli(capsys, "check")
    assert (code, out) == (0, "no problems in 1 file\n")
    # the relative root is the configuration file's folder, whatever the current folder
    code, out, _ = run_cli(capsys, "check", str(repo / "docs" / "dup.md"))
    assert code == 0


def test_include_and_respect_gitignore(repo, capsys):
    (repo / "docs" / "notes.txt").write_text(DUPLICATE)
    (repo / ".gitignore").write_text("docs/list.md\n")
    (repo / "mdvet.toml").write_text(
        'include = ["*.txt", "*.md"]\nrespect_gitignore = false\nignore = ["ST"]\n'
    )
    _, out, _ = run_cli(capsys, "check", "-q")
    assert [line.split(":")[0] for line in out.splitlines()] == [
        "docs/dup.md",
        "docs/list.md",
        "docs/notes.txt",
    ]
    (repo / "mdvet.toml").write_text('include = ["*.txt"]\n')
    _, out, _ = run_cli(capsys, "check", "-q")
    assert [line.split(":")[0] for line in out.splitlines()] == ["docs/notes.txt"]


def test_config_command_shows_values_and_origins(repo, capsys):
    (repo / "mdvet.toml").write_text('# site settings\nfail_on = "error"\n')
    code, out, _ = run_cli(capsys, "config")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"# configuration file: {(repo / 'mdvet.toml').resolve()}"
    assert f'fail_on = "error"  # {(repo / "mdvet.toml").resolve()}:2' in lines
    assert "respect_gitignore = true  # default" in lines


def test_settings_keep_rule_options_and_severity(repo):
    (repo / "mdvet.toml").write_text('[rules.duplicate-key]\nseverity = "info"\n')
    settings = resolve_settings({}, cwd=repo).settings
    [active] = [a for a in settings.active if a.rule.code == "FM004"]
    assert active.severity is Severity.INFO


def test_config_json_schema_is_current():
    from lint.config import config_json_schema
    from tests.helpers import ROOT

    stored = json.loads((ROOT / "schemas" / "mdvet-config.schema.json").read_text())
    assert stored == config_json_schema(), "run `python -m lint.docs` to regenerate"


def test_python_path_serves_pydantic_schemas(repo, capsys, monkeypatch):
    monkeypatch.setattr("sys.path", list(__import__("sys").path))
    (repo / "lib").mkdir()
    (repo / "lib" / "site_models_for_test.py").write_text(
        "from pydantic import BaseModel\n\nclass Post(BaseModel):\n    title: str\n    rating: int\n"
    )
    (repo / "mdvet.toml").write_text(
        'python_path = ["lib"]\n\n[[schemas]]\npaths = ["docs/*.md"]\nschema = "site_models_for_test:Post"\n'
    )
    (repo / "docs" / "list.md").unlink()
    (repo / "docs" / "dup.md").write_text("---\ntitle: t\nrating: many\n---\n")
    code, out, _ = run_cli(capsys, "check", "-q", "--no-cache")
    assert code == 1
    assert [line.split()[1] for line in out.splitlines()] == ["FM102"]
    assert out.startswith("docs/dup.md:3:9: FM102")


def test_the_readme_example_configuration_is_valid(tmp_path):
    import re

    from tests.helpers import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Configuration") :]
    example = re.search(r"```toml\n(.*?)```", section, re.DOTALL).group(1)
    (tmp_path / ".git").mkdir()
    (tmp_path / "mdvet.toml").write_text(example)
    settings = resolve_settings({}, cwd=tmp_path).settings
    assert settings.fail_on is Severity.ERROR
    assert settings.per_file_ignores == {"archive/**": ("FM1", "duplicate-key")}
    assert [a.severity for a in settings.active if a.rule.code == "FM004"] == [Severity.WARNING]
