"""Articles in, mentions out: loaders, extraction, store and the ``python -m data`` CLI."""
