"""Hand-built extraction records shared by the store tests (no spaCy: fast)."""

from __future__ import annotations

from kg.records import Document, Entity, Extraction, Mention, Relation, Triple

TED = Entity("person/ted-sarandos", "Ted Sarandos", "Person", {"Ted Sarandos", "Sarandos"})
NETFLIX = Entity("organization/netflix", "Netflix", "Organization", {"Netflix", "NFLX"}, wikidata="Q907311")
GEN_AI = Entity("concept/generative-ai", "generative AI", "Concept", {"generative AI", "GenAI"})
ANIMAL_LOGIC = Entity("organization/animal-logic", "Animal Logic", "Organization", {"Animal Logic"})
SQUID_GAME = Entity("series/squid-game", "Squid Game", "Series", {"Squid Game"})

TEXT_1 = (
    "Ted Sarandos is the CEO of Netflix. "
    '"AI will not replace artists," Sarandos said on Tuesday. '
    "Netflix uses generative AI for dubbing."
)
TEXT_2 = (
    "Ted Sarandos, the CEO of Netflix, confirmed the deal. "
    "Netflix acquires Animal Logic. "
    "Netflix produces Squid Game."
)
QUOTE_TEXT = "AI will not replace artists,"


def _mention(text: str, surface: str, type_: str) -> Mention:
    start = text.index(surface)
    return Mention(surface, start, start + len(surface), type_)


def _sentence(text: str, needle: str) -> tuple[str, int]:
    """The sentence of ``text`` holding ``needle`` and its offset (sentences end with '. ')."""
    i = text.index(needle)
    start = text.rfind(". ", 0, i)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", i)
    end = len(text) if end < 0 else end + 1
    return text[start:end], start


def _triple(text: str, subj: Entity, pred: str, obj: Entity, s_surface: str, o_surface: str,
            rule: str, confidence: float) -> Triple:
    sentence, offset = _sentence(text, o_surface)
    rel = Relation(_mention(text, s_surface, subj.type), pred, _mention(text, o_surface, obj.type),
                   sentence, offset, rule, confidence)
    return Triple(subj, pred, obj, rel)


def make_extraction(doc_id: str = "news-1", text: str = TEXT_1, *, lang: str = "en",
                    title: str | None = "Netflix and AI", url: str | None = "https://example.org/news/1",
                    date: str | None = "2024-05-02") -> Extraction:
    """An extraction of ``text`` (TEXT_1 or TEXT_2, or any text reusing their sentences)."""
    doc = Document(id=doc_id, text=text, lang=lang, title=title, url=url, date=date)
    entities: list[Entity] = []
    triples: list[Triple] = []
    if "CEO of Netflix" in text:
        triples.append(_triple(text, TED, "ceoOf", NETFLIX, "Ted Sarandos", "Netflix", "role.appos", 0.9))
        entities += [TED, NETFLIX]
    if QUOTE_TEXT in text:
        quote = Entity("quote/q", QUOTE_TEXT, "Quote", {QUOTE_TEXT})
        sentence, offset = _sentence(text, "Sarandos said")
        rel = Relation(_mention(text, "Sarandos", "Person"), "said", _mention(text, QUOTE_TEXT, "Quote"),
                       sentence, offset, "quote.verb", 0.85)
        triples.append(Triple(TED, "said", quote, rel))
        entities.append(quote)
    if "uses generative AI" in text:
        triples.append(_triple(text, NETFLIX, "uses", GEN_AI, "Netflix", "generative AI", "frame.uses", 0.7))
        entities.append(GEN_AI)
    if "acquires Animal Logic" in text:
        triples.append(_triple(text, NETFLIX, "acquires", ANIMAL_LOGIC, "Netflix", "Animal Logic", "frame.acquire", 0.8))
        entities.append(ANIMAL_LOGIC)
    if "produces Squid Game" in text:
        triples.append(_triple(text, NETFLIX, "produces", SQUID_GAME, "Netflix", "Squid Game", "frame.produce", 0.75))
        entities.append(SQUID_GAME)
    unique = {e.key: e for e in entities}
    return Extraction(doc, list(unique.values()), triples)
