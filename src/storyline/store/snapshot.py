"""A story's reading as the store keeps it between articles: its claims with
stable keys, its conflicts, its summary, and the history of changes."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

from storyline.model import Dossier
from storyline.store import history, serial
from storyline.store.db import Db
from storyline.store.history import ClaimState
from storyline.store.records import Change
from storyline.store.tables import next_value

TITLE_CHARS = 100  # a story named by its best-attested claim: cut to a listing's width


def claim_states(db: Db, story_id: str) -> list[ClaimState]:
    return [
        ClaimState(k, v, t, frozenset(json.loads(m)))
        for k, v, t, m in db.rows(
            "SELECT claim_key, verdict, text, mentions FROM claims WHERE story_id = ?", (story_id,)
        )
    ]


def conflict_states(db: Db, story_id: str) -> dict[tuple[str, str], str]:
    return {
        (k, kind): e
        for k, kind, e in db.rows(
            "SELECT claim_key, kind, explanation FROM conflicts WHERE story_id = ?", (story_id,)
        )
    }


def write(
    db: Db, story_id: str, claims: Sequence[ClaimState], conflicts: Mapping[tuple[str, str], str]
) -> None:
    """Make the stored snapshot of the story ``claims`` and ``conflicts``,
    touching only the rows that differ (a new article changes few claims)."""
    stored = {s.key: s for s in claim_states(db, story_id)}
    new = {s.key: s for s in claims}
    db.run_many(
        "DELETE FROM claims WHERE story_id = ? AND claim_key = ?",
        [(story_id, k) for k in stored.keys() - new.keys()],
    )
    db.run_many(
        "INSERT INTO claims (story_id, claim_key, verdict, text, mentions) VALUES (?, ?, ?, ?, ?)",
        [
            (story_id, s.key, s.verdict, s.text, json.dumps(sorted(s.mentions)))
            for k, s in new.items()
            if k not in stored
        ],
    )
    db.run_many(
        "UPDATE claims SET verdict = ?, text = ?, mentions = ? "
        "WHERE story_id = ? AND claim_key = ?",
        [
            (s.verdict, s.text, json.dumps(sorted(s.mentions)), story_id, k)
            for k, s in new.items()
            if k in stored and stored[k] != s
        ],
    )
    had = conflict_states(db, story_id)
    db.run_many(
        "DELETE FROM conflicts WHERE story_id = ? AND claim_key = ? AND kind = ?",
        [(story_id, *k) for k in had.keys() - conflicts.keys()],
    )
    db.run_many(
        "INSERT INTO conflicts (story_id, claim_key, kind, explanation) VALUES (?, ?, ?, ?)",
        [(story_id, *k, e) for k, e in conflicts.items() if k not in had],
    )
    db.run_many(
        "UPDATE conflicts SET explanation = ? WHERE story_id = ? AND claim_key = ? AND kind = ?",
        [(e, story_id, *k) for k, e in conflicts.items() if k in had and had[k] != e],
    )


def record(db: Db, changes: Sequence[Change], now: str) -> list[Change]:
    """Append changes to the history; returns them numbered and dated."""
    out = []
    for c in changes:
        c = replace(c, seq=next_value(db, "change"), at=now)
        detail = {
            "text": c.text,
            "conflict": c.conflict,
            "explanation": c.explanation,
            "evidence": serial.mentions_to_json(c.evidence),
            "note": c.note,
        }
        db.run(
            "INSERT INTO changes (seq, story_id, at, article_id, kind, claim_key, verdict_from, "
            "verdict_to, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                c.seq,
                c.story,
                c.at,
                c.article,
                c.kind,
                c.claim,
                c.verdict_from,
                c.verdict_to,
                serial.dumps(detail),
            ),
        )
        out.append(c)
    return out


def load_changes(db: Db, story_id: str, since: str | None) -> list[Change]:
    sql = (
        "SELECT seq, story_id, at, kind, claim_key, article_id, verdict_from, verdict_to, detail "
        "FROM changes WHERE story_id = ?"
    )
    params: list[str] = [story_id]
    if since:
        sql += " AND at >= ?"
        params.append(since)
    out = []
    for seq, sid, at, kind, key, article, v_from, v_to, detail in db.rows(
        sql + " ORDER BY seq", params
    ):
        d = json.loads(detail)
        out.append(
            Change(
                int(seq),
                sid,
                at,
                kind,
                key,
                d["text"],
                article,
                v_from,
                v_to,
                d["conflict"],
                d["explanation"],
                serial.mentions_from_json(d["evidence"]),
                d["note"],
            )
        )
    return out


def update(
    db: Db,
    story_id: str,
    dossier: Dossier,
    *,
    now: str,
    article: str | None = None,
    previous: Sequence[ClaimState] | None = None,
    previous_conflicts: Mapping[tuple[str, str], str] | None = None,
    note: str | None = None,
) -> list[Change]:
    """Key the story's new dossier against the previous snapshot (the stored
    one unless ``previous`` and ``previous_conflicts`` are given), store it,
    record and return what changed. ``article``: the article that caused it
    (None for a merge or split, which ``note`` names)."""
    prev = claim_states(db, story_id) if previous is None else list(previous)
    prev_conflicts = (
        conflict_states(db, story_id) if previous_conflicts is None else previous_conflicts
    )
    row = db.one("SELECT next_claim FROM stories WHERE id = ?", (story_id,))
    assert row is not None, story_id
    counter = [int(row[0])]

    def new_key() -> str:
        counter[0] += 1
        return f"{story_id}.k{counter[0] - 1}"

    keys = history.match_keys(dossier.claims, prev, new_key)
    found = history.changes(
        story_id, {s.key: s for s in prev}, prev_conflicts, dossier, keys, article, note
    )
    write(db, story_id, history.states(dossier, keys), history.conflict_keys(dossier, keys))
    db.run("UPDATE stories SET next_claim = ? WHERE id = ?", (counter[0], story_id))
    summarise(db, story_id, dossier, now)
    return record(db, found, now)


def summarise(db: Db, story_id: str, dossier: Dossier, now: str) -> None:
    """The story's listing: title, counts, outlets and dates."""
    rows = db.rows(
        "SELECT title, source, published, copy_of FROM articles WHERE story_id = ? ORDER BY seq",
        (story_id,),
    )
    outlets = list(
        dict.fromkeys(
            [d.source for d in dossier.documents if d.source] + [r[1] for r in rows if r[1]]
        )
    )
    dates = sorted([r[2] for r in rows if r[2]])
    title = next((r[0] for r in rows if r[0]), None) or _claim_title(dossier)
    summary = {
        "outlets": outlets,
        "copies": sum(1 for r in rows if r[3]),
        "first_date": dates[0] if dates else None,
        "last_date": dates[-1] if dates else None,
        "claims": len(dossier.claims),
        "verdicts": dict(Counter(c.verdict for c in dossier.claims)),
        "conflicts": dict(Counter(c.kind for c in dossier.conflicts)),
    }
    db.run(
        "UPDATE stories SET title = ?, articles = ?, updated_at = ?, summary = ? WHERE id = ?",
        (title, len(rows), now, serial.dumps(summary), story_id),
    )


def _claim_title(dossier: Dossier) -> str:
    """With no headline to go by: the claim most articles make."""
    if not dossier.claims:
        return "(no claims)"
    best = max(
        dossier.claims,
        key=lambda c: (len({m.doc for m in c.mentions}), len(c.mentions), -len(c.text)),
    )
    text = " ".join(best.text.split())
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"
