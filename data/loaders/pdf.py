"""PDF files via pypdf: text per page, encrypted and corrupt files reported, not raised."""
from __future__ import annotations

import io
import logging
import re

from ._bytes import FileProblem

# pypdf logs every oddity of a damaged file at WARNING; our LoadError already says what happened.
logging.getLogger("pypdf").setLevel(logging.ERROR)

_KV_RE = re.compile(r"(?:^|[;,])\s*([A-Za-z_]\w*)\s*=\s*([^;,]+)")


def parse_pdf(data: bytes) -> dict:
    """Text and document info of a PDF.

    Returns
    -------
    dict
        ``text`` (pages joined by newlines), ``title`` (document info, may be None), ``meta``.

    Raises
    ------
    FileProblem
        ``pdf_corrupt``, ``pdf_encrypted`` or ``no_article`` (no extractable text, e.g. a scan).
    """
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception as exc:  # pypdf raises many types for damaged files
        raise FileProblem("pdf_corrupt", f"not a readable PDF: {type(exc).__name__}: {exc}") from None
    if encrypted:
        # Many PDFs are encrypted only against editing, with an empty user password.
        try:
            ok = reader.decrypt("")
        except (DependencyError, NotImplementedError) as exc:
            raise FileProblem("pdf_encrypted", f"encrypted PDF that needs a decryption library: {exc}") from None
        except Exception as exc:
            raise FileProblem("pdf_encrypted", f"encrypted PDF: {exc}") from None
        if not ok:
            raise FileProblem("pdf_encrypted", "encrypted PDF: a password is needed to read it")
    pages = []
    try:
        for page in reader.pages:
            try:
                # Layout mode keeps blank lines between paragraphs, which plain mode loses.
                pages.append(page.extract_text(extraction_mode="layout") or "")
            except (FileNotDecryptedError, DependencyError):
                raise
            except Exception:
                pages.append(page.extract_text() or "")
    except (FileNotDecryptedError, DependencyError) as exc:
        raise FileProblem("pdf_encrypted", f"encrypted PDF: {exc}") from None
    except (PdfReadError, Exception) as exc:
        raise FileProblem("pdf_corrupt", f"cannot read PDF pages: {type(exc).__name__}: {exc}") from None
    text = "\n".join(pages)
    if not text.strip():
        raise FileProblem("no_article", f"no extractable text in {len(pages)} page(s) (a scanned image?)")
    meta: dict = {"pages": len(pages)}
    title = None
    try:
        info = reader.metadata or {}
        title = (info.get("/Title") or "").strip() or None
        for key in ("/Subject", "/Keywords", "/Author"):
            if info.get(key):
                meta[key[1:].lower()] = str(info[key])
        # 'key=value' keywords ("sample=true; lang=en") become metadata fields of their own.
        for m in _KV_RE.finditer(meta.get("keywords", "")):
            value = m.group(2).strip()
            meta.setdefault(m.group(1).lower(), {"true": True, "false": False}.get(value.lower(), value))
    except Exception:  # broken info dictionary: the text is what matters
        pass
    return {"text": text, "title": title, "meta": meta}
