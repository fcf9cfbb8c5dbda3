"""## What it does
Flags a link to another site that leads to no page: the server answers 404 or 410 (or
another 4xx or 5xx status, after the retries for 5xx), or there is no answer at all: the
host's name is not found, the connection is refused, the TLS handshake fails (an expired or
self-signed certificate), no answer comes within `online_timeout` seconds after the
retries, or the redirects go round in a loop. The message gives the status or the error.

Runs with `--online` (or `online = true`) only, as the other rules that request pages do.
Statuses in the `accept` option are never reported: by default 401, 403 and 429, which a
page behind a login or a server that turns robots away answers while the page is there.
Reference links are reported once, at their definition.

## Why is this bad?
Links rot: the news article, the government page or the documentation a post cites moves
or vanishes, and readers who follow the link find nothing.

## Example
    Data from [the agency](https://example.com/old-report.html) (the server answers 404).

## Use instead
    Data from [the agency](https://example.com/reports/2025.html) (the server answers 200).
"""

from __future__ import annotations

from pydantic import Field

from lint.model import Problem, Severity
from lint.rules import OnlineRule, RuleOptions
from lint.urls import shorten


def status_text(status: int) -> str:
    """`404 Not Found`: the status with its reason phrase, when it has one."""
    from http import HTTPStatus  # here: a run without `online` does not need it

    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


class DeadExternalLink(OnlineRule):
    code = "LK008"
    name = "dead-external-link"
    summary = "a link to another site leads to no page"
    severity = Severity.ERROR

    class Options(RuleOptions):
        accept: tuple[int, ...] = Field(
            (401, 403, 429), description="statuses that are not reported (besides 1xx to 3xx)"
        )

    def check_link(self, link, results, options):
        result = results.get(link.page)
        if result is None:
            return
        url = shorten(link.url)
        if result.error is not None:
            yield Problem(link.start, f"'{url}' cannot be reached: {result.error}", end=link.end)
            return
        status = result.status
        if status is None or status < 400 or status in options.accept:
            return
        after = f" (at '{shorten(result.final)}', after redirects)" if result.redirects else ""
        yield Problem(link.start, f"'{url}' answers {status_text(status)}{after}", end=link.end)
