"""`mdvet lsp`: a language server over standard input and output.

Diagnostics on open, change (debounced) and save, with the configuration that applies to the
file, and the site rules run for the document against its site (the open buffer standing in
for the file on disk; the other pages from the cache); code actions to apply a fix or silence
a problem with comments that leave the rendered page as it was. Positions are converted to
UTF-16 code units, as the protocol requires, at this boundary only.
"""

from __future__ import annotations

import asyncio
import gc
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from lint import __version__
from lint.config import resolve_settings
from lint.document import parse_document
from lint.engine import check_text
from lint.model import Diagnostic, Pos
from lint.rules import builtin, rule_url
from lint.runner import Resident, check_paths
from lint.settings import Settings, SettingsError
from lint.site.layout import site_root_of
from lint.source import LineIndex
from lint.suppress import disable_edits

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


def to_diagnostic(lines: LineIndex, d: Diagnostic) -> types.Diagnostic:
    """A Diagnostic as the protocol's, with a link to the rule's page for built-in rules."""
    return types.Diagnostic(
        range=to_range(lines, Pos(d.line, d.column), Pos(d.end_line, d.end_column)),
        severity=_SEVERITY[d.severity.value],
        code=d.code,
        code_description=(
            types.CodeDescription(href=rule_url(d.code)) if d.code in builtin().by_code else None
        ),
        source="mdvet",
        message=f"{d.message} [{d.name}]",
    )


class Linted:
    """One version of a document and its diagnostics, in both forms, in the same order."""

    def __init__(self, version: int | None, text: str, diagnostics: list[Diagnostic]) -> None:
        self.version = version
        self.text = text
        self.lines = LineIndex(text)
        self.diagnostics = diagnostics
        self.published = [to_diagnostic(self.lines, d) for d in diagnostics]


class MdvetServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("mdvet", __version__)
        self._settings: dict[Path, tuple[Settings, bool]] = {}
        self._pending: dict[str, asyncio.Task] = {}
        self._linted: dict[str, Linted] = {}  # the last results, by document URI
        # the site index kept in memory, by the settings' root: files on disk are read
        # again after a save
        self._resident: dict[Path, Resident] = {}

    def settings_for(self, path: Path) -> tuple[Settings, bool]:
        """The settings for a file, and whether it belongs to a site (a generator's folder or
        a repository). Without a configuration file, the root is the site's folder: the one
        `mdvet check` is run in, whose cache the server shares."""
        folder = path.parent
        if folder not in self._settings:
            # an editor never requests links over the network, whatever `online` says
            offline = {"online": False}
            try:
                resolved = resolve_settings(offline, cwd=folder)
                site = site_root_of(path, resolved.settings, {})
                if resolved.config is None and site is not None and site != folder:
                    resolved = resolve_settings(offline, cwd=site)
                self._settings[folder] = (resolved.settings, site is not None)
            except SettingsError as err:
                self.window_show_message(
                    types.ShowMessageParams(type=types.MessageType.Error, message=f"mdvet: {err}")
                )
                self._settings[folder] = (Settings(root=folder), False)
        return self._settings[folder]

    def lint(self, uri: str) -> Linted:
        """The document's diagnostics: those of its text, and the site rules' for it (the
        buffer standing in for the file in the site's index); kept until the next version."""
        document = self.workspace.get_text_document(uri)
        known = self._linted.get(uri)
        if known is not None and document.version is not None and known.version == document.version:
            return known
        text = document.source
        named = to_fs_path(uri)
        if named is None:  # a buffer that is no file belongs to no site
            settings, _ = self.settings_for(Path("untitled.md"))
            diagnostics = check_text(text, "untitled.md", settings)
        else:
            settings, in_site = self.settings_for(Path(named))
            root = Path(settings.root)
            fresh = root not in self._resident
            outcome = check_paths(
                (),
                settings,
                stdin=text.encode("utf-8", "surrogatepass"),
                stdin_filename=named,
                cache=in_site,
                jobs=1,
                resident=self._resident.setdefault(root, Resident()),
            )
            if fresh:  # the index just read stays: the cycle collector need not walk it
                gc.freeze()
            diagnostics = list(outcome.report.diagnostics)
        linted = Linted(document.version, text, diagnostics)
        self._linted[uri] = linted
        return linted

    def publish(self, uri: str) -> None:
        linted = self.lint(uri)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=linted.published)
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

    def forget(self, uri: str) -> None:
        self._linted.pop(uri, None)
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()

    def code_actions(self, uri: str, context: types.CodeActionContext) -> list[types.CodeAction]:
        """For each diagnostic of the request's context that is one of ours, once: its fix
        (when it has one) and the comments that silence it, each action naming it."""
        if context.only and types.CodeActionKind.QuickFix not in context.only:
            return []
        linted = self.lint(uri)
        doc = None
        answered: set[int] = set()
        actions: list[types.CodeAction] = []

        def action(title: str, wanted: types.Diagnostic, edits, preferred=None) -> None:
            changes = [
                types.TextEdit(range=to_range(linted.lines, e.start, e.end), new_text=e.text)
                for e in edits
            ]
            actions.append(
                types.CodeAction(
                    title=f"mdvet: {title}",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[wanted],
                    is_preferred=preferred,
                    edit=types.WorkspaceEdit(changes={uri: changes}),
                )
            )

        for wanted in context.diagnostics:
            index = next(
                (
                    i
                    for i, ours in enumerate(linted.published)
                    if i not in answered
                    and (ours.code, ours.range, ours.message)
                    == (wanted.code, wanted.range, wanted.message)
                ),
                None,
            )
            if index is None:  # another tool's, or one of an older version of the text
                continue
            answered.add(index)
            d = linted.diagnostics[index]
            if d.fix is not None:
                action(d.fix.description, wanted, d.fix.edits, d.fix.safe)
            doc = doc or parse_document(linted.text, to_fs_path(uri) or "untitled.md")
            found = disable_edits(doc, d.code, d.line)
            if found is not None:
                action(f"disable {d.code} ({d.name}) for this {found[0]}", wanted, found[1])
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
    ls._settings.clear()  # a saved configuration file takes effect, and so do saved pages
    ls._linted.clear()
    ls._resident.clear()
    ls.publish(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: MdvetServer, params: types.DidCloseTextDocumentParams) -> None:
    ls.forget(params.text_document.uri)
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
    )


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def code_action(ls: MdvetServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    return ls.code_actions(params.text_document.uri, params.context)


def main() -> None:
    server.start_io()
