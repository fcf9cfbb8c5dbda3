"""Plugins: loaded from a local module or an entry point, reported like built-in rules."""

import json
import shutil
import subprocess
import sys

import pytest

from lint.cli import main
from lint.formatters import formatter
from lint.runner import check_paths
from lint.settings import Settings, SettingsError
from tests.helpers import ROOT

PLUGIN = ROOT / "examples" / "plugin"
LOCAL = "examples/plugin/mdvet_todo/todo_note.py"
POST = "---\ntitle: x\n---\n東京 TODO: [a](https://x.example/?utm_source=feed)\n"


@pytest.fixture
def site(tmp_path, monkeypatch):
    (tmp_path / "post.md").write_text(POST, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def fresh_imports(monkeypatch):
    """Each test imports the plugin package from where it put it."""
    for name in [m for m in sys.modules if m == "mdvet_todo" or m.startswith("mdvet_todo.")]:
        monkeypatch.delitem(sys.modules, name)


def simulated_install(tmp_path, monkeypatch):
    """What `pip install` leaves behind: the package and a dist-info with the entry point."""
    dist = tmp_path / "installed" / "mdvet_todo-0.1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: mdvet-todo\nVersion: 0.1.0\n")
    (dist / "entry_points.txt").write_text("[mdvet.rules]\ntodo = mdvet_todo\n")
    shutil.copytree(PLUGIN / "mdvet_todo", tmp_path / "installed" / "mdvet_todo")
    monkeypatch.syspath_prepend(str(tmp_path / "installed"))


def pip_install(tmp_path, monkeypatch):
    """A real install of examples/plugin (into a folder on sys.path, not the venv)."""
    source = tmp_path / "source"
    shutil.copytree(PLUGIN, source, ignore=shutil.ignore_patterns("build", "*.egg-info"))
    target = tmp_path / "installed"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(source),
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.skip(f"pip cannot build the plugin here: {result.stderr.strip()[-300:]}")
    monkeypatch.syspath_prepend(str(target))


def local_module(tmp_path, monkeypatch):
    return None


@pytest.mark.parametrize(
    ("install", "plugin"),
    [(local_module, str(ROOT / LOCAL)), (simulated_install, "todo"), (pip_install, "todo")],
    ids=["local module", "entry point", "pip install"],
)
def test_plugin_diagnostics_come_out_like_built_in_ones(
    install, plugin, site, tmp_path, monkeypatch, fresh_imports, output_validator
):
    install(tmp_path, monkeypatch)
    settings = Settings(plugins=(plugin,))
    report = check_paths(["post.md"], settings).report
    assert [(d.code, d.line, d.column, d.name) for d in report.diagnostics] == [
        ("TD001", 4, 4, "todo-note"),
        ("LK004", 4, 33, "tracking-parameter"),
    ]
    text = formatter("text")(report, False)
    assert text.splitlines()[0] == (
        "post.md:4:4: TD001 'TODO' note left in the text; finish the page or remove it [todo-note]"
    )
    document = json.loads(formatter("json")(report, False))
    output_validator.validate(document)
    assert document["diagnostics"][0] == {
        "path": "post.md",
        "line": 4,
        "column": 4,
        "end_line": 4,
        "end_column": 8,
        "code": "TD001",
        "name": "todo-note",
        "severity": "warning",
        "message": "'TODO' note left in the text; finish the page or remove it",
        "fix": None,
    }


def test_a_plugin_is_active_only_when_named(site):
    codes = [d.code for d in check_paths(["post.md"], Settings()).report.diagnostics]
    assert codes == ["LK004"]


def test_plugin_rules_take_selection_severity_and_options(site, fresh_imports):
    settings = Settings(
        plugins=(str(ROOT / LOCAL),),
        select=("todo-note",),
        rules={"TD001": {"severity": "error", "words": ["東京"]}},
    )
    [d] = check_paths(["post.md"], settings).report.diagnostics
    assert (d.code, d.column, d.severity.value) == ("TD001", 1, "error")


