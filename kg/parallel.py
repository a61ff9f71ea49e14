"""Parsing in parallel: spaCy, extraction and within-article resolution of each batch run in
worker processes, and the records come back, in input order, to the one writer that resolves
them across articles and stores them (:func:`kg.pipeline.add_to_store`).

Two engines, no scheduler of our own:

* ``processes=N``: a local :class:`concurrent.futures.ProcessPoolExecutor` of ``N`` workers
  (spaCy's own ``nlp.pipe(n_process=N)`` cannot be used: it ships each ``Doc`` back with
  ``Doc.to_bytes``, whose ``user_data`` must be msgpack-able, and the extraction records
  are not);
* ``dask="local:N"`` (a :class:`distributed.LocalCluster` of ``N`` one-thread worker
  processes) or ``dask="tcp://scheduler:8786"`` (a running cluster, whose workers have
  media-kg and its models installed).

Each worker loads the spaCy pipeline once (:func:`kg.nlp.load_pipeline` is cached per
process) and keeps it for every batch it parses. At most ``2 x workers`` batches are in
flight, so memory stays bounded however long the input.

Example:
    >>> parse_spec("local:4"), parse_spec("tcp://10.0.0.5:8786")
    (('local', 4), ('address', 'tcp://10.0.0.5:8786'))
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager
from multiprocessing import get_context
from typing import Any

from kg.errors import ClusterError, Errors, KGError
from kg.records import Document, Extraction

__all__ = ["Parsed", "parse_batch", "parse_spec", "parallel_parser"]

#: Seconds to wait for a remote scheduler before E060.
CONNECT_TIMEOUT = 10

#: A parsed batch: its documents, their extractions (failed ones left out) and error lines.
Parsed = tuple[list[Document], list[Extraction], list[str]]


def parse_batch(docs: list[Document]) -> tuple[list[Extraction], list[str]]:
    """Parse one batch (in a worker): nlp, extraction, within-article resolution.

    Returns:
        The extractions in input order and one line per failed document.
    """
    from kg.pipeline import extract_documents

    errors: list[KGError] = []
    extractions = list(extract_documents(docs, on_error=errors.append, batch_size=max(len(docs), 1)))
    return extractions, [str(e) for e in errors]


def parse_spec(spec: str) -> tuple[str, Any]:
    """Read a ``--dask`` value: ``local:N`` -> ``("local", N)``, ``tcp://host:port`` -> ``("address", spec)``.

    Raises:
        ClusterError: [E061] for anything else.
    """
    if spec.startswith("local:") and spec[6:].isdigit() and int(spec[6:]) >= 1:
        return "local", int(spec[6:])
    if spec.startswith(("tcp://", "tls://", "ucx://", "inproc://")):
        return "address", spec
    raise ClusterError(Errors.E061.format(spec=spec))


class _Ordered:
    """Submit batches to ``submit`` with at most ``window`` in flight; yield them in order."""

    def __init__(self, submit: Callable[[list[Document]], Any], result: Callable[[Any], tuple], window: int) -> None:
        self._submit, self._result, self._window = submit, result, window

    def __call__(self, batches: Iterable[list[Document]]) -> Iterator[Parsed]:
        inflight: deque[tuple[list[Document], Any]] = deque()
        for batch in batches:
            inflight.append((batch, self._submit(batch)))
            if len(inflight) >= self._window:
                docs, future = inflight.popleft()
                yield (docs, *self._result(future))
        while inflight:
            docs, future = inflight.popleft()
            yield (docs, *self._result(future))


class parallel_parser(AbstractContextManager):  # noqa: N801  (used as a function, in a with statement)
    """A context manager yielding a parser ``batches -> parsed batches`` on worker processes.

    Args:
        processes: Local worker processes (ignored when ``dask`` is given).
        dask: ``local:N`` or a scheduler address (see the module docstring).

    Raises:
        ClusterError: [E060] when the cluster cannot be started or reached, [E061] for a bad spec.
    """

    def __init__(self, *, processes: int = 1, dask: str | None = None) -> None:
        self._processes, self._dask = processes, dask
        self._close: list[Callable[[], object]] = []

    def __enter__(self) -> Callable[[Iterable[list[Document]]], Iterator[Parsed]]:
        if self._dask is None:
            pool = ProcessPoolExecutor(max_workers=self._processes, mp_context=get_context("spawn"))
            self._close.append(lambda: pool.shutdown(cancel_futures=True))
            return _Ordered(lambda b: pool.submit(parse_batch, b), Future.result, 2 * self._processes)
        kind, value = parse_spec(self._dask)
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - a dependency of media-kg
            raise ClusterError(Errors.E060.format(spec=self._dask, detail=exc)) from exc
        try:
            if kind == "local":
                cluster = LocalCluster(n_workers=value, threads_per_worker=1, processes=True, dashboard_address=None,
                                       env={"PYTHONHASHSEED": os.environ.get("PYTHONHASHSEED", "0")})
                self._close.append(cluster.close)
                client = Client(cluster)
            else:
                client = Client(value, timeout=CONNECT_TIMEOUT)
            self._close.insert(0, client.close)
            workers = max(len(client.scheduler_info().get("workers", {})), 1)
        except (OSError, TimeoutError) as exc:
            self.__exit__(None, None, None)
            raise ClusterError(Errors.E060.format(spec=self._dask, detail=exc)) from exc
        return _Ordered(lambda b: client.submit(parse_batch, b, pure=False), lambda f: f.result(), 2 * workers)

    def __exit__(self, *exc: object) -> None:
        while self._close:
            self._close.pop(0)()
