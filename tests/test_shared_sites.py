"""The site of each folder is looked up once per Settings: the page contexts and the schema
presets share what was found, and the run's site planning fills it first."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.runner import check_paths
from lint.schema.resolve import Site
from lint.settings import Settings


def test_contexts_and_schema_presets_share_the_sites_found(tmp_path):
    settings = Settings(root=tmp_path)
    assert settings.contexts.sites is settings.sites_found
    assert settings.schema_resolver.sites is settings.sites_found


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        # folder (from the temporary folder) -> the generator and root of its site
        (
            {"blog/_config.yml": "title: t\n", "blog/_posts/2024-01-01-a.md": "# a\n"},
            {"blog": ("jekyll", "blog"), "blog/_posts": ("jekyll", "blog")},
        ),
        (
            {"docs/hugo.toml": 'title = "t"\n', "docs/content/a.md": "# a\n"},
            {"docs/content": ("hugo", "docs")},
        ),
    ],
)
def test_site_planning_fills_the_sites_found(tmp_path, files, expected):
    (tmp_path / ".git").mkdir()
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    settings = Settings(root=tmp_path, select=("ST",))
    check_paths([str(tmp_path)], settings, jobs=1)
    found = {
        str(folder.relative_to(tmp_path)): (site.generator, str(site.root.relative_to(tmp_path)))
        for folder, site in settings.sites_found.items()
        if isinstance(site, Site) and str(folder.relative_to(tmp_path)) in expected
    }
    assert found == expected


def test_what_the_contexts_found_first_is_kept(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.md").write_text("# a\n", encoding="utf-8")
    settings = Settings(root=tmp_path, select=("ST",))
    kept = Site("jekyll", Path("/elsewhere"))
    settings.sites_found[Path(tmp_path)] = kept
    check_paths([str(tmp_path)], settings, jobs=1)
    assert settings.sites_found[Path(tmp_path)] is kept
