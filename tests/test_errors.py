"""kg.errors: the coded catalog is consistent and every code is raised somewhere."""

from __future__ import annotations

import re
from pathlib import Path

import kg
from kg.errors import Errors, KGError, SchemaError

CODES = {name: text for name, text in vars(Errors).items() if re.fullmatch(r"E\d{3}", name)}


def test_each_message_starts_with_its_code() -> None:
    assert len(CODES) >= 20
    for name, text in CODES.items():
        assert text.startswith(f"[{name}] "), name


def test_every_code_is_used_by_the_package() -> None:
    package = Path(kg.__file__).parent
    sources = "\n".join(p.read_text(encoding="utf-8") for p in package.rglob("*.py") if p.name != "errors.py")
    unused = sorted(name for name in CODES if f"Errors.{name}" not in sources)
    assert not unused, f"codes never raised: {unused}"


def test_schema_errors_are_kg_and_value_errors() -> None:
    err = SchemaError(Errors.E026.format(name="isBossOf", kind="property"))
    assert isinstance(err, KGError) and isinstance(err, ValueError)
    assert str(err).startswith("[E026] 'isBossOf' is not a property")
