"""The web app: routes, pages and their JSON twins.

    GET  /                           the stories            /index.json
    GET  /story/ID                   a story (filters: ?outlet= &verdict=)   /story/ID.json
    GET  /story/ID/changes           what changed in it     /story/ID/changes.json
    GET  /story/ID/article/DOC       an article, marked     /story/ID/article/DOC.json
    POST /story/ID/add, POST /add    add articles (files, pasted text, a URL): a job
    GET  /jobs/JOB                   the job's progress     /jobs/JOB.json
    GET  /outlets                    outlets' profiles      /outlets.json
    GET  /outlets/NAME               one outlet (?figure= lists the mentions behind it)
                                                            /outlets/NAME.json

One handler per page; each gives ``answer`` its page and its JSON twin, and
``answer`` sends the one the request asks for. Pages render on the server and
read without JavaScript; a little script (served from /static) shows upload
progress and scrolls to a clicked mention. The story page is the static
dossier's (``storyline.render``): one view model, one template set.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from jinja2 import PackageLoader
from starlette import status
from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from storyline.ingest.fetch import Fetcher
from storyline.model import Dossier, ReadOutcome
from storyline.render._common import plural
from storyline.render.html import CSS, environment
from storyline.render.json_out import to_dict
from storyline.render.view import article_view
from storyline.store import AddResult, StorySummary
from storyline.version import __version__
from storyline.web import view
from storyline.web.http import (
    MAX_BODY_BYTES,
    BodyLimit,
    HostCheck,
    NoLocalPaths,
    SecurityHeaders,
    WebError,
    accepts_json,
    check_origin,
    error_body,
    wants_json,
)
from storyline.web.intake import Upload, read_pasted, read_uploads, read_url
from storyline.web.jobs import Jobs, JobState, Report
from storyline.web.source import Source, StoryRead, UnknownStory, placed_result

MAX_UPLOAD_FILES = 50  # per request: a folder's worth, not an archive's
# The story page shows the last few events that changed it, each cut short;
# the changes page shows them all.
RECENT_GROUPS = 3
RECENT_PER_GROUP = 6


@dataclass(frozen=True)
class WebOptions:
    host: str = "127.0.0.1"  # the address served on: loopback accepts loopback names only
    max_body: int = MAX_BODY_BYTES
    allow_private: bool = False  # the add form may fetch URLs on loopback and private addresses


def _templates() -> Jinja2Templates:
    """The web app's templates, then the shared ones (the story page, its macros)."""
    env = environment(PackageLoader("storyline.web", "templates"))
    env.globals.update(
        story_href=view.story_href, article_href=view.article_href, outlet_href=view.outlet_href
    )
    return Jinja2Templates(env=env)


@dataclass
class Site:
    """What the handlers share: the source, the templates, the jobs."""

    source: Source
    options: WebOptions
    templates: Jinja2Templates = field(default_factory=_templates)
    jobs: Jobs = field(default_factory=Jobs)
    fetcher: Fetcher = field(default_factory=Fetcher)  # its pauses per host carry over

    async def read_story(
        self, story_id: str, dossier: bool = True, changes: bool = False
    ) -> StoryRead:
        try:
            return await self.source.story(story_id, dossier, changes)
        except UnknownStory:
            raise WebError(
                status.HTTP_404_NOT_FOUND, f"no story {story_id!r}", {"story": story_id}
            ) from None


def _site(request: Request) -> Site:
    site = request.app.state.site
    assert isinstance(site, Site)
    return site


# A page: the template's context, or a response of its own (a redirect).
Page = Callable[[], "dict[str, Any] | Response"]
Twin = Callable[[], Any]


def answer(
    request: Request,
    template: str,
    page: Page,
    twin: Twin,
    *,
    as_json: bool | None = None,
    status_code: int = status.HTTP_200_OK,
) -> Response:
    """The page, or its JSON twin where the request asks for JSON (``as_json``
    when the handler knows better); only the one sent is built."""
    if wants_json(request) if as_json is None else as_json:
        return JSONResponse(twin(), status_code=status_code)
    context = page()
    if isinstance(context, Response):
        return context
    return _site(request).templates.TemplateResponse(
        request, template, context, status_code=status_code
    )


def error_page(request: Request, status_code: int, message: str, detail: Any = None) -> Response:
    return answer(
        request,
        "error.html",
        lambda: {"status": status_code, "message": message, "detail": detail},
        lambda: error_body(status_code, message, detail),
        status_code=status_code,
    )


