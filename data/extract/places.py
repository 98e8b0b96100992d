"""Placeholder: replaced by the extraction work (see docs/ARCHITECTURE.md)."""


def find_places(*args, **kwargs):
    return []
