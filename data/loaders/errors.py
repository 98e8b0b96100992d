"""The one error shape every loader yields instead of raising."""
from __future__ import annotations

from dataclasses import dataclass

#: Stable error codes (docs/ARCHITECTURE.md). ``decode_fallback`` and ``bad_date`` are warnings:
#: the article loads (``bad_date``: without the publication date its metadata gave).
CODES = (
    "empty_file", "binary_file", "decode_fallback", "pdf_corrupt", "pdf_encrypted",
    "no_article", "too_large", "missing_columns", "bad_row", "unsupported_type", "not_found",
    "bad_date",
)
WARNING_CODES = frozenset({"decode_fallback", "bad_date"})


@dataclass(frozen=True)
class LoadError:
    """A file (or one item of it) that could not be loaded, or a warning about one that was.

    Attributes
    ----------
    source : str
        File path, with ``#N`` for the N-th item of a multi-article file.
    code : str
        One of :data:`CODES`.
    message : str
        What went wrong and what was expected, for the ingest log.
    """

    source: str
    code: str
    message: str

    def __post_init__(self) -> None:
        # Loaders use only CODES; later stages (data.pipeline) add their own codes such as
        # ``extract_failed``, so any non-empty identifier is accepted here.
        if not isinstance(self.code, str) or not self.code.isidentifier():
            raise ValueError(f"code must be an identifier such as {CODES[0]!r}, got {self.code!r}")

    @property
    def is_warning(self) -> bool:
        """True when the article was still loaded (``decode_fallback``, ``bad_date``)."""
        return self.code in WARNING_CODES

    def __str__(self) -> str:
        return f"{self.source}: {self.code}: {self.message}"
