"""Reading files safely: size limit by stat, type sniffing, binary detection, decoding."""
from __future__ import annotations

import codecs
import os

#: Default largest file a loader reads (50 MB); larger files are refused by ``stat`` alone.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

EXTENSIONS = {
    ".txt": "txt", ".text": "txt",
    ".pdf": "pdf",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".xml": "rss", ".rss": "rss", ".atom": "rss",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv", ".tsv": "csv",
}

_BINARY_MAGIC = (
    b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\x7fELF",
    b"MZ", b"\xd0\xcf\x11\xe0", b"Rar!", b"7z\xbc\xaf", b"\x00\x00\x01\x00", b"OggS", b"ID3",
    b"RIFF", b"\x28\xb5\x2f\xfd", b"SQLite format",
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never occur in text files (tab, newlines, form feed and escape do).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


class FileProblem(Exception):
    """Raised inside the loaders, turned into a LoadError at the boundary."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def read_limited(path: str, max_bytes: int) -> bytes:
    """Read ``path`` unless ``stat`` says it is over ``max_bytes`` or it is empty."""
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        raise FileProblem("not_found", f"no such file: {path}") from None
    except OSError as exc:
        raise FileProblem("not_found", f"cannot stat {path}: {exc.strerror}") from None
    if size > max_bytes:
        raise FileProblem("too_large", f"file is {size:,} bytes; the limit is {max_bytes:,} bytes")
    if size == 0:
        raise FileProblem("empty_file", "file is empty (0 bytes)")
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise FileProblem("not_found", f"cannot read {path}: {exc.strerror}") from None
    if len(data) > max_bytes:  # grew between stat and read
        raise FileProblem("too_large", f"file is over the limit of {max_bytes:,} bytes")
    return data


def sniff(data: bytes) -> str | None:
    """Kind told by the content itself (``pdf``, ``rss``, ``html``), or None."""
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    bom = _bom(data)
    if bom and bom[1] != "utf-8-sig":
        head = data[:8192].decode(bom[1], errors="ignore").lstrip("\ufeff \t\r\n").lower().encode()
    else:
        head = data[:4096].lstrip(codecs.BOM_UTF8 + b" \t\r\n").lower()
    if head.startswith((b"<rss", b"<feed", b"<rdf:rdf")):
        return "rss"
    if head.startswith(b"<?xml"):
        if any(t in head for t in (b"<rss", b"<feed", b"<rdf:rdf")):
            return "rss"
        if b"<html" in head:
            return "html"
        return None
    if head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<") and b"<html" in head[:1024]):
        return "html"
    return None


def _bom(data: bytes):
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return bom, enc
    return None


def check_text_bytes(data: bytes) -> None:
    """Raise ``binary_file`` for content that is not text, ``empty_file`` for whitespace only."""
    bom = _bom(data)
    if bom is None or bom[1] == "utf-8-sig":
        if data.startswith(_BINARY_MAGIC):
            raise FileProblem("binary_file", "content is a binary format (magic bytes), not text")
        sample = data[:65536]
        if b"\x00" in sample:
            raise FileProblem("binary_file", "content has NUL bytes: a binary file, not text")
        controls = sum(sample.count(bytes([b])) for b in _CONTROL)
        if controls > max(8, len(sample) // 50):
            raise FileProblem("binary_file", f"{controls} control bytes in the first {len(sample)}: not text")


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode text bytes: BOM, else UTF-8, else cp1252, else latin-1.

    Returns
    -------
    tuple
        ``(text, warning)``; ``warning`` names the fallback when UTF-8 failed, else None.
    """
    bom = _bom(data)
    if bom:
        try:
            return data.decode(bom[1]), None
        except UnicodeDecodeError as exc:
            return data.decode(bom[1], errors="replace"), (
                f"invalid {bom[1]} at byte {exc.start}; bad bytes replaced with U+FFFD")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        where = exc.start
    for enc in ("cp1252", "latin-1"):
        try:
            return data.decode(enc), f"invalid UTF-8 at byte {where}; decoded as {enc}"
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover
