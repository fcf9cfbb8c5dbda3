"""Run the active rules over a Document and stamp who and how bad on each problem."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from lint import suppress
from lint.document import NO_CONTEXT, Document, parse_document
from lint.model import Diagnostic, Problem, Severity
from lint.rules import ReportedRule, SiteRule
from lint.schema import with_schema_problems
from lint.settings import ActiveRule, Settings

INTERNAL_ERROR = "LN900"


# The last list of rules run, and its rules that read a document and those that pass on what
# reading it found (a list of rules is the settings' active rules: one for every file)
_sorted: tuple[Sequence[ActiveRule], tuple[ActiveRule, ...], tuple[ActiveRule, ...]] = ((), (), ())


def _by_kind(rules: Sequence[ActiveRule]) -> tuple[tuple[ActiveRule, ...], ...]:
    """The rules that read the document, and the reported rules; a site rule is in neither:
    it runs once every file is read (see lint.site)."""
    global _sorted
    if _sorted[0] is not rules:
        reported = tuple(a for a in rules if isinstance(a.rule, ReportedRule))
        reading = tuple(a for a in rules if not isinstance(a.rule, (ReportedRule, SiteRule)))
        _sorted = (rules, reading, reported)
    return _sorted[1], _sorted[2]


def run(doc: Document, rules: Sequence[ActiveRule]) -> list[Diagnostic]:
    """Run each rule; a rule that raises becomes one LN900 (when LN900 is active)."""
    diagnostics: list[Diagnostic] = []
    reading, reported = _by_kind(rules)
    # a reported rule passes on what reading this file found: most files have nothing
    for active in (*reading, *reported) if doc.problems else reading:
        rule = active.rule
        try:
            problems = list(rule.check(doc, active.options))
        except Exception as err:  # a crashing rule must not stop the others
            if any(other.rule.code == INTERNAL_ERROR for other in rules):
                diagnostics.append(internal_error(doc.path, rule, err))
            continue
        # a loop, not extend(generator): most rules find nothing in most files
        for problem in problems:
            diagnostics.append(_stamp(doc, problem, rule.code, rule.name, active.severity))
    diagnostics.sort()
    return diagnostics


def internal_error(path: str, rule, err: Exception) -> Diagnostic:
    """The LN900 diagnostic for a rule that raised on a file."""
    message = f"rule {rule.code} ({rule.name}) crashed: {type(err).__name__}: {err}"
    return Diagnostic(
        path, 1, 1, INTERNAL_ERROR, 1, 1, "internal-error", Severity.ERROR, message, None, rule.code
    )


def _stamp(doc: Document, problem: Problem, code: str, name: str, severity: Severity) -> Diagnostic:
    end = problem.end or problem.start
    lines = doc.lines
    snippet = doc.text[lines.offset(problem.start) : lines.offset(end)][:200]
    if not snippet.strip() and problem.start.line <= lines.line_count:
        snippet = lines.line_text(problem.start.line).strip()[:200]
    return Diagnostic(
        path=doc.path,
        line=problem.start.line,
        column=problem.start.column,
        code=code,
        end_line=end.line,
        end_column=end.column,
        name=name,
        severity=problem.severity or severity,
        message=problem.message,
        fix=problem.fix,
        snippet=snippet,
    )


def check_text(text: str, path: str, settings: Settings, *, bom: bool = False) -> list[Diagnostic]:
    """Check one document's text: parse, validate the front matter against its schema, run
    the rules, apply suppressions. Pure: no I/O."""
    return check_document(text, path, settings, bom=bom)[1]


def check_document(
    text: str, path: str, settings: Settings, *, bom: bool = False
) -> tuple[Document, list[Diagnostic]]:
    """As check_text, also returning the parsed Document (for the site index)."""
    doc = parse_document(text, path, bom=bom)
    if suppress.in_html(doc, "markdownlint-configure-file"):
        configured = suppress.configure_file(doc)
        if configured is not None:
            settings = settings.configured(configured, path)
    if settings.reads_context:
        context = settings.contexts.for_path(path)
        if context is not NO_CONTEXT:
            doc = dataclasses.replace(doc, context=context)
    doc = with_schema_problems(doc, settings)
    return doc, suppress.apply(doc, run(doc, settings.active), settings)