async def on_http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if isinstance(exc, WebError):
        return error_page(request, exc.status_code, exc.message, exc.extra)
    return error_page(request, exc.status_code, str(exc.detail), None)


async def on_server_error(request: Request, exc: Exception) -> Response:
    detail = {"type": type(exc).__name__}
    return error_page(request, status.HTTP_500_INTERNAL_SERVER_ERROR, "internal error", detail)


def summary_dict(s: StorySummary) -> dict[str, Any]:
    """A story's listing, as the JSON twins give it."""
    return {
        **dataclasses.asdict(s),
        "disputed": s.verdicts.get("disputed", 0),
        "overstated": s.conflicts.get("overstatement", 0),
        "href": view.story_href(s.id),
    }


def claim_ids(d: Dossier) -> dict[str, str]:
    """The store's stable claim keys (as changes name claims) -> the dossier's claim ids."""
    try:
        keys = dict(d.meta.claim_keys)
    except ValueError:
        return {}
    return {key: cid for cid, key in keys.items() if key}


def add_result_dict(r: AddResult) -> dict[str, Any]:
    return {
        "added": [
            {k: v for k, v in dataclasses.asdict(a).items() if k != "changes"}
            | {"changes": len(a.changes)}
            for a in r.added
        ],
        "duplicates": [dataclasses.asdict(d) for d in r.duplicates],
        "failures": [{"input": f.input, "error": f.error} for f in r.failures],
    }


def _filters(request: Request, d: Dossier) -> view.Filters:
    try:
        return view.parse_filters(request.query_params, d)
    except view.FilterError as e:
        raise WebError(
            status.HTTP_400_BAD_REQUEST, str(e), {e.name: e.value, "valid": e.valid}
        ) from None


# -- the stories -----------------------------------------------------------


async def index(request: Request) -> Response:
    site = _site(request)
    stories = await site.source.stories()
    return answer(
        request,
        "index.html",
        lambda: {"stories": stories, "max_body": site.options.max_body},
        lambda: {"storyline_version": __version__, "stories": [summary_dict(s) for s in stories]},
    )


# -- one story -------------------------------------------------------------


async def story(request: Request) -> Response:
    site = _site(request)
    story_id = request.path_params["story"]
    got = await site.read_story(story_id, changes=not wants_json(request))
    summary, d, changes = got.summary, got.dossier, got.changes or ()
    assert d is not None
    filters = _filters(request, d)

    def page() -> dict[str, Any]:
        return {
            "layout": "base.html",
            "summary": summary,
            "heading": summary.title,
            "article_count": summary.articles,
            "v": view.story_view(story_id, d, filters),
            "filters": filters,
            "filtered": filters.active,
            "open_claims": False,
            "verdict_href": lambda verdict: (
                view.story_href(story_id) + filters.query(verdict=verdict)
            ),
            "change_groups": view.change_groups(changes)[:RECENT_GROUPS],
            "per_group": RECENT_PER_GROUP,
            "n_changes": len(changes),
            "job": site.jobs.get(request.query_params.get("job", "")),
            "max_body": site.options.max_body,
            "claim_ids": claim_ids(d),
        }

    def twin() -> dict[str, Any]:
        body = {**to_dict(view.filter_dossier(d, filters)), "story": summary_dict(summary)}
        if filters.active:
            body["filters"] = dataclasses.asdict(filters)
        return body

    return answer(request, "story.html", page, twin)


async def changes(request: Request) -> Response:
    as_json = wants_json(request)
    got = await _site(request).read_story(
        request.path_params["story"], dossier=not as_json, changes=True
    )
    found = got.changes or ()

    def page() -> dict[str, Any]:
        assert got.dossier is not None
        return {
            "summary": got.summary,
            "change_groups": view.change_groups(found),
            "n_changes": len(found),
            "per_group": len(found),
            "claim_ids": claim_ids(got.dossier),
        }

    return answer(
        request,
        "changes.html",
        page,
        lambda: {
            "story": summary_dict(got.summary),
            "changes": [dataclasses.asdict(c) for c in found],
        },
        as_json=as_json,
    )


