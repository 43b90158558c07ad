"""Exact and near duplicates: one article stored twice, one wire story syndicated.

Exact: the same words once case, spacing and punctuation are set aside (a
hash of the normalised text). Near: most of the same five-word runs
(shingles), as syndicated copies of one wire story are, each with its own
headline, byline and footer, and sometimes trimmed. Similarity is estimated
with MinHash and found with locality-sensitive bands, so a new article is
compared only with the few stored ones that share a band, however many are
stored (Broder 1997; Leskovec, Rajaraman & Ullman, "Mining of Massive
Datasets", ch. 3).
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

SHINGLE_WORDS = 5  # runs of five words: rare enough that two writers seldom share one by chance
NUM_HASHES = 60
# Bands of NUM_HASHES // BANDS = 3 rows. A pair whose similarity is J becomes
# a candidate with probability 1 - (1 - J**3)**20: 0.93 at J = 0.5, 0.99 at
# 0.6, 0.0002 at 0.02 (unrelated articles share almost no five-word run), so
# copies are found and the stored articles fetched per add stay a handful.
BANDS = 20
# Estimated Jaccard similarity of shingles at or above which an article is a
# copy of a stored one. A wire story republished with its own headline,
# byline and footer and trimmed by a third scored 0.64 (seed article 000
# so edited); whole copies score above 0.8; the seed story's three
# independent outlets score 0.0 with each other. A signature of 60 estimates
# J = 0.65 within +-0.06 (one standard deviation), hence the margin.
NEAR_DUPLICATE = 0.5

_WORD = re.compile(r"\w+")
# Fixed seeds: signatures must be the same in every process and every release.
_rng = np.random.default_rng(20260521)
_A = _rng.integers(1, 2**63, size=NUM_HASHES, dtype=np.uint64) * np.uint64(2) + np.uint64(1)  # odd
_B = _rng.integers(0, 2**63, size=NUM_HASHES, dtype=np.uint64)
del _rng


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def text_hash(text: str) -> str:
    """The same for two texts that differ only in case, spacing or punctuation."""
    return hashlib.sha256(" ".join(words(text)).encode("utf-8")).hexdigest()


def _hash64(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little")


def signature(text: str) -> tuple[int, ...]:
    """The MinHash signature of the text's word shingles: NUM_HASHES numbers."""
    w = words(text)
    n = max(1, len(w) - SHINGLE_WORDS + 1)
    shingles = {" ".join(w[i : i + SHINGLE_WORDS]) for i in range(n)}
    h = np.fromiter((_hash64(s) for s in shingles), dtype=np.uint64, count=len(shingles))
    with np.errstate(over="ignore"):  # arithmetic mod 2**64 is the point
        mins = (h[None, :] * _A[:, None] + _B[:, None]).min(axis=1)
    return tuple(int(x) for x in mins)


def bands(sig: tuple[int, ...]) -> list[str]:
    """The signature's band keys: two articles sharing any one are candidates."""
    rows = NUM_HASHES // BANDS
    out = []
    for b in range(BANDS):
        part = b"".join(x.to_bytes(8, "little") for x in sig[b * rows : (b + 1) * rows])
        out.append(f"{b:02d}{hashlib.blake2b(part, digest_size=8).hexdigest()}")
    return out


def similarity(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of two signatures' shingle sets."""
    return sum(x == y for x, y in zip(a, b, strict=True)) / NUM_HASHES


def encode(sig: tuple[int, ...]) -> str:
    return "".join(f"{x:016x}" for x in sig)


def decode(data: str) -> tuple[int, ...]:
    return tuple(int(data[i : i + 16], 16) for i in range(0, len(data), 16))
