"""Image rules (IM)."""
