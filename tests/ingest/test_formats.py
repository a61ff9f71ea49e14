"""Formats users have: saved pages (trafilatura), RSS/Atom feeds (feedparser), JSON with a field
mapping, and the normalisation of optional fields (dates, URLs)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import iter_documents, parse_field_mapping
from kg.ingest.feeds import sniff_xml
from kg.ingest.fields import normalise_date, normalise_url
from kg.ingest.html import fragment_text

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
LEAKS = ("SCRIPTLEAK", "IFRAMELEAK", "NAVLEAK", "FOOTERLEAK", "STYLELEAK", "ASIDELEAK", "Abonnez-vous",
         "Mentions légales", "Privacy policy", "alert(")


def collect(paths, **kwargs):
    errors: list[str] = []
    warnings: list[str] = []
    docs = list(iter_documents(paths, on_error=lambda e: errors.append(str(e)), on_warning=warnings.append,
                               **kwargs))
    return docs, errors, warnings


# --------------------------------------------------------------------------- HTML


def test_saved_page_main_text_and_metadata():
    (doc,), errors, warnings = collect([DATA / "page_fr.html"])
    assert (errors, warnings) == ([], [])
    assert doc.title == "Studio Lumen nomme une nouvelle directrice"
    assert doc.date == "2025-04-03" and doc.author == "Claire Dubois" and doc.site == "Écrans Hebdo"
    assert doc.url == "https://ecrans-hebdo.example.org/2025/04/studio-lumen-directrice"  # canonical, not og:url
    assert doc.id == doc.url and doc.lang == "fr"  # <html lang="fr">
    assert "Hélène Marchetti dirigeait jusqu'ici la production" in doc.text  # the article body is there
    assert "\n\n" in doc.text  # paragraphs kept apart
    assert [leak for leak in LEAKS if leak in doc.text] == []


def test_page_without_canonical_uses_og_url_and_a_written_date():
    (doc,), errors, _ = collect([DATA / "page_en.html"])
    assert errors == []
    assert doc.url == "https://screen-ledger.example.com/news/harbor-pictures-label" and doc.date == "2024-03-12"
    assert doc.lang is None  # no lang attribute: detected later
    assert doc.text.count("Northlight Docs") == 2 and [leak for leak in LEAKS if leak in doc.text] == []


def test_two_saved_index_pages_are_two_articles(tmp_path):
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        shutil.copy(DATA / ("page_fr.html" if name == "a" else "page_en.html"), tmp_path / name / "index.html")
    docs, errors, _ = collect([tmp_path])
    assert len(docs) == 2 and errors == []


def test_page_with_a_javascript_canonical_keeps_the_article(tmp_path):
    page = (DATA / "page_fr.html").read_text(encoding="utf-8").replace(
        "https://ecrans-hebdo.example.org/2025/04/studio-lumen-directrice\">", "javascript:alert(1)\">", 1)
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    (doc,), errors, warnings = collect([tmp_path / "p.html"])
    assert doc.url is None and doc.id == "p" and errors == []
    assert len(warnings) == 1 and warnings[0].startswith("[E071]") and "p.html:page" in warnings[0]


def test_fragment_text_drops_active_content_with_its_text():
    html = ("<div><p>Un <b>deux</b></p><script>alert('x')</script><iframe src='x'>cadre</iframe><object>obj</object>"
            "<style>p{}</style><p>trois<br>quatre</p></div>")
    assert fragment_text(html) == "Un deux\n\ntrois\nquatre"


# --------------------------------------------------------------------------- feeds


def test_rss_items_full_content_or_summary():
    docs, errors, warnings = collect([DATA / "feed.rss"])
    assert (errors, warnings) == ([], [])
    first, second = docs
    assert first.id == "fil-2024-0312-horizon" and first.title == "La chaîne Horizon TV lance une offre de streaming"
    assert first.url == "https://fil-audiovisuel.example.org/2024/03/horizon-streaming"
    assert first.date == "2024-03-12" and first.author == "Marc Lefèvre" and first.site == "Le Fil Audiovisuel"
    assert first.lang == second.lang == "fr"  # <language>fr-fr</language>
    assert "Julie Moreau" in first.text and "Résumé court" not in first.text  # content:encoded, not the summary
    assert [leak for leak in LEAKS if leak in first.text] == []
    assert second.text == ("Le festival Regards du Sud ouvrira ses portes à Marseille en juin, avec une quarantaine "
                           "de films.")  # the summary, HTML removed
    assert second.id == second.url  # no guid: the link


def test_atom_feed_in_an_xml_file_is_sniffed():
    (doc,), errors, _ = collect([DATA / "feed_atom.xml"])
    assert errors == []
    assert doc.text == ("Bluewave Studios said on Thursday that Priya Raman will lead its animation division.\n\n"
                        "She joins from a games company in Montreal.")
    assert (doc.date, doc.author, doc.url) == ("2024-05-02", "Ana Lopez",
                                               "https://screen-wire.example.com/bluewave-animation")


def test_broken_feed_keeps_its_good_items():
    docs, errors, warnings = collect([DATA / "feed_broken.rss"])
    assert [d.title for d in docs] == ["Premier article lisible", "Deuxième article"]
    assert docs[1].url is None and docs[1].date is None  # javascript: link and bad date dropped, item kept
    assert warnings[0].startswith("[E075]") and "3 item(s) recovered" in warnings[0]
    assert [w[:6] for w in warnings[1:]] == ["[E071]", "[E071]"]
    assert len(errors) == 1 and errors[0].startswith("[E077]") and "feed_broken.rss:item 3" in errors[0]


@pytest.mark.parametrize("head, kind", [
    (b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
    (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', "feed"),
    (b'<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    (b"<!DOCTYPE html>\n<html>", "html"),
    (b'<?xml version="1.0"?><svg/>', None),
])
def test_sniff_xml(head, kind):
    assert sniff_xml(head) == kind


def test_not_a_feed_with_a_feed_suffix(tmp_path):
    (tmp_path / "x.rss").write_text("plain words, no markup", encoding="utf-8")
    docs, errors, _ = collect([tmp_path / "x.rss"])
    assert docs == [] and errors[0].startswith("[E077]") and "not a readable RSS/Atom feed" in errors[0]


# --------------------------------------------------------------------------- JSON with a mapping


MAPPING = {"text": "body", "date": "published", "id": "uid", "author": "meta.byline", "url": "link"}


def test_json_list_with_a_field_mapping():
    docs, errors, warnings = collect([DATA / "records.json"], fields=MAPPING)
    assert [(d.id, d.date, d.author, d.lang) for d in docs] == [
        ("rec-1", "2024-03-12", "Paul Girard", None), ("rec-2", "2024-03-14", None, "en"), ("rec-4", None, None, None)]
    assert len(errors) == 1 and errors[0].startswith("[E005]") and "records.json:item 3" in errors[0]
    assert '"body" is a JSON array' in errors[0]
    assert sorted(w.split('"')[1] for w in warnings) == ["date", "url"]
    assert all("records.json:item 4" in w for w in warnings)


def test_json_single_object(tmp_path):
    (tmp_path / "one.json").write_text(json.dumps({"text": "Netflix utilise l'IA.", "date": "2024-03-12"}))
    (doc,), errors, _ = collect([tmp_path / "one.json"])
    assert (doc.id, doc.date, errors) == ("one", "2024-03-12", [])


def test_without_the_mapping_the_records_have_no_text():
    docs, errors, _ = collect([DATA / "records.json"])
    assert docs == [] and [e[:6] for e in errors] == ["[E005]"] * 4  # one line per record, no more


def test_parse_field_mapping_errors():
    assert parse_field_mapping(["text=body", "author=meta.byline"]) == {"text": "body", "author": "meta.byline"}
    for bad in ("texte=body", "text", "=body", "text="):
        with pytest.raises(InputError, match=r"^\[E078\]"):
            parse_field_mapping([bad])


# --------------------------------------------------------------------------- dates and URLs


@pytest.mark.parametrize("value, iso", [
    ("2024-03-12", "2024-03-12"), ("2024-03-12T23:30:00-05:00", "2024-03-12"), ("12/03/2024", "2024-03-12"),
    ("12.03.2024", "2024-03-12"), ("Tue, 12 Mar 2024 10:00:00 +0100", "2024-03-12"), ("12 mars 2024", "2024-03-12"),
    ("mardi 12 mars 2024", "2024-03-12"), ("March 12, 2024", "2024-03-12"), ("1er janvier 2025", "2025-01-01"),
    ("32/13/2024", None), ("2024-13-45", None), ("hier", None), ("2024", None), ("", None), ("0000-00-00", None),
])
def test_normalise_date(value, iso):
    assert normalise_date(value) == iso


@pytest.mark.parametrize("value, ok", [
    ("https://example.org/a?b=1", True), ("http://example.org", True), ("javascript:alert(1)", False),
    ("data:text/html,<script>", False), ("ftp://example.org/x", False), ("http://", False),
    ("https://exa mple.org/", False), ("http://[::1", False), ("//example.org/a", False),
])
def test_normalise_url(value, ok):
    assert (normalise_url(value) == value) is ok


# --------------------------------------------------------------------------- large JSONL, line by line


def test_a_large_jsonl_file_is_read_line_by_line(tmp_path):
    """Memory holds one record, not the file: peak allocation far below the file's size."""
    import tracemalloc

    body = "Le groupe a présenté ses résultats annuels à la presse. " * 36  # ~2 KB
    f = tmp_path / "big.jsonl"
    with f.open("w", encoding="utf-8") as out:
        for i in range(10_000):
            out.write(json.dumps({"id": f"n{i}", "text": body, "date": "2024-03-12"}, ensure_ascii=False) + "\n")
    size = f.stat().st_size
    assert size > 20_000_000
    tracemalloc.start()
    try:
        n = sum(1 for _ in iter_documents([f]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert n == 10_000
    assert peak < size / 10, (peak, size)


def test_invalid_utf8_line_in_a_utf8_jsonl(tmp_path):
    f = tmp_path / "mixed.jsonl"
    f.write_bytes(b'\xef\xbb\xbf{"id": "a", "text": "Un \xc3\xa9t\xc3\xa9."}\n'
                  b'{"id": "b", "text": "Caf\xe9"}\n'
                  b'{"id": "c", "text": "Trois."}\n')
    docs, errors, _ = collect([f])
    assert [(d.id, d.text) for d in docs] == [("a", "Un été."), ("c", "Trois.")]
    assert len(errors) == 1 and errors[0].startswith("[E004]") and f"{f}:2" in errors[0] and "UTF-8" in errors[0]


def test_cp1252_and_utf16_jsonl_files_are_decoded_whole(tmp_path):
    rows = '{"id": "a", "text": "Télévisions « publiques » : 12 €"}\n{"id": "b", "text": "Deux."}\n'
    (tmp_path / "w.jsonl").write_bytes(rows.encode("cp1252"))
    (tmp_path / "u.jsonl").write_bytes(rows.replace('"a"', '"a2"').replace('"b"', '"b2"').encode("utf-16"))
    docs, errors, warnings = collect([tmp_path / "w.jsonl", tmp_path / "u.jsonl"])
    assert [(d.id, d.line) for d in docs] == [("a", 1), ("b", 2), ("a2", 1), ("b2", 2)]
    assert docs[0].text == docs[2].text == "Télévisions « publiques » : 12 €"
    assert errors == [] and [w[:6] for w in warnings] == ["[E070]"] and "w.jsonl" in warnings[0]
