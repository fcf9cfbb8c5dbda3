"""The results cache: reused when nothing changed, invalidated by anything that matters."""

import os
import sqlite3
import subprocess
import sys
from contextlib import closing

import pytest

import lint
from lint import runner
from lint.cache import Cache, fingerprint
from lint.settings import SchemaEntry, Settings

DUP = "---\ntitle: a\ntitle: b\n---\n"
CLEAN = "---\ntitle: a\n---\n"


@pytest.fixture
def site(tmp_path):
    for i in range(3):
        (tmp_path / f"p{i}.md").write_text(DUP if i == 0 else CLEAN.replace("a", f"p{i}"))
    return tmp_path


def age(path, seconds=10):
    """Make a file look older than the cache, as files untouched since the last run are."""
    stat = os.stat(path)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 10**9))


def checked(site, settings, monkeypatch):
    """Which files were really checked (not served from the cache), and the report."""
    seen = []
    real = runner.check_file

    def spy(path, *args, **kwargs):
        seen.append(os.path.basename(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(runner, "check_file", spy)
    report = runner.check_paths([str(site)], settings, cache=True, jobs=1).report
    return sorted(seen), report


def test_unchanged_files_come_from_the_cache(site, monkeypatch):
    settings = Settings(root=site)
    first, report = checked(site, settings, monkeypatch)
    assert first == ["p0.md", "p1.md", "p2.md"]
    for path in site.glob("*.md"):
        age(path)
    second, again = checked(site, settings, monkeypatch)
    assert second == []
    assert again == report
    assert [d.code for d in again.diagnostics] == ["FM004"]


def test_a_changed_file_is_checked_again(site, monkeypatch):
    settings = Settings(root=site)
    checked(site, settings, monkeypatch)
    for path in site.glob("*.md"):
        age(path)
    (site / "p1.md").write_text(DUP)
    seen, report = checked(site, settings, monkeypatch)
    assert seen == ["p1.md"]
    # p1 now repeats p0's title: the site rules see p0 through its cached summary
    assert [(d.path[-5:], d.code) for d in report.diagnostics] == [
        ("p0.md", "ST001"),
        ("p0.md", "FM004"),
        ("p1.md", "ST001"),
        ("p1.md", "FM004"),
    ]


def test_a_touched_but_unchanged_file_is_confirmed_by_its_content(site, monkeypatch):
    settings = Settings(root=site)
    checked(site, settings, monkeypatch)
    for path in site.glob("*.md"):
        age(path, 20)
    age(site / "p2.md", 5)  # touched, same bytes
    assert checked(site, settings, monkeypatch)[0] == []


def test_a_same_size_edit_right_after_a_run_is_seen(site, monkeypatch):
    settings = Settings(root=site)
    checked(site, settings, monkeypatch)
    (site / "p1.md").write_text(CLEAN.replace("a", "b"))  # same size, same second
    # recent files are confirmed by content: only the edited one is checked again
    assert checked(site, settings, monkeypatch)[0] == ["p1.md"]


def test_settings_schemas_and_version_select_another_cache(site, monkeypatch, tmp_path):
    base = Settings(root=site)
    checked(site, base, monkeypatch)
    for path in site.glob("*.md"):
        age(path)
    assert checked(site, base, monkeypatch)[0] == []
    assert len(checked(site, Settings(root=site, ignore=("FM004",)), monkeypatch)[0]) == 3
    schema = site / "schema.yaml"
    schema.write_text("fields: {}\n")
    with_schema = Settings(root=site, schemas=(SchemaEntry(paths=("*.md",), schema="schema.yaml"),))
    assert fingerprint(with_schema) != fingerprint(base)
    before = fingerprint(with_schema)
    schema.write_text("fields: {title: {type: string}}\n")
    assert fingerprint(Settings(root=site, schemas=with_schema.schemas)) != before
    current = fingerprint(base)
    monkeypatch.setattr(lint.cache, "__version__", "99.0")
    assert fingerprint(base) != current
    # the rows of another version leave the store at the next save
    assert len(checked(site, base, monkeypatch)[0]) == 3
    assert stored(site, "SELECT DISTINCT fp FROM files") == [(fingerprint(base),)]


def stored(site, query: str) -> list[tuple]:
    with closing(sqlite3.connect(site / ".mdvet_cache" / "index.sqlite")) as db:
        return sorted(db.execute(query).fetchall())


def spoil(store, how: str) -> None:
    """Damage the store as a crash, a bad copy or an older mdvet could leave it."""
    if how == "garbage":
        store.write_bytes(b"{not a database")
    elif how == "truncated":
        store.write_bytes(store.read_bytes()[:1500])
    elif how == "empty":
        store.write_bytes(b"")
    elif how == "rows of another shape":
        with closing(sqlite3.connect(store)) as db:
            db.execute("UPDATE files SET rows = '{\"x\": 1}', summary = '[1'")
            db.execute("UPDATE sites SET rows = '[[1]]'")
            db.commit()
    elif how == "older format":
        store.unlink()
        with closing(sqlite3.connect(store)) as db:
            db.execute("CREATE TABLE files (path TEXT PRIMARY KEY, entry TEXT)")
            db.execute("INSERT INTO files VALUES ('p0.md', 'garbage')")
            db.execute("PRAGMA user_version = 2")
            db.commit()


@pytest.mark.parametrize(
    "how", ["garbage", "truncated", "empty", "rows of another shape", "older format"]
)
def test_a_broken_or_older_store_is_made_again(site, monkeypatch, how):
    settings = Settings(root=site)
    _, report = checked(site, settings, monkeypatch)
    for path in site.glob("*.md"):
        age(path)
    spoil(site / ".mdvet_cache" / "index.sqlite", how)
    seen, again = checked(site, settings, monkeypatch)
    assert (seen, again) == (["p0.md", "p1.md", "p2.md"], report)
    # and it serves the run after
    assert checked(site, settings, monkeypatch) == ([], report)


@pytest.mark.parametrize("how", ["deleted", "renamed"])
def test_deleted_and_renamed_files_leave_the_store(site, monkeypatch, how):
    settings = Settings(root=site)
    checked(site, settings, monkeypatch)
    if how == "deleted":
        (site / "p1.md").unlink()
    else:
        (site / "p1.md").rename(site / "moved.md")
    checked(site, settings, monkeypatch)
    names = [os.path.basename(path) for (path,) in stored(site, "SELECT path FROM files")]
    assert names == (["p0.md", "p2.md"] if how == "deleted" else ["moved.md", "p0.md", "p2.md"])


def test_two_concurrent_runs_share_the_cache(site):
    for i in range(200):
        (site / f"q{i}.md").write_text(DUP if i % 2 else CLEAN)
    command = [sys.executable, "-m", "lint", "check", "-q", "--exit-zero", "-j", "1", str(site)]
    runs = [
        subprocess.Popen(command, cwd=site, stdout=subprocess.PIPE, text=True) for _ in range(2)
    ]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert outputs[0] == outputs[1]
    # 101 FM004; ST001 for the 101 documents titled 'b' and the 100 titled 'a'
    assert len(outputs[0].splitlines()) == 101 + 201
    counts = "SELECT count(*), count(rows), count(summary) FROM files"
    assert stored(site, counts) == [(203, 203, 203)]
    third = subprocess.run(command, cwd=site, capture_output=True, text=True)
    assert third.stdout == outputs[0]


def test_no_cache_flag_writes_nothing(site, monkeypatch, capsys):
    from lint.cli import main

    monkeypatch.chdir(site)
    assert main(["check", "--no-cache", "-q"]) == 1
    assert not (site / ".mdvet_cache").exists()
    assert main(["check", "-q"]) == 1
    assert (site / ".mdvet_cache" / ".gitignore").read_text() == "# created by mdvet\n*\n"


def site_runs(monkeypatch) -> list[int]:
    """Counts the sites whose rules really run (not served from the cache)."""
    import lint.site.run

    runs = []
    real = lint.site.run.run_site

    def spy(site, *args, **kwargs):
        runs.append(len(site.pages))
        return real(site, *args, **kwargs)

    monkeypatch.setattr(lint.site.run, "run_site", spy)
    return runs


def test_unchanged_site_rule_results_come_from_the_cache(site, monkeypatch):
    settings = Settings(root=site)
    (site / "p2.md").write_text(CLEAN.replace("a", "p1"))  # p1 and p2: one title
    runs = site_runs(monkeypatch)
    _, report = checked(site, settings, monkeypatch)
    assert runs == [3]
    for path in site.glob("*.md"):
        age(path)
    assert checked(site, settings, monkeypatch) == ([], report)
    assert runs == [3]
    # nothing changed, not even a file's time: no file checked, no site built, no summary
    # read from the store
    monkeypatch.setattr(Cache, "_load_summaries", lambda self: pytest.fail("summaries read"))
    seen, again = checked(site, settings, monkeypatch)
    assert (seen, runs) == ([], [3])
    assert again == report
    assert [(d.path[-5:], d.code) for d in again.diagnostics] == [
        ("p0.md", "FM004"),
        ("p1.md", "ST001"),
        ("p2.md", "ST001"),
    ]


@pytest.mark.parametrize(
    ("p2_title", "expected"),
    [
        ("p1", [("p0.md", "FM004"), ("p1.md", "ST001"), ("p2.md", "ST001")]),  # a duplicate made
        ("p9", [("p0.md", "FM004")]),  # and unmade
    ],
)
def test_a_changed_member_runs_the_site_rules_again(site, monkeypatch, p2_title, expected):
    settings = Settings(root=site)
    (site / "p2.md").write_text(CLEAN.replace("a", "p2" if p2_title == "p1" else "p1"))
    checked(site, settings, monkeypatch)
    for path in site.glob("*.md"):
        age(path)
    (site / "p2.md").write_text(CLEAN.replace("a", p2_title))
    age(site / "p2.md")
    runs = site_runs(monkeypatch)
    seen, report = checked(site, settings, monkeypatch)
    # only p2 is checked again; the site's other pages come with their cached summaries
    assert (seen, runs) == (["p2.md"], [3])
    assert [(d.path[-5:], d.code) for d in report.diagnostics] == expected


def test_a_file_added_to_the_site_runs_the_site_rules_again(site, monkeypatch):
    settings = Settings(root=site)
    (site / "p1.md").write_text(CLEAN.replace("a", "p1") + "![chart](img/chart.png)\n")
    (site / "img").mkdir()
    (site / "img" / "logo.png").write_bytes(b"")
    _, report = checked(site, settings, monkeypatch)
    assert [d.code for d in report.diagnostics] == ["FM004", "ST005"]
    for path in site.glob("*.md"):
        age(path)
    (site / "img" / "chart.png").write_bytes(b"")  # a change to img/, not to any page
    runs = site_runs(monkeypatch)
    seen, report = checked(site, settings, monkeypatch)
    assert (seen, runs) == ([], [3])
    assert [d.code for d in report.diagnostics] == ["FM004"]


def test_named_files_of_no_site_are_not_served_site_results(tmp_path, monkeypatch):
    # no walk saw the folder, so a file added to it could go unnoticed: the rules run again
    (tmp_path / "a.md").write_text(CLEAN + "![chart](img/chart.png)\n")
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "logo.png").write_bytes(b"")
    settings = Settings(root=tmp_path)
    named = [str(tmp_path / "a.md")]
    first = runner.check_paths(named, settings, cache=True, jobs=1).report
    assert [d.code for d in first.diagnostics] == ["ST005"]
    age(tmp_path / "a.md")
    (tmp_path / "img" / "chart.png").write_bytes(b"")
    runs = site_runs(monkeypatch)
    again = runner.check_paths(named, settings, cache=True, jobs=1).report
    assert (runs, again.diagnostics) == ([1], ())


def test_a_resident_index_reads_only_the_buffer_again(site, monkeypatch):
    """The language server keeps the site's members and summaries in memory: a keystroke
    summarises the buffer alone, and the site rules see its new text."""
    (site / ".git").mkdir()  # a repository: its files are one site
    settings = Settings(root=site)
    resident = runner.Resident()
    seen = []
    real = runner.check_file
    monkeypatch.setattr(
        runner, "check_file", lambda path, *a, **k: seen.append(path) or real(path, *a, **k)
    )

    def keystroke(title: str) -> list[tuple[str, str]]:
        seen.clear()
        outcome = runner.check_paths(
            (),
            settings,
            stdin=CLEAN.replace("a", title).encode(),
            stdin_filename=str(site / "p2.md"),
            jobs=1,
            resident=resident,
        )
        return [(d.path[-5:], d.code) for d in outcome.report.diagnostics]

    assert keystroke("p1") == [("p2.md", "ST001")]
    assert sorted(os.path.basename(path) for path in seen) == ["p0.md", "p1.md"]
    assert keystroke("p9") == []
    pages = dict(resident.pages[str(site)])
    assert keystroke("p1") == [("p2.md", "ST001")]
    assert seen == []
    # the site's pages are made again only for the buffer
    again = resident.pages[str(site)]
    assert [again[rel] is pages[rel] for rel in ("p0.md", "p1.md", "p2.md")] == [True, True, False]
    # a page the server has not seen yet, in the same folder: a member from now on
    new = str(site / "new.md")
    outcome = runner.check_paths(
        (), settings, stdin=DUP.encode(), stdin_filename=new, jobs=1, resident=resident
    )
    assert [d.code for d in outcome.report.diagnostics] == ["ST001", "FM004"]


POSTS = {
    "_config.yml": "title: a blog\n",
    "about.md": "---\ntitle: About\n---\n## Team\n",
    "_posts/2025-01-02-a.md": "---\ntitle: Trade\ntags: [trade]\n---\n",
    "_posts/2025-01-03-b.md": "---\ntitle: Markets\ntags: [Trade]\ncategories: [Markets]\n---\n",
    "_posts/2025-01-04-c.md": "---\ntitle: Rates\ntags: [trade]\ncategories: [Markets]\n---\n",
}
BUFFER = "---\n{}---\n{}\n"
PLAIN = "title: Dollar\ntags: [trade]\n"
LINK = "[about](/about.html#team)"


# each edit of the buffer in turn: its front matter, its body, the site rules' codes after
# it, and whether the kept site was brought up to date in place (not built again)
EDITS = [
    (PLAIN, LINK, [], True),
    ("title: trade \n", LINK, ["ST001"], True),  # a title made duplicate
    (PLAIN, LINK, [], True),  # fixed
    ("title: Dollar\ntags: [TRADE]\n", LINK, ["ST003"], True),  # a tag variant added
    ("title: Dollar\ntags: [Trade]\n", LINK, [], True),  # a tie: the first in order wins
    (PLAIN, "[about](/about.html#nope)", ["ST006"], True),  # an anchor broken
    (PLAIN, "[gone](/gone.html)", ["ST005"], True),  # a link broken
    (PLAIN, "## Here\n[here](#here)", [], True),
    (PLAIN, "## There\n[here](#here)", ["ST006"], True),  # the page's own heading changed
    # the URL changes: built again; the link now leads to the buffer, which has no #team
    (PLAIN + "permalink: /about.html\n", LINK, ["ST002", "ST006"], False),
    ("title: Rates\ncategories: [markets]\n", LINK, ["ST001", "ST004"], False),
    ("title: Dollar\ncategories: [markets]\n", LINK, ["ST004"], True),
    (PLAIN, LINK, [], False),
]


def test_a_resident_site_brought_up_to_date_equals_a_site_built_afresh(tmp_path):
    """The resident run after each edit gives exactly the diagnostics of a fresh run."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "_posts").mkdir()
    for name, text in POSTS.items():
        (tmp_path / name).write_text(text)
    buffer = tmp_path / "_posts" / "2025-01-05-d.md"
    buffer.write_text(BUFFER.format(PLAIN, LINK))
    settings = Settings(root=tmp_path)
    resident = runner.Resident()

    def run(text: str, resident: runner.Resident | None):
        return runner.check_paths(
            (), settings, stdin=text.encode(), stdin_filename=str(buffer), jobs=1, resident=resident
        ).report.diagnostics

    run(BUFFER.format(PLAIN, LINK), resident)
    seen = []
    for front_matter, body, _, _ in EDITS:
        text = BUFFER.format(front_matter, body)
        _, kept = resident.sites[str(tmp_path)]
        found = run(text, resident)
        assert found == run(text, None), text
        site_codes = [d.code for d in found if d.code.startswith("ST")]
        seen.append((front_matter, body, site_codes, resident.sites[str(tmp_path)][1] is kept))
    assert seen == EDITS


# buffers in turn, as an editor switches between documents: the file (a new one is not on
# disk), its text, the site rules' codes, and whether the kept site was updated in place
SWITCHES = [
    ("_posts/2025-01-05-d.md", BUFFER.format("title: Trade\n", LINK), ["ST001"], True),
    ("_posts/2025-01-02-a.md", BUFFER.format("title: Trade\n", LINK), [], True),
    ("_posts/2025-01-09-new.md", BUFFER.format("title: Rates\n", LINK), ["ST001"], False),
    (
        "_posts/2025-01-03-b.md",
        BUFFER.format("title: Markets\ncategories: [Markets]\n", "[x](/y.html)"),
        ["ST005"],
        False,
    ),
    ("_posts/2025-01-05-d.md", BUFFER.format("title: Dollar\n", LINK), [], True),
]


def test_a_resident_site_follows_the_buffers_an_editor_switches_between(tmp_path):
    """The page reported before is read from disk again: the same diagnostics as a fresh run."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "_posts").mkdir()
    for name, text in POSTS.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "_posts" / "2025-01-05-d.md").write_text(BUFFER.format(PLAIN, LINK))
    settings = Settings(root=tmp_path)
    resident = runner.Resident()

    def run(name: str, text: str, resident: runner.Resident | None):
        named = str(tmp_path / name)
        return runner.check_paths(
            (), settings, stdin=text.encode(), stdin_filename=named, jobs=1, resident=resident
        ).report.diagnostics

    run("_posts/2025-01-05-d.md", BUFFER.format(PLAIN, LINK), resident)
    seen = []
    for name, text, _, _ in SWITCHES:
        _, kept = resident.sites[str(tmp_path)]
        found = run(name, text, resident)
        assert found == run(name, text, None), name
        site_codes = [d.code for d in found if d.code.startswith("ST")]
        seen.append((name, text, site_codes, resident.sites[str(tmp_path)][1] is kept))
    assert seen == SWITCHES
