"""News-writing constructions added for real news (session 4), each with a positive case and,
where a rule could over-reach, the case it must leave alone. One test per construction handler,
French and English where the construction exists in both. Sentences are written for these
tests; none comes from an evaluation passage.
"""

from __future__ import annotations

import pytest

from tests.extract._helpers import mention_types, rule_triples, triples


# --- names.organisation_forms -------------------------------------------------------------

def test_channel_number_belongs_to_the_name(nlp_fr):
    found = triples(nlp_fr, "Europe 1, la radio du groupe Lagardère, perd des auditeurs.")
    assert ("Europe 1", "subsidiaryOf", "Lagardère") in found  # the generic head is not part of the name


def test_number_of_a_quantity_stays_out_of_the_name(nlp_fr):
    types = mention_types(nlp_fr, "Netflix compte 12 millions d'abonnés en France.")
    assert "Netflix" in types and not any(m.startswith("Netflix 12") for m in types)


@pytest.mark.parametrize("text, name", [
    ("M6, contrôlé par le groupe allemand Bertelsmann, reste indépendant.", "Bertelsmann"),
    ("Le groupe contrôle déjà l'allemand Leonine.", "Leonine"),
])
def test_company_named_by_a_nationality(nlp_fr, text, name):
    assert mention_types(nlp_fr, text)[name] == "Organization"


def test_capitalised_nationality_names_a_person(nlp_fr):
    # French capitalises a people's nationality: "le Britannique X" is a person, trimmed of the word
    types = mention_types(nlp_fr, "Imaginée par le Britannique George Kay, la série est produite par Gaumont.")
    assert types.get("George Kay") == "Person"


def test_ownership_by_a_nationality_named_company(nlp_fr):
    found = triples(nlp_fr, "M6, contrôlé par le groupe allemand Bertelsmann, reste indépendant.")
    assert ("M6", "subsidiaryOf", "Bertelsmann") in found


# --- names.list_type_agreement ---------------------------------------------------------------

def test_list_of_persons_types_its_odd_member(nlp_en):
    types = mention_types(nlp_en, "The cast also includes Kristin Scott Thomas, Jack Lowden and Saskia Reeves.")
    assert types["Saskia Reeves"] == "Person"


def test_list_of_companies_stays_companies(nlp_en):
    types = mention_types(nlp_en, "Netflix, Amazon and Apple bid for the rights.")
    assert types.get("Netflix") == "Organization" and types.get("Apple") != "Person"


# --- syntax.Context.surface_list -------------------------------------------------------------

def test_list_split_by_the_parser_is_read_whole(nlp_fr):
    text = ("Le groupe audiovisuel Mediawan, cofondé en 2015 par Pierre-Antoine Capton, Matthieu Pigasse et "
            "Xavier Niel, a annoncé l'acquisition de Plan B.")
    found = triples(nlp_fr, text)
    for person in ("Pierre-Antoine Capton", "Matthieu Pigasse", "Xavier Niel"):
        assert (person, "founderOf", "Mediawan") in found


def test_list_with_repeated_prepositions(nlp_fr):
    found = triples(nlp_fr, "Lagardère, propriétaire d'Hachette Livre, d'Europe 1 et de Paris Match, change de mains.")
    assert ("Hachette Livre", "subsidiaryOf", "Lagardère") in found
    assert ("Europe 1", "subsidiaryOf", "Lagardère") in found
    # a member of the list is never the owner of another member
    assert ("Europe 1", "subsidiaryOf", "Hachette Livre") not in found


# --- credits.costar_relations ----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Pierre Niney joue dans Le Comte de Monte-Cristo aux côtés d'Anaïs Demoustier et de Laurent Lafitte.",
     ("Laurent Lafitte", "actsIn", "Le Comte de Monte-Cristo")),
    ("Dans Dune, Timothée Chalamet joue face à Zendaya.", ("Zendaya", "actsIn", "Dune")),
])
def test_costars_fr(nlp_fr, text, expected):
    assert expected in triples(nlp_fr, text)


def test_costar_en(nlp_en):
    assert ("Kieran Culkin", "actsIn", "A Real Pain") in triples(
        nlp_en, "Jesse Eisenberg stars opposite Kieran Culkin in A Real Pain.")


def test_person_beside_an_actor_with_another_credit_is_no_costar(nlp_fr):
    text = "Réalisé par Cédric Klapisch, le film Deux moi met en scène François Civil face à Ana Girardot."
    found = triples(nlp_fr, text)
    assert ("Cédric Klapisch", "actsIn", "Deux moi") not in found


# --- frames: fronted participles, certain work slots, service frames -------------------------

def test_each_fronted_participle_has_its_own_agents(nlp_fr):
    text = ("Un p'tit truc en plus est un succès. Distribué par Pan Distribution et produit par Cheyenne "
            "Federation, le film n'avait bénéficié que d'une petite campagne.")
    found = triples(nlp_fr, text)
    assert ("Pan Distribution", "distributes", "Un p'tit truc en plus") in found
    assert ("Cheyenne Federation", "produces", "Un p'tit truc en plus") in found
    assert ("Cheyenne Federation", "distributes", "Un p'tit truc en plus") not in found


def test_capitalised_participle_read_as_adverb_still_opens_a_fronted_phrase(nlp_fr):
    # the tagger reads a sentence-initial "Cofondée" as an adverb; it is a frame's participle
    found = triples(nlp_fr, "Le distributeur change de mains. Cofondée en 2002 par Vincent Maraval et Brahim Chioua, "
                            "Wild Bunch conserve son siège à Paris.")
    assert ("Vincent Maraval", "founderOf", "Wild Bunch") in found
    assert ("Brahim Chioua", "founderOf", "Wild Bunch") in found


