"""mdvet: a Markdown content linter and front-matter validator.

The Python API (see docs/api.md): `check_text`, `check_path`, `check_post`, `post_text`,
`load_settings`, with `Diagnostic` and `Settings`. They are imported from lint.api on first
use, so that importing the package stays quick for the command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Diagnostic",
    "Post",
    "Settings",
    "__version__",
    "check_path",
    "check_post",
    "check_text",
    "load_settings",
    "post_text",
]

if TYPE_CHECKING:
    from lint.api import (
        Diagnostic,
        Post,
        Settings,
        check_path,
        check_post,
        check_text,
        load_settings,
        post_text,
    )


def __getattr__(name: str) -> Any:
    if name in __all__:
        from lint import api

        return getattr(api, name)
    raise AttributeError(f"module 'lint' has no attribute {name!r}")
