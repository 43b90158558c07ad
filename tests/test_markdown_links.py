"""Markdown writes an article's URL as a link only where it is http(s)."""

from __future__ import annotations

import pytest

from storyline.model import Document, Dossier
from storyline.render import render


def _markdown(url: str) -> str:
    doc = Document(id="a.txt", text="The council met.", source="Gazette", date=None, url=url)
    return render(Dossier((doc,), (), (), (), ()), "md")


def _link_line(md: str) -> str:
    [line] = [line for line in md.splitlines() if line.startswith("  - link: ")]
    return line.removeprefix("  - link: ")


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "ftp://example.com/a",
        "http://example.com/a>[x](javascript:alert(1))",
        "https://example.com/a\nb",
    ],
)
def test_a_url_that_is_not_plain_http_is_written_as_text_not_a_link(url):
    line = _link_line(_markdown(url))
    assert not line.startswith("<") and "](" not in line.replace("\\](", "")
    assert "<" not in line.replace("\\<", "")  # no autolink, no raw HTML


@pytest.mark.parametrize("url", ["https://example.com/news/1?a=b&c=d", "HTTP://EXAMPLE.COM/x"])
def test_an_http_url_is_a_link(url):
    assert _link_line(_markdown(url)) == f"<{url}>"
