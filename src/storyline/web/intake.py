"""Articles from what the add form gives: uploaded files, pasted text, a URL.

Each input gives a ``ReadOutcome``: its articles, or a one-line reason, as
``read_inputs`` does for files on disk.
"""
from __future__ import annotations

import hashlib
import re
import tempfile
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from storyline.errors import InputError
from storyline.model import Article, ReadOutcome
from storyline.read import ReadOptions, iso_date, read_inputs, read_text_article
from storyline.read_html import extract_html
from storyline.version import __version__

# A news page is well under 2 MB of HTML (see read.MAX_BYTES); 5 MB leaves room.
FETCH_MAX_BYTES = 5_000_000
# Long enough for a slow news site, short enough that a dead one fails while
# the reader still watches the progress bar.
FETCH_TIMEOUT_S = 20
USER_AGENT = f"storyline/{__version__} (reads one page on a reader's request)"
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Upload:
    """One uploaded file: the name the browser gave and its bytes."""

    filename: str
    data: bytes


def safe_name(filename: str, fallback: str) -> str:
    """The last part of an uploaded file's name, with only safe characters."""
    name = _UNSAFE_NAME.sub("-", Path(filename.replace("\\", "/")).name).strip(".-")
    return name or fallback


def read_uploads(uploads: Sequence[Upload]) -> list[ReadOutcome]:
    """Read uploaded files as ``read_inputs`` reads files on disk: ids are the
    files' names, paths the names the browser gave, never a temporary path."""
    if not uploads:
        return []
    with tempfile.TemporaryDirectory(prefix="storyline-upload-") as tmp:
        paths: list[Path] = []
        shown: dict[str, str] = {}
        for i, up in enumerate(uploads):
            folder = Path(tmp) / str(i)  # one folder each: two uploads may share a name
            folder.mkdir()
            path = folder / safe_name(up.filename, f"upload-{i}.txt")
            path.write_bytes(up.data)
            paths.append(path)
            shown[str(path)] = up.filename or path.name
        outcomes = read_inputs(paths, ReadOptions(recursive=False))
    return [_named(o, shown, tmp) for o in outcomes]


def _named(outcome: ReadOutcome, shown: dict[str, str], tmp: str) -> ReadOutcome:
    name = shown.get(outcome.input, outcome.input)
    articles = tuple(replace(a, path=shown.get(a.path or "", name)) for a in outcome.articles)
    error = outcome.error
    if error:
        for path, given in shown.items():
            error = error.replace(path, given)
        error = error.replace(tmp, "")
    return ReadOutcome(input=name, articles=articles, error=error)


def read_pasted(text: str) -> ReadOutcome:
    """Pasted text (with an optional ``key: value`` header, see read_text_article).
    Its id comes from its words, so pasting the same text twice gives one article."""
    digest = hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:12]
    try:
        article = read_text_article(text, f"pasted-{digest}.txt", path="pasted text")
    except InputError as e:
        return ReadOutcome("pasted text", error=f"pasted text: {e.problem}")
    return ReadOutcome("pasted text", articles=(article,))


def url_id(url: str) -> str:
    """A readable, stable article id for a URL: its host and path, shortened, and a hash."""
    parts = urlsplit(url)
    words = _UNSAFE_NAME.sub("-", f"{parts.netloc}{parts.path}").strip("-.")[:60]
    return f"{words or 'page'}-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:8]}"


def fetch(url: str, timeout: float = FETCH_TIMEOUT_S, max_bytes: int = FETCH_MAX_BYTES) -> tuple[bytes, str, str]:
    """The page at ``url``: (body, final URL, content type). Raises InputError
    for a URL that is not http(s), a failed request, or a page over ``max_bytes``."""
    if urlsplit(url).scheme.lower() not in ("http", "https"):
        raise InputError(url, "only http:// and https:// addresses can be read")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - scheme checked above
            body = response.read(max_bytes + 1)
            final = response.geturl()
            ctype = response.headers.get_content_type()
    except urllib.error.HTTPError as e:
        raise InputError(url, f"the server answered {e.code} {e.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as e:
        reason = getattr(e, "reason", None) or e
        raise InputError(url, f"could not fetch the page ({reason})") from None
    if len(body) > max_bytes:
        raise InputError(url, f"the page is over {max_bytes // 1_000_000} MB; not an article")
    return body, final, ctype


def read_url(url: str, timeout: float = FETCH_TIMEOUT_S) -> ReadOutcome:
    """Fetch one page and read its article (HTML through trafilatura, or plain text)."""
    url = url.strip()
    try:
        body, final, ctype = fetch(url, timeout)
        if ctype == "text/plain":
            article = read_text_article(body.decode("utf-8", errors="replace"), url_id(url), path=url)
            return ReadOutcome(url, articles=(replace(article, url=article.url or final),))
        try:
            page = extract_html(body, final)
        except Exception as e:  # noqa: BLE001 - a page that breaks the parser is one bad input
            raise InputError(url, f"could not parse the HTML ({type(e).__name__})") from None
        if page is None:
            raise InputError(url, "no article text found in the page (only menus or boilerplate)")
    except InputError as e:
        return ReadOutcome(url, error=str(e))
    article = Article(id=url_id(url), text=page.text, path=url, source=page.source,
                      date=iso_date(page.date), url=page.url or final, title=page.title)
    return ReadOutcome(url, articles=(article,))
