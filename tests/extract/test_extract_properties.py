"""Property-based tests of extraction (hypothesis) on generated news-like French and English
text, through the real spaCy pipelines: extraction never crashes, every relation's evidence
sits in the document at its offsets, the ``kg extract`` record is valid JSON, and its RDF
round-trips through rdflib (TriG) and pyoxigraph (N-Quads) with the same quads."""

from __future__ import annotations

import json

import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Dataset

from kg.pipeline import extract_documents
from kg.rdf import extraction_to_quads
from kg.records import Document
from kg.registry import Registry, canonicalise

NAMES = ["Netflix", "Canal+", "Léa Drucker", "Omar Sy", "Arte", "Warner Bros.", "Lupin", "Les Rives", "Paris",
         "Jeanne Morel", "l'AFP", "Mistral AI", "César", "Cannes", "Bob Iger", "Disney", "Apple TV+", "Sora"]
FR_WORDS = ["le", "la", "de", "patron", "série", "film", "a", "racheté", "réalisé", "par", "avec", "et", "dans", "joue",
            "prix", "du", "jury", "meilleure", "actrice", "PDG", "filiale", "sur", "diffusée", "casting", "distribution",
            "a déclaré", "selon", "qui", "dirige", "(", ")", ",", ":", "«", "»", ".", "\n\n"]
EN_WORDS = ["the", "of", "CEO", "series", "film", "acquired", "directed", "by", "with", "and", "in", "stars", "won",
            "best", "actress", "award", "subsidiary", "on", "streams", "cast", "said", "according", "to", "who", "runs",
            "(", ")", ",", ":", "“", "”", ".", "\n\n", "'s"]
# hostile characters text may hold after ingest: quotes, markup, SPARQL and Turtle fragments, RTL letters
ODD = ['"', "'", "}", ">", "]]>", "<script>", "<img onerror=x>", "} ; DROP", "@prefix", "ﺏﺎﺑ", "…", "’", "\t"]


PEOPLE = ["Léa Drucker", "Omar Sy", "Jeanne Morel", "Bob Iger", "Paul Sorel", "Ted Sarandos"]
COMPANIES = ["Netflix", "Canal+", "Arte", "Disney", "Gaumont", "Mistral AI", "Warner Bros."]
WORKS = ["Lupin", "Les Rives", "Nuit Blanche", "Salt Marsh"]
FR_TEMPLATES = ["Le patron de {c}, {p}, a déclaré « {q} ».", "{c} a racheté {c2}.", "La série {w} est réalisée par {p}.",
                "Devant la caméra, on retrouve {p} ({w}) et {p2}.", "{p}, PDG de {c}, a signé.",
                "Le prix du jury a récompensé {w}.", "{c}, la maison mère de {c2}, a parlé."]
EN_TEMPLATES = ["{c} CEO {p} said: “{q}”", "{c} acquired {c2}.", "The series {w} was directed by {p}.",
                "Leading the ensemble are {p} ({w}) and {p2}.", "{p}, chief executive of {c}, spoke.",
                "{w} won Best Drama Series.", "{c}, the parent company of {c2}, said so."]


def _sentence(templates: list[str]) -> st.SearchStrategy[str]:
    """A template sentence whose slots are names, and whose quote may hold hostile text."""
    quote = st.lists(st.one_of(st.sampled_from(ODD), st.sampled_from(["nous", "we", "will", "grow", "très", "fort"])),
                     min_size=3, max_size=10).map(" ".join)
    return st.builds(lambda t, p, p2, c, c2, w, q: t.format(p=p, p2=p2, c=c, c2=c2, w=w, q=q),
                     st.sampled_from(templates), st.sampled_from(PEOPLE), st.sampled_from(PEOPLE),
                     st.sampled_from(COMPANIES), st.sampled_from(COMPANIES), st.sampled_from(WORKS), quote)


def _texts(words: list[str], templates: list[str]) -> st.SearchStrategy[str]:
    """Template sentences mixed with word soup (names, function words, hostile characters)."""
    token = st.one_of(st.sampled_from(words), st.sampled_from(NAMES), st.sampled_from(ODD))
    noise = st.lists(token, min_size=1, max_size=25).map(" ".join)
    return st.lists(st.one_of(_sentence(templates), _sentence(templates), noise), min_size=1, max_size=4).map(" ".join)


FOUND: dict[str, int] = {"fr": 0, "en": 0}


def _check(text: str, lang: str) -> None:
    (extraction,) = extract_documents([Document(id="p", text=text, lang=lang)])
    FOUND[lang] += len(extraction.triples)
    for triple in extraction.triples:
        ev = triple.evidence
        assert 0 <= ev.start <= ev.end <= len(text)
        assert text[ev.start:ev.end] == ev.sentence
        for m in (ev.subject, ev.object):  # an argument may come from an earlier sentence (an antecedent)
            assert 0 <= m.start <= m.end <= len(text)
            assert text[m.start:m.end] == m.text
    record = json.loads(json.dumps(extraction.to_json(), ensure_ascii=False))
    assert record["doc_id"] == "p"
    quads = extraction_to_quads(canonicalise(extraction, Registry()))
    ds = Dataset()
    for q in quads:
        ds.add(q)
    trig = ds.serialize(format="trig")
    back = Dataset()
    back.parse(data=trig, format="trig")
    assert len(back) == len(ds)
    nquads = ds.serialize(format="nquads")
    ox = pyoxigraph.Store()
    ox.load(nquads.encode("utf-8"), pyoxigraph.RdfFormat.N_QUADS)
    assert len(ox) == len(set(quads))


SETTINGS = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)


@SETTINGS
@given(_texts(FR_WORDS, FR_TEMPLATES))
def test_french_extraction_properties(text):
    _check(text, "fr")


@pytest.mark.usefixtures("nlp_en")
@SETTINGS
@given(_texts(EN_WORDS, EN_TEMPLATES))
def test_english_extraction_properties(text):
    _check(text, "en")


def test_the_properties_were_checked_on_real_triples():
    """The generated texts do yield triples: the offset properties above are not vacuous."""
    if not FOUND["fr"]:
        test_french_extraction_properties()
    assert FOUND["fr"] > 10
