"""Consistency checks for the offline media-industry gazetteer (kg/data/gazetteer.tsv).

Uses only the standard library so it runs without the project's dependencies.
"""

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

GAZETTEER = Path(__file__).resolve().parents[2] / "kg" / "data" / "gazetteer.tsv"

HEADER = ["label", "type", "aliases", "wikidata", "lang"]
ALLOWED_TYPES = {
    "Organization",
    "Person",
    "Product",
    "Concept",
    "CreativeWork",
    "Place",
    "Award",
    "Event",
}
ALLOWED_LANGS = {"", "fr", "en"}
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
MIN_ROWS = 250


def _read_lines():
    with GAZETTEER.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def lines():
    assert GAZETTEER.is_file(), f"missing gazetteer file: {GAZETTEER}"
    return _read_lines()


@pytest.fixture(scope="module")
def rows(lines):
    return lines[1:]


def _aliases(row):
    return row[2].split("|") if row[2] else []


def test_header(lines):
    assert lines, "gazetteer is empty"
    assert lines[0] == HEADER


def test_every_row_has_five_columns(rows):
    bad = [(i + 2, row) for i, row in enumerate(rows) if len(row) != len(HEADER)]
    assert not bad, f"rows without exactly {len(HEADER)} columns: {bad[:10]}"


def test_minimum_row_count(rows):
    assert len(rows) >= MIN_ROWS


def test_labels_are_non_empty_and_trimmed(rows):
    bad = [row for row in rows if len(row) == 5 and (not row[0] or row[0] != row[0].strip())]
    assert not bad, bad[:10]


def test_types_are_allowed(rows):
    bad = [(row[0], row[1]) for row in rows if len(row) == 5 and row[1] not in ALLOWED_TYPES]
    assert not bad, bad[:10]


def test_wikidata_ids_are_well_formed(rows):
    bad = [(row[0], row[3]) for row in rows if len(row) == 5 and row[3] and not QID_RE.match(row[3])]
    assert not bad, bad[:10]


def test_lang_values(rows):
    bad = [(row[0], row[4]) for row in rows if len(row) == 5 and row[4] not in ALLOWED_LANGS]
    assert not bad, bad[:10]


def test_no_duplicate_label_type_pairs(rows):
    seen = defaultdict(int)
    for row in rows:
        if len(row) == 5:
            seen[(row[0], row[1])] += 1
    dupes = sorted(key for key, count in seen.items() if count > 1)
    assert not dupes, dupes


def test_aliases_are_well_formed(rows):
    bad = []
    for row in rows:
        if len(row) != 5:
            continue
        aliases = _aliases(row)
        if any(not alias or alias != alias.strip() for alias in aliases):
            bad.append((row[0], row[2]))
        folded = [alias.casefold() for alias in aliases]
        if len(folded) != len(set(folded)):
            bad.append((row[0], row[2]))
    assert not bad, bad[:10]


def test_no_alias_equals_its_own_label(rows):
    bad = [(row[0], alias) for row in rows if len(row) == 5 for alias in _aliases(row) if alias == row[0]]
    assert not bad, bad[:10]


def test_no_alias_shared_within_a_type(rows):
    owners = defaultdict(set)  # (type, folded alias) -> labels
    for row in rows:
        if len(row) != 5:
            continue
        for alias in _aliases(row):
            owners[(row[1], alias.casefold())].add(row[0])
    shared = sorted((key, sorted(labels)) for key, labels in owners.items() if len(labels) > 1)
    assert not shared, shared[:10]


def test_no_alias_is_another_label_of_the_same_type(rows):
    labels = defaultdict(set)  # (type, folded label) -> labels
    for row in rows:
        if len(row) == 5:
            labels[(row[1], row[0].casefold())].add(row[0])
    bad = []
    for row in rows:
        if len(row) != 5:
            continue
        for alias in _aliases(row):
            others = labels.get((row[1], alias.casefold()), set()) - {row[0]}
            if others:
                bad.append((row[0], alias, sorted(others)))
    assert not bad, bad[:10]
