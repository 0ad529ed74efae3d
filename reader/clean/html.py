"""Saved HTML pages. (First version: title and <p> text.)"""

from __future__ import annotations

from bs4 import BeautifulSoup

from reader.clean.common import squash, title_from_path
from reader.model import Article


def clean_html(text: str, path: str) -> Article:
    """Clean a saved page into an article."""
    soup = BeautifulSoup(text, "lxml")
    heading = soup.find("h1") or soup.find("title")
    title = squash(heading.get_text(" ")) if heading else title_from_path(path)
    paragraphs = [squash(p.get_text(" ")) for p in soup.find_all("p")]
    return Article(path=path, format="html", title=title, paragraphs=[p for p in paragraphs if p])
