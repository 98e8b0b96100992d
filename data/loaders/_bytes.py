"""Reading files safely: size limit by stat, type sniffing, binary detection, decoding."""
from __future__ import annotations

import codecs
import os
import unicodedata
from functools import lru_cache

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


# Written here rather than taken from charset-normalizer (installed only as a dependency of a
# dependency, unpinned): on short news texts it read cp1252 as cp1250 and latin-1 as CJK, while
# scoring whole words of the few legacy encodings news files come in is cheap and was right on
# every sample tried (tests/test_loaders_*).
#: Legacy single-byte encodings tried when a file is not UTF-8, most common first (ties go to
#: the first). latin-1 decodes any bytes, so it always ends the list.
LEGACY_ENCODINGS = ("cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257", "koi8-r", "latin-1")
#: Bytes of the file the legacy encodings are compared on (the winner decodes the whole file)
_SAMPLE_BYTES = 64 * 1024
# Non-ASCII characters that are at home in any text: quotes, dashes, symbols, spaces.
_PUNCT_OK = frozenset("“”‘’«»„‚‹›–—…•·°€£¥©®™№§¶†‡±×\u00a0\u2009\u202f")


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode text bytes: BOM, else UTF-8, else the legacy encoding that reads as words.

    When UTF-8 fails, every encoding of :data:`LEGACY_ENCODINGS` that decodes the bytes is
    scored by :func:`_oddity` on the words with non-ASCII letters (Russian in cp1251 read as
    cp1252 gives 'Ìèíèñòåðñòâî', all accented letters; French read as cp1251 gives 'fйvrier',
    two alphabets in one word) and the least odd reading wins.

    Returns
    -------
    tuple
        ``(text, warning)``; ``warning`` names the encoding chosen when UTF-8 failed, else None.
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
    sample = data[:_SAMPLE_BYTES]
    ranked = []
    for rank, enc in enumerate(LEGACY_ENCODINGS):
        try:
            ranked.append((_oddity(sample.decode(enc)), rank, enc))
        except UnicodeDecodeError:
            continue
    for _, _, enc in sorted(ranked):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:  # a byte past the sample that this encoding lacks
            continue
        return text, f"invalid UTF-8 at byte {where}; decoded as {enc}"
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


@lru_cache(maxsize=4096)
def _script(ch: str) -> str:
    """'LATIN', 'CYRILLIC', 'GREEK', ... for a letter (the first word of its Unicode name)."""
    try:
        return unicodedata.name(ch).split(" ", 1)[0]
    except ValueError:
        return "?"


def _oddity(text: str) -> int:
    """Count the words of ``text`` that no one writes, as a sign of a wrong decoding.

    Such words have non-ASCII characters and mix alphabets ('fйvrier'), hold a symbol or
    control character among their letters ('÷òî', 'M\\x81nchen'), turn from small to capital
    letters inside the word ('лИНИСТЕРСТВО') or are Latin words made mostly of accented letters
    ('Ìîñêâà').
    """
    odd = 0
    for word in text.split():
        if word.isascii():
            continue
        scripts = set()
        letters = accented = 0
        bad = False
        prev_lower = False
        for ch in word:
            if ch.isalpha():
                letters += 1
                if ch.isascii():
                    scripts.add("LATIN")
                else:
                    sc = _script(ch)
                    scripts.add(sc)
                    accented += sc == "LATIN"
                if ch.isupper() and prev_lower:
                    bad = True
                prev_lower = ch.islower()
            elif not ch.isascii() and ch not in _PUNCT_OK and not unicodedata.category(ch).startswith("M"):
                bad = True  # a symbol, superscript or control character among the letters
        if letters and (bad or len(scripts) > 1 or (letters >= 3 and accented * 2 > letters)):
            odd += 1
    return odd
