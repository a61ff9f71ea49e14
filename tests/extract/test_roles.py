"""French role nouns: appositions, copulas, possessives, coordinated and non-current roles."""

from __future__ import annotations

import pytest

from tests.extract._helpers import fr_triples, rule_triples, triples

ROLE_PREDICATES = {"ceoOf", "leads", "founderOf", "worksFor"}


@pytest.mark.parametrize("text, expected", [
    ("Le patron de Netflix, Ted Sarandos, a présenté les résultats.", ("Ted Sarandos", "ceoOf", "Netflix")),
    ("Maxime Saada, président du directoire de Canal+, a pris la parole.", ("Maxime Saada", "leads", "Canal+")),
    ("Jeanne Morel, directrice générale de Gaumont, a ouvert la séance.", ("Jeanne Morel", "ceoOf", "Gaumont")),
    ("Paul Girard est le fondateur de Mediawan.", ("Paul Girard", "founderOf", "Mediawan")),
    ("Sophie Lemaire, analyste chez Ubisoft, a présenté le prototype.", ("Sophie Lemaire", "worksFor", "Ubisoft")),
    ("Netflix a publié ses comptes, a indiqué son PDG Ted Sarandos.", ("Ted Sarandos", "ceoOf", "Netflix")),
    # an appointing verb: the person is its object, the organisation its subject or the board's
    ("Pathé a nommé Ardavan Safaee directeur général en 2019.", ("Ardavan Safaee", "ceoOf", "Pathé")),
    # the workplace inside the participle that follows the role
    ("Léa Fontaine, directrice chargée des acquisitions chez Arte, a signé l'accord.", ("Léa Fontaine", "worksFor", "Arte")),
    ("Le conseil de surveillance de Mediawan a nommé Pierre-Antoine Capton directeur général.",
     ("Pierre-Antoine Capton", "ceoOf", "Mediawan")),
])
def test_role_found(nlp_fr, text, expected):
    assert expected in fr_triples(text)


@pytest.mark.parametrize("text, expected", [
    # the owner behind common-noun complements of an organisation role noun
    ("Twitch, la plateforme de streaming d'Amazon, diffusera l'émission.", ("Twitch", "subsidiaryOf", "Amazon")),
    ("Le gala sera diffusé sur Prime Video, le service de vidéo à la demande d'Amazon.",
     ("Prime Video", "subsidiaryOf", "Amazon")),
    # twin: no chain needed when the owner is the complement itself
    ("Gulli, la chaîne du groupe M6, change de logo.", ("Gulli", "subsidiaryOf", "M6")),
])
def test_organisation_role_through_common_nouns(nlp_fr, text, expected):
    assert expected in fr_triples(text)


@pytest.mark.parametrize("text", [
    "Julien Faure pourrait devenir le prochain PDG de Gaumont.",
    "Gaumont cherche un nouveau directeur général.",
])
def test_no_current_role(nlp_fr, text):
    assert not {t for t in fr_triples(text) if t[1] in ROLE_PREDICATES}


# Positive twins of test_no_current_role, in its order: a current, named role.
@pytest.mark.parametrize("text, expected", [
    ("Julien Faure est devenu le PDG de Gaumont.", ("Julien Faure", "ceoOf", "Gaumont")),
    ("Gaumont a nommé Julien Faure directeur général.", ("Julien Faure", "ceoOf", "Gaumont")),
])
def test_no_current_role_twin(nlp_fr, text, expected):
    assert expected in fr_triples(text)


# Past roles are roles: the real-news conventions ignore tense ("l'ex-patron de M6").
@pytest.mark.parametrize("text, expected", [
    ("L'ancien patron de Canal+, Bertrand Méheut, a écrit un livre.", ("Bertrand Méheut", "ceoOf", "Canal+")),
    ("Pierre Lescure, l'ex-patron de Canal+, a écrit un livre.", ("Pierre Lescure", "ceoOf", "Canal+")),
])
def test_past_role_found(nlp_fr, text, expected):
    assert expected in fr_triples(text)


@pytest.mark.parametrize("text, expected", [
    # taking a post: support verb + noun of leadership
    ("Paul Sorel avait pris la tête de Gaumont en 2004.", ("Paul Sorel", "leads", "Gaumont")),
    ("Léa Rousseau prendra les commandes de Médiane Productions.", ("Léa Rousseau", "leads", "Médiane Productions")),
])
def test_taking_a_post(nlp_fr, text, expected):
    assert expected in fr_triples(text)


