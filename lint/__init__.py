"""mdvet: a Markdown content linter and front-matter validator."""

__version__ = "0.1.0"
