"""r27a: ceding ground (annotation guide section 3, RETREAT: "withdrawing forces or ceding
territory"; an announced future cession is CONCEDE, section 6). 'cede' and 'relinquish' had no
lexicon entry; sense:ceded-territory-is-retreat makes a ceding verb with a ceded_ground_nouns
object RETREAT withdraw, event:announced-cession-is-concession keeps its prior when the future
renames it CONCEDE. Sentences written for these tests."""
import pytest


def shown(evs):
    return [(e.event_type, e.mode, e.trigger, e.aux_modes, [(a.text, a.country) for a in e.actor]) for e in evs]


POSITIVES = [
    # (sentence, type, trigger, actor country)
    ("Armenia ceded three districts to Azerbaijan last month.", "RETREAT", "ceded", "ARM"),
    ("Serbia relinquished the disputed territory on Tuesday.", "RETREAT", "relinquished", "SRB"),
    ("Peru handed over the enclave to Bolivia on Friday.", "RETREAT", "handed over", "PER"),
    ("The rebels surrendered two provinces to government forces on Sunday.", "RETREAT", "surrendered", None),
    ("Kenya will cede sovereignty of the two islands to Tanzania.", "CONCEDE", "cede", "KEN"),
    ("Chile will relinquish the territory next year.", "CONCEDE", "relinquish", "CHL"),
]


@pytest.mark.parametrize("text,etype,trigger,country", POSITIVES)
def test_ceded_ground_is_retreat_or_announced_concession(default_code, text, etype, trigger, country):
    evs = default_code(text)
    hit = [e for e in evs if e.trigger == trigger]
    assert hit and hit[0].event_type == etype, shown(evs)
    if etype == "RETREAT":
        assert hit[0].mode == "withdraw", shown(evs)
    if country:
        assert [a.country for a in hit[0].actor] == [country], shown(evs)


def test_passive_cession_names_the_recipient(default_code):
    evs = default_code("The province was ceded to Ecuador on Monday.")
    hit = [e for e in evs if e.trigger == "ceded"]
    assert hit and (hit[0].event_type, hit[0].mode) == ("RETREAT", "withdraw"), shown(evs)
    assert [r.country for r in hit[0].recipient] == ["ECU"], shown(evs)


CONTROLS = [
    "After the election the ruling party ceded to the opposition.",
    "The minister relinquished his post last week.",
    "The striker ceded possession near the halfway line.",
    "The company ceded market share to Chinese rivals.",
    "Farmers were handed land under the reform.",
]


@pytest.mark.parametrize("text", CONTROLS)
def test_ceding_without_ground_is_no_retreat(default_code, text):
    evs = default_code(text)
    assert not [e for e in evs if e.event_type in ("RETREAT", "CONCEDE")], shown(evs)


def test_refused_cession_is_no_concession(default_code):
    # control: a refusal to cede gives no ground
    evs = default_code("Ukraine will not cede territory to Russia.")
    assert not [e for e in evs if e.event_type in ("RETREAT", "CONCEDE")], shown(evs)
