"""Short references that gave a dyad the wrong country (r26g, a fresh user's trial):
a definite singular description whose modifier names a party's organ ("the army
delegation") takes the party of the story's earlier mentions with that word
(words.yaml party_organ_modifiers; Mentions._organ_antecedent), and a generic foe
("the enemy", "hostile forces") names no party unless the sentence does (words.yaml
generic_hostile_nouns). Annotation guide section 6. Every story here is written for
these tests."""

from __future__ import annotations

import pytest

from conftest import NOT_HAPPENED


def _of(evs, etype):
    """The reported (not negated or hypothetical) events of ``etype``."""
    return [e for e in evs if e.event_type == etype and not set(e.aux_modes) & NOT_HAPPENED]


def _party(evs, etype, text, role="actor"):
    """The entity whose text is ``text`` in ``role`` of an event of ``etype``."""
    got = [a for e in evs if e.event_type == etype for a in getattr(e, role) if a.text == text]
    assert got, [(e.event_type, [(a.text, a.country) for a in e.actor],
                  [(a.text, a.country) for a in e.recipient]) for e in evs]
    return got[0]


@pytest.mark.parametrize("text, etype, said, country", [
    # the dateline's country (Chad's neighbour hosting) is not the delegation's
    ("NIAMEY, May 3 - Envoys of the Malian army met officials of the Nigerien government on Friday. "
     "The army delegation later rejected the proposal to reopen the border.", "REJECT", "The army delegation", "MLI"),
    # a rebel delegation is the rebels', not the mediator's
    ("A Tanzanian envoy and Congolese rebel commanders met in Arusha on Friday. "
     "The rebel delegation later rejected the draft ceasefire.", "REJECT", "The rebel delegation", "COD"),
])
def test_organ_description_takes_its_earlier_mentions_party(code_text, text, etype, said, country):
    """"Envoys of the Malian army ... The army delegation rejected ...": the delegation
    is the Malian army's (story context), not the story's or dateline's country."""
    a = _party(code_text(text), etype, said)
    assert a.country == country
    assert a.how == "story context"


def test_organ_description_of_two_parties_takes_none(code_text):
    """Two armies named before: "the army delegation" could be either, so it takes
    neither, nor the story's country."""
    evs = code_text("Officers of the Malian army and officers of the Burkinabe army met in Bamako on Monday. "
                    "The army delegation later rejected the French proposal.")
    a = _party(evs, "REJECT", "The army delegation")
    assert a.country is None
    assert a.how == "ambiguous antecedent"


def test_description_with_no_earlier_organ_is_unchanged(code_text):
    """Control: no earlier army in the story, so "the army delegation" refers back to
    nothing here and keeps the old answer."""
    evs = code_text("Malian officials met Nigerien officials in Bamako on Monday. "
                    "The army delegation later rejected the French proposal.")
    a = _party(evs, "REJECT", "The army delegation")
    assert a.how != "story context"


@pytest.mark.parametrize("text, etype, said", [
    ("HAVANA, May 3 - Cuban leader Miguel Diaz-Canel warned that Cuba would respond with force "
     "if the enemy attacked its coast, state media reported on Friday.", "THREATEN", "the enemy"),
    ("CARACAS, May 3 - Venezuela's defence minister warned on Friday that the army would strike "
     "hostile forces that crossed the frontier.", "THREATEN", "hostile forces"),
])
def test_generic_foe_names_no_party(code_text, text, etype, said):
    """A state's own warning against "the enemy" names no party: not the story's own
    state (the user's trial had a North Korean warning's enemies coded PRK)."""
    evs = code_text(text)
    got = [a for e in evs for a in [*e.actor, *e.recipient] if a.text == said]
    assert got, [(e.event_type, [(a.text, a.country) for a in e.recipient]) for e in evs]
    assert all(a.country is None and a.igo is None for a in got)
    assert all(a.how == "generic party" for a in got)


def test_named_state_beside_the_enemy_keeps_its_country(code_text):
    """Control: a state the sentence names is resolved as itself."""
    evs = code_text("Cuban leader Miguel Diaz-Canel warned the United States against any attack on Friday.")
    r = _party(evs, "THREATEN", "the United States", "recipient")
    assert r.country == "USA"


def test_word_lists_are_data():
    """The organ modifiers and the generic foes live in words.yaml."""
    from tidings.coding.words import words

    assert {"army", "rebel", "military"} <= words("party_organ_modifiers")
    assert {"enemy", "enemies", "hostile forces"} <= words("generic_hostile_nouns")
    assert "delegation" not in words("party_organ_modifiers")


@pytest.mark.parametrize("text, etype, said, country", [
    # the name is an apposition of its title in the parse, the family name first
    ("BEIJING, May 3 - China and Vietnam opened a rail link on Friday during a visit to Beijing by "
     "Vietnamese Foreign Minister Bui Thanh Son. Bui met Wang Yi and thanked China for its support.",
     "SUPPORT", "Bui", "VNM"),
    # an invented name the knowledge base does not hold
    ("HANOI, May 3 - Laotian Deputy Prime Minister Khamsing Vongphachanh arrived in Hanoi on Friday. "
     "Khamsing met Vietnamese officials and praised Vietnam for its help.", "SUPPORT", "Khamsing", "LAO"),
])
def test_family_name_first_takes_the_full_names_party(code_text, text, etype, said, country):
    """A lone first word of a person named in full before ("Bui Thanh Son ... Bui met")
    is that person: a family name written first (story memory)."""
    evs = code_text(text)
    a = _party(evs, etype, said)
    assert a.country == country


def test_lone_first_word_shared_by_two_people_is_nobody(code_text):
    """Control: two people of the story share the first word, so it names neither."""
    evs = code_text("HANOI, May 3 - Laotian Deputy Prime Minister Khamsing Vongphachanh and Thai envoy "
                    "Khamsing Sirikul arrived in Hanoi on Friday. "
                    "Khamsing later praised Vietnam for its help.")
    sup = [e for e in evs if e.event_type == "SUPPORT"]
    assert sup
    assert all(a.country not in ("LAO", "THA") for e in sup for a in e.actor)


@pytest.mark.parametrize("text", [
    "MADRID, May 1 - Spain and Morocco signed a fisheries accord on Wednesday during a visit to Madrid "
    "by Moroccan Foreign Minister Nasser Bourita.",
    "ANKARA, May 1 - Turkey and Azerbaijan signed a gas deal on Wednesday during a visit to Ankara "
    "by Azerbaijani Energy Minister Parviz Shahbazov.",
])
def test_joint_act_takes_no_recipient_of_its_own_parties(default_code, text):
    """"Spain and Morocco signed ...": the learned layer made the visiting Moroccan
    minister the signing's recipient, a self-loop; a joint act has none of its own."""
    evs = [e for e in default_code(text) if e.trigger == "signed"]
    assert evs, [(e.event_type, e.trigger) for e in default_code(text)]
    for e in evs:
        actors = {(a.country, a.sector) for a in e.actor}
        assert len({c for c, _ in actors}) >= 2
        assert not any((r.country, r.sector) in actors for r in e.recipient)
        assert "structure:joint-act-own-party-is-no-recipient" in e.rules


def test_single_actor_keeps_its_learned_recipient(default_code):
    """Control: Spain alone signed, so the Moroccan minister is another party and stays."""
    evs = [e for e in default_code("MADRID, May 1 - Spain signed a fisheries accord on Wednesday during a "
                                   "visit to Madrid by Moroccan Foreign Minister Nasser Bourita.")
           if e.trigger == "signed"]
    assert evs and any(r.country == "MAR" for e in evs for r in e.recipient)
