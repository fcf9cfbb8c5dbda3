"""The `mdvet` command. Thin: click parses, pure functions work, the result is an exit code."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from lint import __version__
from lint.model import Report, Severity

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    """`--select A,B --select C` gives (A, B, C)."""
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def fails(report: Report, fail_on: Severity) -> bool:
    return any(d.severity.rank >= fail_on.rank for d in report.diagnostics)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="mdvet", message="%(prog)s %(version)s")
def cli() -> None:
    """Lint Markdown content and validate its front matter."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, allow_dash=True))
@click.option(
    "--format",
    "format_name",
    default="text",
    show_default=True,
    type=click.Choice(["text", "json"]),
    help="Output format.",
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
@click.option("--quiet", "-q", is_flag=True, help="Print problems only, without the summary line.")
@click.option(
    "--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True
)
@click.option(
    "--stdin-filename", metavar="NAME", help="With path '-': report standard input as NAME."
)
@click.option(
    "--plugin",
    "plugins",
    multiple=True,
    metavar="PLUGIN",
    help="Load rules from a plugin: a module path or an installed `mdvet.rules` entry point.",
)
def check(
    paths,
    format_name,
    output_file,
    select,
    extend_select,
    ignore,
    fail_on,
    exit_zero,
    quiet,
    color,
    stdin_filename,
    plugins=(),
) -> int:
    """Check Markdown files and folders (default: the current folder)."""
    from lint.formatters import FORMATTERS
    from lint.formatters.text import format_text
    from lint.runner import check_paths
    from lint.settings import Settings, SettingsError

    options = {"ignore": _split(ignore), "extend_select": _split(extend_select)}
    if select:
        options["select"] = _split(select)
    if fail_on:
        options["fail_on"] = fail_on
    if plugins:
        options["plugins"] = _split(plugins)
    try:
        settings = Settings(**options)
        settings.active  # noqa: B018 - resolve the rule selection now, to report bad selectors
    except SettingsError as err:
        raise click.UsageError(str(err)) from None
    if "-" in paths and len(paths) > 1:
        raise click.UsageError("'-' (standard input) cannot be combined with other paths")

    stdin = sys.stdin.buffer.read() if paths == ("-",) else None
    report = check_paths(paths or (".",), settings, stdin=stdin, stdin_filename=stdin_filename)

    stream = click.open_file(output_file, "w", encoding="utf-8") if output_file else None
    use_color = color == "always" or (color == "auto" and stream is None and sys.stdout.isatty())
    if format_name == "text" and quiet:
        text = format_text(report, use_color, with_summary=False)
    else:
        text = FORMATTERS[format_name](report, use_color)
    if stream is None:
        click.echo(text, nl=False, color=use_color)
    else:
        with stream:
            stream.write(text)
    if exit_zero or not fails(report, settings.fail_on):
        return EXIT_CLEAN
    return EXIT_PROBLEMS


@cli.command("rules")
@click.option("--format", "format_name", type=click.Choice(["text", "json"]), default="text")
def rules_command(format_name: str) -> int:
    """List every rule: code, name, default severity, enabled, summary."""
    import json

    from lint.rules import builtin

    registry = list(builtin())
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
        enabled = "yes" if r.enabled else "no"
        click.echo(f"{r.code:<6} {r.name:<{width}} {r.severity.value:<8} {enabled:<7} {r.summary}")
    return EXIT_CLEAN


@cli.command("rule")
@click.argument("key", metavar="CODE|NAME")
def rule_command(key: str) -> int:
    """Show one rule's documentation."""
    from lint.docs import rule_page
    from lint.rules import builtin

    rule = builtin().get(key)
    if rule is None:
        raise click.UsageError(f"no rule has the code or name '{key}' (see 'mdvet rules')")
    click.echo(rule_page(rule), nl=False)
    return EXIT_CLEAN


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code instead of exiting."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        result = cli.main(args=args, prog_name="mdvet", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return EXIT_USAGE
    except (click.Abort, KeyboardInterrupt):
        click.echo("mdvet: interrupted", err=True)
        return EXIT_INTERRUPTED
    return result if isinstance(result, int) else EXIT_CLEAN
