"""Placeholder: replaced by the extraction work (see docs/ARCHITECTURE.md)."""


def find_quotes(*args, **kwargs):
    return []
