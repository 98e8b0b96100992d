"""Turn article files into :class:`data.article.Article` records.

``load_path(path)`` handles one file or a folder and never raises for bad input: it yields a
:class:`LoadError` for each file or item that cannot be loaded, and a warning-level
``LoadError`` (``decode_fallback``, ``bad_date``) right after an article that loaded with a
problem, so a caller can log both. A warning is reported that way only, not also in the
article's ``meta``, so that it is logged once. ``load_text(text, ...)`` builds one article from
pasted text.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from pathlib import Path
from typing import Any, Iterator

from data.article import Article, article_id

from . import clean as _clean
from ._bytes import DEFAULT_MAX_BYTES, EXTENSIONS, FileProblem, check_text_bytes, decode, read_limited, sniff
from .dateline import AmbiguousDate, metadata_date
from .errors import CODES, LoadError
from .publishers import canonical_publisher, publisher_for_url, publisher_from_links

__all__ = ["load_path", "load_text", "LoadError", "CODES", "DEFAULT_MAX_BYTES", "KINDS", "normalise_date"]

KINDS = ("txt", "pdf", "html", "rss", "jsonl", "csv", "paste")
_FRONT_KEYS = ("title", "published", "url", "publisher")


def normalise_date(value: Any) -> str | None:
    """``YYYY-MM-DD`` for a date-like value, None when empty.

    Accepts dates, ISO strings, '16 Nov 2021', '2023/10/05', '19/09/2023' (when the day is over
    12), '20230919' and Unix times (see :func:`data.loaders.dateline.metadata_date`).

    Raises
    ------
    ValueError
        When ``value`` is not empty and holds no full calendar date, or one that can be read
        two ways ('09/10/2023').
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.strftime("%Y-%m-%d")
    try:
        iso = metadata_date(value)
    except AmbiguousDate as exc:
        raise ValueError(f"published {value!r} is ambiguous: {exc}; write it as YYYY-MM-DD") from None
    if iso is None:
        raise ValueError(f"published must be a date such as '2021-11-16', got {value!r}")
    return iso


