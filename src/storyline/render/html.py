"""The dossier as one self-contained HTML page: no scripts, no fonts, no network.

The page is the web app's story page (``templates/story_page.html``, from the
view model in ``view``) in a frame of its own: its stylesheet inlined, every
article's text on the page, and every link an anchor within it. Jinja escapes
everything that comes from an article (its text, quotes, names, even claim
ids): articles are untrusted input.
"""

from __future__ import annotations

from importlib.resources import files

from jinja2 import BaseLoader, ChoiceLoader, Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from storyline.model import Dossier
from storyline.render._common import VERDICT_ORDER, plural
from storyline.render.marks import anchors
from storyline.render.view import PageLinks, story_view
from storyline.version import __version__

__all__ = ["CSS", "environment", "to_html"]

# Inlined into every static page, so the page needs nothing beside itself;
# the web app serves it as /static/dossier.css.
CSS = files("storyline.render").joinpath("style.css").read_text(encoding="utf-8")


def environment(*loaders: BaseLoader) -> Environment:
    """The Jinja environment of the pages: autoescape on, undefined names an
    error; ``loaders`` (the web app's templates) come before the shared ones."""
    env = Environment(
        loader=ChoiceLoader([*loaders, PackageLoader("storyline.render", "templates")]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(plural=plural, verdict_order=VERDICT_ORDER, version=__version__)
    return env


_ENV = environment()


def to_html(dossier: Dossier) -> str:
    """One self-contained page: summary, conflicts, the key claims, the long tail by
    verdict, figures, timeline, and the articles with every mention marked."""
    links = PageLinks(anchors((doc.id for doc in dossier.documents), "doc"))
    story = dossier.meta.story
    n_docs = len(dossier.documents)
    view = story_view(dossier, links, full_text=True)
    in_tail = {verdict for verdict, _, _ in view.groups}
    page = _ENV.get_template("story_page.html").render(
        layout="static.html",
        css=Markup(CSS),  # our own stylesheet, not an article: it goes in as it is
        v=view,
        title=f"Story dossier: {story}" if story else f"Story dossier — {n_docs} articles",
        heading=f"Story dossier: {story}" if story else "Story dossier",
        article_count=n_docs,
        filtered=False,
        open_claims=True,
        # A verdict's count leads to its claims in the long tail, or to the
        # key claims where all of them are key.
        verdict_href=lambda verdict: f"#verdict-{verdict}" if verdict in in_tail else "#key-claims",
        written_by=f"storyline {dossier.version}" if dossier.version else "storyline",
    )
    return page + "\n"
