"""Extraction never fails on odd input and always returns exact offsets (property-based)."""
from __future__ import annotations

import string

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data.extract import extract

KEYS = {"places", "figures", "actors", "dates", "quotes"}

# Words that trigger every rule family, mixed with arbitrary Unicode (Armenian, Azerbaijani,
# Cyrillic letters, emoji, control characters) so that random text reaches the rules.
TRIGGERS = ["Armenia", "Azerbaijan's", "Baku", "said", "killed", "more than", "2,000", "dozen",
            "Tuesday", "last November", "in 1991", "“", "”", "\"", "Nagorno-Karabakh", "the border",
            "soldiers", "Prime Minister", "Nikol Pashinyan", "wounded", "Hayastan", "Azərbaycan",
            "Հայաստան", "Азербайджан", "🇦🇲", "\x00", "\u200b", "\n\n", ". ", "according to", "TASS"]

random_text = st.lists(
    st.one_of(st.sampled_from(TRIGGERS), st.text(min_size=0, max_size=12),
              st.text(alphabet=string.digits + ",. ", max_size=8)),
    max_size=60,
).map(" ".join)
published = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))


def assert_valid(text: str, out: dict) -> None:
    assert set(out) == KEYS
    for kind in KEYS:
        assert isinstance(out[kind], list)
        for m in out[kind]:
            assert 0 <= m["start"] <= m["end"] <= len(text), (kind, m)
            if "surface" in m:
                assert text[m["start"]:m["end"]] == m["surface"], (kind, m)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=random_text, pub=published)
def test_random_text_gives_valid_records(text, pub):
    assert_valid(text, extract(text, pub))


def test_empty_and_whitespace_text():
    for text in ("", " ", "\n\n\n", "\x00\x01"):
        out = extract(text, "2021-11-16")
        assert_valid(text, out)
        assert all(out[k] == [] for k in ("figures", "dates", "quotes"))


def test_rejects_non_text_with_a_clear_error():
    try:
        extract(b"bytes", None)  # type: ignore[arg-type]
    except TypeError as exc:
        assert "text must be str" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("bytes must be rejected")


def test_large_text_runs_and_keeps_offsets():
    para = ("Azerbaijan's Defence Ministry said on Tuesday that at least 12 soldiers were killed near "
            "Shusha, while Yerevan put the toll at more than 20. “We will respond,” Nikol Pashinyan said. ")
    text = para * 20000  # ~3.6 MB: the 50 MB case is covered by the benchmark, this keeps CI fast
    out = extract(text, "2021-11-16")
    assert_valid(text, out)
    assert len(out["figures"]) >= 20000


@pytest.mark.timeout(120)
def test_run_on_text_without_sentence_ends_stays_linear():
    """A paste with no full stops is one 'sentence': per-mention look-ups must stay local.

    Quadratic look-ups took minutes on ~1 MB of such text; linear ones take about a second.
    """
    chunk = ("Azerbaijan's Defence Ministry said its troops were attacked near Shusha while Yerevan "
             "said its soldiers held the line and the State Border Service said 12 servicemen were wounded "
             "and Nikol Pashinyan said the border was quiet and ")
    text = chunk * 5000  # ~1.1 MB in one sentence
    out = extract(text, "2022-09-13")
    assert_valid(text, out)
    assert len(out["actors"]) >= 5000
