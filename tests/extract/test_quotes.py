"""French direct quotes: ``said`` only for « » / “ ” quotes with a named speaker."""

from __future__ import annotations

import pytest

from tests.extract._helpers import fr_triples, triples


def said(text: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in fr_triples(text) if p == "said"}


@pytest.mark.parametrize("text, speaker, start", [
    ("« Nous voulons grandir en Europe », a déclaré Maxime Saada.", "Maxime Saada", "Nous voulons grandir"),
    ("Ted Sarandos, patron de Netflix, a affirmé : « Le cinéma reste notre priorité. »", "Ted Sarandos",
     "Le cinéma reste"),
    ("Maxime Saada dirige Canal+. « Nous avons doublé nos abonnés », a-t-il expliqué.", "Maxime Saada",
     "Nous avons doublé"),
    # the inverted subject after the quote, a role noun with the name in apposition
    ("« Le catalogue doit voyager », a martelé la productrice Claire Vasseur, qui dirige Films du Nord.",
     "Claire Vasseur", "Le catalogue doit"),
    # a clause ending with a colon introduces the words of its subject
    ("Le patron de Canal+, Maxime Saada, a été catégorique : « Nous ne vendrons pas la chaîne. »",
     "Maxime Saada", "Nous ne vendrons pas"),
    # "ce dernier" after the quote: the person named last
    ("Radio Nova est dirigée par Bruno Delport. « Le public nous suit », assure ce dernier.",
     "Bruno Delport", "Le public nous suit"),
    # the person named last, past a company and a name inside the quote
    ("Bruno Delport a cofondé Molotov. « Molotov reste indépendant », assure ce dernier.",
     "Bruno Delport", "Molotov reste indépendant"),
    # a speech verb the parser tags as an adjective ("plaisante"), the name right after it
    ("« Le marché reste solide et le public suit », plaisante Marc Dupont.", "Marc Dupont", "Le marché reste"),
    ("« Le catalogue doit voyager », a salué Claire Vasseur.", "Claire Vasseur", "Le catalogue doit"),
])
def test_direct_quote(nlp_fr, text, speaker, start):
    found = said(text)
    assert any(s == speaker and o.startswith(start) for s, o in found), found


@pytest.mark.parametrize("text", [
    "Maxime Saada a déclaré que le groupe voulait grandir en Europe.",  # reported speech, no marks
    "« Nous ne céderons pas », a lancé un dirigeant qui a requis l'anonymat.",  # anonymous speaker
    "Ted Sarandos a expliqué que l'IA aiderait les créateurs.",
    "Le rapport est sans appel : « Le marché publicitaire ralentit. »",  # the subject is no speaker
    # "ce dernier" with no person named before: a company says nothing
    "Radio Nova a été rachetée par Vivendi. « Le public nous suit », assure cette dernière.",
])
def test_no_said(nlp_fr, text):
    assert not said(text)


# Positive twins of test_no_said, in its order: a marked quote with a named speaker.
@pytest.mark.parametrize("text, speaker, start", [
    ("Maxime Saada a déclaré : « Le groupe veut grandir en Europe. »", "Maxime Saada", "Le groupe veut"),
    ("« Nous ne céderons pas », a lancé Maxime Saada, qui dirige Canal+.", "Maxime Saada", "Nous ne céderons"),
    ("« L'IA aidera les créateurs », a expliqué Ted Sarandos.", "Ted Sarandos", "L'IA aidera"),
    ("Maxime Saada est sans appel : « Le marché publicitaire ralentit. »", "Maxime Saada", "Le marché publicitaire"),
    ("Radio Nova a été rachetée par Bruno Delport. « Le public nous suit », assure ce dernier.", "Bruno Delport",
     "Le public nous suit"),
])
def test_no_said_twin(nlp_fr, text, speaker, start):
    found = said(text)
    assert any(s == speaker and o.startswith(start) for s, o in found), found


def test_colon_quotes_have_their_own_rule_and_lower_confidence(nlp_fr):
    from kg.pipeline import extract_documents
    from kg.records import Document

    doc = Document(id="c", text="Ted Sarandos a été catégorique : « Nous ne remplacerons pas les scénaristes. »", lang="fr")
    [extraction] = extract_documents([doc])
    [said_triple] = [t for t in extraction.triples if t.predicate == "said"]
    assert said_triple.evidence.rule == "quote.colon" and said_triple.evidence.confidence < 0.9


def test_quoted_nickname_is_no_quote(nlp_fr):
    # a one-word quoted term is a nickname or a title, not speech (twin: a quoted sentence is)
    found = triples(nlp_fr, "Léa Rousseau, l'ancienne « Peste » de la chaîne, a déclaré « Peste ».")
    assert not {t for t in found if t[1] == "said"}
    found = triples(nlp_fr, "« Nous avons tourné en hiver », a déclaré Léa Rousseau.")
    assert any(t[0] == "Léa Rousseau" and t[1] == "said" for t in found)


def test_coordinated_speakers_each_said(nlp_fr):
    found = triples(nlp_fr, "Paul Sorel et Léa Rousseau, qui produisent la série, annoncent « une grande bataille politique ».")
    speakers = {t[0] for t in found if t[1] == "said"}
    assert speakers == {"Paul Sorel", "Léa Rousseau"}


def test_a_name_inside_the_quote_never_said_it(nlp_fr):
    text = ("Constance Benqué, présidente de Lagardère News, défend ce choix. « Cyril apporte une énergie que la "
            "radio n'a jamais connue », s'est-elle réjouie.")
    said = {(s, o[:12]) for s, p, o in triples(nlp_fr, text) if p == "said"}
    assert said == {("Constance Benqué", "Cyril apport")}


# --- a role noun speaker nobody is credited with (session 8) ------------------------------

def test_a_role_noun_speaker_is_the_person_the_passage_names_again(nlp_fr):
    found = triples(nlp_fr, "Karl Ozols a présenté son film à Annecy. Karl Ozols y a reçu le Cristal. « Ce film "
                            "prouve qu'un petit pays peut rivaliser », a réagi le cinéaste.")
    assert ("Karl Ozols", "said", "Ce film prouve qu'un petit pays peut rivaliser") in found


def test_a_role_noun_speaker_is_the_only_person_named(nlp_fr):
    found = triples(nlp_fr, "Le quotidien a changé de directeur. L'arrivée de Marc Lejeune avait provoqué une "
                            "grève. « Le journal restera fidèle à sa ligne », a assuré le journaliste.")
    assert ("Marc Lejeune", "said", "Le journal restera fidèle à sa ligne") in found


def test_a_role_noun_speaker_among_people_named_once_is_not_guessed(nlp_fr):
    found = triples(nlp_fr, "Karl Ozols a présenté son film à Annecy avec Marie Dane. « Ce film prouve qu'un petit "
                            "pays peut rivaliser », a réagi le cinéaste.")
    assert not any(p == "said" for s, p, o in found)
