"""media-kg: knowledge graphs from media-industry news.

Importing :mod:`kg` only defines names: no model is loaded, nothing is printed.

Example:
    >>> import kg
    >>> kg.__version__
    '0.1.0'
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "KnowledgeGraph"]


def __getattr__(name: str):  # lazy: keep `import kg` free of heavy imports
    if name == "KnowledgeGraph":
        from kg.api import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(name)
