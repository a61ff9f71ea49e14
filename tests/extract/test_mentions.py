"""French entity mentions: organisation head/suffix words, titles in work slots, award
categories with "du meilleur …", merged names, and negatives (no over-typing)."""

from __future__ import annotations

import pytest

from tests.extract._helpers import mention_types, triples


def types(nlp, text: str) -> dict[str, str]:
    return {m.text: m.type for m in nlp(text)._.mentions}


@pytest.mark.parametrize("text, name, expected", [
    # organisation head / suffix words, whatever NER said
    ("Le groupe a racheté Atelier Mervande, une société de postproduction implantée à Lille.",
     "Atelier Mervande", "Organization"),
    ("Cette série a été produite par Studio Pirouette, installé à Rennes.", "Studio Pirouette", "Organization"),
    ("La productrice Anne Vidal dirige Chat Perché Films depuis 2015.", "Chat Perché Films", "Organization"),
    ("Le groupe pourrait s'emparer du distributeur Toile Sud, selon la presse.", "Toile Sud", "Organization"),
    # event and award head words
    ("Le Festival Brindille a remis son prix Brindille à Camille Roux.", "Festival Brindille", "Event"),
    # award category "du meilleur …"
    ("Lauréat de l'Oscar du meilleur film international, le film sort en mai.",
     "Oscar du meilleur film international", "Award"),
    # a title in front of a French work participle
    ("La Ballade de Noé, signé Paul Kerbrat, suit un marin breton.", "La Ballade de Noé", "CreativeWork"),
    # multi-word work noun ("court métrage")
    ("Pour son court métrage Brisants, le collectif a fait appel à un graphiste.", "Brisants", "CreativeWork"),
])
def test_mention_type(nlp_fr, text, name, expected):
    assert types(nlp_fr, text).get(name) == expected


def test_event_with_edition_year(nlp_fr):
    found = types(nlp_fr, "Le film a fait l'ouverture du Festival de Cannes 2024, où il a été applaudi.")
    assert found.get("Festival de Cannes 2024") == "Event"


def test_person_stays_person(nlp_fr):
    found = types(nlp_fr, "Selon Marion Lefèvre, responsable de la postproduction, l'équipe travaille à Nantes.")
    assert found.get("Marion Lefèvre") == "Person"
    assert found.get("Nantes") == "Place"


def test_no_overtyping(nlp_fr):
    found = types(nlp_fr, "Demain, la société présentera ses résultats. Studios et chaînes attendent.")
    assert not any(t in found for t in ("Demain", "Studios"))


def test_no_overtyping_twin(nlp_fr):
    """Twin of test_no_overtyping: names in the same places are typed."""
    found = types(nlp_fr, "Demain, la société Gaumont présentera ses résultats. Studios Kino et chaînes attendent.")
    assert found.get("Gaumont") == "Organization" and found.get("Studios Kino") == "Organization"


def test_the_complement_of_a_person_role_is_an_organisation(nlp_fr):
    # NER takes "Cinéville" for a place; as the company of a founder it is an organisation
    text = "Le fondateur de Cinéville, Jean-Pierre Lemoine, restera conseiller."
    assert types(nlp_fr, text).get("Cinéville") == "Organization"
    assert ("Jean-Pierre Lemoine", "founderOf", "Cinéville") in triples(nlp_fr, text)


def test_the_complement_of_another_title_keeps_its_type(nlp_fr):
    # twin: a mayor is no company role, Lyon stays a place
    assert types(nlp_fr, "Le maire de Lyon, Grégory Doucet, a inauguré le festival.").get("Lyon") == "Place"


def test_a_lower_case_word_tagged_by_the_ner_is_no_name(nlp_fr):
    found = types(nlp_fr, "Ce thriller d'espionnage pince-sans-rire suit une unité du MI5.")
    assert not any("pince" in name for name in found)
    assert found.get("MI5") == "Organization"


def test_a_name_keeps_its_capital_start_when_the_ner_span_opens_on_an_adjective(nlp_fr):
    found = types(nlp_fr, "Le thriller pince-sans-rire Orages sort le 3 mai sur Canal+.")
    assert "Orages" in found
    assert not any(name != "Orages" and "Orages" in name for name in found)


