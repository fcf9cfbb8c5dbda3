"""Site rules run again only for the pages a change can reach (lint.site.incremental): after
each kind of one-file edit, a cached run reports exactly what a run without the cache does,
and runs the site rules for the pages the table names (None: every page, the change reaching
beyond the keys a page's face holds; an empty set: none, the edit changing nothing the site
rules read)."""

import os
import sqlite3
from contextlib import closing
from dataclasses import astuple

import pytest

from lint import runner
from lint.cli import main
from lint.settings import Settings
from lint.site import incremental
from lint.site import run as site_run

SITE = {
    "_config.yml": "title: Site\n",
    "a.md": "---\ntitle: Alpha\ntags: [trade, bonds]\n---\n# Alpha\n\n## Getting started\n\n"
    "See [the details](b.md#details).\n",
    "b.md": "---\ntitle: Beta\ntags: [trade]\n---\n## Details\n\nBack to [a](a.md#getting-started).\n",
    "c.md": "---\ntitle: Gamma\ntags: [Trade]\n---\nSee [a](a.md).\n",
    "d.md": "---\ntitle: Delta\ncategories: [Markets]\n---\nText.\n",
    "e.md": "---\ntitle: Epsilon\n---\nPlain.\n",
    "f.md": "---\ntitle: Beta\n---\nA copy.\n",
    "h.md": '---\ntitle: Eta\n---\nSee [x](gone.md "Old").\n',
}

EDITS = [
    # (what, file, new content (None: deleted), pages the site rules run for again)
    ("title made duplicate", "e.md", "---\ntitle: Alpha\n---\nPlain.\n", {"a.md", "e.md"}),
    ("title made unique", "f.md", "---\ntitle: Phi\n---\nA copy.\n", {"b.md", "f.md"}),
    (
        "heading removed that another page links to",
        "b.md",
        "---\ntitle: Beta\ntags: [trade]\n---\nBack to [a](a.md#getting-started).\n",
        {"a.md", "b.md"},
    ),
    (
        "anchor renamed",
        "a.md",
        "---\ntitle: Alpha\ntags: [trade, bonds]\n---\n# Alpha\n\n## Start here\n\n"
        "See [the details](b.md#details).\n",
        {"a.md", "b.md"},
    ),
    ("link added to a missing page", "e.md", "---\ntitle: Epsilon\n---\n[x](gone.md)\n", {"e.md"}),
    (
        "tag spelling variant",
        "d.md",
        "---\ntitle: Delta\ncategories: [Markets]\ntags: [Trade]\n---\nText.\n",
        {"a.md", "b.md", "c.md", "d.md"},
    ),
    (
        "tag variant mended",
        "c.md",
        "---\ntitle: Gamma\ntags: [trade]\n---\nSee [a](a.md).\n",
        {"a.md", "b.md", "c.md"},
    ),
    (
        "category spelling variant",
        "e.md",
        "---\ntitle: Epsilon\ncategories: [markets]\n---\nPlain.\n",
        {"d.md", "e.md"},
    ),
    # the site rules read nothing these edits change: no page runs them again, the changed
    # page's snippets are read again
    ("prose appended", "a.md", SITE["a.md"] + "\nAn edit.\n", set()),
    ("link title changed", "h.md", SITE["h.md"].replace("Old", "New"), set()),
    ("URL changed", "e.md", "---\ntitle: Epsilon\npermalink: /a.html\n---\nPlain.\n", None),
    ("page deleted", "c.md", None, None),
    ("page added", "g.md", "---\ntitle: Gamma\n---\nNew.\n", None),
]


def write(root, files):
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    write(root, SITE)
    return root


def run(root, monkeypatch, cache=True, settings=None):
    """The diagnostics of a run over the site, whole (Diagnostic compares only where and
    which), and the pages the site rules ran for (None when they ran for every page)."""
    ran: list[set[str]] = []
    real = site_run.run_site

    def spy(site, rules, settings, read):
        ran.append({page.rel for page in site.reported})
        return real(site, rules, settings, read)

    monkeypatch.setattr(site_run, "run_site", spy)
    monkeypatch.chdir(root)
    settings = settings or Settings(root=root)
    outcome = runner.check_paths(["."], settings, cache=cache, jobs=1)
    everyone = {path.relative_to(root).as_posix() for path in root.rglob("*.md")}
    pages = set() if not ran else None if ran[-1] == everyone else ran[-1]
    return [astuple(d) for d in outcome.report.diagnostics], pages


