"""JSONL and CSV dumps: one article per line or row."""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path

from ._bytes import FileProblem

#: Columns with a meaning; anything else is kept in ``Article.meta``.
KNOWN = ("id", "text", "title", "published", "url", "publisher", "credits")
#: Other names dumps give those columns (data: ``columns.json``), field -> aliases in order.
ALIASES: dict[str, tuple[str, ...]] = {
    field: tuple(a.lower() for a in names)
    for field, names in json.loads((Path(__file__).resolve().parent / "columns.json").read_text("utf-8")).items()
    if not field.startswith("_")
}
#: Names other dumps give the article text.
TEXT_LIKE = ALIASES["text"]
_FIELD_OF = {alias: field for field, names in ALIASES.items() for alias in names}


class AmbiguousColumns(ValueError):
    """Two or more columns could be the article text, and none is named 'text'."""


def text_hint(names) -> str:
    """'': or the advice to rename the column among ``names`` that looks like the text."""
    for name in names:
        if str(name).strip().lower() in TEXT_LIKE:
            return f"; '{str(name).strip()}' looks like the article text: rename it to 'text'"
    return ""


def column_fields(names) -> dict:
    """Which field each of ``names`` is read as: ``{name: field}`` for the names that are read.

    A name that is a field (``text``) wins over aliases of that field (``body``); among aliases
    the one listed first in ``columns.json`` is read and the others are kept as extra fields.

    Raises
    ------
    AmbiguousColumns
        When no name is ``text`` and two or more are aliases of it ('body' and 'content').
    """
    fields: dict = {}
    lower = {name: str(name).strip().lower() for name in names}
    for name, low in lower.items():
        if low in KNOWN:
            fields[name] = low
    taken = set(fields.values())
    found: dict[str, list] = {}
    for name, low in lower.items():
        field = _FIELD_OF.get(low)
        if field and field not in taken and low not in KNOWN:
            found.setdefault(field, []).append(name)
    for field, cands in found.items():
        if field == "text" and len(cands) > 1:
            listed = " and ".join(repr(str(c).strip()) for c in cands)
            raise AmbiguousColumns(f"{listed} could each be the article text; rename the one that is to 'text'")
        order = ALIASES[field]
        fields[min(cands, key=lambda c: order.index(lower[c]))] = field
    return fields


def _split(record: dict, fields: dict | None = None) -> tuple[dict, dict]:
    if fields is None:
        fields = column_fields(record)
    known, extra = {}, {}
    for key, value in record.items():
        field = fields.get(key)
        if field is not None:
            known[field] = value
        else:
            extra[str(key).strip()] = value
    if "id" in known and known["id"] not in (None, ""):
        extra["id"] = str(known["id"])  # the dump's own id; Article.id stays the content hash
    return known, extra


def iter_jsonl(text: str):
    """Yield ``(n, known, extra)`` per record or ``(n, None, message)`` per bad line.

    A ``.json`` file holding one array (or ``{"articles": [...]}``) is read the same way.
    """
    yield from read_jsonl(text)[1]


def read_jsonl(text: str):
    """``(unit, rows)``: what N counts (``line`` of JSONL, ``item`` of one JSON array or object)
    and the rows of :func:`iter_jsonl`.

    Raises
    ------
    FileProblem
        ``bad_row`` for a file that is one JSON array and is not valid JSON.
    """
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise FileProblem("bad_row", f"invalid JSON array: {exc}") from None
        lines = [(n, r) for n, r in enumerate(records, start=1)]
        unit = "item"
    elif stripped.startswith("{") and "\n{" not in stripped.strip():
        try:
            obj = json.loads(stripped)
            inner = obj.get("articles") or obj.get("items") if isinstance(obj, dict) else None
            lines = list(enumerate(inner if isinstance(inner, list) else [obj], start=1))
        except json.JSONDecodeError:
            lines = None
        unit = "item"
        if lines is None:
            lines, unit = _jsonl_lines(text), "line"
    else:
        lines, unit = _jsonl_lines(text), "line"
    return unit, _records(lines, unit)


def iter_jsonl_lines(text: str, first_line: int = 1):
    """Like :func:`iter_jsonl` for one-object-per-line text that starts at line ``first_line``.

    Used for a part of a JSONL file (:mod:`data.loaders.parts`): the whole-file forms (one array,
    one object) are decided by the caller, never guessed from a part.
    """
    return _records(_jsonl_lines(text, first_line), "line")


