"""Credit lists (kg/extract/credits.py): bracketed filmographies, lists of names sharing a
role, the work being credited. Sentences written for these tests, French and English."""

from __future__ import annotations

import pytest

from tests.extract._helpers import mention_types, rule_triples, triples


@pytest.mark.parametrize("text, expected", [
    # a cast list after "la distribution de X": every name acts in X, bracketed titles too
    ("France 3 a dévoilé la distribution de Brocéliande, sa saga de l'été. Aux côtés de l'héroïne, on retrouvera "
     "Bruno Wolkowitch (Section de recherches) et Chloé Lambert (Les Petits Meurtres d'Agatha Christie).",
     {("Bruno Wolkowitch", "actsIn", "Brocéliande"), ("Bruno Wolkowitch", "actsIn", "Section de recherches"),
      ("Chloé Lambert", "actsIn", "Brocéliande"), ("Chloé Lambert", "actsIn", "Les Petits Meurtres d'Agatha Christie")}),
    # directors named by a cue noun before the list
    ("Trois réalisateurs se partagent les épisodes : Anne Moreau (Les Rives), Paul Sorel (Braquages) et Lina Haddad.",
     {("Les Rives", "directedBy", "Anne Moreau"), ("Braquages", "directedBy", "Paul Sorel")}),
    # a role a frame gave to the list: the bracketed titles get it too
    ("La série est réalisée par Karim Dridi et Manon Briand (Le Voyage de Lina, Sous la glace).",
     {("Le Voyage de Lina", "directedBy", "Manon Briand"), ("Sous la glace", "directedBy", "Manon Briand")}),
])
def test_credit_lists_fr(nlp_fr, text, expected):
    assert expected <= triples(nlp_fr, text)


@pytest.mark.parametrize("text, expected", [
    ("HBO has unveiled the cast of Salt Marsh, its new Louisiana drama. Leading the ensemble are Kerry Duval "
     "(The Long Road), Amit Rao (Signal Fires) and Nora Belsky.",
     {("Kerry Duval", "actsIn", "Salt Marsh"), ("Kerry Duval", "actsIn", "The Long Road"),
      ("Amit Rao", "actsIn", "Salt Marsh"), ("Amit Rao", "actsIn", "Signal Fires"), ("Nora Belsky", "actsIn", "Salt Marsh")}),
    ("The series was written by Dana Pruitt (Blue Lines) and directed by Owen Marsh (Nightcrawl, The Bends).",
     {("Blue Lines", "author", "Dana Pruitt"), ("Nightcrawl", "directedBy", "Owen Marsh"),
      ("The Bends", "directedBy", "Owen Marsh")}),
])
def test_credit_lists_en(nlp_en, text, expected):
    assert expected <= triples(nlp_en, text)


@pytest.mark.parametrize("text, unexpected, expected", [
    # an acronym after a company is its short name, not a title (twin: a filmography after a person)
    ("L'Agence Nordique de Presse (ANP) a signé avec Mistral AI. Devant la caméra, on retrouve Léa Rousseau (Les Rives).",
     ("Agence Nordique de Presse", "actsIn", "ANP"), ("Léa Rousseau", "actsIn", "Les Rives")),
    # an age in brackets is no title
    ("Au casting, on retrouve Paul Sorel (54 ans) et Léa Rousseau (Les Rives).",
     ("Paul Sorel", "actsIn", "54 ans"), ("Léa Rousseau", "actsIn", "Les Rives")),
])
def test_bracket_not_titles_fr(nlp_fr, text, unexpected, expected):
    found = triples(nlp_fr, text)
    assert unexpected not in found
    assert expected in found


@pytest.mark.parametrize("text, unexpected, expected", [
    # one name after a verb cue is the frames' job: "plays football" is no credit (twin: a cue noun)
    ("Christopher Nolan directed Oppenheimer for Universal. Lionel Messi plays football for Inter Miami.",
     ("Lionel Messi", "actsIn", "Oppenheimer"), ("Oppenheimer", "directedBy", "Christopher Nolan")),
    # a list far from any cue gets nothing; names by a cue do
    ("Netflix released Night Tide in May. Anna Kerr and Bill Dorsey attended the premiere. "
     "The cast includes Mara Holt (Red Dust) and Tom Quill (Glass Road).",
     ("Anna Kerr", "actsIn", "Night Tide"), ("Mara Holt", "actsIn", "Red Dust")),
])
def test_credit_limits_en(nlp_en, text, unexpected, expected):
    found = triples(nlp_en, text)
    assert unexpected not in found
    assert expected in found


