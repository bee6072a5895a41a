"""r25c: coercion and judgement kinds a fresh user met (twenty-fifth round). Every sentence
here was written for these tests.

1. Suspending, banning, closing or revoking the licence of a broadcaster, newspaper or
   outlet is censorship, COERCE censor (annotation guide section 3, COERCE: "censorship,
   blocking media or websites"; PLOVER manual, COERCE mode censor): an outlet named by
   name (``words.yaml`` ``media_outlet_names``, ``sense:suspended-publication-is-censorship``),
   the noun's own "of"/"on" phrase ("the suspension of two channels", "a ban on the
   daily": ``sense:suspension-of-media-is-censorship``, frame view ``trigger_pobjs``) and a
   broadcaster's licence (``sense:revoked-media-licence-is-censorship``). Suspending a show,
   flights or a mine's licence is none of it.
2. Navy ships chasing off boats: neither the guide nor the PLOVER manual names it and the
   train gold has no such sentence, so nothing was added; a chase by animals stays
   eventless. (r26b later decided it by the manual's COERCE: COERCE restrict,
   annotation guide 11.14, tests/test_coding_r26b.py.)
3. A material act named after "as" as a judgement ("as theft", "as robbery", "an act of
   piracy") makes no ASSAULT; the judging verb's ACCUSE stays (r24h's filter, checked
   here for the user's kind).
"""

from __future__ import annotations

import pytest

from conftest import happened, of_type, shown

pytestmark = pytest.mark.slow


# ------------------------------------------------------------ 1. censoring a media outlet

@pytest.mark.parametrize("text, rule", [
    ("The transitional council suspended CNN and Reuters for ten days.",
     "sense:suspended-publication-is-censorship"),
    ("The military rulers banned Al Jazeera from reporting in the capital.",
     "sense:suspended-publication-is-censorship"),
    ("The media regulator ordered the suspension of three private television channels.",
     "sense:suspension-of-media-is-censorship"),
    ("The interior ministry imposed a one-month ban on the opposition weekly.",
     "sense:suspension-of-media-is-censorship"),
    ("The telecoms authority revoked the broadcasting licence of an independent radio station.",
     "sense:revoked-media-licence-is-censorship"),
])
def test_censoring_an_outlet_is_coerce_censor(default_code, text, rule):
    evs = default_code(text)
    got = [e for e in of_type(evs, "COERCE") if e.mode == "censor"]
    assert got, shown(evs)
    assert rule in got[0].rules
    assert "SANCTION" not in happened(evs), shown(evs)


def test_named_broadcasters_are_the_recipients(default_code):
    evs = default_code("The transitional council suspended CNN and Reuters for ten days.")
    ev = [e for e in of_type(evs, "COERCE") if e.mode == "censor"][0]
    assert [a.text for a in ev.actor] == ["The transitional council"]
    assert [r.text for r in ev.recipient] == ["CNN", "Reuters"]


@pytest.mark.parametrize("text", [
    "The network suspended the show for the holidays.",
    "The regulator revoked the mining licence of the company.",
    "The carrier announced the suspension of its flights to the island.",
    "The council imposed a ban on fireworks in the old town.",
])
def test_other_suspensions_are_no_censorship(code_text, text):
    evs = code_text(text)
    assert not [e for e in evs if e.mode == "censor"], shown(evs)


# ------------------------------------------------------------ 2. chases left as they are

def test_chase_by_animals_is_no_event(default_code):
    evs = default_code("The boats were chased by dolphins.")
    assert evs == [], shown(evs)


# ------------------------------------------------------------ 3. judgements after "as"

@pytest.mark.parametrize("text, kept", [
    ("Caracas denounced the confiscation of its gold reserves as theft.", "ACCUSE"),
    ("The foreign ministry condemned the seizure of the cargo as robbery.", "ACCUSE"),
    ("Pyongyang denounced the detention of its freighter as an act of piracy.", "ACCUSE"),
])
def test_judgement_of_a_non_violent_act_makes_no_assault(default_code, text, kept):
    evs = default_code(text)
    assert "ASSAULT" not in {e.event_type for e in evs}, shown(evs)
    assert kept in happened(evs), shown(evs)
