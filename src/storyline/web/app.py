"""The web app: routes, pages and their JSON twins.

    GET  /                           the stories            /index.json
    GET  /story/ID                   a story (filters: ?outlet= &verdict=)   /story/ID.json
    GET  /story/ID/changes           what changed in it     /story/ID/changes.json
    GET  /story/ID/article/DOC       an article, marked     /story/ID/article/DOC.json
    POST /story/ID/add, POST /add    add articles (files, pasted text, a URL): a job
    GET  /jobs/JOB                   the job's progress     /jobs/JOB.json

Pages render on the server and read without JavaScript; a little script
(served from /static) shows upload progress and scrolls to a clicked mention.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from importlib.resources import files
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
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
from storyline.render._common import CONFLICT_NOTES, VERDICT_NOTES, VERDICT_ORDER, plural
from storyline.render.json_out import to_dict
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
from storyline.web.marks import Marked, marked_text, parse_span
from storyline.web.source import Source, StoryRead, UnknownStory, placed_result

# The dossier page's stylesheet, served as is: one look for both faces.
_DOSSIER_CSS = files("storyline.render").joinpath("style.css").read_text(encoding="utf-8")
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
    env = Environment(
        loader=PackageLoader("storyline.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        story_href=view.story_href,
        article_href=view.article_href,
        plural=plural,
        quote=quote,
        verdict_order=VERDICT_ORDER,
        verdict_notes=VERDICT_NOTES,
        conflict_notes=CONFLICT_NOTES,
        version=__version__,
    )
    return Jinja2Templates(env=env)


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
        keys = json.loads(d.meta.get("claim_keys", "{}"))
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


def create_app(source: Source, options: WebOptions | None = None) -> Starlette:
    """The ASGI app over ``source`` (see ``open_source``)."""
    options = options or WebOptions()
    templates = _templates()
    jobs = Jobs()
    # one per app: its pauses between requests to a host carry over
    fetcher = Fetcher(allow_private=options.allow_private)

    def error_page(request: Request, status: int, message: str, detail: Any = None) -> Response:
        if wants_json(request):
            return JSONResponse(error_body(status, message, detail), status_code=status)
        return templates.TemplateResponse(
            request,
            "error.html",
            {"status": status, "message": message, "detail": detail},
            status_code=status,
        )

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if isinstance(exc, WebError):
            return error_page(request, exc.status_code, exc.message, exc.extra)
        return error_page(request, exc.status_code, str(exc.detail), None)

    async def on_server_error(request: Request, exc: Exception) -> Response:
        return error_page(request, 500, "internal error", {"type": type(exc).__name__})

    def page(request: Request, name: str, context: dict[str, Any]) -> Response:
        return templates.TemplateResponse(request, name, context)

    async def read_story(story_id: str, dossier: bool = True, changes: bool = False) -> StoryRead:
        try:
            return await source.story(story_id, dossier, changes)
        except UnknownStory:
            raise WebError(404, f"no story {story_id!r}", {"story": story_id}) from None

    def filters_or_400(request: Request, d: Dossier) -> view.Filters:
        try:
            return view.parse_filters(request.query_params, d)
        except view.FilterError as e:
            raise WebError(400, str(e), {e.name: e.value, "valid": e.valid}) from None

    # -- the stories -------------------------------------------------------

    async def index(request: Request) -> Response:
        stories = await source.stories()
        if wants_json(request):
            return JSONResponse(
                {"storyline_version": __version__, "stories": [summary_dict(s) for s in stories]}
            )
        return page(request, "index.html", {"stories": stories, "max_body": options.max_body})

    # -- one story ---------------------------------------------------------

    async def story(request: Request) -> Response:
        story_id = request.path_params["story"]
        as_json = wants_json(request)
        got = await read_story(story_id, changes=not as_json)
        summary, d, changes = got.summary, got.dossier, got.changes or ()
        assert d is not None
        filters = filters_or_400(request, d)
        if as_json:
            body = {**to_dict(view.filter_dossier(d, filters)), "story": summary_dict(summary)}
            if filters.active:
                body["filters"] = dataclasses.asdict(filters)
            return JSONResponse(body)
        job = jobs.get(request.query_params.get("job", ""))
        return page(
            request,
            "story.html",
            {
                "summary": summary,
                "v": view.story_view(story_id, d, filters),
                "change_groups": view.change_groups(changes)[:RECENT_GROUPS],
                "per_group": RECENT_PER_GROUP,
                "n_changes": len(changes),
                "job": job,
                "max_body": options.max_body,
                "claim_ids": claim_ids(d),
            },
        )

    async def changes(request: Request) -> Response:
        as_json = wants_json(request)
        got = await read_story(request.path_params["story"], dossier=not as_json, changes=True)
        found = got.changes or ()
        if as_json:
            return JSONResponse(
                {
                    "story": summary_dict(got.summary),
                    "changes": [dataclasses.asdict(c) for c in found],
                }
            )
        assert got.dossier is not None
        return page(
            request,
            "changes.html",
            {
                "summary": got.summary,
                "change_groups": view.change_groups(found),
                "n_changes": len(found),
                "per_group": len(found),
                "claim_ids": claim_ids(got.dossier),
            },
        )

    async def article(request: Request) -> Response:
        story_id, doc_id = request.path_params["story"], request.path_params["doc"]
        got = await read_story(story_id)
        summary, d = got.summary, got.dossier
        assert d is not None
        docs = {doc.id: doc for doc in d.documents}
        as_json = doc_id not in docs and doc_id.endswith(".json") and doc_id[:-5] in docs
        doc = docs.get(doc_id[:-5] if as_json else doc_id)
        if doc is None:
            raise WebError(
                404,
                f"no article {doc_id!r} in story {story_id!r}",
                {"story": story_id, "article": doc_id},
            )
        marks = [Marked(m, c.id, c.text) for c in d.claims for m in c.mentions if m.doc == doc.id]
        if as_json or accepts_json(request):  # an article's own id may end in .json
            return JSONResponse(
                {
                    "story": summary_dict(summary),
                    "document": to_dict(
                        dataclasses.replace(
                            d, documents=(doc,), claims=(), conflicts=(), figures=(), timeline=()
                        )
                    )["documents"][0],
                    "mentions": [
                        {"claim": m.claim_id, **dataclasses.asdict(m.mention)} for m in marks
                    ],
                }
            )
        focus = parse_span(request.query_params.get("m"))
        focused = [
            c
            for c in d.claims
            for m in c.mentions
            if focus and m.doc == doc.id and (m.start, m.end) == focus
        ]
        return page(
            request,
            "article.html",
            {
                "summary": summary,
                "doc": doc,
                "outlet": view.outlet(doc.id, docs),
                "text": marked_text(doc, marks, focus),
                "focus": focus,
                "focused": focused[0] if focused else None,
                "n_mentions": len(marks),
                "safe_url": doc.url
                if doc.url and doc.url.lower().startswith(("http://", "https://"))
                else None,
            },
        )

    # -- adding articles ---------------------------------------------------

    async def add(request: Request) -> Response:
        check_origin(request)
        story_id = request.path_params.get("story")
        if story_id is not None:
            await read_story(story_id, dossier=False)
        async with request.form(
            max_files=MAX_UPLOAD_FILES, max_fields=20, max_part_size=options.max_body
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
                400,
                "nothing to add: choose a file, paste an article's text, or give its URL",
                {"fields": ["files", "text", "url"]},
            )
        job = jobs.submit(
            lambda report: _add_job(source, fetcher, report, uploads, text, url, story_id)
        )
        if wants_json(request):
            return JSONResponse(
                {"job": job.to_dict(), "status": f"/jobs/{job.id}.json", "page": f"/jobs/{job.id}"},
                status_code=202,
            )
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)

    async def job_status(request: Request) -> Response:
        job = jobs.get(request.path_params["job"])
        if job is None:
            raise WebError(
                404,
                "no such job (jobs are kept while the server runs)",
                {"job": request.path_params["job"]},
            )
        if wants_json(request):
            return JSONResponse({"job": job.to_dict(), "redirect": job_redirect(job)})
        redirect = job_redirect(job)
        if redirect:
            return RedirectResponse(redirect, status_code=303)
        return page(request, "job.html", {"job": job})

    # -- assets ------------------------------------------------------------

    async def dossier_css(request: Request) -> Response:
        return Response(_DOSSIER_CSS, media_type="text/css")

    routes = [
        Route("/", index),
        Route("/index.json", index),
        Route("/add", add, methods=["POST"]),
        Route("/story/{story}.json", story),
        Route("/story/{story}", story),
        Route("/story/{story}/changes.json", changes),
        Route("/story/{story}/changes", changes),
        Route("/story/{story}/add", add, methods=["POST"]),
        Route("/story/{story}/article/{doc:path}", article),
        Route("/jobs/{job}.json", job_status),
        Route("/jobs/{job}", job_status),
        Route("/static/dossier.css", dossier_css),
        Mount("/static", StaticFiles(packages=[("storyline.web", "static")]), name="static"),
    ]
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(NoLocalPaths),
        Middleware(HostCheck, bind_host=options.host, error_page=error_page),
        Middleware(BodyLimit, max_bytes=options.max_body, error_page=error_page),
    ]
    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={HTTPException: on_http_error, Exception: on_server_error},
    )
    app.state.jobs = jobs
    app.state.source = source
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
