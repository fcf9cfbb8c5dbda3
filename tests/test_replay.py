"""A run that nothing it read has changed since is replayed from the store, without the
settings or the rules; anything it read changing makes it a real run again."""

import os
import shutil
import subprocess
import sys

import pytest

import lint.cache
import lint.runner
from lint.cli import main

DUP = "---\ntitle: a\ntitle: b\n---\n"
CLEAN = "---\ntitle: a\n---\n"


def age(path, seconds=10):
    """Make a file or folder look older than the store, as ones untouched since are."""
    stat = os.stat(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 10**9))


def age_all(folder):
    for path in [folder, *folder.rglob("*")]:
        if ".mdvet_cache" not in path.parts:
            age(path)


@pytest.fixture
def site(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(DUP + "[b](b.md)\n")
    (tmp_path / "docs" / "b.md").write_text(CLEAN.replace("a", "b"))
    (tmp_path / "schema.yaml").write_text("fields: {}\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, monkeypatch, *args) -> tuple[bool, int, str]:
    """Whether the run was replayed (no file checked), its exit code and output."""
    calls = []
    for name in ("check_paths", "patch_run"):
        real = getattr(lint.runner, name)

        def spy(*a, real=real, **k):
            calls.append(1)
            return real(*a, **k)

        monkeypatch.setattr(lint.runner, name, spy)
    code = main(["check", "--format", "json", *args])
    return not calls, code, capsys.readouterr().out


def test_an_unchanged_run_is_replayed_with_the_same_output(site, capsys, monkeypatch):
    first = run(capsys, monkeypatch, "docs/a.md")
    age_all(site)
    assert run(capsys, monkeypatch, "docs/a.md") == (True, *first[1:])
    assert first[1:] == run(capsys, monkeypatch, "docs/a.md", "--no-cache")[1:]
    assert run(capsys, monkeypatch, "docs")[0] is False  # another run: its own record
    age_all(site)
    assert run(capsys, monkeypatch, "docs")[0] is True
    assert run(capsys, monkeypatch, "docs/a.md", "--exit-zero") == (True, 0, first[2])


def test_a_replayed_run_loads_neither_the_settings_nor_the_rules(site):
    command = [sys.executable, "-m", "lint", "check", "-q", "docs/a.md"]
    subprocess.run(command, cwd=site, capture_output=True, check=False)
    age_all(site)
    probe = (
        "import sys\nfrom lint.cli import main\ncode = main(['check', '-q', 'docs/a.md'])\n"
        "print(code, sorted(m for m in ('pydantic', 'yaml', 'lint.settings', 'lint.rules',"
        " 'lint.runner', 'pygls', 'jsonschema') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=site, capture_output=True, text=True, check=False
    )
    assert done.stdout.splitlines()[-1] == "1 []"


def change(site, what: str) -> None:
    docs = site / "docs"
    if what == "an edit of the same size":
        (docs / "b.md").write_text(CLEAN.replace("a", "c"))
        age(docs / "b.md")  # even with its old modification time: the content decides
    elif what == "an edit":
        (docs / "b.md").write_text(DUP)
    elif what == "a page added":
        (docs / "c.md").write_text(CLEAN.replace("a", "b"))
    elif what == "a page deleted":
        (docs / "b.md").unlink()
    elif what == "a page renamed":
        (docs / "b.md").rename(docs / "c.md")
    elif what == "a configuration file added":
        (site / "mdvet.toml").write_text('ignore = ["FM004"]\n')
    elif what == "a schema named in the configuration":
        (site / "schema.yaml").write_text("fields: {title: {type: integer}}\n")
    elif what == "an ignore file":
        (docs / ".gitignore").write_text("b.md\n")
    elif what == "another mdvet version":
        lint.cache.__version__ = "99.0"
    elif what == "a markdownlint configuration edited":
        (site / ".markdownlint.yaml").write_text("extends: lint-base.yaml\nMD009: false\n")
    elif what == "a file a markdownlint configuration extends edited":
        (site / "lint-base.yaml").write_text("default: true\nMD009: false\n")


CHANGES = [
    "an edit of the same size",
    "an edit",
    "a page added",
    "a page deleted",
    "a page renamed",
    "a configuration file added",
    "a schema named in the configuration",
    "an ignore file",
    "another mdvet version",
    "a markdownlint configuration edited",
    "a file a markdownlint configuration extends edited",
]


@pytest.mark.parametrize("what", CHANGES)
@pytest.mark.parametrize("target", ["docs/a.md", "docs", "."])
def test_a_change_to_what_the_run_read_makes_it_a_real_run(site, capsys, monkeypatch, what, target):
    monkeypatch.setattr(lint.cache, "__version__", lint.cache.__version__)
    (site / "mdvet.toml").write_text('[[schemas]]\npaths = ["*.md"]\nschema = "schema.yaml"\n')
    if what == "a configuration file added":
        (site / "mdvet.toml").unlink()
    if "markdownlint" in what:  # trailing spaces, which MD009 reports
        (site / ".markdownlint.yaml").write_text("extends: lint-base.yaml\n")
        (site / "lint-base.yaml").write_text("default: true\n")
        (site / "docs" / "a.md").write_text(DUP + "[b](b.md)   \n")
    run(capsys, monkeypatch, target)
    age_all(site)
    assert run(capsys, monkeypatch, target)[0] is True
    change(site, what)
    replayed, code, out = run(capsys, monkeypatch, target)
    assert (replayed, code, out) == (False, *run(capsys, monkeypatch, target, "--no-cache")[1:])


def test_a_link_led_elsewhere_makes_it_a_real_run(site, capsys, monkeypatch):
    (site / "other.md").write_text(DUP)
    (site / "docs" / "link.md").symlink_to(site / "docs" / "b.md")
    first = run(capsys, monkeypatch, "docs")
    age_all(site)
    assert run(capsys, monkeypatch, "docs") == (True, *first[1:])
    link = site / "docs" / "link.md"
    link.unlink()
    link.symlink_to(site / "other.md")  # the same names in the folder: the link decides
    replayed, code, out = run(capsys, monkeypatch, "docs")
    assert (replayed, code, out) == (False, *run(capsys, monkeypatch, "docs", "--no-cache")[1:])
    assert out != first[2]


def test_a_changed_plugin_makes_it_a_real_run(tmp_path):
    """In processes of their own: a plugin is imported once per process."""
    from tests.helpers import ROOT

    (tmp_path / ".git").mkdir()
    (tmp_path / "post.md").write_text("---\ntitle: x\n---\nText. TODO: more.\n")
    plugin = tmp_path / "todo_note.py"
    shutil.copy(ROOT / "examples" / "plugin" / "mdvet_todo" / "todo_note.py", plugin)
    (tmp_path / "mdvet.toml").write_text('plugins = ["todo_note.py"]\n')
    probe = (
        "import sys\nfrom lint.cli import main\ncode = main(['check', '-q', 'post.md'])\n"
        "print(code, 'lint.runner' in sys.modules)"
    )

    def run() -> list[str]:
        done = subprocess.run(
            [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True
        )
        return done.stdout.splitlines()

    first = run()
    assert (
        first[0]
        == "post.md:4:7: TD001 'TODO' note left in the text; finish the page or remove it [todo-note]"
    )
    assert first[-1] == "1 True"
    age_all(tmp_path)
    assert run() == [*first[:-1], "1 False"]  # replayed
    plugin.write_text(plugin.read_text().replace('"XXX"', '"XXX", "LATER"'))
    assert run() == [*first[:-1], "1 True"]