def test_characters_are_not_entities(nlp_en):
    types = mention_types(nlp_en, "In the film, Sam Claflin plays Jenna Lazarus opposite Bill Nighy.")
    assert "Jenna Lazarus" not in types
    assert types.get("Sam Claflin") == "Person"


@pytest.mark.parametrize("text, character", [
    ("Le long-métrage suit Paul, un constructeur de bateaux qui rétrécit.", "Paul"),
    ("Le film suit Michelle, une grand-mère paisible incarnée par Hélène Vincent.", "Michelle"),
    ("Ce mélodrame raconte l'histoire de Sandra, une libraire de Lyon.", "Sandra"),
])
def test_who_a_synopsis_follows_is_a_character_fr(nlp_fr, text, character):
    assert character not in mention_types(nlp_fr, text)


@pytest.mark.parametrize("text, character", [
    ("The film follows Maya, a young nurse.", "Maya"),
    ("The drama centres on Ada, a nurse played by Carey Mulligan.", "Ada"),
])
def test_who_a_synopsis_follows_is_a_character_en(nlp_en, text, character):
    assert character not in mention_types(nlp_en, text)


@pytest.mark.parametrize("text, name", [
    ("Le patron de TF1 suit Sandra Morel de près.", "Sandra Morel"),  # a full name: maybe the biopic's real person
    ("Ted Sarandos suit Sandra, sa directrice financière.", "Sandra"),  # a person follows: no synopsis
    ("La série suit Karl Lagerfeld dans le Paris des années 1970.", "Karl Lagerfeld"),
])
def test_synopsis_characters_need_a_work_subject_and_a_one_word_name(nlp_fr, text, name):
    assert name in mention_types(nlp_fr, text)


def test_long_metrage_is_one_noun(nlp_fr):
    doc = nlp_fr("Au Festival de San Sebastián, le long-métrage a remporté le prix du meilleur scénario.")
    assert "long-métrage" in [t.text for t in doc]
    # split, its words made the festival the work's description; whole, the festival is an event
    assert mention_types(nlp_fr, doc.text).get("Festival de San Sebastián") == "Event"


def test_bracketed_titles_are_works_whatever_ner_said(nlp_fr):
    types = mention_types(nlp_fr, "Trois cinéastes se relaieront : Florent Emilio Siri (Cloclo) et Xavier Gens (Hitman).")
    assert types.get("Cloclo") == "CreativeWork" and types.get("Hitman") == "CreativeWork"
    assert types.get("Florent Emilio Siri") == "Person"


def test_cast_noun_types_its_complement(nlp_fr):
    types = mention_types(nlp_fr, "Netflix a dévoilé la distribution de Marseille, sa série politique.")
    assert types.get("Marseille") == "CreativeWork"
    # twin: the city in a place slot stays a place
    assert mention_types(nlp_fr, "Netflix a ouvert un bureau à Marseille.").get("Marseille") == "Place"


@pytest.mark.parametrize("text, expected", [
    ("La comédie Les Beaux Jours, avec Léa Rousseau et Paul Sorel, sort mercredi.",
     {("Léa Rousseau", "actsIn", "Les Beaux Jours"), ("Paul Sorel", "actsIn", "Les Beaux Jours")}),
])
def test_cast_joined_by_avec_fr(nlp_fr, text, expected):
    assert expected <= triples(nlp_fr, text)


def test_avec_without_a_work_is_no_cast(nlp_fr):
    # twin of the above: "avec" after a deal, no work named before it
    found = triples(nlp_fr, "Le groupe Médiane a signé un accord avec Paul Sorel. Léa Rousseau tourne Les Beaux Jours.")
    assert not {t for t in found if t[1] == "actsIn" and t[0] == "Paul Sorel"}
    assert ("Léa Rousseau", "actsIn", "Les Beaux Jours") in triples(
        nlp_fr, "La comédie Les Beaux Jours, avec Léa Rousseau, sort mercredi.")