def test_taking_the_lead_of_a_ranking_is_no_post(nlp_fr):
    # twin: "la tête du classement" names no company
    assert not {t for t in fr_triples("Le film a pris la tête du box-office français.") if t[1] == "leads"}


def test_national_branch_is_one_name(nlp_fr):
    found = fr_triples("Paul Sorel a pris la tête de Netflix France en 2020.")
    assert ("Paul Sorel", "leads", "Netflix France") in found


@pytest.mark.parametrize("text, expected", [
    # a news outlet described as "le site", "le média", "le quotidien": the name given before
    ("Mediapart revendique 220 000 abonnés. Le site, cofondé en 2008 par Edwy Plenel, reste indépendant.",
     ("Edwy Plenel", "founderOf", "Mediapart")),
    pytest.param("HugoDécrypte s'installe sur Spotify. Le média fondé en 2015 par Hugo Travers y diffusera son podcast.",
                 ("Hugo Travers", "founderOf", "HugoDécrypte"),
                 marks=pytest.mark.xfail(strict=True, reason="the rules find it (test below); the relation scorer "
                                         "retrained in session 15 also reads 'Spotify distributes HugoDécrypte', a "
                                         "work, and resolution's tie between the two readings goes to the work")),
])
def test_outlet_descriptions_refer_back(nlp_fr, text, expected):
    assert expected in fr_triples(text)


def test_an_outlet_description_names_its_founder_by_the_rules(nlp_fr):
    text = "HugoDécrypte s'installe sur Spotify. Le média fondé en 2015 par Hugo Travers y diffusera son podcast."
    assert ("Hugo Travers", "founderOf", "HugoDécrypte") in rule_triples(nlp_fr, text)


def test_outlet_description_without_an_outlet_before(nlp_fr):
    # twin: nothing named before "le site", no founder of anything
    assert not {t for t in fr_triples("Le site, cofondé en 2008 par Edwy Plenel, reste indépendant.")
                if t[1] == "founderOf"}


def test_an_age_between_the_name_and_the_role_keeps_the_holder(nlp_fr):
    assert ("Ted Sarandos", "ceoOf", "Netflix") in fr_triples(
        "Ted Sarandos, 63 ans, patron de Netflix, a présenté les résultats.")


def test_the_platform_after_an_acquisition_is_the_company_bought(nlp_fr):
    # the parser reads "Vivendi a racheté" with a passive subject: the buyer still is Vivendi
    found = triples(nlp_fr, "Vivendi a racheté Dailymotion en 2015. Présidée par Anne Roy, la plateforme est désormais "
                            "une filiale de Havas.")
    assert ("Dailymotion", "subsidiaryOf", "Havas") in found
    assert ("Vivendi", "subsidiaryOf", "Havas") not in found


def test_the_group_after_an_acquisition_is_the_buyer_twin(nlp_fr):
    found = triples(nlp_fr, "Vivendi a racheté Dailymotion en 2015. Présidé par Anne Roy, le groupe est désormais "
                            "une filiale de Bolloré.")
    assert ("Vivendi", "subsidiaryOf", "Bolloré") in found


def test_another_title_of_a_group_is_its_subsidiary(nlp_fr):
    found = triples(nlp_fr, "Le Journal du soir, autre titre de Lagardère, reste chez son propriétaire.")
    assert ("Journal du soir", "subsidiaryOf", "Lagardère") in found


def test_the_title_of_a_singer_is_no_subsidiary_twin(nlp_fr):
    found = triples(nlp_fr, "« Djadja », titre d'Aya Nakamura, a dépassé un milliard d'écoutes.")
    assert not any(p == "subsidiaryOf" for _, p, _ in found)


