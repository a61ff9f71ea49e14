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
from functools import lru_cache

_APOS = re.compile(r"[’'`´]")
_NONWORD = re.compile(r"[^0-9a-z+]+")


def strip_accents(text: str) -> str:
    """Remove diacritics (``é`` -> ``e``)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """Comparison key: lower case, no accents, apostrophes and punctuation as spaces (``+`` kept).
    Cached: the same names are folded again and again (registry, resolution, filters).

    Example:
        >>> fold("Warner Bros. Discovery") == fold("warner bros discovery")
        True
    """
    text = _APOS.sub(" ", strip_accents(text).lower())
    return " ".join(_NONWORD.sub(" ", text).split())


def name_key(text: str) -> str:
    """How a name is matched by the graph filters (``kg viz --entity``) and the page's search.

    It is :func:`fold`. A name that ``fold`` erases entirely (written without a Latin
    letter or digit, e.g. Cyrillic) is matched by its lower-case words without marks
    instead, so that it can still be found. The HTML page runs the same rules in
    JavaScript (:data:`NAME_KEY_JS`; tests/viz/test_fold.py checks both on the same names).

    Example:
        >>> name_key("Warner Bros. Discovery") == name_key("warner bros discovery") == fold("Warner Bros Discovery")
        True
        >>> name_key("Первый Канал")
        'первыи канал'
    """
    folded = fold(text)
    if folded:
        return folded
    marks_off = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.category(c).startswith("M"))
    return " ".join(marks_off.lower().split())


#: :func:`name_key` in JavaScript, for the HTML page (``nameKey(s)``). JavaScript has no
#: canonical combining classes: marks are removed by category (``\p{M}``), which differs
#: from :func:`strip_accents` only for marks of class 0 (e.g. U+034F, Devanagari vowel
#: signs) between Latin letters, where Python leaves a space.
NAME_KEY_JS = r"""function nameKey(s) {
  var d = String(s).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  var f = d.replace(/[^0-9a-z+]+/g, " ").trim();
  return f || d.split(/\s+/).filter(Boolean).join(" ");
}"""


def slug(text: str) -> str:
    """An IRI-safe slug: folded words joined by ``-`` (``+`` spelled ``plus``).

    Example:
        >>> slug("Canal+")
        'canalplus'
    """
    return fold(text).replace("+", "plus").replace(" ", "-") or "x"
