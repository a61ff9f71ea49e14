"""Award names as news writes them (kg/extract/awards.py) and the wonAward frames that use
them. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.extract._helpers import mention_types, rule_triples, triples


@pytest.mark.parametrize("text, award", [
    ("Le cristal du long métrage a été remis à Jeanne Morel pour Vent du Nord.", "cristal du long métrage"),
    ("Le prix du jury a récompensé Les Oiseaux de passage.", "prix du jury"),
    ("Le césar de la meilleure actrice a couronné Sophie Brun.", "césar de la meilleure actrice"),
    ("Le prix Louis-Delluc est allé à Marc Lenoir.", "prix Louis-Delluc"),
])
def test_award_names_fr(nlp_fr, text, award):
    assert mention_types(nlp_fr, text).get(award) == "Award"


def test_a_price_is_no_prize(nlp_fr):
    # twin of the above: "prix" with no category word is a price
    assert "Award" not in mention_types(nlp_fr, "Le prix du billet a encore augmenté à Paris cette année.").values()
    assert mention_types(nlp_fr, "Le prix du public a consacré Les Ombres.").get("prix du public") == "Award"


@pytest.mark.parametrize("text, expected", [
    ("Le cristal du long métrage a été remis à Jeanne Morel pour Vent du Nord.",
     ("Jeanne Morel", "wonAward", "cristal du long métrage")),
    ("Le césar de la meilleure actrice a couronné Sophie Brun.", ("Sophie Brun", "wonAward", "césar de la meilleure actrice")),
    ("Sophie Brun a remporté le césar de la meilleure actrice pour Les Ombres.",
     ("Sophie Brun", "wonAward", "césar de la meilleure actrice")),
    ("Le prix Louis-Delluc revient cette année à Marc Lenoir.", ("Marc Lenoir", "wonAward", "prix Louis-Delluc")),
])
def test_award_frames_fr(nlp_fr, text, expected):
    assert expected in triples(nlp_fr, text)


@pytest.mark.parametrize("text, expected", [
    ("Harbour Lights was voted best drama series at the ceremony.", ("Harbour Lights", "wonAward", "best drama series")),
    ("Best Supporting Actor went to Daniel Marsh for his turn in Harbour Lights.",
     ("Daniel Marsh", "wonAward", "Best Supporting Actor")),
    ("Clara Voss won the Oscar for best actress on Sunday.", ("Clara Voss", "wonAward", "Oscar for best actress")),
])
def test_award_frames_en(nlp_en, text, expected):
    assert expected in triples(nlp_en, text)


def test_best_needs_a_category_noun_en(nlp_en):
    types = mention_types(nlp_en, "The best way to watch it is at home, and Clara Voss won Best Actress.")
    assert "best way" not in types
    assert types.get("Best Actress") == "Award"


def test_prize_list_fr(nlp_fr):
    found = triples(nlp_fr, "Le palmarès est tombé. Meilleure série : Les Rives, de Jeanne Morel. Prix du jury : Vent du Nord.")
    assert {("Les Rives", "wonAward", "Meilleure série"), ("Vent du Nord", "wonAward", "Prix du jury")} <= found


def test_lowercase_best_in_running_french_is_no_prize(nlp_fr):
    # twin of the above: "la meilleure série de l'année" is praise, a capitalised list label is a prize
    types = mention_types(nlp_fr, "C'est la meilleure série de l'année selon Jeanne Morel.")
    assert "Award" not in types.values()
    assert mention_types(nlp_fr, "Meilleure série : Les Rives.").get("Meilleure série") == "Award"


def test_se_voir_decerner(nlp_fr):
    found = triples(nlp_fr, "Jeanne Morel s'est vu attribuer le césar de la meilleure réalisation.")
    assert ("Jeanne Morel", "wonAward", "césar de la meilleure réalisation") in found
    # twin: "se voir" with no award verb gives nothing
    assert not {t for t in triples(nlp_fr, "Jeanne Morel s'est vue au césar de la meilleure réalisation.") if t[1] == "wonAward"}


def test_music_categories_are_awards_en(nlp_en):
    assert ("Chappell Roan", "wonAward", "best new artist") in triples(nlp_en, "Chappell Roan was crowned best new artist.")
    found = mention_types(nlp_en, "The single swept record of the year at the Grammys.")
    assert found.get("record of the year") == "Award"


def test_a_possessive_year_phrase_is_no_award_twin_en(nlp_en):
    found = mention_types(nlp_en, "Critics called it his album of the year.")
    assert "album of the year" not in found


# --- "<prize>-winning", "beat X to <award>" (session 8) ------------------------------------

@pytest.mark.parametrize("text, holder, award", [
    ("The film adapts Mark Lind's Pulitzer-winning novel The Quiet Road.", "The Quiet Road", "Pulitzer"),
    ("The Oscar-winning director Paul Reed returns with a thriller.", "Paul Reed", "Oscar"),
])
def test_the_name_after_a_prize_winning_phrase_won_it(nlp_en, text, holder, award):
    assert (holder, "wonAward", award) in triples(nlp_en, text)


def test_award_winning_names_no_prize(nlp_en):
    found = triples(nlp_en, "The award-winning director Paul Reed returns. The Oscar-winning actress Emma Lane "
                            "joins him.")
    assert ("Emma Lane", "wonAward", "Oscar") in found
    assert not any(s == "Paul Reed" for s, p, o in found if p == "wonAward")


def test_beating_a_rival_to_an_award_wins_it(nlp_en):
    found = triples(nlp_en, "Emma Lane beat Sandra Hull to best actress.")
    assert ("Emma Lane", "wonAward", "best actress") in found
    assert ("Sandra Hull", "wonAward", "best actress") not in found


@pytest.mark.parametrize("text, triple", [
    ("Mikey Madison won leading actress for Anora at the BAFTAs.", ("Mikey Madison", "wonAward", "leading actress")),
    ("Sarah Polley took best adapted screenplay for Women Talking.", ("Sarah Polley", "wonAward", "best adapted screenplay")),
    ("Max's Hacks won outstanding ensemble in a comedy series.",
     ("Hacks", "wonAward", "outstanding ensemble in a comedy series")),
    ("Yorgos Lanthimos' Poor Things was named best motion picture musical or comedy.",
     ("Poor Things", "wonAward", "best motion picture musical or comedy")),
])
def test_award_categories_as_news_writes_them_en(nlp_en, text, triple):
    assert triple in triples(nlp_en, text)


def test_a_leading_word_away_from_a_win_verb_is_no_award_en(nlp_en):
    types = mention_types(nlp_en, "Netflix is the leading streamer, and its leading actress Emma Stone won best actress.")
    assert types.get("best actress") == "Award"
    assert not any(name.startswith("leading") for name, typ in types.items() if typ == "Award")


def test_an_award_lost_to_someone_is_won_by_them_en(nlp_en):
    # the scorer already guessed this pair: the frame reads it from "lose … to"
    doc = nlp_en("Ralph Fiennes lost best leading actor to Adrien Brody for The Brutalist.")
    rules = {(r.subject.text, r.predicate, r.object.text): r.rule for r in doc._.relations}
    assert rules.get(("Adrien Brody", "wonAward", "best leading actor")) == "frame.verb.wonAward.give"


def test_an_award_category_ends_with_its_noun_en(nlp_en):
    types = mention_types(nlp_en, "The win boosted the thriller's best picture hopes.")
    assert types.get("best picture") == "Award"
    assert "best picture hopes" not in types


@pytest.mark.parametrize("text, expected", [
    ("Basée à Los Angeles, la société a produit Moonlight, Oscar du meilleur film en 2017, ainsi que la série Atlanta.",
     ("Moonlight", "wonAward", "Oscar du meilleur film")),
    ("Claude Morel lui offre la gloire avec Un homme pressé, Palme d'or en 1966.",
     ("Un homme pressé", "wonAward", "Palme d'or")),
    # a film then its director: the award is the film's
    ("Le distributeur a sorti « La Vie d'Adèle » d'Abdellatif Kechiche, Palme d'or en 2013.",
     ("La Vie d'Adèle", "wonAward", "Palme d'or")),
])
def test_an_award_in_apposition_was_won_by_the_name_before_fr(nlp_fr, text, expected):
    found = {(s, p, o.replace("Palme d'Or", "Palme d'or")) for s, p, o in triples(nlp_fr, text)}
    assert expected in found


def test_an_award_in_apposition_to_a_company_is_no_win_twin_fr(nlp_fr):
    found = triples(nlp_fr, "Le festival a salué Canal+, Palme d'or en 2013, pour son soutien au cinéma.")
    assert not any(s == "Canal+" and p == "wonAward" for s, p, _ in found)


# --- awards.winner_relations --------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("Oscar winner Emma Stone stars in the film.", {("Emma Stone", "wonAward", "Oscar")}),
    ("Gene Hackman, the two-time Oscar winner known for The French Connection, has died.",
     {("Gene Hackman", "wonAward", "Oscar")}),
    ("Anora, the Palme d'Or winner from Sean Baker, swept the Independent Spirit Awards.",
     {("Anora", "wonAward", "Palme d'Or")}),
])
def test_a_winner_noun_names_the_award_won_en(nlp_en, text, expected):
    assert expected <= triples(nlp_en, text)


def test_a_hyphenated_count_is_not_part_of_the_award_en(nlp_en):
    types = mention_types(nlp_en, "Emma Stone, a two-time Oscar winner, stars in the film.")
    assert types.get("Oscar") == "Award" and "time Oscar" not in types


def test_a_nominee_won_nothing_en(nlp_en):
    found = triples(nlp_en, "Oscar winner Emma Stone and Timothée Chalamet, a two-time Oscar nominee for Call Me by "
                            "Your Name, star in the film.")
    assert ("Emma Stone", "wonAward", "Oscar") in found
    assert not any(s == "Timothée Chalamet" and p == "wonAward" for s, p, o in found)


@pytest.mark.parametrize("text, expected", [
    ("La série Une île, lauréate du prix de la meilleure série française, revient.",
     {("Une île", "wonAward", "prix de la meilleure série française")}),
    # "le film de Justine Triet" is the film named before, not its maker
    ("Le film Anatomie d'une chute a triomphé aux César. Le film de Justine Triet, déjà lauréat de la Palme d'or, "
     "a reçu six prix.", {("Anatomie d'une chute", "wonAward", "Palme d'or")}),
])
def test_a_winner_noun_names_the_award_won_fr(nlp_fr, text, expected):
    found = triples(nlp_fr, text)
    assert expected <= found
    assert not any(s == "Justine Triet" and p == "wonAward" for s, p, o in found)


@pytest.mark.parametrize("text", [
    "Rosa Kettle earned an Oscar nomination for Greyhaven.",
    "Rosa Kettle received a BAFTA nod for Greyhaven.",
])
def test_a_nomination_is_no_win_en(nlp_en, text):
    assert not any(p == "wonAward" for _, p, _ in triples(nlp_en, text))


def test_the_award_for_a_title_is_the_award_en(nlp_en):
    # "for Greyhaven" names the work the Oscar went to, not a category; "for Best Actress" is one
    assert ("Rosa Kettle", "wonAward", "Oscar") in triples(nlp_en, "Rosa Kettle won the Oscar for Greyhaven.")
    assert ("Emma Stone", "wonAward", "Academy Award for Best Actress") in triples(
        nlp_en, "Emma Stone won the Academy Award for Best Actress.")


def test_a_category_with_a_participle_and_a_name_run_past_the_prize(nlp_en) -> None:
    """"for best limited series": a participle modifying the category's noun belongs to it; a name
    the NER ran on past the prize after "for" is the prize, then the name."""
    found = rule_triples(nlp_en, "Harbor Lights took home the Critics Choice Award for best limited series.")
    assert ("Harbor Lights", "wonAward", "Critics Choice Award for best limited series") in found
    found = rule_triples(nlp_en, "Maya Ortiz won the Independent Spirit Award for Best Lead Performance for Silent Harbor.")
    assert ("Maya Ortiz", "wonAward", "Independent Spirit Award for Best Lead Performance") in found
    assert ("Maya Ortiz", "actsIn", "Silent Harbor") in found


def test_the_capitalised_object_of_a_prize_verb_is_a_prize(nlp_en, nlp_fr) -> None:
    """"won the Peabody", "a remporté le Goncourt": the NER types such names as people or companies,
    or not at all; after a verb of winning they are the prize (lexicon ``prize_verbs``)."""
    assert ("Maya Ortiz", "wonAward", "Peabody") in rule_triples(nlp_en, "Maya Ortiz won the Peabody for her reporting.")
    assert ("Netflix", "wonAward", "Baftas") in rule_triples(nlp_en, "Netflix won three Baftas on Sunday.")
    assert ("Marie Lenoir", "wonAward", "Goncourt") in rule_triples(nlp_fr, "Marie Lenoir a remporté le Goncourt en 2021.")
    # twin: a capitalised modifier of a common noun is no prize ("le contrat Netflix")
    assert mention_types(nlp_fr, "Le studio a remporté le contrat Netflix.").get("Netflix") == "Organization"
    assert mention_types(nlp_en, "Lumen won the Harbor Media contract.").get("Harbor Media") != "Award"


def test_a_title_read_as_a_place_wins_its_prize(nlp_en) -> None:
    """"Silent Harbor won best limited series": the NER types the title a place; a place wins no prize."""
    found = rule_triples(nlp_en, "At the ceremony, Silent Harbor won best limited series while Maya Ortiz was named best actress.")
    assert ("Silent Harbor", "wonAward", "best limited series") in found
    assert ("Maya Ortiz", "wonAward", "best actress") in found


def test_a_list_of_winners_gives_each_its_bracketed_prize_en(nlp_en):
    found = rule_triples(nlp_en, "The BAFTA TV Awards were handed out in London on Sunday. Among the winners were "
                                 "Harbour Lights (best drama), Tom Reyes (best actor) and Maya Collins (best actress).")
    assert {("Harbour Lights", "wonAward", "best drama"), ("Tom Reyes", "wonAward", "best actor"),
            ("Maya Collins", "wonAward", "best actress")} <= found


def test_a_list_of_winners_gives_each_its_prize_after_for_en(nlp_en):
    found = rule_triples(nlp_en, "Winners at the Gotham Awards included The Long Wait for best feature.")
    assert ("The Long Wait", "wonAward", "best feature") in found


def test_a_list_of_nominees_wins_nothing_en(nlp_en):
    text = "Among the nominees were Harbour Lights (best drama) and Tom Reyes (best actor)."
    assert mention_types(nlp_en, text).get("best actor") == "Award"  # the twin: the prize is read
    assert not any(p == "wonAward" for _, p, _ in rule_triples(nlp_en, text))


def test_a_list_of_winners_gives_each_its_bracketed_category_fr(nlp_fr):
    # a bracketed "(meilleure actrice)" is a list label, a category, in French running text too
    found = rule_triples(nlp_fr, "Parmi les lauréats, Les Rives du soir (meilleure série) et Léa Morel (meilleure actrice).")
    assert {("Les Rives du soir", "wonAward", "meilleure série"), ("Léa Morel", "wonAward", "meilleure actrice")} <= found


def test_a_bracket_that_goes_on_past_a_best_phrase_is_no_category_fr(nlp_fr):
    types = mention_types(nlp_fr, "Parmi les lauréats, Léa Morel (meilleure actrice de sa génération selon la critique).")
    assert types.get("Léa Morel") == "Person"  # the twin: the name is read
    assert not any(t == "Award" for t in types.values())


def test_honored_with_a_prize_wins_it_en(nlp_en):
    found = rule_triples(nlp_en, "Night Desk, the investigative series from ProPublica, keeps collecting trophies. "
                                 "The show was honored with an International Emmy on Monday.")
    assert ("Night Desk", "wonAward", "International Emmy") in found


def test_an_award_name_keeps_the_words_of_its_compound_en(nlp_en):
    # "Independent" modifies "Spirit", which modifies "Award": a chain of modifiers of the prize
    types = mention_types(nlp_en, "The feature collected the Independent Spirit Award for best first feature.")
    assert types.get("Independent Spirit Award for best first feature") == "Award"


def test_what_a_prize_verb_s_object_names_is_a_prize_however_ner_typed_it_en(nlp_en):
    # the NER reads "Rose d'Or" as a work of art; "win" is a prize verb (lexicon prize_verbs)
    found = {(r.subject.text, r.predicate, r.object.text, r.object.type)
             for r in nlp_en("The Quiet Shore, a drama from Bad Wolf, won the Rose d'Or.")._.relations}
    assert ("The Quiet Shore", "wonAward", "Rose d'Or", "Award") in found


@pytest.mark.parametrize("text, triple", [
    ("Kerry Vance won Outstanding Supporting Actress in a Limited Series for Harbor Town.",
     ("Kerry Vance", "wonAward", "Outstanding Supporting Actress in a Limited Series")),
    ("Dev Malhotra was named Best Actor in a Comedy Series at the ceremony.",
     ("Dev Malhotra", "wonAward", "Best Actor in a Comedy Series")),
])
def test_a_capitalised_category_keeps_its_in_phrase_en(nlp_en, text, triple):
    # written in title case, the category's "in a … Series" is part of it (the win verb's
    # capitalised object used to stop before "in")
    assert triple in rule_triples(nlp_en, text)


def test_a_capitalised_in_phrase_without_a_category_noun_is_no_category_twin_en(nlp_en):
    types = mention_types(nlp_en, "Rosa Lind won Best Actress in a Glasgow pub quiz.")
    assert types.get("Best Actress") == "Award"
    assert not any(name.startswith("Best Actress in") for name in types)


def test_an_indefinite_article_or_an_ordinal_is_no_part_of_a_prize_en(nlp_en):
    types = mention_types(nlp_en, "The radio drama won a Peabody Award in 2022 and then its first Gotham Award.")
    assert types.get("Peabody Award") == "Award" and "a Peabody Award" not in types
    assert types.get("Gotham Award") == "Award" and "first Gotham Award" not in types


def test_the_work_a_prize_was_won_for_is_a_work_en(nlp_en):
    doc = nlp_en("Mara Quinlan took home the Emmy for outstanding lead actress in a drama series for Frostline.")
    types = {m.text: m.type for m in doc._.mentions}
    assert types.get("Frostline") == "CreativeWork"
    assert ("Mara Quinlan", "actsIn", "Frostline") in {(r.subject.text, r.predicate, r.object.text) for r in doc._.relations}


def test_a_full_name_after_an_award_s_for_stays_a_person_twin_en(nlp_en):
    types = mention_types(nlp_en, "The academy gave an honorary Oscar for Meryl Streep last night.")
    assert types.get("Meryl Streep") == "Person"


def test_the_work_of_a_credit_phrase_after_its_maker_s_possessive_en(nlp_en):
    # the work sits after the director's possessive and the genre; a later "for" belongs to another win
    found = rule_triples(nlp_en, "Corvo took the jury prize, while Emma Laurent won the Silver Shell for best actress "
                                 "for Jonas Berg's chilly thriller Nightjar and Paul Brenner was named best actor for Ember Road.")
    assert ("Emma Laurent", "actsIn", "Nightjar") in found
    assert ("Emma Laurent", "actsIn", "Ember Road") not in found


def test_a_passive_s_subject_is_the_name_before_its_auxiliary_en(nlp_en):
    # the parser hangs "was named" on the first clause's verb with no subject of its own
    found = rule_triples(nlp_en, "Corvo took the jury prize, while Emma Laurent won the Silver Shell for best actress "
                                 "for Jonas Berg's chilly thriller Nightjar and Paul Brenner was named best actor for Ember Road.")
    assert ("Paul Brenner", "wonAward", "best actor") in found
    assert ("Corvo", "wonAward", "best actor") not in found


@pytest.mark.parametrize("text, award", [
    ("Rhea Lund won Best Performance by a Female Actor in a Motion Picture – Musical or Comedy for Glasshouse.",
     "Best Performance by a Female Actor in a Motion Picture – Musical or Comedy"),
    ("Omar Said took Best Actor in a Motion Picture – Drama for Dry Season.", "Best Actor in a Motion Picture – Drama"),
    ("Lena Fox won the Emmy for Lead Actress in a Comedy Series for the third time.", "Emmy for Lead Actress in a Comedy Series"),
])
def test_a_category_named_the_way_of_the_globes_and_emmys_en(nlp_en, text, award):
    # "by a …", a second "in a …" and the genre after a dash are the category's; "lead" marks one after "for"
    assert mention_types(nlp_en, text).get(award) == "Award"


def test_a_dash_after_a_lower_case_category_is_no_part_of_it_twin_en(nlp_en):
    types = mention_types(nlp_en, "Omar Said took best actor – Drama critics agreed – for Dry Season.")
    assert types.get("best actor") == "Award"
