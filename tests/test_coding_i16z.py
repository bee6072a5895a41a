"""Wrong records a fresh user's trial found (issue i16z), by kind, on sentences and
stories written for these tests (none is taken from the corpus or an evaluation file).

Each kind has sentences that failed before its change and near misses that must not
change."""

from __future__ import annotations

import pytest

from conftest import happened, shown

# --------------------------------------------------------------------------------------
# Kind 1 (left as it is): an ongoing war named as the topic of talks is an ASSAULT when its
# phrase names a party, time or place (annotation guide 11.1; the train gold labels 86 of
# the 87 such nouns the coder finds after discuss/talk/debate), and none when it names none


def test_war_named_as_topic_of_talks_is_labelled(default_code):
    events = default_code("The two ministers discussed trade and Russia's war against Ukraine.")
    assert {"CONSULT", "ASSAULT"} <= happened(events), shown(events)


def test_bare_war_as_topic_of_talks_is_no_event(default_code):
    events = default_code("The two ministers discussed trade and the war.")
    assert "ASSAULT" not in happened(events), shown(events)


# --------------------------------------------------------------------------------------
# Kind 2: a threat noun in the fixed phrase "under threat" is a circumstance, not a threat
# (filter:unnamed-threat-as-circumstance-is-no-event, words.yaml circumstance_threat_nouns)


@pytest.mark.parametrize("text", [
    "We will not negotiate under threat, the rebel commander said.",
    "Our delegation will not hold talks under threat, the minister told parliament.",
    "The government will not make concessions under threat, the spokesman said.",
])
def test_bare_under_threat_is_no_threat(default_code, text):
    events = default_code(text)
    assert "THREATEN" not in {e.event_type for e in events}, shown(events)


@pytest.mark.parametrize("text", [
    # a threat with its content named is still one
    "The rebels forced the farmers to leave under threat of death.",
    "The militia ordered the shops to close under threat of reprisals.",
])
def test_threat_of_named_harm_stays_a_threat(default_code, text):
    events = default_code(text)
    assert "THREATEN" in happened(events), shown(events)


def test_threat_made_as_an_act_stays_a_threat(code_text):
    events = code_text("The militia issued a threat against the village on Monday.")
    assert "THREATEN" in {e.event_type for e in events}, shown(events)


# --------------------------------------------------------------------------------------
# Kind 3: a story's title repeated as its first line (an HTML page's <h1>) is meta-text
# (tidings.lines.repeated_title_end, skipped by Coder.code_doc)

PAGE = """<!DOCTYPE html>
<html><head><title>{title}</title><meta name="date" content="2025-04-14"></head>
<body><article>
<h1>{h1}</h1>
<p>Armed men attacked a police station in the eastern town of Bakori on Sunday, killing two
officers, the interior ministry said.</p>
<p>The ministry said reinforcements were sent to the town and that a curfew was imposed.</p>
<p>Residents said the attackers fled on motorbikes towards the border.</p>
</article></body></html>
"""


def _code_page(nlp, tmp_path, title: str, h1: str):
    from tidings.coding import Coder
    from tidings.read import ReadOptions, read_html

    path = tmp_path / "page.html"
    path.write_text(PAGE.format(title=title, h1=h1), encoding="utf-8")
    story = next(read_html(path, ReadOptions(pub_date="2025-04-14")))
    return story, Coder().code_doc(nlp(story.text), story)


@pytest.mark.parametrize("title", [
    "Gunmen attack police station in eastern town",
    "Gunmen attack police station in eastern town | The Valley Courier",
])
def test_html_title_gives_no_second_record(nlp, tmp_path, title):
    story, events = _code_page(nlp, tmp_path, title, "Gunmen attack police station in eastern town")
    assert story.text.startswith("Gunmen attack police station")  # the reader keeps the <h1>
    assert not [e for e in events if e.sentence_index == 0], shown(events)
    assert [e for e in events if e.event_type == "ASSAULT" and e.sentence_index == 1], shown(events)


