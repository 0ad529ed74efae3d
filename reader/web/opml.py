"""OPML, the subscription list every feed reader (newsboat included) imports and exports."""

from __future__ import annotations

from collections.abc import Sequence
from email.utils import formatdate

from lxml import etree

from reader.safe_text import strip_controls


class OpmlError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def read_opml(data: bytes) -> list[tuple[str, str | None]]:
    """(feed address, name) for every outline with an `xmlUrl`, folders flattened, in order.

    The parser resolves no entities and fetches nothing, so a hostile file
    can neither read local files nor blow up in memory.
    """
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise OpmlError(f"not valid OPML (broken XML: {error.msg})") from None
    if root is None or not isinstance(root.tag, str) or root.tag.lower() != "opml":
        raise OpmlError("not an OPML file (no <opml> element)")
    feeds: list[tuple[str, str | None]] = []
    for outline in root.iter("outline"):
        attributes = {str(k).lower(): str(v) for k, v in outline.attrib.items()}
        url = attributes.get("xmlurl", "").strip()
        if url:
            name = attributes.get("title") or attributes.get("text") or ""
            feeds.append((url, " ".join(strip_controls(name).split()) or None))
    return feeds


def write_opml(feeds: Sequence[tuple[str, str]]) -> bytes:
    """An OPML 2.0 document listing (address, name) pairs."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = "reader subscriptions"
    etree.SubElement(head, "dateCreated").text = formatdate(usegmt=True)
    body = etree.SubElement(root, "body")
    for url, name in feeds:
        shown = " ".join(strip_controls(name).split()) or url
        etree.SubElement(
            body, "outline", type="rss", text=shown, title=shown, xmlUrl=strip_controls(url)
        )
    xml: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return xml
