"""JUnit XML (GitLab, Jenkins, Azure Pipelines): a test suite per file, a failure per problem."""

from __future__ import annotations

from itertools import groupby
from xml.etree import ElementTree

from lint.model import Report


def format_junit(report: Report, color: bool = False) -> str:
    total = len(report.diagnostics)
    suites = ElementTree.Element(
        "testsuites", name="mdvet", tests=str(max(total, 1)), failures=str(total)
    )
    if not total:
        suite = ElementTree.SubElement(suites, "testsuite", name="mdvet", tests="1", failures="0")
        ElementTree.SubElement(suite, "testcase", name="no problems", classname="mdvet")
    for path, group in groupby(report.diagnostics, key=lambda d: d.path):
        problems = list(group)
        suite = ElementTree.SubElement(
            suites, "testsuite", name=path, tests=str(len(problems)), failures=str(len(problems))
        )
        for d in problems:
            case = ElementTree.SubElement(
                suite,
                "testcase",
                name=f"{d.code} {d.name} at {d.line}:{d.column}",
                classname=path,
                file=path,
                line=str(d.line),
            )
            failure = ElementTree.SubElement(case, "failure", message=d.message, type=d.code)
            failure.text = f"{d.path}:{d.line}:{d.column}: {d.code} {d.message} [{d.name}]"
    ElementTree.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + ElementTree.tostring(suites, encoding="unicode")
        + "\n"
    )