def test_record_text_repeating_its_title_codes_the_title_once(code_story):
    text = ("Navy seizes fishing boats off the coast\n\n"
            "The navy seized four foreign fishing boats off the southern coast on Tuesday, "
            "a military spokesman said.\n\nThe crews were taken to the port of Malvo.")
    events = code_story(text, title="Navy seizes fishing boats off the coast")
    assert not [e for e in events if e.sentence_index == 0], shown(events)
    assert [e for e in events if e.event_type == "COERCE" and e.sentence_index == 1], shown(events)


@pytest.mark.parametrize("title", [None, "Coastal security: a week of patrols"])
def test_first_line_that_is_not_the_title_is_still_a_title(code_story, title):
    # no title, or a title other than the first line: a first line with no full stop over
    # a blank line and body prose is the story's title all the same, meta-text (guide
    # section 1; tidings.lines.leading_title_end, nineteenth round); the lead is coded
    text = ("Navy seizes fishing boats off the coast\n\n"
            "The navy seized four foreign fishing boats off the southern coast on Tuesday, "
            "a military spokesman said.")
    events = code_story(text, title=title)
    assert not [e for e in events if e.sentence_index == 0], shown(events)
    assert [e for e in events if e.event_type == "COERCE" and e.sentence_index == 1], shown(events)


def test_wire_dateline_title_keeps_the_lead(code_story):
    # a title that only begins the first line (a wire dateline) is no title line
    text = ("PORT LAVAL, 4 MAR 90 (RADIO LAVAL) -- TROOPS ARRESTED 30 STRIKING DOCKWORKERS "
            "AT THE HARBOUR TODAY.\n\nTHE UNION CALLED A NEW STRIKE FOR MONDAY.")
    events = code_story(text, title="PORT LAVAL, 4 MAR 90 (RADIO LAVAL)")
    assert [e for e in events if e.event_type == "COERCE"], shown(events)


@pytest.mark.parametrize("text,title,end", [
    ("A title\nThe story.", "A title", 7),
    ("  A  Title \nThe story.", "a title", 11),
    ("A title\nThe story.", "Site News - A title", 7),
    ("A title", "A title", 0),                      # nothing after it: the story itself
    ("A title and more\nThe story.", "A title", 0),
    ("A title\nThe story.", None, 0),
])
def test_repeated_title_end(text, title, end):
    from tidings.lines import repeated_title_end

    assert repeated_title_end(text, title) == end


# --------------------------------------------------------------------------------------
# Kind 4: a wire dateline's place is never a party (tidings.analyse.dateline_spans,
# StoryState.dateline_words), also where it is not split from the lead


@pytest.fixture(scope="module")
def engine_code():
    """Code stories as ``tidings code`` does (upper-case stories get their case restored):
    ``engine_code(text) -> [event dict, ...]``."""
    from tidings.engines.local import code_stories
    from tidings.records import Story

    def run(text: str) -> list[dict]:
        out: list[dict] = []
        code_stories([Story(id="w", text=text, pub_date="1990-03-05")], store=None,
                     sink=lambda ev: out.append(ev.to_dict()), processes=1)
        return out

    return run


def _parties(ev: dict) -> list[str]:
    return [a["text"].lower() for a in ev["actor"] + ev["recipient"]]


@pytest.mark.parametrize("text,etype,place", [
    ("TEHRAN, May 3 (Reuters): Iran's navy seized a foreign tanker on Saturday, state media "
     "said.\n\nThe tanker was carrying smuggled fuel, the report said.", "COERCE", "tehran"),
    ("MEXICO CITY, 4 MAR 90 (EFE) -- TWO POLICEMEN WERE WOUNDED AND A BANK WAS DESTROYED IN "
     "A BOMB ATTACK LAST NIGHT.\n\nNO GROUP HAS CLAIMED THE ATTACK.", "ASSAULT", "mexico city"),
    ("BOGOTA, Feb 7 (Reuters): Two journalists were shot dead on Friday, police said.\n\n"
     "The motive was unclear.", "ASSAULT", "reuters"),
])
def test_dateline_place_is_no_party(engine_code, text, etype, place):
    events = engine_code(text)
    acts = [e for e in events if e["event_type"] == etype]
    assert acts, [(e["event_type"], e["trigger"]) for e in events]
    assert not [e for e in acts if any(place in p for p in _parties(e))], \
        [(e["trigger"], _parties(e)) for e in acts]


