"""r27q: plainly worded acts the corpus shows rarely, kept by a rule prior (docs/model.md,
model:prior). sense:blocked-convoy-is-restriction: blocking a convoy, mission or flotilla is
COERCE restrict (annotation guide section 3; train gold 'obstructing a lawful Philippine resupply
mission' COERCE restrict). sense:frozen-assets-are-sanction: freezing a party's assets, funds or
accounts is SANCTION discontinue (guide section 3: asset freezes). Sentences written for these
tests."""
import pytest


def shown(evs):
    return [(e.event_type, e.mode, e.trigger, e.confidence, e.rules) for e in evs]


KEPT = [
    # (sentence, trigger, type, mode, rule)
    ("Venezuelan troops blocked a Colombian aid convoy at the Cucuta bridge on Friday.",
     "blocked", "COERCE", "restrict", "sense:blocked-convoy-is-restriction"),
    ("Turkish navy ships blocked a Greek resupply mission to the islet on Monday.",
     "blocked", "COERCE", "restrict", "sense:blocked-convoy-is-restriction"),
    ("Israeli warships blocked the flotilla off the coast on Saturday.",
     "blocked", "COERCE", "restrict", "sense:blocked-convoy-is-restriction"),
    ("Australia froze the assets of four Myanmar generals on Tuesday.",
     "froze", "SANCTION", "discontinue", "sense:frozen-assets-are-sanction"),
    ("Norway froze the accounts of Sudanese militia commanders on Monday.",
     "froze", "SANCTION", "discontinue", "sense:frozen-assets-are-sanction"),
    ("Japan froze the funds of three Iranian police commanders on Monday.",
     "froze", "SANCTION", "discontinue", "sense:frozen-assets-are-sanction"),
]


@pytest.mark.parametrize("text,trigger,etype,mode,rule", KEPT)
def test_rare_plain_acts_are_kept(default_code, text, trigger, etype, mode, rule):
    evs = default_code(text)
    hit = [e for e in evs if e.trigger == trigger]
    assert hit and (hit[0].event_type, hit[0].mode) == (etype, mode), shown(evs)
    assert rule in hit[0].rules and hit[0].confidence >= 0.45, shown(evs)


def test_crowd_blocking_a_convoy_stays_a_protest(default_code):
    evs = default_code("Angry villagers blocked the aid convoy outside the town on Sunday.")
    hit = [e for e in evs if e.trigger == "blocked"]
    assert not any(e.event_type == "COERCE" for e in hit), shown(evs)
    assert not any("sense:blocked-convoy-is-restriction" in e.rules for e in hit), shown(evs)


def test_blocked_access_takes_no_convoy_prior(every_candidate):
    evs = every_candidate("The army blocked access to the valley.")
    assert not any("sense:blocked-convoy-is-restriction" in e.rules for e in evs), shown(evs)


def test_frozen_rates_are_no_asset_freeze(every_candidate):
    evs = every_candidate("The central bank froze interest rates on Thursday.")
    assert not any("sense:frozen-assets-are-sanction" in e.rules for e in evs), shown(evs)


# sense:announced-countermeasures-are-threat: a response "with countermeasures" announced with
# will/would is THREATEN (annotation guide section 3 THREATEN, section 4; mode null, 11.10).
THREATS = [
    ("Ankara said it would respond with countermeasures to any new tariffs.", "TUR"),
    ("The Hungarian foreign minister said Budapest will respond with countermeasures.", "HUN"),
    ("Seoul would respond with reprisals, the South Korean envoy warned on Monday.", "KOR"),
]


@pytest.mark.parametrize("text,country", THREATS)
def test_announced_countermeasures_are_threat(default_code, text, country):
    evs = default_code(text)
    hit = [e for e in evs if "sense:announced-countermeasures-are-threat" in e.rules]
    assert hit and hit[0].event_type == "THREATEN" and hit[0].mode is None, shown(evs)
    assert hit[0].aux_modes == [] and {a.country for a in hit[0].actor} == {country}, shown(evs)


def test_done_countermeasures_and_statements_are_no_threat(every_candidate):
    for text in ("Hungary responded with countermeasures on Monday.",
                 "The ministry said it would respond with a detailed statement."):
        evs = every_candidate(text)
        assert not any(e.event_type == "THREATEN" for e in evs), (text, shown(evs))