def load_text(text: str, *, title: str | None = None, published: str | None = None,
              url: str | None = None, publisher: str | None = None, source: str | None = None,
              kind: str = "paste", credits=None, meta: dict | None = None) -> Article:
    """Clean pasted (or already extracted) text into an Article.

    Explicit metadata wins over what is detected in the text; the publisher falls back to the
    known-site table for ``url``, then for links inside the text (only their site, never their
    URL or date).

    Parameters
    ----------
    text : str
        Article text, possibly hard-wrapped, with title and dateline on top.
    title, published, url, publisher : str, optional
        Known metadata. ``published`` is any full date ('2021-11-16', 'Nov. 16, 2021').
    source : str, optional
        Where the text came from.
    kind : str
        One of :data:`KINDS`.
    credits : sequence of str, optional
        Known credits; otherwise taken from trailing credit lines.
    meta : dict, optional
        Extra fields kept with the article.

    Raises
    ------
    TypeError, ValueError
        For a non-string ``text``, an unknown ``kind``, a bad ``published`` or a text with no
        body left after cleaning.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, got {kind!r}")
    published = normalise_date(published)
    title = _opt_str(title)
    c = _clean.clean(text, title=title)
    if not c.text.strip():
        raise ValueError("text has no article body left after removing boilerplate" if text.strip()
                         else "text is empty")
    url = _opt_str(url)
    # One outlet, one name: "AP News", "AP" and "The Associated Press" are the same source.
    publisher = (canonical_publisher(_opt_str(publisher)) or publisher_for_url(url)
                 or publisher_from_links(c.links))
    if credits is None or isinstance(credits, str):
        credits = [credits] if isinstance(credits, str) and credits.strip() else c.credits
    meta = dict(meta or {})
    body, bio = _clean.drop_author_bio(c.text, [meta.get("author"), publisher])
    return Article(
        id=article_id(body),
        text=body,
        title=c.title,
        published=published or c.published,
        publisher=publisher,
        url=url,
        credits=tuple(str(x).strip() for x in credits if str(x).strip()),
        source=source,
        kind=kind,
        removed=tuple(c.removed) + ((bio,) if bio else ()),
        meta=meta,
    )


def _opt_str(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def load_path(path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Article | LoadError]:
    """Load one file or every file under a folder.

    Parameters
    ----------
    path : str or os.PathLike
        A file (kind from its content, else its extension) or a folder (recursive, sorted,
        hidden files and folders skipped).
    max_bytes : int
        Files larger than this are refused with ``too_large`` (checked with ``stat``).

    Yields
    ------
    Article or LoadError
        One Article per article; a LoadError per file or item that failed, and a warning
        LoadError (``is_warning``) after an article that loaded with a problem.
    """
    if not isinstance(max_bytes, int) or max_bytes <= 0:
        raise ValueError(f"max_bytes must be a positive int, got {max_bytes!r}")
    p = Path(path)
    if p.is_dir():
        for file in _walk(p):
            yield from _load_file(file, max_bytes)
    else:
        yield from _load_file(p, max_bytes)


def _walk(root: Path):
    """Every non-hidden file under ``root``, sorted by path relative to it."""
    files = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        files.extend(Path(dirpath) / n for n in filenames if not n.startswith("."))
    return sorted(files, key=lambda f: f.relative_to(root).parts)


def _load_file(path: Path, max_bytes: int) -> Iterator[Article | LoadError]:
    source = str(path)
    try:
        yield from _dispatch(path, source, max_bytes)
    except FileProblem as exc:
        yield LoadError(source, exc.code, exc.message)
    except Exception as exc:  # a bug or a library failure must not stop the batch
        yield LoadError(source, "no_article", f"loader failed: {type(exc).__name__}: {exc}")


def _dispatch(path: Path, source: str, max_bytes: int):
    ext = path.suffix.lower()
    if not path.exists():
        raise FileProblem("not_found", f"no such file or folder: {source}")
    data = read_limited(source, max_bytes)
    kind = sniff(data) or EXTENSIONS.get(ext)
    if kind is None:
        raise FileProblem(
            "unsupported_type",
            f"cannot tell the type of {path.name!r}; supported extensions: {sorted(EXTENSIONS)}")
    if kind == "pdf":
        yield from _load_pdf(data, source)
        return
    check_text_bytes(data)
    if kind == "html":
        yield from _load_html(data, source)
        return
    if kind == "rss":
        yield from _load_feed(data, source)
        return
    text, warning = decode(data)
    del data  # a 50 MB file should not be held twice while it is cleaned
    if not text.strip():
        raise FileProblem("empty_file", "file has only whitespace")
    if kind == "txt":
        yield from _load_txt(text, source, warning)
    else:
        yield from _load_rows(text, source, kind, ext, warning, max_bytes)


def _with_warning(article: Article, source: str, warning: str | None, date_problem: str | None = None):
    yield article
    if warning:
        yield LoadError(source, "decode_fallback", warning)
    if date_problem:
        yield LoadError(source, "bad_date", date_problem)


def _front_matter(text: str) -> tuple[str, dict]:
    """Split a leading ``---`` / ``key: value`` / ``---`` header off a text file."""
    if not text.startswith("---\n") and not text.startswith("---\r\n"):
        return text, {}
    end = text.find("\n---", 4)
    if end < 0 or end > 4000:
        return text, {}
    fields = {}
    for line in text[4:end].splitlines():
        key, sep, value = line.partition(":")
        if not sep or not key.strip():
            return text, {}  # not a header after all
        value = value.strip()
        fields[key.strip().lower()] = {"true": True, "false": False}.get(value.lower(), value)
    rest = text[end + 4:]
    return rest[rest.find("\n") + 1:] if "\n" in rest else "", fields


def _load_txt(text: str, source: str, warning: str | None):
    text, fields = _front_matter(text)
    known = {k: fields.pop(k) for k in _FRONT_KEYS if k in fields}
    known, date_problem = _safe_known(known, fields)
    try:
        article = load_text(text, source=source, kind="txt", meta=fields, **known)
    except ValueError as exc:
        raise FileProblem("no_article", str(exc)) from None
    yield from _with_warning(article, source, warning, date_problem)


def _safe_known(known: dict, meta: dict) -> tuple[dict, str | None]:
    """Known metadata with an unreadable ``published`` moved to ``meta["published_raw"]``.

    Returns
    -------
    tuple
        ``(fields, problem)``: ``problem`` says why the date was not read (for a ``bad_date``
        warning), else None.
    """
    raw = known.get("published")
    out = {k: (None if v is None else str(v)) for k, v in known.items() if k != "published"}
    problem = None
    if raw is not None and not (isinstance(raw, str) and not raw.strip()):
        try:
            # The raw value, not its str(): a JSON number is a Unix time.
            out["published"] = normalise_date(raw)
        except ValueError as exc:
            meta["published_raw"] = raw if isinstance(raw, str) else str(raw)
            problem = f"{exc}; the article is kept without a publication date"
    return out, problem


def _load_pdf(data: bytes, source: str):
    from .pdf import parse_pdf

    got = parse_pdf(data)
    try:
        article = load_text(got["text"], source=source, kind="pdf", meta=got["meta"])
    except ValueError as exc:
        raise FileProblem("no_article", str(exc)) from None
    # PDF info titles are often file names ("Microsoft Word - x.docx"); prefer the text's.
    if article.title is None and got["title"] and "." not in got["title"][-6:]:
        article = _replace(article, title=got["title"])
    yield article


def _load_html(data: bytes, source: str):
    from .html import parse_html

    got = parse_html(data)
    c = _clean.clean(got["text"], title=got["title"], detect_title=got["title"] is None)
    if not _has_sentence(c.text):
        # trafilatura falls back to any text it finds (menus, footers): without one sentence
        # of prose there is no article on the page.
        raise FileProblem("no_article", "the page has no article text (no paragraph with a sentence)")
    # The known-site table names the outlet of a known URL; og:site_name ("BBC News") is only
    # mapped to that name, so that one outlet is one source.
    publisher = (publisher_for_url(got["url"]) or canonical_publisher(got["sitename"])
                 or publisher_from_links(c.links))
    credits = list(c.credits)
    credits += [a for a in _clean.byline_credits(got["meta"].get("byline") or "") if a not in credits]
    text, bio = _clean.drop_author_bio(c.text, [got["meta"].get("author"), publisher, got["sitename"]])
    article = Article(
        id=article_id(text), text=text, title=c.title,
        published=got["published"] or c.published,
        publisher=publisher,
        url=got["url"], credits=tuple(credits), source=source, kind="html",
        removed=tuple(c.removed) + ((bio,) if bio else ()), meta=got["meta"],
    )
    yield article


def _load_feed(data: bytes, source: str):
    from .feed import parse_feed

    items, problems = parse_feed(data)
    bad = dict(problems)
    total = max([i["n"] for i in items] + list(bad) + [0])
    by_n = {i["n"]: i for i in items}
    for n in range(1, total + 1):
        src = f"{source}#{n}"
        if n in bad:
            yield LoadError(src, "no_article", bad[n])
            continue
        it = by_n[n]
        publisher = canonical_publisher(it["publisher"]) or publisher_for_url(it["url"]) or it["feed_title"]
        try:
            yield load_text(it["text"], title=it["title"], published=it["published"], url=it["url"],
                            publisher=publisher, source=src, kind="rss", meta=it["meta"])
        except ValueError as exc:
            yield LoadError(src, "no_article", f"item {n}: {exc}")


def _load_rows(text: str, source: str, kind: str, ext: str, warning: str | None, max_bytes: int):
    from .tabular import iter_csv, read_jsonl

    if kind == "csv":
        rows = iter_csv(text, tsv=ext == ".tsv", max_field=max_bytes)
        unit = "row"
    else:
        unit, rows = read_jsonl(text)  # one JSON array numbers its items; JSONL numbers lines
    yield from _row_articles(rows, source, kind, warning, unit)


# Markup in a dump's text: a tag, or a character reference ("&amp;", "&#39;"). A bare "&" or
# "<" in prose is neither.
_MARKUP_RE = re.compile(
    r"<(?:/?(?:p|br|div|span|a|b|i|em|strong|ul|ol|li|h[1-6]|blockquote|figure|figcaption|hr|table|tr|td)\b[^>]*|!--)>?"
    r"|&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});",
)


def _unmarkup(value, block: bool):
    """Plain text of a dump field holding HTML tags or entities; other values unchanged."""
    if not isinstance(value, str) or not _MARKUP_RE.search(value):
        return value
    from .html import html_to_text

    text = html_to_text(value)
    return text if block else " ".join(text.split())


def _row_articles(rows, source: str, kind: str, warning: str | None, unit: str = "row"):
    """Articles (or ``bad_row`` errors) for ``(n, known, extra)`` rows of one file.

    Shared by whole files and by parts of a file (:mod:`data.loaders.parts`), so both give the
    same articles and the same ``FILE#N`` sources. ``unit`` names N in messages: ``row`` (CSV),
    ``line`` (JSONL) or ``item`` (a JSON array).
    """
    for n, known, extra in rows:
        src = f"{source}#{n}"
        if known is None:
            yield LoadError(src, "bad_row", extra)
            continue
        body = known.get("text")
        if not isinstance(body, str) or not body.strip():
            from .tabular import text_hint
            yield LoadError(src, "bad_row", f"{unit} {n} has no 'text' (a non-empty string is required)"
                            + (text_hint(extra) if "text" not in known else ""))
            continue
        credits = known.get("credits")
        if isinstance(credits, str):
            credits = [c.strip() for c in credits.split(";") if c.strip()]
        elif not isinstance(credits, list):
            credits = None
        meta = dict(extra)
        fields, date_problem = _safe_known({k: known.get(k) for k in _FRONT_KEYS}, meta)
        # Dumps scraped from web pages keep their markup: '&#39;', '&amp;', '<br><br>'.
        body = _unmarkup(body, block=True)
        if fields.get("title"):
            fields["title"] = _unmarkup(fields["title"], block=False)
        try:
            article = load_text(body, source=src, kind=kind, credits=credits, meta=meta, **fields)
        except ValueError as exc:
            yield LoadError(src, "bad_row", f"{unit} {n}: {exc}")
            continue
        yield article
        if date_problem:
            yield LoadError(src, "bad_date", date_problem)
    if warning:  # one warning for the file, not one per row
        yield LoadError(source, "decode_fallback", warning)


_SENTENCE_END_RE = re.compile(r"[.!?…][\"”’)]*(?:\s|$)")


def _has_sentence(text: str) -> bool:
    """True when a paragraph of ``text`` has five or more words and ends a sentence."""
    return any(len(par.split()) >= 5 and _SENTENCE_END_RE.search(par) for par in text.split("\n\n"))


def _replace(article: Article, **changes) -> Article:
    from dataclasses import replace

    return replace(article, **changes)
