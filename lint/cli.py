"""The `mdvet` command. Thin: click parses, pure functions work, the result is an exit code."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

import click

from lint import __version__
from lint.model import Report, SettingsError, Severity

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select A,B --select C` gives (A, B, C)."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def fails(report: Report, fail_on: Severity) -> bool:
    return any(d.severity.rank >= fail_on.rank for d in report.diagnostics)


class LazyGroup(click.Group):
    """Subcommand groups imported only when used, so `mdvet check` starts quickly."""

    lazy: ClassVar[dict[str, tuple[str, str]]] = {"schema": ("lint.schema.cli", "schema_group")}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted([*super().list_commands(ctx), *self.lazy])

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy:
            import importlib

            module, attribute = self.lazy[name]
            return getattr(importlib.import_module(module), attribute)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="mdvet", message="%(prog)s %(version)s")
def cli() -> None:
    """Lint Markdown content and validate its front matter."""


def config_options(command):
    """--config FILE and --isolated, shared by the commands that read configuration."""
    command = click.option("--isolated", is_flag=True, help="Ignore every configuration file.")(
        command
    )
    return click.option(
        "--config",
        "config_path",
        type=click.Path(exists=True, dir_okay=False),
        help="Read this configuration file instead of looking for one.",
    )(command)


def load_settings(overrides: dict, config_path: str | None, isolated: bool):
    """The effective settings, or a usage error (exit 2) that names the file and line."""
    from lint.config import resolve_settings

    try:
        resolved = resolve_settings(
            overrides,
            cwd=Path.cwd(),
            config_path=Path(config_path) if config_path else None,
            isolated=isolated,
        )
    except SettingsError as err:
        raise settings_error(err) from None
    for note in resolved.notes:
        click.echo(f"mdvet: note: {note}", err=True)
    return resolved


def settings_error(err: Exception) -> click.ClickException:
    """A configuration mistake as a one-line usage error: a quoted key or value holding a line
    break is written with escapes, as in the text output."""
    from lint.formatters.text import one_line

    return click.ClickException(one_line(str(err)))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, allow_dash=True))
@click.option(
    "--format",
    "format_name",
    default="auto",
    show_default=True,
    type=click.Choice(["auto", "text", "json", "github", "sarif", "junit", "gitlab"]),
    help="Output format; auto is github under GitHub Actions, text elsewhere.",
)
@click.option(
    "--output-file",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="Write the output to FILE instead of standard output.",
)
@click.option(
    "--select", multiple=True, help="Rules to run: codes, code prefixes or names (comma-separated)."
)
@click.option("--extend-select", multiple=True, help="Rules to run on top of the selected ones.")
@click.option("--ignore", multiple=True, help="Rules not to run: codes, code prefixes or names.")
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    default=None,
    help="Lowest severity that makes the exit code 1 [default: warning].",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when problems are found.")
@click.option("--fix", is_flag=True, help="Apply safe fixes, then report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply unsafe fixes too.")
@click.option(
    "--diff", is_flag=True, help="Print what --fix would change and write nothing (exit 1 if any)."
)
@click.option("--quiet", "-q", is_flag=True, help="Print problems only, without the summary line.")
@click.option(
    "--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True
)
@click.option(
    "--stdin-filename",
    metavar="NAME",
    help="With path '-': check standard input as the file NAME, site-wide rules included.",
)
@click.option(
    "--changed-since",
    metavar="REF",
    help="Check only files changed since a git ref, and new ones; the site rules also report "
    "on files linking to pages removed since.",
)
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False),
    help="Report only problems that the baseline file (from 'mdvet baseline') does not hold.",
)
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply exclude patterns to files named on the command line too (for pre-commit).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes [default: one per core].",
)
@click.option("--no-cache", is_flag=True, help="Check every file, ignoring .mdvet_cache/.")
@click.option(
    "--site-root",
    type=click.Path(exists=True, file_okay=False),
    help="The site's folder for site-wide checks [default: the generator's root folder].",
)
@click.option(
    "--generator",
    type=click.Choice(["auto", "jekyll", "hugo", "mkdocs", "astro", "docusaurus", "generic"]),
    default=None,
    help="The site's generator [default: auto, by _config.yml, hugo.toml ...].",
)
@click.option(
    "--site-report",
    is_flag=True,
    help="Print a summary of the site: tags and categories, orphan and most-linked pages.",
)
@click.option(
    "--plugin",
    "plugins",
    multiple=True,
    metavar="PLUGIN",
    help="Load rules from a plugin: a module path or an installed `mdvet.rules` entry point.",
)
@click.option(
    "--online/--no-online",
    default=None,
    help="Also request the links to other sites (LK008-LK011) [default: the `online` setting].",
)
@config_options
def check(
    paths,
    format_name,
    output_file,
    select,
    extend_select,
    ignore,
    fail_on,
    exit_zero,
    fix,
    unsafe_fixes,
    diff,
    quiet,
    color,
    stdin_filename,
    changed_since,
    baseline_path,
    force_exclude,
    jobs,
    no_cache,
    site_root,
    generator,
    site_report,
    plugins,
    online,
    config_path,
    isolated,
) -> int:
    """Check Markdown files and folders (default: the current folder)."""
    overrides: dict = {}
    for key, values in (("select", select), ("extend_select", extend_select), ("ignore", ignore)):
        if values:
            overrides[key] = _split(values)
    if fail_on:
        overrides["fail_on"] = fail_on
    if plugins:
        overrides["plugins"] = _split(plugins)
    if site_root:
        overrides["site_root"] = os.path.abspath(site_root)
    if generator:
        overrides["generator"] = generator
    if online is not None:
        overrides["online"] = online
    if "-" in paths and len(paths) > 1:
        raise click.UsageError("'-' (standard input) cannot be combined with other paths")
    known = _read_baseline(baseline_path) if baseline_path else None
    # a run that writes nothing and reads only files replays its recorded result while none
    # of what it read has changed, without loading the settings or the rules
    key = replayed = None
    if not (no_cache or fix or diff or site_report or changed_since or "-" in paths):
        from lint.cache import replay, run_key

        key = run_key(os.getcwd(), [paths, overrides, config_path, isolated, force_exclude])
        replayed = replay(key, os.getcwd())
    stdin = outcome = resolved = report = None
    if replayed is not None and not replayed.changed:
        report = Report(tuple(replayed.diagnostics), replayed.files)
        fail_on = Severity(replayed.fail_on)
    elif replayed is not None:  # some files it checked changed: checked again alone if it can
        from lint.runner import patch_run

        resolved = load_settings(overrides, config_path, isolated)
        report = patch_run(replayed, resolved.settings, os.getcwd())
        fail_on = resolved.settings.fail_on
    if report is None:
        from lint.runner import check_paths

        resolved = resolved or load_settings(overrides, config_path, isolated)
        changes = _changes(changed_since) if changed_since else None
        stdin = sys.stdin.buffer.read() if paths == ("-",) else None
        config = [str(resolved.config.path)] if resolved.config is not None else []
        config += map(str, resolved.markdownlint_files)
        outcome = check_paths(
            paths or (".",),
            resolved.settings,
            stdin=stdin,
            stdin_filename=stdin_filename,
            fix=fix,
            diff=diff,
            unsafe=unsafe_fixes,
            only=changes.changed if changes else None,
            removed=changes.removed if changes else None,
            force_exclude=force_exclude,
            jobs=jobs,
            cache=not no_cache,
            site_report=site_report,
            record=(key, config) if key is not None else None,
        )
        if diff:
            click.echo("".join(outcome.diffs), nl=False)
            return EXIT_PROBLEMS if outcome.diffs else EXIT_CLEAN
        report, fail_on = outcome.report, resolved.settings.fail_on
    if known is not None:
        from lint.baseline import new_problems

        report = Report(tuple(new_problems(report.diagnostics, known)), report.files_checked)
    if format_name == "auto":
        format_name = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    stream = click.open_file(output_file, "w", encoding="utf-8") if output_file else None
    to_stderr = fix and stdin is not None  # standard output carries the fixed document
    use_color = color == "always" or (color == "auto" and stream is None and sys.stdout.isatty())
    if format_name == "text" and quiet:
        from lint.formatters.text import format_text

        text = format_text(report, use_color, with_summary=False)
    else:
        from lint.formatters import formatter

        text = formatter(format_name)(report, use_color)
    if fix and format_name == "text" and not quiet and outcome.fixed:
        files = len(outcome.changed) if stdin is None else 1
        text = (
            f"fixed {outcome.fixed} problem{'s' * (outcome.fixed != 1)} in {files} file{'s' * (files != 1)}\n"
            + text
        )
    if site_report:  # before the text report; beside any other format, on standard error
        from lint.site.report import site_report as render_report

        if format_name == "text" and stream is None and not to_stderr:
            text = render_report(outcome.sites) + text
        else:
            click.echo(render_report(outcome.sites), nl=False, err=True)
    if to_stderr:
        sys.stdout.write(outcome.stdin_text or "")
        sys.stdout.flush()
    if stream is not None:
        with stream:
            stream.write(text)
    else:
        click.echo(text, nl=False, color=use_color, err=to_stderr)
    if exit_zero or not fails(report, fail_on):
        return EXIT_CLEAN
    return EXIT_PROBLEMS


def _read_baseline(path: str):
    from lint.baseline import BaselineError, load

    try:
        return load(Path(path))
    except BaselineError as err:
        raise click.ClickException(str(err)) from None


def _changes(ref: str):
    from lint.vcs import GitError, changed_since

    try:
        return changed_since(ref, Path.cwd())
    except GitError as err:
        raise click.ClickException(f"--changed-since {ref}: {err}") from None


@cli.command("baseline")
@click.argument("file", type=click.Path(dir_okay=False))
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@config_options
def baseline_command(file, paths, config_path, isolated) -> int:
    """Record today's problems in FILE, for 'mdvet check --baseline FILE'."""
    from lint.baseline import dump
    from lint.runner import check_paths

    settings = load_settings({}, config_path, isolated).settings
    report = check_paths(paths or (".",), settings).report
    Path(file).write_text(dump(report.diagnostics), encoding="utf-8")
    count = len(report.diagnostics)
    click.echo(f"recorded {count} problem{'s' * (count != 1)} in {file}", err=True)
    return EXIT_CLEAN


