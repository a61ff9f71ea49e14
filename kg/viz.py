"""Interactive HTML view of the knowledge graph: pyvis builds, then we write.

:func:`build_network` turns a networkx graph from :func:`kg.graph.to_networkx` into a
pyvis :class:`~pyvis.network.Network`; :func:`to_html` renders the page as a string;
:func:`write_html` writes it (UTF-8) to an explicit path; :func:`to_iframe` wraps it for
a notebook; :func:`render` is the ``kg viz`` entry point (read, filter, build, write).

The page is **self-contained and works offline**: vis-network is inlined
(``cdn_resources="in_line"``), the Bootstrap tags pyvis links from a CDN are removed,
and :func:`to_html` refuses to return a page that still loads anything over the
network. It has a legend that doubles as type and predicate filters, and a search
box; both are a few lines of inline JavaScript over vis ``DataSet``/``DataView``.

**Hostile text.** Every piece of article text (sentences, headlines, labels) is passed
through :func:`html.escape` before it enters a tooltip. vis-network shows a string
``title`` as plain text; to get formatted tooltips the page turns the escaped markup
into DOM elements with ``DOMParser`` (an inert document: nothing runs, nothing loads)
and keeps only a handful of formatting tags. Node data reach the page as JSON that
Jinja's ``tojson`` escapes, so no text can close the ``<script>`` it sits in.

**Scale.** Above :data:`LAYOUT_THRESHOLD` nodes the layout is computed in Python
(``networkx.spring_layout``) and physics is off, so the page draws at once; below it,
vis-network's physics lays the graph out and is switched off once stabilized.

All styling (node colours by type, edge styles by predicate) is in :data:`STYLE`.

Example:
    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("t", label="Ted Sarandos", type="Person")
    >>> G.add_node("n", label="Netflix", type="Organization")
    >>> G.add_edge("t", "n", key="ceoOf", predicate="ceoOf", support=1,
    ...            evidence=[{"sentence": "<script>alert(1)</script>", "title": "T", "date": "2024-05-02"}])
    'ceoOf'
    >>> page = to_html(G)
    >>> "<script>alert(1)" in page, "https://cdn" in page
    (False, False)
"""

from __future__ import annotations

import html
import math
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import networkx as nx
from jinja2 import Environment
from markupsafe import Markup
from pyvis.network import Network

from kg.text import NAME_KEY_JS, name_key

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.store import Store

__all__ = [
    "LAYOUT_THRESHOLD",
    "STYLE",
    "OfflineError",
    "build_network",
    "remote_resources",
    "render",
    "to_html",
    "to_iframe",
    "write_html",
]

#: Above this many nodes, positions come from networkx and physics is off.
LAYOUT_THRESHOLD = 300
#: Evidence items shown in an edge tooltip (the others are counted).
MAX_EVIDENCE = 3
#: Longest sentence shown in a tooltip, in characters.
MAX_SENTENCE = 280

#: The one styling table: node colours by entity type, edge styles by predicate.
#: An edge style has a ``color`` and optionally ``dashes`` (vis-network's option).
STYLE: dict[str, Any] = {
    "types": {
        "Person": "#e15759",
        "Organization": "#4e79a7",
        "CreativeWork": "#f28e2b",
        "Film": "#f28e2b",
        "Series": "#ffbe7d",
        "Book": "#d4a6c8",
        "Comic": "#b07aa1",
        "Product": "#76b7b2",
        "Concept": "#8cd17d",
        "Place": "#59a14f",
        "Award": "#edc948",
        "Event": "#ff9da7",
        "Quote": "#bab0ac",
    },
    "default_type": "#9d9d9d",
    "predicates": {
        # people and organisations
        "ceoOf": {"color": "#c0392b"},
        "leads": {"color": "#c0392b"},
        "founderOf": {"color": "#8e44ad"},
        "worksFor": {"color": "#e67e22", "dashes": True},
        # business
        "acquires": {"color": "#1f4e79"},
        "subsidiaryOf": {"color": "#2e86c1"},
        "partnersWith": {"color": "#17a589", "dashes": True},
        "distributes": {"color": "#5d6d7e"},
        "produces": {"color": "#7d6608"},
        # works
        "author": {"color": "#a04000"},
        "directedBy": {"color": "#a04000", "dashes": True},
        "actsIn": {"color": "#d35400", "dashes": True},
        "basedOn": {"color": "#7b7d7d", "dashes": [2, 4]},
        "genre": {"color": "#52be80", "dashes": [2, 4]},
        "setIn": {"color": "#27ae60", "dashes": [2, 4]},
        # technology, places, awards, speech
        "uses": {"color": "#6c3483", "dashes": True},
        "develops": {"color": "#6c3483"},
        "locatedIn": {"color": "#229954", "dashes": [2, 4]},
        "headquarteredIn": {"color": "#229954"},
        "wonAward": {"color": "#b7950b"},
        "said": {"color": "#909497", "dashes": [6, 3]},
    },
    "default_predicate": {"color": "#848484"},
}

