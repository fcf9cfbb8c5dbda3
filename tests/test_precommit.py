"""The pre-commit hook, run by the real pre-commit against this checkout."""

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import urllib.request

import pytest

from tests.helpers import ROOT

pytestmark = pytest.mark.slow


def documented_config(rev: str) -> str:
    """The configuration docs/pre-commit.md shows, with `rev` for its placeholder commit."""
    text = (ROOT / "docs" / "pre-commit.md").read_text(encoding="utf-8")
    config = re.search(r"^```yaml\n(# \.pre-commit-config\.yaml\n.*?)^```", text, re.M | re.S)[1]
    placeholder = re.search(r"^    rev: ([0-9a-f]{40}) ", config, re.MULTILINE)[1]
    return config.replace(placeholder, rev)


def _index_reachable() -> bool:
    index = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple/")
    try:
        with urllib.request.urlopen(index.rstrip("/") + "/pyyaml/", timeout=10):
            return True
    except OSError:
        return False


def git(*args, cwd):
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def test_pre_commit_hook_fails_on_a_duplicate_tag_then_passes(tmp_path):
    if importlib.util.find_spec("pre_commit") is None or shutil.which("git") is None:
        pytest.skip("pre-commit or git is not installed")
    if not (ROOT / ".git").exists():
        pytest.skip("the project is not a git checkout")
    if not _index_reachable():
        pytest.skip("the package index is unreachable: pre-commit cannot build the hook")
    site = tmp_path / "blog"
    (site / "_posts").mkdir(parents=True)
    git("init", "-q", "-b", "main", cwd=site)
    # mdvet's source kept in the site, as the documentation says: the committed checkout
    git("clone", "-q", str(ROOT), "tools/mdvet", cwd=site)
    rev = git("rev-parse", "HEAD", cwd=site / "tools" / "mdvet").strip()
    (site / ".pre-commit-config.yaml").write_text(documented_config(rev))
    post = site / "_posts" / "2025-01-01-hello.md"
    post.write_text("---\ntitle: Hello\ntags: [news, Japan, news]\n---\n\nText.\n")
    git("add", ".pre-commit-config.yaml", "_posts", cwd=site)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color", "never"]
    failed = subprocess.run(command, cwd=site, env=env, capture_output=True, text=True)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "_posts/2025-01-01-hello.md:3:21: FM105 tags repeats 'news'" in failed.stdout
    post.write_text("---\ntitle: Hello\ntags: [news, Japan]\n---\n\nText.\n")
    passed = subprocess.run(command, cwd=site, env=env, capture_output=True, text=True)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
