"""Placeholder: replaced by the extraction work (see docs/ARCHITECTURE.md)."""


def find_figures(*args, **kwargs):
    return []
