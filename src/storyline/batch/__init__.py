"""Batch: stream a large corpus through the reading stages on all cores, or
on a Dask cluster, then group it into stories and write their dossiers.

    >>> from storyline.batch import BatchOptions, run
    >>> result = run(BatchOptions(inputs=("articles.jsonl.gz",), output="out", jobs=2))

The per-article stage (parse and read) runs in ``jobs`` processes or on Dask
workers; the driver holds neither the corpus nor its readings, only what
story assignment needs (see ``run``'s module). Rerunning on the same output
folder skips the articles already read.
"""

from __future__ import annotations

from storyline.batch.run import BatchOptions, BatchResult, run, total_articles

__all__ = ["BatchOptions", "BatchResult", "run", "total_articles"]