def edit(root, name, text):
    if text is None:
        os.remove(root / name)
    else:
        (root / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("what", "name", "text", "rechecked"), EDITS, ids=[e[0] for e in EDITS])
def test_an_edit_reports_what_a_run_without_the_cache_does(
    site, monkeypatch, what, name, text, rechecked
):
    run(site, monkeypatch)
    edit(site, name, text)
    found, pages = run(site, monkeypatch)
    expected, _ = run(site, monkeypatch, cache=False)
    assert found == expected
    assert pages == rechecked
    again, pages = run(site, monkeypatch)  # the site's results are kept whole: not run at all
    assert again == expected
    assert pages == set()


def test_a_rename_runs_every_page_again(site, monkeypatch):
    run(site, monkeypatch)
    os.rename(site / "e.md", site / "e2.md")
    found, pages = run(site, monkeypatch)
    assert pages is None
    assert found == run(site, monkeypatch, cache=False)[0]


def test_a_site_rule_comparing_every_page_runs_them_all_again(site, monkeypatch):
    """ST008 reads every page's links: no edit is kept to its page."""
    settings = Settings(root=site, extend_select=("ST008",))
    run(site, monkeypatch, settings=settings)
    edit(site, "a.md", SITE["a.md"] + "[x](gone.md)\n")
    found, pages = run(site, monkeypatch, settings=settings)
    assert pages is None
    assert found == run(site, monkeypatch, cache=False, settings=settings)[0]


def test_edits_in_a_row_keep_the_results_right(site, monkeypatch):
    run(site, monkeypatch)
    for _, name, text, _ in EDITS:
        edit(site, name, text)
        found, _ = run(site, monkeypatch)
        assert found == run(site, monkeypatch, cache=False)[0], name


def test_only_named_files_reported_keep_the_others_right(site, monkeypatch):
    """A run that reports on one file finds the others' results again later: the pages a
    change reached but that were not reported keep no results."""
    run(site, monkeypatch)
    edit(site, "e.md", "---\ntitle: Alpha\n---\nPlain.\n")
    monkeypatch.chdir(site)
    runner.check_paths(["e.md"], Settings(root=site), cache=True, jobs=1)
    found, pages = run(site, monkeypatch)
    assert pages == {"a.md"}
    assert found == run(site, monkeypatch, cache=False)[0]


# the edits that change what the pages depending on the edited one report
REACHING = [
    "title made duplicate",
    "title made unique",
    "heading removed that another page links to",
    "anchor renamed",
    "tag spelling variant",
]


@pytest.mark.parametrize(
    ("what", "name", "text", "rechecked"),
    [e for e in EDITS if e[0] in REACHING],
    ids=REACHING,
)
def test_without_the_dependents_the_results_go_wrong(
    site, monkeypatch, what, name, text, rechecked
):
    """The table above can fail: when only the changed page runs again, the pages that
    depend on it keep results that no longer hold."""
    run(site, monkeypatch)
    real = incremental.affected

    def changed_only(site_, records, hashes):
        found = real(site_, records, hashes)
        return None if found is None else {rel for rel in found if records[rel].hash != hashes[rel]}

    monkeypatch.setattr(incremental, "affected", changed_only)
    edit(site, name, text)
    found, _ = run(site, monkeypatch)
    assert found != run(site, monkeypatch, cache=False)[0]


# A run recorded whole (lint.cache.replay) after an edit: the edited files are checked again
# alone when their summaries are as they were (lint.runner.patch_run), else the run is made.
PATCHES = [
    # (what, file, new content, the paths checked, the files checked again)
    ("prose appended", "a.md", SITE["a.md"] + "\nAn edit.\n", ".", ["a.md"]),
    ("link title changed", "h.md", SITE["h.md"].replace("Old", "New"), ".", ["h.md"]),
    ("a problem of its own", "e.md", SITE["e.md"] + "See [nowhere][].\n", ".", ["e.md"]),
    ("a member not reported on", "b.md", SITE["b.md"] + "See [nowhere][].\n", "a.md", ["b.md"]),
    ("a title changed", "e.md", "---\ntitle: Alpha\n---\nPlain.\n", ".", None),
    ("a link added", "a.md", SITE["a.md"] + "[x](gone.md)\n", ".", None),
]


def cli(root, monkeypatch, capsys, *args):
    """The exit code and output (gitlab's, whose fingerprints hold the snippets) of a run,
    and the files it checked (None: a run made whole)."""
    checked, made = [], []
    real_check, real_paths = runner.check_file, runner.check_paths

    def check_file(path, *a, **k):
        checked.append(os.path.basename(path))
        return real_check(path, *a, **k)

    def check_paths(*a, **k):
        made.append(1)
        return real_paths(*a, **k)

    monkeypatch.setattr(runner, "check_file", check_file)
    monkeypatch.setattr(runner, "check_paths", check_paths)
    monkeypatch.chdir(root)
    code = main(["check", "--format", "gitlab", *args])
    return code, capsys.readouterr().out, None if made else sorted(checked)


