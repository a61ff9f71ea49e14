"""French direct quotes: ``said`` only for « » / “ ” quotes with a named speaker."""

from __future__ import annotations

import pytest

from tests.extract._helpers import fr_triples


def said(text: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in fr_triples(text) if p == "said"}


@pytest.mark.parametrize("text, speaker, start", [
    ("« Nous voulons grandir en Europe », a déclaré Maxime Saada.", "Maxime Saada", "Nous voulons grandir"),
    ("Ted Sarandos, patron de Netflix, a affirmé : « Le cinéma reste notre priorité. »", "Ted Sarandos",
     "Le cinéma reste"),
    ("Maxime Saada dirige Canal+. « Nous avons doublé nos abonnés », a-t-il expliqué.", "Maxime Saada",
     "Nous avons doublé"),
])
def test_direct_quote(nlp_fr, text, speaker, start):
    found = said(text)
    assert any(s == speaker and o.startswith(start) for s, o in found), found


@pytest.mark.parametrize("text", [
    "Maxime Saada a déclaré que le groupe voulait grandir en Europe.",  # reported speech, no marks
    "« Nous ne céderons pas », a lancé un dirigeant qui a requis l'anonymat.",  # anonymous speaker
    "Ted Sarandos a expliqué que l'IA aiderait les créateurs.",
])
def test_no_said(nlp_fr, text):
    assert not said(text)
