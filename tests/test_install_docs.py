"""The install commands in the documentation work from this repository as written: mdvet is
not published on a package index, so each one names a local project, and the CI setup
installs mdvet from a site's `tools/mdvet` into a fresh environment."""

import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest

from tests.helpers import ROOT
from tests.test_precommit import _index_reachable

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

DOCS = (
    "README.md",
    "docs/ci.md",
    "docs/editors.md",
    "docs/plugins.md",
    "docs/pre-commit.md",
    "examples/plugin/README.md",
)
INSTALL = re.compile(r"pip install +([^`\n&#]+)")
# where the documents place the projects they install: a clone of this repository (the
# current folder), or mdvet's source kept in a site's repository at tools/mdvet
PLACES = {".": ROOT, "./tools/mdvet": ROOT, "./examples/plugin": ROOT / "examples" / "plugin"}


def install_targets() -> list[tuple[str, str]]:
    """Each install command's (document, target), the target without its extras."""
    found = []
    for name in DOCS:
        for match in INSTALL.finditer((ROOT / name).read_text(encoding="utf-8")):
            words = [w for w in shlex.split(match[1]) if not w.startswith("-")]
            found += [(name, re.sub(r"\[[^\]]*\]$", "", word)) for word in words]
    return found


def test_every_install_command_names_a_project_of_this_repository():
    assert install_targets() == [
        ("README.md", "."),
        ("README.md", "."),
        ("README.md", "."),
        ("README.md", "."),
        ("README.md", "."),
        ("docs/ci.md", "./tools/mdvet"),
        ("docs/ci.md", "./tools/mdvet"),
        ("docs/ci.md", "./tools/mdvet"),  # the job that replaces markdownlint-cli2, before
        ("docs/ci.md", "./tools/mdvet"),  # and after
        ("docs/editors.md", "."),
        ("docs/plugins.md", "./examples/plugin"),
        ("examples/plugin/README.md", "./examples/plugin"),
    ]
    for name, target in install_targets():
        project = tomllib.loads((PLACES[target] / "pyproject.toml").read_text())["project"]
        assert project["name"] in ("mdvet", "mdvet-todo"), (name, target)


def test_pre_commit_repo_is_mdvet_source_in_the_site():
    text = (ROOT / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    assert re.findall(r"^  - repo: (\S+)", text, re.MULTILINE) == ["./tools/mdvet"]
    assert (PLACES["./tools/mdvet"] / ".pre-commit-hooks.yaml").is_file()


def _block(text: str, language: str, holding: str) -> str:
    """The first fenced `language` block of `text` that holds `holding`."""
    blocks = re.findall(rf"^```{language}\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    return next(block for block in blocks if holding in block)


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.slow
def test_ci_setup_installs_mdvet_from_tools_mdvet_in_a_fresh_environment(tmp_path):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("git is not installed, or the project is not a git checkout")
    if not _index_reachable():
        pytest.skip("the package index is unreachable: mdvet's dependencies cannot be installed")
    guide = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    site = tmp_path / "site"
    (site / "_posts").mkdir(parents=True)
    git("init", "-q", "-b", "main", cwd=site)
    git("clone", "-q", str(ROOT), "tools/mdvet", cwd=site)  # the committed source, as a submodule
    (site / "mdvet.toml").write_text(_block(guide, "toml", "extend_exclude"))
    (site / "_posts" / "2025-01-01-a.md").write_text("---\ntitle: a\ntitle: b\n---\n")
    command = shlex.split(_block(guide, "yaml", "runs-on").split("- run: ")[1].splitlines()[0])
    assert command == ["python", "-m", "pip", "install", "./tools/mdvet"]
    subprocess.run([sys.executable, "-m", "venv", str(tmp_path / "venv")], check=True)
    scripts = tmp_path / "venv" / ("Scripts" if os.name == "nt" else "bin")
    installed = subprocess.run(
        [str(scripts / "python"), *command[1:], "--quiet"],
        cwd=site,
        capture_output=True,
        text=True,
    )
    assert installed.returncode == 0, installed.stderr
    result = subprocess.run(
        [str(scripts / "mdvet"), "check", "--color", "never", "--no-cache"],
        cwd=site,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    assert [line.split(": ")[0] for line in result.stdout.splitlines()[:-1]] == [
        "_posts/2025-01-01-a.md:3:1"
    ]
