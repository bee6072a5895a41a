"""r28q: false dyads, by kind (a fresh user's trial, twenty-eighth round). Sentences
written for these tests, with controls.

- A call, demand, request, appeal, plea or ultimatum as the object of a refusal or
  stance gives its caller (possessor, modifier, "by"/"from" phrase) as the recipient,
  and nothing inside what is called for (words.yaml thing_nouns, call_nouns; the
  train split: "ignored calls from ... the UN Security Council to reverse" REJECT the
  Council)."""


def shown(evs):
    return [(e.event_type, e.trigger, [(a.text, a.country) for a in e.actor],
             [(r.text, r.country) for r in e.recipient]) for e in evs]


def _one(evs, etype, trigger):
    hit = [e for e in evs if e.event_type == etype and e.trigger == trigger]
    assert hit, shown(evs)
    return hit[0]


def test_refused_call_gives_its_caller_not_the_called_for_party(default_code):
    evs = default_code("Malawi rejected a SADC call to withdraw its police from the border.")
    ev = _one(evs, "REJECT", "rejected")
    assert [r.text for r in ev.recipient] == ["SADC"], shown(evs)


def test_refused_possessed_demand_gives_the_possessor(default_code):
    evs = default_code("Bolivia rejected Peru's demand to expel the Chilean ambassador.")
    ev = _one(evs, "REJECT", "rejected")
    assert [r.country for r in ev.recipient] == ["PER"], shown(evs)


def test_refused_ultimatum_from_a_state(default_code):
    evs = default_code("The Mongolian government rejected an ultimatum from China to close its border.")
    ev = _one(evs, "REJECT", "rejected")
    assert [r.country for r in ev.recipient] == ["CHN"], shown(evs)


def test_refused_call_without_a_caller_has_no_recipient(default_code):
    # nothing inside the call ("the Chilean ambassador") is a party of the refusal, even
    # where the parse hangs the "to" clause on the verb
    evs = default_code("Bolivia rejected calls to expel the Chilean ambassador.")
    ev = _one(evs, "REJECT", "rejected")
    assert ev.recipient == [], shown(evs)


def test_refused_plan_with_a_nationality_keeps_it(default_code):
    # control: a thing noun that is no call keeps its naming modifier (r20)
    evs = default_code("Bolivia rejected the Chilean plan.")
    ev = _one(evs, "REJECT", "rejected")
    assert [r.country for r in ev.recipient] == ["CHL"], shown(evs)


def test_document_as_speaker_is_no_country_of_the_sentence(default_code):
    # "The resolution demands that Burkina Faso ...": not a demand by any country the
    # sentence names; the document speaks for its unnamed issuer (train gold: "THE
    # COMMUNIQUE WARNS ..." has no actor)
    evs = default_code("The resolution demands that Burkina Faso close its border with Niger.")
    ev = _one(evs, "REQUEST", "demands")
    assert ev.actor == [], shown(evs)
    assert "structure:document-speaks-for-no-other" in ev.rules


def test_document_with_its_issuer_keeps_the_issuer(default_code):
    # control: the document's own modifier or possessor names who speaks
    evs = default_code("Kenya's statement urges Somalia to withdraw its troops.")
    ev = _one(evs, "REQUEST", "urges")
    assert [a.country for a in ev.actor] == ["KEN"], shown(evs)


def test_state_as_speaker_is_unchanged(default_code):
    # control: a party as subject
    evs = default_code("Ethiopia urges Eritrea to withdraw its troops.")
    ev = _one(evs, "REQUEST", "urges")
    assert [a.country for a in ev.actor] == ["ETH"], shown(evs)
    assert [r.country for r in ev.recipient] == ["ERI"], shown(evs)


def test_swapped_prisoners_take_no_foreign_dateline(default_code):
    evs = default_code("NAIROBI, April 19 - The Ethiopian government and the TPLF exchanged 40 prisoners "
                       "on Saturday under the mediation of Kenya.")
    ev = _one(evs, "RETREAT", "exchanged")
    assert {a.country for a in ev.actor} == {"ETH"}, shown(evs)
    assert [r.country for r in ev.recipient] == [None], shown(evs)
    assert "structure:swapped-people-not-of-the-dateline" in ev.rules


def test_swapped_prisoners_keep_the_sides_own_dateline(default_code):
    # control: the dateline is the sides' own country
    evs = default_code("ADDIS ABABA, April 19 - The government and the TPLF exchanged 40 prisoners on Saturday.")
    ev = _one(evs, "RETREAT", "exchanged")
    assert [r.country for r in ev.recipient] == ["ETH"], shown(evs)


def test_headline_call_read_as_a_verb_gives_its_caller(default_code):
    # a title-case headline as the case restoration gives it to the parser
    # (tidings.analyse.prepare_text): the tagger reads "call" as a verb; still the
    # caller, not the troops the call is about
    evs = default_code("Burundi rejects AU call to withdraw troops from Somalia")
    ev = _one(evs, "REJECT", "rejects")
    assert [r.text for r in ev.recipient] == ["AU"], shown(evs)


def test_headline_call_without_a_caller_has_no_recipient(default_code):
    evs = default_code("Burundi rejects calls to withdraw troops from Somalia")
    ev = _one(evs, "REJECT", "rejects")
    assert ev.recipient == [], shown(evs)
