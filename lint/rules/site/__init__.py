"""Site-wide rules (ST): problems only the whole site shows."""
