"""Twenty-fifth round, r25j (a fresh user's trial): wrong countries that made false
dyads, by kind. All sentences are written for these tests.

1. "his/her government/country/army" take the country of the person they refer to
   (the reporting clause's speaker, else the subject the clauses share), not the
   country the story is about (words.yaml ``person_owned_state_nouns``).
2. "the court", "the tribunal", "the court's X" after the story named an international
   court are that IGO, never a country (words.yaml ``court_descriptions``); a domestic
   court keeps its country.
3. "with X as host/mediator" names a third party of a two-sided meeting, no recipient
   (words.yaml ``mediator_role_nouns``; extends r24b's host_participles).
4. "the Congolese armed forces" are Congolese by the story's cues (COD by default, COG
   with Brazzaville ones), not the Brazzaville army by a KB name.
"""

from __future__ import annotations

import pytest

from conftest import of_type, shown


def _codes(ents) -> set:
    return {e.country or e.igo for e in ents}


# --- 1. his/her government ----------------------------------------------------------------

@pytest.mark.parametrize("text, etype, actor, recipients", [
    ("Chilean President Gabriel Boric said on Monday that his government had asked Argentina and Peru "
     "for help.", "REQUEST", "CHL", {"ARG", "PER"}),
    # the subject the coordinated clauses share, not the nearer person
    ("Chilean President Gabriel Boric met Argentine President Javier Milei and said his government had "
     "signed a trade deal with Bolivia.", "SUPPORT", "CHL", {"BOL"}),
])
def test_his_government_is_the_speakers(code_story, text, etype, actor, recipients):
    """Annotation guide section 6: a pronoun takes the entity it refers to; the story
    about another country (a Peruvian dateline) lends it nothing."""
    evs = code_story("LIMA, March 2 (Wire) -- " + text, pub_date="2026-03-02")
    ev = of_type(evs, etype)[0]
    assert _codes(ev.actor) == {actor}, shown([ev])
    assert _codes(ev.recipient) == recipients, shown([ev])


def test_its_army_control_unchanged(code_text):
    """Control: "its" already took the owner state's country; unchanged."""
    ev = of_type(code_text("Moscow said its forces had shelled Kharkiv on Monday."), "ASSAULT")[0]
    assert _codes(ev.actor) == {"RUS"}, shown([ev])


# --- 2. the court ---------------------------------------------------------------------------

STORY_ICC = ("THE HAGUE, March 2 (Wire) -- The International Criminal Court on Monday issued an arrest "
             "warrant for a Sudanese general. Sudan rejected the warrant. Khartoum refused to cooperate "
             "with the tribunal.")


def test_the_tribunal_after_the_icc_is_the_icc(code_story):
    evs = code_story(STORY_ICC, pub_date="2026-03-02")
    ev = next(e for e in evs if e.trigger.lower().startswith("refused"))
    assert {(e.country, e.igo) for e in ev.recipient} == {(None, "ICC")}, shown([ev])


def test_the_courts_ruling_after_a_named_icj(code_story):
    """The ICJ named in a relative clause no event resolved is still the court meant."""
    evs = code_story("SANTIAGO, April 8 (Wire) -- The border dispute, which Chile says must be settled by "
                     "the ICJ, remains open. Bolivian President Luis Arce refused to accept the court's "
                     "ruling.", pub_date="2026-04-08")
    ev = next(e for e in evs if e.trigger.lower().startswith("refused"))
    assert {(e.country, e.igo) for e in ev.recipient} == {(None, "ICJ")}, shown([ev])
    assert _codes(ev.actor) == {"BOL"}


def test_a_domestic_court_keeps_its_country(code_story):
    """Control: with no international court named, "the court" is the story's own."""
    evs = code_story("LIMA, March 2 (Wire) -- Peru's Supreme Court on Monday ordered the arrest of a former "
                     "minister. His lawyers criticised the court.", pub_date="2026-03-02")
    ev = of_type(evs, "ACCUSE")[0]
    assert _codes(ev.recipient) == {"PER"}, shown([ev])
    assert all(e.igo is None for e in ev.recipient)


# --- 3. with X as host / mediator -----------------------------------------------------------

@pytest.mark.parametrize("text, etype, actors", [
    ("Chilean President Gabriel Boric and Peruvian President Dina Boluarte met in Quito on Monday with "
     "Daniel Noboa as host and agreed to reopen the border.", "CONSULT", {"CHL", "PER"}),
    ("Chilean President Gabriel Boric and Peruvian President Dina Boluarte met in Quito on Monday with "
     "Daniel Noboa as host and agreed to reopen the border.", "AGREE", {"CHL", "PER"}),
    ("The foreign ministers of Chile and Peru held talks in Oslo with Norway as mediator.", "CONSULT",
     {"CHL", "PER"}),
])
def test_host_or_mediator_in_an_as_phrase_is_no_recipient(every_candidate, text, etype, actors):
    ev = of_type(every_candidate(text), etype)[0]
    assert _codes(ev.actor) == actors, shown([ev])
    assert _codes(ev.recipient) == set(), shown([ev])


def test_a_lone_guests_partner_stays(every_candidate):
    """Control: whom one party meets with is its recipient."""
    ev = of_type(every_candidate("Chilean President Gabriel Boric met with Ecuadorian President Daniel "
                                 "Noboa in Quito."), "CONSULT")[0]
    assert _codes(ev.recipient) == {"ECU"}, shown([ev])


# --- 4. Congolese armed forces --------------------------------------------------------------

def test_congolese_armed_forces_follow_the_story():
    from tidings.actors import ActorResolver

    r = ActorResolver()
    cod = r.resolve("the Congolese armed forces", "Rebels attacked the Congolese armed forces near Bukavu.",
                    "2026-03-02", None)
    cog = r.resolve("the Congolese armed forces", "In Brazzaville, the Congolese armed forces backed "
                    "Sassou Nguesso.", "2026-03-02", None)
    fac = r.resolve("Forces Armées Congolaises", "x", "2026-03-02", None)
    assert (cod.country, cod.sector) == ("COD", "MIL")
    assert (cog.country, cog.sector) == ("COG", "MIL")
    assert fac.country == "COG"
