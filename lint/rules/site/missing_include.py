"""## What it does
Flags a Jekyll `{% include NAME %}` with no file `_includes/NAME` (or under the folder that
`includes_dir` in `_config.yml` names), and a Hugo shortcode (`{{< NAME >}}`, `{{% NAME %}}`)
with no template in `layouts/shortcodes/` or `layouts/_shortcodes/` (the site's or a theme's
in `themes/`) that is not one of Hugo's own (`figure`, `highlight`, `ref`, `youtube`, …).

Left alone, because the templates may live where mdvet cannot see them: a Jekyll site with
no includes folder or with a `theme`/`remote_theme` (gem themes bring includes), a Hugo site
with no `layouts/` nor `themes/` folder, or whose theme or modules are not checked out.
Include names built by a template (`{% include {{ page.box }} %}`) are not checked.

## Why is this bad?
The build fails (Jekyll: "Could not locate the included file"; Hugo: "template for
shortcode not found"), or, with a theme that tolerates it, the content is missing.

## Example
    ==> _config.yml <==
    title: Site
    ==> _includes/note.html <==
    <aside>{{ include.text }}</aside>
    ==> about.md <==
    ---
    title: About
    ---
    {% include notes.html text="Draft" %}

## Use instead
    ==> _config.yml <==
    title: Site
    ==> _includes/note.html <==
    <aside>{{ include.text }}</aside>
    ==> about.md <==
    ---
    title: About
    ---
    {% include note.html text="Draft" %}
"""

from __future__ import annotations

import os

from lint.model import Pos, Problem, Severity
from lint.rules import SiteRule

HUGO_BUILTIN = frozenset(
    {
        "comment", "details", "figure", "gist", "highlight", "instagram", "param", "qr",
        "ref", "relref", "tweet", "twitter", "vimeo", "x", "youtube",
    }
)  # fmt: skip


class MissingInclude(SiteRule):
    code = "ST007"
    name = "missing-include"
    summary = "an include or shortcode has no template"
    severity = Severity.ERROR
    incremental = True

    def check_site(self, site, options):
        layout = site.layout
        config = layout.config or {}
        if layout.generator == "hugo":
            folders = _shortcode_folders(layout.root, config)
            if folders is None:
                return
            names = _names(folders)
            kind, wanted = "shortcode", "a template in layouts/shortcodes/"
        else:
            if config.get("theme") or config.get("remote_theme"):
                return
            folder = layout.root / str(config.get("includes_dir") or "_includes")
            if not folder.is_dir():
                return
            names = None
            kind, wanted = "include", f"{folder.name}/"
        for page in site.reported:
            for used, argument, *span in page.summary["tags_used"]:
                if kind == "include" and used == "include":
                    if (folder / argument).is_file():
                        continue
                    message = f"include '{argument}' has no file in {wanted}"
                elif kind == "shortcode" and used == "shortcode":
                    if argument in HUGO_BUILTIN or argument.lower() in names:
                        continue
                    message = f"shortcode '{argument}' has no template in layouts/shortcodes/"
                else:
                    continue
                yield page, Problem(Pos(span[0], span[1]), message, end=Pos(span[2], span[3]))


def _shortcode_folders(root, config: dict):
    """The folders that may hold shortcode templates; None when some may be out of sight."""
    theme = config.get("theme")
    themes = [theme] if isinstance(theme, str) else list(theme or [])
    module = config.get("module")
    if isinstance(module, dict) and module.get("imports"):
        return None  # Hugo modules are fetched at build time
    if not (root / "layouts").is_dir() and not (root / "themes").is_dir():
        return None
    bases = [root]
    for name in themes:
        if not (root / "themes" / str(name)).is_dir():
            return None
        bases.append(root / "themes" / str(name))
    if not themes and (root / "themes").is_dir():
        bases.extend(p for p in (root / "themes").iterdir() if p.is_dir())
    return [base / "layouts" / sub for base in bases for sub in ("shortcodes", "_shortcodes")]


def _names(folders) -> set[str]:
    """Shortcode names the folders provide: `note.html`, `note.en.html`, `box/note.html`."""
    names = set()
    for folder in folders:
        for current, _dirs, files in os.walk(folder):
            prefix = os.path.relpath(current, folder).replace(os.sep, "/")
            for file in files:
                name = file.split(".", 1)[0]
                names.add((name if prefix == "." else f"{prefix}/{name}").lower())
    return names