async def article(request: Request) -> Response:
    story_id, doc_id = request.path_params["story"], request.path_params["doc"]
    got = await _site(request).read_story(story_id)
    summary, d = got.summary, got.dossier
    assert d is not None
    docs = {doc.id: doc for doc in d.documents}
    # An article's own id may end in .json: it is the twin only when it is not.
    as_json = doc_id not in docs and doc_id.endswith(".json") and doc_id[:-5] in docs
    doc = docs.get(doc_id[:-5] if as_json else doc_id)
    if doc is None:
        raise WebError(
            status.HTTP_404_NOT_FOUND,
            f"no article {doc_id!r} in story {story_id!r}",
            {"story": story_id, "article": doc_id},
        )
    marks = [(m, c) for c in d.claims for m in c.mentions if m.doc == doc.id]

    def page() -> dict[str, Any]:
        focus = view.parse_span(request.query_params.get("m"))
        focused = [c for m, c in marks if (m.start, m.end) == focus]
        text = view.focused_text(doc, [(m, c.text) for m, c in marks], focus)
        return {
            "summary": summary,
            "a": article_view(
                doc, view.StoryLinks(story_id), mentions=len(marks), evidence_links=False, text=text
            ),
            "focused": focused[0] if focused else None,
        }

    def twin() -> dict[str, Any]:
        only = dataclasses.replace(
            d, documents=(doc,), claims=(), conflicts=(), figures=(), timeline=()
        )
        return {
            "story": summary_dict(summary),
            "document": to_dict(only)["documents"][0],
            "mentions": [{"claim": c.id, **dataclasses.asdict(m)} for m, c in marks],
        }

    return answer(request, "article.html", page, twin, as_json=as_json or accepts_json(request))


# -- outlets ---------------------------------------------------------------


async def outlets(request: Request) -> Response:
    from storyline.store.profiles import FIGURES, profile_dict

    found = await _site(request).source.outlets()
    return answer(
        request,
        "outlets.html",
        lambda: {"profiles": found, "figures": FIGURES},
        lambda: {"outlets": [profile_dict(p) for p in found]},
    )


async def outlet(request: Request) -> Response:
    from storyline.store.profiles import FIGURES, profile_dict
    from storyline.story.provenance import name_key

    name = request.path_params["name"]
    as_json = name.endswith(".json")
    name = name[:-5] if as_json else name
    found = await _site(request).source.outlets()
    profile = next((p for p in found if name_key(p.outlet) == name_key(name)), None)
    if profile is None:
        raise WebError(
            status.HTTP_404_NOT_FOUND, f"no outlet {name!r} in the store", {"outlet": name}
        )
    key = request.query_params.get("figure")
    figures = {f.key: f for f in profile.figures}
    if key is not None and key not in figures:
        raise WebError(
            status.HTTP_400_BAD_REQUEST,
            f"no figure {key!r}",
            {"figure": key, "valid": sorted(figures)},
        )
    shown = figures[key] if key else None

    def twin() -> dict[str, Any]:
        body = profile_dict(profile, evidence=key is not None)
        if shown is not None:
            body["figure"] = key
            body["figures"] = {key: body["figures"][key]}  # type: ignore[index]
        return body

    return answer(
        request,
        "outlet.html",
        lambda: {"p": profile, "figures": FIGURES, "shown": shown},
        twin,
        as_json=as_json or wants_json(request),
    )


# -- adding articles -------------------------------------------------------


async def add(request: Request) -> Response:
    check_origin(request)
    site = _site(request)
    story_id = request.path_params.get("story")
    if story_id is not None:
        await site.read_story(story_id, dossier=False)
    async with request.form(
        max_files=MAX_UPLOAD_FILES, max_fields=20, max_part_size=site.options.max_body
    ) as form:
        uploads = [
            Upload(f.filename or "", await f.read())
            for f in form.getlist("files")
            if isinstance(f, UploadFile) and (f.filename or f.size)
        ]
        text = str(form.get("text") or "")
        url = str(form.get("url") or "").strip()
    if not uploads and not text.strip() and not url:
        raise WebError(
            status.HTTP_400_BAD_REQUEST,
            "nothing to add: choose a file, paste an article's text, or give its URL",
            {"fields": ["files", "text", "url"]},
        )
    job = site.jobs.submit(
        lambda report: _add_job(site.source, site.fetcher, report, uploads, text, url, story_id)
    )
    return answer(
        request,
        "job.html",
        lambda: RedirectResponse(f"/jobs/{job.id}", status_code=status.HTTP_303_SEE_OTHER),
        lambda: {"job": job.to_dict(), "status": f"/jobs/{job.id}.json", "page": f"/jobs/{job.id}"},
        status_code=status.HTTP_202_ACCEPTED,
    )


