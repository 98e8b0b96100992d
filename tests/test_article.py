"""Article ids: stable over wrapping and case, and the chunked hash equals the plain one."""
from __future__ import annotations

import hashlib
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from data.article import Article, _chunks_at_whitespace, article_id, normalise_body


def plain_id(text: str) -> str:
    return hashlib.sha1(normalise_body(text).encode("utf-8")).hexdigest()[:16]


def chunked_id(text: str, size: int) -> str:
    h, sep = hashlib.sha1(), b""
    for chunk in _chunks_at_whitespace(text, size):
        words = unicodedata.normalize("NFKC", chunk).casefold().split()
        if words:
            h.update(sep + " ".join(words).encode("utf-8"))
            sep = b" "
    return h.hexdigest()[:16]


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("aB \n\tﬁéǄx\u0301")), max_size=80), size=st.integers(1, 9))
def test_chunked_hash_equals_hash_of_normalised_body(text, size):
    assert "".join(_chunks_at_whitespace(text, size)) == text
    assert chunked_id(text, size) == plain_id(text) == article_id(text)


def test_same_article_rewrapped_or_recased_keeps_its_id():
    a = "Armenia said Tuesday it is appealing\nfor Russia's military aid."
    b = "  armenia said tuesday it is appealing for\n\nRussia's military aid. "
    assert article_id(a) == article_id(b)
    assert article_id(a) != article_id(a + " More.")
    assert len(article_id(a)) == 16


def test_article_json_has_the_extract_contract_fields():
    art = Article(id="x", text="t", title="T", published="2021-11-16", credits=("AFP",))
    assert art.to_json() == {"title": "T", "published": "2021-11-16", "publisher": None, "url": None,
                             "credits": ["AFP"], "text": "t"}
