"""r24e: regional press in translation (Caucasus, Central Asia, the Balkans, the Gulf, the
Sahel), by kind (issue 16, twenty-fourth round). Every sentence here was written for
these tests.

1. "Official <capital>" is the capital's government ("Official Baku rejected ...": AZE, not
   the country of a place later in the sentence): ``words.yaml``
   ``actor_capital_government_words``, read by ``tidings.actors._person_context``.
2. A host receiving, hosting or welcoming a visitor named by office ("received the Georgian
   delegation", "hosted the Hungarian foreign minister") is CONSULT visit with the guest
   as actor and the host as recipient (``sense:received-visitor-is-visit``; annotation
   guide section 3 and 11.7; train gold "hosted Erdogan", "hosted President Zelenskyy").
   Admitted observers and monitors stay RETREAT access.
3. Signing a memorandum, protocol, roadmap, declaration or treaty stays SUPPORT: the
   annotation guide (section 3, SUPPORT: "sign, ratify or finalise an agreement") and the
   corpus train gold (some 20 signed agreements, memoranda and accords, all SUPPORT) say
   so; only a promise to sign is AGREE.
4. "At the level of X" names a rank, not a party (``syntax.level_phrase``, ``words.yaml``
   ``level_nouns``); "the sides" after a meeting are its two parties.
5. Calling another party's act intrusive, destructive, hostile or an interference is
   ACCUSE disapprove (``frame:act-called-harmful-is-disapproval``, ``words.yaml``
   ``speaker_condemning_predicates``), after a verb of naming only ("the floods were
   destructive" is no criticism).
"""

from __future__ import annotations

import pytest

from conftest import happened, of_type, shown

pytestmark = pytest.mark.slow


def _countries(ents) -> list:
    return sorted(str(e.country) for e in ents)


# ------------------------------------------------------------------ 1. official <capital>

@pytest.mark.parametrize("text, iso", [
    ("Official Baku", "AZE"),
    ("official Yerevan", "ARM"),
    ("Official Tbilisi", "GEO"),
    ("Official Tashkent", "UZB"),
    ("official Tehran", "IRN"),
    ("Official Minsk", "BLR"),
    ("Official Belgrade", "SRB"),
])
def test_official_capital_is_its_government(text, iso):
    from tidings.actors import default_resolver

    e = default_resolver().resolve(text, date="2024-03-05")
    assert e is not None and (e.country, e.sector) == (iso, "GOV"), e


def test_capital_in_a_persons_name_stays_a_name():
    from tidings.actors import default_resolver

    # control: a capital after a capitalised given name is still part of a person's name
    assert default_resolver().resolve("Denzel Washington", date="2024-03-05") is None


@pytest.mark.parametrize("text, etype, actor", [
    ("Official Baku rejected the proposal of the Armenian side to hold talks in Vienna.", "REJECT", "AZE"),
    ("Official Dushanbe rejected the Kyrgyz proposal to meet in Moscow.", "REJECT", "TJK"),
    ("Official Ankara condemned the attack on the embassy in Paris.", "ACCUSE", "TUR"),
])
def test_official_capital_acts_for_its_state(code_text, text, etype, actor):
    ev = of_type(code_text(text, pub_date="2024-03-05"), etype)[0]
    assert _countries(ev.actor) == [actor], shown([ev])


# ------------------------------------------------------------------ 2. receiving a visitor

@pytest.mark.parametrize("text, guest, host", [
    ("The Kazakh president received the Uzbek delegation led by the foreign minister in Astana.", "UZB", "KAZ"),
    ("Uzbek President Shavkat Mirziyoyev received the Turkmen foreign minister in Tashkent on Monday.", "TKM", "UZB"),
    ("Serbian President Aleksandar Vucic hosted the Hungarian foreign minister in Belgrade.", "HUN", "SRB"),
    ("The Malian transitional leader received a Nigerien delegation in Bamako on Thursday.", "NER", "MLI"),
    ("The Omani sultan received the Kuwaiti envoy in Muscat.", "KWT", "OMN"),
])
def test_received_visitor_is_a_visit_guest_first(code_text, text, guest, host):
    evs = code_text(text, pub_date="2024-03-05")
    assert not [e for e in evs if e.event_type == "RETREAT"], shown(evs)
    ev = of_type(evs, "CONSULT")[0]
    assert ev.mode == "visit" and "sense:received-visitor-is-visit" in ev.rules, shown([ev])
    assert (_countries(ev.actor), _countries(ev.recipient)) == ([guest], [host]), shown([ev])


def test_welcomed_visitor_is_a_visit(code_text):
    ev = of_type(code_text("Qatar's emir welcomed the visiting Senegalese minister to Doha on Sunday.",
                           pub_date="2024-03-05"), "CONSULT")[0]
    assert ev.mode == "visit" and _countries(ev.actor) == ["SEN"], shown([ev])
    assert "QAT" in _countries(ev.recipient), shown([ev])