# --- roles.handover_relations: an office handed over ---------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Régis Ravanas cède la direction générale de RTL, RTL2 et Fun Radio à Tristan Jurgensen.",
     {("Tristan Jurgensen", "ceoOf", "RTL2"), ("Tristan Jurgensen", "ceoOf", "Fun Radio"),
      ("Régis Ravanas", "ceoOf", "RTL2")}),
    ("Cédric Siré cède son fauteuil de directeur général de Webedia à Guillaume Multrier.",
     {("Guillaume Multrier", "ceoOf", "Webedia")}),
    ("Olivier Nusse a confié la présidence du label Polydor à Laetitia Marin.", {("Laetitia Marin", "leads", "Polydor")}),
])
def test_an_office_handed_over_goes_to_the_person_after_a(nlp_fr, text, expected):
    assert expected <= triples(nlp_fr, text)


def test_who_entrusts_an_office_does_not_hold_it_twin(nlp_fr):
    found = triples(nlp_fr, "Olivier Nusse a confié la présidence du label Polydor à Laetitia Marin.")
    assert not any(s == "Olivier Nusse" and o == "Polydor" for s, _, o in found)


@pytest.mark.parametrize("text", [
    "Régis Ravanas pourrait céder la direction générale de RTL à Tristan Jurgensen.",
    "Le groupe a cédé sa participation dans RTL à Bertelsmann.",
])
def test_no_handover_when_hedged_or_no_office_twin(nlp_fr, text):
    assert not any(p in ("ceoOf", "leads") for _, p, _ in triples(nlp_fr, text))


def test_appointed_to_a_post_is_the_person_appointed(nlp_fr):
    found = triples(nlp_fr, "Pierre Bellanger a nommé Laurent Bouneau au poste de directeur général de Skyrock.")
    assert ("Laurent Bouneau", "ceoOf", "Skyrock") in found
    assert ("Pierre Bellanger", "ceoOf", "Skyrock") not in found
    assert ("Laurent Bouneau", "ceoOf", "Skyrock") in triples(
        nlp_fr, "Laurent Bouneau a été nommé au poste de directeur général de Skyrock.")


def test_leaving_a_post_is_the_subject_s_post_twin(nlp_fr):
    assert ("Marie Roy", "ceoOf", "Skyrock") in triples(nlp_fr, "Marie Roy a quitté son poste de directrice générale de Skyrock.")


def test_a_relative_after_a_name_qualifies_the_name_when_hung_on_the_verb(nlp_fr):
    found = triples(nlp_fr, "Olivier Nusse a confié la présidence du label Polydor à Laetitia Marin. Elle remplace "
                            "Julien Creuzard, qui prend la tête d'Island Def Jam France.")
    assert ("Julien Creuzard", "leads", "Island Def Jam France") in found
    assert ("Olivier Nusse", "leads", "Island Def Jam France") not in found


def test_a_fronted_office_with_an_elided_de_names_the_company(nlp_fr):
    # "aux commandes d'X" is "aux commandes de X" (lexicon fronted_leads)
    found = triples(nlp_fr, "Aux commandes d'Universal Music France depuis 1998, Pascal Nègre abandonne la présidence.")
    assert ("Pascal Nègre", "leads", "Universal Music France") in found


def test_a_fronted_past_office_is_no_elided_lead(nlp_fr):
    found = triples(nlp_fr, "Aux commandes d'Universal Music France depuis 1998, Pascal Nègre abandonne la présidence. "
                            "Ancien patron d'Arte, Paul Dumas le remplace.")
    assert ("Pascal Nègre", "leads", "Universal Music France") in found
    assert ("Paul Dumas", "leads", "Arte") not in found


def test_a_french_list_of_roles_shares_the_company(nlp_fr):
    found = triples(nlp_fr, "Paul Dumas, président, directeur général et fondateur de Radio Azur, parle.")
    assert ("Paul Dumas", "founderOf", "Radio Azur") in found
    assert ("Paul Dumas", "ceoOf", "Radio Azur") in found


def test_a_definite_role_opening_its_sentence_is_the_person_the_sentence_before_was_about(nlp_fr):
    text = ("Jean Dupont prépare l'après. Le fondateur de Radio Nova, qui préside la radio depuis 1986, "
            "a nommé Paul Roux directeur général.")
    assert ("Jean Dupont", "founderOf", "Radio Nova") in triples(nlp_fr, text)


def test_a_definite_role_with_its_own_name_is_that_person(nlp_fr):
    found = triples(nlp_fr, "Jean Dupont quitte M6. Le patron de TF1, Gilles Pélisson, a salué son travail.")
    assert ("Gilles Pélisson", "ceoOf", "TF1") in found
    assert ("Jean Dupont", "ceoOf", "TF1") not in found


