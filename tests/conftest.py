from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import ROOT, SHARED


@pytest.fixture(autouse=True)
def _outside_github_actions(monkeypatch):
    """`--format auto` follows GITHUB_ACTIONS; the tests choose it themselves."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture(scope="session")
def output_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((ROOT / "schemas" / "mdvet-output.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED
