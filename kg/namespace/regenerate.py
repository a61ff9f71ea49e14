"""Regenerate ``kg/namespace/_MKG.py`` from the ontology.

The term list is computed by rdflib's ``defined_namespace_creator`` (every IRI of the
``mkg:`` namespace that has an ``rdf:type`` in ``ontology/media.ttl``); this module only
writes it with a stable header (no timestamp, no placeholders) and with ``_fail = True``,
so that a misspelt term such as ``MKG.ceoof`` raises :class:`AttributeError`.

Run it after editing the ontology::

    python -m kg.namespace.regenerate          # rewrite kg/namespace/_MKG.py
    python -m kg.namespace.regenerate --check  # exit 1 if _MKG.py is out of date

Example:
    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     out = regenerate(output=Path(tmp) / "_MKG.py")
    ...     "ceoOf: URIRef" in out.read_text(encoding="utf-8")
    True
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from rdflib import Graph
from rdflib.tools.defined_namespace_creator import get_target_namespace_elements

from kg.namespace.paths import ontology_path

__all__ = ["NAMESPACE", "OBJECT_ID", "DEFAULT_OUTPUT", "render", "regenerate", "main"]

#: The ontology namespace the DefinedNamespace covers.
NAMESPACE = "https://w3id.org/media-kg/ontology#"
#: Name of the generated class.
OBJECT_ID = "MKG"
#: Where the generated module lives.
DEFAULT_OUTPUT = Path(__file__).resolve().with_name(f"_{OBJECT_ID}.py")

_HEADER = f'''"""The ``mkg:`` ontology terms as an rdflib DefinedNamespace.

Generated from ontology/media.ttl by ``python -m kg.namespace.regenerate``
(rdflib's defined_namespace_creator, with ``--fail``). Do not edit by hand.
"""

# ruff: noqa: E501

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class {OBJECT_ID}(DefinedNamespace):
    """Terms of the media-kg ontology (https://w3id.org/media-kg/ontology).

    Accessing a term the ontology does not declare raises AttributeError.
    """

    _NS = Namespace("{NAMESPACE}")

    _fail = True

'''


def render(ontology: Path | None = None) -> str:
    """Return the source of the ``_MKG.py`` module for an ontology.

    Args:
        ontology: The ontology file; defaults to :func:`kg.namespace.paths.ontology_path`.

    Returns:
        The Python source text.
    """
    path = ontology if ontology is not None else ontology_path()
    graph = Graph().parse(path, format="turtle")
    _, elements, non_python_elements = get_target_namespace_elements(graph, NAMESPACE)
    parts = [_HEADER, *elements]
    if non_python_elements:
        parts += ["\n    # Valid non-python identifiers\n", "    _extras = [\n", *non_python_elements, "    ]\n"]
    return "".join(parts)


def regenerate(ontology: Path | None = None, output: Path | None = None) -> Path:
    """Write the ``_MKG.py`` module generated from the ontology.

    Args:
        ontology: The ontology file; defaults to :func:`kg.namespace.paths.ontology_path`.
        output: The file to write; defaults to ``kg/namespace/_MKG.py``.

    Returns:
        The path written.
    """
    target = output if output is not None else DEFAULT_OUTPUT
    target.write_text(render(ontology), encoding="utf-8")
    return target


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point.

    Args:
        argv: Arguments (defaults to ``sys.argv[1:]``).

    Returns:
        The exit status: 0 on success, 1 if ``--check`` finds the module out of date.
    """
    parser = argparse.ArgumentParser(
        prog="python -m kg.namespace.regenerate",
        description="Regenerate kg/namespace/_MKG.py from ontology/media.ttl.",
    )
    parser.add_argument("--ontology", type=Path, default=None, help="ontology file (default: the shipped media.ttl)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="module to write (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if the module is out of date")
    args = parser.parse_args(argv)

    if args.check:
        expected = render(args.ontology)
        current = args.output.read_text(encoding="utf-8") if args.output.is_file() else None
        if current != expected:
            print(f"{args.output} is out of date; run python -m kg.namespace.regenerate", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0

    print(f"wrote {regenerate(args.ontology, args.output)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