def test_a_plural_role_after_a_list_is_held_by_each_name(nlp_fr):
    found = triples(nlp_fr, "Anthony Roux, Camille Chafer et Emmanuel Darras, les trois cofondateurs d'Ankama, "
                            "ont vendu leurs parts.")
    assert {("Anthony Roux", "founderOf", "Ankama"), ("Camille Chafer", "founderOf", "Ankama"),
            ("Emmanuel Darras", "founderOf", "Ankama")} <= found


def test_a_singular_role_after_a_list_is_held_by_the_last_name_only(nlp_fr):
    found = triples(nlp_fr, "Anna Roy et Paul Simon, cofondateur d'Ankama, ont parlé.")
    assert ("Paul Simon", "founderOf", "Ankama") in found
    assert ("Anna Roy", "founderOf", "Ankama") not in found


# --- a definite credit role with no name of its own (session 10) ---------------------------------

@pytest.mark.parametrize("text, expected", [
    # the passage credited the director before: the role names her other film
    ("Le film Les Heures claires de Carine Morel sort mercredi. Léa Morin incarne une libraire, face à Pio Marmaï. "
     "La réalisatrice d'Ôtez-moi d'un doute, qui signe également le scénario, y poursuit son exploration des familles.",
     {("Ôtez-moi d'un doute", "directedBy", "Carine Morel")}),
    # a list of works after the role, in a complement ("du réalisateur de A et de B")
    ("Le film Les Heures claires a été réalisé par Boris Lojkine. Il marque le troisième long-métrage du réalisateur "
     "de Hope et de Camille.",
     {("Hope", "directedBy", "Boris Lojkine"), ("Camille", "directedBy", "Boris Lojkine")}),
])
def test_a_credit_role_without_a_name_is_held_by_who_the_passage_credited_fr(nlp_fr, text, expected):
    found = triples(nlp_fr, text)
    assert expected <= found
    # twin: not the actor the sentence before was about
    assert ("Ôtez-moi d'un doute", "directedBy", "Léa Morin") not in found



def test_a_credit_role_read_as_a_topic_is_no_role_for_a_credit_list_fr(nlp_fr):
    # the cast list of the sentence before must not lend the role to its actors
    text = ("Choisi pour ouvrir la section Orizzonti, Les Heures claires de Carine Morel sort mercredi. Adapté de La "
            "Serre, le roman de Lise Garnier, le film suit une libraire. Léa Morin incarne cette libraire, face à Pio "
            "Marmaï, tandis qu'Anne Roy complète la distribution. La réalisatrice d'Ôtez-moi d'un doute, qui signe "
            "également le scénario, y poursuit son exploration des familles.")
    found = triples(nlp_fr, text)
    assert ("Ôtez-moi d'un doute", "directedBy", "Carine Morel") in found
    assert ("Ôtez-moi d'un doute", "directedBy", "Léa Morin") not in found


def test_a_bare_credit_role_opening_the_sentence_describes_the_name_after_its_comma_fr(nlp_fr):
    found = triples(nlp_fr, "Scénariste de La Reine Margot, Danièle Morel retrouve ici une époque qu'elle a connue.")
    assert ("La Reine Margot", "author", "Danièle Morel") in found
    # twin: the role with an article opening a clause is no fronted description of that name
    found = triples(nlp_fr, "La scénariste de La Reine Margot a salué Danièle Morel, qui retrouve une époque.")
    assert ("La Reine Margot", "author", "Danièle Morel") not in found


@pytest.mark.parametrize("text, expected", [
    # the parser makes the name a second subject of the verb, or hangs it on the role's complement
    ("Le patron de M6, Nicolas Vairon, a salué l'accord.", ("Nicolas Vairon", "ceoOf", "M6")),
    ("Le président du directoire de M6, Nicolas Vairon, a salué l'accord.", ("Nicolas Vairon", "leads", "M6")),
    ("La directrice des programmes de France Télévisions, Marie Lenoir, a présenté la grille.",
     ("Marie Lenoir", "worksFor", "France Télévisions")),
])
def test_a_fronted_role_then_the_name(nlp_fr, text, expected):
    assert expected in triples(nlp_fr, text)