def test_credit_block_of_a_review_fr(nlp_fr):
    found = triples(nlp_fr, "La Nuit des sirènes (France, 1 h 52). Réalisation : Inès Morvan. Avec Léa Drucker, Grégory Gadebois.")
    assert {("La Nuit des sirènes", "directedBy", "Inès Morvan"), ("Léa Drucker", "actsIn", "La Nuit des sirènes"),
            ("Grégory Gadebois", "actsIn", "La Nuit des sirènes")} <= found


# The work a credit list is about when its sentence names none (credits.focus_work)
@pytest.mark.parametrize("text, expected", [
    # a name given as the work ("la série X") is the focus of the next sentence's cast
    ("France 2 lance ce soir la série Les Oubliés. Léa Drucker et Pio Marmaï y tiennent les rôles principaux.",
     {("Léa Drucker", "actsIn", "Les Oubliés"), ("Pio Marmaï", "actsIn", "Les Oubliés")}),
    # a filmography in brackets is not the focus: the co-directors direct the work of the passage
    ("Le festival présente Les Oubliés. Michel Gondry (Eternal Sunshine) cosigne la réalisation avec Anne Fontaine "
     "et Xavier Beauvois.",
     {("Les Oubliés", "directedBy", "Anne Fontaine"), ("Les Oubliés", "directedBy", "Xavier Beauvois")}),
])
def test_focus_work_of_a_credit_list(nlp_fr, text, expected):
    assert expected <= triples(nlp_fr, text)


def test_a_name_in_a_prepositional_phrase_is_no_focus_work(nlp_fr):
    # "les derniers mois de la Grande Guerre": a name mentioned, not a work the cast plays in
    found = triples(nlp_fr, "France 2 lance ce soir une série sur les derniers mois de la Grande Guerre. "
                            "Léa Drucker et Pio Marmaï y tiennent les rôles principaux.")
    assert not {t for t in found if t[2] == "Grande Guerre"}
    assert not {t for t in found if t[1] == "actsIn"}


def test_a_bracketed_title_is_no_focus_for_the_co_directors(nlp_fr):
    found = triples(nlp_fr, "Le festival présente Les Oubliés. Michel Gondry (Eternal Sunshine) cosigne la "
                            "réalisation avec Anne Fontaine et Xavier Beauvois.")
    assert not {t for t in found if t[0] == "Eternal Sunshine" and t[2] != "Michel Gondry"}


def test_an_agent_cue_credits_the_name_after_par_only(nlp_fr):
    # "la série produite par T": the producer is T; the creators named before get "créée par"
    found = triples(nlp_fr, "France 3 rediffuse dès lundi Les Oubliés. Créée par Anne Berest, Marc Fitoussi et "
                            "Julie Lopes, la série produite par Tetra Media Fiction a révélé Pio Marmaï.")
    assert {("Les Oubliés", "author", n) for n in ("Anne Berest", "Marc Fitoussi", "Julie Lopes")} <= found
    assert not {t for t in found if t[1] == "produces" and t[0] != "Tetra Media Fiction"}


@pytest.mark.parametrize("text", [
    "The series Fallout returns to Prime Video in December. Ella Purnell and Walton Goggins are back for the new season.",
    "The series Fallout returns in January. Ella Purnell and Walton Goggins reprise their roles.",
])
def test_a_returning_cast_is_a_credit_list_en(nlp_en, text):
    found = triples(nlp_en, text)
    assert {("Ella Purnell", "actsIn", "Fallout"), ("Walton Goggins", "actsIn", "Fallout")} <= found


def test_a_returning_cast_needs_a_work_twin_en(nlp_en):
    found = triples(nlp_en, "Ella Purnell and Walton Goggins are back in Los Angeles after the strike.")
    assert not any(p == "actsIn" for _, p, _ in found)


def test_a_date_after_a_work_verb_is_no_title_en(nlp_en):
    found = mention_types(nlp_en, "Fallout returns to Prime Video in December.")
    assert "December" not in found


@pytest.mark.parametrize("text, expected", [
    ("La série Les Rives revient sur France 2. Paul Sorel campe un flic, entouré de Lina Haddad, Anne Moreau et Marc Lévy.",
     {("Lina Haddad", "actsIn", "Les Rives"), ("Marc Lévy", "actsIn", "Les Rives")}),
    ("La série Les Rives revient sur France 2. Paul Sorel et Lina Haddad sont de retour.",
     {("Paul Sorel", "actsIn", "Les Rives"), ("Lina Haddad", "actsIn", "Les Rives")}),
])
def test_a_cast_around_a_lead_or_back_is_a_credit_list_fr(nlp_fr, text, expected):
    assert expected <= triples(nlp_fr, text)


