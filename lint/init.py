"""`mdvet init`: a starter configuration for the site in the current folder."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lint.discover import discover
from lint.mkdocs import load as load_mkdocs
from lint.schema.infer import collect, render
from lint.schema.resolve import detect

CONFIG_NAME = "mdvet.toml"
SCHEMA_NAME = "mdvet-schema.yaml"
CONTENT = {
    "jekyll": ["_posts/**", "_drafts/**", "*.md"],
    "hugo": ["content/**"],
    "mkdocs": ["docs/**"],
    "astro": ["src/content/**", "src/pages/**"],
    "docusaurus": ["docs/**", "blog/**", "src/pages/**"],
    None: ["**"],
}
# What a rule's message names that the site may define when it is built, and the option of
# the rule that accepts a pattern of it: LK003's undefined labels, ST006's unknown anchors.
BUILT = {
    "LK003": (re.compile(r"no definition '\[(.+)\]: \.\.\.'"), "labels"),
    "ST006": (re.compile(r"^anchor '#(.+?)' matches no heading"), "anchors"),
}
_PREFIX = re.compile(r"^([^.:/]+[.:/])[^.:/]")


@dataclass(frozen=True)
class Pattern:
    """A pattern most of a rule's hits match: what `mdvet init` proposes to accept."""

    code: str
    option: str
    pattern: str
    example: str
    count: int
    total: int
    others: tuple[tuple[str, int], ...] = ()  # other prefixes with 3 hits or more, and counts


@dataclass(frozen=True)
class Started:
    generator: str | None
    files: int
    frequent: list[tuple[str, str, int]]  # code, name, count: rules to review
    patterns: list[Pattern] = field(default_factory=list)


def built_patterns(diagnostics) -> list[Pattern]:
    """For LK003 and ST006: when more than half of a rule's hits (and at least 3) name labels
    or anchors with one prefix (`config.` in `config.post_dir`), a pattern of that prefix.
    Such names are usually made when the site is built, by a hook or a plugin."""
    found = []
    for code, (message, option) in BUILT.items():
        names = [m[1] for d in diagnostics if d.code == code and (m := message.search(d.message))]
        total = sum(1 for d in diagnostics if d.code == code)
        prefixes = Counter(m[1] for name in names if (m := _PREFIX.match(name)))
        if not prefixes:
            continue
        (prefix, count), *rest = prefixes.most_common()
        if count >= 3 and count * 2 > total:
            example = next(name for name in names if name.startswith(prefix))
            others = tuple((other, n) for other, n in rest if n >= 3)
            pattern = re.escape(prefix) + ".+"
            found.append(Pattern(code, option, pattern, example, count, total, others))
    return found


def _toml_list(values) -> str:
    return "[" + ", ".join(f'"{value}"' for value in values) + "]"


def config_text(
    generator: str | None,
    files: int,
    frequent: list[tuple[str, str, int]],
    patterns: list[Pattern] = (),  # type: ignore[assignment]
    content: list[str] | None = None,
) -> str:
    lines = [
        "# mdvet configuration, written by `mdvet init`; every key is described in the README.",
        f"# Site: {generator or 'no generator detected'}, {files} Markdown files.",
        "",
        'fail_on = "warning"',
        "",
        "# Rules that fire often on this site today. Review a sample of each: fix the files,",
        "# tune the rule under [rules.CODE], or uncomment it here to turn it off.",
        "ignore = [",
    ]
    lines += [f'  # "{code}",  # {name}: {count} problems' for code, name, count in frequent]
    lines += ["]", ""]
    for found in patterns:
        lines += [
            f"# {found.count} of the {found.total} {found.code} problems name {found.option} like "
            f"'{found.example}'. If the site defines",
            "# them when it is built (a hook or a plugin), accept them by uncommenting:",
            f"# [rules.{found.code}]",
            f"# {found.option} = ['{found.pattern}']",
        ]
        if found.others:
            seen = ", ".join(f"'{prefix}' {count}" for prefix, count in found.others)
            lines.append(f"# Other prefixes among them, to review the same way: {seen}.")
        lines.append("")
    lines += [
        "# The front-matter schema inferred from the files as they are; edit it to taste.",
        "[[schemas]]",
        f"paths = {_toml_list(content or CONTENT[generator])}",
        f'schema = "{SCHEMA_NAME}"',
        "",
    ]
    return "\n".join(lines)


def init_site(folder: Path, threshold: int) -> Started:
    """Write mdvet.toml and mdvet-schema.yaml in `folder` (which must not have them)."""
    from lint.config import resolve_settings
    from lint.runner import check_paths

    site = detect(folder.resolve())
    generator = site.generator if site is not None else None
    content = None
    if site is not None and site.generator == "mkdocs" and site.root == folder.resolve():
        mkdocs = load_mkdocs(site.root)
        docs = mkdocs.docs_dir if mkdocs is not None else "docs"
        content = ["**"] if docs == "." else [f"{docs}/**"]
    files = discover([str(folder)])
    inferred = collect(files)
    (folder / SCHEMA_NAME).write_text(
        render(inferred, folder.resolve().name or "site", str(folder), exact=True),
        encoding="utf-8",
    )
    (folder / CONFIG_NAME).write_text(
        config_text(generator, len(files), [], content=content), encoding="utf-8"
    )
    settings = resolve_settings({}, cwd=folder, config_path=folder / CONFIG_NAME).settings
    report = check_paths([str(folder)], settings, cache=False).report
    counts = Counter((d.code, d.name) for d in report.diagnostics)
    frequent = sorted(
        ((code, name, count) for (code, name), count in counts.items() if count > threshold),
        key=lambda row: (-row[2], row[0]),
    )
    patterns = built_patterns(report.diagnostics)
    (folder / CONFIG_NAME).write_text(
        config_text(generator, len(files), frequent, patterns, content), encoding="utf-8"
    )
    return Started(generator, len(files), frequent, patterns)