SizeBy = Literal["degree", "pagerank"]


class OfflineError(RuntimeError):
    """The page would load a resource over the network (a bug: pyvis changed)."""


# ----------------------------------------------------------------------------- build


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _sizes(G: nx.MultiDiGraph, size_by: SizeBy | None) -> dict[Any, float]:
    if size_by is None or G.number_of_nodes() == 0:
        return {n: 12.0 for n in G}
    if size_by == "degree":
        score: dict[Any, float] = {n: float(d) for n, d in G.degree()}
    elif size_by == "pagerank":
        from kg.analytics import pagerank

        score = pagerank(G)
    else:
        raise ValueError(f"size_by must be 'degree', 'pagerank' or None, not {size_by!r}")
    hi = max(score.values()) or 1.0
    return {n: 8.0 + 32.0 * math.sqrt(score[n] / hi) for n in G}


def _layout(G: nx.MultiDiGraph, seed: int) -> dict[Any, tuple[float, float]]:
    """Spring layout; on large graphs from a spectral start, with fewer iterations."""
    simple = nx.Graph()
    simple.add_nodes_from(G)
    simple.add_edges_from((u, v) for u, v in G.edges() if u != v)
    n = simple.number_of_nodes()
    iterations = 50 if n <= 500 else max(10, 25_000 // n)
    start = nx.spectral_layout(simple) if n > 500 and nx.is_connected(simple) else None
    pos = nx.spring_layout(simple, pos=start, seed=seed, iterations=iterations, method="force")
    scale = 60.0 * math.sqrt(max(n, 1))
    return {node: (round(float(x) * scale, 1), round(float(y) * scale, 1)) for node, (x, y) in pos.items()}


class _Tables:
    """Escaped texts shared by the tooltips: each sentence and article source stored once."""

    def __init__(self) -> None:
        self.sentences: dict[str, int] = {}
        self.sources: dict[str, int] = {}

    def sentence(self, text: str) -> int:
        return self.sentences.setdefault(_esc(_short(text, MAX_SENTENCE)), len(self.sentences))

    def source(self, title: Any, day: Any) -> int:
        text = " · ".join(_esc(x) for x in (title, day) if x)
        return self.sources.setdefault(text, len(self.sources))


def build_network(
    G: nx.MultiDiGraph,
    *,
    size_by: SizeBy | None = "degree",
    title: str = "media-kg",
    height: str = "100vh",
    width: str = "100%",
    layout_threshold: int = LAYOUT_THRESHOLD,
    seed: int = 42,
) -> Network:
    """Build the pyvis network of a graph (nothing is written).

    Nodes are coloured by ``type`` (see :data:`STYLE`), sized by degree or PageRank,
    labelled with ``label``; edges are labelled with their predicate and styled by it.
    Tooltip texts (labels, aliases, sentences, headlines, dates) are escaped with
    :func:`html.escape` here and carried as data (``tip``); the page builds the
    tooltips from them. Page node ids are small integers (the graph's node id is in
    the node's ``tip``). Above ``layout_threshold`` nodes the positions are computed
    here and physics is off.

    Args:
        G: A graph from :func:`kg.graph.to_networkx` (any networkx graph works; missing
            attributes fall back to the node id and edge key).
        size_by: ``"degree"``, ``"pagerank"`` or ``None`` (all nodes the same size).
        title: The page title.
        height, width: CSS size of the drawing area.
        layout_threshold: Node count above which the layout is precomputed.
        seed: Seed of the precomputed layout.

    Returns:
        The pyvis network; ``net.kg_title`` holds the title and ``net.kg_tables`` the
        escaped sentences and sources the edge tooltips refer to.

    Example:
        >>> G = nx.MultiDiGraph([("a", "b", "uses")])
        >>> net = build_network(G)
        >>> len(net.nodes), net.edges[0]["label"], net.options["physics"]["enabled"]
        (2, 'uses', True)
    """
    big = G.number_of_nodes() > layout_threshold
    net = Network(height=height, width=width, directed=True, notebook=False, cdn_resources="in_line", heading="")
    # Keep non-ASCII text as UTF-8 in the page (Jinja's tojson still escapes < > & ').
    net.templateEnv.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}
    tables = _Tables()
    net.kg_title = title  # type: ignore[attr-defined]
    net.kg_tables = tables  # type: ignore[attr-defined]
    sizes = _sizes(G, size_by)
    degrees = dict(G.degree())
    pos = _layout(G, seed) if big else {}
    ids: dict[Any, int] = {}
    labels: dict[Any, str] = {}
    for i, (n, data) in enumerate(G.nodes(data=True)):
        ids[n] = i
        node_type = str(data.get("type") or "Unknown")
        label = labels[n] = str(data.get("label") or n)
        aliases = [str(a) for a in data.get("aliases") or [] if a]
        extra: dict[str, Any] = {}
        if n in pos:
            extra["x"], extra["y"] = pos[n]
        net.add_node(
            i,
            label=_short(label, 40),
            group=node_type,
            size=round(sizes[n], 1),
            # what the search box matches besides the label: aliases and key, each by kg.text.name_key
            search=" | ".join(name_key(str(v)) for v in [*aliases, data.get("key") or n]),
            # label, type, aliases, key (or node id), degree: escaped for the tooltip
            tip=[_esc(_short(label, 300)), _esc(node_type), _esc(_short(", ".join(aliases), 300)),
                 _esc(data.get("key") or n), degrees.get(n, 0)],
            **extra,
        )
    edge_iter = (
        G.edges(keys=True, data=True) if G.is_multigraph()
        else ((u, v, d.get("predicate"), d) for u, v, d in G.edges(data=True))
    )
    for u, v, k, data in edge_iter:
        predicate = str(data.get("predicate") or k or "related")
        style = STYLE["predicates"].get(predicate, STYLE["default_predicate"])
        evidence = list(data.get("evidence") or [])
        support = int(data.get("support") or len({e.get("article") for e in evidence}) or 1)
        shown = [[tables.sentence(e.get("sentence") or ""), tables.source(e.get("title"), e.get("date"))]
                 for e in evidence[:MAX_EVIDENCE]]
        net.add_edge(
            ids[u],
            ids[v],
            label=predicate,
            # predicate (escaped), support, [[sentence, source]...], evidence not shown
            tip=[_esc(predicate), support, shown, max(len(evidence) - MAX_EVIDENCE, 0)],
            **({"width": round(1.0 + math.log2(support), 2)} if support > 1 else {}),
            color=style["color"],
            **({"dashes": style["dashes"]} if "dashes" in style else {}),
        )
    groups = {t: {"color": STYLE["types"].get(t, STYLE["default_type"])} for t in sorted({n["group"] for n in net.nodes})}
    net.options = {
        "groups": groups,
        "nodes": {"shape": "dot", "borderWidth": 1, "font": {"size": 14, "face": "sans-serif"}},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {"size": 10, "align": "middle", "face": "sans-serif"},
            "smooth": False if big else {"type": "continuous"},
            "color": {"inherit": False},
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
        },
        "physics": {
            "enabled": not big,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120, "avoidOverlap": 0.4},
            "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50},
        },
        "layout": {"improvedLayout": not big, "randomSeed": seed},
    }
    return net