def test_surrounded_by_relatives_is_no_cast_twin_fr(nlp_fr):
    assert not any(p == "actsIn" for _, p, _ in triples(nlp_fr, "Paul Sorel, entouré de ses proches, a fêté ses 50 ans."))


def test_a_negated_source_is_no_credit_fr(nlp_fr):
    found = triples(nlp_fr, "Le film Astérix sort en février. Le scénario ne s'inspire d'aucun album de René Goscinny "
                            "et Albert Uderzo.")
    assert not any(p == "author" for _, p, _ in found)


def test_a_signed_script_is_a_credit_twin_fr(nlp_fr):
    found = triples(nlp_fr, "Le film Astérix sort en février. Le scénario est signé René Goscinny et Albert Uderzo.")
    assert {("Astérix", "author", "René Goscinny"), ("Astérix", "author", "Albert Uderzo")} <= found


def test_a_work_that_revealed_actors_is_a_credit_fr(nlp_fr):
    found = triples(nlp_fr, "Le feuilleton Un village français a révélé Thierry Godard et Audrey Fleurot.")
    assert {("Thierry Godard", "actsIn", "Un village français"), ("Audrey Fleurot", "actsIn", "Un village français")} <= found


def test_a_director_who_revealed_an_actor_is_no_work_twin_fr(nlp_fr):
    assert not any(p == "actsIn" for _, p, _ in triples(nlp_fr, "Le réalisateur Xavier Dolan a révélé Niels Schneider."))


def test_co_stars_do_not_share_an_earlier_credit_in_apposition_fr(nlp_fr):
    text = ("La série Totems suit un jeune homme. Niels Schneider, révélé par Les Amours imaginaires de Xavier Dolan, "
            "y donne la réplique à Vera Kolesnikova.")
    found = triples(nlp_fr, text)
    assert ("Niels Schneider", "actsIn", "Les Amours imaginaires") in found
    assert ("Vera Kolesnikova", "actsIn", "Totems") in found
    assert ("Vera Kolesnikova", "actsIn", "Les Amours imaginaires") not in found


# --- the work a passage's credits are about is never a reference (session 10) -------------------

@pytest.mark.parametrize("text, reference", [
    # the source of an adaptation, by its opener and by a source noun in apposition
    ("Le film Les Heures claires sort mercredi. Adapté de La Serre, le roman de Lise Garnier, le film suit une "
     "fleuriste. Léa Morin et Paul Sorel complètent la distribution.", "La Serre"),
    # an earlier work of the director
    ("Le film Les Heures claires sort mercredi, trois ans après sa comédie Les Voisins. Léa Morin et Paul Sorel "
     "complètent la distribution.", "Les Voisins"),
    # a credit of someone named: "l'autrice de la série X"
    ("Le film Les Heures claires sort mercredi. Le scénario est signé Lise Garnier, l'autrice de la série La Serre. "
     "Léa Morin et Paul Sorel complètent la distribution.", "La Serre"),
    # the second item of a bracketed filmography, once the source is set aside
    ("Les Heures claires a pris la tête du box-office. Le long-métrage de Marc Olivier (Les Voisins, Nuit fauve), "
     "adapté de La Serre, le roman de Lise Garnier, sort en Belgique. Léa Morin et Paul Sorel rejoignent la "
     "distribution.", "Nuit fauve"),
])
def test_credits_go_to_the_passage_work_not_a_reference_fr(nlp_fr, text, reference):
    found = triples(nlp_fr, text)
    assert ("Léa Morin", "actsIn", "Les Heures claires") in found and ("Paul Sorel", "actsIn", "Les Heures claires") in found
    assert ("Léa Morin", "actsIn", reference) not in found


def test_a_person_after_a_relative_pronoun_is_not_named_by_the_work_noun_fr(nlp_fr):
    types = mention_types(nlp_fr, "Adapté de The Long Road, le roman que Richard Mason, l'auteur de Cold Harbour, "
                                  "avait publié en 1956, le film sort mercredi.")
    assert types.get("Richard Mason") == "Person"
    # twin: a name the work noun names is the work
    assert mention_types(nlp_fr, "Le roman Cold Harbour sort en poche.").get("Cold Harbour") == "CreativeWork"