@cli.command("init")
@click.option(
    "--threshold",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="List rules that fire more than this many times for review.",
)
def init_command(threshold: int) -> int:
    """Write a starter mdvet.toml (and an inferred front-matter schema) for this site."""
    from lint.init import CONFIG_NAME, SCHEMA_NAME, init_site

    folder = Path.cwd()
    existing = [name for name in (CONFIG_NAME, SCHEMA_NAME) if (folder / name).exists()]
    if existing:
        raise click.ClickException(f"{existing[0]} already exists; remove it to start again")
    started = init_site(folder, threshold)
    click.echo(
        f"wrote {CONFIG_NAME} and {SCHEMA_NAME} for {started.files} files "
        f"({started.generator or 'no generator detected'})"
    )
    for code, name, count in started.frequent:
        click.echo(f"  review {code} {name}: {count} problems")
    for found in started.patterns:
        click.echo(
            f"  {found.count} of {found.total} {found.code} problems name {found.option} like "
            f"'{found.example}': see [rules.{found.code}] in {CONFIG_NAME}"
        )
    return EXIT_CLEAN


@cli.command("config")
@click.argument("path", required=False, type=click.Path(exists=True))
@config_options
def config_command(path, config_path, isolated) -> int:
    """Print the effective configuration and where each value came from; with PATH, the
    configuration of that file or folder (markdownlint configurations in sub-folders apply
    to the files under them)."""
    import json

    from lint.markdownlint import nested_configurations

    resolved = load_settings({}, config_path, isolated)
    source = resolved.config.path if resolved.config else "none (defaults)"
    click.echo(f"# configuration file: {source}")
    if resolved.markdownlint is not None:
        click.echo(f"# markdownlint configuration: {resolved.markdownlint}")
    settings, origins = resolved.settings, dict(resolved.origins)
    layers = settings._layers
    if layers is not None:
        for folder, files in nested_configurations(layers):
            named = ", ".join(map(str, files))
            click.echo(f"# markdownlint configuration for {folder}{os.sep}: {named}")
    if path is not None and layers is not None:
        target = os.path.join(path, "-") if os.path.isdir(path) else path
        _folders, levels = layers.levels(target)
        if levels:
            try:
                settings = settings.for_path(target)
            except SettingsError as err:
                raise settings_error(err) from None
            _values, files, notes = layers.values(levels)
            for note in notes:
                click.echo(f"mdvet: note: {note}", err=True)
            before = resolved.settings.model_dump(mode="json", by_alias=True)
            after = settings.model_dump(mode="json", by_alias=True)
            for key in after:
                if after[key] != before[key]:
                    origins[key] = " and ".join(map(str, files)) + (
                        f" and {origins[key]}" if key in origins else ""
                    )
    data = settings.model_dump(mode="json", by_alias=True)
    for key, value in data.items():
        origin = origins.get(key, "default")
        click.echo(f"{key} = {json.dumps(value, ensure_ascii=False)}  # {origin}")
    return EXIT_CLEAN


