"""Saved web pages and HTML fragments to article text.

Whole pages go through trafilatura, which keeps the main text (no navigation,
footer, comments, scripts or iframes) and reads the title, date, author, site
name and URL (``<link rel=canonical>``, else trafilatura's ``og:url``). Fragments (a feed
item's content) go through :func:`fragment_text`, which drops scripts, styles,
iframes and embedded objects with their content and keeps paragraph breaks.

Example:
    >>> fragment_text("<p>Netflix <b>utilise</b> l'IA.</p><script>alert(1)</script><p>Fin.</p>")
    "Netflix utilise l'IA.\\n\\nFin."
"""

from __future__ import annotations

import logging
import re

from lxml import etree
from lxml import html as lxml_html

#: Elements dropped with everything inside them.
DROP = ("script", "style", "iframe", "frame", "frameset", "object", "embed", "noscript", "template", "svg", "math",
        "head", "form", "button", "select", "textarea", "canvas", "audio", "video")
BLOCKS = frozenset("p div section article header footer aside blockquote pre ul ol li dl dt dd table tr h1 h2 h3 h4 "
                   "h5 h6 figure figcaption hr address main nav".split())
_TAG = re.compile(r"<[^>]*>")


def page_metadata(html: str) -> dict[str, str | None] | None:
    """Main text and metadata of a whole page, by trafilatura; ``None`` if it finds no article text.

    Paragraphs are separated by a blank line. Keys: ``text, title, date, author, url, site`` and
    ``lang`` (the ``<html lang>`` attribute, possibly empty).

    Example:
        >>> page = ("<html><head><title>T</title></head><body><nav>Accueil</nav><article><p>"
        ...         + "Canal+ a racheté MultiChoice. " * 12 + "</p></article><footer>Contact</footer></body></html>")
        >>> meta = page_metadata(page)
        >>> meta["title"], "Accueil" in meta["text"], meta["text"][:29]
        ('T', False, 'Canal+ a racheté MultiChoice.')
    """
    import trafilatura  # imported on first page: it loads lxml, justext, htmldate

    # trafilatura logs its internal decisions ("discarding data") as warnings; the outcome is ours to report
    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    try:  # lxml refuses a str that declares its encoding: drop the XML declaration of XHTML pages
        tree = lxml_html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", html, count=1))
    except (etree.ParserError, ValueError):
        return None
    canonical = next((href for href in tree.xpath("//link[@rel='canonical']/@href") if href.strip()), None)
    lang = str(tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or "")
    doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False, include_images=False,
                                      include_links=False, include_tables=True, deduplicate=False)
    if doc is None or not (doc.text or "").strip():
        return None
    text = "\n\n".join(line.strip() for line in doc.text.split("\n") if line.strip())
    return {"text": text, "title": doc.title, "date": doc.date, "author": doc.author,
            "url": str(canonical).strip() if canonical else doc.url, "site": doc.sitename, "lang": lang}


def fragment_text(fragment: str) -> str:
    """The visible text of an HTML fragment, paragraphs separated by a blank line.

    Text without markup comes back with its whitespace tidied.

    Example:
        >>> fragment_text("Un<br>deux<iframe src=x>cadre</iframe> &amp; trois")
        'Un\\ndeux & trois'
    """
    if "<" not in fragment and "&" not in fragment:
        return _tidy(fragment)
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):  # unparseable: fall back to dropping tags
        return _tidy(_TAG.sub(" ", fragment))
    for el in list(root.iter(*DROP)):
        if el is not root:
            el.drop_tree()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif el.tag in BLOCKS:
            el.tail = "\n\n" + (el.tail or "")
            el.text = "\n\n" + (el.text or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()