@pytest.mark.parametrize(
    ("what", "name", "text", "target", "rechecked"), PATCHES, ids=[p[0] for p in PATCHES]
)
def test_an_edit_after_a_recorded_run(
    site, monkeypatch, capsys, what, name, text, target, rechecked
):
    (site / ".git").mkdir()
    cli(site, monkeypatch, capsys, target)
    edit(site, name, text)
    code, out, checked = cli(site, monkeypatch, capsys, target)
    assert checked == rechecked
    assert (code, out) == cli(site, monkeypatch, capsys, target, "--no-cache")[:2]
    assert cli(site, monkeypatch, capsys, target) == (code, out, [])  # replayed as it is now
    edit(site, "e.md", "---\ntitle: Beta\n---\nPlain.\n")  # a change the record cannot take
    code, out, checked = cli(site, monkeypatch, capsys, target)
    assert checked is None
    assert (code, out) == cli(site, monkeypatch, capsys, target, "--no-cache")[:2]


# Edits in a row, each checked alone: the record takes each as a patch over the last
EDITS_IN_A_ROW = [
    # (file, new content)
    ("a.md", SITE["a.md"] + "\nAn edit.\n"),
    ("e.md", SITE["e.md"] + "See [nowhere][].\n"),  # a problem of its own
    ("a.md", SITE["a.md"] + "\nAnother edit.\n"),
    ("e.md", SITE["e.md"]),  # the problem gone again
]


def test_edits_in_a_row_after_a_recorded_run(site, monkeypatch, capsys):
    (site / ".git").mkdir()
    cli(site, monkeypatch, capsys, ".")
    for name, text in EDITS_IN_A_ROW:
        edit(site, name, text)
        code, out, checked = cli(site, monkeypatch, capsys, ".")
        assert checked == [name]
        assert (code, out) == cli(site, monkeypatch, capsys, ".", "--no-cache")[:2]
        assert cli(site, monkeypatch, capsys, ".") == (code, out, [])  # replayed as it is now
    os.utime(site / "b.md")  # touched only: the record is stamped again, its patch taken in
    assert cli(site, monkeypatch, capsys, ".") == (code, out, [])
    edit(site, "a.md", SITE["a.md"])
    code, out, checked = cli(site, monkeypatch, capsys, ".")
    assert checked == ["a.md"]
    assert (code, out) == cli(site, monkeypatch, capsys, ".", "--no-cache")[:2]
    assert cli(site, monkeypatch, capsys, ".") == (code, out, [])


def test_a_hugo_cascade_runs_every_page_again(tmp_path, monkeypatch):
    """A section's `cascade` decides whether the pages below it render: beyond its page."""
    files = {
        "hugo.toml": "title = 'Site'\n",
        "content/docs/_index.md": "---\ntitle: Docs\n---\n",
        "content/docs/a.md": "---\ntitle: A\n---\nSee [b](/docs/b/).\n",
        "content/docs/b.md": "---\ntitle: B\n---\nB.\n",
    }
    (tmp_path / "content" / "docs").mkdir(parents=True)
    write(tmp_path, files)
    run(tmp_path, monkeypatch)
    cascade = "---\ntitle: Docs\ncascade:\n  build:\n    render: never\n---\n"
    edit(tmp_path, "content/docs/_index.md", cascade)
    found, pages = run(tmp_path, monkeypatch)
    assert pages is None
    assert found == run(tmp_path, monkeypatch, cache=False)[0]


@pytest.mark.parametrize(
    ("column", "value"),
    [("face", "{not json"), ("rows", "[[1, 2"), ("face", "[[1], []]"), ("rows", '[["x"]]')],
)
def test_damaged_page_results_are_found_again(site, monkeypatch, column, value):
    run(site, monkeypatch)
    with closing(sqlite3.connect(site / ".mdvet_cache" / "index.sqlite")) as db:
        db.execute(f"UPDATE pages SET {column} = ?", (value,))
        db.commit()
    for text in (SITE["a.md"] + "\nAn edit.\n", "---\ntitle: Beta\n---\n"):
        edit(site, "a.md", text)
        found, _ = run(site, monkeypatch)
        assert found == run(site, monkeypatch, cache=False)[0]