def test_an_adverb_opening_a_fronted_phrase_is_skipped_twin(nlp_fr):
    found = triples(nlp_fr, "Longtemps dirigée par Marc Dubois, Tetra Films produit des séries.")
    assert not any(p == "founderOf" for _, p, _ in found)
    assert ("Tetra Films", "produces", "Marc Dubois") not in found


def test_a_work_described_after_a_fronted_phrase_is_not_the_phrase_s_last_name(nlp_fr):
    # "X, la fiction" looks like an apposition; after a fronted phrase, "la fiction" is the
    # subject of the main clause and stands for the series named before
    text = ("Après deux ans d'absence, la série Les Veilleurs revient sur Arte. Adaptée du jeu vidéo de "
            "Naughty Dog, la fiction est pilotée par Claire Vidal. Paul Hamy et Lina Soualem y reprennent leurs rôles.")
    found = triples(nlp_fr, text)
    assert ("Paul Hamy", "actsIn", "Les Veilleurs") in found
    assert ("Lina Soualem", "actsIn", "Les Veilleurs") in found
    assert not any(o == "Naughty Dog" and p == "actsIn" for _, p, o in found)


def test_a_real_apposition_still_names_its_description_twin(nlp_fr):
    found = triples(nlp_fr, "Dans Les Veilleurs, la série d'Arte, Paul Hamy incarne un policier.")
    assert ("Paul Hamy", "actsIn", "Les Veilleurs") in found


def test_a_capitalised_participle_opening_a_sentence_is_no_title(nlp_fr):
    # "Cofondée" tagged as a name must not become the work of the agents' credits
    found = triples(nlp_fr, "Cofondée en 1999 par Anne Roy et Paul Vidal, Haut et Court distribue des films d'auteur.")
    assert not any(s == "Cofondée" for s, _, _ in found)
    assert "Cofondée" not in mention_types(nlp_fr, "Cofondée en 1999 par Anne Roy et Paul Vidal, Haut et Court distribue des films.")


def test_a_capitalised_name_opening_a_sentence_stays_a_name_twin(nlp_fr):
    assert "Canal+" in mention_types(nlp_fr, "Canal+ a cofondé la société en 1999 avec Anne Roy.")


def test_certain_work_slot_retypes_a_mistyped_title(nlp_fr):
    found = triples(nlp_fr, "Intouchables a été produit par Quad Films et distribué par Gaumont.")
    assert ("Quad Films", "produces", "Intouchables") in found
    assert ("Gaumont", "distributes", "Intouchables") in found


def test_directing_a_company_is_not_directing_a_work(nlp_fr):
    found = triples(nlp_fr, "RFO, dirigée par François Guilbeau, dépend de France Télévisions.")
    assert not any(p == "directedBy" for _, p, _ in found)


@pytest.mark.parametrize("text, expected", [
    ("Trois ans après, Lupin revient sur Netflix pour une troisième saison.", ("Netflix", "distributes", "Lupin")),
    ("Après Dix pour cent, la scénariste Fanny Herrero a créé Drôle pour Netflix.", ("Netflix", "distributes", "Drôle")),
])
def test_service_frames_fr(nlp_fr, text, expected):
    assert expected in triples(nlp_fr, text)


# --- relations._one_reading ------------------------------------------------------------------

def test_created_work_is_not_a_founded_company(nlp_fr):
    found = triples(nlp_fr, "Après Dix pour cent, la scénariste Fanny Herrero a créé Drôle pour Netflix.")
    assert ("Drôle", "author", "Fanny Herrero") in found
    assert not any(p in ("founderOf", "develops") for _, p, _ in found)


def test_created_company_is_still_founded(nlp_fr):
    # positive twin: with a company, "créer" still gives founderOf
    assert ("Xavier Niel", "founderOf", "Free") in triples(nlp_fr, "Xavier Niel a créé la société Free en 1999.")


# --- roles: credit role nouns ----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Le réalisateur de Bac Nord, Cédric Jimenez, prépare un nouveau film.", ("Bac Nord", "directedBy", "Cédric Jimenez")),
    ("Le producteur d'Intouchables, Nicolas Duval, lance une société.", ("Nicolas Duval", "produces", "Intouchables")),
])
def test_credit_role_nouns_fr(nlp_fr, text, expected):
    assert expected in triples(nlp_fr, text)


def test_credit_role_noun_en(nlp_en):
    assert ("Barbie", "directedBy", "Greta Gerwig") in triples(nlp_en, "Greta Gerwig, the director of Barbie, spoke.")


def test_credit_role_noun_of_a_company_is_no_credit(nlp_fr):
    found = triples(nlp_fr, "Le producteur de Gaumont, Sidonie Dumas, a parlé.")
    assert not any(p == "produces" and o == "Gaumont" for _, p, o in found)


# --- quotes: a role noun as the speaker ------------------------------------------------------

def test_role_noun_speaker_is_the_credited_person(nlp_fr):
    text = ("La série Sambre a été réalisée par Jean-Xavier de Lestrade. Noémie Lvovsky en est l'une des "
            "actrices. « Nous avons voulu raconter l'aveuglement collectif », souligne le réalisateur.")
    said = {(s, o) for s, p, o in triples(nlp_fr, text) if p == "said"}
    assert said == {("Jean-Xavier de Lestrade", "Nous avons voulu raconter l'aveuglement collectif")}


