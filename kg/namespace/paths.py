"""Locate the ontology files shipped with media-kg.

The Turtle files live in ``ontology/`` at the root of a source checkout; the wheel
force-includes that directory as ``kg/ontology/``. The installed location is tried
first, then the checkout.

Example:
    >>> from kg.namespace.paths import ontology_path
    >>> ontology_path().name
    'media.ttl'
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["ONTOLOGY_FILE", "SHAPES_FILE", "ontology_path", "shapes_path"]

#: File name of the OWL ontology.
ONTOLOGY_FILE = "media.ttl"
#: File name of the SHACL shapes.
SHAPES_FILE = "shapes.ttl"

_HERE = Path(__file__).resolve()
#: ``kg/ontology/`` inside an installed wheel.
_PACKAGE_DIR = _HERE.parents[1] / "ontology"
#: ``ontology/`` at the root of a source checkout.
_SOURCE_DIR = _HERE.parents[2] / "ontology"


def _find(name: str) -> Path:
    """Return the first existing ``name`` in the package, then the checkout directory.

    Args:
        name: File name inside the ontology directory.

    Returns:
        The absolute path of the file.

    Raises:
        FileNotFoundError: If the file is in neither location.
    """
    candidates = (_PACKAGE_DIR / name, _SOURCE_DIR / name)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    looked = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(
        f"media-kg ontology file {name!r} not found (looked in: {looked}). "
        "In a source checkout it belongs in ontology/ at the repository root; "
        "an installed wheel ships it as kg/ontology/."
    )


def ontology_path() -> Path:
    """Path of the OWL ontology, ``media.ttl``.

    Returns:
        The absolute path of ``media.ttl``.

    Raises:
        FileNotFoundError: If neither the package nor the checkout has it.
    """
    return _find(ONTOLOGY_FILE)


def shapes_path() -> Path:
    """Path of the SHACL shapes, ``shapes.ttl``.

    Returns:
        The absolute path of ``shapes.ttl``.

    Raises:
        FileNotFoundError: If neither the package nor the checkout has it.
    """
    return _find(SHAPES_FILE)
