"""The PageContext of each file: what its site's configuration adds to every page."""

from __future__ import annotations

import os
import re
from pathlib import Path

from lint.document import NO_CONTEXT, PageContext
from lint.mkdocs import load as load_mkdocs
from lint.schema.resolve import Site, detect

# A link reference definition's label, at the start of a line (blockquotes aside).
_DEFINITION = re.compile(r"^[ \t]{0,3}\[((?:\\.|[^\]\\\n])+)\]:", re.MULTILINE)


def definition_labels(path: Path) -> list[str]:
    """The labels a file defines; none when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return [match[1] for match in _DEFINITION.finditer(text)]


class Contexts:
    """Works out and caches the context of each file's folder; one per Settings.
    `definition_files` (relative to `root`) define labels for every page; `sites` keeps
    the site of each folder (see lint.schema.resolve.detect), when shared."""

    def __init__(
        self,
        root: Path,
        definition_files: tuple[str, ...],
        sites: dict[Path, Site | None] | None = None,
    ) -> None:
        self.root = Path(os.path.abspath(root))
        self.labels: list[str] = []
        for name in definition_files:
            self.labels += definition_labels(self.root / name)
        self.sites: dict[Path, Site | None] = {} if sites is None else sites
        self.by_folder: dict[str, PageContext] = {}

    def for_path(self, path: str) -> PageContext:
        folder = os.path.dirname(os.path.abspath(path))
        if folder not in self.by_folder:
            self.by_folder[folder] = self._context(Path(folder))
        return self.by_folder[folder]

    def _context(self, folder: Path) -> PageContext:
        site = detect(folder, self.sites)
        labels = list(self.labels)
        flavor = "commonmark"
        cross_references = False
        extensions: frozenset[str] = frozenset()
        if site is not None and site.generator == "mkdocs":
            mkdocs = load_mkdocs(site.root)
            if mkdocs is not None:
                flavor = "python-markdown"
                cross_references = mkdocs.autorefs
                extensions = frozenset(mkdocs.extensions)
                for appended in mkdocs.appended():
                    labels += definition_labels(appended)
        if not labels and flavor == "commonmark":
            return NO_CONTEXT
        return PageContext(tuple(labels), flavor, cross_references, extensions)
