"""Execution engines for ingest: ``local`` (in process) and ``dask`` (a Dask cluster).

An engine is a module with ``process(files, *, scheduler=None, workers=None, batch_size=64)``
yielding batches (lists) of :func:`data.pipeline.process_file` results, in any order.
"""
ENGINES = ("local", "dask")