@cli.group("migrate")
def migrate_group() -> None:
    """Write mdvet configuration equivalent to another linter's."""


@migrate_group.command("markdownlint")
@click.argument("folder", default=".", type=click.Path(exists=True, file_okay=False))
def migrate_markdownlint(folder: str) -> int:
    """Print the mdvet.toml settings equivalent to FOLDER's markdownlint configuration, and
    list on standard error what cannot carry over."""
    from lint import markdownlint
    from lint.rules import builtin

    path, notes = markdownlint.find(Path(folder))
    if path is None:
        for note in notes:
            click.echo(f"mdvet: note: {note}", err=True)
        raise click.ClickException(f"no markdownlint configuration in or above '{folder}'")
    try:
        translated = markdownlint.translate(path, builtin())
    except markdownlint.MarkdownlintError as err:
        raise click.ClickException(str(err)) from None
    click.echo(f"# mdvet settings from {path}")
    click.echo(markdownlint.to_toml(translated.values), nl=False)
    for note in notes + translated.notes:
        click.echo(f"cannot carry over: {note}", err=True)
    if translated.missing:
        click.echo(
            "cannot carry over: markdownlint rules on here that mdvet does not implement yet: "
            + ", ".join(translated.missing),
            err=True,
        )
    return EXIT_CLEAN