def test_dateline_city_named_in_the_act_stays_a_party(engine_code):
    events = engine_code("KABUL, June 2 (Reuters) - Militants fired rockets at Kabul airport on "
                         "Monday, police said.\n\nNo one was hurt.")
    assert any("kabul airport" in _parties(e) for e in events if e["event_type"] == "ASSAULT"), events


def test_upper_case_story_keeps_its_parties(engine_code):
    events = engine_code("PANAMA CITY (PANAMA), 9 JUN 89 (ACAN-EFE) -- THE NATIONAL GUARD ARRESTED "
                         "12 OPPOSITION LEADERS TODAY.\n\nTHE OPPOSITION CONDEMNED THE ARRESTS.")
    arrest = [e for e in events if e["event_type"] == "COERCE" and e["actor"]]
    assert arrest and "the national guard" in _parties(arrest[0]), events


def test_dateline_spans():
    from tidings.analyse import dateline_spans

    text = "TEHRAN/DUBAI, May 3 (Reuters) - Iran said.\n\nACCORDING TO X, THE REBELS -- WILL ACT."
    assert dateline_spans(text) == [(0, 32)]
    assert dateline_spans("BEIJING, May 3 (Xinhua): China said.") == [(0, 25)]
    assert dateline_spans("China said on Monday it would act.") == []
    # a later item counts only where the caller found it names a place
    later = text.index("ACCORDING")
    assert dateline_spans(text, [later]) == [(0, 32), (later, text.index("WILL"))]


# --------------------------------------------------------------------------------------
# Kind 5: an armed group that is no state keeps one sector whatever role word follows its
# name (sectors.yaml armed_group_role_sectors, run_by_words; tidings.actors)

STORY_A = ("Hamas fired dozens of rockets at the town of Sderot on Monday, the Israeli army said. "
           "The army said it struck Hamas positions in response.")
STORY_B = ("Hamas negotiators met Egyptian mediators in Cairo on Tuesday to discuss a truce. "
           "Hamas authorities in Gaza also arrested three journalists, a press union said.")


def _sectors_of(events, name: str) -> set:
    return {(a.country, a.sector) for e in events for a in e.actor + e.recipient if a.name == name}


def test_hamas_has_one_sector_in_two_stories(code_story):
    a = _sectors_of(code_story(STORY_A, pub_date="2025-03-03"), "Hamas")
    b = _sectors_of(code_story(STORY_B, pub_date="2025-03-04"), "Hamas")
    assert a == b == {("PSE", "REB")}, (a, b)


@pytest.mark.parametrize("phrase,date,sector", [
    # the group's own people keep its sector on the date
    ("Hamas authorities", "2025-01-10", "REB"),
    ("the Hamas government", "2025-01-10", "REB"),
    ("Hamas police", "2025-01-10", "REB"),
    ("a Houthi delegation", "2024-06-01", "REB"),
    ("Iran-backed Houthi authorities", "2024-06-01", "REB"),
    ("the Taliban authorities", "2010-01-10", "REB"),
    # near misses: a group in power on the date (KB periods), an institution it runs or backs
    ("the Taliban authorities", "2023-01-10", "GOV"),
    ("Taliban soldiers", "2023-01-10", "MIL"),
    ("the Hamas-run health ministry", "2025-01-10", "GOV"),
    ("the Hamas-run government", "2025-01-10", "GOV"),
    ("the Hezbollah-backed government", "2025-01-10", "GOV"),
    ("Hamas fighters", "2025-01-10", "REB"),
])
def test_armed_group_role_words_keep_the_groups_sector(phrase, date, sector):
    from tidings.actors import resolve

    assert resolve(phrase, "", date).sector == sector
