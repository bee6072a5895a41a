""""Both sides", one span one party (r26q, a fresh user's trial).

"Both sides", "the two sides", "the warring parties" are the two sides the story told
before, each with its own country and sector even where they share a country (the
train gold: SSD MIL and SSD REB): the compound subject of an agreement, else the last
fight's actor and recipient (words.yaml conflict_side_types), else the states the
story pairs; a mediator named by a modifier ("under Cuban and Norwegian mediation",
words.yaml mediator_modifier_nouns) is no side, and with no sides known the
description gets no country rather than the story's. One mention is one party in
every event of its sentence (events.one_party_per_mention). Annotation guide section
6. Every story here is written for these tests.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import NOT_HAPPENED


def _recips(evs, etype, text):
    """(country, sector) of the recipients whose text is ``text`` in the reported
    events of ``etype``, sorted."""
    got = [e for e in evs if e.event_type == etype and not set(e.aux_modes) & NOT_HAPPENED]
    assert got, [(e.event_type, [(a.text, a.country) for a in e.recipient]) for e in evs]
    return sorted((r.country, r.sector) for e in got for r in e.recipient if r.text == text)


def test_agreement_sides_of_one_country_each_keep_their_sector(code_text):
    """The army and the guerrillas who agreed are the two sides, both COL; the
    mediators named by their nationality are not."""
    evs = code_text("Commanders of the Colombian army and the ELN guerrillas agreed on Monday to resume "
                    "peace talks in Havana under Cuban and Norwegian mediation. A Brazilian diplomat later "
                    "called on both sides to free all hostages.")
    assert _recips(evs, "REQUEST", "both sides") == [("COL", "MIL"), ("COL", "REB")]


def test_last_fight_gives_both_sides(code_text):
    """No talks told: the clash's actor and recipient are the sides, not COL GOV alone."""
    evs = code_text("Colombian troops killed four ELN guerrillas in a clash in Arauca province on Monday, "
                    "the army said. The UN envoy urged both sides to return to the negotiating table.")
    assert _recips(evs, "REQUEST", "both sides") == [("COL", "MIL"), ("COL", "REB")]


def test_warring_parties_take_the_last_fight(code_text):
    evs = code_text("Rebels of the M23 attacked Congolese army positions near Goma on Friday. "
                    "The African Union urged the warring parties to observe the truce.")
    assert _recips(evs, "REQUEST", "the warring parties") == [("COD", "MIL"), ("COD", "REB")]


def test_nationality_words_are_no_towns_in_the_pair(code_text):
    """"Peruvian troops", "Ecuadorian officials" name two states, a pair for "both
    sides" (the gazetteer's towns of those spellings are not meant)."""
    evs = code_text("Peruvian troops entered the disputed area on Sunday, Ecuadorian officials said. "
                    "The OAS secretary general urged both sides to pull back.")
    assert _recips(evs, "REQUEST", "both sides") == [("ECU", "GOV"), ("PER", "GOV")]


def test_quarrel_of_a_last_group_keeps_its_two_sides(code_text):
    """Control: no fight and no pair of states, but a group of two told before: its two
    parts are the sides (as before r26q), not nothing."""
    evs = code_text("Fishermen and traders in the port town of Mombasa argued over market fees on Monday. "
                    "The county governor urged both sides to keep calm.")
    got = _recips(evs, "REQUEST", "both sides")
    assert len(got) == 2 and {c for c, _ in got} == {"KEN"}


def test_no_sides_known_gives_no_country(code_text):
    """A single country and nobody two told before: "both sides" is left without a
    country, never the story's (KEN) alone."""
    evs = code_text("The Kenyan interior minister said on Monday that the night curfew in Mombasa "
                    "would stay. He urged both sides to keep calm.")
    got = _recips(evs, "REQUEST", "both sides")
    assert got and all(c is None for c, _ in got)


def test_one_mention_one_party_across_a_sentences_events(code_text):
    """A conviction and a jailing of the same fishermen: if the place gave one event
    another country than the story gave the other, both take the story's."""
    from tidings.coding.events import ONE_PARTY_PER_MENTION, one_party_per_mention

    evs = code_text("A court in Yangon on Monday sentenced five fishermen to a year in prison "
                    "for sailing toward Bangladesh without permits.")
    pair = [e for e in evs if e.event_type in ("SANCTION", "COERCE")]
    assert len(pair) == 2
    sanction, coerce = pair
    sanction.recipient = [replace(r, country="MMR", how="story country") for r in sanction.recipient]
    coerce.recipient = [replace(r, country="BGD", how="event place") for r in coerce.recipient]
    kept_actor = list(coerce.actor)
    out = one_party_per_mention(pair)
    assert [r.country for e in out for r in e.recipient] == ["MMR", "MMR"]
    assert ONE_PARTY_PER_MENTION in coerce.rules and ONE_PARTY_PER_MENTION not in sanction.rules
    assert coerce.actor == kept_actor


def test_one_mention_rule_leaves_different_mentions_alone(code_text):
    """Control: two different mentions with different countries are two parties."""
    from tidings.coding.events import ONE_PARTY_PER_MENTION, one_party_per_mention

    evs = code_text("A court in Yangon on Monday sentenced five fishermen to a year in prison "
                    "for sailing toward Bangladesh without permits.")
    pair = [e for e in evs if e.event_type in ("SANCTION", "COERCE")]
    pair[0].recipient = [replace(r, text="five fishermen", country="MMR", how="story country")
                         for r in pair[0].recipient]
    pair[1].recipient = [replace(r, text="two sailors", country="BGD", how="event place")
                         for r in pair[1].recipient]
    out = one_party_per_mention(pair)
    assert [r.country for e in out for r in e.recipient] == ["MMR", "BGD"]
    assert not any(ONE_PARTY_PER_MENTION in e.rules for e in out)


@pytest.mark.parametrize("text", [
    # a modifier of a noun that is no good office names a party, not a mediator
    "Russian intervention in the Black Sea angered Turkey on Monday. "
    "The UN envoy urged both sides to show restraint.",
])
def test_modifier_of_other_nouns_is_no_mediator(code_text, text):
    """Control: "Russian intervention" is no mediation; RUS and TUR remain a pair."""
    got = _recips(code_text(text), "REQUEST", "both sides")
    assert {c for c, _ in got} == {"RUS", "TUR"}
