"""Parts of a big JSONL file: runs of whole lines that can be loaded on different workers.

A dump of 1,000 articles is one file but a minute of extraction; handing it to one worker as a
whole leaves the others idle at the end of a run and sends 1,000 results back at once.
:func:`split_file` cuts such a file into :class:`FilePart` ranges of whole lines (byte offsets
plus the number of the first line) and :func:`load_part` loads one range.

The guarantee is that the parts of a file, loaded in order, yield exactly what
``load_path(file)`` yields: the same articles and the same ``FILE#LINE`` sources in errors.
A file is therefore split only when every whole-file decision can be made up front on the driver
and does not depend on the part: it is a JSONL file with one object per line (not one JSON
array or object), it is valid UTF-8 (no decoding fallback, which is decided for the whole file),
and its only line breaks are ``\\n`` or ``\\r\\n`` (so counting ``\\n`` gives the same line
numbers as ``str.splitlines``). Every other file, and every file that cannot be read, is left
whole, and the ordinary loader reports its problems by name.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ._bytes import DEFAULT_MAX_BYTES, EXTENSIONS, FileProblem, check_text_bytes, read_limited, sniff
from .errors import LoadError

__all__ = ["FilePart", "split_file", "load_part", "PART_ROWS", "MIN_SPLIT_BYTES"]

#: Lines per part: ~0.5-1 s of extraction, small next to a run, large next to a task's overhead.
PART_ROWS = 100
#: Files smaller than this are never split: they are a small task already.
MIN_SPLIT_BYTES = 256 * 1024

# Bytes that str.splitlines() treats as line breaks besides "\n" (\r is handled apart): with any
# of them in a file, counting "\n" would not give the loader's line numbers.
_OTHER_BREAKS = (b"\x0b", b"\x0c", b"\x1c", b"\x1d", b"\x1e", b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9")
_OTHER_BOMS = (b"\xff\xfe", b"\xfe\xff")  # UTF-16/32: not UTF-8, never split


@dataclass(frozen=True)
class FilePart:
    """Lines ``first_line`` ... of ``path``, bytes ``[start, end)``.

    Attributes
    ----------
    path : str
        The file, as the caller named it (error sources use ``str(Path(path))``, like
        ``load_path``).
    start, end : int
        Byte offsets: ``start`` is 0 or just after a ``\\n``; ``end`` is just after a ``\\n`` or the
        file size.
    first_line : int
        1-based number of the line at ``start``.
    """

    path: str
    start: int
    end: int
    first_line: int

    @property
    def size(self) -> int:
        """Bytes in the part."""
        return self.end - self.start

    def __str__(self) -> str:
        return f"{self.path} (bytes {self.start}-{self.end}, from line {self.first_line})"


def split_file(path, rows: int | None = None, *, min_bytes: int | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> list[FilePart] | None:
    """Cut a JSONL file into parts of ``rows`` lines, or None to load it whole.

    Parameters
    ----------
    path : str or os.PathLike
        A file.
    rows : int, optional
        Lines per part (blank lines count, as in the loader's line numbers); default
        :data:`PART_ROWS`.
    min_bytes : int, optional
        Files smaller than this are left whole; default :data:`MIN_SPLIT_BYTES`.
    max_bytes : int
        The loader's size limit: larger files are left whole (and refused by the loader).

    Returns
    -------
    list of FilePart or None
        Two or more parts covering the file in order; None when the file should be loaded
        whole (not a splittable JSONL file, too small, unreadable: see the module docstring).
    """
    rows = PART_ROWS if rows is None else rows
    min_bytes = MIN_SPLIT_BYTES if min_bytes is None else min_bytes
    if not isinstance(rows, int) or rows < 1:
        raise ValueError(f"rows must be a positive int, got {rows!r}")
    p = Path(path)
    if EXTENSIONS.get(p.suffix.lower()) != "jsonl":
        return None
    try:
        size = os.stat(p).st_size
        if size < min_bytes or size > max_bytes:
            return None
        data = read_limited(str(p), max_bytes)
        if sniff(data) is not None or data.startswith(_OTHER_BOMS):
            return None
        check_text_bytes(data)
        text = data.decode("utf-8-sig")  # strict: a file needing a fallback is decoded whole
    except (OSError, FileProblem, UnicodeDecodeError):
        return None  # the whole-file loader reports it
    stripped = text.lstrip()
    # The whole-file forms of data.loaders.tabular.iter_jsonl: one array, or one object.
    if not stripped or stripped.startswith("[") or (
            stripped.startswith("{") and "\n{" not in stripped.strip()):
        return None
    del text, stripped
    if any(b in data for b in _OTHER_BREAKS) or data.count(b"\r") != data.count(b"\r\n"):
        return None
    parts: list[FilePart] = []
    start, line, pos, n = 0, 1, 0, len(data)
    find = data.find
    while start < n:
        pos, k = start, 0
        while k < rows:
            nl = find(b"\n", pos)
            if nl < 0:
                pos = n
                break
            pos, k = nl + 1, k + 1
        parts.append(FilePart(str(path), start, pos, line))
        line += rows
        start = pos
    return parts if len(parts) > 1 else None


def load_part(part: FilePart) -> Iterator:
    """Articles and errors of one part, exactly as ``load_path`` yields them for those lines.

    Never raises for bad input: a part that cannot be read (the file changed or vanished since
    it was split) is one ``LoadError`` naming the file and the lines.
    """
    from . import _row_articles
    from .tabular import iter_jsonl_lines

    source = str(Path(part.path))
    where = f"the part from line {part.first_line} (bytes {part.start}-{part.end})"
    try:
        with open(part.path, "rb") as fh:
            fh.seek(part.start)
            data = fh.read(part.size)
    except OSError as exc:
        yield LoadError(source, "not_found", f"cannot read {where}: {exc.strerror}")
        return
    try:
        if len(data) != part.size:
            raise UnicodeDecodeError("utf-8", data, 0, 0, "short read")
        # Only the first part can hold the file's BOM; the whole-file loader drops it the same way.
        text = data.decode("utf-8-sig" if part.start == 0 else "utf-8")
    except UnicodeDecodeError:
        yield LoadError(source, "no_article", f"the file changed while it was being loaded; {where} not loaded")
        return
    del data
    try:
        yield from _row_articles(iter_jsonl_lines(text, part.first_line), source, "jsonl", None, "line")
    except FileProblem as exc:
        yield LoadError(source, exc.code, exc.message)
    except Exception as exc:  # a bug must not stop the batch (as in load_path)
        yield LoadError(source, "no_article", f"loader failed: {type(exc).__name__}: {exc}")