@pytest.mark.parametrize("text, title", [
    # the parser hangs the title on the participle as an oblique; after the fronted phrase it is the subject
    ("Présenté hors compétition au Festival de Cannes, L'Homme qui rétrécit marque le retour de Jan Kounen derrière "
     "la caméra, cinq ans après Mon cousin. Le long-métrage suit un constructeur de bateaux.", "L'Homme qui rétrécit"),
    ("Présenté hors compétition au Festival de Cannes, Les Heures claires marque le retour de Jan Morel derrière la "
     "caméra.", "Les Heures claires"),
])
def test_the_subject_after_a_fronted_phrase_is_used_as_a_work_fr(nlp_fr, text, title):
    from kg.extract.credits import _named_as_work
    from kg.lexicon import load_lexicon

    doc = nlp_fr(text)
    a = text.index(title)
    assert _named_as_work(doc.char_span(a, a + len(title)), load_lexicon("fr"))
    # twin: a title inside the fronted phrase is not ("Adapté de X, le film…")
    doc = nlp_fr("Adapté de La Serre, le film sort mercredi.")
    assert not _named_as_work(doc.char_span(10, 18), load_lexicon("fr"))


def test_a_source_after_adaptee_du_is_no_passage_work_fr(nlp_fr):
    text = ("Les Racines du ciel revient vendredi sur Apple TV+. Créée par Paul Sorel (Marianne) et adaptée du manga "
            "Kami no Sake de Tadashi Ota et Shu Kimura, la série suit deux héritiers. Léa Morin et Anne Roy reprennent "
            "leurs rôles, aux côtés de Marc Vidal.")
    found = triples(nlp_fr, text)
    assert ("Léa Morin", "actsIn", "Kami no Sake") not in found
    assert ("Léa Morin", "actsIn", "Les Racines du ciel") in found and ("Marc Vidal", "actsIn", "Les Racines du ciel") in found


@pytest.mark.parametrize("text, character", [
    ("Laure Morel incarne son épouse, Cathy, tandis que Benoît Vidal endosse l'uniforme du gendarme.", "Cathy"),
    ("Josiane Roy prête ses traits à sa meilleure amie, Marie-Claude, dans le film.", "Marie-Claude"),
])
def test_a_name_apposed_to_a_part_played_is_a_character_fr(nlp_fr, text, character):
    types = mention_types(nlp_fr, text)
    assert character not in types
    assert next(iter(types.values())) == "Person"  # the actor stays


def test_a_name_apposed_to_a_noun_no_actor_plays_stays_fr(nlp_fr):
    assert mention_types(nlp_fr, "Le producteur a présenté son épouse, Cathy, au public.").get("Cathy") == "Person"


def test_a_description_beyond_the_window_of_only_references_is_the_passage_work_fr(nlp_fr):
    # "ce mélodrame" is three sentences after the film: within its window only the source is named
    text = ("Choisi pour ouvrir la section Orizzonti, Les Heures claires de Carine Morel sort mercredi. Adapté de La "
            "Serre, le roman de Lise Garnier, le film suit une libraire. Léa Morin incarne cette libraire, face à Pio "
            "Marmaï. Anne Roy et Paul Sorel complètent la distribution. Produit par Karé Productions, ce mélodrame a "
            "remporté un prix à Angoulême.")
    found = triples(nlp_fr, text)
    assert ("Karé Productions", "produces", "Les Heures claires") in found
    assert ("Karé Productions", "produces", "La Serre") not in found


@pytest.mark.parametrize("text, expected", [
    ("Le film Ligne de crête sort mercredi. Le casting, emmené par Sonia Abadi, comprend aussi Paul Verdier et "
     "Inès Belkacem.", {("Sonia Abadi", "actsIn", "Ligne de crête"), ("Paul Verdier", "actsIn", "Ligne de crête"),
                        ("Inès Belkacem", "actsIn", "Ligne de crête")}),
    ("La distribution de Ligne de crête réunit Paul Verdier et Sonia Abadi.",
     {("Paul Verdier", "actsIn", "Ligne de crête"), ("Sonia Abadi", "actsIn", "Ligne de crête")}),
])
def test_a_cast_noun_including_names_fr(nlp_fr, text, expected):
    assert expected <= triples(nlp_fr, text)


