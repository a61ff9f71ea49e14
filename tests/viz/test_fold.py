"""One name fold: kg.text.name_key in Python, the page's nameKey in JavaScript (node), and kg viz --entity."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.records import Document, Entity, Extraction, Mention, Relation, Triple
from kg.store import Store
from kg.text import NAME_KEY_JS, fold, name_key

NAMES = [
    "Warner Bros. Discovery", "Warner Bros Discovery", "warner-bros discovery", "WARNER  BROS.\tDISCOVERY",
    "France Télévisions", "FRANCE TELEVISIONS", "L'Éternaute", "L’Équipe", "Canal+", "Canal +", "TF1",
    "M6 Group", "Groupe M6", "Arte France Cinéma", "Société Générale de Production", "Ōkami Studio",
    "Björk", "Nestlé", "Crème brûlée", "Ça tourne !", "Œuvre Cinéma", "ﬁlm ﬂow", "Ｎｅｔｆｌｉｘ", "Kelvin \u212a",
    "İstanbul Film", "Straße", "São Paulo", "Đà Lạt", "Łódź Film School", "naïve", "e\u0301te\u0301",
    "Первый канал", "ΕΡΤ", "Ελληνική Ραδιοφωνία", "日本放送協会", "قناة الجزيرة", "Москва 24",
    "", "   ", "!!!", "a — b", "Disney+ Hotstar", "C8 / CNews", "« Le Monde »", "O'Brien & Co.",
    "<script>alert(1)</script>", 'He said "hi"', "x\u200by", "tab\tand\nnewline",
]


def test_name_key_is_the_fold_for_latin_names() -> None:
    assert name_key("Warner Bros Discovery") == name_key("Warner Bros. Discovery") == "warner bros discovery"
    for name in NAMES:
        if fold(name):
            assert name_key(name) == fold(name), name
    assert name_key("Первый канал") == name_key("ПЕРВЫЙ КАНАЛ") == "первыи канал" and fold("Первый канал") == ""  # fold erases it


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node")
def test_the_page_javascript_agrees_with_python_on_the_same_names(tmp_path: Path) -> None:
    script = tmp_path / "fold.js"
    script.write_text(NAME_KEY_JS + "\nconst names = JSON.parse(require('fs').readFileSync(0, 'utf8'));\n"
                      "process.stdout.write(JSON.stringify(names.map(nameKey)));\n", encoding="utf-8")
    out = subprocess.run(["node", str(script)], input=json.dumps(NAMES), capture_output=True, text=True,
                         timeout=60, check=True)
    js = json.loads(out.stdout)
    assert len(js) == len(NAMES)
    mismatches = [(n, p, j) for n, p, j in zip(NAMES, map(name_key, NAMES), js) if p != j]
    assert mismatches == []
    assert js[0] == js[1] == "warner bros discovery"  # and it really folds


def test_the_page_uses_the_shared_rules() -> None:
    from kg.viz import build_network, to_html
    import networkx as nx

    G = nx.MultiDiGraph()
    G.add_node("https://w3id.org/media-kg/resource/organization/wbd", label="Warner Bros. Discovery",
               type="Organization", aliases=["WBD", "Warner Bros. Discovery"], key="organization/wbd")
    page = to_html(build_network(G))
    assert NAME_KEY_JS in page
    net = build_network(G)
    assert net.nodes[0]["search"] == "wbd | warner bros discovery | organization wbd"


def _wbd_store(path: Path) -> None:
    text = "Warner Bros. Discovery acquires Animal Logic."
    wbd = Entity("organization/warner-bros-discovery", "Warner Bros. Discovery", "Organization",
                 {"Warner Bros. Discovery"})
    animal = Entity("organization/animal-logic", "Animal Logic", "Organization", {"Animal Logic"})
    rel = Relation(Mention("Warner Bros. Discovery", 0, 22, "Organization"), "acquires",
                   Mention("Animal Logic", 32, 44, "Organization"), text, 0, "frame.acquire", 0.8)
    doc = Document(id="wbd-1", text=text, lang="en", title="Deal", url="https://example.org/wbd", date="2024-05-02")
    with Store(path) as store:
        store.add([Extraction(doc, [wbd, animal], [Triple(wbd, "acquires", animal, rel)])])


def test_kg_viz_entity_finds_the_name_without_its_dots(tmp_path: Path) -> None:
    _wbd_store(tmp_path / "store")
    kg = str(Path(sys.executable).parent / "kg")
    out = tmp_path / "wbd.html"
    run = subprocess.run([kg, "viz", str(out), "--store", str(tmp_path / "store"), "--entity", "Warner Bros Discovery"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    page = out.read_text(encoding="utf-8")
    assert "Warner Bros. Discovery" in page and "Animal Logic" in page
    # negative twin: a name that is not the entity's still fails, with the coded error
    miss = subprocess.run([kg, "viz", str(tmp_path / "x.html"), "--store", str(tmp_path / "store"),
                           "--entity", "Warner Music"], capture_output=True, text=True, timeout=300)
    assert miss.returncode != 0 and "[E051]" in miss.stderr and "Traceback" not in miss.stderr