# ----------------------------------------------------------------------------- render

_JINJA = Environment(autoescape=True)
# tojson keeps non-ASCII text as UTF-8 (it still escapes < > & ' so no text can close a <script>).
_JINJA.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}

_HEAD = _JINJA.from_string("""
<title>{{ title }}</title>
<style>
  html, body { margin: 0; padding: 0; height: 100%; font-family: sans-serif; }
  #mynetwork { float: none !important; border: 0 !important; }
  .card { border: 0; }
  #kg-panel { position: fixed; top: 8px; left: 8px; z-index: 20; max-height: calc(100vh - 32px); overflow: auto;
              background: rgba(255,255,255,.94); border: 1px solid #ccc; border-radius: 6px; padding: 8px 10px;
              font-size: 13px; box-shadow: 0 1px 4px rgba(0,0,0,.15); min-width: 200px; }
  #kg-panel h1 { font-size: 15px; margin: 0 0 6px 0; }
  #kg-panel input[type=search] { width: 100%; box-sizing: border-box; padding: 3px 5px; }
  #kg-panel details { margin-top: 6px; }
  #kg-panel summary { cursor: pointer; font-weight: bold; }
  #kg-panel label { display: block; white-space: nowrap; cursor: pointer; }
  .kg-dot { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin: 0 5px 0 2px; vertical-align: middle; }
  .kg-line { display: inline-block; width: 22px; height: 0; border-top-width: 3px; margin: 0 5px 0 2px; vertical-align: middle; }
  .kg-count { color: #777; }
  div.vis-tooltip { white-space: normal; max-width: 420px; font-family: sans-serif; font-size: 13px; }
  div.vis-tooltip hr { border: 0; border-top: 1px solid #ccc; margin: 4px 0; }
  div.vis-tooltip div { margin-bottom: 4px; }
</style>
""")