def _records(lines, unit: str):
    """``(n, known, extra)`` per object; ``unit`` ('line' or 'item') names N in messages."""
    for n, obj in lines:
        if isinstance(obj, str):  # an undecodable line
            yield n, None, obj
        elif not isinstance(obj, dict):
            # "item": the wording data.pipeline's tests and users' logs already rely on
            yield n, None, f"item {n} is a JSON {type(obj).__name__}, expected an object"
        else:
            try:
                known, extra = _split(obj)
            except AmbiguousColumns as exc:
                yield n, None, f"{unit} {n}: {exc}"
                continue
            yield n, known, extra


def _jsonl_lines(text: str, first_line: int = 1):
    # A generator, so that a big dump is never held parsed in full next to its text.
    loads, error = json.loads, json.JSONDecodeError
    for lineno, line in enumerate(text.splitlines(), start=first_line):
        if not line or line.isspace():
            continue
        try:
            yield lineno, loads(line)
        except error as exc:
            yield lineno, f"line {lineno} is not valid JSON: {exc.msg} at column {exc.colno}"


_TSV_ESCAPE_RE = re.compile(r"\\([ntr\\])")
_TSV_ESCAPES = {"n": "\n", "t": "\t", "r": "", "\\": "\\"}


def _unescape_tsv(value):
    r"""Line breaks of a TSV cell written as ``\n`` (the text/tab-separated-values convention of
    database exports, since a field cannot hold a real one); other values unchanged."""
    if not isinstance(value, str) or "\\n" not in value or "\n" in value:
        return value
    return _TSV_ESCAPE_RE.sub(lambda m: _TSV_ESCAPES[m.group(1)], value)


def iter_csv(text: str, *, tsv: bool = False, max_field: int = 50 * 1024 * 1024):
    """Yield ``(n, known, extra)`` per row or ``(n, None, message)`` for a malformed row.

    Raises
    ------
    FileProblem
        ``missing_columns`` when there is no ``text`` column.
    """
    if csv.field_size_limit() < max_field:
        csv.field_size_limit(min(max_field, sys.maxsize))
    if tsv:
        dialect = csv.excel_tab
    else:
        try:
            dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t|")
        except csv.Error:
            dialect = csv.excel
        if not dialect.doublequote and not dialect.escapechar:
            # The Sniffer often misses doubled quotes (Excel's '""' inside a quoted field). With no
            # escape character either, a quote inside a field could not be written at all, so
            # doubling is the only reading that makes sense.
            dialect.doublequote = True
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next(reader)
    except StopIteration:
        raise FileProblem("empty_file", "CSV has no header row") from None
    except csv.Error as exc:
        raise FileProblem("missing_columns", f"unreadable CSV header: {exc}") from None
    names = [h.strip() for h in header]
    if names:
        names[0] = names[0].lstrip("\ufeff")  # a BOM left by a tool that wrote one into the text
    try:
        fields = column_fields(names)
    except AmbiguousColumns as exc:
        raise FileProblem("missing_columns", f"CSV has no 'text' column; {exc}") from None
    if "text" not in fields.values():
        raise FileProblem(
            "missing_columns",
            f"CSV has no 'text' column; found {names}; expected 'text' (or one of "
            f"{list(TEXT_LIKE)}) and optionally 'id', 'title', 'published', 'url', 'publisher'")
    by_pos = {i: fields[n] for i, n in enumerate(names) if n in fields}
    n = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            n += 1
            yield n, None, f"row {n} is malformed: {exc}"
            return  # the reader cannot resync after a broken quote
        n += 1
        if not any(cell.strip() for cell in row):
            continue
        known, extra = {}, {}
        for i, (name, cell) in enumerate(zip(names, row)):
            if i in by_pos:
                known[by_pos[i]] = cell
            else:
                extra[name] = cell
        if len(row) > len(names):
            extra["_extra_cells"] = row[len(names):]
        if tsv:
            for field in ("text", "title"):
                if field in known:
                    known[field] = _unescape_tsv(known[field])
        if known.get("id") not in (None, ""):
            extra["id"] = str(known["id"])
        yield n, known, extra
