"""Hand-built extraction records for the store tests (no spaCy: these tests are fast)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kg.records import Extraction
from kg.store import Store
from tests.store.store_data import TEXT_1, TEXT_2, make_extraction


@pytest.fixture
def article_1() -> Extraction:
    return make_extraction("news-1", TEXT_1)


@pytest.fixture
def article_2() -> Extraction:
    return make_extraction("news-2", TEXT_2, title="Netflix buys Animal Logic", url="https://example.org/news/2",
                           date="2024-06-10")


@pytest.fixture
def extraction_factory() -> Callable[..., Extraction]:
    return make_extraction


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture(params=["memory", "oxigraph"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An open, empty writer store on each backend."""
    with Store(tmp_path / "store", backend=request.param) as store:
        yield store


@pytest.fixture
def built_store(store_path: Path, article_1: Extraction, article_2: Extraction) -> Path:
    """An on-disk Oxigraph store holding the two articles, closed."""
    with Store(store_path) as store:
        store.add([article_1, article_2])
    return store_path
