"""Placeholder: replaced by the extraction work (see docs/ARCHITECTURE.md)."""


def find_actors(*args, **kwargs):
    return []