def test_a_lower_case_head_word_stays_in_the_name_twin(nlp_fr):
    # "festival" opens an event's name: it is kept, and it types the name
    found = types(nlp_fr, "Elle a été présentée en avant-première au festival Canneseries.")
    assert found.get("festival Canneseries") == "Event"


def test_a_known_place_described_as_a_work_is_a_title(nlp_fr):
    found = types(nlp_fr, "Netflix a dévoilé la bande-annonce de Berlin, le spin-off de La Casa de papel consacré "
                          "au plus flamboyant des braqueurs.")
    assert found.get("Berlin") == "CreativeWork"
    assert "La Casa de papel" in found  # the participle and its complement are not part of the title


def test_a_place_before_a_main_clause_subject_stays_a_place_twin(nlp_fr):
    assert types(nlp_fr, "Tourné à Marseille, le film sort en mai.").get("Marseille") == "Place"


def test_a_city_name_running_on_into_capitals_is_a_longer_name(nlp_fr):
    found = types(nlp_fr, "C'est officiel : Paris Match passe dans le giron de LVMH.")
    assert found.get("Paris Match") == "Organization"
    assert ("Paris Match", "subsidiaryOf", "LVMH") in triples(nlp_fr, "C'est officiel : Paris Match passe dans le giron de LVMH.")


def test_a_city_before_lower_case_words_stays_a_city_twin(nlp_fr):
    assert types(nlp_fr, "Le groupe LVMH est installé à Paris depuis 1987.").get("Paris") == "Place"


def test_a_one_word_name_as_agent_of_a_distribution_verb_is_a_company(nlp_fr):
    text = "Le Dernier Pont suit deux frères. Le film est distribué par Pyramide."
    assert mention_types(nlp_fr, text).get("Pyramide") == "Organization"
    assert ("Pyramide", "distributes", "Le Dernier Pont") in triples(nlp_fr, text)


def test_a_one_word_person_named_in_full_stays_a_person_as_agent(nlp_fr):
    text = "Jeanne Morel signe un court métrage. Le film est distribué par Morel elle-même."
    assert mention_types(nlp_fr, text).get("Morel") != "Organization"
    assert mention_types(nlp_fr, text).get("Jeanne Morel") == "Person"


def test_a_name_ner_missed_is_a_company_as_what_a_founding_verb_acts_on(nlp_fr):
    text = "L'Ircam, fondé par Pierre Boulez en 1977, est installé à Paris."
    assert mention_types(nlp_fr, text).get("Ircam") == "Organization"
    assert ("Pierre Boulez", "founderOf", "Ircam") in triples(nlp_fr, text)


def test_a_person_span_running_over_de_into_a_title_is_split(nlp_fr):
    types = mention_types(nlp_fr, "Cinq ans après l'adaptation par Éric Barbier de Petit Pays, le premier roman de "
                                  "Gaël Faye, le cinéma s'intéresse à Jacaranda.")
    assert types.get("Éric Barbier") == "Person"
    assert types.get("Petit Pays") == "CreativeWork"


def test_a_person_name_with_a_particle_stays_whole(nlp_fr):
    types = mention_types(nlp_fr, "Le dernier roman de Xavier Dupont de Ligonnès est sorti, et Alexandre de La Patellière signe le film.")
    assert types.get("Alexandre de La Patellière") == "Person"
    assert not any(name in ("Ligonnès", "La Patellière") for name in types)


def test_a_one_word_person_before_de_and_a_full_name_is_a_title(nlp_fr):
    text = ("Élu meilleur film de l'année, Miséricorde d'Alain Guiraudie poursuit une belle carrière. "
            "Félix Kysyl y tient le rôle principal.")
    assert mention_types(nlp_fr, text).get("Miséricorde") == "CreativeWork"
    assert ("Félix Kysyl", "actsIn", "Miséricorde") in triples(nlp_fr, text)


def test_a_given_name_before_de_and_a_full_name_stays_a_person(nlp_fr):
    assert mention_types(nlp_fr, "Élu meilleur film de l'année, Miséricorde d'Alain Guiraudie triomphe. "
                                 "Marie de Jean Dupont arrive.").get("Marie") != "CreativeWork"


