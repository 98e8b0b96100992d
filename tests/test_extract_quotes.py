"""Quotes: spans, speakers, outlets (own sentences)."""
import pytest

from data.extract import extract
from data.extract.quotes import find_quotes


def quotes(text):
    recs = extract(text, "2023-05-02")["quotes"]
    for q in recs:
        assert text[q["start"]:q["end"]] == q["surface"]
    return [(q["surface"][:12], q["speaker"], q["via"]) for q in recs]


def test_speaker_after_quote_and_outlet_same_sentence():
    text = ("“The road must reopen within days,” Georgian deputy foreign minister Levan Beridze said, "
            "as quoted by Interfax.")
    assert quotes(text) == [("The road mus", "Levan Beridze", "Interfax")]


def test_said_name_order_and_straight_quotes():
    text = '"We will not accept any ultimatum from anyone," said Davit Melkonyan.'
    assert quotes(text) == [("We will not ", "Davit Melkonyan", None)]


def test_bare_surname_and_pronoun_resolve_to_last_person():
    text = ("Foreign minister Giorgi Tsereteli spoke to reporters. "
            "“We are ready for talks at any level,” Tsereteli added. "
            "“Nothing has been decided yet,” he told Reuters.")
    assert quotes(text) == [("We are ready", "Giorgi Tsereteli", None),
                            ("Nothing has ", "Giorgi Tsereteli", "Reuters")]


def test_according_to_outlet_in_previous_sentence():
    text = ("According to Interfax, Giorgi Tsereteli said the envoy had left. "
            "“He left without any explanation at all,” he was quoted as saying.")
    assert quotes(text) == [("He left with", "Giorgi Tsereteli", "Interfax")]


def test_speaker_before_quote_with_colon():
    text = "Sergei Lavrov told journalists: “The situation remains very difficult for everyone.”"
    assert quotes(text) == [("The situatio", "Sergei Lavrov", None)]


def test_organisation_as_speaker():
    text = "“The shelling of civilian areas must stop now,” Russia's Foreign Ministry said."
    assert quotes(text) == [("The shelling", "Ministry of Foreign Affairs of Russia", None)]


def test_scare_quotes_are_skipped():
    text = "Officials in Tbilisi denounced what they called a “provocative act” on Monday."
    assert quotes(text) == []


def test_short_quote_introduced_by_speech_verb_is_kept():
    text = "Asked about the deal, Davit Melkonyan said: “Absolutely not.”"
    assert quotes(text) == [("Absolutely n", "Davit Melkonyan", None)]


def test_short_quote_with_an_attribution_after_it_is_kept():
    assert quotes("“This is unacceptable,” said Ararat Mirzoyan, Armenia's foreign minister.") == [
        ("This is unac", "Ararat Mirzoyan", None)]
    assert quotes('"Not now," Ararat Mirzoyan told reporters.') == [("Not now,", "Ararat Mirzoyan", None)]
    # a clause of its own after the marks is no attribution: a scare quote still
    assert quotes("Officials described the “humanitarian corridor,” which Baku denied.") == []


def test_according_to_a_person_before_the_quote_names_the_speaker():
    assert quotes("According to Peskov, “the peacekeepers will stay in the region”.") == [
        ("the peacekee", "Dmitry Peskov", None)]
    assert quotes("According to Reuters, “the peacekeepers will stay in the region”.") == [
        ("the peacekee", None, "Reuters")]


def test_quote_spanning_a_paragraph():
    text = ("“We have done everything we could to stop this war.\n\n"
            "“Now it is up to the other side to act,” said Davit Melkonyan.")
    recs = extract(text)["quotes"]
    assert len(recs) == 1 and recs[0]["speaker"] == "Davit Melkonyan"
    assert recs[0]["surface"].startswith("We have") and recs[0]["surface"].endswith("act,")


def test_unattributed_follow_up_quote_keeps_speaker():
    text = ("“The talks went well and we will meet again,” said Davit Melkonyan.\n\n"
            "“There is still a lot of work ahead of us.”")
    assert [q[1] for q in quotes(text)] == ["Davit Melkonyan", "Davit Melkonyan"]


@pytest.mark.parametrize("text", ["", "“", "”", '"', '""', "“”", "“ ”", '" a "', "«x»", "\x00“\x00”"])
def test_odd_marks_give_valid_records(text):
    for q in find_quotes(text, None, []):
        assert text[q["start"]:q["end"]] == q["surface"]


