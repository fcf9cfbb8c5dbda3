"""## What it does
Flags front matter that lacks a field its schema requires. The problem is reported at the
opening fence (for a nested mapping, at the key of the mapping that lacks the field) and names
the field.

Every preset requires a `title` of a page that has front matter, so a run without any
configuration flags a post or page without one (an empty block `---` `---` included). The
presets leave alone the files that no generator publishes as pages:

- files under a folder whose name starts with a dot (`.github/ISSUE_TEMPLATE/`, `.changeset/`):
  Jekyll excludes them from the site and Hugo reads pages only from `content/`;
- files under a folder of test fixtures (`test`, `tests`, `testdata`, `fixtures`,
  `__fixtures__`);
- in a Jekyll site, `_includes`, `_layouts`, `_data`, `_sass` and `_plugins` (parts of pages,
  jekyllrb.com/docs/structure/);
- in a Hugo site, files outside `content/` (`archetypes/` holds templates), and the pages under
  an `_index.md` whose `cascade` sets `build: {render: never}` (a headless bundle of snippets).
- in an Astro site, files outside `src/content/` and `src/pages/`; in a Docusaurus site, files
  outside its docs, blog and `src/pages/` folders and under a folder whose name starts with `_`
  (partials).

Docusaurus titles a doc or a blog post without `title` after its first `# heading`: its presets
(`docusaurus-doc`, `docusaurus-blog`) ask for a `title` only of a page without a level-1
heading. A schema file says the same with `title_from_heading: true`.

A Jekyll post (or a document of another collection) still needs a title, though Jekyll makes
one from its file name (`2025-05-02-my-post.md` gives "My Post", jekyllrb.com/docs/posts/): the
name cannot hold the title's capitals, apostrophes and punctuation. A Hugo `_index.md` needs one too: Hugo names a
section, taxonomy or term after its folder only when no file backs the list page
(gohugo.io/methods/page/title/). A schema file decides for itself: `title: {type: string}`
(or `required: false`) makes it optional.

## Why is this bad?
Templates that read the field render an empty heading, a broken link or nothing at all, and
the site builds without a word.

## Example
    ---
    date: 2025-05-02
    ---

## Use instead
    ---
    title: Japan puts its chips on the table
    date: 2025-05-02
    ---
"""

from lint.model import Severity
from lint.rules import ReportedRule


class MissingRequiredField(ReportedRule):
    code = "FM101"
    name = "missing-required-field"
    summary = "a field the schema requires is absent"
    severity = Severity.ERROR