def test_a_person_after_a_work_noun_and_de_is_its_author_not_a_title(nlp_fr):
    text = "Le Mage du Kremlin d'Olivier Assayas adapte le roman à succès de Giuliano da Empoli, lauréat d'un prix."
    assert mention_types(nlp_fr, text).get("Giuliano da Empoli") == "Person"


def test_one_word_producers_named_as_agents_are_companies(nlp_fr):
    text = "Le film Les Ondes a été produit par Jerico et Superprod, puis distribué en salles."
    assert {("Jerico", "produces", "Les Ondes"), ("Superprod", "produces", "Les Ondes")} <= triples(nlp_fr, text)


def test_a_company_noun_and_its_adjective_before_a_name_make_it_a_company(nlp_fr):
    types = mention_types(nlp_fr, "Le drame sort mercredi. La société bruxelloise Tarantula le coproduit.")
    assert types.get("Tarantula") == "Organization"


def test_a_person_after_de_and_a_nationality_is_no_title(nlp_fr):
    types = mention_types(nlp_fr, "Le film du Britannique Steve McQueen sort mercredi.")
    assert types.get("Steve McQueen") == "Person"
    assert mention_types(nlp_fr, "La série Lupin revient.").get("Lupin") == "CreativeWork"


def test_the_subject_of_a_fronted_work_participle_is_a_work(nlp_fr):
    # NER reads the title as a place; the opening participle only a work takes types it
    assert types(nlp_fr, "Tournée à Bruxelles, Lorraine sort mercredi.").get("Lorraine") == "CreativeWork"
    assert types(nlp_fr, "Présentée en ouverture de Séries Mania, à Lille, Rematch revient sur le duel de 1997."
                 ).get("Rematch") == "CreativeWork"
    # twin: a participle a company or a person takes as well types nothing
    assert types(nlp_fr, "Installée à Bruxelles, Lorraine recrute.").get("Lorraine") != "CreativeWork"


def test_a_title_ner_cut_before_a_place_inside_it_is_joined(nlp_fr):
    text = "Avec 1,4 million d'entrées, Un ours dans le Jura s'impose comme la surprise de l'hiver."
    assert "Un ours dans le Jura" in types(nlp_fr, text)
    # twin: a place after words NER left unnamed stays a place
    assert types(nlp_fr, "Le tournage de la comédie a eu lieu dans le Jura.").get("Jura") == "Place"


def test_a_person_name_with_a_lower_case_noun_is_a_sentence_case_title(nlp_fr):
    # NER reads the title as a person; a person's name holds no lower-case noun or adjective
    text = "Hugo Lemaire tient le rôle principal de Mauvaise graine."
    assert mention_types(nlp_fr, text).get("Mauvaise graine") == "Misc"
    assert ("Hugo Lemaire", "actsIn", "Mauvaise graine") in triples(nlp_fr, text)
    # twin: a name particle (lexicon name_particles) keeps the person
    assert mention_types(nlp_fr, "Le documentaire consacré à Charles de Gaulle sort en mai.").get(
        "Charles de Gaulle") == "Person"


def test_a_hyphenated_given_name_keeps_the_person(nlp_en):
    assert mention_types(nlp_en, "Lee Seung-gi stars in the drama.").get("Lee Seung-gi") == "Person"


def test_a_name_ner_missed_after_a_genre_noun_is_a_title_fr(nlp_fr):
    assert mention_types(nlp_fr, "Elle joue dans le thriller Nuit blanche de Paul Vidal.").get("Nuit blanche") == "CreativeWork"


def test_an_event_head_noun_joins_the_event_name(nlp_fr):
    # "Festival" + "Séries Mania" (a gazetteer event): one event, and no untyped "Festival" left for
    # "la série" to stand for
    text = "Le drame Vortex a triomphé au dernier Festival Séries Mania. Imaginée par Camille Duval, la série suit une enquêtrice."
    assert mention_types(nlp_fr, text).get("Festival Séries Mania") == "Event"
    assert ("Vortex", "author", "Camille Duval") in triples(nlp_fr, text)