def test_a_body_speaking_before_its_verb_not_a_name_inside_what_it_said():
    text = "The Armenian Foreign Ministry said in a statement that Baku’s actions were “unacceptable”."
    assert quotes(text) == [("unacceptable", "Ministry of Foreign Affairs of Armenia", None)]


def test_a_verb_of_a_new_clause_after_the_quote_is_not_its_attribution():
    from data.extract import extract

    text = ("Azerbaijan's Defence Ministry denied the report, calling it \"disinformation\", and said "
            "Armenian forces had fired at its positions.")
    assert [q["speaker"] for q in extract(text, "2023-05-15")["quotes"]] == ["Ministry of Defence of Azerbaijan"]


def test_a_short_quote_with_a_long_attribution_after_it():
    from data.extract import extract

    text = "\"We will respond,\" Armenian Foreign Ministry spokeswoman Ani Badalyan said on Monday."
    assert [(q["surface"], q["speaker"]) for q in extract(text, "2023-05-15")["quotes"]] == [
        ("We will respond,", "Ani Badalyan")]


@pytest.mark.parametrize("text, want", [
    ('President Volodymyr Zelensky described it as "another manifestation of Russian madness".',
     [("Volodymyr Zelensky", "another manifestation of Russian madness")]),
    ('Prime Minister Nikol Pashinyan called the decision "unspeakably painful for me and our people".',
     [("Nikol Pashinyan", "unspeakably painful for me and our people")]),
    # a short quote after a verb of naming is a label, not speech
    ('Troops entered a village called "Sotk" on Monday.', []),
])
def test_calling_and_describing_attribute_quotes(text, want):
    from data.extract import extract

    assert [(q["speaker"], q["surface"]) for q in extract(text, "2024-05-26")["quotes"]] == want


def test_a_speech_verb_of_a_later_clause_or_quotation_is_not_the_attribution():
    text = ('Georgia\'s State Security Service said it had prevented a "sabotage attempt" after a '
            '"provocation" a day earlier, when it said a Russian officer had crossed the line.')
    got = [(q["surface"], q["speaker"]) for q in extract(text, "2023-05-15")["quotes"]]
    assert got[0] == ("sabotage attempt", "State Security Service of Georgia")


def test_it_said_after_a_quote_is_the_body_that_spoke_last():
    text = ('Georgia\'s interior ministry rejected the report. Its units are "acting within the law at '
            'all times", it said.')
    got = [(q["surface"][:10], q["speaker"]) for q in extract(text, "2023-05-15")["quotes"]]
    assert got == [("acting wit", "Ministry of Internal Affairs of Georgia")]


@pytest.mark.parametrize("text, want", [
    ('Azerbaijan\'s Defense Ministry said 50 of its soldiers had died. It accused Armenia of '
     '"large-scale provocations" and said its units had taken "adequate retaliatory measures."',
     "Ministry of Defence of Azerbaijan"),
    ('Armenia\'s Defence Ministry accused Azerbaijan of provocations and said its units had taken '
     '"adequate retaliatory measures against the enemy."', "Ministry of Defence of Armenia"),
])
def test_said_after_and_shares_the_subject_that_opens_the_sentence(text, want):
    got = [q["speaker"] for q in extract(text, "2022-09-14")["quotes"]]
    assert got[-1] == want


def test_an_office_in_place_of_the_name_after_a_quote_is_the_person_named_last():
    text = ('Moscow is concerned, Russian Foreign Ministry Spokeswoman Maria Zakharova said on Tuesday.\n\n'
            '"We call on the parties to refrain from further escalation of tensions," the diplomat said.')
    assert [q["speaker"] for q in extract(text, "2022-09-14")["quotes"]] == ["Maria Zakharova"]
    # a body is no person's office
    text = 'Maria Zakharova spoke on Tuesday. "We will respond to every provocation," the ministry said.'
    assert [q["speaker"] for q in extract(text, "2022-09-14")["quotes"]] == [None]


@pytest.mark.parametrize("text, want", [
    ('"What kind of country is this, which is afraid of hospitals?" President Volodymyr Zelenskiy said '
     'in a video address.', ["Volodymyr Zelensky"]),
    ('"We will not give up our land!" Prime Minister Nikol Pashinyan told the crowd.', ["Nikol Pashinyan"]),
    # the next sentence says something else: no attribution
    ('"Is this what peace looks like?" The question hung over the talks. Pashinyan said nothing more.',
     [None]),
])
def test_an_attribution_after_a_question_or_exclamation_mark(text, want):
    from data.extract import extract

    assert [q["speaker"] for q in extract(text, "2022-03-10")["quotes"]] == want


