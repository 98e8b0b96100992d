"""Dates resolved against the publication date (own sentences; see dates.py for the rules)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from data.extract.dates import find_dates, parse_published, period_hints
from data.extract.sentences import split_sentences

PUB = "2023-03-08"  # a Wednesday


def got(text, pub=PUB):
    return [(d["surface"], d["date"]) for d in find_dates(text, split_sentences(text), pub)]


def dates_of(text, pub=PUB):
    return [d["date"] for d in find_dates(text, split_sentences(text), pub)]


@pytest.mark.parametrize("text,want", [
    ("Shelling resumed on Monday near the pass.", ["2023-03-06"]),
    ("Officials confirmed the exchange earlier Wednesday.", ["2023-03-08"]),
    ("The convoy was stopped Wednesday morning.", ["2023-03-08"]),
    ("A drone was downed last Wednesday.", ["2023-03-01"]),
    ("Talks resume next Friday.", ["2023-03-10"]),
    ("Thursday's strike hit a school.", ["2023-03-02"]),
    ("The envoy arrived yesterday.", ["2023-03-07"]),
    ("The envoy leaves today.", ["2023-03-08"]),
    ("A depot burned overnight.", ["2023-03-08"]),
    ("The blast happened 3 days ago.", ["2023-03-05"]),
])
def test_weekdays_and_relative_days(text, want):
    assert dates_of(text) == want


@pytest.mark.parametrize("text,want", [
    ("The truce was signed last October.", ["2022-10"]),
    ("The road was cut last February.", ["2023-02"]),
    ("Elections are due next April.", ["2023-04"]),
    ("Fighting flared in January.", ["2023-01"]),
    ("Fighting flared in September.", ["2022-09"]),
    ("The corridor has been shut since February 14.", ["2023-02-14"]),
    ("Prisoners were swapped on 21 December.", ["2022-12-21"]),
    ("The mission began on Oct. 3, 2022.", ["2022-10-03"]),
    ("The offensive of 19 September 2023 displaced thousands.", ["2023-09-19"]),
    ("The talks in June 2019 failed.", ["2019-06"]),
    ("The region declared independence in 1991.", ["1991"]),
    ("Skirmishes have continued since 1994.", ["1994"]),
    ("Between 1988 and 1994 the war raged.", ["1988", "1994"]),
    ("The report is dated 2022-11-30.", ["2022-11-30"]),
    ("Casualties mounted throughout last year.", ["2022"]),
    ("Prices doubled earlier this month.", ["2023-03"]),
    ("Aid was cut last month.", ["2023-02"]),
    ("Work resumes in mid-2024.", ["2024"]),
    ("Talks stalled in mid-January.", ["2023-01"]),
    ("The statement of 14.02.2023 was read out.", ["2023-02-14"]),
])
def test_months_and_years(text, want):
    assert dates_of(text) == want


def test_precision_is_kept():
    assert dates_of("It happened in May 2016.") == ["2016-05"]
    assert dates_of("It happened on May 5, 2016.") == ["2016-05-05"]


@pytest.mark.parametrize("text", [
    "The leaders may meet again, and we will see.",
    "They signed a five-year plan and a 2008 memorandum.",
    "The 2016 war and last year's war are remembered.",
    "Under the 1994 ceasefire both sides held their lines.",
    "A march through the capital drew crowds.",
    "See https://news.example.com/2021/04/11/story-2021 for more.",
    "Protesters may March to the border.",
    "The war of 2020 changed the map.",
])
def test_no_false_dates(text):
    assert [d for d in dates_of(text) if d] == []


def test_vague_spans_have_bounds_not_dates():
    recs = find_dates("Fighting eased last week and in recent days.", None, PUB)
    assert [r["date"] for r in recs] == [None, None]
    assert recs[0]["from"] == "2023-02-27" and recs[0]["to"] == "2023-03-05"


@pytest.mark.parametrize("text, pub, span", [
    ("Shelling intensified over the weekend.", PUB, ("2023-03-04", "2023-03-05")),   # a Wednesday: the one before
    ("Two soldiers died at the weekend.", "2023-03-05", ("2023-03-04", "2023-03-05")),  # written on the Sunday
    ("Shelling went on during the weekend.", "2023-03-04", ("2023-03-04", "2023-03-04")),  # not past publication
    ("Talks are planned this weekend.", PUB, ("2023-03-11", "2023-03-12")),  # a weekday: the one ahead
    ("He arrived last weekend.", "2023-03-05", ("2023-02-25", "2023-02-26")),  # at a weekend: the one before
])
def test_weekends_are_saturday_to_sunday_spans(text, pub, span):
    (rec,) = find_dates(text, None, pub)
    assert (rec["date"], rec["from"], rec["to"]) == (None, *span)


@pytest.mark.parametrize("text, want", [
    ("On September 19 Azerbaijan attacked. The next day the separatists surrendered.",
     [("September 19", "2022-09-19"), ("The next day", "2022-09-20")]),
    ("The talks on 5 October failed; two days later fighting resumed.",
     [("5 October", "2022-10-05"), ("two days later", "2022-10-07")]),
    ("Armenia said on Tuesday a soldier was wounded a day earlier.",
     [("Tuesday", "2023-03-07"), ("a day earlier", "2023-03-06")]),
    ("The village was shelled a day earlier.", []),  # no day named before it
    ("He arrived the day before yesterday.", [("the day before yesterday", "2023-03-06")]),
    # with a complement, "after" and "before" count from that event, not from the day named
    ("On Tuesday they agreed to disarm, a day after Azerbaijan launched its offensive.",
     [("Tuesday", "2023-03-07")]),
    ("The vote on 5 October came two days before the ceasefire.", [("5 October", "2022-10-05")]),
    ("A soldier was wounded on 5 October. He died the day after.",
     [("5 October", "2022-10-05"), ("the day after", "2022-10-06")]),
])
def test_day_offsets_count_from_the_last_day_named(text, want):
    assert [(r["surface"], r["date"]) for r in find_dates(text, None, PUB)] == want


def test_a_birth_date_is_a_reference_and_no_anchor():
    text = "Sergeant Aram Petrosyan (born on 3 May 1998) was wounded. He died two days later."
    got = [(r["surface"], r["date"], r["kind"]) for r in find_dates(text, None, PUB)]
    assert got == [("3 May 1998", "1998-05-03", "reference")]  # no day to count "two days later" from
    got = [(r["date"], r["kind"]) for r in find_dates("A conscript (born in 2001) was wounded.", None, PUB)]
    assert got == [("2001", "reference")]


def test_the_weekend_as_a_subject_is_no_date():
    assert find_dates("The weekend was calm.", None, PUB) == []


def test_overnight_with_a_named_day_is_not_repeated():
    text = "Troops clashed overnight on Sunday near the lake."
    assert dates_of(text) == ["2023-03-05"]


def test_dateline_is_publication():
    text = "Border clashes\n\nMarch 8, 2023\n\nTroops clashed on Monday."
    recs = find_dates(text, split_sentences(text), PUB)
    assert [(r["date"], r["kind"]) for r in recs] == [("2023-03-08", "publication"), ("2023-03-06", "event")]


def test_offsets_and_kind():
    text = "On Tuesday, and again on 2 March, shells fell."
    for r in find_dates(text, None, PUB):
        assert text[r["start"]:r["end"]] == r["surface"]
        assert r["kind"] == "event"


def test_without_publication_date_relative_dates_are_null():
    assert dates_of("It began on Tuesday, in April 2016.", None) == [None, "2016-04"]


def test_published_validation():
    assert parse_published("2021-11-16T10:00:00") .isoformat() == "2021-11-16"
    with pytest.raises(ValueError, match="published"):
        find_dates("x", None, "16/11/2021")
    with pytest.raises(TypeError):
        find_dates(None, None, PUB)


def test_period_hints_for_figures():
    text = "The 2020 war and last year's fighting killed thousands."
    assert [h[2] for h in period_hints(text, 0, len(text), PUB)] == ["2020", "2022"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_gives_valid_records(text):
    for r in find_dates(text, None, PUB):
        assert text[r["start"]:r["end"]] == r["surface"]
        assert r["date"] is None or len(r["date"]) in (4, 7, 10)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["on", "Monday", "last", "November", "13", "2021", ",", "in", "1991",
                                 "May", "yesterday", "overnight", "since", "week", "the", "treaty",
                                 "Ղարաբաղ", "Qarabağ", "\x00", "🙂", "-", "31", "February"]), max_size=20))
def test_date_word_soup(words):
    text = " ".join(words)
    for r in find_dates(text, None, "2024-02-29"):
        assert text[r["start"]:r["end"]] == r["surface"]
        if r["date"] and len(r["date"]) == 10:
            assert r["date"] <= "2024-02-29" or "next" in r["surface"].lower()


def test_future_cues_resolve_forward():
    assert dates_of("The envoys will meet on Friday.") == ["2023-03-10"]
    assert dates_of("A vote is scheduled for April 2.") == ["2023-04-02"]
    assert dates_of("The road reopened on April 2.") == ["2022-04-02"]
    assert dates_of("Elections will be held in November.") == ["2023-11"]


@pytest.mark.parametrize("text, want", [
    ("Baku accused Yerevan of escalating tensions ahead of snap elections on June 20.", ["2023-06-20"]),
    ("Ahead of the vote on June 20, the ministry said nothing.", ["2023-06-20"]),
    # "head of" is no cue, and a weekday "ahead of" may be past
    ("The head of the commission met him on June 20.", ["2022-06-20"]),
    ("Troops massed ahead of the offensive on Monday.", ["2023-03-06"]),
])
def test_a_day_that_something_is_ahead_of_is_upcoming(text, want):
    assert dates_of(text) == want


@pytest.mark.parametrize("text, want", [
    ("Armenia must hand over the district by Sunday.", ["2023-03-12"]),
    ('Talks on "reintegration" are to begin in Yevlakh on Thursday.', ["2023-03-09"]),
    # an inference about the past, and blame, are no plan
    ("Soldiers must have died on Sunday.", ["2023-03-05"]),
    ("Armenia is to blame for the attack on Sunday, Baku said.", ["2023-03-05"]),
    ("Troops must withdraw by Dec. 1 under the deal.", ["2023-12-01"]),
])
def test_must_and_is_to_look_ahead(text, want):
    assert dates_of(text) == want


def test_agency_datelines_and_page_furniture():
    text = "TBILISI, March 8 (Reuters) - Troops clashed on Monday."
    recs = find_dates(text, split_sentences(text), PUB)
    assert [(r["date"], r["kind"]) for r in recs] == [("2023-03-08", "publication"), ("2023-03-06", "event")]
    text = "Updated: 9 March 2023\n\nTroops clashed on Monday."
    assert dates_of(text) == ["2023-03-06"]


@pytest.mark.parametrize("text,want", [
    ("The blockade began a year ago.", [("a year ago", "2022")]),
    ("Four months ago the road was closed.", [("Four months ago", "2022-11")]),
    ("The war lasted from October 3 to December 1, 2021.",
     [("October 3", "2021-10-03"), ("December 1, 2021", "2021-12-01")]),
    ("Talks ran from December 28 to January 4, 2022.",
     [("December 28", "2021-12-28"), ("January 4, 2022", "2022-01-04")]),
    ("Last Wednesday's strike hit a depot.", [("Last Wednesday", "2023-03-01")]),
    ("In the spring of 2016, fighting broke out.", [("2016", "2016")]),
    ("The treaty of 1921 is still cited.", []),
])
def test_ago_ranges_and_seasons(text, want):
    assert got(text) == want


@pytest.mark.parametrize("text,want", [
    # the longest prefixes each kind of anchor allows still resolve (windows are per kind)
    ("The post was hit the day before yesterday.", ["2023-03-06"]),
    ("Two posts changed hands at the beginning of February.", ["2023-02"]),
    ("Fighting flared in mid-2020 and again in early 2021.", ["2020", "2021"]),
    ("The report of 2021-05-12 was updated on 14.06.2021.", ["2021-05-12", "2021-06-14"]),
    ("Shelling resumed earlier Tuesday.", ["2023-03-07"]),
])
def test_long_prefixes(text, want):
    assert [d for d in dates_of(text) if d] == want


@pytest.mark.parametrize("text,kind", [
    ("Print this page 8 March 2023, 16:05 Shelling resumed near the pass.", "publication"),
    ("GYUMRI, Armenia, March 8. Shelling resumed near the pass.", "publication"),
    ("STEPANAKERT, MARCH 8, NEWS. Shelling resumed near the pass.", "publication"),
    ("Shelling resumed on 8 March 2023, 16:05 local time, near the pass.", "event"),
])
def test_page_furniture_and_datelines(text, kind):
    recs = find_dates(text, split_sentences(text), PUB)
    assert [(d["date"], d["kind"]) for d in recs] == [("2023-03-08", kind)]


@pytest.mark.parametrize("text,want", [
    ("The post was shelled on 21/02/2023 at night.", [("21/02/2023", "2023-02-21")]),
    ("The post was shelled on 21-02-2023 at night.", [("21-02-2023", "2023-02-21")]),
    ("A US-style 02/21/2023 is not read.", []),
    ("The siege of 3 January - 9 February 2022 ended.",
     [("3 January", "2022-01-03"), ("9 February 2022", "2022-02-09")]),
])
def test_slash_and_dash_dates_and_dash_ranges(text, want):
    recs = find_dates(text, split_sentences(text), PUB)
    assert [(d["surface"], d["date"]) for d in recs] == want
    assert all(d["kind"] == "event" for d in recs)


@pytest.mark.parametrize("text,want", [
    # published Wednesday 2023-03-08: "Thursday" alone would be 2023-03-02
    ("The strike came on Thursday, February 23, at dawn.", ["2023-02-23", "2023-02-23"]),
    ("The strike came on Thursday (23 February).", ["2023-02-23", "2023-02-23"]),
    ("On Thursday, officials said 3 died.", ["2023-03-02"]),
])
def test_weekday_next_to_a_date_takes_it(text, want):
    assert dates_of(text) == want


@pytest.mark.parametrize("text,want", [
    # AP style: "Sept. 27" is a day even after a preposition that can also take a bare month
    ("Shelling has continued since Sept. 27, the ministry said.", [("Sept. 27", "2022-09-27")]),
    ("The corridor stays shut until Oct. 5, officials said.", [("Oct. 5", "2022-10-05")]),
    ("Troops had to withdraw by Dec. 1 under the deal.", [("Dec. 1", "2022-12-01")]),
    ("The truce held from Jan. 12, 2021, until the spring.", [("Jan. 12, 2021", "2021-01-12")]),
    ("The statement of Aug. 31 listed the dead.", [("Aug. 31", "2022-08-31")]),
    ("The envoy met both leaders on Feb. 6 in Brussels.", [("Feb. 6", "2023-02-06")]),
    ("Nov. 14 marked a year since the war ended.", [("Nov. 14", "2022-11-14")]),
    ("Fighting broke out on Sep. 13 near the border.", [("Sep. 13", "2022-09-13")]),
    # the full stop ends a sentence: the next sentence's number is not a day
    ("The villagers fled in Sept. The army said 27 people were missing.", [("Sept.", "2022-09")]),
    ("Aid arrived in Sept. 27 trucks crossed later.", [("Sept", "2022-09")]),
    ("Convoys moved in mid-Sept. 27 trucks crossed later.", [("mid-Sept", "2022-09")]),
])
def test_ap_abbreviated_months_keep_the_day(text, want):
    assert got(text) == want


@pytest.mark.parametrize("text,want", [
    ("Clashes on 19 and 20 September killed 12 soldiers.",
     [("19", "2022-09-19"), ("20 September", "2022-09-20")]),
    ("Clashes on September 19 and 20 killed 12 soldiers.",
     [("September 19", "2022-09-19"), ("20", "2022-09-20")]),
    ("The offensive on 27-28 September displaced thousands.",
     [("27", "2022-09-27"), ("28 September", "2022-09-28")]),
    ("The offensive on Sept. 27-28 displaced thousands.",
     [("Sept. 27", "2022-09-27"), ("28", "2022-09-28")]),
    ("Talks were held on Nov. 9 and 10, 2020, in Moscow.",
     [("Nov. 9", "2020-11-09"), ("10, 2020", "2020-11-10")]),
    ("Talks were held on 9th and 10th of November 2020 in Moscow.",
     [("9th", "2020-11-09"), ("10th of November 2020", "2020-11-10")]),
    ("Shells fell on the 27th and 28th of September near the town.",
     [("27th", "2022-09-27"), ("28th of September", "2022-09-28")]),
    ("The Sept. 27-28 strikes hit Stepanakert.",
     [("Sept. 27", "2022-09-27"), ("28", "2022-09-28")]),
])
def test_two_days_sharing_a_month_give_two_dates(text, want):
    recs = find_dates(text, split_sentences(text), PUB)
    assert [(r["surface"], r["date"]) for r in recs] == want
    assert all(text[r["start"]:r["end"]] == r["surface"] and r["kind"] == "event" for r in recs)


@pytest.mark.parametrize("text,want", [
    # "and"/"to" then a number that counts something: not a second day
    ("On September 19 and 20 soldiers were wounded.", [("September 19", "2022-09-19")]),
    ("Shelling on Sept. 27 and 28 Armenian soldiers were captured.", [("Sept. 27", "2022-09-27")]),
    # days out of order are not a pair of days
    ("The September 28-3 split is a typo.", [("September 28-3", "2022-09-28")]),
])
def test_second_day_needs_to_look_like_one(text, want):
    assert got(text) == want


def test_two_days_figures_do_not_take_the_first_day():
    from data.extract import extract
    text = "Clashes on 19 and 20 September killed 12 soldiers, the ministry said."
    figs = extract(text, published=PUB)["figures"]
    assert [f["value"] for f in figs] == [12]


@pytest.mark.parametrize("text,want", [
    ("The deal was signed Sept. 27, '20, in Moscow.", [("Sept. 27, '20", "2020-09-27")]),
    ("The deal was signed Sept. 27, ’94, in Moscow.", [("Sept. 27, ’94", "1994-09-27")]),
])
def test_two_digit_year_after_month_and_day(text, want):
    assert got(text, "2022-10-10") == want


@pytest.mark.parametrize("text,pub,want", [
    # a deadline a few weeks after publication is upcoming, not almost a year ago
    ("Armenia is to return the district by Nov. 20 and the next one by Dec. 1.", "2020-11-10",
     ["2020-11-20", "2020-12-01"]),
    ("The checkpoint stays closed until Jan. 15, officials said.", "2022-12-20", ["2023-01-15"]),
    # far ahead, or without a deadline word, the most recent such day stays the reading
    ("The road was closed until Oct. 15.", "2023-03-08", ["2022-10-15"]),
    ("The road reopened on April 2.", "2023-03-08", ["2022-04-02"]),
])
def test_deadlines_without_a_year_look_ahead(text, pub, want):
    assert dates_of(text, pub) == want


@pytest.mark.parametrize("text,want", [
    # a sentence that ends on a month and a next one that opens with a count
    ("Refugees arrived in the province last September. 5,226 servicemen were moved.",
     [("last September", "2022-09")]),
    ("Shelling has continued since Sept. 5,226 people have fled.", [("Sept", "2022-09")]),
])
def test_month_at_sentence_end_does_not_take_the_next_number(text, want):
    assert got(text) == want


@pytest.mark.parametrize("text,want", [
    ("Armenian forces have held the district since '94, officials said.", [("'94", "1994")]),
    ("The town changed hands in ’20 and again last year.", [("in ’20", "2020"), ("last year", "2022")]),
    # attributive, a decade, a quote mark or no temporal word: not a year
    ("The '94 ceasefire held for decades.", []),
    ("Songs of the '90s played on the radio.", []),
    ("He said '20 soldiers died' and left.", []),
])
def test_two_digit_years_after_a_temporal_word(text, want):
    assert got(text, "2023-03-08") == want


def test_two_digit_years_need_the_publication_year():
    assert got("The district has been held since '94.", None) == []


def test_two_digit_attributive_year_is_a_period_hint():
    text = "The '94 ceasefire left 30 soldiers dead."
    assert [h[2] for h in period_hints(text, 0, len(text), "2023-03-08")] == ["1994"]
    assert period_hints(text, 0, len(text), None) == []


@pytest.mark.parametrize("text, want", [
    ("Hamas attacked on Oct. 7 last year.", [("Oct. 7 last year", "2022-10-07")]),
    ("The war began on 27 September last year.", [("27 September last year", "2022-09-27")]),
    ("It happened in March last year.", [("March last year", "2022-03")]),
    ("Talks are set for May 5 next year.", [("May 5 next year", "2024-05-05")]),
    ("It happened on March 3 this year.", [("March 3 this year", "2023-03-03")]),
    # a year written out stays; "last year's war" is an era, not the date's year
    ("In May 2022, last year's war began.", [("In May 2022", "2022-05")]),
])
def test_a_day_without_a_year_takes_the_year_word_after_it(text, want):
    assert got(text) == want


@pytest.mark.parametrize("text, want", [
    ("Attacks killed one person over the past day, the governor said.", ("the past day", "2024-11-03", "2024-11-04")),
    ("Russia lost 1,270 troops in the past 24 hours.", ("the past 24 hours", "2024-11-03", "2024-11-04")),
])
def test_a_daily_report_s_past_day_is_a_span_up_to_publication(text, want):
    from data.extract import extract

    got = [(d["surface"], d.get("from"), d.get("to")) for d in extract(text, "2024-11-04")["dates"]]
    assert got == [want]
    assert extract("On the last day of talks, 5 soldiers were killed.", "2024-11-04")["dates"] == []


@pytest.mark.parametrize("text, want", [
    # a day without a year after a date with one, in the same sentence: that date's story
    ("The 44-day war, which began on September 27, 2020, ended on November 10 with a ceasefire.",
     ["2020-09-27", "2020-11-10"]),
    # the nearest year to that date, forwards or backwards
    ("Fighting raged from Dec. 20, 2022 until Jan. 5, and again on Feb. 3.",
     ["2022-12-20", "2023-01-05", "2023-02-03"]),
    ("He was killed on Nov. 8, 2020, weeks after he was wounded on Oct. 1.", ["2020-11-08", "2020-10-01"]),
    # the next sentence is the article's own time again
    ("Since the ceasefire of November 10, 2020, 300 soldiers have died. On Feb. 3, the ministry said "
     "more died.", ["2020-11-10", "2023-02-03"]),
    # a year alone anchors nothing, nor does a birth date
    ("The 2020 war ended on Nov. 10.", ["2022-11-10"]),
    ("Sergeant Aram Petrosyan, born on May 5, 2001, was killed on Oct. 1.", ["2001-05-05", "2022-10-01"]),
    # the day of a report is today's; a running period's start tells no story
    ("Russia has lost 696,850 troops since its invasion on Feb. 24, 2022, the General Staff reported on "
     "Nov. 4.", ["2022-02-24", "2022-11-04"]),
    ("Russia has lost 696,850 troops since its invasion on Feb. 24, 2022, including 1,270 on Nov. 4.",
     ["2022-02-24", "2022-11-04"]),
])
def test_a_day_without_a_year_takes_the_year_of_a_dated_day_in_its_sentence(text, want):
    got = find_dates(text, split_sentences(text), "2023-03-06")
    assert [d["date"] for d in got if len(d["date"] or "") == 10] == want


def test_a_day_that_opens_a_running_period_is_no_anchor_for_day_offsets():
    text = ("Troops clashed on Thursday, the worst fighting since the incursion began on March 1. "
            "Two days earlier a soldier was wounded.")
    got = [(r["surface"], r["date"]) for r in find_dates(text, None, PUB)]
    # Thursday before PUB (Wednesday 2023-03-08) is 2023-03-02: two days before it, not before March 1
    assert got == [("Thursday", "2023-03-02"), ("March 1", "2023-03-01"), ("Two days earlier", "2023-02-28")]


@pytest.mark.parametrize("text, pub, want", [
    ("The war last autumn killed 5,000 people.", "2021-01-12", "2020"),
    ("Fighting erupted last summer.", "2021-09-20", "2021"),
    ("Fighting erupted last summer.", "2021-05-20", "2020"),
    ("This spring, 40 were killed.", "2021-04-02", "2021"),
    ("Talks resume next spring.", "2021-09-01", "2022"),
])
def test_last_this_next_season_is_its_year(text, pub, want):
    assert dates_of(text, pub) == [want]


def test_a_season_s_war_is_an_era_not_a_date():
    assert dates_of("The deal ended this autumn's war.", "2020-11-25") == []


def test_mourning_declared_from_a_weekday_starts_on_the_next_one():
    from data.extract import extract

    got = lambda t: [d["date"] for d in extract(t, "2024-09-03")["dates"]]  # noqa: E731 (a Tuesday)
    assert got("He declared three days of mourning in the region from Wednesday.") == ["2024-09-04"]
    assert got("The strike on Wednesday killed five people.") == ["2024-08-28"]


@pytest.mark.parametrize("published, want", [
    ("2021-05-20", "2021-05-13"),  # the feed saved the story a week later
    ("2021-05-14", "2021-05-13"),  # published the next day
    ("2021-08-20", "2021-08-19"),  # months apart: the dateline is no filing day, the weekday counts from publication
])
def test_a_weekday_counts_from_the_dateline_s_day(published, want):
    from data.extract import extract

    text = ("Azerbaijani troops cross into Armenia\n\nYEREVAN, May 13 (Reuters) - Azerbaijani soldiers crossed "
            "into southern Armenia, Prime Minister Nikol Pashinyan said on Thursday.")
    days = [d["date"] for d in extract(text, published)["dates"] if d["surface"] == "Thursday"]
    assert days == [want]


@pytest.mark.parametrize("published, dateline, want_day, want_friday", [
    ("2024-10-03", "Oct 4", "2024-10-04", "2024-10-04"),  # a day ahead of the feed's date
    ("2024-12-31", "Jan 1", "2025-01-01", "2024-12-27"),  # ahead across the new year
    ("2024-10-01", "Oct 4", "2023-10-04", "2024-09-27"),  # three days ahead: no filing day, a year back
])
def test_a_dateline_a_day_ahead_of_the_feed_is_that_day(published, dateline, want_day, want_friday):
    from data.extract import extract

    text = (f"Gang attack kills dozens\n\nPORT-AU-PRINCE, {dateline} (AP) — Gunmen killed at least 70 "
            "people in the town, the UN human rights office said Friday.")
    days = {d["surface"]: d["date"] for d in extract(text, published)["dates"]}
    assert days[dateline] == want_day
    assert days["Friday"] == want_friday


@pytest.mark.parametrize("text, want", [
    ("Talks are planned during the holy month of Ramadan, which begins in early April.", "2022-04"),
    ("The mandate of the mission expires in June.", "2022-06"),
    ("The offensive began in April.", "2021-04"),  # past tense: the last April
    ("The holy month begins in February.", "2022-02"),  # a month not after publication stays past
])
def test_a_fixed_calendar_s_present_tense_names_the_coming_month(text, want):
    assert dates_of(text, "2022-03-12") == [want]


def test_a_future_cue_may_stand_far_before_the_weekday():
    # "are due to take place in the town of Yevlakh on Thursday", published on a Wednesday
    assert dates_of("Talks with Azerbaijani officials are due to take place in the town of Yevlakh on "
                    "Thursday.", "2023-09-20") == ["2023-09-21"]
    assert dates_of("The talks took place in the town of Yevlakh on Thursday.", "2023-09-20") == ["2023-09-14"]


def test_a_story_datelined_the_day_before_publication_was_updated_on_that_day():
    text = ("KYIV, April 13 (AP) - Two missiles struck Sumy on Sunday.\n\nRussia's Defense Ministry "
            "said on Monday that it had struck a meeting of commanders.")
    assert got(text, "2025-04-14") == [("April 13", "2025-04-13"), ("Sunday", "2025-04-13"),
                                       ("Monday", "2025-04-14")]
    # a week later in the feed, the dateline's week still rules
    assert got(text, "2025-04-20")[-1] == ("Monday", "2025-04-07")


@pytest.mark.parametrize("text", [
    "Jan Egeland, head of the Norwegian Refugee Council, said aid was blocked.",
    "The freed hostages included Almog Meir Jan and Andrey Kozlov.",
    "August Kowalski was among the monitors.",
])
def test_a_bare_month_word_inside_a_name_is_no_date(text):
    assert got(text) == []


def test_a_bare_month_alone_is_still_a_month():
    assert dates_of("The talks resumed in Jan. Fighting flared again in August.", "2024-06-08") == ["2024-01", "2023-08"]


@pytest.mark.parametrize("text, want", [
    ("Armenia faces a snap parliamentary election on June 20.", ["2021-06-20"]),
    ("Pashinyan called snap elections for June 20.", ["2021-06-20"]),
    # a day that a "since" opens stays past, whatever the clause faces
    ("The village faces shelling since June 20.", ["2020-06-20"]),
])
def test_a_day_a_few_days_ahead_that_an_election_faces(text, want):
    assert dates_of(text, "2021-06-13") == want


@pytest.mark.parametrize("text, want", [
    # a day a few days after publication is this year's, not the same day a year ago
    ("The governor declared April 18 a day of mourning.", ["2024-04-18"]),
    ("Shelling on April 30 killed 5.", ["2023-04-30"]),
    ("Fighting since April 20 killed 5.", ["2023-04-20"]),
])
def test_a_day_in_the_coming_week_is_this_year_s(text, want):
    assert dates_of(text, "2024-04-17") == want


def test_a_timeline_paragraph_gives_its_year_to_the_dates_written_without_one():
    text = ("Timeline of the conflict\n\n2016: In April, four days of fighting killed up to 200 soldiers.\n\n"
            "2020: On 27 September, Azerbaijan launched an offensive. A ceasefire took effect on Nov. 10.\n\n"
            "Fighting resumed on Sept. 13, the ministry said.")
    assert dates_of(text, "2023-10-05") == ["2016-04", "2020-09-27", "2020-11-10", "2023-09-13"]