def test_a_cast_noun_including_names_needs_a_cast_fr(nlp_fr):
    # twin: "la distribution" of a company counting its staff
    assert not any(p == "actsIn" for _, p, _ in triples(nlp_fr, "La distribution des films de Gaumont compte dix salariés."))


def test_filming_under_someones_direction_fr(nlp_fr):
    # no work in the sentence: the passage's work; the one filming acts in it
    text = "Le film Ligne de crête sort mercredi. Paul Verdier a tourné sous la direction de Claire Mangin."
    assert {("Ligne de crête", "directedBy", "Claire Mangin"), ("Paul Verdier", "actsIn", "Ligne de crête")} \
        <= triples(nlp_fr, text)
    # twin: working under someone's direction at a company is no credit
    text = "Le film Ligne de crête sort mercredi. Paul Verdier a travaillé sous la direction de Claire Mangin chez Gaumont."
    assert not any(p in ("directedBy", "actsIn") for _, p, _ in triples(nlp_fr, text))


@pytest.mark.parametrize("text, expected", [
    # a sentence-case title opening the sentence, its cast after "avec"
    ("Ligne de crête, avec Paul Verdier, Sonia Abadi et Inès Belkacem, sort le 4 juin.",
     {("Paul Verdier", "actsIn", "Ligne de crête"), ("Sonia Abadi", "actsIn", "Ligne de crête"),
      ("Inès Belkacem", "actsIn", "Ligne de crête")}),
    ("Le Bureau des légendes, avec Mathieu Kassovitz, revient.", {("Mathieu Kassovitz", "actsIn", "Le Bureau des légendes")}),
])
def test_a_title_then_its_cast_after_avec_fr(nlp_fr, text, expected):
    assert expected <= triples(nlp_fr, text)


@pytest.mark.parametrize("text", [
    "Le groupe, avec Paul Verdier, a signé un accord.",
    "Paul Morin, avec Marie Lenoir, a fondé la société Lantern Films.",
])
def test_a_name_then_avec_is_no_cast_fr(nlp_fr, text):
    # twins: a common noun or a person before "avec"
    assert not any(p == "actsIn" for _, p, _ in triples(nlp_fr, text))


@pytest.mark.parametrize("lang, text, expected, absent", [
    # a job after "as"/"comme" in a "with" list: its credit, or none for a crew job
    ("en", "The film Ashfall starts shooting Monday with Paul Morin as director.", ("Ashfall", "directedBy", "Paul Morin"),
     ("Paul Morin", "actsIn", "Ashfall")),
    ("fr", "Le film Ligne de crête sort mercredi, avec Paul Morin comme réalisateur.",
     ("Ligne de crête", "directedBy", "Paul Morin"), ("Paul Morin", "actsIn", "Ligne de crête")),
    # a character's name after "as" is a part
    ("en", "The film Ashfall starts shooting Monday with Paul Morin as Tom.", ("Paul Morin", "actsIn", "Ashfall"), None),
])
def test_a_job_after_a_name_in_a_with_list(request, lang, text, expected, absent):
    found = triples(request.getfixturevalue(f"nlp_{lang}"), text)
    assert expected in found
    assert absent is None or absent not in found


def test_a_crew_job_in_a_with_list_is_no_part_en(nlp_en):
    found = triples(nlp_en, "The film Ashfall starts shooting Monday with Paul Morin as cinematographer.")
    assert ("Paul Morin", "actsIn", "Ashfall") not in found


def test_a_list_credited_in_a_work_named_after_it(nlp_fr) -> None:
    """The work of a cast list may follow it: "au casting des Oubliés", "dans la série X"."""
    for text, work in (("On retrouve Hugo Brunel et Nadia Sarr au casting des Oubliés.", "Oubliés"),
                       ("On retrouve Hugo Brunel et Nadia Sarr dans la série Les Oubliés.", "Les Oubliés"),
                       ("Le casting des Oubliés compte Camille Vasseur, Hugo Brunel et Nadia Sarr.", "Oubliés")):
        found = rule_triples(nlp_fr, text)
        assert ("Hugo Brunel", "actsIn", work) in found and ("Nadia Sarr", "actsIn", work) in found, text
    # twin: a name of another kind after the list is no work they are credited in
    found = rule_triples(nlp_fr, "On retrouve Hugo Brunel et Nadia Sarr chez Gaumont, dans la série Les Oubliés.")
    assert not any(o == "Les Oubliés" for _, _, o in found)


