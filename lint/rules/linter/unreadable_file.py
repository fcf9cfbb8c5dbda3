"""## What it does
Reports a file that cannot be read as UTF-8 text: invalid bytes, NUL bytes (a binary file),
UTF-16, or an error from the file system. The other files are still checked.

## Why is this bad?
Site generators expect UTF-8; a file in another encoding renders as mojibake or breaks the build.

## Example
    a file saved as Latin-1: caf\xe9

## Use instead
    the same file saved as UTF-8: café
"""

from lint.model import Severity
from lint.rules import ReportedRule


class UnreadableFile(ReportedRule):
    code = "LN001"
    name = "unreadable-file"
    summary = "file is not readable UTF-8 text"
    severity = Severity.ERROR
    runnable_examples = False
