"""kg.lexicon: the shipped lexicons fit the schema; a misspelt key, a wrong type or a
repeated key in a lexicon file is a coded error naming the file, the line and the key."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.errors import ModelError
from kg.lexicon import LexiconSchema, lexicon_path, load_lexicon

LANGS = ("fr", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_shipped_lexicons_load(lang: str) -> None:
    lex = load_lexicon(lang)
    assert lex.lang == lang
    assert len(lex.frames) > 20
    assert lex.words("speech_verbs") and lex.words("hedge", "negations") and lex.role_nouns


def test_yaml_1_1_booleans_stay_words() -> None:
    """``no`` and ``on`` are words, not booleans (they were loaded as "false" and "true")."""
    lex = load_lexicon("en")
    assert "no" in lex.words("hedge", "negations") and "false" not in lex.words("hedge", "negations")
    assert "on" in lex.words("mention_title_glue") and "true" not in lex.words("mention_title_glue")


@pytest.mark.parametrize("lang", LANGS)
def test_every_frame_has_a_unique_id(lang: str) -> None:
    ids = [f.id for f in load_lexicon(lang).frames]
    assert all(ids) and len(ids) == len(set(ids))


def test_every_key_read_by_the_code_is_declared() -> None:
    """A key misspelt in code (``words("seat_noun")``) would read an empty list forever."""
    package = Path(__file__).resolve().parents[1] / "kg"
    read = set()
    for path in package.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        read |= set(re.findall(r'\bwords\(\s*"(\w+)"', text)) | set(re.findall(r'\.data\.get\(\s*"(\w+)"', text))
    assert read, "no lexicon key found in kg/: the pattern is out of date"
    assert read <= set(LexiconSchema.model_fields), sorted(read - set(LexiconSchema.model_fields))


def test_each_key_is_declared_once() -> None:
    """A key declared twice in LexiconSchema silently keeps the last declaration."""
    import ast

    import kg.lexicon

    tree = ast.parse(Path(kg.lexicon.__file__).read_text(encoding="utf-8"))
    for cls in (n for n in tree.body if isinstance(n, ast.ClassDef) and n.name.endswith("Schema")):
        names = [s.target.id for s in cls.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)]
        assert len(names) == len(set(names)), (cls.name, sorted({n for n in names if names.count(n) > 1}))


def test_frame_by_id() -> None:
    """A rule reading a frame's words by id fails loudly when the id is gone."""
    lex = load_lexicon("en")
    assert lex.frame("frame.verb.actsIn.star").lemmas == ("star", "feature")
    with pytest.raises(KeyError, match="frame.verb.nope"):
        lex.frame("frame.verb.nope")


def test_words_refuses_an_undeclared_key() -> None:
    with pytest.raises(KeyError, match="seat_noun"):
        load_lexicon("fr").words("seat_noun")


