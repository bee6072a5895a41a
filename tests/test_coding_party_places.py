"""A place name that stands for its state, the party of an act, is never an event's
location (issue 17's place criterion: GeoWebNews' metonymic toponyms, "Turkey said").

Kinds: a capital or country as subject or conjoined subject ("Washington and Beijing
agreed"), as possessor ("Kyiv's forces"), and as the party a word is addressed to, comes
from, targets or takes an attitude towards ("a protest to Uganda", "sanctions on
Belarus", "hostility toward France": ``data/words.yaml`` party lists,
``events._names_party``). Literal places keep their place ("talks in Ankara"). Every
sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from conftest import of_type


@pytest.mark.parametrize("text,etype,name", [
    ("Washington and Beijing agreed on Friday to resume the trade talks.", "AGREE", "Beijing"),
    ("Washington and Beijing agreed on Friday to resume the trade talks.", "AGREE", "Washington"),
    ("Kyiv's forces shelled the outskirts of the town overnight.", "ASSAULT", "Kyiv"),
    ("Ankara accused the Greek coast guard of pushing migrants back.", "ACCUSE", "Ankara"),
    # the party of a word in another clause than the event's
    ("Rebels attacked an army base, days after the government sent a formal protest to Uganda.",
     "ASSAULT", "Uganda"),
    ("Police arrested three activists who had voiced sympathy towards Iran.", "COERCE", "Iran"),
    ("Soldiers detained two journalists amid growing hostility toward France.", "COERCE", "France"),
    ("Protesters burned flags over the arms sales to Taiwan.", "PROTEST", "Taiwan"),
    ("Troops fired on demonstrators who were protesting against the pressure on Serbia.",
     "ASSAULT", "Serbia"),
    ("The army killed five militants on Tuesday, weeks after the sanctions on Belarus.",
     "ASSAULT", "Belarus"),
    ("Police detained four students who had written letters to Moscow and Minsk.", "COERCE", "Moscow"),
    ("Police detained four students who had written letters to Moscow and Minsk.", "COERCE", "Minsk"),
    ("The note lists 12 demands to Germany and 8 to Austria.", "REQUEST", "Austria"),
    ("Rebels shelled the town, days after the army's victory over Eritrea.", "ASSAULT", "Eritrea"),
    ("Police detained three officials with close ties to Iran.", "COERCE", "Iran"),
    # a possessive naming whose wish or view, even under a locative preposition
    ("Police arrested the two men at Moscow's behest on Friday.", "COERCE", "Moscow"),
    ("The court ruled in Washington's favour and police detained the suspects.", "COERCE", "Washington"),
])
def test_a_name_standing_for_a_party_is_no_event_location(code_story, text, etype, name):
    for ev in of_type(code_story(text), etype):
        assert ev.location is None or ev.location.text != name, (ev.trigger, ev.location)


@pytest.mark.parametrize("text,etype,name,country", [
    ("Delegations held talks in Ankara on Monday.", "CONSULT", "Ankara", "TUR"),
    ("Thousands joined a rally in Kyiv to demand the release of the prisoners.", "PROTEST", "Kyiv", "UKR"),
    ("Rebels continued shelling near Donetsk overnight.", "ASSAULT", "Donetsk", "UKR"),
    ("Security forces opened fire on protesters outside Khartoum.", "ASSAULT", "Khartoum", "SDN"),
    # a possessive under a locative preposition stays a place before a place or a war
    ("Soldiers fired on protesters in Tehran's main square.", "ASSAULT", "Tehran", "IRN"),
    ("Twelve soldiers were killed in Syria's civil war last year.", "ASSAULT", "Syria", "SYR"),
    ("Police detained four activists in Kenya's capital on Tuesday.", "COERCE", "Kenya", "KEN"),
])
def test_a_literal_place_keeps_its_location(code_story, text, etype, name, country):
    ev = of_type(code_story(text), etype)[0]
    assert ev.location is not None and (ev.location.text, ev.location.country) == (name, country)


@pytest.mark.parametrize("text,name,party", [
    ("The government sent a formal protest to Uganda.", "Uganda", True),     # the verb's object
    ("They wrote letters to Moscow and Minsk.", "Minsk", True),              # a conjunct
    ("Egypt imposed an embargo on its neighbour, Eritrea.", "Eritrea", True),  # an apposition
    ("Sanctions were imposed on Belarus last year.", "Belarus", True),      # a passive subject
    ("He defended his policy toward Cuba.", "Cuba", True),
    ("The minister resigned under pressure from Moscow.", "Moscow", True),
    ("The government called on Rwanda to withdraw its troops.", "Rwanda", True),
    ("Seoul is seeking help from Washington.", "Washington", True),
    ("The army's victory over Eritrea ended the war.", "Eritrea", True),
    ("Police detained three officials with close ties to Iran.", "Iran", True),
    ("The army sent troops to Mali.", "Mali", False),                        # moving people
    ("Two men fled from Aleppo.", "Aleppo", False),
    ("Troops advanced towards Kherson.", "Kherson", False),
    ("Security forces opened fire on Khartoum.", "Khartoum", False),         # a physical act
    ("The ambassador to Kenya criticised the arrests.", "Kenya", False),     # an envoy's post
    ("The company exported coffee to Canada.", "Canada", False),             # shipping goods
    # a bare number for the noun it is listed after
    ("The note lists 12 demands to Germany and 8 to Austria.", "Austria", True),
    ("The letters, 5 to Poland and 3 to Hungary, ask for details.", "Hungary", True),
    ("The government sent 40 questions: 30 to Spain and 10 to Italy.", "Italy", True),
    ("The army sent 40 soldiers: 30 to Mopti and 10 to Gao.", "Gao", False),
])
def test_party_object_tells_parties_from_places(nlp, text, name, party):
    from tidings.coding.events import _party_object

    doc = nlp(text)
    tok = next(t for t in doc if t.text == name)
    assert _party_object(tok) is party


@pytest.mark.parametrize("text,name,party", [
    ("Police arrested the men at Moscow's behest.", "Moscow", True),
    ("In Beijing's view, the drills were lawful.", "Beijing", True),
    ("The deal came at Israel's expense.", "Israel", True),
    ("Soldiers fired on protesters in Tehran's main square.", "Tehran", False),
    ("Rebels attacked a base in Mali's north.", "Mali", False),
    ("Twelve soldiers were killed in Syria's civil war.", "Syria", False),
])
def test_names_party_reads_what_a_possessive_has(nlp, text, name, party):
    from tidings.coding.events import _names_party

    doc = nlp(text)
    ent = next(e for e in doc.ents if e.text == name)
    assert _names_party(ent) is party


def test_an_attacked_capital_is_the_place_of_the_attack():
    # the default pipeline: a capital attacked is the city, not only the government it
    # stands for elsewhere ("Russia warned Kyiv" keeps no place)
    import tidings

    df = tidings.code("Russia launched dozens of drones at Kyiv overnight.", pub_date="2024-05-10")
    assert list(df[df.event_type == "ASSAULT"].location_name) == ["Kyiv"]
    df = tidings.code("Russia warned Kyiv against joining the alliance.", pub_date="2024-05-10")
    assert df.location_name.isna().all()


def test_where_a_stance_taker_is_is_not_where_the_act_happened():
    import tidings

    df = tidings.code("Gunmen attacked a border post on Sunday. The government in Niamey condemned the attack "
                      "and accused foreign backers of arming the gunmen.", pub_date="2024-05-10")
    later = df[(df.sentence_index == 1) & (df.event_type == "ASSAULT")]
    assert not (later.location_name == "Niamey").any()
    assert not any("Niamey" in [r["text"] for r in rs] for rs in later.recipient)
