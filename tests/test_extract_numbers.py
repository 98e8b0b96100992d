"""Number parsing: digits, words, vague amounts, qualifiers, ranges (own sentences)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from data.extract.numbers import find_quantities, parse_number


def q(text):
    return [(text[x.start:x.end], x.value, x.low, x.high, x.qualifier) for x in find_quantities(text)]


@pytest.mark.parametrize("s,value", [
    ("2,000", 2000), ("1,234,567", 1234567), ("3.5", 3.5), ("1.5 million", 1500000),
    ("six", 6), ("Thirteen", 13), ("twenty-four", 24), ("ninety nine", 99),
    ("one hundred and twenty", 120), ("two thousand", 2000), ("a dozen", 12), ("dozens", 24),
    ("hundreds", 200), ("a hundred", 100), ("tens of thousands", 20000), ("a million", 1000000),
    ("1.500", 1500), ("12.000", 12000),
])
def test_parse_number(s, value):
    assert parse_number(s) == value


def test_parse_number_rejects_words_and_types():
    assert parse_number("soldiers") is None
    assert parse_number("") is None
    with pytest.raises(TypeError):
        parse_number(12)


@pytest.mark.parametrize("text,want", [
    ("The clashes cost more than 4,100 lives.", ("more than 4,100", 4100, 4100, None, "more_than")),
    ("over 300 fighters", ("over 300", 300, 300, None, "over")),
    ("At least eleven villagers", ("At least eleven", 11, 11, None, "at_least")),
    ("almost 900 families", ("almost 900", 900, None, 900, "nearly")),
    ("roughly 45 medics", ("roughly 45", 45, None, None, "around")),
    ("an estimated 8,000 people", ("an estimated 8,000", 8000, None, None, "around")),
    ("as many as 60 sappers", ("as many as 60", 60, None, 60, "up_to")),
    ("fewer than 20 officers", ("fewer than 20", 20, None, 20, "less_than")),
    ("between 70 and 80 conscripts", ("between 70 and 80", 70, 70, 80, "range")),
    ("from 5 to 9 shepherds", ("from 5 to 9", 5, 5, 9, "range")),
    ("25-30 reservists", ("25-30", 25, 25, 30, "range")),
    ("two or three doctors", ("two or three", 2, 2, 3, "range")),
    ("Dozens of volunteers", ("Dozens", 24, 24, 99, "range")),
    ("hundreds of thousands of refugees", ("hundreds of thousands", 200000, 200000, 999999, "range")),
    ("17 paramedics", ("17", 17, 17, 17, "exact")),
])
def test_qualifiers_and_bounds(text, want):
    assert q(text)[0] == want


def test_not_numbers():
    # glued to units or letters, money, percentages, times, model names, URL paths, ordinals
    for text in ["a 48-hour truce", "a seven-year term", "the Su-25 and T-72", "$40 million",
                 "12% of the vote", "at 10:30", "https://example.org/2024/05/07/page", "the 3rd brigade"]:
        assert [x for x in q(text) if x[1] in (48, 7, 25, 72, 40, 12, 10, 30, 2024, 5, 3)] == [], text


def test_verb_particle_is_not_a_qualifier():
    assert q("Baku handed over 12 detainees")[0][4] == "exact"
    assert q("Baku handed over 12 detainees")[0][0] == "12"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_offsets_on_any_text(text):
    for x in find_quantities(text):
        assert 0 <= x.start <= x.num_start < x.num_end <= x.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["more than", "12", "1,500", "twenty-one", "dozens", "of", "and",
                                 "between", "to", "soldiers", ",", "a dozen", "-", "ԱՐՑԱԽ", "😀"]),
                max_size=15))
def test_offsets_on_number_soup(words):
    text = " ".join(words)
    for x in find_quantities(text):
        assert text[x.num_start:x.num_end].strip() == text[x.num_start:x.num_end]
        assert parse_number(text[x.num_start:x.num_end].split(" to ")[0].split("-")[0]) is not None or x.qualifier == "range"


def test_a_growth_before_its_new_total_is_no_range():
    # "rose by 16 to 532": the total now is 532; "16 to 532" counts nothing
    assert [(x[0], x[1], x[4]) for x in q("the toll had risen by 16 to 532")] == [("532", 532, "exact")]
    assert [x[1] for x in q("numbers increased by 20,000 to 1.2 million")] == [1_200_000]
    # without a total after it the growth stays, and a range stays a range
    assert [x[1] for x in q("the toll rose by 16 on Monday")] == [16]
    assert [x[4] for x in q("between 16 to 20 people")] == ["range"]


def test_a_change_from_an_old_total_to_a_new_one_is_no_range():
    assert [(x[0], x[1], x[4]) for x in q("the death toll rose from 49 to 105")] == [("105", 105, "exact")]
    assert [x[1] for x in q("numbers climbed sharply from 10,000 to 25,000")] == [25_000]
    assert [x[4] for x in q("from 200 to 300 people fled")] == ["range"]


@pytest.mark.parametrize("text, want", [
    ('"Nearly 200 people were killed," he said.', ("Nearly 200", 200, "nearly")),
    ("“More than 40 soldiers died,” he said.", ("More than 40", 40, "more_than")),
    ("(about 30 people were hurt)", ("about 30", 30, "around")),
])
def test_a_qualifier_that_opens_a_quotation_or_bracket_still_bounds_its_number(text, want):
    assert [(s, v, qual) for s, v, _lo, _hi, qual in q(text)] == [want]


@pytest.mark.parametrize("text, want", [
    ("more than half a million people", ("more than half a million", 500000, 500000, None, "more_than")),
    ("half a million fled", ("half a million", 500000, 500000, 500000, "exact")),
    # a count that "passed" or "exceeded" a number is more than it
    ("the toll had passed 90,000", ("passed 90,000", 90000, 90000, None, "more_than")),
    ("deaths exceeded 1,000", ("exceeded 1,000", 1000, 1000, None, "more_than")),
])
def test_half_a_million_and_passing_a_number(text, want):
    assert q(text) == [want]