def test_an_unnamed_spokesperson_speaks_for_the_body_named_before():
    text = ("The U.S. State Department said Secretary of State Antony Blinken would call both leaders. "
            '"We urge Azerbaijan to cease its military actions immediately," a spokesperson said.')
    assert [q["speaker"] for q in extract(text, "2023-09-19")["quotes"]] == ["Department of State of United States"]


@pytest.mark.parametrize("text, want", [
    # the verb after the quote belongs to a clause the reported sentence goes on with
    ('Azerbaijan\'s border service said its units had carried out a "revenge operation" in response to '
     'what it called a provocation by Armenian forces.', ["State Border Service of Azerbaijan"]),
    # with no verb before it, the one after the sentence's clause attributes the quote
    ('"We will not retreat" in the face of aggression, Pashinyan told parliament.', ["Nikol Pashinyan"]),
])
def test_a_quote_inside_a_reported_sentence_is_its_speaker_s(text, want):
    assert [q["speaker"] for q in extract(text, "2024-02-13")["quotes"]] == want


@pytest.mark.parametrize("joint", ["and", "but"])
def test_a_second_verb_of_the_subject_quotes_the_subject_not_its_object(joint):
    text = (f'Azerbaijan accused Armenia of shelling Tartar {joint} said it would "respond with restraint '
            'to every provocation".')
    assert [q["speaker"] for q in extract(text, "2020-10-05")["quotes"]] == ["Azerbaijan"]


@pytest.mark.parametrize("reported", ["its units had taken", "Armenian forces had carried out"])
def test_it_said_before_a_quote_is_the_last_sentence_s_subject(reported):
    text = (f"Azerbaijan's defence ministry said it had lost 50 servicemen and accused Armenia of attacks. It "
            f'said {reported} "adequate retaliatory measures" near the border.')
    assert [q["speaker"] for q in extract(text, "2022-09-14")["quotes"]] == ["Ministry of Defence of Azerbaijan"]


def test_a_person_after_another_verb_is_not_the_speaker_of_a_scare_quote():
    text = ('The Israeli army said it had killed Ibrahim Biari, a senior Hamas commander who it said '
            'was behind the October 7 attack, and "dozens" of fighters.')
    assert [q[1] for q in quotes(text)] == ["Armed Forces of Israel"]
    # an inverted speaker right after the verb still speaks
    assert [q[1] for q in quotes(
        'In a statement, said Hikmet Hajiyev: "We will respond to every provocation with force."')] == [
        "Hikmet Hajiyev"]


@pytest.mark.parametrize("text, want", [
    # "States" in a name is no speech verb after the quote
    ('Joe Biden said in a statement the strikes were "a clear message" that the United States would act.',
     [("a clear message", "Joe Biden")]),
    # a participle of speech introduces what follows
    ('Ilham Aliyev thanked the Russian contingent, saying at a meeting in Baku a week ago that "the mission '
     'has been fulfilled".', [("the mission has been fulfilled", "Ilham Aliyev")]),
    # a first name alone speaks for the person named in full before
    ('Acting Prime Minister Phumtham Wechayachai visited the border. "We have sealed the border and will '
     'not negotiate under fire," Phumtham told reporters in Bangkok.',
     [("We have sealed the border and will not negotiate under fire,", "Phumtham Wechayachai")]),
    # a quoted name is no quotation
    ('Donald Trump called the corridor the "Trump Route for International Peace and Prosperity" at the '
     'signing.', []),
])
def test_speech_verbs_participles_first_names_and_quoted_names(text, want):
    assert [(q["surface"], q["speaker"]) for q in extract(text, "2025-08-09")["quotes"]] == want


@pytest.mark.parametrize("text, want", [
    # British and headline style single quotes, straight or curly
    ("'Every spring they come and move the fence,' said Dato Kapanadze, a villager.",
     [("Every spring they come and move the fence,", "Dato Kapanadze")]),
    ("‘We appeal to Russia to protect Armenia’s territorial integrity,’ Armen Grigoryan said.",
     [("We appeal to Russia to protect Armenia’s territorial integrity,", "Armen Grigoryan")]),
    # a single-quoted word inside a double-quoted quotation is no quotation of its own, and
    # apostrophes open none
    ("Russia's army said the soldiers' families were told. \"We won't 'negotiate' with them,\" Ilham Aliyev said.",
     [("We won't 'negotiate' with them,", "Ilham Aliyev")]),
])
def test_single_quote_marks_quote_too(text, want):
    from data.extract import extract

    assert [(q["surface"], q["speaker"]) for q in extract(text, "2024-04-17")["quotes"]] == want
