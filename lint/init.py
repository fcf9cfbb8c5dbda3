"""`mdvet init`: a starter configuration for the site in the current folder."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lint.discover import discover
from lint.schema.infer import collect, render
from lint.schema.resolve import detect

CONFIG_NAME = "mdvet.toml"
SCHEMA_NAME = "mdvet-schema.yaml"
CONTENT = {
    "jekyll": ["_posts/**", "_drafts/**", "*.md"],
    "hugo": ["content/**"],
    "astro": ["src/content/**", "src/pages/**"],
    "docusaurus": ["docs/**", "blog/**", "src/pages/**"],
    None: ["**"],
}


@dataclass(frozen=True)
class Started:
    generator: str | None
    files: int
    frequent: list[tuple[str, str, int]]  # code, name, count: rules to review


def _toml_list(values) -> str:
    return "[" + ", ".join(f'"{value}"' for value in values) + "]"


def config_text(generator: str | None, files: int, frequent: list[tuple[str, str, int]]) -> str:
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
    lines += [
        "]",
        "",
        "# The front-matter schema inferred from the files as they are; edit it to taste.",
        "[[schemas]]",
        f"paths = {_toml_list(CONTENT[generator])}",
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
    files = discover([str(folder)])
    inferred = collect(files)
    (folder / SCHEMA_NAME).write_text(
        render(inferred, folder.resolve().name or "site", str(folder), exact=True),
        encoding="utf-8",
    )
    (folder / CONFIG_NAME).write_text(config_text(generator, len(files), []), encoding="utf-8")
    settings = resolve_settings({}, cwd=folder, config_path=folder / CONFIG_NAME).settings
    report = check_paths([str(folder)], settings, cache=False).report
    counts = Counter((d.code, d.name) for d in report.diagnostics)
    frequent = sorted(
        ((code, name, count) for (code, name), count in counts.items() if count > threshold),
        key=lambda row: (-row[2], row[0]),
    )
    (folder / CONFIG_NAME).write_text(
        config_text(generator, len(files), frequent), encoding="utf-8"
    )
    return Started(generator, len(files), frequent)
