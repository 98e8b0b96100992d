"""Sentence splitting (own sentences): abbreviations, initials, dates and datelines."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings, strategies as st

from data.extract.sentences import split_sentences


def parts(text):
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize("text,want", [
    ("Fighting began on Sept. 27 near Fizuli. It ended Nov. 10.",
     ["Fighting began on Sept. 27 near Fizuli.", "It ended Nov. 10."]),
    ("Lt. Col. Aliyev said 5 died. Maj.-Gen. Muradov agreed.",
     ["Lt. Col. Aliyev said 5 died.", "Maj.-Gen. Muradov agreed."]),
    ("Envoy A. Petrosyan met the U.S. delegation. Talks ended.",
     ["Envoy A. Petrosyan met the U.S. delegation.", "Talks ended."]),
    ("He served until 1994. 12 soldiers died.", ["He served until 1994.", "12 soldiers died."]),
    ("Killed: 5. Wounded: 12.", ["Killed: 5.", "Wounded: 12."]),
    ("The clash began on 12.09.2022 at dawn. It lasted two days.",
     ["The clash began on 12.09.2022 at dawn.", "It lasted two days."]),
    ("Some approx. 300 people fled.", ["Some approx. 300 people fled."]),
    ("Title line\n\nBody starts here. Ends here.", ["Title line", "Body starts here.", "Ends here."]),
    ("", []),
])
def test_split(text, want):
    assert parts(text) == want


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab. \n?!\"'A1Ա😀")), max_size=200))
def test_spans_are_stripped_ordered_and_inside(text):
    prev = 0
    for a, b in split_sentences(text):
        assert prev <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()
        prev = b


def test_one_long_paragraph_is_linear():
    text = "Officials said 5 soldiers died near the pass. " * 60_000  # ~2.7 MB, one paragraph
    t0 = time.process_time()
    assert len(split_sentences(text)) == 60_000
    assert time.process_time() - t0 < 10
