"""RSS and Atom feeds: one article per item, by feedparser.

An item's text is its full content (``content:encoded``, Atom ``content``) when
the feed has it, else its summary; HTML is reduced to text
(:func:`kg.ingest.html.fragment_text`). A feed that is not well-formed XML
(feedparser's ``bozo``) still gives the items feedparser could recover, with a
warning.

Example:
    >>> rss = (b'<rss version="2.0"><channel><title>Le Fil</title><item><title>Un</title>'
    ...        b'<link>https://fil.example.org/1</link><pubDate>Tue, 12 Mar 2024 10:00:00 +0100</pubDate>'
    ...        b'<description>&lt;p&gt;Netflix utilise l&#39;IA.&lt;/p&gt;</description></item></channel></rss>')
    >>> feed = parse_feed(rss)
    >>> [(i["title"], i["url"], i["date"], i["text"]) for i in feed.items]
    [('Un', 'https://fil.example.org/1', 'Tue, 12 Mar 2024 10:00:00 +0100', "Netflix utilise l'IA.")]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.ingest.html import fragment_text

_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|feed|RDF|html)\b", re.I)


def sniff_xml(head: bytes) -> str | None:
    """``"feed"``, ``"html"`` or ``None`` from the first bytes of an XML-ish file (its root element).

    Example:
        >>> sniff_xml(b'<?xml version="1.0"?><!-- c --><rss version="2.0">'), sniff_xml(b"<!DOCTYPE html><html>")
        ('feed', 'html')
        >>> sniff_xml(b'<?xml version="1.0"?><svg/>') is None
        True
    """
    text = head[:8192]
    if text.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in text[:200]:
        text = text.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    m = _ROOT.search(text)
    if not m:
        return "html" if re.search(rb"<!doctype\s+html|<body\b", text, re.I) else None
    return "html" if m.group(1).lower() == b"html" else "feed"


@dataclass
class Feed:
    """What feedparser read: the feed title, its items and its problem, if any."""

    title: str | None
    items: list[dict] = field(default_factory=list)
    problem: str | None = None
    version: str = ""
    lang: str = ""


def parse_feed(data: bytes) -> Feed:
    """Parse feed bytes; never fetches anything (bytes in, no URL).

    Each item is a dict with ``id, title, url, date, author, text`` (``text`` may be empty).
    """
    import feedparser

    d = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    problem = None
    if d.get("bozo"):
        exc = d.get("bozo_exception")
        problem = f"{type(exc).__name__}: {exc}" if exc is not None else "not well-formed"
    items = []
    for entry in d.entries:
        body = ""
        for c in entry.get("content") or []:
            value = c.get("value") or ""
            if len(value.strip()) > len(body.strip()):
                body = value if "html" in (c.get("type") or "html") else value.replace("<", "&lt;")
        if not body.strip():
            body = entry.get("summary") or entry.get("description") or ""
        items.append({
            "id": entry.get("id") or None,
            "title": fragment_text(entry.get("title") or "") or None,
            "url": entry.get("link") or None,
            "date": entry.get("published") or entry.get("updated") or None,
            "author": entry.get("author") or None,
            "text": fragment_text(body),
        })
    return Feed(title=fragment_text(d.feed.get("title") or "") or None, items=items, problem=problem,
                version=d.get("version") or "", lang=str(d.feed.get("language") or ""))