def test_the_command_line_loads_a_plugin(site, capsys, fresh_imports):
    assert main(["check", "--plugin", str(ROOT / LOCAL), "--select", "TD", "post.md"]) == 1
    assert capsys.readouterr().out.splitlines()[0].startswith("post.md:4:4: TD001 ")


BAD = {
    "reserved.py": "class R(Rule):\n    code = 'LK901'\n    name = 'mine'\n    summary = 's'\n",
    "malformed.py": "class R(Rule):\n    code = 'T1'\n    name = 'mine'\n    summary = 's'\n",
    "clash.py": "class R(Rule):\n    code = 'ZZ001'\n    name = 'duplicate-key'\n    summary = 's'\n",
    "empty.py": "X = 1\n",
    "broken.py": "raise RuntimeError('boom')\n",
}


@pytest.mark.parametrize(
    ("plugins", "message"),
    [
        (("reserved.py",), "rule code LK901 uses the prefix LK, which is mdvet's own"),
        (("malformed.py",), "rule code 'T1' is not two capitals and three digits"),
        (("clash.py",), "rule name duplicate-key is already used by FM004"),
        (("empty.py",), "plugin 'empty.py' provides no rule classes"),
        (("broken.py",), "plugin 'broken.py' failed to load: RuntimeError: boom"),
        (("missing.py",), "plugin 'missing.py': no such file"),
        (("no-such-plugin",), "no installed package has an entry point 'no-such-plugin'"),
        ((LOCAL, LOCAL), "rule code TD001 is already used by"),
    ],
)
def test_plugin_errors_fail_at_load_with_a_clear_message(tmp_path, plugins, message):
    for name, body in BAD.items():
        (tmp_path / name).write_text("from lint.rules import Rule\n\n" + body)
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    with pytest.raises(SettingsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Settings(plugins=plugins, root=tmp_path).active  # noqa: B018


def test_a_bad_plugin_on_the_command_line_exits_2(site, capsys):
    assert main(["check", "--plugin", "missing.py", "post.md"]) == 2
    assert "plugin 'missing.py': no such file" in capsys.readouterr().err


def test_configured_plugins_appear_in_rules_and_rule(site, capsys, fresh_imports):
    (site / "mdvet.toml").write_text(f'plugins = ["{ROOT / LOCAL}"]\n')
    (site / ".git").mkdir()
    assert main(["rules"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert any(row.split()[:2] == ["TD001", "todo-note"] for row in rows), rows
    assert main(["rule", "TD001"]) == 0
    assert capsys.readouterr().out.startswith("# TD001 todo-note\n")
    assert main(["rules", "--isolated"]) == 0
    assert "TD001" not in capsys.readouterr().out


def test_a_plugin_rule_that_raises_is_ln900_and_the_others_still_run(tmp_path, monkeypatch, capsys):
    (tmp_path / "crash.py").write_text(
        "from lint.rules import Rule\n\n"
        "class Crash(Rule):\n"
        "    code = 'XC001'\n"
        "    name = 'always-crashes'\n"
        "    summary = 'raises on every file'\n\n"
        "    def check(self, doc, options):\n"
        "        raise KeyError('boom')\n"
    )
    (tmp_path / "mdvet.toml").write_text('plugins = ["crash.py"]\n')
    (tmp_path / "post.md").write_text("---\ntitle: a\ntitle: b\n---\n")
    monkeypatch.chdir(tmp_path)
    code, out = main(["check", "--color", "never", "-q", "--no-cache"]), capsys.readouterr().out
    assert code == 1
    assert out.splitlines() == [
        "post.md:1:1: LN900 rule XC001 (always-crashes) crashed: KeyError: 'boom' [internal-error]",
        "post.md:3:1: FM004 key 'title' appears again (first at line 2); only the last value is kept [duplicate-key]",
    ]
