"""Front-matter schema rules (FM1xx): problems found by validating against a schema."""