def test_a_sentence_case_title_read_as_a_place_fr(nlp_fr):
    # "Ligne de crête": a lower-case noun inside a name NER read as a place is a title's
    text = "Sonia Abadi incarne une guide dans Ligne de crête."
    assert mention_types(nlp_fr, text).get("Ligne de crête") != "Place"
    assert ("Sonia Abadi", "actsIn", "Ligne de crête") in triples(nlp_fr, text)
    # twins: a lower-case place noun or adjective stays in a place's name
    types = mention_types(nlp_fr, "Le tournage a eu lieu dans le Pays basque, au bord du lac de Garde et dans le Massif central.")
    assert types.get("Pays basque") == "Place" and types.get("Massif central") == "Place"


def test_a_name_with_an_age_in_apposition_is_a_person_fr(nlp_fr):
    # "la petite Fleur, six ans": a child of the synopsis, not the title credits are about
    found = mention_types(nlp_fr, "Tout va bien suit une famille dont la petite Fleur, six ans, est hospitalisée.")
    assert found.get("Fleur") == "Person"
    assert found.get("Tout va bien") != "Person"  # the title beside it is untouched


def test_a_place_name_described_as_a_coproduction_is_a_title_fr(nlp_fr):
    found = mention_types(nlp_fr, "Le Grand Prix revient à Kaboul, une coproduction européenne.")
    assert found.get("Kaboul") == "CreativeWork"
    assert mention_types(nlp_fr, "Le reporter revient à Kaboul, la capitale afghane.").get("Kaboul") == "Place"


def test_a_title_ends_before_its_clauses_compound_verb_fr(nlp_fr):
    # NER's MISC span ran over "a triomphé"; a title's own lower-case words stay ("Illusions perdues")
    found = mention_types(nlp_fr, "Le film Illusions perdues a triomphé.")
    assert "Illusions perdues" in found and "Illusions perdues a triomphé" not in found


def test_a_sentence_case_title_ending_in_a_participle_keeps_it(nlp_fr):
    # a capitalised word and a participle are a title ("Cœurs brisés"); a participle after a longer
    # name, with its complement, is the clause's (the twin: test_a_known_place_described_as_a_work_is_a_title)
    found = types(nlp_fr, "Après le succès de la première saison, TF1 a renouvelé Cœurs brisés pour une deuxième saison.")
    assert "Cœurs brisés" in found
    assert "Cœurs" not in found


def test_a_title_the_ner_cut_before_a_known_place_is_joined_back(nlp_fr):
    # the gazetteer's place ends the NER's title at "de"; as with a place the NER found itself
    # ("Un ours dans le" + "Jura"), the two are one title
    found = types(nlp_fr, "Baptisée Les Lumières de Lyon, la série de six épisodes sera réalisée par Karim Belkadi.")
    assert "Les Lumières de Lyon" in found
    assert "Lyon" not in found


def test_a_fronted_participle_s_list_runs_to_the_main_subject_fr(nlp_fr):
    # the first comma is inside the fronted phrase's list: what follows it is no title
    types = mention_types(nlp_fr, "Coproduit par Lune Films en Lettonie, Kappa Productions en France et Take Two en "
                                  "Belgique, le film a été fabriqué avec Blender.")
    assert types.get("Kappa Productions") == "Organization"
    assert not any(" et " in name for name in types)
    # the twin: a work subject right after a one-phrase fronted participle is still a title
    assert mention_types(nlp_fr, "Produite par Lune Films, Sambre arrive sur France 2.").get("Sambre") == "CreativeWork"


def test_a_fronted_participle_and_its_complement_are_no_sentence_case_title_fr(nlp_fr):
    types = mention_types(nlp_fr, "Adaptée de la série israélienne Sillons, créée par Hagai Levi, la fiction se déroule "
                                  "à Paris.")
    assert not any(name.startswith("Adaptée") for name in types)
    # the twin: a sentence-case title opening the sentence before a comma is still read
    assert mention_types(nlp_fr, "Ligne de crête, réalisé par Paul Verdier, sort en mai.").get("Ligne de crête") \
        == "CreativeWork"
