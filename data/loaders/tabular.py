"""JSONL and CSV dumps: one article per line or row."""
from __future__ import annotations

import csv
import io
import json
import sys

from ._bytes import FileProblem

#: Columns with a meaning; anything else is kept in ``Article.meta``.
KNOWN = ("id", "text", "title", "published", "url", "publisher", "credits")
#: Names other dumps give the article text. Not read as the text (the contract names 'text',
#: and a guess could load the wrong field); a file that has one is told to rename it.
TEXT_LIKE = ("body", "content", "article", "article_text", "full_text", "fulltext", "story",
             "maintext", "text_body", "body_text")


def text_hint(names) -> str:
    """'': or the advice to rename the column among ``names`` that looks like the text."""
    for name in names:
        if str(name).strip().lower() in TEXT_LIKE:
            return f"; '{str(name).strip()}' looks like the article text: rename it to 'text'"
    return ""


def _split(record: dict) -> tuple[dict, dict]:
    known, extra = {}, {}
    for key, value in record.items():
        k = str(key).strip()
        if k.lower() in KNOWN:
            known[k.lower()] = value
        else:
            extra[k] = value
    if "id" in known and known["id"] not in (None, ""):
        extra["id"] = str(known["id"])  # the dump's own id; Article.id stays the content hash
    return known, extra


def iter_jsonl(text: str):
    """Yield ``(n, known, extra)`` per record or ``(n, None, message)`` per bad line.

    A ``.json`` file holding one array (or ``{"articles": [...]}``) is read the same way.
    """
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            records = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise FileProblem("bad_row", f"invalid JSON array: {exc}") from None
        lines = [(n, r) for n, r in enumerate(records, start=1)]
    elif stripped.startswith("{") and "\n{" not in stripped.strip():
        try:
            obj = json.loads(stripped)
            inner = obj.get("articles") or obj.get("items") if isinstance(obj, dict) else None
            lines = list(enumerate(inner if isinstance(inner, list) else [obj], start=1))
        except json.JSONDecodeError:
            lines = None
        if lines is None:
            lines = _jsonl_lines(text)
    else:
        lines = _jsonl_lines(text)
    yield from _records(lines)


def iter_jsonl_lines(text: str, first_line: int = 1):
    """Like :func:`iter_jsonl` for one-object-per-line text that starts at line ``first_line``.

    Used for a part of a JSONL file (:mod:`data.loaders.parts`): the whole-file forms (one array,
    one object) are decided by the caller, never guessed from a part.
    """
    return _records(_jsonl_lines(text, first_line))


def _records(lines):
    for n, obj in lines:
        if isinstance(obj, str):  # an undecodable line
            yield n, None, obj
        elif not isinstance(obj, dict):
            yield n, None, f"item {n} is a JSON {type(obj).__name__}, expected an object"
        else:
            known, extra = _split(obj)
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
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next(reader)
    except StopIteration:
        raise FileProblem("empty_file", "CSV has no header row") from None
    except csv.Error as exc:
        raise FileProblem("missing_columns", f"unreadable CSV header: {exc}") from None
    names = [h.strip() for h in header]
    if "text" not in [h.lower() for h in names]:
        raise FileProblem(
            "missing_columns",
            f"CSV has no 'text' column; found {names}; expected 'text' and optionally "
            "'id', 'title', 'published', 'url', 'publisher'" + text_hint(names))
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
        record = dict(zip(names, row))
        if len(row) > len(names):
            record["_extra_cells"] = row[len(names):]
        known, extra = _split(record)
        yield n, known, extra
