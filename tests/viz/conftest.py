"""Fixtures: graphs shaped like kg.graph.to_networkx output, one with hostile article text."""

from __future__ import annotations

import networkx as nx
import pytest

#: Article text that would run script if it reached the page as markup.
HOSTILE_SENTENCE = ('Netflix rachète <script>window.__kgXss = "script"; alert(1)</script> '
                    'et <img src=x onerror="window.__kgXss = \'img\'; alert(2)"> le studio.')
HOSTILE_TITLE = '<img src=x onerror="window.__kgXss = \'title\'">Scoop</b>'
HOSTILE_LABEL = '<svg onload="window.__kgXss = \'label\'">Évil & Co'


def _graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for key, label, t, aliases in [
        ("person/ted-sarandos", "Ted Sarandos", "Person", ["Sarandos"]),
        ("organization/netflix", "Netflix", "Organization", ["NFLX"]),
        ("organization/canalplus", "Canal+", "Organization", ["Canal Plus"]),
        ("person/maxime-saada", "Maxime Saada", "Person", []),
        ("place/lyon", "Lyon", "Place", []),
        ("organization/evil", HOSTILE_LABEL, "Organization", ["<b>bold</b>"]),
    ]:
        G.add_node(f"https://w3id.org/media-kg/resource/{key}", label=label, type=t, aliases=aliases, key=key)
    r = "https://w3id.org/media-kg/resource/"
    for s, p, o, sentence, title in [
        ("person/ted-sarandos", "ceoOf", "organization/netflix", "Ted Sarandos dirige Netflix.", "Netflix : qui décide"),
        ("person/maxime-saada", "ceoOf", "organization/canalplus", "Maxime Saada dirige Canal+.", "Canal+ en région"),
        ("organization/netflix", "partnersWith", "organization/canalplus", "Netflix s'allie à Canal+.", "Accord"),
        ("organization/canalplus", "locatedIn", "place/lyon", "Canal+ s'installe à Lyon.", "Lyon"),
        ("organization/netflix", "acquires", "organization/evil", HOSTILE_SENTENCE, HOSTILE_TITLE),
    ]:
        G.add_edge(r + s, r + o, key=p, predicate=p, support=1, confidence=0.9, evidence=[
            {"sentence": sentence, "title": title, "date": "2024-05-02", "url": "https://example.org/a",
             "article": r + "article/x", "confidence": 0.9, "rule": "test", "start": 0}])
    return G


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return _graph()