async def job_status(request: Request) -> Response:
    job = _site(request).jobs.get(request.path_params["job"])
    if job is None:
        raise WebError(
            status.HTTP_404_NOT_FOUND,
            "no such job (jobs are kept while the server runs)",
            {"job": request.path_params["job"]},
        )
    redirect = job_redirect(job)

    def page() -> dict[str, Any] | Response:
        if redirect:
            return RedirectResponse(redirect, status_code=status.HTTP_303_SEE_OTHER)
        return {"job": job}

    return answer(request, "job.html", page, lambda: {"job": job.to_dict(), "redirect": redirect})


# -- assets ----------------------------------------------------------------


async def dossier_css(request: Request) -> Response:
    """The static dossier's stylesheet, served as is: one look for both faces."""
    return Response(CSS, media_type="text/css")


ROUTES = [
    Route("/", index),
    Route("/index.json", index),
    Route("/add", add, methods=["POST"]),
    Route("/story/{story}.json", story),
    Route("/story/{story}", story),
    Route("/story/{story}/changes.json", changes),
    Route("/story/{story}/changes", changes),
    Route("/story/{story}/add", add, methods=["POST"]),
    Route("/story/{story}/article/{doc:path}", article),
    Route("/outlets.json", outlets),
    Route("/outlets", outlets),
    Route("/outlets/{name}", outlet),
    Route("/jobs/{job}.json", job_status),
    Route("/jobs/{job}", job_status),
    Route("/static/dossier.css", dossier_css),
    Mount("/static", StaticFiles(packages=[("storyline.web", "static")]), name="static"),
]


def create_app(source: Source, options: WebOptions | None = None) -> Starlette:
    """The ASGI app over ``source`` (see ``open_source``)."""
    options = options or WebOptions()
    site = Site(source, options, fetcher=Fetcher(allow_private=options.allow_private))
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(NoLocalPaths),
        Middleware(HostCheck, bind_host=site.options.host, error_page=error_page),
        Middleware(BodyLimit, max_bytes=site.options.max_body, error_page=error_page),
    ]
    app = Starlette(
        routes=ROUTES,
        middleware=middleware,
        exception_handlers={HTTPException: on_http_error, Exception: on_server_error},
    )
    app.state.site = site
    app.state.jobs = site.jobs
    app.state.source = site.source
    return app


def _add_job(
    source: Source,
    fetcher: Fetcher,
    report: Report,
    uploads: list[Upload],
    text: str,
    url: str,
    story_id: str | None,
) -> dict[str, Any]:
    """Read the inputs, add them to the store; the result says where they went.
    Progress counts inputs read, then articles stored."""
    inputs = len(uploads) + bool(text.strip()) + bool(url)
    outcomes: list[ReadOutcome] = []
    if uploads:
        report(0, inputs, f"reading {plural(len(uploads), 'file')}")
        outcomes += read_uploads(uploads)
    if text.strip():
        report(len(uploads), inputs, "reading the pasted text")
        outcomes.append(read_pasted(text))
    if url:
        report(inputs - 1, inputs, f"fetching {url}")
        outcomes.append(read_url(url, fetcher))
    n = sum(len(o.articles) for o in outcomes)
    total = inputs + n
    report(inputs, total, f"analysing {plural(n, 'article')}")
    result, moved = source.add(
        outcomes, story=story_id, progress=lambda done, _, msg: report(inputs + done, total, msg)
    )
    report(total, total, "done")
    body = add_result_dict(placed_result(result, moved))
    by_store = {p.article: p.placed_by_store for p in moved}
    for a in body["added"]:
        a["placed_by_store"] = by_store.get(a["article"])
    stories = list(dict.fromkeys(a["story"] for a in body["added"]))
    body["stories"] = [{"id": s, "href": view.story_href(s)} for s in stories]
    target = story_id if story_id is not None else (stories[0] if len(stories) == 1 else None)
    body["story"] = target  # where the reader goes next: the story page tells what happened
    return body


def job_redirect(job: JobState) -> str | None:
    """Where a finished job's page sends the reader: its story, with the job's report."""
    target = job.result.get("story") if job.finished_ok else None
    return f"{view.story_href(target)}?job={quote(job.id)}#added" if target is not None else None
