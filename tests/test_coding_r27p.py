"""r27p: party spans of user B's trial, by kind (annotation guide section 6: the recipient is
the one the act is directed at, named by the shortest noun phrase). A diplomatic reason
("for activities incompatible with his status", "for espionage") is no word of an expelled
person's name (words.yaml wrongdoing_nouns); the "of" phrase of an accusing participle or
passive is the charge, never a party (arguments._charged_elsewhere); a holding's "of" owner
is the party ("froze the assets of X": X; words.yaml owned_holding_nouns). Sentences written
for these tests."""
import pytest


def shown(evs):
    return [(e.event_type, e.trigger, [(a.text, a.country, a.sector) for a in e.actor],
             [(r.text, r.country, r.sector) for r in e.recipient]) for e in evs]


def _hit(evs, etype):
    got = [e for e in evs if e.event_type == etype]
    assert got, shown(evs)
    return got[0]


@pytest.mark.parametrize("text,recipient", [
    ("Norway expelled a Russian embassy official for activities incompatible with his diplomatic status.",
     "a Russian embassy official"),
    ("Estonia expelled a Belarusian consul for espionage on Tuesday.", "a Belarusian consul"),
])
def test_expulsion_reason_is_no_part_of_the_name(default_code, text, recipient):
    evs = default_code(text)
    assert [r.text for r in _hit(evs, "SANCTION").recipient] == [recipient], shown(evs)


def test_office_for_phrase_stays_in_the_name(default_code):
    # control: a title's own "for" phrase is part of the name
    evs = default_code("Chile expelled the Peruvian Minister for Foreign Affairs.")
    assert [r.text for r in _hit(evs, "SANCTION").recipient] == ["the Peruvian Minister for Foreign Affairs"], shown(evs)


def test_accused_participle_charge_is_no_party(default_code):
    evs = default_code("The EU imposed sanctions on two Bolivian officials and a former minister accused of financing militias.")
    acc = _hit(evs, "ACCUSE")
    assert [r.text for r in acc.recipient] == ["a former minister"], shown(evs)


def test_accused_object_still_recipient(default_code):
    # control: an active accusation keeps its object as the accused
    evs = default_code("Rebels accused the army of shelling villages.")
    assert [r.text for r in _hit(evs, "ACCUSE").recipient] == ["the army"], shown(evs)


@pytest.mark.parametrize("text,recipient,country", [
    ("Canada froze the assets of three Venezuelan army generals on Monday.", "three Venezuelan army generals", "VEN"),
    ("Ecuador seized the property of a fugitive Colombian drug lord.", "a fugitive Colombian drug lord", "COL"),
])
def test_holding_owner_is_the_party(default_code, text, recipient, country):
    evs = default_code(text)
    hit = [e for e in evs if e.event_type in ("SANCTION", "COERCE")]
    assert hit, shown(evs)
    assert [(r.text, r.country) for r in hit[0].recipient] == [(recipient, country)], shown(evs)
    assert hit[0].recipient[0].sector is not None, shown(evs)


def test_holdings_without_owner_phrase_unchanged(default_code):
    # control: no "of" owner, the holding phrase keeps its national modifier
    evs = default_code("Canada froze Russian assets worth 2 billion dollars.")
    assert [r.country for r in _hit(evs, "SANCTION").recipient] == ["RUS"], shown(evs)


def test_denial_recipient_is_not_the_claimant(default_code):
    # a party another clause names for another act is no recipient of the denial
    evs = default_code("The Karen National Union claimed responsibility for the ambush, but Thailand denied any role.")
    rej = _hit(evs, "REJECT")
    assert [a.country for a in rej.actor] == ["THA"] and rej.recipient == [], shown(evs)


def test_denial_recipient_is_the_accuser(default_code):
    # control: the accuser of another clause is the denial's recipient
    evs = default_code("Myanmar accused Thailand of arming the rebels, but Bangkok denied the charge.")
    assert [r.country for r in _hit(evs, "REJECT").recipient] == ["MMR"], shown(evs)


def test_member_of_a_national_group_takes_its_country(default_code):
    # "including the interior minister" after "nine Belarusian officials": Belarus's, not the
    # dateline's Lithuania
    evs = default_code("VILNIUS, March 3 - Poland imposed entry bans on nine Belarusian officials, "
                       "including the interior minister, for the violent suppression of protests.")
    got = [a for e in evs for a in e.actor + e.recipient if a.text == "the interior minister"]
    assert got and {a.country for a in got} == {"BLR"}, shown(evs)


def test_member_naming_its_own_country_keeps_it(default_code):
    # control: a member with its own nationality word keeps it
    evs = default_code("VILNIUS, March 3 - Poland imposed entry bans on nine Belarusian officials, "
                       "including a Russian adviser, for the violent suppression of protests.")
    got = [a for e in evs for a in e.actor + e.recipient if a.text == "a Russian adviser"]
    assert got and all(a.country == "RUS" for a in got), shown(evs)


def test_suppressed_protest_takes_no_actor_from_the_clause(default_code):
    evs = default_code("VILNIUS, March 3 - Poland imposed entry bans on nine Belarusian officials, "
                       "including the interior minister, for the violent suppression of protests.")
    pro = _hit(evs, "PROTEST")
    assert pro.actor == [] and "structure:suppressed-act-keeps-own-actor" in pro.rules, shown(evs)


def test_suppressed_protest_keeps_its_by_phrase(default_code):
    # control: the protest's own by-phrase names its actor
    evs = default_code("Canada recalled its envoy over the crackdown on rallies by students in Tehran.")
    assert [(a.text, a.country) for a in _hit(evs, "PROTEST").actor] == [("students", "IRN")], shown(evs)


def test_denied_claim_noun_points_at_whoever_told_it(default_code):
    # the claim was told by a verb that is no accusation trigger ("attributed ... to")
    evs = default_code("Colombian army commanders attributed the ambush to the ELN, but the rebels denied the accusation.")
    assert [r.text for r in _hit(evs, "REJECT").recipient] == ["Colombian army commanders"], shown(evs)