_BODY = _JINJA.from_string("""
<div id="kg-panel">
  <h1>{{ title }}</h1>
  <input id="kg-search" type="search" placeholder="Search entities…" autocomplete="off" aria-label="Search entities">
  <div id="kg-search-count" class="kg-count"></div>
  <details id="kg-types" open><summary>Types</summary>
    {% for t in types %}<label><input type="checkbox" class="kg-type" value="{{ t.name }}" checked><span class="kg-dot" style="background: {{ t.color }}"></span>{{ t.name }} <span class="kg-count">({{ t.count }})</span></label>
    {% endfor %}
  </details>
  <details id="kg-predicates"{% if predicates|length <= 12 %} open{% endif %}><summary>Relations</summary>
    {% for p in predicates %}<label><input type="checkbox" class="kg-predicate" value="{{ p.name }}" checked><span class="kg-line" style="border-top-color: {{ p.color }}; border-top-style: {{ 'dashed' if p.dashed else 'solid' }}"></span>{{ p.name }} <span class="kg-count">({{ p.count }})</span></label>
    {% endfor %}
  </details>
</div>
<script>
(function () {
  "use strict";
  var net = network, nodeSet = nodes, edgeSet = edges;  // globals of pyvis's drawGraph()
  var api = window.kgViz = {network: net, nodes: nodeSet, edges: edgeSet, drawnAt: null, stabilized: false};
  // Without physics, vis-network drew the graph synchronously in drawGraph(), just before
  // this script; with physics, the first drawing comes later.
  var physics = !!(net.physics && net.physics.physicsEnabled);
  if (!physics) { api.drawnAt = performance.now(); }
  net.once("afterDrawing", function () { if (api.drawnAt === null) { api.drawnAt = performance.now(); } });
  // Stop the simulation once laid out, so that the graph never keeps moving. Small graphs
  // are stabilized synchronously in drawGraph(), before this script runs.
  function freeze() { net.setOptions({physics: false}); api.stabilized = true; }
  if (!physics) { api.stabilized = true; }
  else if (net.physics.stabilized) { freeze(); }
  else { net.once("stabilizationIterationsDone", freeze); }

  // Tooltips: the texts were escaped in Python (html.escape); the markup around them is
  // ours. It is parsed in an inert document and only formatting tags are kept.
  var TABLES = {{ tables|tojson }};
  var ALLOWED = {B: 1, I: 1, BR: 1, HR: 1, DIV: 1, SMALL: 1, SPAN: 1};
  function clean(el) {
    var children = Array.prototype.slice.call(el.childNodes);
    for (var i = 0; i < children.length; i++) {
      var c = children[i];
      if (c.nodeType === 1) {
        if (!ALLOWED[c.tagName]) { el.replaceChild(document.createTextNode(c.textContent), c); continue; }
        while (c.attributes.length) { c.removeAttribute(c.attributes[0].name); }
        clean(c);
      } else if (c.nodeType !== 3) {
        el.removeChild(c);
      }
    }
    return el;
  }
  function toElement(markup) {
    var doc = new DOMParser().parseFromString("<div>" + String(markup) + "</div>", "text/html");
    var root = doc.body.firstElementChild || doc.createElement("div");
    return document.importNode(clean(root), true);
  }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function nodeMarkup(t) {  // [label, type, aliases, key, degree]
    return "<b>" + t[0] + "</b><br><i>" + t[1] + "</i>" + (t[2] ? "<br>aka " + t[2] : "") +
      "<br>" + plural(t[4], "relation") + "<br><small>" + t[3] + "</small>";
  }
  function edgeMarkup(e) {  // e.tip: [predicate, support, [[sentence, source]...], more]
    var t = e.tip, s = nodeSet.get(e.from).tip[0], o = nodeSet.get(e.to).tip[0];
    var out = "<b>" + s + "</b> \u2014 <i>" + t[0] + "</i> \u2192 <b>" + o + "</b><br><small>" +
      plural(t[1], "article") + "</small>";
    if (t[2].length) { out += "<hr>"; }
    for (var i = 0; i < t[2].length; i++) {
      var source = TABLES.sources[t[2][i][1]];
      out += "<div>\u201c" + TABLES.sentences[t[2][i][0]] + "\u201d" + (source ? "<br><small>" + source + "</small>" : "") + "</div>";
    }
    if (t[3]) { out += "<small>and " + t[3] + " more</small>"; }
    return out;
  }
  api.tooltip = function (kind, id) {
    var set = kind === "edge" ? edgeSet : nodeSet, item = set.get(id);
    return item && item.tip ? toElement(kind === "edge" ? edgeMarkup(item) : nodeMarkup(item.tip)) : null;
  };
  function attachTitle(kind, id) {
    var set = kind === "edge" ? edgeSet : nodeSet, item = set.get(id);
    if (item && item.title === undefined && item.tip) { set.update({id: id, title: api.tooltip(kind, id)}); }
  }
  net.on("hoverNode", function (p) { attachTitle("node", p.node); });
  net.on("hoverEdge", function (p) { attachTitle("edge", p.edge); });

  {{ name_key_js }}  // kg.text.NAME_KEY_JS: the rules of kg.text.name_key

  // Filters: DataViews over the DataSets, attached on first use.
  var typeOn = {}, predicateOn = {}, nodeType = {}, nodeText = {}, views = null;
  nodeSet.forEach(function (n) { nodeType[n.id] = n.group; nodeText[n.id] = nameKey(n.label) + " | " + n.search; });
  function nodeVisible(id) { return typeOn[nodeType[id]] !== false; }
  function attachViews() {
    if (views) { return views; }
    var ids = nodeSet.getIds(), positions = net.getPositions(ids);  // keep the layout as it is
    nodeSet.update(ids.map(function (id) { return {id: id, x: positions[id].x, y: positions[id].y}; }));
    net.setOptions({physics: false});
    views = {
      nodes: new vis.DataView(nodeSet, {filter: function (n) { return nodeVisible(n.id); }}),
      edges: new vis.DataView(edgeSet, {filter: function (e) {
        return predicateOn[e.label] !== false && nodeVisible(e.from) && nodeVisible(e.to);
      }})
    };
    net.setData({nodes: views.nodes, edges: views.edges});
    return views;
  }
  function refresh() { var v = attachViews(); v.nodes.refresh(); v.edges.refresh(); }
  api.setType = function (name, on) { typeOn[name] = !!on; refresh(); };
  api.setPredicate = function (name, on) { predicateOn[name] = !!on; refresh(); };
  api.visibleNodes = function () { return net.body.data.nodes.length; };
  api.visibleEdges = function () { return net.body.data.edges.length; };
  Array.prototype.forEach.call(document.querySelectorAll("input.kg-type"), function (box) {
    box.addEventListener("change", function () { api.setType(box.value, box.checked); });
  });
  Array.prototype.forEach.call(document.querySelectorAll("input.kg-predicate"), function (box) {
    box.addEventListener("change", function () { api.setPredicate(box.value, box.checked); });
  });

  // Search: case- and accent-insensitive match on labels, aliases and keys.
  var box = document.getElementById("kg-search"), count = document.getElementById("kg-search-count");
  api.search = function (text) {
    var q = nameKey(text);
    if (!q) { net.unselectAll(); count.textContent = ""; return []; }
    var ids = nodeSet.getIds({filter: function (n) { return nodeVisible(n.id) && nodeText[n.id].indexOf(q) !== -1; }});
    net.selectNodes(ids);
    count.textContent = ids.length + (ids.length === 1 ? " match" : " matches");
    if (ids.length === 1) { net.focus(ids[0], {scale: 1.2, animation: false}); }
    else if (ids.length > 1 && ids.length <= 50) { net.fit({nodes: ids, animation: false}); }
    return ids;
  };
  box.addEventListener("input", function () { api.search(box.value); });
  box.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var ids = api.search(box.value); if (ids.length) { net.focus(ids[0], {scale: 1.2}); } }
  });
})();
</script>
""")

