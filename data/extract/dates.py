"""Placeholder: replaced by the extraction work (see docs/ARCHITECTURE.md)."""


def find_dates(*args, **kwargs):
    return []