def test_head_of_state_takes_the_story_country(code_text):
    text = ("Azerbaijani President Ilham Aliyev spoke at the forum on Monday. The head of state "
            "then received the Georgian delegation led by the speaker of parliament.")
    ev = next(e for e in code_text(text, pub_date="2024-03-05") if e.trigger == "received")
    assert ev.event_type == "CONSULT" and ev.mode == "visit", shown([ev])
    assert (_countries(ev.actor), _countries(ev.recipient)) == (["GEO"], ["AZE"]), shown([ev])


def test_received_visit_passes_the_gate(default_code):
    evs = default_code("Uzbek President Shavkat Mirziyoyev received the Turkmen foreign minister in Tashkent.")
    assert "CONSULT" in happened(evs), shown(evs)


@pytest.mark.parametrize("text, etype", [
    # controls: admitted observers are access; things received and decisions welcomed are no visit
    ("The Chadian government welcomed international observers for the election.", "RETREAT"),
    ("The Bosnian government welcomed the decision of the Croatian parliament.", "SUPPORT"),
])
def test_received_controls_keep_their_type(code_text, text, etype):
    evs = code_text(text, pub_date="2024-03-05")
    assert etype in happened(evs) and "CONSULT" not in happened(evs), shown(evs)


def test_received_award_is_no_visit(code_text):
    evs = code_text("The Kyrgyz mayor received an award from the chamber of commerce.", pub_date="2024-03-05")
    assert "CONSULT" not in happened(evs), shown(evs)


# ------------------------------------------------------------------ 3. signing stays SUPPORT

@pytest.mark.parametrize("text, parties", [
    ("Tbilisi and Ankara signed a memorandum on energy cooperation on Tuesday.", ["GEO", "TUR"]),
    ("Uzbekistan and Tajikistan signed a protocol on border demarcation in Dushanbe.", ["TJK", "UZB"]),
    ("Serbia and Hungary signed a roadmap for strategic partnership.", ["HUN", "SRB"]),
    ("Kuwait and Oman signed a treaty on the avoidance of double taxation.", ["KWT", "OMN"]),
])
def test_signed_document_is_support_as_the_guide_and_gold_say(code_text, text, parties):
    evs = code_text(text, pub_date="2024-03-05")
    ev = of_type(evs, "SUPPORT")[0]
    assert "AGREE" not in happened(evs) and _countries(ev.actor) == parties, shown(evs)


# ------------------------------------------------------------------ 4. levels are no party

@pytest.mark.parametrize("text", [
    "The sides agreed to continue consultations at the level of deputy foreign ministers.",
    "Mali and Niger agreed to meet at the level of defence ministers.",
    "Kuwait and Iraq agreed to hold the next round at the level of foreign and interior ministers.",
])
def test_level_of_a_rank_is_no_party(every_candidate, text):
    evs = every_candidate(text)
    assert evs, "no event"
    for ev in evs:
        assert not any("minister" in r.text for r in ev.recipient + ev.actor), shown([ev])


def test_the_sides_are_the_meetings_two_parties(code_text):
    text = ("Azerbaijani Foreign Minister Jeyhun Bayramov met his Kazakh counterpart in Baku. "
            "The sides agreed to continue consultations at the level of deputy foreign ministers.")
    ev = of_type(code_text(text, pub_date="2024-03-05"), "AGREE")[0]
    assert _countries(ev.actor) == ["AZE", "KAZ"] and ev.recipient == [], shown([ev])


def test_level_control_named_party_stays(code_text):
    # control: a party named after "with" is still the recipient
    ev = of_type(code_text("Georgia held talks with Armenia at the level of foreign ministers.",
                           pub_date="2024-03-05"), "CONSULT")[0]
    assert "ARM" in _countries(ev.actor + ev.recipient), shown([ev])


# ------------------------------------------------------------------ 5. evaluations

@pytest.mark.parametrize("text, actor, recipient", [
    ("Azerbaijani President Ilham Aliyev called US mediation intrusive.", "AZE", "USA"),
    ("The Armenian foreign ministry called the French statement destructive.", "ARM", "FRA"),
    ("The Malian junta described the ECOWAS sanctions as destructive and counterproductive.", "MLI", None),
    ("Tehran called the Bahraini statement an interference in its internal affairs.", "IRN", "BHR"),
    ("The Montenegrin government termed the Serbian remarks hostile.", "MNE", "SRB"),
])
def test_act_called_harmful_is_criticism(code_text, text, actor, recipient):
    ev = of_type(code_text(text, pub_date="2024-03-05"), "ACCUSE")[0]
    assert ev.mode == "disapprove" and "frame:act-called-harmful-is-disapproval" in ev.rules, shown([ev])
    assert _countries(ev.actor) == [actor], shown([ev])
    if recipient:
        assert _countries(ev.recipient) == [recipient], shown([ev])


def test_criticism_passes_the_gate(default_code):
    evs = default_code("The Armenian foreign ministry called the French statement destructive.")
    assert "ACCUSE" in happened(evs), shown(evs)


@pytest.mark.parametrize("text", [
    # controls: the copula describes; a hostile environment or destructive floods blame no one
    "The floods in northern Kazakhstan were destructive.",
    "The terrain along the Afghan border remains hostile.",
])
def test_described_harm_is_no_criticism(code_text, text):
    evs = code_text(text, pub_date="2024-03-05")
    assert "ACCUSE" not in happened(evs), shown(evs)