@pytest.mark.parametrize("text", [
    "Marie Lenoir a été nommée à la présidence de Radio France.",
    "Nommée à la tête de Radio France en 2024, Marie Lenoir pilote la réforme.",
    "Marie Lenoir succède à Paul Morin à la présidence de Radio France.",
    "Marie Lenoir est arrivée à la tête de Radio France en 2024.",
])
def test_appointed_to_an_office(nlp_fr, text):
    assert ("Marie Lenoir", "leads", "Radio France") in triples(nlp_fr, text)


def test_appointed_to_chair_no_company(nlp_fr):
    # twin: an office of something that is no organisation gives nothing
    assert not any(p == "leads" for _, p, _ in triples(nlp_fr, "Marie Lenoir a été nommée à la présidence du jury."))


def test_a_succession_fr(nlp_fr):
    found = triples(nlp_fr, "Marie Lenoir succède à Paul Morin comme PDG de Radio France.")
    assert {("Marie Lenoir", "ceoOf", "Radio France"), ("Paul Morin", "ceoOf", "Radio France")} <= found


@pytest.mark.parametrize("text", [
    # the parser's misreadings of the appointed person's role: an oblique after a name cut short,
    # an unlabelled second object
    "Vivendi a nommé Axel Dauchez directeur général de Canal+.",
    "Gaumont a nommé Marie Lenoir directrice générale de Pathé.",
])
def test_the_one_appointed_holds_the_role_fr(nlp_fr, text):
    found = rule_triples(nlp_fr, text)
    appointed = text.split(" a nommé ")[1].split(" direct")[0]
    org = text.rstrip(".").split(" de ")[-1]
    assert (appointed, "ceoOf", org) in found
    assert not any(p == "ceoOf" and s != appointed for s, p, _ in found)


def test_an_object_pronoun_is_not_its_verbs_subject_fr(nlp_fr):
    # "A et B, qui l'ont nommée": "l'" stands for someone named before, never A or B; "Ce" of a cleft
    # stands for nobody
    text = ("Marie Lenoir a quitté TF1 en 2019. Ce sont les actionnaires de Gaumont, Paul Morin et Hugo Blanc, "
            "qui l'ont nommée directrice générale de Pathé.")
    found = rule_triples(nlp_fr, text)
    assert ("Marie Lenoir", "ceoOf", "Pathé") in found
    assert not any(s in ("Paul Morin", "Hugo Blanc") and p == "ceoOf" for s, p, _ in found)
    # twin: a subject pronoun may stand for the one named before
    assert ("Paul Morin", "leads", "Lantern Films") in triples(nlp_fr, "Lantern Films a été fondé par Paul Morin, qui le dirige toujours.")


def test_an_owner_of_a_list_owns_each_member_and_no_member_owns_another(nlp_fr):
    for text in ("Le groupe Vivendi a racheté Lagardère, propriétaire de Radio Nova et de Paris Match.",
                 "Le groupe Vivendi a racheté Lagardère, propriétaire de Radio Nova, de Gala et de Paris Match."):
        found = rule_triples(nlp_fr, text)
        assert {("Radio Nova", "subsidiaryOf", "Lagardère"), ("Paris Match", "subsidiaryOf", "Lagardère")} <= found, text
        assert ("Radio Nova", "subsidiaryOf", "Paris Match") not in found


def test_an_org_role_reaches_its_owner_through_an_en_complement(nlp_fr):
    found = rule_triples(nlp_fr, "Thierry Dubois prend la tête de LCI, la chaîne d'information en continu de TF1.")
    assert ("LCI", "subsidiaryOf", "TF1") in found
    # twin: a company named inside an "en" complement that no "de" reaches owns nothing
    found = rule_triples(nlp_fr, "Thierry Dubois prend la tête de LCI, la chaîne diffusée en clair sur la TNT.")
    assert not any(p == "subsidiaryOf" for _, p, _ in found)


def test_an_untyped_name_before_an_org_role_apposition_is_the_unit_fr(nlp_fr):
    # the parser mangles the apposition, and NER leaves "Showmax" untyped
    found = rule_triples(nlp_fr, "Showmax, la plateforme de streaming de MultiChoice, sera intégrée à l'offre du groupe.")
    assert ("Showmax", "subsidiaryOf", "MultiChoice") in found
