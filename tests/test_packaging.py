"""The wheel carries every package; `mdvet` and `python -m lint` run the same command."""

import shutil
import subprocess
import sys

import pytest

from lint import __version__
from tests.helpers import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib


def test_every_package_is_listed_in_pyproject():
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "lint").rglob("__init__.py")
    }
    assert found | {"lint.schemas", "lint.rule_pages"} == listed


@pytest.mark.parametrize(
    "command",
    [[sys.executable, "-m", "lint"], ["mdvet"]],
    ids=["python -m lint", "mdvet"],
)
def test_installed_command_on_a_temporary_site(tmp_path, command):
    if command == ["mdvet"] and shutil.which("mdvet") is None:
        pytest.skip("mdvet is not installed on PATH")
    (tmp_path / "_posts").mkdir()
    (tmp_path / "_posts" / "ok.md").write_text("---\ntitle: ok\n---\n")
    (tmp_path / "_posts" / "bad.md").write_text("---\ntitle: a\ntitle: b\n---\n")
    version = subprocess.run([*command, "--version"], capture_output=True, text=True, check=True)
    assert version.stdout == f"mdvet {__version__}\n"
    result = subprocess.run(
        [*command, "check", "--color", "never"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith("_posts/bad.md:3:1: FM004 ")
    assert result.stderr == ""
    clean = subprocess.run(
        [*command, "check", "_posts/ok.md"], cwd=tmp_path, capture_output=True, text=True
    )
    assert (clean.returncode, clean.stdout) == (0, "no problems in 1 file\n")