def test_a_work_described_in_apposition_stays_the_topic_of_the_next_cast_list_fr(nlp_fr):
    # the parser takes "son nouveau film" for a second member of a list; it describes the title
    found = rule_triples(nlp_fr, "Yann Kerbrat tourne Les Enfants du port, son nouveau film. "
                                 "On y retrouve Léa Morel, Jonas Bloch et Sami Ouali.")
    assert {(p, "actsIn", "Les Enfants du port") for p in ("Léa Morel", "Jonas Bloch", "Sami Ouali")} <= found


def test_a_relative_clause_inside_a_cast_list_does_not_end_it_fr(nlp_fr):
    found = rule_triples(nlp_fr, "Le réalisateur Yann Kerbrat tourne Les Enfants du port. On y retrouve Léa Morel, "
                                 "qui incarne une mère de famille, ainsi que Jonas Bloch et Sami Ouali.")
    assert {(p, "actsIn", "Les Enfants du port") for p in ("Léa Morel", "Jonas Bloch", "Sami Ouali")} <= found


def test_the_part_after_interprete_or_campe_is_a_character_fr(nlp_fr):
    text = "Karim Belkadi, l'interprète de Lucas dans Hors Saison, rejoint le casting de La Grande Maison."
    types = mention_types(nlp_fr, text)
    assert types.get("Karim Belkadi") == "Person"  # the twin: the actor stays
    assert "Lucas" not in types
    assert ("Karim Belkadi", "actsIn", "La Grande Maison") in rule_triples(nlp_fr, text)
    assert "Margot" not in mention_types(nlp_fr, "Anne Fleury campe Margot, une juge, dans La Grande Maison.")


def test_an_untyped_name_after_dans_is_the_work_a_part_is_played_in_fr(nlp_fr):
    # "dans La Grande Maison" hangs on the part ("une juge"), and NER left the title untyped
    found = rule_triples(nlp_fr, "Anne Fleury campe Margot, une juge, dans La Grande Maison.")
    assert ("Anne Fleury", "actsIn", "La Grande Maison") in found


def test_a_capitalised_name_that_brings_actors_together_is_a_work_fr(nlp_fr):
    text = "La Grande Maison réunit Léa Morel et Jonas Bloch."
    assert mention_types(nlp_fr, text).get("La Grande Maison") == "CreativeWork"
    assert {("Léa Morel", "actsIn", "La Grande Maison"), ("Jonas Bloch", "actsIn", "La Grande Maison")} <= rule_triples(nlp_fr, text)
    # a common noun's phrase is no name
    assert "La société" not in mention_types(nlp_fr, "La société réunit Léa Morel et Jonas Bloch.")


@pytest.mark.parametrize("text, triple", [
    ("Le festival présentera Les Nuits claires, emmené par Karim Leklou et Léa Seydoux, en ouverture.",
     ("Léa Seydoux", "actsIn", "Les Nuits claires")),
    ("Avec Le Jardin d'hiver, mené par Vincent Macaigne, la réalisatrice signe son troisième film.",
     ("Vincent Macaigne", "actsIn", "Le Jardin d'hiver")),
])
def test_a_cast_led_by_names_acts_in_the_work_fr(nlp_fr, text, triple):
    # "emmené par", "mené par": the lead actors (credit cues and the porter frame)
    assert triple in rule_triples(nlp_fr, text)


def test_a_passive_s_auxiliary_is_no_inverted_cast_verb_fr(nlp_fr):
    # "Adapté de X, le film porté par Y a été produit par Z": "été" is an auxiliary, not the
    # "be" of "Joining X in the cast are A and B"; the novelist is no actor
    found = rule_triples(nlp_fr, "Le Comte de Monte-Cristo a attiré neuf millions de spectateurs. "
                                 "Adapté d'Alexandre Dumas, le film porté par Pierre Niney a été produit par Chapter 2.")
    assert ("Pierre Niney", "actsIn", "Le Comte de Monte-Cristo") in found
    assert ("Alexandre Dumas", "actsIn", "Le Comte de Monte-Cristo") not in found
