"""`mdvet lsp`: a language server over standard input and output.

Diagnostics on open, change (debounced) and save, with the configuration that applies to the
file; code actions to apply a fix or silence a problem on its line. Positions are converted to
UTF-16 code units, as the protocol requires, at this boundary only.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from lint import __version__
from lint.config import resolve_settings
from lint.document import parse_document
from lint.engine import check_text
from lint.model import Diagnostic, Pos
from lint.settings import Settings, SettingsError
from lint.source import LineIndex

DEBOUNCE_SECONDS = 0.3
_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def utf16_column(line: str, column: int) -> int:
    """A 1-based character column as a 0-based count of UTF-16 code units."""
    prefix = line[: column - 1]
    return len(prefix) + sum(1 for char in prefix if ord(char) > 0xFFFF)


def to_position(lines: LineIndex, pos: Pos) -> types.Position:
    if pos.line > lines.line_count:
        return types.Position(line=pos.line - 1, character=0)
    return types.Position(
        line=pos.line - 1, character=utf16_column(lines.line_text(pos.line), pos.column)
    )


def to_range(lines: LineIndex, start: Pos, end: Pos) -> types.Range:
    return types.Range(start=to_position(lines, start), end=to_position(lines, end))


class MdvetServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("mdvet", __version__)
        self._settings: dict[Path, Settings] = {}
        self._pending: dict[str, asyncio.Task] = {}

    def settings_for(self, path: Path) -> Settings:
        folder = path.parent
        if folder not in self._settings:
            try:
                self._settings[folder] = resolve_settings({}, cwd=folder).settings
            except SettingsError as err:
                self.window_show_message(
                    types.ShowMessageParams(type=types.MessageType.Error, message=f"mdvet: {err}")
                )
                self._settings[folder] = Settings(root=folder)
        return self._settings[folder]

    def lint(self, uri: str) -> tuple[str, list[Diagnostic]]:
        document = self.workspace.get_text_document(uri)
        path = Path(to_fs_path(uri) or "untitled.md")
        text = document.source
        return text, check_text(text, str(path), self.settings_for(path))

    def publish(self, uri: str) -> None:
        text, diagnostics = self.lint(uri)
        lines = LineIndex(text)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                diagnostics=[
                    types.Diagnostic(
                        range=to_range(lines, Pos(d.line, d.column), Pos(d.end_line, d.end_column)),
                        severity=_SEVERITY[d.severity.value],
                        code=d.code,
                        source="mdvet",
                        message=f"{d.message} [{d.name}]",
                    )
                    for d in diagnostics
                ],
            )
        )

    def publish_later(self, uri: str) -> None:
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()

        async def wait_then_publish() -> None:
            await asyncio.sleep(DEBOUNCE_SECONDS)
            self._pending.pop(uri, None)
            self.publish(uri)

        self._pending[uri] = asyncio.ensure_future(wait_then_publish())

    def code_actions(self, uri: str, wanted: types.Range) -> list[types.CodeAction]:
        text, diagnostics = self.lint(uri)
        lines = LineIndex(text)
        doc = parse_document(text, uri)
        fm = doc.front_matter
        actions = []
        for d in diagnostics:
            where = to_range(lines, Pos(d.line, d.column), Pos(d.end_line, d.end_column))
            if where.end.line < wanted.start.line or where.start.line > wanted.end.line:
                continue
            if d.fix is not None:
                edits = [
                    types.TextEdit(range=to_range(lines, e.start, e.end), new_text=e.text)
                    for e in d.fix.edits
                ]
                actions.append(
                    types.CodeAction(
                        title=f"mdvet: {d.fix.description}",
                        kind=types.CodeActionKind.QuickFix,
                        is_preferred=d.fix.safe,
                        edit=types.WorkspaceEdit(changes={uri: edits}),
                    )
                )
            in_front_matter = (
                fm is not None
                and fm.close_line is not None
                and fm.open_line < d.line < fm.close_line
            )
            if in_front_matter and fm.format == "yaml":
                line_text = lines.line_text(d.line)
                end = Pos(d.line, len(line_text) + 1)
                edit = types.TextEdit(
                    range=to_range(lines, end, end), new_text=f"  # mdvet-disable-line {d.code}"
                )
            else:
                line = d.line if not (fm and d.line <= (fm.close_line or 0)) else fm.close_line + 1
                start = Pos(line, 1)
                edit = types.TextEdit(
                    range=to_range(lines, start, start),
                    new_text=f"<!-- mdvet-disable-next-line {d.code} -->\n",
                )
            actions.append(
                types.CodeAction(
                    title=f"mdvet: disable {d.code} ({d.name}) for this line",
                    kind=types.CodeActionKind.QuickFix,
                    edit=types.WorkspaceEdit(changes={uri: [edit]}),
                )
            )
        return actions


server = MdvetServer()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: MdvetServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: MdvetServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.publish_later(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: MdvetServer, params: types.DidSaveTextDocumentParams) -> None:
    ls._settings.clear()  # a saved configuration file takes effect
    ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: MdvetServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
    )


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def code_action(ls: MdvetServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    return ls.code_actions(params.text_document.uri, params.range)


def main() -> None:
    server.start_io()