@cli.command("lsp")
def lsp_command() -> int:
    """Run the language server on standard input and output (for editors)."""
    from lint.lsp import main as serve

    serve()
    return EXIT_CLEAN


@cli.command("rules")
@click.option("--format", "format_name", type=click.Choice(["text", "json"]), default="text")
@config_options
def rules_command(format_name: str, config_path, isolated) -> int:
    """List every rule, with the plugins the configuration names: code, name, default
    severity, enabled, summary."""
    import json

    registry = list(load_settings({}, config_path, isolated).settings.registry)
    if format_name == "json":
        rows = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.value,
                "enabled": r.enabled,
                "fixable": r.fixable,
                "summary": r.summary,
            }
            for r in registry
        ]
        click.echo(json.dumps(rows, indent=2))
        return EXIT_CLEAN
    width = max(len(r.name) for r in registry)
    click.echo(f"{'code':<6} {'name':<{width}} {'severity':<8} {'enabled':<7} summary")
    for r in registry:
        enabled = "online" if r.online else "yes" if r.enabled else "no"
        click.echo(f"{r.code:<6} {r.name:<{width}} {r.severity.value:<8} {enabled:<7} {r.summary}")
    return EXIT_CLEAN


@cli.command("rule")
@click.argument("key", metavar="CODE|NAME")
@config_options
def rule_command(key: str, config_path, isolated) -> int:
    """Show one rule's documentation."""
    from lint.docs import rule_page

    rule = load_settings({}, config_path, isolated).settings.registry.get(key)
    if rule is None:
        raise click.UsageError(f"no rule has the code or name '{key}' (see 'mdvet rules')")
    click.echo(rule_page(rule), nl=False)
    return EXIT_CLEAN


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code instead of exiting."""
    # A run allocates millions of small objects and makes almost no reference cycles, while
    # the results it keeps grow: at the default threshold (700 allocations) the cycle
    # collector runs hundreds of times, each full collection walking all that is kept.
    # Unpickling the workers' results took 0.55 s of CPU that way, 0.1 s at 10,000. A short
    # run (a replayed or patched result) keeps fewer than 100,000 tracked objects, imports
    # included: at 10,000 it still spent 10 ms collecting, at 100,000 it never does.
    # Forked workers inherit the setting.
    gc.set_threshold(100_000, 10, 10)
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        result = cli.main(args=args, prog_name="mdvet", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except SettingsError as exc:  # a config mistake found while checking (a schema file)
        settings_error(exc).show()
        return EXIT_USAGE
    except (click.Abort, KeyboardInterrupt):
        click.echo("mdvet: interrupted", err=True)
        return EXIT_INTERRUPTED
    return result if isinstance(result, int) else EXIT_CLEAN