def test_role_noun_speaker_without_a_credit_gives_nothing_wrong(nlp_fr):
    # the one person named is credited as an actress: she is not "le réalisateur"
    text = ("Noémie Lvovsky joue dans la série Sambre. « Nous avons voulu raconter l'aveuglement collectif », "
            "souligne le réalisateur.")
    found = triples(nlp_fr, text)
    assert ("Noémie Lvovsky", "actsIn", "Sambre") in found
    assert "Noémie Lvovsky" not in {s for s, p, _ in found if p == "said"}


# --- awards: the credit a personal award names -----------------------------------------------

def test_acting_award_for_a_work_en(nlp_en):
    found = triples(nlp_en, "Lily Gladstone took home the Golden Globe for best actress in a drama for Killers of the Flower Moon.")
    assert ("Lily Gladstone", "actsIn", "Killers of the Flower Moon") in found


def test_non_personal_award_gives_no_credit_en(nlp_en):
    found = triples(nlp_en, "Netflix won best drama series for The Crown.")
    assert not any(p in ("actsIn", "directedBy", "author") for _, p, _ in found)


# --- frames: a part played, with no work in the clause -----------------------------------------

def test_part_played_is_a_part_in_the_passage_work(nlp_fr):
    text = "La série Lupin revient. Omar Sy, qui incarne Assane Diop, en est la star."
    assert ("Omar Sy", "actsIn", "Lupin") in triples(nlp_fr, text)


def test_part_played_is_not_a_work(nlp_fr):
    text = "Le film Astérix sort en février. Gilles Lellouche incarne Obélix."
    found = triples(nlp_fr, text)
    assert ("Gilles Lellouche", "actsIn", "Astérix") in found
    assert ("Gilles Lellouche", "actsIn", "Obélix") not in found


def test_sport_played_is_no_part_en(nlp_en):
    text = "Christopher Nolan directed Oppenheimer. Lionel Messi plays football for Inter Miami."
    assert not any(p == "actsIn" for _, p, _ in triples(nlp_en, text))


def test_part_played_in_a_named_work_en(nlp_en):
    text = "Jean Smart, who plays the lead role in the comedy Hacks, won again."
    assert ("Jean Smart", "actsIn", "Hacks") in triples(nlp_en, text)


