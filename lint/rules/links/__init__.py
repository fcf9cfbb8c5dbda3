"""Link rules (LK): destinations, link text and link syntax in the Markdown body."""
