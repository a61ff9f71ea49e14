"""Small text helpers shared by the stages: folding names into comparison keys and slugs.

Example:
    >>> fold("France Télévisions")
    'france televisions'
    >>> slug("L'Éternaute")
    'l-eternaute'
"""

from __future__ import annotations

import re
import unicodedata

_APOS = re.compile(r"[’'`´]")
_NONWORD = re.compile(r"[^0-9a-z+]+")


def strip_accents(text: str) -> str:
    """Remove diacritics (``é`` -> ``e``)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Comparison key: lower case, no accents, apostrophes and punctuation as spaces (``+`` kept).

    Example:
        >>> fold("Warner Bros. Discovery") == fold("warner bros discovery")
        True
    """
    text = _APOS.sub(" ", strip_accents(text).lower())
    return " ".join(_NONWORD.sub(" ", text).split())


def slug(text: str) -> str:
    """An IRI-safe slug: folded words joined by ``-`` (``+`` spelled ``plus``).

    Example:
        >>> slug("Canal+")
        'canalplus'
    """
    return fold(text).replace("+", "plus").replace(" ", "-") or "x"
