"""r28q: an alias the knowledge base gives to two organisations ("RSF", "PAP") means
the one the story has already named in full, else the KB's default (docs/actors.md,
Shared aliases). Stories written for these tests, with controls."""
import pytest

from tidings.actors import ActorResolver, StoryMemory


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver()


def _first(resolver, text, memory, date="2026-04-20"):
    got = resolver.resolve_all(text, date=date, memory=memory)
    assert got, text
    return got[0]


def test_shared_alias_takes_the_organisation_named_before(resolver):
    m = StoryMemory()
    rwb = _first(resolver, "the media watchdog Reporters Without Borders", m)
    assert (rwb.name, rwb.country, rwb.sector) == ("Reporters Without Borders", None, "NGO")
    rsf = _first(resolver, "RSF", m)
    assert (rsf.name, rsf.country, rsf.sector) == ("Reporters Without Borders", None, "NGO")


def test_shared_alias_without_a_full_name_is_the_kb_default(resolver):
    # control: nothing named before, the later definition (Sudan's paramilitary force)
    rsf = _first(resolver, "RSF", StoryMemory())
    assert (rsf.name, rsf.country, rsf.sector) == ("Rapid Support Forces", "SDN", "PRM")


def test_shared_alias_follows_the_latest_full_name(resolver):
    m = StoryMemory()
    _first(resolver, "Reporters Without Borders", m)
    _first(resolver, "the Rapid Support Forces", m)
    rsf = _first(resolver, "RSF fighters", m)
    assert rsf.country == "SDN"


def test_another_shared_alias_pap(resolver):
    m = StoryMemory()
    assert _first(resolver, "The PAP", StoryMemory()).country == "CHN"  # the default
    _first(resolver, "Singapore's People's Action Party", m)
    pap = _first(resolver, "The PAP", m)
    assert (pap.country, pap.sector) == ("SGP", "PTY")


def test_shared_alias_in_a_coded_story(default_code):
    evs = default_code("KABUL, April 30 - The press freedom group Reporters Without Borders condemned "
                       "the detention of a photographer in Herat. RSF urged the Taliban to free him.")
    ev = [e for e in evs if e.trigger == "urged"]
    assert ev and [(a.text, a.country, a.sector) for a in ev[0].actor] == [("RSF", None, "NGO")], \
        [(e.trigger, [(a.text, a.country) for a in e.actor]) for e in evs]


def test_paramilitary_alias_stays_without_the_watchdog(default_code):
    # control: a Sudan story naming no watchdog keeps the paramilitary reading
    evs = default_code("KHARTOUM, April 30 - RSF fighters shelled a market in El Obeid on Wednesday.")
    ev = [e for e in evs if e.trigger == "shelled"]
    assert ev and [(a.country, a.sector) for a in ev[0].actor] == [("SDN", "PRM")]
