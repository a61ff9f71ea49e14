"""Extract stage: plain functions from a parsed ``Doc`` to typed records.

* :mod:`kg.extract.mentions`: typed entity mentions (gazetteer, NER, context);
* :mod:`kg.extract.roles`: role nouns (``ceoOf``, ``leads``, ``founderOf``, ``worksFor``, ``subsidiaryOf``);
* :mod:`kg.extract.frames`: verb and noun frames (``uses``, ``acquires``, ``directedBy``...);
* :mod:`kg.extract.works`: genres, source works and their authors, "le film de X";
* :mod:`kg.extract.quotes`: direct quotes (``said``);
* :mod:`kg.extract.hedging`: negation, modality, rumours.

None of them mutates the ``Doc``; the spaCy components in :mod:`kg.factories` only
store their results on ``doc._``.
"""

from __future__ import annotations

from kg.extract.relations import extract_relations

__all__ = ["extract_relations"]