# A <script> element, an HTML comment or a <link>: comments (pyvis leaves commented-out
# tags) and external elements are removed, inline scripts kept as they are. Scripts are
# matched whole first, so nothing inside them is touched.
_TAG = re.compile(r"<script\b[^>]*>.*?</script\s*>|<!--.*?-->|<link\b[^>]*>", re.S | re.I)
_EXTERNAL = re.compile(r"""\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.I)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.I)
# vis-network's CSS embeds ~200 kB of base64 PNG icons for its navigation buttons and its
# editing toolbar; the page enables neither, so they are dropped to keep the page small.
_STYLE_BLOCK = re.compile(r"<style\b[^>]*>.*?</style\s*>", re.S | re.I)
_DATA_IMAGE = re.compile(r"""url\(\s*["']?data:image/[^)]*\)""", re.I)


def _drop_icons(match: re.Match[str]) -> str:
    return _DATA_IMAGE.sub("none", match.group(0))


def _drop_external(match: re.Match[str]) -> str:
    tag = match.group(0)
    if tag.startswith("<!--"):
        return ""
    opening = tag[: tag.index(">") + 1]
    return "" if _EXTERNAL.search(opening) else tag


class _RemoteFinder(HTMLParser):
    """Collects the ``src``/``href`` attributes that point to another host."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.remote: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href") and value and re.match(r"\s*(?:https?:)?//", value, re.I):
                self.remote.append(f"<{tag} {name}={value}>")


def remote_resources(page: str) -> list[str]:
    """The tags of ``page`` whose ``src`` or ``href`` points to another host.

    Example:
        >>> remote_resources('<script src="https://cdn.example/x.js"></script><a href="#top">')
        ['<script src=https://cdn.example/x.js>']
    """
    finder = _RemoteFinder()
    finder.feed(page)
    finder.close()
    return finder.remote


def _legend(net: Network) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    type_counts = Counter(n.get("group", "Unknown") for n in net.nodes)
    predicate_counts = Counter(e.get("label", "related") for e in net.edges)
    types = [
        {"name": t, "color": STYLE["types"].get(t, STYLE["default_type"]), "count": c}
        for t, c in sorted(type_counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    predicates = []
    for p, c in sorted(predicate_counts.items(), key=lambda kv: (-kv[1], kv[0])):
        style = STYLE["predicates"].get(p, STYLE["default_predicate"])
        predicates.append({"name": p, "color": style["color"], "dashed": bool(style.get("dashes")), "count": c})
    return types, predicates


def to_html(graph_or_net: nx.Graph | Network, **build: Any) -> str:
    """The self-contained HTML page of a graph (or of a network from :func:`build_network`).

    Args:
        graph_or_net: A networkx graph (built with ``**build`` options) or a pyvis network.
        **build: Options of :func:`build_network` when a graph is given.

    Returns:
        The page: vis-network inlined, no external resource, legend, filters and search.

    Raises:
        OfflineError: If the page would still load something over the network.

    Example:
        >>> page = to_html(nx.MultiDiGraph([("a", "b", "uses")]), title="Demo")
        >>> "<title>Demo</title>" in page, remote_resources(page)
        (True, [])
    """
    net = graph_or_net if isinstance(graph_or_net, Network) else build_network(graph_or_net, **build)
    title = getattr(net, "kg_title", "media-kg")
    page = net.generate_html(notebook=False)
    page = _TAG.sub(_drop_external, page)
    page = _EMPTY_HEADING.sub("", page)
    page = _STYLE_BLOCK.sub(_drop_icons, page)
    types, predicates = _legend(net)
    head = _HEAD.render(title=title)
    tables = getattr(net, "kg_tables", None)
    body = _BODY.render(
        title=title, types=types, predicates=predicates, name_key_js=Markup(NAME_KEY_JS),
        tables={"sentences": list(tables.sentences) if tables else [], "sources": list(tables.sources) if tables else []},
    )
    charset = '<meta charset="utf-8">'
    if charset in page:
        page = page.replace(charset, charset + head, 1)
    else:
        page = page.replace("<head>", "<head>" + head, 1)
    cut = page.rindex("</body>")
    page = page[:cut] + body + page[cut:]
    remote = remote_resources(page)
    if remote:
        raise OfflineError(f"the page would load remote resources: {remote[:3]}")
    return page


def write_html(net: Network | nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write the page of a network (or graph) to ``path`` as UTF-8.

    Unlike pyvis's ``write_html``, nothing is written anywhere else (no ``lib/`` folder)
    and the encoding is explicit.

    Returns:
        The path written (its folder is created).

    Example:
        >>> import tempfile
        >>> path = write_html(build_network(nx.MultiDiGraph([("a", "b", "uses")])), tempfile.mkdtemp() + "/g.html")
        >>> path.read_text(encoding="utf-8").startswith("<html>")
        True
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(to_html(net), encoding="utf-8")
    return target


def to_iframe(page: str, *, height: str = "650px") -> str:
    """An ``<iframe>`` showing ``page`` inline (for Jupyter), the page in ``srcdoc``.

    The page is attribute-escaped, and the frame is sandboxed (scripts run, but with
    an opaque origin: no access to the notebook).

    Example:
        >>> to_iframe('<p title="x">a & b</p>', height="100px")[:60]
        '<iframe srcdoc="&lt;p title=&quot;x&quot;&gt;a &amp; b&lt;/p'
    """
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" sandbox="allow-scripts" '
        f'style="width: 100%; height: {html.escape(height, quote=True)}; border: 1px solid #ddd;"></iframe>'
    )


def render(
    source: Store | Graph | nx.Graph | str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    *,
    entity: str | None = None,
    depth: int = 1,
    types: Iterable[str] | None = None,
    predicates: Iterable[str] | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    min_support: int = 1,
    drop_isolates: bool = False,
    size_by: SizeBy | None = "degree",
    title: str | None = None,
) -> Path:
    """``kg viz``: read a graph, filter it, and write its HTML page to ``out_path``.

    Args:
        source: A store directory (opened read-only), an open store, an rdflib dataset
            or graph, or a networkx graph from :func:`kg.graph.to_networkx`.
        out_path: The HTML file to write.
        entity, depth, types, predicates, since, until, min_support, drop_isolates:
            Filters (see :func:`kg.graph.filter_graph`).
        size_by: Node size by ``"degree"``, ``"pagerank"`` or ``None``.
        title: Page title (default: ``media-kg``, or the entity's neighbourhood).

    Returns:
        The path written.

    Raises:
        kg.errors.StoreError: If a store directory cannot be opened.
        kg.errors.ResolveError: If ``entity`` names no entity, or several.

    Example:
        >>> import tempfile
        >>> G = nx.MultiDiGraph([("a", "b", "uses"), ("b", "c", "ceoOf")])
        >>> path = render(G, tempfile.mkdtemp() + "/g.html", predicates=["uses"], drop_isolates=True)
        >>> path.name
        'g.html'
    """
    from kg.graph import filter_graph, find_node, to_networkx

    if isinstance(source, nx.Graph):
        G = source
    elif isinstance(source, (str, os.PathLike)):
        from kg.store import Store

        with Store(source, read_only=True) as store:
            G = to_networkx(store)
    else:
        G = to_networkx(source)
    H = filter_graph(
        G, entity=entity, depth=depth, types=types, predicates=predicates, since=since, until=until,
        min_support=min_support, drop_isolates=drop_isolates,
    )
    if title is None:
        title = "media-kg"
        if entity is not None:
            center = find_node(G, entity)
            title = f"{G.nodes[center].get('label', center)} (depth {depth})"
    return write_html(build_network(H, size_by=size_by, title=title), out_path)