# --- possessives: "from <studio>", "a <company> production" ----------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The Brutalist is a drama. The film is a Brookstreet Pictures production.",
     ("Brookstreet Pictures", "produces", "The Brutalist")),
    ("The Brutalist, from Brookstreet Pictures and Kaplan Morrison Films, opens in May.",
     ("Brookstreet Pictures", "produces", "The Brutalist")),
])
def test_studio_credits_en(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


def test_from_a_place_is_no_studio_en(nlp_en):
    found = triples(nlp_en, "The Brutalist, from Budapest to New York, follows an architect.")
    assert not any(p == "produces" for _, p, _ in found)


def test_rights_to_a_title_en(nlp_en):
    found = triples(nlp_en, "Searchlight Pictures acquired worldwide rights to A Real Pain for $10 million.")
    assert ("Searchlight Pictures", "distributes", "A Real Pain") in found


def test_company_a_work_is_made_with_is_no_tool_en(nlp_en):
    text = "The Brutalist is a drama. The film was produced by Brookstreet Pictures with Kaplan Morrison Films."
    assert not any(p == "uses" for _, p, _ in triples(nlp_en, text))


# --- roles: a post held, taken or left -------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Bob Iger will step down as CEO of The Walt Disney Company next year.", ("Bob Iger", "ceoOf", "The Walt Disney Company")),
    ("Bob Iger served as chief executive of Disney.", ("Bob Iger", "ceoOf", "Disney")),
])
def test_post_after_as_en(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


def test_post_noun_fr(nlp_fr):
    assert ("Arthur Dreyfuss", "ceoOf", "Altice Media") in triples(
        nlp_fr, "Arthur Dreyfuss a quitté son poste de PDG d'Altice Media.")


def test_role_as_a_comparison_is_no_post_en(nlp_en):
    # "as" after a verb that is no post verb: a comparison, not a role held
    # (the rules' reading: the English scorer retrained in session 15 reads a ceoOf here, p 0.5-0.6)
    found = rule_triples(nlp_en, "Bob Iger spoke as loudly as the CEO of Disney.")
    assert ("Bob Iger", "ceoOf", "Disney") not in found


# --- quotes: speech verbs the lemmatiser leaves unchanged, inverted clitics on the auxiliary ----

def test_speech_verb_form_not_lemmatised(nlp_fr):
    text = "« C'est une reconnaissance de la valeur de l'information », estime Fabrice Fries, PDG de l'AFP."
    assert ("Fabrice Fries", "said", "C'est une reconnaissance de la valeur de l'information") in triples(nlp_fr, text)


def test_inverted_clitic_speaker(nlp_fr):
    text = "Omar Sy a été interrogé. « Assane n'a jamais été aussi vulnérable », a-t-il confié à l'AFP."
    assert ("Omar Sy", "said", "Assane n'a jamais été aussi vulnérable") in triples(nlp_fr, text)


def test_quoted_title_is_no_quote(nlp_fr):
    # positive twin elsewhere; a quoted two-word title with no verb is no speech
    found = triples(nlp_fr, "Omar Sy a présenté « Lupin » à la presse, a déclaré Netflix.")
    assert not any(p == "said" for _, p, _ in found)


def test_company_role_speaker_is_the_role_holder(nlp_fr):
    text = ("Canal+ a racheté MultiChoice. Le groupe dirigé par Maxime Saada change d'échelle. « Nous créons un "
            "champion mondial du divertissement », s'est félicité le président du directoire de Canal+.")
    said = {s for s, p, _ in triples(nlp_fr, text) if p == "said"}
    assert said == {"Maxime Saada"}


def test_word_of_the_quote_is_never_its_speaker(nlp_fr):
    text = ("L'AFP a signé avec Mistral AI. « C'est une reconnaissance de la valeur d'une information vérifiée », "
            "a commenté Fabrice Fries, le PDG de l'AFP.")
    assert ("Fabrice Fries", "said", "C'est une reconnaissance de la valeur d'une information vérifiée") in triples(nlp_fr, text)


# --- names.given_name_persons ----------------------------------------------------------------

def test_given_name_makes_a_person(nlp_en):
    text = "Christina Voros directed the first four episodes of The Last Frontier."
    assert mention_types(nlp_en, text)["Christina Voros"] == "Person"
    # and a part of a work stands for the work in the director's slot
    assert ("The Last Frontier", "directedBy", "Christina Voros") in triples(nlp_en, text)


def test_given_name_company_keeps_its_type(nlp_en):
    # a company word in the name: the given name is the founder's, the name is a company's
    assert mention_types(nlp_en, "The Walt Disney Company reported earnings.").get("The Walt Disney Company") == "Organization"


def test_pronoun_speaker_is_the_previous_subject_en(nlp_en):
    text = ("Pierre-Antoine Capton, chief executive of Mediawan, said the acquisition of Brad Pitt's Plan B "
            "Entertainment had given the group a foothold. “We wanted a partner with real taste,” he said.")
    said = {s for s, p, _ in triples(nlp_en, text) if p == "said"}
    assert said == {"Pierre-Antoine Capton"}


# --- coordinated subjects the parser split; the story of a work -------------------------------

@pytest.mark.parametrize("text, expected", [
    ("TF1 et Netflix ont noué un partenariat inédit.", ("TF1", "partnersWith", "Netflix")),
    ("Canal+ et Apple ont signé un accord de distribution.", ("Canal+", "partnersWith", "Apple")),
])
def test_coordinated_partners_fr(nlp_fr, text, expected):
    found = triples(nlp_fr, text)
    assert expected in found or (expected[2], expected[1], expected[0]) in found


def test_one_company_signing_is_no_partnership(nlp_fr):
    assert not any(p == "partnersWith" for _, p, _ in triples(nlp_fr, "Canal+ a signé un accord de distribution."))


def test_story_of_a_work_is_set_in_a_place(nlp_fr):
    assert ("Lupin", "setIn", "Paris") in triples(nlp_fr, "L'intrigue de Lupin se déroule à Paris.")


# --- credits.inverted_cast_relations; described titles NER took for companies ----------------

def test_inverted_cast_sentence_en(nlp_en):
    text = ("Joining Pedro Pascal in the cast of The Last Frontier, Apple TV+'s eight-part western, are "
            "Rebecca Ferguson (Silo), Jeffrey Wright and Ncuti Gatwa.")
    found = triples(nlp_en, text)
    for person in ("Pedro Pascal", "Jeffrey Wright", "Ncuti Gatwa"):
        assert any(s == person and p == "actsIn" and o.endswith("Last Frontier") for s, p, o in found)


def test_sentence_not_about_a_cast_is_no_inverted_cast_en(nlp_en):
    text = "The Last Frontier is a western. Joining the board of Netflix are Ann Lee and Bob Ray."
    assert not any(p == "actsIn" for _, p, _ in triples(nlp_en, text))


def test_company_typed_title_described_as_a_work_en(nlp_en):
    assert mention_types(nlp_en, "The Last Frontier is a western.").get("The Last Frontier") == "CreativeWork"


@pytest.mark.xfail(reason="with a participle after the genre noun the small English parser no longer makes it the "
                          "copula's attribute, and the title keeps NER's company type", strict=True)
def test_company_typed_title_described_with_a_participle_en(nlp_en):
    assert mention_types(nlp_en, "The Last Frontier is a western set in Montana.").get("The Last Frontier") == "CreativeWork"


# --- possessives.ownership_relations ---------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Sony-owned Crunchyroll streams anime.", ("Crunchyroll", "subsidiaryOf", "Sony")),
    ("Searchlight Pictures, the Disney-owned specialty label, acquired the film.",
     ("Searchlight Pictures", "subsidiaryOf", "Disney")),
    ("Comcast's NBCUniversal owns Peacock.", ("NBCUniversal", "subsidiaryOf", "Comcast")),
    ("Universal Pictures and Focus Features are both part of NBCUniversal.", ("Focus Features", "subsidiaryOf", "NBCUniversal")),
])
def test_ownership_en(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


def test_company_possessive_on_a_person_is_no_ownership_en(nlp_en):
    found = triples(nlp_en, "Netflix's Ted Sarandos spoke on Monday.")
    assert not any(p == "subsidiaryOf" for _, p, _ in found)


# --- frames: majority stakes and taking control ----------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Canal+ a racheté 70 % du capital de Studiocanal.", ("Canal+", "acquires", "Studiocanal")),
    ("Bolloré a pris le contrôle de Vivendi en 2014.", ("Bolloré", "acquires", "Vivendi")),
])
def test_majority_and_control_fr(nlp_fr, text, expected):
    assert expected in triples(nlp_fr, text)