def _copy(tmp_path: Path, lang: str, old: str, new: str) -> Path:
    """A temp copy of the shipped lexicon with ``old`` (which must occur) replaced by ``new`` once."""
    text = lexicon_path(lang).read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in {lang}.yaml: update the test"
    path = tmp_path / f"{lang}.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.mark.parametrize("lang, old, new, code, key, hint", [
    # a misspelt top-level key: the words would be silently ignored
    ("fr", "\nspeech_verbs:", "\nspeech_verb:", "E090", "speech_verb", "speech_verbs"),
    ("en", "\nwork_nouns:", "\nwork_noun:", "E090", "work_noun", "work_nouns"),
    # a misspelt key inside a table and inside a frame
    ("fr", "  cancels:", "  cancel:", "E090", "hedge.cancel", "cancels"),
    ("en", "predicate: uses, lemmas: [use,", "predicate: uses, lemma: [use,", "E090", "frames[1].lemma", "lemmas"),
    # wrong types
    ("fr", "seat_nouns: [siège", "seat_nouns: siège", "E091", "seat_nouns", "a list"),
    ("en", "award_preps: [for]", "award_preps: [for, 1999]", "E091", "award_preps[2]", "quote a word"),
    # invalid values: an unknown property, class or slot
    ("fr", "  subsidiaryOf: [filiale", "  subsidiaryof: [filiale", "E092", "org_roles.subsidiaryof", "subsidiaryOf"),
    ("en", "object_types: [Product, Concept", "object_types: [Produkt, Concept", "E092", "frames[1].object_types[1]", "Product"),
    # (a slot error names the frame's first line)
    ("fr", "{id: frame.verb.uses.recourir,\n     predicate: uses, lemmas: [recourir], subject: agent,",
     "{id: frame.verb.uses.recourir,\n     predicate: uses, lemmas: [recourir], subject: agnet,",
     "E092", "frames[2]", "slot 'agnet'"),
    # a frame without an id, or with an id holding a character a rule name may not
    ("en", "{id: frame.verb.uses.use,\n     predicate: uses, lemmas: [use,", "{predicate: uses, lemmas: [use,", "E092",
     "frames[1].id", "this required key is missing"),
    ("fr", "{id: frame.verb.uses.recourir,", "{id: frame/verb/uses/recourir,", "E092", "frames[2].id", "should match"),
])
def test_bad_lexicon_is_a_coded_error(tmp_path: Path, lang: str, old: str, new: str, code: str, key: str,
                                      hint: str) -> None:
    path = _copy(tmp_path, lang, old, new)
    with pytest.raises(ModelError) as info:
        load_lexicon(lang, str(path))
    message = str(info.value)
    assert message.startswith(f"[{code}] {path}:{_line(path, new.strip().splitlines()[0])}:"), message
    assert f"'{key}" in message and hint in message, message
    assert "\n" not in message


def test_a_key_written_twice_is_an_error(tmp_path: Path) -> None:
    path = _copy(tmp_path, "fr", "\nseat_nouns:", "\nspeech_verbs: [dire]\nseat_nouns:")
    with pytest.raises(ModelError, match=r"^\[E093\] .*fr\.yaml:(\d+): lexicon key 'speech_verbs' is written twice") as info:
        load_lexicon("fr", str(path))
    assert f"fr.yaml:{_line(path, 'speech_verbs: [dire]')}:" in str(info.value)
    assert f"first on line {_line(path, 'speech_verbs: [')})" in str(info.value)


def test_frame_ids_must_be_unique(tmp_path: Path) -> None:
    path = _copy(tmp_path, "en", "{id: frame.verb.uses.use,", "{id: en.uses,")
    text = path.read_text(encoding="utf-8").replace("{id: frame.verb.develops.develop,", "{id: en.uses,", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ModelError, match=r"^\[E094\] .*en\.yaml:\d+: frame #\d+ has id 'en.uses', already the id of frame #1"):
        load_lexicon("en", str(path))


def test_the_frame_id_is_the_frame_id(tmp_path: Path) -> None:
    path = _copy(tmp_path, "fr", "{id: frame.verb.uses.recourir,", "{id: fr.uses.recourir-a,")
    frames = load_lexicon("fr", str(path)).frames
    assert frames[1].id == "fr.uses.recourir-a"
    assert frames[0].id == "frame.verb.uses.utiliser"


def test_lang_must_match(tmp_path: Path) -> None:
    path = _copy(tmp_path, "fr", "lang: fr", "lang: en")
    with pytest.raises(ModelError, match=r"^\[E092\] .*lexicon key 'lang' is invalid: 'en', but it was loaded as the 'fr'"):
        load_lexicon("fr", str(path))


def test_not_yaml_is_e012(tmp_path: Path) -> None:
    path = tmp_path / "fr.yaml"
    path.write_text("lang: fr\nroles: [unclosed\n", encoding="utf-8")
    with pytest.raises(ModelError, match=r"^\[E012\] "):
        load_lexicon("fr", str(path))
