"""Casualty, troop and displacement figures (own sentences; actor/place records built by hand)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from data.extract.dates import find_dates
from data.extract.figures import find_figures
from data.extract.sentences import split_sentences

PUB = "2022-06-10"
KEYS = {"start", "end", "surface", "value", "low", "high", "qualifier", "category", "actor",
        "claimed_by", "date", "place"}


def recs(text, spec):
    """Records for each (surface, name, type, country) at every whole-word occurrence."""
    out = []
    for surface, name, typ, cc in spec:
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            out.append({"start": m.start(), "end": m.end(), "surface": surface, "name": name,
                        "type": typ, "country": cc, "role": None, "kind": typ})
    return out


def figs(text, actors=(), places=(), pub=PUB):
    sents = split_sentences(text)
    dates = find_dates(text, sents, pub)
    return find_figures(text, sents, recs(text, actors), recs(text, places), dates, pub)


def vc(text, **kw):
    return [(f["value"], f["category"]) for f in figs(text, **kw) if f["category"] != "other"]


@pytest.mark.parametrize("text,want", [
    # verbs after the counted noun
    ("Eight sappers were killed by a mine.", [(8, "killed")]),
    ("Nineteen conscripts were injured in the blast.", [(19, "wounded")]),
    ("Six shepherds were taken captive near the river.", [(6, "captured")]),
    ("Two border guards went missing overnight.", [(2, "missing")]),
    ("Some 3,000 villagers were evacuated.", [(3000, "displaced")]),
    # verbs and nouns before the number
    ("The strike killed 27 people and injured at least 40.", [(27, "killed"), (40, "wounded")]),
    ("The official death toll has risen to 312.", [(312, "killed")]),
    ("The battle claimed the lives of some 90 fighters.", [(90, "killed")]),
    ("The army lost 14 servicemen in the ambush.", [(14, "killed")]),
    ("Contact has been lost with 6 soldiers.", [(6, "missing")]),
    ("The sides exchanged 11 prisoners of war.", [(11, "prisoners")]),
    # the noun names the category
    ("The bombardment left 35 dead and 80 injured.", [(35, "killed"), (80, "wounded")]),
    ("Officials counted 41 civilian deaths.", [(41, "killed")]),
    ("A war that cost 9,000 lives ended.", [(9000, "killed")]),
    ("About 2,500 peacekeepers patrol the zone.", [(2500, "peacekeepers")]),
    ("The country keeps 5,000 troops at its base.", [(5000, "troops")]),
    ("The ministry deployed 700 soldiers to the frontier.", [(700, "troops")]),
    ("Some 400 hostages remain.", [(400, "hostages")]),
    ("A 3,000-strong peacekeeping contingent was sent.", [(3000, "peacekeepers")]),
    # coordination and parentheses
    ("Five Georgian and two Turkish engineers died in the crash.", [(5, "killed"), (2, "killed")]),
    ("Three medics and a driver were killed.", [(3, "killed"), (1, "killed")]),  # as "a local official"
    ("Two reporters and a local official were wounded.", [(2, "wounded"), (1, "wounded")]),
    ("At least 60 people, including 12 children, were killed.", [(60, "killed"), (12, "killed")]),
    ("Shells killed four civilians and wounded a fifth.", [(4, "killed"), (1, "wounded")]),
    ("An elderly woman was killed by shrapnel.", [(1, "killed")]),
    ("Gunfire killed a shepherd.", [(1, "killed")]),
    ("The toll rose to 52, up from an earlier figure of 47.", [(52, "killed"), (47, "killed")]),
    # a part of the figure before it, other clauses' verbs, captivity
    ("The toll climbed to 64, including nine children.", [(64, "killed"), (9, "killed")]),
    ("Eight people, including a 70-year-old man, were injured.", [(8, "wounded")]),
    ("Three people died and 14 were hospitalised.", [(3, "killed"), (14, "wounded")]),
    ("About 80 civilians are still held by the navy.", [(80, "prisoners")]),
    ("Some 600 villagers are listed as missing.", [(600, "missing")]),
    ("The fate of 391 Armenians remains unknown.", [(391, "missing")]),  # "remains", the verb
    ("Six people - four police officers and two civilians - were killed.",
     [(6, "killed"), (4, "killed"), (2, "killed")]),  # a parenthesis between dashes
    ("Six people—four of them soldiers—died.", [(6, "killed"), (4, "killed")]),
    # one named person, as defence ministries report each casualty
    ("Serviceman Aram Petrosyan received a gunshot wound.", [(1, "wounded")]),
    ("Soldier Elvin Mammadov was killed by sniper fire.", [(1, "killed")]),
    ("Soldier Elvin Mammadov said the post was calm.", []),
    ("Junior Sergeant Aram Petrosyan (born 1998) received a gunshot wound.", [(1, "wounded")]),
    ("Captain Elvin Mammadov was killed.", [(1, "killed")]),  # ranks are soldiers
    # a list naming the people a figure counts adds none
    ("Three servicemen of the Azerbaijan Army, Private Elvin Huseynov, Corporal Tural Mammadov and "
     "Sergeant Nijat Ismayilov, were killed.", [(3, "killed")]),
    ("Two soldiers died, and Sergeant Nijat Ismayilov was wounded.", [(2, "killed"), (1, "wounded")]),
    ("Two soldiers (both conscripts) were killed.", [(2, "killed")]),  # a short bracket
    ("The team captain was injured in a match.", []),
    ("Two of the wounded later died in hospital.", [(2, "killed")]),  # what became of them
    ("The hospital received 160 wounded and 30 dead.", [(160, "wounded"), (30, "killed")]),
    ("One of the soldiers killed was 19.", [(1, "killed")]),  # the 19 is an age
    ("The number killed was 45.", [(45, "killed")]),
    ("Those wounded were 12.", [(12, "wounded")]),
    # the subject of an active casualty verb did it
    ("A soldier killed two attackers.", [(2, "killed")]),
    ("Three soldiers killed two attackers.", [(3, "troops"), (2, "killed")]),
    ("Three soldiers killed the day before were buried.", [(3, "killed")]),  # a time, no object
    ("Thousands of residents fled their villages.", [(2000, "displaced")]),  # a place, no victim
    # a complement of place between the counted noun and its verb
    ("About 2,750 residents of border villages in Syunik and Gegharkunik provinces had been evacuated.",
     [(2750, "displaced")]),
    ("Twelve civilians in frontline towns were wounded.", [(12, "wounded")]),
    # the same people restated between commas
    ("Five soldiers, about half of the unit, were killed.", [(5, "killed")]),
    # a figure with a verb of its own after "and" is not about the casualty word before it
    ("75 people had been injured and 39 people had been rescued.", [(75, "wounded")]),
    ("The bodies of 35 servicemen have been recovered.", [(35, "killed")]),
    # a toll's number after a long complement
    ("The death toll from a missile strike on an apartment building in the central Ukrainian city "
     "of Dnipro rose to 40 on Sunday.", [(40, "killed")]),
    ("Officials said a soldier was killed a day earlier.", [(1, "killed")]),  # passive: no object
    ("Officer John Smith shot the attacker.", []),
    ("The whereabouts of 40 soldiers remain unknown.", [(40, "missing")]),
    ("Azerbaijan handed over the remains of 12 servicemen.", [(12, "killed")]),
    ("A 19-year-old conscript was shot dead.", [(1, "killed")]),
    ("The remains of 340 soldiers were handed over.", [(340, "killed")]),
    ("Border guards detained 4 soldiers.", [(4, "captured")]),
    ("At least 33 Armenians remain in Azerbaijani custody.", [(33, "prisoners")]),
    ("Two employees of the Mine Action Agency (ANAMA) were killed.", [(2, "killed")]),
    ("Police took 75 protesters into custody.", []),  # "into custody" counts soldiers only
    ("The number of victims in the region has reached 57.", [(57, "killed")]),
    ("The number of detainees held in Tbilisi is estimated at 30.", [(30, "prisoners")]),
    ("About 100 peacekeepers guard the bridge, while a further 250 are in the town.",
     [(100, "peacekeepers"), (250, "peacekeepers")]),
])
def test_categories(text, want):
    assert vc(text) == want


@pytest.mark.parametrize("text", [
    "The ceasefire of 1994 held for a 26-year period.",
    "Troops advanced 4.5 kilometres in a three-day push.",
    "The fighting lasted 44 days and destroyed 20 tanks.",
    "Prices rose 30 percent and the budget reached $2 billion.",
    "The rebels seized six villages and dozens of homes.",
    "Resolution 853 was adopted by the council.",
    "The president, 47, signed a 10-year deal in 2021.",
    "An official said an attack had taken place.",
    "He was one of 16 people who signed the letter.",
    "A soldier said the post was quiet.",
    "The sergeant, 23, died in hospital.",
    "Police detained 75 protesters in the capital.",
])
def test_never_casualty_figures(text):
    assert vc(text) == []


def test_populations_are_other():
    got = figs("The blockade left some 90,000 residents without gas.")
    assert [(f["value"], f["qualifier"], f["category"]) for f in got] == [(90000, "around", "other")]


def test_fleeing_across_a_border_is_refugees():
    places = [("Iran", "Iran", "country", "IR")]
    assert vc("More than 5,000 people fled to Iran.", places=places) == [(5000, "refugees")]
    assert vc("More than 5,000 people fled their homes.") == [(5000, "displaced")]
    # a casualty word ending with its preposition
    places = [("Armenia", "Armenia", "country", "AM"), ("Goris", "Goris", "city", "AM")]
    assert vc("Some 100,417 people have arrived in Armenia.", places=places) == [(100417, "refugees")]
    assert vc("Some 5,000 people have arrived in Goris.", places=places) == [(5000, "displaced")]


def test_record_shape_and_offsets():
    text = "Officials said nearly 1,200 soldiers were wounded."
    (f,) = figs(text)
    assert set(f) == KEYS
    assert text[f["start"]:f["end"]] == f["surface"] == "nearly 1,200 soldiers"
    assert (f["value"], f["low"], f["high"], f["qualifier"]) == (1200, None, 1200, "nearly")


STATES = [("Georgia", "Georgia", "state", "GE"), ("Georgian", "Georgia", "state", "GE"),
          ("Turkish", "Turkey", "state", "TR"), ("Tbilisi", "Georgia", "state", "GE"),
          ("Ankara", "Turkey", "state", "TR"), ("Turkey", "Turkey", "state", "TR")]


def test_side_from_demonym_in_the_noun_phrase():
    got = figs("Five Georgian and two Turkish engineers died.", actors=STATES)
    assert [(f["value"], f["actor"]) for f in got] == [(5, "Georgia"), (2, "Turkey")]


def test_side_from_force_record_maps_to_state():
    actors = STATES + [("Turkish peacekeepers", "Turkish peacekeepers", "armed_force", "TR")]
    text = "Almost 900 Turkish peacekeepers arrived."
    got = figs(text, actors=actors)
    assert [(f["category"], f["actor"]) for f in got] == [("peacekeepers", "Turkey")]


def test_side_from_possessive_and_claimant():
    actors = STATES + [("Georgia's Interior Ministry", "Ministry of Internal Affairs of Georgia",
                        "organisation", "GE")]
    text = "Georgia's Interior Ministry said 12 of its officers were wounded."
    (f,) = figs(text, actors=actors)
    assert (f["value"], f["category"], f["actor"]) == (12, "wounded", "Georgia")
    assert f["claimed_by"] == "Ministry of Internal Affairs of Georgia"


def test_each_clause_has_its_own_claimant():
    text = "Ankara put its losses at 9 soldiers, while Tbilisi raised its toll to 15."
    got = figs(text, actors=STATES)
    assert [(f["value"], f["category"], f["actor"], f["claimed_by"]) for f in got] == [
        (9, "killed", "Turkey", "Turkey"), (15, "killed", "Georgia", "Georgia")]


def test_a_death_toll_with_a_long_complement_still_gives_its_number():
    assert vc("The death toll from the missile strike on the city rose to 45, including six children.") == [
        (45, "killed"), (6, "killed")]
    assert vc("The death toll from Saturday's attack in the eastern part of the city has risen to 12.") == [
        (12, "killed")]
    # another clause between the toll and its number cuts the link
    assert vc("The toll from the shelling that began when the talks failed rose to 40.") == []


ARM_AZE = [("Armenia", "Armenia", "state", "AM"), ("Armenian", "Armenia", "state", "AM"),
           ("Azerbaijani", "Azerbaijan", "state", "AZ")]


def test_a_toll_that_names_its_side():
    for text, side in (("Armenia's death toll rose to 3,825.", "Armenia"),
                       ("The Armenian military death toll stands at 3,825.", "Armenia"),
                       ("The death toll among Azerbaijani soldiers reached 2,908.", "Azerbaijan"),
                       ("The number of Azerbaijani servicemen killed has risen to 2,908.", "Azerbaijan"),
                       # the demonym of the strike names the attacker, not the dead
                       ("The death toll from the Azerbaijani strike on the town rose to 12.", None)):
        (f,) = figs(text, actors=ARM_AZE)
        assert (f["category"], f["actor"]) == ("killed", side), text


def test_a_named_soldier_counts_one_of_the_side_before_the_noun():
    got = figs("Armenian soldier Aram Petrosyan was killed on Tuesday.",
               actors=[("Armenian", "Armenia", "state", "AM")])
    assert [(f["surface"], f["value"], f["category"], f["actor"]) for f in got] == [
        ("Armenian soldier Aram Petrosyan", 1, "killed", "Armenia")]


def test_the_side_of_a_named_side_is_its_state():
    got = figs("The Turkish side lost 5 soldiers, the ministry said.", actors=STATES)
    assert [(f["value"], f["actor"]) for f in got] == [(5, "Turkey")]


def test_troops_a_state_deploys_are_its_side():
    got = figs("Turkey has massed 10,000 troops near the border, and Georgia sent a 500-strong force.",
               actors=STATES)
    assert [(f["value"], f["category"], f["actor"]) for f in got] == [(10000, "troops", "Turkey"),
                                                                       (500, "troops", "Georgia")]
    # only soldiers: refugees a state sends back are not its side
    assert [f["actor"] for f in figs("Turkey sent 300 refugees back.", actors=STATES)] == [None]


def test_a_subordinate_clause_takes_its_own_trailing_attribution():
    # The main clause's figure is the ministry's; the "when" clause's figures are the tally
    # its trailing "according to" names. Without the earlier attribution, the trailing one
    # covers the whole sentence.
    actors = [("Gaza's health ministry", "Ministry of Health (Gaza)", "organisation", "PS"),
              ("Israeli", "Israel", "state", "IL"), ("the ministry", "Ministry", "organisation", None)]
    text = ("Gaza's health ministry says more than 42,000 people have been killed since October 2023, "
            "when gunmen attacked Israel, killing about 1,200 people and taking 251 hostages, "
            "according to Israeli tallies.")
    assert [(f["value"], f["claimed_by"]) for f in figs(text, actors=actors)] == [
        (42000, "Ministry of Health (Gaza)"), (1200, "Israel"), (251, "Israel")]
    text = "Three soldiers were killed when shelling hit the post, according to Israeli officials."
    assert [f["claimed_by"] for f in figs(text, actors=actors)] == ["Israel"]


def test_reports_a_body_denies_are_not_its_claim():
    actors = [("Turkish Defence Ministry", "Ministry of Defence of Turkey", "organisation", "TR")]
    (f,) = figs("The Turkish Defence Ministry denied reports that 20 soldiers had been killed.", actors=actors)
    assert f["claimed_by"] is None
    (f,) = figs("The Turkish Defence Ministry reported that 20 soldiers had been killed.", actors=actors)
    assert f["claimed_by"] == "Ministry of Defence of Turkey"


def test_according_to_and_trailing_attribution():
    actors = [("Reuters", "Reuters", "media", "GB"), ("Tbilisi", "Georgia", "state", "GE")]
    (f,) = figs("According to Reuters, 31 people were killed.", actors=actors)
    assert f["claimed_by"] == "Reuters"
    (f,) = figs("Thirty civilians were killed in the raid, Tbilisi said.", actors=actors)
    assert (f["claimed_by"], f["actor"]) == ("Georgia", None)


def test_a_speaker_set_off_by_commas_is_the_claimant():
    actors = [("Gegham Stepanyan", "Gegham Stepanyan", "person", None),
              ("Karabakh's ombudsman", "Nagorno-Karabakh authorities", "armed_group", None),
              ("Hikmet Hajiyev", "Hikmet Hajiyev", "person", "AZ"), ("Ilham Aliyev", "Ilham Aliyev", "person", "AZ")]
    for text in ("The ombudsman, Gegham Stepanyan, said 200 people had been killed.",
                 "Gegham Stepanyan, the region's ombudsman, said 200 people had been killed.",
                 "Karabakh's ombudsman, Gegham Stepanyan, said 200 people had been killed."):
        (f,) = figs(text, actors=actors)
        assert f["claimed_by"] == "Gegham Stepanyan", text
    # the apposition's own actor is not the speaker
    (f,) = figs("Hikmet Hajiyev, an adviser to President Ilham Aliyev, said 50 people were killed.", actors=actors)
    assert f["claimed_by"] == "Hikmet Hajiyev"
    # a demonym opening a person's title after "according to"
    actors = [("Armenian", "Armenia", "state", "AM"), ("Arman Tatoyan", "Arman Tatoyan", "person", "AM")]
    (f,) = figs("According to Armenian Ombudsman Arman Tatoyan, 50 civilians have been killed.", actors=actors)
    assert f["claimed_by"] == "Arman Tatoyan"


def test_military_figure_reported_by_a_side_is_that_side():
    actors = [("Georgian defence ministry", "Ministry of Defence of Georgia", "organisation", "GE")]
    (f,) = figs("The Georgian defence ministry said 4 soldiers were killed.", actors=actors)
    assert f["actor"] == "Georgia"


def test_the_day_a_figure_was_reported_is_not_its_date_when_the_sentence_names_another():
    text = "Armenia said on Tuesday that a soldier was killed a day earlier."
    assert [f["date"] for f in figs(text, pub="2023-03-08")] == ["2023-03-06"]
    # a running toll since a day keeps the day it was given
    text = "Pashinyan said on Wednesday that 105 soldiers had been killed since the fighting began on Tuesday."
    assert [f["date"] for f in figs(text, pub="2023-03-09")] == ["2023-03-08"]
    # the only day named stays the figure's
    assert [f["date"] for f in figs("The ministry said on Tuesday 3 soldiers were killed.")] == ["2022-06-07"]
    # ... unless it starts the period of a running toll, which is as of its report
    text = "Since the war ended in November 2020, 345 people have been killed by landmines."
    assert [f["date"] for f in figs(text)] == [None]
    assert [f["date"] for f in figs("Since September 2022, 207 soldiers have been killed.")] == [None]
    text = "The UN has confirmed 7,000 civilian deaths since Russia invaded on Feb. 24 last year."
    assert [f["date"] for f in figs(text)] == [None]
    # nor does the era a running toll starts from ("last year's war" dates "in last year's war")
    assert [f["date"] for f in figs("Since last year's war, 40 people were killed.", pub="2024-01-05")] == [None]
    assert [f["date"] for f in figs("During last year's war, 40 people were killed.", pub="2024-01-05")] == ["2023"]
    # a birth year is no day of the figure
    assert [f["date"] for f in figs("Serviceman Aram Petrosyan (born in 2001) was wounded.")] == [None]


def test_place_and_date_of_the_sentence():
    places = [("Poti", "Poti", "city", "GE"), ("Georgia", "Georgia", "country", "GE")]
    (f,) = figs("Seven sailors were killed near Poti on Tuesday.", places=places)
    assert (f["place"], f["date"]) == ("Poti", "2022-06-07")
    (f,) = figs("The 2008 war killed about 850 people.")
    assert f["date"] == "2008"


def test_empty_and_odd_input():
    assert find_figures("", [], [], [], [], None) == []
    assert find_figures("Ղարաբաղ 😀 \x00 ١٢٣", None, [], [], [], None) == []
    with pytest.raises(TypeError):
        find_figures(b"12 killed", None)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["killed", "12", "more than", "1,500", "soldiers", "and", "a", "civilian",
                                 "were", "wounded", ",", "including", "two", "dozens", "of", "its",
                                 "fled", "to", "the", "toll", "Ղարաբաղ", "😀", ".", "\n", "2020"]),
                max_size=25))
def test_offsets_and_schema_on_word_soup(words):
    text = " ".join(words)
    for f in figs(text):
        assert set(f) == KEYS
        assert text[f["start"]:f["end"]] == f["surface"]
        assert f["category"] in {"killed", "wounded", "captured", "missing", "displaced", "refugees",
                                 "troops", "peacekeepers", "prisoners", "hostages", "other"}


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text(text):
    for f in figs(text):
        assert text[f["start"]:f["end"]] == f["surface"]


def test_coordinated_bare_numbers_share_the_side():
    text = "Ankara said 6 of its soldiers were killed and 9 wounded."
    got = figs(text, actors=STATES)
    assert [(f["value"], f["category"], f["actor"]) for f in got] == [
        (6, "killed", "Turkey"), (9, "wounded", "Turkey")]


def test_bystanders_get_no_side_and_state_names_are_not_verbs():
    text = "France, Turkey and the United States said two Georgian journalists were injured."
    actors = STATES + [("United States", "United States", "state", "US"), ("France", "France", "state", "FR")]
    (f,) = figs(text, actors=actors)
    assert (f["value"], f["category"], f["actor"]) == (2, "wounded", None)
    assert f["claimed_by"] == "United States"


def test_side_from_of_phrase():
    actors = [("Turkish Army", "Armed Forces of Turkey", "armed_force", "TR"), ("Turkey", "Turkey", "state", "TR")]
    (f,) = figs("Two servicemen of the Turkish Army were killed.", actors=actors)
    assert (f["value"], f["category"], f["actor"]) == (2, "killed", "Turkey")


@pytest.mark.parametrize("text,want", [
    # number after its noun, multipliers of a dozen, "scores of", space-grouped thousands
    ("A force numbering 2,400 was moved to the pass.", [(2400, "troops")]),
    ("Peacekeepers, numbering 1,500, guard the corridor.", [(1500, "peacekeepers")]),
    ("Three dozen conscripts died in the blast.", [(36, "killed")]),
    ("Scores of villagers were injured.", [(40, "wounded")]),
    ("The blast left two dead and scores wounded.", [(2, "killed"), (40, "wounded")]),
    ("Scores were killed in the attack, but the army scores no gains.", [(40, "killed")]),
    ("Officials said 2 300 residents were evacuated.", [(2300, "displaced")]),
    ("Officials said 2\u00a0300 residents were evacuated.", [(2300, "displaced")]),
    # machine-translated releases
    ("As a result of the enemy fire, a serviceman of the State Border Service was wounded.",
     [(1, "wounded")]),
    ("Two servicemen of the Defense Army received shrapnel wounds.", [(2, "wounded")]),
    ("Five servicemen became martyrs while repelling the attack.", [(5, "killed")]),
    ("Four soldiers fell heroically in the battle for the heights.", [(4, "killed")]),
    ("The body of a shepherd was found near the reservoir.", [(1, "killed")]),
    ("Seven shehids were buried in the Alley of Honour.", [(7, "killed")]),
    ("Two conscripts were taken captive during the night.", [(2, "captured")]),
    ("Three soldiers are missing in action.", [(3, "missing")]),
])
def test_translated_and_postposed_figures(text, want):
    assert vc(text) == want


@pytest.mark.parametrize("text", [
    "The barrage damaged 140 houses, four schools and 2 bridges.",
    "Troops fired 300 shells and downed 14 drones and 6 tanks.",
    "Demining cleared 1 200 hectares along a 40 km stretch.",
    "Under resolution 884 the 102nd base hosts a garrison.",
    "Call 060 271 271 after 09:30 for details.",
    "The motion passed 87 to 12 with 45 percent turnout.",
])
def test_things_and_labels_are_not_people(text):
    assert [f for f in figs(text) if f["category"] != "other"] == []


def test_space_grouping_does_not_join_a_year_and_a_count():
    assert vc("In 2020 150 civilians were wounded.") == [(150, "wounded")]


def test_run_on_text_without_sentence_ends_stays_linear():
    # one 400 KB "sentence" full of figures: read in pieces, so the cost per figure is bounded
    # (reading it whole was quadratic: minutes); each piece still finds its figures
    import time
    text = "killed 5 soldiers and wounded 3 civilians " * 10_000
    t0 = time.process_time()
    out = figs(text)
    assert time.process_time() - t0 < 20
    assert [f["category"] for f in out if f["value"] == 5] == ["killed"] * 10_000


def test_soldiers_of_a_peacekeeping_force_are_peacekeepers():
    assert vc("The peacekeeping mission now counts 3,100 servicemen.") == [(3100, "peacekeepers")]
    assert vc("The garrison counts 3,100 servicemen.") == [(3100, "troops")]


@pytest.mark.parametrize("text,want", [
    ("Baku lost 4 tanks, 2 drones and 90 soldiers.", [(90, "troops")]),
    ("Shelling killed 25 sheep and 4 cows near the farm.", []),
    ("In that war 20,000 people were killed and 600,000 displaced.", [(20000, "killed"), (600000, "displaced")]),
])
def test_things_in_lists_animals_and_displaced_after_killed(text, want):
    assert vc(text) == want


@pytest.mark.parametrize("text,want", [
    ("The enemy suffered losses of up to 40 manpower.", [(40, "killed")]),
    ("A shepherd, born in 1971, was wounded by sniper fire.", [(1, "wounded")]),
    ("Two conscripts, aged 19 and 20, were killed.", [(2, "killed")]),
])
def test_release_wording(text, want):
    assert vc(text) == want


def test_report_words_come_from_their_lexicon():
    from data.extract import figures
    from data.extract.lexicon import read_rows
    rows = read_rows("figure_report_verbs.csv")
    assert {r[1] for r in rows} == {"near", "after", "media"}
    for word, kind in rows:
        m = figures._REPORT_RE.search(f"Officials {word} 12 people died.")
        assert m is not None and m.group(0).split() == word.split(), word
        assert bool(m.group("acc")) == (kind == "after"), word
    # whole words only, and case as written ("According to" is listed, "Said" is not)
    assert figures._REPORT_RE.search("the sayings of 3 elders") is None
    assert figures._REPORT_RE.search("Said 3 people") is None
    actors = [("Tbilisi", "Georgia", "state", "GE")]
    (f,) = figs("Tbilisi counted 14 dead after the raid.", actors=actors)
    assert (f["value"], f["claimed_by"]) == (14, "Georgia")


CAUCASUS = [("Yerevan", "Yerevan", "city", "AM"), ("YEREVAN", "Yerevan", "city", "AM"),
            ("BAKU", "Baku", "city", "AZ"), ("Baku", "Baku", "city", "AZ"),
            ("Stepanakert", "Stepanakert", "city", "AZ"), ("Hadrut", "Hadrut", "city", "AZ"),
            ("Tavush", "Tavush", "region", "AM"), ("Armenia", "Armenia", "country", "AM"),
            ("Azerbaijan", "Azerbaijan", "country", "AZ")]
SIDES = [("Armenia", "Armenia", "state", "AM"), ("Azerbaijan", "Azerbaijan", "state", "AZ"),
         ("Armenian", "Armenia", "state", "AM"), ("Azerbaijani", "Azerbaijan", "state", "AZ")]


@pytest.mark.parametrize("text", [
    "YEREVAN, Sept 28 (Reuters) - Armenia said 49 of its soldiers were killed.",
    "BAKU (AP) — Azerbaijan said 50 servicemen were killed in the clashes.",
    "Stepanakert, 27 September: Eleven civilians were killed by shelling, officials said.",
    "BAKU, Azerbaijan, Sept. 14, 2022 (AFP) -- Fifty servicemen died overnight.",
    "YEREVAN/BAKU, Sept 13 (Reuters) - At least 99 soldiers were killed.",
    "BAKU -- Fifty servicemen died overnight.",
    "Stepanakert (Nagorno-Karabakh) (AFP) - Eleven civilians were killed by shelling.",
    "Yerevan, Armenia — Forty-nine soldiers were killed.",
    "Fighting flared on the border.\n\nYEREVAN, Sept 14 (Reuters) - Armenia said 49 soldiers died.",
])
def test_dateline_city_is_not_the_place_of_a_figure(text):
    (f,) = [f for f in figs(text, actors=SIDES, places=CAUCASUS) if f["category"] == "killed"]
    assert f["place"] is None


@pytest.mark.parametrize("text,want", [
    # a place of the sentence itself still wins over the dateline
    ("YEREVAN, Sept 28 (Reuters) - Armenia said 49 of its soldiers were killed near Hadrut.", "Hadrut"),
    ("BAKU (AP) — Two soldiers were wounded in Tavush, officials said.", "Tavush"),
    # a paragraph that opens with a place as its subject has no dateline
    ("Stepanakert was shelled again - 4 civilians were killed.", "Stepanakert"),
    ("Stepanakert: 4 civilians were killed in the shelling.", "Stepanakert"),
    ("Stepanakert - Four civilians were killed in the shelling.", "Stepanakert"),
    ("In Stepanakert, 12 civilians were killed on Sunday.", "Stepanakert"),
    # the dateline city named again in the sentence is a place of the sentence
    ("BAKU (AP) — Shelling of Baku's suburbs killed 3 civilians.", "Baku"),
])
def test_place_of_the_sentence_beats_the_dateline(text, want):
    (f,) = [f for f in figs(text, actors=SIDES, places=CAUCASUS) if f["category"] in ("killed", "wounded")]
    assert f["place"] == want


MODS = SIDES + [("Armenia's defence ministry", "Ministry of Defence of Armenia", "organisation", "AM"),
                ("Azerbaijani forces", "Armed Forces of Azerbaijan", "armed_force", "AZ"),
                ("Armenian forces", "Armed Forces of Armenia", "armed_force", "AM"),
                ("its forces", "its forces", "armed_force", None)]


@pytest.mark.parametrize("text,want", [
    # "it/its/their" after "X said" is X: the side that speaks about itself
    ("Azerbaijan said it lost 50 servicemen in fighting with Armenia.", "Azerbaijan"),
    ("Armenia's defence ministry said 16 of its troops were killed.", "Armenia"),
    ("Azerbaijan blamed Armenia and said it lost 50 servicemen.", "Azerbaijan"),
    ("Azerbaijan accused Armenia of shelling its positions and said 50 of its servicemen died.", "Azerbaijan"),
    ("Armenia accused Azerbaijan of shelling, and said 49 of its soldiers were killed.", "Armenia"),
    # the owner of the victims is not the one who killed them
    ("Azerbaijan said Armenian forces had killed 50 of its servicemen.", "Azerbaijan"),
    ("Armenia said Azerbaijani forces killed 49 of its soldiers.", "Armenia"),
    # the subject of "lost"/"suffered" is the side
    ("Armenia said Azerbaijan lost 50 servicemen.", "Azerbaijan"),
    ("Armenia's defence ministry said Azerbaijani forces had lost 200 soldiers.", "Azerbaijan"),
    # soldiers a side says it killed are not its own
    ("Azerbaijan said it killed 50 enemy soldiers.", None),
    ("Azerbaijan said it had killed some 200 soldiers.", None),
    ("Azerbaijan said its forces had destroyed 20 tanks and killed 200 soldiers.", None),
    ("Azerbaijan said it killed 50 Armenian soldiers.", "Armenia"),
])
def test_side_of_a_claimant_speaking_about_itself(text, want):
    (f,) = [f for f in figs(text, actors=MODS) if f["category"] == "killed"]
    assert f["actor"] == want


def test_own_losses_after_a_claim_of_enemy_losses():
    text = "Armenia's defence ministry said it had killed 200 Azerbaijani troops and lost 16 of its own."
    got = [(f["value"], f["actor"]) for f in figs(text, actors=MODS)]
    assert got == [(200, "Azerbaijan"), (16, "Armenia")]
    (f,) = figs("Azerbaijan blamed Armenia and said it lost 50 servicemen.", actors=MODS)
    assert f["claimed_by"] == "Azerbaijan"


def test_possessive_of_the_agent_is_not_the_side():
    actors = MODS + [("Russia", "Russia", "state", "RU")]
    (f,) = figs("Russia said its peacekeepers had detained 2 soldiers.", actors=actors)
    assert (f["category"], f["actor"], f["claimed_by"]) == ("captured", None, "Russia")


@pytest.mark.parametrize("text,want", [
    # a participle after "its soldiers" is no active verb: the soldiers are still "its"
    ("Armenia has raised the number of its soldiers killed to 135, Prime Minister Nikol Pashinyan said.", "Armenia"),
    # "killing" with no subject found does not undo the claimant's own side
    ("A helicopter was shot down, killing two crew members, Armenia's defence ministry said.", "Armenia"),
])
def test_participles_and_subjectless_verbs_keep_the_side(text, want):
    actors = MODS + [("Nikol Pashinyan", "Nikol Pashinyan", "person", "AM")]
    (f,) = figs(text, actors=actors)
    assert f["actor"] == want


def test_a_news_agency_is_not_what_its_refers_to():
    actors = MODS + [("Reuters", "Reuters", "media", "GB")]
    (f,) = figs("According to Reuters, Armenia's defence ministry said 16 of its troops died.", actors=actors)
    assert f["actor"] == "Armenia"
    (f,) = figs("Armenia said on Tuesday, according to Reuters, that 16 of its troops died.", actors=actors)
    assert f["actor"] == "Armenia"


def test_losses_of_the_enemy_are_not_the_claimants():
    (f,) = figs("Armenia's defence ministry said the enemy had lost 200 soldiers.", actors=MODS)
    assert (f["value"], f["category"], f["actor"]) == (200, "killed", None)


def test_losses_of_the_enemy_are_the_other_state_of_a_war_the_article_names():
    actors = [*MODS, ("Azerbaijan", "Azerbaijan", "state", "AZ"), ("Georgia", "Georgia", "state", "GE")]
    for text in ("Armenia's defence ministry said the enemy had lost 200 soldiers. Azerbaijan denied it.",
                 "Armenia's defence ministry said 200 enemy soldiers were killed. Azerbaijan denied it.",
                 "Armenia's defence ministry said its forces had killed 200 soldiers. Azerbaijan denied it."):
        assert [(f["value"], f["actor"]) for f in figs(text, actors=actors)] == [(200, "Azerbaijan")], text
    # a state at war with no one in conflict_dyads.csv has no enemy to name
    text = "Georgia's defence ministry said the enemy had lost 200 soldiers. Azerbaijan denied it."
    assert [f["actor"] for f in figs(text, actors=actors)] == [None]


@pytest.mark.parametrize("text,want", [
    ("The Armenian defence ministry blamed Baku and said 15 soldiers were killed.", "Armenia"),
    ("On Tuesday, Armenia blamed Azerbaijan and said 15 soldiers were killed.", "Armenia"),
    ("YEREVAN (Reuters) - Armenia blamed Azerbaijan and said 15 soldiers were killed.", "Armenia"),
])
def test_a_reporting_verb_after_and_has_the_sentence_subject(text, want):
    actors = MODS + [("Baku", "Azerbaijan", "state", "AZ"), ("Reuters", "Reuters", "media", "GB"),
                     ("Armenian defence ministry", "Ministry of Defence of Armenia", "organisation", "AM")]
    (f,) = figs(text, actors=actors)
    assert (f["actor"], _state(f["claimed_by"])) == (want, want)


def _state(name):
    return "Armenia" if name and "Armenia" in name else name


@pytest.mark.parametrize("text,want", [
    ("Armenia and Azerbaijan lost more than 6,500 soldiers in the 2020 war.", None),
    ("Azerbaijan, which lost 2,908 servicemen in the war, mourns the dead.", "Azerbaijan"),
    ("The war in which Azerbaijan lost 2,908 soldiers ended in November.", "Azerbaijan"),
])
def test_subject_of_lost_coordinated_and_relative(text, want):
    (f,) = figs(text, actors=MODS)
    assert f["actor"] == want


@pytest.mark.parametrize("text,want", [
    ("Armenia said Azerbaijan was holding 33 of its citizens prisoner.", "Armenia"),
    ("Azerbaijan said it was holding 62 soldiers captive.", None),
])
def test_the_captor_is_not_the_side_of_the_captives(text, want):
    (f,) = figs(text, actors=MODS)
    assert f["actor"] == want


def test_soldiers_counted_as_wounded_are_the_reporting_sides():
    (f,) = figs("Armenia reported 16 soldiers wounded.", actors=MODS)
    assert (f["category"], f["actor"]) == ("wounded", "Armenia")
    (f,) = figs("Armenia reported 16 civilians wounded.", actors=MODS)
    assert (f["category"], f["actor"]) == ("wounded", None)
    (f,) = figs("Armenia reported 16 Azerbaijani soldiers wounded.", actors=MODS)
    assert (f["category"], f["actor"]) == ("wounded", "Azerbaijan")


@pytest.mark.parametrize("text,want", [
    ("Armenia said Azerbaijani forces had opened fire on its positions, and that 2 of its soldiers were wounded.", "Armenia"),
    ("Azerbaijan said its peacekeepers had evacuated 5,000 civilians.", None),
    ("Armenia said Azerbaijan had moved 2,000 of its troops to the border.", "Azerbaijan"),
])
def test_its_after_a_new_clause_and_after_non_lethal_agents(text, want):
    (f,) = figs(text, actors=MODS)
    assert f["actor"] == want


def test_more_military_nouns():
    got = figs("Azerbaijan said its officers detained 3 Armenian saboteurs and killed 2 snipers.", actors=MODS)
    assert [(f["value"], f["category"]) for f in got] == [(3, "captured"), (2, "killed")]
    assert got[0]["actor"] == "Armenia"


@pytest.mark.parametrize("text", [
    "Officials said 27 civilians had been killed since Sept. 27.",
    "Officials said 27 civilians had been killed since Oct 4.",
])
def test_a_day_after_a_month_is_no_figure(text):
    assert [f["value"] for f in figs(text)] == [27]


def test_wire_story_end_to_end():
    from data.extract import extract
    text = ("YEREVAN, Sept 13 (Reuters) - Armenia said 49 of its soldiers were killed overnight.\n\n"
            "BAKU, Sept 13 (Reuters) - Azerbaijan blamed Armenia for the fighting and said it lost "
            "50 servicemen.\n\nArmenia said Azerbaijani forces killed 3 of its soldiers near Jermuk.")
    got = [(f["value"], f["actor"], f["place"]) for f in extract(text, "2022-09-13")["figures"]]
    assert got == [(49, "Armenia", None), (50, "Azerbaijan", None), (3, "Armenia", "Jermuk")]


def test_and_said_after_a_subject_that_does_not_open_the_sentence():
    actors = MODS + [("Shushan Stepanyan", "Shushan Stepanyan", "person", "AM")]
    (f,) = figs("The ministry's spokeswoman Shushan Stepanyan confirmed the deaths and said "
                "105 soldiers had been killed.", actors=actors)
    assert f["claimed_by"] == "Shushan Stepanyan"


@pytest.mark.parametrize("text, want", [
    ("At least 12 people were killed or injured in the shelling.", [(12, "other")]),
    ("Azerbaijan said 12 soldiers were killed and wounded.", [(12, "other")]),
    ("The strike killed or wounded 30 people.", [(30, "other")]),
    # two counts, each of its own word
    ("Some 50 people were killed and 30 wounded.", [(50, "killed"), (30, "wounded")]),
    ("Three people were killed and dozens injured.", [(3, "killed"), (24, "wounded")]),
    ("The shelling killed 5 and wounded 7.", [(5, "killed"), (7, "wounded")]),
])
def test_one_count_of_killed_and_wounded_is_neither(text, want):
    assert [(f["value"], f["category"]) for f in figs(text)] == want


@pytest.mark.parametrize("text, want", [
    # the figure after "and" has a casualty verb of its own, past an adverb of degree
    ("Two people died and 11 were seriously injured.", [(2, "killed"), (11, "wounded")]),
    ("Two people died and 11 others were very seriously injured.", [(2, "killed"), (11, "wounded")]),
    ("Five people were killed and two were badly hurt.", [(5, "killed"), (2, "wounded")]),
    # "another": one more of the noun before
    ("One soldier was killed and another was seriously injured.", [(1, "killed"), (1, "wounded")]),
    ("A soldier was killed, another wounded.", [(1, "killed"), (1, "wounded")]),
    ("Another soldier was wounded on Tuesday.", [(1, "wounded")]),
    ("Another attack killed 4 people.", [(4, "killed")]),
])
def test_each_figure_of_a_pair_takes_its_own_verb(text, want):
    assert [(f["value"], f["category"]) for f in figs(text)] == want


def test_a_long_since_clause_still_starts_a_period():
    text = ("The UN says more than 12,000 civilians have been killed since Russia launched its "
            "full-scale invasion in February 2022.")
    assert [(f["value"], f["date"]) for f in figs(text, pub="2024-11-01")] == [(12000, None)]


def test_a_state_after_in_is_where_the_speaker_works():
    from data.extract import extract

    text = ("The United Nations refugee agency in Ukraine says more than "
            "12,000 civilians have fled.")
    assert [f["claimed_by"] for f in extract(text, "2024-11-01")["figures"]] == ["UNHCR"]
    text = ("The United Nations human rights monitoring mission in Ukraine says more than "
            "12,000 civilians have been killed.")  # the mission's own name, with or without its place
    assert [f["claimed_by"] for f in extract(text, "2024-11-01")["figures"]] == [
        "UN Human Rights Monitoring Mission in Ukraine"]
    # with no body before it, the state stands for its officials
    text = "Officials in Ukraine said 5 people were killed."
    assert [f["claimed_by"] for f in extract(text, "2024-11-01")["figures"]] == ["Ukraine"]


@pytest.mark.parametrize("text, place", [
    ("Medics said a strike on a house in Nuseirat refugee camp in central Gaza killed nine people.",
     "Nuseirat"),
    ("Troops opened fire near the village of Sotk in the Gegharkunik province, wounding a soldier.", "Sotk"),
    ("Shelling killed 3 people in Gegharkunik.", "Gegharkunik"),
])
def test_a_figure_takes_the_more_precise_of_two_nested_places(text, place):
    from data.extract import extract

    assert [f["place"] for f in extract(text, "2024-11-01")["figures"]] == [place]


@pytest.mark.parametrize("text, side", [
    ("The army said it had killed dozens of RSF fighters in Khartoum.", "Rapid Support Forces"),
    ("The Israeli military said it killed 20 Hamas militants.", "Hamas"),
    ("Hamas said 5 of its fighters were killed.", "Hamas"),
])
def test_an_armed_group_is_its_own_side(text, side):
    from data.extract import extract

    assert [f["actor"] for f in extract(text, "2024-05-14")["figures"]] == [side]


@pytest.mark.parametrize("text, want", [
    ("The number of forcibly displaced persons from Nagorno-Karabakh who have entered Armenia "
     "has reached 50,243.", [(50243, "displaced")]),
    ("The number of people killed in the attack on the city rose to 45.", [(45, "killed")]),
    ("The number of journalists who covered the strike rose to 40.", []),
])
def test_the_number_of_a_long_noun_phrase_reached(text, want):
    assert [(f["value"], f["category"]) for f in figs(text, pub="2023-09-27")] == want


def test_a_named_casualty_takes_the_side_of_the_force_before_it():
    from data.extract import extract

    text = ("As a result, a serviceman of the Azerbaijan Army, Junior Sergeant Ramin Aliyev, was "
            "killed, and two more servicemen were wounded.")
    assert [(f["value"], f["category"], f["actor"]) for f in extract(text, "2023-05-11")["figures"]] == [
        (1, "killed", "Azerbaijan"), (2, "wounded", "Azerbaijan")]


def test_as_a_result_carries_the_source_and_day_of_the_sentence_before():
    from data.extract import extract

    text = ("On May 11, units of the Armed Forces of Armenia fired on the positions of the "
            "Azerbaijan Army, the Ministry of Defense told AZERTAC.\n\nAs a result, a serviceman of "
            "the Azerbaijan Army, Junior Sergeant Ramin Aliyev, was killed.")
    (f,) = extract(text, "2023-05-12")["figures"]
    assert (f["claimed_by"], f["actor"], f["date"]) == ("Ministry of Defence of Azerbaijan", "Azerbaijan", "2023-05-11")
    # any other sentence keeps to what it says itself
    (f,) = extract(text.replace("As a result, a", "A"), "2023-05-12")["figures"]
    assert (f["claimed_by"], f["date"]) == (None, None)


@pytest.mark.parametrize("text, want", [
    ("The EU has deployed around 200 civilian monitors along the border.", []),
    ("At least 12 civilian residents were killed.", [(12, "killed")]),
    ("93 civilian deaths were recorded.", [(93, "killed")]),
    ("Since the 2020 war, in which some 6,500 people were killed, the sides have held talks.", [(6500, "killed")]),
])
def test_civilian_before_a_noun_and_the_war_of_a_since_clause(text, want):
    assert [(f["value"], f["category"]) for f in figs(text, pub="2023-05-15")] == want


def test_a_figure_in_a_clause_on_the_era_keeps_its_year():
    assert [f["date"] for f in figs("Since the 2020 war, in which some 6,500 people were killed, "
                                    "the sides have held talks.", pub="2023-05-15")] == ["2020"]


def test_raising_the_number_of_a_long_phrase_to_a_number_under_32():
    from data.extract import extract

    text = ("The Israeli military said two of its soldiers were killed, raising the number of troops "
            "killed since the ground incursion began on Oct. 1 to 11.")
    r = extract(text, "2024-10-20")
    assert [(d["surface"], d["date"]) for d in r["dates"]] == [("Oct. 1", "2024-10-01")]
    assert [(f["value"], f["category"], f["actor"]) for f in r["figures"]] == [
        (2, "killed", "Israel"), (11, "killed", "Israel")]
    # a range of days stays one
    assert [d["date"] for d in extract("Talks were held from Oct. 1 to 11 in Geneva.", "2024-10-20")["dates"]] == [
        "2024-10-01", "2024-10-11"]


@pytest.mark.parametrize("text, want", [
    # a document's year and the end of a period still to come date no figure
    ("About 3,000 Russian troops are stationed in Gyumri under a 1995 treaty that runs until 2044.",
     [(3000, "troops", None)]),
    ("In the 2020 war, 3,825 Armenian soldiers were killed.", [(3825, "killed", "2020")]),
    ("Fighting continued until Tuesday, killing 5 people.", [(5, "killed", "2024-06-18")]),
    # who a survey asked is no figure
    ("The survey of 1,500 people had a margin of error of 2.5 points.", []),
])
def test_documents_periods_to_come_and_samples(text, want):
    assert [(f["value"], f["category"], f["date"]) for f in figs(text, pub="2024-06-20")] == want


@pytest.mark.parametrize("text, want", [
    ("The Russian peacekeeping contingent of about 2,000 servicemen has been deployed.",
     [(2000, "peacekeepers", "Russia")]),
    ("A Russian peacekeeping force of 1,960 troops deployed.", [(1960, "peacekeepers", "Russia")]),
    ("Armenian forces numbering 5,000 soldiers were deployed.", [(5000, "troops", "Armenia")]),
    ("The peacekeepers were joined by 300 troops from the army.", [(300, "troops", None)]),
])
def test_a_force_made_of_soldiers_gives_them_its_side_and_kind(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"], f["actor"]) for f in extract(text, "2022-09-13")["figures"]] == want


def test_a_preposition_after_a_bare_number_ends_it():
    assert [(f["surface"], f["value"], f["category"]) for f in figs(
        "Russian attacks killed at least nine people and injured 41 over the past day.")] == [
        ("at least nine people", 9, "killed"), ("41", 41, "wounded")]


@pytest.mark.parametrize("text, want", [
    # a relative clause dates the start of what has a running toll, not the toll
    ("The war, which broke out in April last year, has displaced 11 million people.",
     [(11_000_000, "displaced", None)]),
    ("The conflict, that began in 2023, has killed 150 civilians.", [(150, "killed", None)]),
    # a simple past keeps the day of what began ("the offensive ... killed 50")
    ("The offensive, which began on Tuesday, killed 50 people.", [(50, "killed", "2024-06-18")]),
])
def test_a_start_clause_before_a_running_toll_is_no_date(text, want):
    assert [(f["value"], f["category"], f["date"]) for f in figs(text, pub="2024-06-20")] == want


@pytest.mark.parametrize("text, want", [
    ("The war has displaced 11 million people and driven nearly 2 million into neighbouring countries.",
     [(11_000_000, "displaced"), (2_000_000, "refugees")]),
    ("The fighting drove 40,000 people from their homes last month.", [(40_000, "displaced")]),
    ("Some 6,000 people fled to other countries.", [(6_000, "refugees")]),
    # a distance driven counts nobody
    ("He said he had driven 300 kilometres to reach the border.", []),
])
def test_people_driven_out_are_displaced_or_refugees(text, want):
    assert vc(text) == want


@pytest.mark.parametrize("text, side", [
    # the enemy of a side at war on two fronts is the one the article names
    ("The Israeli military said it had killed dozens of militants in Gaza. Hamas did not comment.", "Hamas"),
    ("The Israeli military said it had killed dozens of militants. Hamas did not comment. In "
     "Lebanon, Hezbollah fired rockets.", None),
    ("Sudan's army said it had killed 200 enemy fighters near El Fasher, where the RSF attacked.",
     "Rapid Support Forces"),
])
def test_the_enemy_is_the_one_side_of_its_wars_the_article_names(text, side):
    from data.extract import extract

    assert [f["actor"] for f in extract(text, "2024-11-02")["figures"]] == [side]


def test_claiming_an_attack_is_not_reporting_its_toll():
    from data.extract import extract

    text = "JNIM claimed responsibility for the attack, which also wounded around 200 people."
    assert [(f["value"], f["category"], f["claimed_by"]) for f in extract(text, "2024-09-18")["figures"]] == [
        (200, "wounded", None)]
    text = "JNIM claimed that its fighters had killed 20 soldiers."
    assert [f["claimed_by"] for f in extract(text, "2024-09-18")["figures"]] == ["JNIM"]


@pytest.mark.parametrize("text, want", [
    ("Strikes killed at least 30 people across Gaza, including 12 in a house in Jabalia, medics said.",
     [(30, "killed"), (12, "killed")]),
    ("Shelling wounded 40 people, including 15 at a market.", [(40, "wounded"), (15, "wounded")]),
    # a part of a count of things is no figure
    ("Officials counted 30 buildings, including 12 in the centre.", []),
])
def test_a_part_counted_somewhere_is_a_part_of_the_figure_before(text, want):
    assert vc(text) == want


@pytest.mark.parametrize("text, want", [
    ("Baku released 32 Armenian servicemen and Yerevan freeing two Azerbaijani soldiers.",
     [(32, "prisoners"), (2, "prisoners")]),
    ("Russia's Defence Ministry said it had destroyed up to 480 Ukrainian troops.", [(480, "killed")]),
    ("Russian forces eliminated 1,200 Ukrainian servicemen over the past day.", [(1200, "killed")]),
    # of soldiers only
    ("The strike destroyed 200 homes.", []),
    ("Air defences destroyed 47 drones.", []),
])
def test_swaps_in_the_participle_and_enemy_losses_in_military_statements(text, want):
    assert vc(text) == want


@pytest.mark.parametrize("text, want", [
    # each figure takes the day of its own clause
    ("Two people were killed in Odesa two days ago, and three more died in strikes earlier this month.",
     [(2, "2024-10-05"), (3, "2024-10")]),
    # a period is as precise as both its ends
    ("Between Oct. 1 and Oct. 3, at least 15 civilians were killed.", [(15, "2024-10")]),
    ("Between Dec. 30 and Jan. 2, 40 people died.", [(40, None)]),
    ("On Oct. 1, five people died and on Oct. 3, four more were wounded.", [(5, "2024-10-01"), (4, "2024-10-03")]),
])
def test_clauses_and_periods_date_their_figures(text, want):
    assert [(f["value"], f["date"]) for f in figs(text, pub="2024-10-07")] == want


@pytest.mark.parametrize("text, want", [
    # a modal verb of its own: not the casualty word before the "and"
    ("The governor said 43 people were wounded, and that more than 200 people may have been inside.",
     [(43, "wounded")]),
    ("Officials said 12 were killed and 30 may have been wounded.", [(12, "killed"), (30, "wounded")]),
    ("Three soldiers were killed and 200 could be trapped.", [(3, "killed")]),
])
def test_a_modal_verb_is_a_figure_s_own(text, want):
    assert vc(text) == want


@pytest.mark.parametrize("text, want", [
    # a span without a day of its own dates a figure as far as both its ends agree
    ("Five soldiers were killed over the weekend.", "2024-10"),   # Oct. 12-13
    ("Five soldiers were killed three weeks ago.", "2024-09"),    # Sept. 22-28
    ("Five soldiers were killed last week.", "2024-10"),          # Oct. 7-13
])
def test_spans_date_figures_as_far_as_their_ends_agree(text, want):
    from data.extract import extract

    assert [f["date"] for f in extract(text, "2024-10-16")["figures"]] == [want]
    # a week across two months says only the year
    if "last week" in text:
        assert [f["date"] for f in extract(text, "2024-10-09")["figures"]] == ["2024"]  # Sept. 30-Oct. 6


def test_a_date_set_off_as_another_time_does_not_date_the_figure():
    text = ("The conflict in Amhara erupted in August 2023, months after a peace deal ended the war "
            "in Tigray that killed an estimated 600,000 people.")
    assert [(f["value"], f["date"]) for f in figs(text, pub="2024-09-12")] == [(600_000, None)]
    text = "An Azerbaijani soldier was killed on Monday, and two others were wounded."
    assert [(f["value"], f["date"]) for f in figs(text, pub="2024-09-12")] == [(1, "2024-09-09"), (2, "2024-09-09")]


@pytest.mark.parametrize("text, side", [
    ("This number includes 1,270 casualties that Russian forces suffered over the past day.", "Russia"),
    ("The 50 soldiers that Azerbaijan lost were buried.", "Azerbaijan"),
    # the subject of another verb owns nothing
    ("The 50 soldiers that Azerbaijan killed were buried.", None),
])
def test_the_subject_of_a_loss_in_a_relative_clause_is_the_side(text, side):
    from data.extract import extract

    assert [f["actor"] for f in extract(text, "2024-11-04")["figures"]] == [side]


@pytest.mark.parametrize("text, want", [
    # "along with" adds to the toll before it, and so does a list it opens
    ("The monitor said 745 civilians were killed in shootings, along with 125 members of government "
     "security forces and 148 militants loyal to Assad.", [(745, "killed"), (125, "killed"), (148, "killed")]),
    ("Twelve civilians died, as well as four soldiers.", [(12, "killed"), (4, "killed")]),
    ("Five members of the security forces were killed.", [(5, "killed")]),
    # a verb of its own: the troops are not the toll
    ("Five soldiers were killed and 300 troops remain in the area.", [(5, "killed"), (300, "troops")]),
    ("Two soldiers were wounded, along with 3,000 troops deployed nearby.", [(2, "wounded"), (3000, "troops")]),
])
def test_along_with_and_members_of_forces(text, want):
    assert vc(text) == want


@pytest.mark.parametrize("text, want", [
    # "remain" links a count to the casualty word after it, or is its own verb
    ("Two were killed and 40 remain in hospital.", [(2, "killed"), (40, "wounded")]),
    ("Ten soldiers died and 12 remained in captivity.", [(10, "killed"), (12, "prisoners")]),
    ("Five soldiers were killed and 300 people remain missing.", [(5, "killed"), (300, "missing")]),
    ("Five soldiers were killed and 300 troops remain in the area.", [(5, "killed"), (300, "troops")]),
    ("Five soldiers were killed and 300 people gathered in the square.", [(5, "killed")]),
])
def test_remain_and_plain_verbs_after_a_toll(text, want):
    assert vc(text) == want


def test_the_backer_of_a_speaker_is_not_the_speaker():
    from data.extract import extract

    text = "M23 rebels backed by Rwanda said on Monday they had displaced 400,000 people."
    assert [f["claimed_by"] for f in extract(text, "2025-01-27")["figures"]] == ["M23"]


@pytest.mark.parametrize("text, want", [
    # a count that the next two split into killed and wounded is a count of both
    ("Landmines have hit 386 people, of whom 70 were killed and 316 injured.",
     [(386, "other"), (70, "killed"), (316, "wounded")]),
    ("Since 2020, 386 people have fallen victim to mines, of whom 70 were killed and 316 injured.",
     [(386, "other"), (70, "killed"), (316, "wounded")]),
    # parts that do not add up to it are other counts
    ("Strikes killed 20 people, including 8 children, and wounded 30.",
     [(20, "killed"), (8, "killed"), (30, "wounded")]),
])
def test_a_total_split_into_killed_and_wounded_is_a_count_of_both(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"]) for f in extract(text, "2024-10-03")["figures"]] == want


@pytest.mark.parametrize("text, by", [
    ("The Three Brotherhood Alliance, made up of the Arakan Army and the TNLA, said 12 civilians were killed.",
     "Three Brotherhood Alliance"),
    # a member of the list is not the speaker, even when the subject is no actor
    ("The alliance, made up of the Arakan Army and the TNLA, said 12 civilians were killed in Myanmar.", None),
    ("Hikmet Hajiyev, an adviser to President Ilham Aliyev, said 5 soldiers died.", "Hikmet Hajiyev"),
])
def test_the_members_listed_after_a_subject_do_not_speak_for_it(text, by):
    from data.extract import extract

    assert [f["claimed_by"] for f in extract(text, "2024-09-21")["figures"]] == [by]


def test_a_date_in_a_relative_clause_after_the_figure_is_another_event_s():
    text = ("The military said its forces had killed 45 fighters in Shan state, where rebels seized the "
            "town of Lashio last month.")
    assert [(f["value"], f["date"]) for f in figs(text, pub="2024-09-21")] == [(45, None)]
    text = "A missile killed five people in Kharkiv, where it hit a market on Sunday."
    assert [(f["value"], f["date"]) for f in figs(text, pub="2024-09-21")] == [(5, "2024-09-15")]


@pytest.mark.parametrize("text, want", [
    ("Major General Polad Hashimov and Colonel Ilgar Mirzayev were killed on July 14.",
     [("General Polad Hashimov", "killed"), ("Colonel Ilgar Mirzayev", "killed")]),
    ("Serviceman Aram Petrosyan, Junior Sergeant Davit Hakobyan and Private Karen Sargsyan were wounded.",
     [("Serviceman Aram Petrosyan", "wounded"), ("Sergeant Davit Hakobyan", "wounded"),
      ("Private Karen Sargsyan", "wounded")]),
    # the three counted already: the names listed after them add no one
    ("Three servicemen of the Army, Private Aram Petrosyan, Corporal Davit Hakobyan and Sergeant "
     "Karen Sargsyan, were killed.", [("Three servicemen", "killed")]),
    # a name that is no list member of the casualties is no casualty
    ("Colonel Ilgar Mirzayev said Sergeant Davit Hakobyan was wounded.", [("Sergeant Davit Hakobyan", "wounded")]),
    # ranks that are also adjectives count no one without a name or a casualty verb
    ("A general strike closed shops, and private homes were searched.", []),
])
def test_every_person_named_in_a_list_of_casualties_counts(text, want):
    assert [(f["surface"], f["category"]) for f in figs(text, pub="2020-07-15")] == want


@pytest.mark.parametrize("text, side", [
    ("Up to 20 servicemen of the enemy were destroyed, the Azerbaijani Defense Ministry said.", "Armenia"),
    ("Up to 20 soldiers of the opposing side were killed, the Azerbaijani Defense Ministry said.", "Armenia"),
    ("Up to 20 servicemen were killed, the Azerbaijani Defense Ministry said.", "Azerbaijan"),
])
def test_soldiers_of_the_enemy_are_the_other_side_s(text, side):
    from data.extract import extract

    got = extract("Armenia and Azerbaijan clashed on the border. " + text, "2020-07-15")["figures"]
    assert [(f["value"], f["actor"]) for f in got] == [(20, side)]


def test_a_date_several_months_before_the_figure_is_another_event_s():
    text = ("At least 40 Armenian soldiers remain in custody, nearly five months after the ceasefire of "
            "November 10, 2020.")
    assert [(f["value"], f["category"], f["date"]) for f in figs(text, pub="2021-04-01")] == [
        (40, "prisoners", None)]


@pytest.mark.parametrize("text, want", [
    ("Azerbaijani authorities have said they hold 72 Armenians.", [(72, "prisoners")]),
    ("Hamas is holding 101 people in Gaza.", [(101, "prisoners")]),
    ("Officials will hold a meeting with 40 residents.", [(40, "other")]),
    ("Russia holds thousands of troops near the border.", [(2000, "troops")]),
    ("The party holds 71 seats in parliament.", []),
])
def test_people_a_party_holds_are_prisoners(text, want):
    assert [(f["value"], f["category"]) for f in figs(text, pub="2020-07-15")] == want


def test_a_toll_counted_by_the_number_of_a_longer_noun_phrase():
    from data.extract import extract

    text = ("Armenia's Ministry of Defense has raised the number of Armenian servicemen killed in the "
            "44-day war in autumn 2020 to 3,825, Deputy Minister Arman Sargsyan said on Tuesday.")
    got = extract(text, "2024-02-13")["figures"]
    assert [(f["value"], f["category"], f["actor"], f["date"]) for f in got] == [(3825, "killed", "Armenia", "2020")]


@pytest.mark.parametrize("text, by", [
    # "he said": the named speaker of the report before
    ("Deputy Minister Arman Sargsyan said on Tuesday that the toll had risen. Another 187 people are "
     "still listed as missing, he said.", "Arman Sargsyan"),
    ("The toll rose, said Defence Minister Suren Papikyan. Another 187 people are missing, he added.",
     "Suren Papikyan"),
    # past a quote he gave: the report that named him
    ('President Volodymyr Zelenskyy said Russia had launched 120 missiles. "This was one of the largest '
     'attacks," he said. Another 187 people are missing, he added.', "Volodymyr Zelensky"),
    # the report before is no named person's, or the person named is no speaker
    ("The spokesman said the toll had risen. Another 187 people are missing, he said.", None),
    ("Private Aram Petrosyan was killed on Monday. Another 187 people are missing, he said.", None),
])
def test_a_pronoun_speaker_is_the_person_who_spoke_before(text, by):
    from data.extract import extract

    got = extract(text, "2024-02-13")["figures"]
    assert [(f["value"], f["claimed_by"]) for f in got if f["value"] == 187] == [(187, by)]


@pytest.mark.parametrize("text, want", [
    ("More than 100,000 refugees fled into Armenia. Almost 30,000 of them are children.",
     [(100000, "refugees"), (30000, "refugees")]),
    ("100,617 people had been displaced by Monday, including 30,000 children.",
     [(100617, "displaced"), (30000, "displaced")]),
    # a figure two sentences back is not what "them" counts
    ("More than 100,000 refugees fled into Armenia. Aid arrived on Monday. Almost 30,000 of them are children.",
     [(100000, "refugees"), (30000, "other")]),
])
def test_a_part_of_a_count_of_displaced_people_is_displaced(text, want):
    from data.extract import extract

    got = extract(text, "2023-10-03")["figures"]
    assert [(f["value"], f["category"]) for f in got] == want


@pytest.mark.parametrize("text, want", [
    ("The offensive prompted more than 100,000 ethnic Armenians to leave for Armenia.", [(100000, "refugees")]),
    ("The offensive forced some 100,000 people to leave the region.", [(100000, "displaced")]),
    ("More than 100,000 people left Nagorno-Karabakh for Armenia within a week.", [(100000, "refugees")]),
    # "leave" without a cause or a place left is no flight
    ("Officials allowed 20 journalists to leave the country.", [(20, "other")]),
    ("Some 300 people left after the concert.", [(300, "other")]),
])
def test_people_driven_to_leave_or_leaving_a_place_fled(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"]) for f in extract(text, "2023-10-03")["figures"]] == want


def test_a_figure_s_place_is_in_its_own_clause():
    text = "Three people were killed in the city of Mykolaiv, he added, and two others were wounded in Lviv."
    places = [("Mykolaiv", "Mykolaiv", "city", "UA"), ("Lviv", "Lviv", "city", "UA")]
    assert [(f["value"], f["place"]) for f in figs(text, places=places)] == [(3, "Mykolaiv"), (2, "Lviv")]


@pytest.mark.parametrize("text", [
    "Azerbaijan said Armenian forces opened fire, and that 2 of its soldiers were wounded.",
    "Azerbaijan said Armenian forces opened fire and that 2 of its soldiers were wounded.",
])
def test_its_after_a_new_clause_is_the_speaker_s(text):
    from data.extract import extract

    assert [(f["value"], f["actor"]) for f in extract(text, "2024-01-01")["figures"]] == [(2, "Azerbaijan")]


@pytest.mark.parametrize("text, want", [
    # the name set off by "identified as" is the person the figure counts, not a second casualty
    ("On Monday one Ukrainian border guard, identified as Sergeant Oleh Kovalenko, was killed by shelling.",
     [(1, "killed")]),
    ("Two soldiers, later identified as Private Aram Sargsyan and Corporal Hayk Davtyan, died.",
     [(2, "killed")]),
])
def test_a_casualty_identified_by_name_is_counted_once(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"]) for f in extract(text, "2023-03-01")["figures"]] == want


@pytest.mark.parametrize("text, want", [
    ("Some 3,000 villagers remain unable to return to their homes near the front.", [(3000, "displaced")]),
    ("About 500 tourists were stranded at the airport after the strike.", [(500, "displaced")]),
    # a number of things that cannot return is no count of people
    ("The 12 trucks could not return to the depot.", []),
])
def test_people_who_cannot_go_home_are_displaced(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"]) for f in extract(text, "2023-03-01")["figures"]] == want


@pytest.mark.parametrize("text, want", [
    ("The strike killed at least five people and wounded 36 early on Thursday.", ["at least five people", "36"]),
    ("Shelling wounded 14 late on Sunday.", ["14"]),
])
def test_a_time_adverb_after_a_bare_number_is_not_its_noun(text, want):
    from data.extract import extract

    assert [f["surface"] for f in extract(text, "2023-07-06")["figures"]] == want


@pytest.mark.parametrize("text", [
    "The UN says more than 2.2 million people have been driven from their homes.",
    "Some 40,000 villagers were forced out of their homes by the floods and the fighting.",
])
def test_people_driven_from_their_homes_are_displaced(text):
    from data.extract import extract

    assert [f["category"] for f in extract(text, "2023-07-06")["figures"]] == ["displaced"]


def test_a_body_that_published_a_figure_claims_it():
    from data.extract import extract

    text = "On Monday the Ukrainian General Staff published the names of 43 servicemen killed in action."
    got = [(f["value"], f["category"], f["claimed_by"]) for f in extract(text, "2023-07-06")["figures"]]
    assert got == [(43, "killed", "General Staff of Ukraine")]


@pytest.mark.parametrize("text, want", [
    # victims or casualties of whom only a part died counted the injured too
    ("Since 2020, 361 people have become victims of mine explosions, 69 of them fatally.",
     [(361, "other"), (69, "killed")]),
    ("There were 40 casualties, 12 of them killed.", [(40, "other"), (12, "killed")]),
    # a part named without its own verb is a part of the dead
    ("The 30 victims, 12 of them children, were killed.", [(30, "killed"), (12, "killed")]),
    ("The shelling killed 30 victims, 12 of them children.", [(30, "killed"), (12, "killed")]),
])
def test_victims_of_whom_a_part_died_are_not_all_dead(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"]) for f in extract(text, "2024-06-05")["figures"]] == want


def test_the_first_of_two_coordinated_counts_of_soldiers_left_dead_takes_its_own_side():
    from data.extract import extract

    text = "Clashes near the border left four Georgian and three Russian soldiers dead."
    got = [(f["value"], f["category"], f["actor"]) for f in extract(text, "2024-06-05")["figures"]]
    assert got == [(4, "killed", "Georgia"), (3, "killed", "Russia")]


def test_a_participle_of_report_claims_only_the_figures_after_it():
    from data.extract import extract

    text = ("Thousands are believed to have died since the war began, with Georgian officials "
            "reporting 412 military deaths by Friday.")
    got = [(f["value"], f["claimed_by"]) for f in extract(text, "2024-06-05")["figures"]]
    assert got == [(2000, None), (412, "Georgia")]


def test_an_including_aside_in_the_subject_is_no_member_list_of_the_speaker():
    from data.extract import extract

    text = ("Three civilians, including a 13-year-old girl, were wounded in the village of Sotk, the "
            "ombudsman, Kristinne Grigoryan, wrote on Facebook.")
    assert [f["claimed_by"] for f in extract(text, "2022-09-15")["figures"]] == ["Kristinne Grigoryan"]


@pytest.mark.parametrize("text, want", [
    ("Five people were killed in Lebanon.", "Lebanon"),
    ("Airstrikes killed at least 22 people across southern and eastern Lebanon on Tuesday.", "Lebanon"),
])
def test_a_country_after_a_preposition_of_place_is_the_figure_s_place(text, want):
    from data.extract import extract

    assert [f["place"] for f in extract(text, "2024-10-08")["figures"]] == [want]


def test_a_country_that_speaks_is_no_place():
    from data.extract import extract

    assert [f["place"] for f in extract("Georgia said 5 soldiers were killed.", "2024-10-08")["figures"]] == [None]


@pytest.mark.parametrize("text, want", [
    ("Hezbollah said it fired rockets at Haifa, wounding two people, according to Israel's Magen David "
     "Adom rescue service.", "Magen David Adom"),
    ("Russia said 12 people were killed in Belgorod on Friday, according to governor Vyacheslav Gladkov.",
     "Vyacheslav Gladkov"),
    # an outlet that carried the claim does not take it from the speaker
    ("Azerbaijan said 5 soldiers died, according to the state news agency APA.", "Azerbaijan"),
])
def test_according_to_right_after_a_figure_attributes_it(text, want):
    from data.extract import extract

    assert [f["claimed_by"] for f in extract(text, "2024-10-08")["figures"]] == [want]


@pytest.mark.parametrize("text, want", [
    ("Two soldiers died on Monday, bringing to 11 the number of soldiers killed since Oct. 1.",
     [(2, "killed"), (11, "killed")]),
    ("The shelling raised to 45 the death toll.", [(45, "killed")]),
    ("The ministry raised to 12 the number of wounded.", [(12, "wounded")]),
    ("He brought to 3 the number of his visits.", []),
    ("The attack raised to 45 its death toll.", [(45, "killed")]),
])
def test_a_count_raised_to_before_the_total_it_gives(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"]) for f in extract(text, "2024-10-08")["figures"]] == want


@pytest.mark.parametrize("text, want", [
    ("A 12-year-old boy was killed and two other children were wounded by shelling in Martuni.",
     [(1, "killed"), (2, "wounded")]),
    ("A girl was wounded in Tartar.", [(1, "wounded")]),
    ("An infant died in an airstrike on Barda.", [(1, "killed")]),
    # a part named after "including" is no figure of its own, and leaves the total killed
    ("Four people including a three-year-old girl were killed in Barda.", [(4, "killed")]),
])
def test_a_single_boy_girl_or_infant_is_counted(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"]) for f in extract(text, "2020-10-29")["figures"]] == want


@pytest.mark.parametrize("text, want", [
    ("Azerbaijan's defence ministry said 12 of its servicemen had been killed. It said more than 100 "
     "Armenian troops had been killed.", ["Ministry of Defence of Azerbaijan"] * 2),
    ("The Armenian Defence Ministry said on Saturday that 12 soldiers had been killed. They also said "
     "100 Azerbaijani troops had been killed.", ["Ministry of Defence of Armenia"] * 2),
    # "it" is no person: a minister named last leaves the pronoun without a claimant
    ("Defence Minister Zakir Hasanov said 12 soldiers had been killed. It said 100 Armenian troops had "
     "been killed.", ["Zakir Hasanov", None]),
    # nor is it a speaker nobody named
    ("Officials said 12 soldiers had been killed. It said 100 Azerbaijani troops had been killed.",
     [None, None]),
    # the report's sentence is the splitter's, abbreviations and all
    ("The U.S. State Department said on Monday that 3 Americans had been killed. It said 2 more were "
     "missing.", ["Department of State of United States"] * 2),
])
def test_it_said_opening_a_sentence_is_the_body_that_spoke_last(text, want):
    from data.extract import extract

    assert [f["claimed_by"] for f in extract(text, "2016-04-03")["figures"]] == want


@pytest.mark.parametrize("text, want", [
    ("It was the first incident since February 13, when four Armenian soldiers were killed in "
     "Nerkin Hand.", "2024-02-13"),
    ("The worst fighting since September 2022, when nearly 300 soldiers were killed, erupted on "
     "Tuesday.", "2022-09"),
    ("On Monday, when two soldiers were killed, the ministry said nothing.", "2024-03-25"),
])
def test_a_when_clause_is_dated_by_the_day_it_hangs_on(text, want):
    from data.extract import extract

    assert [f["date"] for f in extract(text, "2024-03-27")["figures"]] == [want]


@pytest.mark.parametrize("text, want", [
    ("Nagorno-Karabakh's military has reported 480 deaths among its troops since fighting broke out.",
     ("Nagorno-Karabakh Defence Army", "Nagorno-Karabakh Defence Army")),
    ("The Armenian side has reported 1,068 military dead.", ("Armenia", "Armenia")),
    # deaths among civilians stay nobody's side
    ("The Armenian Defence Ministry said 30 deaths among civilians had been recorded.",
     (None, "Ministry of Defence of Armenia")),
])
def test_military_deaths_reported_by_a_side_are_its_own(text, want):
    from data.extract import extract

    (f,) = extract(text, "2020-10-29")["figures"]
    assert (f["actor"], f["claimed_by"]) == want


def test_a_verb_after_but_shares_the_subject_that_opens_the_sentence():
    from data.extract import extract

    text = ("Azerbaijan has not disclosed its military casualties but says 41 civilians have been killed "
            "and 207 wounded.")
    assert [f["claimed_by"] for f in extract(text, "2020-10-11")["figures"]] == ["Azerbaijan", "Azerbaijan"]


@pytest.mark.parametrize("text, want", [
    ("Karabakh's emergency service said Azerbaijani forces had shelled Stepanakert, killing one civilian.",
     "Nagorno-Karabakh authorities"),
    ("Ukraine's State Emergency Service said 12 people were killed in Kharkiv.",
     "State Emergency Service of Ukraine"),
])
def test_an_emergency_service_claims_its_figures(text, want):
    from data.extract import extract

    assert [f["claimed_by"] for f in extract(text, "2022-10-10")["figures"]] == [want]


@pytest.mark.parametrize("text, want", [
    ('"We will not leave anything," said one man, who gave his name as Aram.', []),
    ("Two residents told AFP the shelling lasted all night.", []),
    ("Two residents said 5 people were killed.", [(5, "killed")]),
    ("Two residents were killed, officials said.", [(2, "killed")]),
    ("Some 200 residents remain in the village, officials said.", [(200, "other")]),
])
def test_witnesses_who_speak_are_no_figure(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"]) for f in extract(text, "2020-11-12")["figures"]] == want


@pytest.mark.parametrize("text, want", [
    ("Russia will deploy 1,960 troops, 90 armoured personnel carriers and 380 vehicles.", [(1960, "troops")]),
    ("Shelling damaged 30 police stations and wounded 12 police officers.", [(12, "wounded")]),
])
def test_a_people_word_before_a_thing_counts_things(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"]) for f in extract(text, "2020-11-12")["figures"]] == want


@pytest.mark.parametrize("text, want", [
    ("Hamas took about 240 hostages.", ("about 240 hostages", "around")),
    # "over" is a particle of "take", "about" is not
    ("Azerbaijan handed over 15 prisoners.", ("15 prisoners", "exact")),
])
def test_about_after_took_is_a_bound(text, want):
    from data.extract import extract

    (f,) = extract(text, "2024-01-02")["figures"]
    assert (f["surface"], f["qualifier"]) == want


def test_hostages_held_in_captivity_stay_hostages():
    from data.extract import extract

    text = "Hamas killed around 1,200 people and took about 240 hostages, 129 of whom remain in captivity."
    got = [(f["value"], f["category"]) for f in extract(text, "2024-01-02")["figures"]]
    assert got == [(1200, "killed"), (240, "hostages"), (129, "hostages")]


@pytest.mark.parametrize("text, want", [
    ("The ministry said 22,185 Palestinians have been killed.", "22,185 Palestinians"),
    ("Hamas killed 1,200 Israelis.", "1,200 Israelis"),
])
def test_nationalities_count_people(text, want):
    from data.extract import extract

    assert [f["surface"] for f in extract(text, "2024-01-02")["figures"]] == [want]


def test_it_said_reads_the_body_s_report_as_its_sentence_does():
    from data.extract import extract

    text = ("The Health Ministry in Hamas-run Gaza said Tuesday that 22,185 Palestinians have been killed. "
            "The ministry does not distinguish between civilians and combatants in its count, but says "
            "around 70% of the dead were women and children. It said 207 people had been killed in the "
            "past 24 hours.")
    assert [f["claimed_by"] for f in extract(text, "2024-01-02")["figures"]] == ["Gaza Health Ministry"] * 2


def test_a_part_that_crossed_a_border_leaves_the_whole_displaced():
    from data.extract import extract

    text = ("The United Nations says more than 2.2 million people have fled their homes, including about "
            "528,000 who have crossed into neighbouring countries.")
    got = [(f["value"], f["category"]) for f in extract(text, "2023-06-16")["figures"]]
    assert got == [(2200000, "displaced"), (528000, "refugees")]


@pytest.mark.parametrize("name", ["Sudan Doctors' Union", "Sudan Doctors Network",
                                  "Central Committee of Sudanese Doctors"])
def test_sudanese_doctors_bodies_claim_their_tolls(name):
    from data.extract import extract

    text = f"At least 1,000 people have been killed in El Geneina, according to the {name}."
    assert [f["claimed_by"] for f in extract(text, "2023-06-16")["figures"]] == [name]


@pytest.mark.parametrize("text, want", [
    ("The Armenian Defence Ministry said three wounded soldiers were brought in.",
     ("three wounded soldiers", "wounded", "Armenia")),
    ("Two dead civilians were found.", ("Two dead civilians", "killed", None)),
])
def test_a_casualty_adjective_before_people_keeps_them_in_the_figure(text, want):
    from data.extract import extract

    (f,) = extract(text, "2022-09-15")["figures"]
    assert (f["surface"], f["category"], f["actor"]) == want


@pytest.mark.parametrize("text, want", [
    ("Armenia's Defence Ministry said that the number of servicemen killed had risen to 105.", "Armenia"),
    ("Armenia's Defence Ministry said that the military death toll had risen to 105.", "Armenia"),
    # a toll of everyone stays nobody's side
    ("Armenia's Health Ministry said that the death toll had risen to 105.", None),
])
def test_a_toll_of_soldiers_before_a_bare_number_is_the_reporter_s_own(text, want):
    from data.extract import extract

    assert [f["actor"] for f in extract(text, "2022-09-15")["figures"]] == [want]


@pytest.mark.parametrize("text, want", [
    ("Of the dead, at least a dozen were conscripts aged 18 to 20, officials said.", [(12, "killed")]),
    ("Of those killed, 12 were children.", [(12, "killed")]),
    ("Of the wounded, 30 were in serious condition.", [(30, "wounded")]),
])
def test_a_part_of_the_dead_named_first_is_counted_as_them(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"]) for f in extract(text, "2020-10-20")["figures"]] == want


def test_the_separatist_defence_ministry_in_karabakh_claims():
    from data.extract import extract

    text = "Twelve soldiers were killed in Karabakh, the separatist defence ministry said."
    assert [f["claimed_by"] for f in extract(text, "2020-10-20")["figures"]] == ["Nagorno-Karabakh authorities"]


def test_releasing_the_names_of_the_dead_reports_them():
    from data.extract import extract

    text = ("The Ministry of Defense of Azerbaijan has released the names of 71 servicemen who died on the "
            "state border.")
    (f,) = extract(text, "2022-09-16")["figures"]
    assert (f["value"], f["category"], f["actor"], f["claimed_by"]) == (
        71, "killed", "Azerbaijan", "Ministry of Defence of Azerbaijan")


@pytest.mark.parametrize("text, want", [
    ("Two soldiers, later identified by the army as Private Arman Petrosyan and Corporal Hayk Sargsyan, "
     "died of their wounds.", [(2, "killed")]),
    ("Three civilians, including a woman and her two teenage sons who had returned to the village to "
     "check on their house, were killed.", [(3, "killed")]),
])
def test_a_long_parenthesis_of_the_subject_does_not_part_it_from_its_verb(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"]) for f in extract(text, "2020-10-20")["figures"]] == want


def test_a_toll_that_rose_by_some_is_its_new_total():
    from data.extract import extract

    text = "Karabakh officials said their military death toll had risen by 16 to 532 since Sept. 27."
    (f,) = extract(text, "2020-10-12")["figures"]
    assert (f["value"], f["qualifier"], f["category"], f["surface"]) == (532, "exact", "killed", "532")


@pytest.mark.parametrize("text, want", [
    # the accuser claims the toll of what it blames on the other side
    ("Azerbaijan accused Armenia on Sunday of striking Ganja with missiles, killing nine civilians.",
     "Azerbaijan"),
    ("KHARTOUM (Reuters) - The army blamed the RSF for the attack in Darfur, which killed 12 people.",
     "Armed Forces of Sudan"),
    # passive, or "blamed on": nobody here accuses; who is blamed never claims
    ("Armenia was accused of shelling Tartar, killing two people.", None),
    ("Nine people were killed in a strike blamed on Armenian forces.", None),
    # a relative clause's report belongs to the actor it describes
    ("Azerbaijan, which has said 71 of its servicemen died, denied the claim.", "Azerbaijan"),
    ("Pashinyan, who said on Tuesday that 49 soldiers had been killed, asked for help.", "Nikol Pashinyan"),
    # the dateline's credit is not the story's subject
    ("KHARTOUM (Reuters) - Officials said 12 people were killed in Darfur.", None),
    # a city dateline with its country names the bare army's state
    ("GOMA, Democratic Republic of Congo (Reuters) - At least 35 people were killed, the army and local "
     "officials said.", "Armed Forces of Democratic Republic of the Congo"),
])
def test_who_claims_a_toll_in_accusations_relative_clauses_and_datelines(text, want):
    from data.extract import extract

    assert [f["claimed_by"] for f in extract(text, "2023-06-14")["figures"]] == [want]


def test_a_deployment_s_side_is_not_carried_to_a_later_bare_toll():
    from data.extract import extract

    text = ("About 2,000 Russian troops were deployed under a deal that ended six weeks of fighting in which "
            "thousands were killed. Fifteen Armenian soldiers were killed and 12 captured.")
    got = [(f["value"], f["category"], f["actor"]) for f in extract(text, "2024-04-19")["figures"]]
    assert got == [(2000, "troops", "Russia"), (2000, "killed", None), (15, "killed", "Armenia"),
                   (12, "captured", "Armenia")]


@pytest.mark.parametrize("text, want", [
    ("At least 99 soldiers killed in Armenia-Azerbaijan clashes.", None),
    ("Two soldiers were killed in the Israel-Hamas war.", None),
    ("Two people were killed in Lebanon on Monday.", "Lebanon"),
])
def test_a_state_in_a_hyphenated_pair_is_a_side_not_the_place_of_a_toll(text, want):
    from data.extract import extract

    assert [f["place"] for f in extract(text, "2022-09-13")["figures"]] == [want]


def test_according_to_a_capital_is_its_government_s_claim_not_the_place():
    from data.extract import extract

    text = "On Tuesday, two Azerbaijani servicemen were wounded by sniper fire, according to Baku."
    (f,) = extract(text, "2023-07-27")["figures"]
    assert (f["claimed_by"], f["place"]) == ("Azerbaijan", None)


@pytest.mark.parametrize("text, want", [
    ("The Armenian side has 49 casualties as a result of the aggression.", "Armenia"),
    ("Azerbaijan said it has 12 wounded.", "Azerbaijan"),
    # who has hostages holds other people's
    ("Hamas has 240 hostages.", None),
])
def test_a_side_that_has_casualties_owns_them(text, want):
    from data.extract import extract

    assert [f["actor"] for f in extract(text, "2022-09-13")["figures"]] == [want]


@pytest.mark.parametrize("text, want", [
    ("It said two more soldiers were killed, bringing its losses since the start of the ground operation to 158.",
     [(2, "killed"), (158, "killed")]),
    ("Russian losses in the battle for Bakhmut rose to 20,000, the ministry said.", [(20000, "killed")]),
])
def test_losses_raised_to_a_number_are_a_toll(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"]) for f in extract(text, "2023-12-27")["figures"]] == want


@pytest.mark.parametrize("text", [
    "The office said the death toll had risen to ten, including four women and three children.",
    "Twelve people were killed, including two women, three children and four elderly men.",
])
def test_every_part_an_including_list_names_shares_the_toll(text):
    from data.extract import extract

    figs = extract(text, "2020-10-12")["figures"]
    assert len(figs) >= 3
    assert {f["category"] for f in figs} == {"killed"}


def test_a_modifier_before_a_person_noun_is_no_noun_of_its_own():
    from data.extract import extract

    (f,) = extract("The shelling killed four elderly men.", "2020-10-12")["figures"]
    assert f["surface"] == "four elderly men"


@pytest.mark.parametrize("text, want", [
    # the actor after "said" opens the report; the unknown group made it
    ("A pro-democracy group said Wagner fighters stormed the village, killing at least 104 people.", None),
    ("At least 104 people were killed, said the Sudanese army.", "Armed Forces of Sudan"),
    ('"We lost 12 soldiers," said the Armenian Defence Ministry.', "Ministry of Defence of Armenia"),
])
def test_an_inverted_speaker_follows_a_comma_or_a_quote(text, want):
    from data.extract import extract

    assert [f["claimed_by"] for f in extract(text, "2024-06-05")["figures"]] == [want]


@pytest.mark.parametrize("text, want", [
    ("A Russian helicopter was shot down over Armenia near the border with Azerbaijan's Nakhchivan exclave "
     "on Monday, killing two crew members.", "Armenia-Azerbaijan border"),
    ("Two soldiers were killed in Tavush near the border with Azerbaijan.", "Tavush"),
])
def test_the_place_across_a_border_is_not_where_the_toll_fell(text, want):
    from data.extract import extract

    assert [f["place"] for f in extract(text, "2020-11-10")["figures"]] == [want]


def test_a_place_glued_to_a_body_s_name_is_not_the_place_of_its_toll():
    from data.extract import extract

    text = "The Wad Madani Resistance Committee said RSF fighters stormed the village, killing at least 104 people."
    (f,) = extract(text, "2024-06-05")["figures"]
    assert (f["claimed_by"], f["place"]) == ("Sudan resistance committees", None)


def test_an_old_toll_written_into_the_toll_s_phrase_leaves_the_new_one():
    from data.extract import extract

    got = [(f["value"], f["category"], f["claimed_by"]) for f in
           extract("The death toll of 49 rose to 105, Pashinyan said.", "2022-09-14")["figures"]]
    assert got == [(105, "killed", "Nikol Pashinyan")]


def test_a_town_s_council_leaves_its_town_the_place_of_what_it_reports():
    from data.extract import extract

    text = ("Mariupol's city council said the strike hit the drama theatre, where more than 1,000 people "
            "had taken refuge.")
    (f,) = extract(text, "2022-03-16")["figures"]
    assert (f["claimed_by"], f["place"]) == ("Mariupol City Council", "Mariupol")


def test_a_place_past_an_in_what_clause_is_another_event_s():
    from data.extract import extract

    text = ("Russia fired dozens of missiles at cities across Ukraine on Monday, killing at least 19 people, "
            "officials said, in what Putin called retaliation for an explosion on the Crimea bridge.")
    assert [f["place"] for f in extract(text, "2022-10-10")["figures"]] == ["Ukraine"]


def test_an_of_group_after_a_demonym_stays_in_the_counted_noun_phrase():
    from data.extract import extract

    text = ("As a result, the enemy was neutralized, 13 servicemen of the Armenian armed forces were taken "
            "prisoner, and two positions were taken under control.")
    assert [(f["value"], f["category"], f["actor"]) for f in extract(text, "2021-11-16")["figures"]] == [
        (13, "captured", "Armenia")]


@pytest.mark.parametrize("text, want", [
    ("The ministry said 24 servicemen were taken prisoner, and the fate of 13 others is unknown.",
     [(24, "captured"), (13, "missing")]),
    ("The whereabouts of 300 people remain unknown.", [(300, "missing")]),
    # a fate decided is no one missing
    ("The war will decide the fate of 5,000 residents.", [(5000, "other")]),
])
def test_people_whose_fate_is_unknown_are_missing(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"]) for f in extract(text, "2021-11-17")["figures"]] == want


def test_more_of_its_servicemen_are_the_claimant_s_own():
    from data.extract import extract

    text = "Nagorno-Karabakh's defence ministry said 15 more of its servicemen had been killed."
    (f,) = extract(text, "2020-09-28")["figures"]
    assert (f["surface"], f["actor"]) == ("15 more of its servicemen", "Nagorno-Karabakh authorities")


def test_a_with_clause_adds_to_the_losses_its_subject_suffered():
    from data.extract import extract

    text = ("Armenia's Defence Ministry spokeswoman Shushan Stepanyan said Azerbaijani forces had suffered "
            "heavy losses, with about 200 soldiers killed.")
    (f,) = extract(text, "2020-09-28")["figures"]
    assert (f["actor"], f["claimed_by"]) == ("Azerbaijan", "Shushan Stepanyan")


@pytest.mark.parametrize("text, want", [
    ("Israeli figures show about 1,200 people were killed in the attack.", "Israel"),
    ("UN data show 12,000 civilians have been killed.", "United Nations"),
    ("Video footage showed two Azerbaijani soldiers being captured.", None),
])
def test_figures_a_side_s_data_show_are_its_claim(text, want):
    from data.extract import extract

    assert [f["claimed_by"] for f in extract(text, "2025-01-20")["figures"]] == [want]


@pytest.mark.parametrize("text", [
    "Armenia returns bodies, Azerbaijan hands over 15 detainees",
    "Russia frees 90 Ukrainian POWs",
])
def test_a_headline_s_present_tense_exchange_counts_prisoners(text):
    from data.extract import extract

    assert [f["category"] for f in extract(text, "2021-09-30")["figures"]] == ["prisoners"]


def test_a_border_town_is_the_place_of_its_toll_not_the_border():
    from data.extract import extract

    text = ("Russia and Ukraine fought on. Russian shelling killed three people in the border town of "
            "Vovchansk and wounded five others.")
    assert [f["place"] for f in extract(text, "2024-05-14")["figures"]] == ["Vovchansk", "Vovchansk"]


def test_a_what_clause_s_speaker_does_not_claim_the_toll():
    from data.extract import extract

    text = ("Russia fired dozens of missiles at cities across Ukraine on Monday, killing at least 11 people, "
            "in what President Vladimir Putin said was retaliation for an explosion on the Crimea bridge.")
    assert [f["claimed_by"] for f in extract(text, "2022-10-10")["figures"]] == [None]
    text = "Gunmen killed 15 people in the village, in what the Ukrainian military said was a terrorist attack."
    assert [f["claimed_by"] for f in extract(text, "2022-10-10")["figures"]] == [None]


@pytest.mark.parametrize("text, want", [
    ("The African Union's ATMIS mission, which has about 19,000 troops in Somalia, said its forces had "
     "helped repel the attack.", "ATMIS"),
    ("The United Nations Interim Force in Lebanon (UNIFIL), which has some 10,000 peacekeepers in the "
     "south, said it was gravely concerned.", "UNIFIL"),
    ("Russia, which has about 2,000 peacekeepers in the region, said nothing.", "Russia"),
])
def test_a_force_s_relative_clause_counts_its_own_troops(text, want):
    from data.extract import extract

    got = extract(text, "2024-09-24")
    assert [f["actor"] for f in got["figures"]] == [want]
    # the state in the mission's relative clause owns none of the forces after it
    assert "Armed Forces of Somalia" not in {a["name"] for a in got["actors"]}


def test_a_toll_across_a_clause_break_is_not_the_next_figure_s_side():
    from data.extract import extract

    text = ("By Wednesday the Armenian toll had risen to 105, Pashinyan said, while Azerbaijan put its "
            "losses at 71.")
    assert [(f["value"], f["actor"]) for f in extract(text, "2022-09-14")["figures"]] == [
        (105, "Armenia"), (71, "Azerbaijan")]


def test_a_toll_among_a_group_since_a_day_gives_the_number_it_rose_to():
    from data.extract import extract

    text = ("Azerbaijan said its death toll among civilians since Sept. 27 had risen to 90, with more than "
            "400 wounded.")
    assert [(f["value"], f["category"]) for f in extract(text, "2020-10-28")["figures"]] == [
        (90, "killed"), (400, "wounded")]


@pytest.mark.parametrize("text", [
    "Israeli air strikes on southern and eastern Lebanon on Monday killed 558 people, the health minister said.",
    "Israeli air strikes on Lebanon killed 558 people.",
])
def test_strikes_on_a_country_place_their_toll_there(text):
    from data.extract import extract

    assert [f["place"] for f in extract(text, "2024-09-24")["figures"]] == ["Lebanon"]


@pytest.mark.parametrize("text, want", [
    ("Tigrayan forces paraded thousands of captured Ethiopian soldiers through Mekelle.",
     ("thousands of captured Ethiopian soldiers", "captured", "Ethiopia")),
    ("Tigrayan forces paraded thousands of wounded Ethiopian soldiers.",
     ("thousands of wounded Ethiopian soldiers", "wounded", "Ethiopia")),
    ("Azerbaijan handed over 15 detained Armenian servicemen.",
     ("15 detained Armenian servicemen", "prisoners", "Armenia")),
    ("The strike killed 90 captured Ukrainian soldiers.", ("90 captured Ukrainian soldiers", "killed", "Ukraine")),
])
def test_a_participle_and_demonym_before_the_noun_are_the_figure_s(text, want):
    from data.extract import extract

    assert [(f["surface"], f["category"], f["actor"]) for f in extract(text, "2021-07-05")["figures"]] == [want]


def test_people_who_left_for_another_country_past_a_restating_aside_are_refugees():
    from data.extract import extract

    text = ("More than 100,000 people, or more than 80% of the population, have left Nagorno-Karabakh "
            "for Armenia.")
    assert [(f["value"], f["category"]) for f in extract(text, "2023-09-30")["figures"]] == [(100000, "refugees")]


def test_a_part_s_own_word_does_not_categorise_the_whole():
    from data.extract import extract

    text = "The city shelters more than 800,000 people, including about 500,000 displaced from elsewhere."
    assert [(f["value"], f["category"]) for f in extract(text, "2024-05-13")["figures"]] == [
        (800000, "other"), (500000, "displaced")]
    text = "More than 30 people, including 10 children, were killed."
    assert [f["category"] for f in extract(text, "2024-05-13")["figures"]] == ["killed", "killed"]


def test_a_spokesman_for_a_body_with_its_acronym_claims_in_person():
    from data.extract import extract

    text = ("A spokesman for the Tigray People's Liberation Front (TPLF), Getachew Reda, said about 7,000 "
            "soldiers had been taken prisoner.")
    assert [(f["claimed_by"], f["actor"]) for f in extract(text, "2021-07-05")["figures"]] == [("Getachew Reda", None)]
    text = ("More than 100,000 people, or more than 80% of the enclave's population, have left "
            "Nagorno-Karabakh for Armenia.")
    assert [f["category"] for f in extract(text, "2023-09-30")["figures"]] == ["refugees"]


@pytest.mark.parametrize("text, want", [
    ("Azerbaijani troops capture six Armenian soldiers near border", (6, "captured", "Armenia")),
    ("In Bucha, Mayor Anatoliy Fedoruk said 280 people had been buried in mass graves.", (280, "killed", None)),
])
def test_headline_captures_and_mass_graves(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"], f["actor"]) for f in extract(text, "2022-04-04")["figures"]] == [want]


def test_according_to_a_demonym_s_body_is_the_body_s_claim():
    from data.extract import extract

    text = ("According to the Palestinian Ministry of Health in Gaza, 687 people have been killed and 3,726 "
            "wounded since Saturday.")
    got = extract(text, "2023-10-09")
    assert [f["claimed_by"] for f in got["figures"]] == ["Gaza Health Ministry"] * 2
    # one mention, one body: the lexicon's name, not a composed "Ministry of Health of Palestine" too
    assert [a["name"] for a in got["actors"] if a["type"] == "organisation"] == ["Gaza Health Ministry"]


def test_an_unnamed_speaker_claims_the_figure_not_an_earlier_claimant():
    from data.extract import extract

    def claims(text):
        return [(f["value"], f["claimed_by"]) for f in extract(text, "2025-03-10")["figures"]]

    assert claims("Syria's defense ministry said it had concluded an operation, after four days of "
                  "violence in which a war monitor said more than 1,000 people were killed.") == [(1000, None)]
    assert claims("The Israeli military said it struck Gaza, killing 20 people, while local health "
                  "officials said 45 people died.") == [(20, "Armed Forces of Israel"), (45, None)]
    # a document speaks for the claimant that issued it
    assert claims("Russia's defence ministry said 20 soldiers were killed, the statement said.") == [
        (20, "Ministry of Defence of Russia")]


def test_a_list_set_off_by_including_and_nationalities_counted_as_nouns():
    from data.extract import extract

    got = [(f["surface"], f["category"]) for f in extract(
        "Thirteen foreign peacekeepers, including nine South Africans, three Malawians and one "
        "Uruguayan, were killed in clashes over the weekend, the U.N. said.", "2025-01-28")["figures"]]
    assert got == [("Thirteen foreign peacekeepers", "killed"), ("nine South Africans", "killed"),
                   ("three Malawians", "killed"), ("one Uruguayan", "killed")]
    assert [f["surface"] for f in extract("Two Americans were killed and one Russian soldier was wounded.",
                                          "2025-01-28")["figures"]] == ["Two Americans", "one Russian soldier"]


def test_aircraft_named_for_their_role_are_no_people():
    assert vc("Pakistan said it shot down five Indian fighter jets and two army helicopters.") == []
    assert vc("Five Indian fighters were killed.") == [(5, "killed")]


def test_verbless_counts_after_a_toll_share_it_and_a_side_phrase_names_their_side():
    from data.extract import extract

    got = [(f["value"], f["category"], f["actor"], f["claimed_by"]) for f in extract(
        "More than 500 people have been killed in Lebanon, mostly fighters but including over 100 "
        "civilians, and 23 soldiers and 22 civilians on the Israeli side, according to tallies by "
        "The Associated Press.", "2024-07-28")["figures"]]
    # the outlet's country (the AP's United States) is no side of the soldiers; civilians are
    # no side's casualties, on whichever side they died (gold d13: "21 civilians ..., Baku said")
    assert got == [(500, "killed", None, "AP"), (100, "killed", None, "AP"),
                   (23, "killed", "Israel", "AP"), (22, "killed", None, "AP")]
    got = [(f["value"], f["category"]) for f in extract(
        "Israel says 20 soldiers were killed, and 3,000 troops remain in the area.", "2024-07-28")["figures"]]
    assert got == [(20, "killed"), (3000, "troops")]  # a verb of its own


def test_a_venue_of_talks_is_not_where_the_fighting_was():
    from data.extract import extract

    figs_ = extract("Azerbaijan and ethnic Armenian forces in Nagorno-Karabakh agreed on Tuesday to halt "
                    "fighting that has killed dozens of people since Saturday, after talks in Moscow.",
                    "2016-04-05")["figures"]
    assert [(f["value"], f["place"]) for f in figs_] == [(24, "Nagorno-Karabakh")]


def test_more_everyday_words_for_people_count_them():
    assert vc("The 29 survivors were being treated in hospital. Gunmen killed 26 tourists. Police "
              "fired on the crowd, killing 12 demonstrators and wounding 40 worshippers.") == [
        (29, "wounded"), (26, "killed"), (12, "killed"), (40, "wounded")]


def test_a_since_clause_on_a_wars_start_dates_no_running_toll():
    from data.extract import extract

    got = [(f["value"], f["date"], f["claimed_by"]) for f in extract(
        "At least 676 people have been killed and 5,576 wounded since fighting broke out in Sudan between "
        "the army and the paramilitary Rapid Support Forces on April 15, the World Health Organization "
        "said on Monday. The Sudanese Doctors' Syndicate put the civilian toll at 822.", "2023-05-15")["figures"]]
    assert got == [(676, "2023-05-15", "World Health Organization"), (5576, "2023-05-15", "World Health Organization"),
                   # (the follow-up tally is as of the same report's day)
                   (822, "2023-05-15", "Sudan Doctors' Union")]


def test_a_possessive_in_another_clause_and_a_capitalised_in_before_a_country():
    from data.extract import extract

    got = [(f["value"], f["actor"], f["place"]) for f in extract(
        "Azerbaijan has not disclosed its military losses, but says 69 civilians have been killed. In "
        "Israel, about 1,400 people were killed in the Hamas attack, according to Israeli officials.",
        "2023-11-02")["figures"]]
    assert got == [(69, None, None), (1400, None, "Israel")]


def test_a_long_toll_complement_and_a_figure_inside_a_quotation():
    from data.extract import extract

    text = ("The number of servicemen killed as a result of the Azerbaijani aggression against the "
            "sovereign territory of Armenia has reached 105, Prime Minister Nikol Pashinyan said.\n\n"
            '"As of this moment, the number of our fallen servicemen is 106," the Prime Minister said.')
    got = [(f["value"], f["category"], f["actor"], f["claimed_by"]) for f in extract(text, "2022-09-15")["figures"]]
    assert got == [(105, "killed", "Armenia", "Nikol Pashinyan"), (106, "killed", None, "Nikol Pashinyan")]


def test_the_subject_of_a_participle_and_sides_named_with_from():
    from data.extract import extract

    def got(text):
        return [(f["value"], f["category"], f["actor"]) for f in extract(text, "2025-04-14")["figures"]]

    # the claimant struck, so the servicemen it says it killed are the other side's
    assert got("Russia said it had struck a meeting of Ukrainian commanders in Sumy, killing more than "
               "60 servicemen.") == [(60, "killed", "Ukraine")]
    assert got("The Israeli military said its jets had targeted some 20 to 30 militants from Hamas.") == [
        (20, "troops", "Hamas")]
    assert got("Three U.S. service members were killed and 34 wounded in a drone attack.") == [
        (3, "killed", "United States"), (34, "wounded", "United States")]


def test_a_place_after_a_day_after_clause_is_another_events():
    from data.extract import extract

    figs_ = extract("At least 700 people have been killed in Israel, officials said, a day after the "
                    "militants burst out of Gaza.", "2023-10-08")["figures"]
    assert [(f["value"], f["place"]) for f in figs_] == [(700, "Israel")]


def test_people_freed_by_a_side_are_not_its_own_and_a_region_city_of_a_town():
    from data.extract import extract

    text = ("Azerbaijan released 32 Armenian servicemen on Wednesday. The two soldiers freed by Armenia "
            "had crossed the border in April, according to Yerevan. One man was killed in the West Bank "
            "city of Jericho by falling debris.")
    got = [(f["value"], f["actor"], f["place"]) for f in extract(text, "2023-12-27")["figures"]]
    assert got == [(32, "Armenia", None), (2, "Azerbaijan", "Armenia-Azerbaijan border"), (1, None, "Jericho")]


@pytest.mark.parametrize("text, want", [
    ("Armenian health authorities said the toll from a fuel depot explosion on Monday near Stepanakert, "
     "known as Khankendi in Azerbaijan, had risen to 170, with 20 people still missing.",
     [(170, "killed"), (20, "missing")]),
    ("The toll from the blast near Stepanakert, which Azerbaijan calls Khankendi, rose to 68 on Tuesday.",
     [(68, "killed")]),
])
def test_another_name_set_off_by_commas_does_not_cut_a_toll_from_its_number(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"]) for f in extract(text, "2023-09-30")["figures"]] == want


def test_a_bare_count_after_a_toll_shares_its_verb():
    from data.extract import extract

    text = ("About 30,000 died in the first war in the early 1990s, and more than 6,500 in the six-week "
            "war of 2020. The army lost 40 tanks, and 12 in the north.")
    got = [(f["value"], f["qualifier"], f["category"]) for f in extract(text, "2023-09-30")["figures"]]
    assert got == [(30000, "around", "killed"), (6500, "more_than", "killed")]


@pytest.mark.parametrize("text, want", [
    # the subject of an active release verb with an object of its own released something else
    ("The government of junta leader Captain Ibrahim Traore has not released a toll.", []),
    ("Captain Ibrahim Traore released a statement on Sunday.", []),
    ("Armenia handed back two Azerbaijani soldiers on Thursday.", [(2, "prisoners", "Azerbaijan")]),
    ("In total, 3,405 Ukrainian defenders have been brought home from Russian captivity.",
     [(3405, "prisoners", "Ukraine")]),
    ("Five prisoners were released on Sunday.", [(5, "prisoners", None)]),
])
def test_release_verbs_count_the_released_not_who_releases(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"], f["actor"]) for f in extract(text, "2024-08-25")["figures"]] == want


@pytest.mark.parametrize("text, want", [
    # a ship's crew is nobody's side; "its" after the ship is the ship's
    ("A Houthi missile struck the ship, killing three of its crew members.", [(3, "killed", None)]),
    ("Russian forces shelled a bus in Kherson, killing five of its passengers.", [(5, "killed", None)]),
    ("The Houthis seized the Galaxy Leader and are still holding its 25 crew members.", [(25, "prisoners", None)]),
    # a tank's crew is its army's
    ("Two Russian tank crew members were killed.", [(2, "killed", "Russia")]),
    ("Armenia said Azerbaijani forces killed 50 of its servicemen.", [(50, "killed", "Armenia")]),
])
def test_a_crew_belongs_to_its_vessel_and_a_holder_s_captives_are_not_its_own(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"], f["actor"]) for f in extract(text, "2024-08-25")["figures"]] == want


@pytest.mark.parametrize("text, want", [
    ("Rishi Sunak said four Royal Air Force Typhoon jets had taken part.", []),
    ("Two Russian Air Force pilots were killed.", [(2, "killed", "Russia")]),
    ("At least 40 Russian Navy sailors died.", [(40, "killed", "Russia")]),
])
def test_a_military_word_inside_a_force_s_name_is_not_the_noun_counted(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"], f["actor"]) for f in extract(text, "2024-08-25")["figures"]] == want


@pytest.mark.parametrize("text, want", [
    ("Shelling hit Jermuk, a spa town of some 4,000 people, on Tuesday.", []),
    ("The enclave, home to about 120,000 ethnic Armenians, was cut off.", []),
    ("Gaza has a population of 2.3 million people.", []),
    # a camp's people are the displaced; a toll in a town is a toll
    ("Zamzam camp, home to 500,000 people, was overrun.", [(500000, "other")]),
    ("The shelling of the town of Goris killed 3 people.", [(3, "killed")]),
    # an apposition with an age describes the one person just counted
    ("The ministry said one man, a 47-year-old resident of Martakert, had died.", [(1, "killed")]),
])
def test_a_place_s_population_and_a_counted_person_s_description_are_no_figures(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"]) for f in extract(text, "2022-09-13")["figures"]] == want


@pytest.mark.parametrize("text, want", [
    # a follow-up sentence counts more of the lead's event: its day and its place
    ("Russian missiles struck Dnipro on Monday, killing 12 people. Another 64 were wounded, "
     "the governor said.", [(12, "2023-01-16", "Dnipro"), (64, "2023-01-16", "Dnipro")]),
    ("Gunmen attacked the village of Kwatandashi in Borno on Saturday, killing 20 farmers. "
     "Among the dead were three children. Two others were wounded.",
     [(20, "2023-01-14", "Kwatandashi"), (3, "2023-01-14", "Kwatandashi"), (2, "2023-01-14", "Kwatandashi")]),
    # ... but not one that names its own place or day
    ("Russian missiles struck Dnipro on Monday, killing 12 people. In Kharkiv, five were wounded.",
     [(12, "2023-01-16", "Dnipro"), (5, "2023-01-16", "Kharkiv")]),
    ("Russian missiles struck Dnipro on Monday, killing 12 people. Two were killed in Kharkiv on Sunday.",
     [(12, "2023-01-16", "Dnipro"), (2, "2023-01-15", "Kharkiv")]),
    # nor a running toll, another time, another side or a separate event
    ("Russian missiles struck Dnipro on Monday, killing 12 people. The war has killed more than "
     "9,000 civilians, the U.N. says.", [(12, "2023-01-16", "Dnipro"), (9000, None, None)]),
    ("Russian missiles struck Dnipro on Monday, killing 12 people. A month earlier, a strike killed 40.",
     [(12, "2023-01-16", "Dnipro"), (40, None, None)]),
    ("Israeli strikes hit Bint Jbeil on Monday, killing 12 people. On the Israeli side, 50 soldiers "
     "have been killed.", [(12, "2023-01-16", "Bint Jbeil"), (50, None, None)]),
    ("Russian missiles struck Dnipro on Monday, killing 12 people. In a separate attack, two "
     "were wounded.", [(12, "2023-01-16", "Dnipro"), (2, None, None)]),
    # nor one after a figure that was itself another, older event's
    ("India struck nine sites in Pakistan early on Wednesday, two weeks after an attack in "
     "Kashmir killed 26 men. Pakistan said 31 civilians were killed.",
     [(26, None, "Kashmir"), (31, None, None)]),
])
def test_a_follow_up_sentence_keeps_the_day_and_place_of_the_figure_before(text, want):
    from data.extract import extract

    assert [(f["value"], f["date"], f["place"]) for f in extract(text, "2023-01-17")["figures"]] == want


@pytest.mark.parametrize("text, want", [
    # where captives are handed over, and how many fled the whole war, are not the lead's place
    ("Gunmen killed 12 people in Bucha on Monday. The 90 prisoners were handed to the Red Cross.",
     [(12, "killed", "Bucha"), (90, "prisoners", None)]),
    ("Gunmen killed 12 people in Bucha on Monday. The U.N. says 2.2 million people have fled "
     "their homes.", [(12, "killed", "Bucha"), (2200000, "displaced", None)]),
])
def test_a_follow_up_count_of_captives_or_the_displaced_keeps_no_local_place(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"], f["place"]) for f in extract(text, "2023-01-17")["figures"]] == want


@pytest.mark.parametrize("text, want", [
    ("Hamas-led fighters attacked southern Israel, killing about 1,200 people.", "Israel"),
    ("A drone hit an outpost in northeastern Jordan, killing three soldiers.", "Jordan"),
])
def test_a_country_with_a_compass_word_before_it_is_a_place(text, want):
    from data.extract import extract

    assert [f["place"] for f in extract(text, "2023-10-08")["figures"]] == [want]


def test_a_war_that_began_on_a_day_has_a_running_toll():
    from data.extract import extract

    text = "The fighting that began Sept. 27 has killed more than 1,300 servicemen."
    assert [f["date"] for f in extract(text, "2020-11-10")["figures"]] == [None]


@pytest.mark.parametrize("text, want", [
    ("Two more injured persons succumbed on Tuesday.", [(2, "killed")]),
    ("About 70 American personnel suffered minor injuries.", [(70, "wounded")]),
    # the figure's own verb after a complement of place, not the casualty word before the "and"
    ("Nearly 50 soldiers had been killed and some 60,000 residents of the north evacuated from "
     "their homes.", [(50, "killed"), (60000, "displaced")]),
    # a formation's number, and attacks by a kind of people, are no counts of people
    ("Lance Naik Raman Thakur of 5 Field Regiment was killed.", []),
    ("There were nearly 100 insurgent attacks last year.", []),
])
def test_more_casualty_verbs_and_numbers_that_count_no_one(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"]) for f in extract(text, "2024-12-10")["figures"]] == want


@pytest.mark.parametrize("text, claimant", [
    ("The Syrian Observatory for Human Rights reported fighting in Latakia. The Britain-based "
     "monitor said 231 members of the security forces had been killed.", "Syrian Observatory for Human Rights"),
    ("Houthi rebels fired missiles at ships. US strikes killed at least 74 people, the rebels said.", "Houthis"),
])
def test_a_monitor_or_the_rebels_as_source_refer_back_to_the_body_named(text, claimant):
    from data.extract import extract

    assert [f["claimed_by"] for f in extract(text, "2025-04-18")["figures"]] == [claimant]


@pytest.mark.parametrize("text, want", [
    # the soldiers of the only state whose forces the story names
    ("The Nigerian army fought ISWAP in Borno. Jihadists killed at least 20 soldiers in the raid, "
     "two security sources said.", [(20, "Nigeria")]),
    # ... not when it names the state at war with it, another state or a UN mission beside them,
    # nor fighters, nor soldiers its own forces killed
    ("Azerbaijani forces shelled Armenia. 12 soldiers were killed.", [(12, None)]),
    # (the state that has the troops is their side, not the Royal Air Force's United Kingdom)
    ("Royal Air Force jets struck. The United States has some 2,000 troops in Syria.", [(2000, "United States")]),
    ("The Israeli army struck. The mission has about 10,000 troops, UNIFIL said.", [(10000, None)]),
    ("Israeli troops raided Jenin. Israeli forces killed 17 militants.", [(17, None)]),
    ("The Sudanese army advanced. Its forces killed 30 soldiers in the attack.", [(30, None)]),
])
def test_unmarked_soldiers_are_those_of_the_only_state_whose_forces_are_named(text, want):
    from data.extract import extract

    assert [(f["value"], f["actor"]) for f in extract(text, "2025-03-25")["figures"]] == want


@pytest.mark.parametrize("text", [
    "Two fighters from Afrin told the BBC they were paid $1,500 a month.",
    "Three soldiers said they had not been paid for months.",
    "Two residents of the town told AFP they saw the bodies.",
])
def test_people_counted_as_the_speakers_of_a_statement_are_no_figure(text):
    from data.extract import extract

    assert extract(text, "2020-10-04")["figures"] == []


@pytest.mark.parametrize("text, want", [
    ("An AFP journalist in Barda saw at least five bodies.", ["AFP"]),
    ("Reuters journalists saw at least 20 bodies in Bucha.", ["Reuters"]),
    # only an outlet's journalists see for it: "residents saw" claims nothing
    ("Residents saw 12 bodies in the street.", [None]),
])
def test_what_a_news_agency_s_journalists_saw_is_its_claim(text, want):
    from data.extract import extract

    assert [f["claimed_by"] for f in extract(text, "2020-10-28")["figures"]] == want


@pytest.mark.parametrize("text, want", [
    ("24 people have been killed in Israel, according to the prime minister's office.",
     [(24, "killed", "Office of the Prime Minister of Israel")]),
    ("Ukraine's national police said five people were killed in Kharkiv.", [(5, "killed", "Police of Ukraine")]),
    ("A police spokesman said 26 people had been kidnapped.", [(26, "captured", None)]),
    ("Bandits stormed the village, kidnapping 40 residents.", [(40, "captured", None)]),
])
def test_police_and_a_prime_minister_s_office_claim_and_kidnappings_count(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"], f["claimed_by"]) for f in extract(text, "2025-06-14")["figures"]] == want


def test_soldiers_a_source_reports_are_counted():
    from data.extract import extract

    text = "Russia's defence ministry said 115 Russian servicemen had been returned. The ministry said 300 troops remain."
    assert [f["value"] for f in extract(text, "2024-08-24")["figures"]] == [115, 300]


@pytest.mark.parametrize("text, want", [
    # where it was said is no place of the figure, even alone
    ("The army sent 1,100 soldiers to the state, the defense secretary told reporters in Mexico City.",
     [(1100, None, None)]),
    ("Russian strikes killed 12 people in Kharkiv, Zelensky told reporters in Kyiv.", [(12, None, "Kharkiv")]),
    # nor where the displaced went
    ("Tens of thousands of people fled their homes in the south, clogging the main highway to Beirut.",
     [(20000, None, None)]),
    # nor is the year a body was founded the figure's date
    ("The ELN, founded in 1964, has about 6,000 fighters.", [(6000, None, None)]),
])
def test_a_venue_a_destination_and_a_founding_year_are_not_the_figure_s(text, want):
    from data.extract import extract

    assert [(f["value"], f["date"], f["place"]) for f in extract(text, "2025-04-15")["figures"]] == want


def test_journalists_in_a_town_are_counted_there():
    from data.extract import extract

    text = "A mine killed two Azerbaijani journalists in Kalbajar on Friday."
    assert [f["place"] for f in extract(text, "2021-04-12")["figures"]] == ["Kalbajar"]


@pytest.mark.parametrize("text, want", [
    # civilians are no side's casualties, even "its"
    ("Azerbaijan says 63 of its civilians were killed.", [(63, "killed", None)]),
    # captives named by nationality are their country's
    ("Azerbaijan is still holding more than 100 Armenians.", [(100, "prisoners", "Armenia")]),
    # a military vehicle's crew is the vehicle's side
    ("Azerbaijani forces shot down a Russian Mi-24 helicopter, killing two crew members.",
     [(2, "killed", "Russia")]),
    ("Azerbaijani forces shot down the Russian Mi-24 helicopter, killing two crew members.",
     [(2, "killed", "Russia")]),
    ("A Houthi missile struck the ship, killing three of its crew.", [(3, "killed", None)]),
])
def test_sides_of_civilians_captives_and_crews(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"], f["actor"]) for f in extract(text, "2020-11-10")["figures"]] == want


@pytest.mark.parametrize("text, want", [
    # shares and the populations they are of are no counts
    ("Nearly one-third of South Sudan's 12 million people are displaced.", []),
    ("One in four residents has fled, the UN said.", []),
    ("About 85% of Gaza's 2.3 million people have been driven from their homes.", []),
    ("One of the 12 soldiers was killed.", [(12, "killed")]),
    # sources, and an official toll, count no one
    ("Ten people were killed, according to two witnesses.", [(10, "killed")]),
    ("The African Union has never published an official toll.", []),
    # more verbs
    ("Hundreds of civilians were gunned down in the attack.", [(200, "killed")]),
    ("The fighting forced some 90,000 people from their homes.", [(90000, "displaced")]),
])
def test_shares_sources_and_more_casualty_verbs(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"]) for f in extract(text, "2025-06-03")["figures"]] == want


@pytest.mark.parametrize("text, want", [
    # an "including" aside closed before the clause goes on is no member list of the speaker
    ("The death toll has risen to 14, including a child, and the number of injured has climbed to 61, "
     "the acting mayor of Chernihiv, Oleksandr Lomako, said.",
     [(14, None, "Oleksandr Lomako"), (61, None, "Oleksandr Lomako")]),
    # "the X side has N killed": the side's losses
    ("The Armenian side has 4 killed and 6 wounded.", [(4, "Armenia", None), (6, "Armenia", None)]),
    ("Hamas has 240 hostages.", [(240, None, None)]),
])
def test_a_speaker_after_a_closed_aside_and_a_side_that_has_its_losses(text, want):
    from data.extract import extract

    assert [(f["value"], f["actor"], f["claimed_by"]) for f in extract(text, "2024-04-17")["figures"]] == want


@pytest.mark.parametrize("text, want", [
    ("More than ten members of the illegal armed formations were neutralized.", [(10, "more_than", "killed")]),
    ("Dozens of terrorists were neutralised in the operation.", [(24, "range", "killed")]),
    # "may" before a number is no month ("The toll may exceed 1,300"), and a toll that "may
    # exceed" a number is more than it
    ("The toll may exceed 1,300, the group said.", [(1300, "more_than", "killed")]),
    ("Fighting since Sept. 27 killed 40.", [(40, "exact", "killed")]),
])
def test_neutralised_fighters_and_a_toll_that_may_exceed(text, want):
    from data.extract import extract

    assert [(f["value"], f["qualifier"], f["category"]) for f in extract(text, "2024-04-17")["figures"]] == want


@pytest.mark.parametrize("text, want", [
    # a quoted count is still the object of the verb outside the quote marks
    ('The Malian army said that it had killed "dozens of terrorists".', [(24, "killed", None)]),
    ('The junta claimed that "dozens of terrorists" were neutralised.', [(24, "killed", None)]),
    ("Five soldiers paid the supreme price, the army said.", [(5, "killed", None)]),
])
def test_quoted_counts_and_euphemisms(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"], f["actor"]) for f in extract(text, "2024-07-30")["figures"]] == want


def test_jihadist_before_a_noun_is_an_adjective():
    from data.extract import extract

    figs = extract("Macron said 300 jihadist fighters had passed through Gaziantep.", "2020-10-02")["figures"]
    assert [(f["surface"], f["category"]) for f in figs] == [("300 jihadist fighters", "troops")]


def test_terrorists_or_militants_an_army_reports_are_not_its_own():
    from data.extract import extract

    text = ('Hamas fighters fired rockets. The Israeli army said troops operating in eastern Rafah had '
            'killed "dozens of terrorists".')
    assert [(f["value"], f["actor"], f["claimed_by"]) for f in extract(text, "2024-05-20")["figures"]] == [
        (24, "Hamas", "Armed Forces of Israel")]
    assert [f["actor"] for f in extract("India said more than 100 terrorists were killed.", "2025-05-08")["figures"]] == [None]


@pytest.mark.parametrize("text, want", [
    ("At least 14 people killed, 44 injured in Russian strike on supermarket in Kostiantynivka - "
     "Donetsk Governor Vadym Filashkin.", ["Vadym Filashkin", "Vadym Filashkin"]),
    ("Governor Vyacheslav Gladkov: one civilian killed, 2 wounded in shelling of Shebekino.",
     ["Vyacheslav Gladkov", "Vyacheslav Gladkov"]),
    # a dash before no source claims nothing
    ("Three soldiers were killed in the attack - a toll that rose.", [None]),
])
def test_wire_flash_sources_after_a_dash_or_before_a_colon(text, want):
    from data.extract import extract

    assert [f["claimed_by"] for f in extract(text, "2024-08-10")["figures"]] == want


def test_terrorists_a_state_reports_are_an_armed_group_s_not_the_rival_state_s():
    from data.extract import extract

    text = "Pakistan's army shelled Poonch. India said more than 100 terrorists were killed."
    assert [f["actor"] for f in extract(text, "2025-05-08")["figures"]] == [None]


def test_its_of_a_report_before_that_is_no_side_of_the_count():
    from data.extract import extract

    text = ("The Gaza Health Ministry said in its daily update that 82 Palestinians were killed and 234 "
            "wounded.")
    assert [f["actor"] for f in extract(text, "2024-05-14")["figures"]] == [None, None]
    text = "Azerbaijan's defence ministry said that 50 of its soldiers were killed."
    assert [f["actor"] for f in extract(text, "2022-09-13")["figures"]] == ["Azerbaijan"]


def test_the_official_an_outlet_quotes_claims_the_toll():
    from data.extract import extract

    text = ("As Ukrinform reported, 2 people were killed and 8 injured, the head of the Odesa regional "
            "military administration Oleh Kiper said.")
    r = extract(text, "2024-10-14")
    assert [f["claimed_by"] for f in r["figures"]] == ["Oleh Kiper", "Oleh Kiper"]
    assert [a["role"] for a in r["actors"] if a["name"] == "Oleh Kiper"] == [
        "head of the Odesa regional military administration"]
    assert [f["claimed_by"] for f in extract("According to TASS, 5 soldiers were killed.", "2024-10-14")["figures"]] == ["TASS"]


def test_a_year_before_war_is_no_count_of_the_noun_after_it():
    from data.extract import extract

    text = "After the 2020 war the peacekeepers set up posts along the former front line."
    assert extract(text, "2024-04-17")["figures"] == []


@pytest.mark.parametrize("text, want", [
    # a state that has or keeps troops is their side; a count with its noun left out shares it
    ("The United States has some 2,500 troops in Iraq and 900 in Syria.",
     [(2500, "troops", "United States"), (900, "troops", "United States")]),
    ("Russia now keeps an estimated 10,000 troops in South Ossetia, according to the Georgian foreign ministry.",
     [(10000, "troops", "Russia")]),
    ("The Armenian side has 49 casualties.", [(49, "killed", "Armenia")]),
])
def test_troops_a_state_has_and_a_count_sharing_their_noun(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"], f["actor"]) for f in extract(text, "2025-08-08")["figures"]] == want


@pytest.mark.parametrize("text, want", [
    ("The ministry said 71 militants were killed. The figure was later revised down to 45.",
     [(71, "killed"), (45, "killed")]),
    ("The authorities initially claimed 1,492 deaths, a figure they later revised down to 365.",
     [(1492, "killed"), (365, "killed")]),
    ("The ministry said 71 militants were killed. Talks were later moved to 45 Downing Street.", [(71, "killed")]),
])
def test_a_revised_figure_counts_what_the_figure_before_it_counted(text, want):
    from data.extract import extract

    assert [(f["value"], f["category"]) for f in extract(text, "2025-06-03")["figures"]] == want


def test_a_casualty_list_written_as_a_table():
    from data.extract import extract

    text = "Killed: 17 Somali soldiers, three Ugandan troops; wounded: about 30."
    assert [(f["value"], f["category"]) for f in extract(text, "2025-06-03")["figures"]] == [
        (17, "killed"), (3, "killed"), (30, "wounded")]
    assert [(f["value"], f["category"]) for f in extract("Note: 300 troops were deployed.", "2025-06-03")["figures"]] == [
        (300, "troops")]


def test_a_named_soldier_s_birth_year_aside_keeps_him_counted():
    from data.extract import extract

    text = "Serviceman of the Azerbaijan Army, Private Anar Hajiyev, born in 2003, became a martyr."
    assert [(f["value"], f["category"], f["actor"]) for f in extract(text, "2022-08-03")["figures"]] == [
        (1, "killed", "Azerbaijan")]