def test_minority_stake_is_no_acquisition_fr(nlp_fr):
    assert not any(p == "acquires" for _, p, _ in triples(nlp_fr, "Canal+ a racheté 30 % du capital de Studiocanal."))


def test_majority_stake_en(nlp_en):
    assert ("Sony", "acquires", "Kadokawa") in triples(nlp_en, "Sony bought a 70% stake in Kadokawa.")
    assert not any(p == "acquires" for _, p, _ in triples(nlp_en, "Sony bought a 10% stake in Kadokawa."))


def test_series_of_a_channel_is_not_the_channel(nlp_fr):
    found = triples(nlp_fr, "Razzia pour Shōgun : la série de FX, diffusée sur Disney+, a remporté dix-huit Emmy Awards.")
    assert ("FX", "wonAward", "Emmy Awards") not in found and ("Disney+", "distributes", "FX") not in found


def test_season_of_a_series_is_the_series(nlp_fr):
    # positive twin: a work part "de" a title stands for the title
    assert ("Netflix", "distributes", "Lupin") in triples(nlp_fr, "Netflix diffusera la saison 2 de Lupin en octobre.")


# --- awards: the winner of a work's category is a work; "The Bear" is no prize -----------------

@pytest.mark.parametrize("text, expected", [
    ("Hacks won outstanding comedy series.", ("Hacks", "wonAward", "outstanding comedy series")),
    ("The Bear picked up 11 Emmys, including outstanding comedy series.", ("The Bear", "wonAward", "Emmys")),
])
def test_work_category_winner_is_a_work_en(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


def test_person_category_winner_stays_a_person_en(nlp_en):
    assert mention_types(nlp_en, "Nolan won best director.").get("Nolan") != "CreativeWork"


def test_golden_bear_is_still_a_prize_en(nlp_en):
    assert mention_types(nlp_en, "Dahomey won the Golden Bear in Berlin.").get("Golden Bear") == "Award"


# --- awards (French): crowned with a category, leaving with a prize ----------------------------

@pytest.mark.parametrize("text, expected", [
    ("Hiroyuki Sanada a été sacré meilleur acteur dans une série dramatique.",
     ("Hiroyuki Sanada", "wonAward", "meilleur acteur dans une série dramatique")),
    ("Justine Triet repart avec la Palme d'or.", ("Justine Triet", "wonAward", "Palme d'or")),
])
def test_awards_fr(nlp_fr, text, expected):
    assert expected in triples(nlp_fr, text)


def test_best_in_running_text_is_no_prize_fr(nlp_fr):
    # "la meilleure série de l'année" in running text, with no crowning participle, names no prize
    found = triples(nlp_fr, "Pour beaucoup, Lupin est la meilleure série de l'année.")
    assert not any(p == "wonAward" for _, p, _ in found)


# --- discourse: a person description refers to the person introduced with that noun -----------

def test_description_is_the_person_introduced_with_it(nlp_fr):
    text = ("Le réalisateur Jacques Audiard a retrouvé l'actrice Zoe Saldaña. « C'est un rêve devenu réalité », "
            "a confié le réalisateur.")
    said = {s for s, p, _ in triples(nlp_fr, text) if p == "said"}
    assert said == {"Jacques Audiard"}


def test_description_with_no_introduced_person_is_no_guess(nlp_fr):
    # two people named once each, neither introduced as the director: no guess (session 8 reads a
    # role noun as the one person named, or the one named again: tests/extract/test_quotes.py)
    text = ("Zoe Saldaña a rejoint le tournage avec Karla Gascón. « C'est un rêve devenu réalité », a confié le "
            "réalisateur.")
    assert not any(p == "said" for _, p, _ in triples(nlp_fr, text))


def test_the_maker_of_a_source_in_a_fronted_phrase_is_no_source(nlp_fr):
    text = ("Deux ans après, The Last of Us revient sur HBO. Adaptée du jeu vidéo de Naughty Dog, la fiction est "
            "pilotée par Craig Mazin.")
    found = triples(nlp_fr, text)
    assert ("The Last of Us", "basedOn", "Naughty Dog") not in found
    assert ("The Last of Us", "basedOn", "jeu vidéo") in found


def test_a_company_description_after_a_fronted_phrase_is_the_article_s_company(nlp_fr):
    # the latest subject (the buyer) is not what "la société" describes: the article's topic is
    text = ("Wild Bunch passe sous contrôle allemand. Leonine Studios, basé à Munich, a acquis 65 % du distributeur "
            "français. Cofondée en 2002 par Vincent Maraval et Brahim Chioua, la société conserve son siège à Paris.")
    found = triples(nlp_fr, text)
    assert ("Vincent Maraval", "founderOf", "Wild Bunch") in found
    assert ("Vincent Maraval", "founderOf", "Leonine Studios") not in found


def test_after_an_acquisition_the_platform_is_the_company_bought_and_the_group_the_buyer(nlp_fr):
    bought = triples(nlp_fr, "Sony a racheté Crunchyroll en 2021. Présidée par Rahul Purini, la plateforme vise "
                             "l'Europe.")
    buyer = triples(nlp_fr, "Sony a racheté Crunchyroll en 2021. Présidé par Kenichiro Yoshida, le groupe vise "
                            "l'Europe.")
    assert ("Rahul Purini", "leads", "Crunchyroll") in bought
    assert ("Kenichiro Yoshida", "leads", "Sony") in buyer


def test_the_article_s_company_when_its_first_verb_is_misread(nlp_fr):
    # "Qobuz accélère…" is parsed with the name as the root: it still is the article's company
    text = ("Qobuz accélère à l'international. Le service appartient à la société Xandrie. Installée à Paris, "
            "l'entreprise se mesure à Apple Music.")
    found = triples(nlp_fr, text)
    assert ("Qobuz", "headquarteredIn", "Paris") in found
    assert ("Xandrie", "headquarteredIn", "Paris") not in found


# --- ownership by publishing, listed titles, cited sources (session 8) -----------------------

def test_a_group_publishing_titles_owns_them(nlp_fr):
    found = triples(nlp_fr, "Le groupe Altavia édite notamment Radio Azur et Télé Azur.")
    assert ("Radio Azur", "subsidiaryOf", "Altavia") in found
    assert ("Télé Azur", "subsidiaryOf", "Altavia") in found


def test_publishing_a_book_is_no_ownership(nlp_fr):
    found = triples(nlp_fr, "Le groupe Altavia édite notamment Radio Azur. Gallimard édite le dernier roman de "
                            "Paul Mercier.")
    assert ("Radio Azur", "subsidiaryOf", "Altavia") in found
    assert not any(s == "Gallimard" or o == "Gallimard" for s, p, o in found if p == "subsidiaryOf")


def test_a_listed_name_after_its_class_noun_joins_the_list(nlp_fr):
    # "et le site culinaire X": the noun names the kind of the listed company
    found = triples(nlp_fr, "Webedia édite notamment AlloCiné, Télé Azur et le site culinaire Miam.fr.")
    assert ("Miam.fr", "subsidiaryOf", "Webedia") in found
    assert ("Télé Azur", "subsidiaryOf", "Webedia") in found


def test_a_cited_source_is_no_antecedent(nlp_fr):
    text = ("Altavia a lancé Azur TV l'an dernier. Le service a dépassé 11 millions d'utilisateurs, selon "
            "Médiamétrie. Le groupe, qui édite aussi W9 et Gulli, mise sur l'IA.")
    found = triples(nlp_fr, text)
    assert ("W9", "subsidiaryOf", "Altavia") in found
    assert ("W9", "subsidiaryOf", "Médiamétrie") not in found


def test_a_cited_source_is_no_antecedent_in_english(nlp_en):
    text = ("Warner Bros. Discovery launched Max last year. The service reached 11 million viewers, according to "
            "Nielsen. The company also owns HBO.")
    found = triples(nlp_en, text)
    assert ("HBO", "subsidiaryOf", "Warner Bros. Discovery") in found
    assert ("HBO", "subsidiaryOf", "Nielsen") not in found


@pytest.mark.parametrize("lang, text, name", [
    ("fr", "Webedia édite notamment Jeuxvideo.com depuis 2014.", "Jeuxvideo.com"),
    ("fr", "L'information a été révélée par le site puremedias.com mardi.", "puremedias.com"),
    ("en", "The trade site Deadline.com first reported the deal.", "Deadline.com"),
])
def test_a_site_named_by_its_domain_is_a_company(request, lang, text, name):
    assert mention_types(request.getfixturevalue(f"nlp_{lang}"), text).get(name) == "Organization"


def test_a_version_number_is_no_site(nlp_fr):
    types = mention_types(nlp_fr, "OpenAI a lancé Sora 2.0 et le site Jeuxvideo.com en parle.")
    assert types.get("Jeuxvideo.com") == "Organization"
    assert "2.0" not in types


def test_the_name_before_the_verb_is_its_subject_after_a_fronted_phrase(nlp_fr):
    # the parser makes the fronted phrase's apposition ("la holding") the subject
    found = triples(nlp_fr, "Filiale de Fimalac, la holding de Marc Dumas, Webedia édite notamment AlloCiné.")
    assert ("AlloCiné", "subsidiaryOf", "Webedia") in found
    assert ("AlloCiné", "subsidiaryOf", "Fimalac") not in found


def test_an_adjective_before_the_org_role_keeps_the_name_before_the_comma(nlp_fr):
    # the role rule itself, not only the trained scorer, reads it
    rels = nlp_fr("Julie Marin dirigeait Barclay, autre label du groupe Ravel.")._.relations
    assert ("Barclay", "subsidiaryOf", "Ravel", "role.subsidiaryOf") in {
        (r.subject.text, r.predicate, r.object.text, r.rule) for r in rels}
    assert not any(r.subject.text == "Julie Marin" and r.predicate == "subsidiaryOf" for r in rels)


@pytest.mark.parametrize("text", [
    "Radio Azur appartient à Altavia, lui-même contrôlé par Brenner Media.",
    "Radio Azur appartient à Altavia, lui-même dans le giron de Brenner Media.",
])
def test_an_intensive_pronoun_takes_up_the_name_before_it(nlp_fr, text):
    found = triples(nlp_fr, text)
    assert ("Altavia", "subsidiaryOf", "Brenner Media") in found
    assert ("Radio Azur", "subsidiaryOf", "Altavia") in found


@pytest.mark.parametrize("text", [
    "Télé Azur dépend du groupe Altavia depuis 2010.",
    "Altavia, dont dépendent Télé Azur et Radio Azur, recrute.",
])
def test_a_company_depending_on_a_group_is_its_subsidiary(nlp_fr, text):
    assert ("Télé Azur", "subsidiaryOf", "Altavia") in triples(nlp_fr, text)


def test_depending_on_a_company_for_success_is_no_ownership(nlp_fr):
    found = triples(nlp_fr, "Télé Azur dépend du groupe Altavia. Le succès de la série dépend de Netflix.")
    assert ("Télé Azur", "subsidiaryOf", "Altavia") in found
    assert not any(o == "Netflix" for s, p, o in found if p == "subsidiaryOf")


def test_a_name_after_the_series_of_is_its_channel(nlp_fr):
    # NER leaves "FX" untyped; after "la série de" it is the company showing the series
    found = triples(nlp_fr, "Razzia pour Shōgun : la série de FX a remporté dix Emmy Awards.")
    assert ("FX", "distributes", "Shōgun") in found


def test_a_person_after_the_series_of_is_no_channel(nlp_fr):
    found = triples(nlp_fr, "Dix pour cent, la série de France 2, revient. Fleur de sel, la série de Fanny "
                            "Herrero, suit.")
    assert ("France 2", "distributes", "Dix pour cent") in found
    assert not any(s == "Fanny Herrero" for s, p, o in found if p == "distributes")


def test_a_title_ends_at_a_colon_before_lower_case_words(nlp_fr):
    types = mention_types(nlp_fr, "Razzia pour Les Oubliés : la série de FX a remporté dix Emmy Awards.")
    assert not any(":" in name for name in types)
    assert "FX" in types


def test_a_colon_inside_a_title_stays(nlp_fr):
    types = mention_types(nlp_fr, "Le film Mission : Impossible sort en février.")
    assert types.get("Mission : Impossible") == "CreativeWork"


def test_the_company_that_obtained_the_broadcast_distributes(nlp_fr):
    found = triples(nlp_fr, "La série Les Oubliés revient en mars. Canal+ a obtenu la diffusion de la série en "
                            "France.")
    assert ("Canal+", "distributes", "Les Oubliés") in found


# --- the cast of the passage's work, work subjects, colon descriptions (session 8) ------------

def test_a_work_bringing_actors_back(nlp_fr):
    found = triples(nlp_fr, "Le film Dune revient. Dune ramène Paul Derval et Nina Costa sur Arrakis.")
    assert ("Paul Derval", "actsIn", "Dune") in found
    assert ("Nina Costa", "actsIn", "Dune") in found


def test_a_part_played_ignores_a_complement_of_another_clause(nlp_fr):
    # "dans une série" belongs to the second clause: the part is in the passage's work
    rels = nlp_fr("La série Les Oubliés revient en mars sur Netflix. Paul Derval, qui incarne le père de "
                  "l'héroïne, est reparti avec le prix du meilleur acteur, et Nina Costa avec celui du meilleur "
                  "second rôle dans une série.")._.relations
    assert ("Paul Derval", "actsIn", "Les Oubliés", "frame.verb.actsIn.jouer") in {
        (r.subject.text, r.predicate, r.object.text, r.rule) for r in rels}


def test_a_description_after_a_colon_types_the_name_a_work(nlp_fr):
    types = mention_types(nlp_fr, "Razzia pour Les Oubliés : la série de FX a remporté dix Emmy Awards.")
    assert types.get("Les Oubliés") == "CreativeWork"


def test_a_main_clause_subject_after_a_fronted_phrase_describes_no_name_in_it(nlp_fr):
    # "…, à commencer par X, ce thriller suit…": the thriller is the series, not the novel X
    found = triples(nlp_fr, "Apple TV+ a renouvelé la série Les Ombres. Adapté des romans de Paul Herr, à commencer "
                            "par La Cour des oubliés, ce thriller suit une unité de police. Marc Oldin y campe un "
                            "chef cynique.")
    assert ("Marc Oldin", "actsIn", "Les Ombres") in found
    assert ("Marc Oldin", "actsIn", "La Cour des oubliés") not in found


def test_a_film_described_as_the_possessor_s_film_is_directed_by_them(nlp_fr):
    found = triples(nlp_fr, "Clara Monti présente Les Nuits bleues, son premier film.")
    assert ("Les Nuits bleues", "directedBy", "Clara Monti") in found


def test_an_actor_s_latest_film_is_no_direction(nlp_fr):
    found = triples(nlp_fr, "Omar Sy tient le rôle principal de Les Nuits bleues, son dernier film.")
    assert ("Omar Sy", "actsIn", "Les Nuits bleues") in found
    assert ("Les Nuits bleues", "directedBy", "Omar Sy") not in found


# --- a company's possessive on a title (English, session 8) --------------------------------

@pytest.mark.parametrize("text, org, work", [
    ("FX's Shōgun swept the drama categories at the Emmy Awards.", "FX", "Shōgun"),
    ("On the comedy side, Hulu's The Bear lost outstanding comedy series to Hacks.", "Hulu", "The Bear"),
])
def test_a_title_after_a_company_s_possessive(nlp_en, text, org, work):
    assert (org, "distributes", work) in triples(nlp_en, text)


@pytest.mark.parametrize("text, expected", [
    ("Disney's CEO Bob Iger said the deal was done.", ("Bob Iger", "ceoOf", "Disney")),
    ("Sony's Crunchyroll will stream the series.", ("Crunchyroll", "subsidiaryOf", "Sony")),
    ("Netflix's Ted Sarandos spoke on Monday.", ("Ted Sarandos", "worksFor", "Netflix")),
])
def test_an_office_a_company_or_a_person_after_a_company_s_possessive_is_no_title(nlp_en, text, expected):
    found = triples(nlp_en, text)
    assert expected in found
    assert not any(p == "distributes" for s, p, o in found)


def test_a_work_returning_to_a_service_is_distributed_by_it(nlp_en):
    found = triples(nlp_en, "The series Fallout returns to Prime Video on Dec. 17.")
    assert ("Prime Video", "distributes", "Fallout") in found


def test_a_person_returning_to_a_service_is_no_work(nlp_en):
    found = triples(nlp_en, "The series Fallout returns to Prime Video on Dec. 17. Jane Doe returns to Netflix "
                            "after a break.")
    assert ("Prime Video", "distributes", "Fallout") in found
    assert not any(s == "Netflix" for s, p, o in found if p == "distributes")


def test_taking_rights_without_up_is_a_distribution_deal(nlp_en):
    assert ("A24", "distributes", "Belle Isle") in triples(nlp_en, "A24 has taken worldwide rights to Belle Isle, "
                                                                    "a drama.")


@pytest.mark.parametrize("text", [
    "La série Nouvelles Ondes sort lundi. Ce polar est distribué par Le Pacte.",
    "Nouvelles Ondes est un film de Paul Martin. Cette fresque sociale est distribuée par Le Pacte.",
])
def test_a_genre_noun_behind_a_demonstrative_is_the_work_named_before(nlp_fr, text):
    assert ("Le Pacte", "distributes", "Nouvelles Ondes") in triples(nlp_fr, text)


def test_a_genre_noun_with_an_article_is_the_genre_not_the_work(nlp_fr):
    # the rules' reading; the trained scorer may still pair the sentence with the passage's work,
    # since in real news "la fresque", "le polar" most often name it
    text = "La série Nouvelles Ondes sort lundi. Le polar est distribué par Le Pacte depuis 1990."
    assert ("Le Pacte", "distributes", "Nouvelles Ondes") not in rule_triples(nlp_fr, text)
    text = "La série Nouvelles Ondes sort lundi. Ce polar est distribué par Le Pacte depuis 1990."
    assert ("Le Pacte", "distributes", "Nouvelles Ondes") in rule_triples(nlp_fr, text)


@pytest.mark.parametrize("text, expected", [
    # a service scheduling or commissioning a work (frame.noun.distributes.premiere)
    ("Apple TV+ has set a July 18 premiere for Deepwater, a sci-fi thriller.", ("Apple TV+", "distributes", "Deepwater")),
    ("Peacock has given a straight-to-series order to Open House, a half-hour comedy.",
     ("Peacock", "distributes", "Open House")),
    ("HBO has handed a second-season renewal to Harbor Lights, its drama.", ("HBO", "distributes", "Harbor Lights")),
    # dating a release (frame.verb.distributes.distribute)
    ("Warner Bros. has dated The Long Con, a heist comedy, for November 2027.",
     ("Warner Bros.", "distributes", "The Long Con")),
])
def test_scheduling_a_work_is_distributing_it_en(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


def test_a_renewal_for_a_person_is_no_distribution_en(nlp_en):
    # the frame wants a work: a contract renewed for an executive is no distribution
    found = triples(nlp_en, "Apple TV+ has set a July 18 premiere for Deepwater, a sci-fi thriller. Netflix has handed "
                            "a contract renewal to Ted Sarandos.")
    assert ("Apple TV+", "distributes", "Deepwater") in found
    assert not any(s == "Netflix" for s, p, o in found if p == "distributes")


@pytest.mark.parametrize("text, expected", [
    # a co-star NER left untyped (MISC) is a person after the cue
    ("La série Machine arrive sur Arte. Margot Bancilhon y campe une ouvrière, face à JoeyStarr.",
     ("JoeyStarr", "actsIn", "Machine")),
])
def test_untyped_name_after_a_costar_cue_is_a_costar(nlp_fr, text, expected):
    assert expected in triples(nlp_fr, text)


@pytest.mark.parametrize("text, expected", [
    # a second "B as Y" the parser hangs on the first part; NER read "Anne-Marie Duff" as a company
    ("The series Cold Harbor stars Jack Lowden as a union boss and Anne-Marie Duff as his estranged wife.",
     {("Jack Lowden", "actsIn", "Cold Harbor"), ("Anne-Marie Duff", "actsIn", "Cold Harbor")}),
    # a genre noun before the title names a work (NER: PRODUCT); a "with" list ending "in support" is the cast
    ("The satire Mickey 17 opens Friday. The film stars Robert Pattinson as a clone, with Naomi Ackie, Steven Yeun "
     "and Mark Ruffalo in support.",
     {("Robert Pattinson", "actsIn", "Mickey 17"), ("Naomi Ackie", "actsIn", "Mickey 17"),
      ("Mark Ruffalo", "actsIn", "Mickey 17")}),
])
def test_cast_written_around_the_star_verb_en(nlp_en, text, expected):
    assert expected <= triples(nlp_en, text)


def test_a_with_phrase_that_is_no_cast_list_en(nlp_en):
    # "with a script by X", "with director X": no cast tail, no co-star
    found = triples(nlp_en, "The thriller Wild Geese stars Hugh Grant as a chef, with director Ben Palmer at the helm.")
    assert ("Hugh Grant", "actsIn", "Wild Geese") in found
    assert ("Ben Palmer", "actsIn", "Wild Geese") not in found


def test_a_with_list_ending_in_a_lower_case_name_part(nlp_fr):
    # the list's last name has no proper-noun token after it ("JoeyStarr au casting", NER: one MISC span):
    # the cast-tail check once raised here and stopped the whole extraction run
    found = triples(nlp_fr, "La série Machine arrive sur Arte, avec Margot Bancilhon et JoeyStarr au casting.")
    assert ("Margot Bancilhon", "actsIn", "Machine") in found
    assert not any("au casting" in s for s, p, o in found)
