"""r27i: events recorded though they did not happen, or recorded twice (a fresh users'
trial; annotation guide sections 2, 3, 4 and 11.8). Sentences written for these tests,
each kind with a control that must keep its event."""


def shown(evs):
    return [(e.event_type, e.mode, e.trigger, e.aux_modes, [a.text for a in e.actor]) for e in evs]


def types_of(evs, trigger):
    return [e.event_type for e in evs if e.trigger.split()[0] == trigger]


# -- a request left unanswered is the earlier request, no new REQUEST -----------------

def test_unanswered_request_is_no_new_request(default_code):
    evs = default_code("Chile asked Bolivia to extradite the banker. La Paz did not respond to the request.")
    assert types_of(evs, "request") == [], shown(evs)
    assert [e.event_type for e in evs if e.trigger == "asked"] == ["REQUEST"], shown(evs)


def test_unanswered_request_filter_fires(nlp):
    # the learned layer's proposal of the noun meets the filter (every candidate kept)
    from tidings.coding import Coder
    from tidings.records import Story
    c = Coder(all_candidates=True)
    c.record_trace = True
    text = "Lebanon asked Cyprus to hand over the suspects. Nicosia has not replied to the appeal."
    evs = c.code_doc(nlp(text), Story(id="x", text=text, pub_date="2025-01-01"))
    assert [e for e in evs if e.trigger == "appeal"] == [], shown(evs)
    tr = [t for t in c.trace if t["trigger"] == "appeal"]
    assert tr and "filter:request-left-unanswered-is-background" in tr[0]["rules"], c.trace


# -- a pact noun beside its signing participle is one act ----------------------------

def test_signed_agreement_noun_is_no_second_event(nlp):
    # every candidate kept: the learned layer proposed AGREE on the noun (0.31) before r27i
    from tidings.coding import Coder
    from tidings.records import Story
    c = Coder(all_candidates=True)
    text = "Two navies held drills in line with a defence cooperation agreement signed with Jakarta last year."
    evs = c.code_doc(nlp(text), Story(id="x", text=text, pub_date="2025-01-01"))
    assert types_of(evs, "agreement") == [], shown(evs)
    assert types_of(evs, "signed") == ["SUPPORT"], shown(evs)   # the train gold's label of a signing


def test_signed_agreement_verb_keeps_its_event(default_code):
    # control: the signing verb itself
    evs = default_code("Kenya and Uganda signed a trade agreement in Kampala on Monday.")
    assert [e for e in evs if e.trigger.startswith("signed")], shown(evs)


# -- a warning that reports a forceful response is one threat ------------------------

def test_warned_forceful_response_is_one_threat(default_code):
    evs = default_code("If the shelling goes on, Azerbaijan will respond with force, its defence minister warned.")
    threats = [e for e in evs if e.event_type == "THREATEN"]
    assert len(threats) == 1 and threats[0].trigger.startswith("respond"), shown(evs)


def test_conditional_warning_without_response_verb_keeps_the_warning(code_text):
    # control: speech:conditional-warning-of-action-is-threat's own kind stays
    evs = code_text("Moldova warned that its army would intervene if the militia seized the bridge.")
    assert "THREATEN" in types_of(evs, "warned"), shown(evs)


# -- a protesters' demand is the protest --------------------------------------------

def test_protesters_demand_is_protest(code_text):
    evs = code_text("The demonstrators in Yerevan were demanding the prime minister's resignation.")
    assert types_of(evs, "demanding") == ["PROTEST"], shown(evs)
    assert [e.mode for e in evs if e.trigger.startswith("demanding")] == ["demo"], shown(evs)


def test_protesters_demand_in_a_letter_stays_request(code_text):
    # control: a verbal channel named (guide 11.8)
    evs = code_text("In a letter to parliament, the protesters demanded new elections.")
    assert types_of(evs, "demanded") == ["REQUEST"], shown(evs)


def test_party_demand_stays_request(code_text):
    # control: no dissent crowd
    evs = code_text("The opposition party demanded new elections in Armenia.")
    assert types_of(evs, "demanded") == ["REQUEST"], shown(evs)


# -- insisting that something is so is an assertion ---------------------------------

def test_insisted_fact_is_no_request(code_text):
    evs = code_text("Ankara insisted the naval drills were lawful.")
    assert "REQUEST" not in types_of(evs, "insisted"), shown(evs)
    evs = code_text("Hanoi insisted the survey ship did not enter its waters.")
    assert "REQUEST" not in types_of(evs, "insisted"), shown(evs)


def test_insisted_obligation_stays_request(code_text):
    # controls: "insisted that X must ..." is a demand (train gold; the obligation step
    # puts it on the asked verb), and so is "insisted on" + noun
    evs = code_text("Ankara insisted that Greece must withdraw its troops from the islands.")
    assert [e.event_type for e in evs] == ["REQUEST"], shown(evs)
    evs = code_text("Ankara insisted on direct talks with Athens.")
    assert "REQUEST" in types_of(evs, "insisted"), shown(evs)


# -- a meeting asked for or offered did not happen -----------------------------------

def test_second_asked_act_meeting_is_no_consult(default_code):
    evs = default_code("The Senegalese envoy urged Mauritania to lift the ban and resume negotiations.")
    assert [e for e in evs if e.event_type == "CONSULT"] == [], shown(evs)
    assert [e for e in evs if e.event_type == "REQUEST"], shown(evs)


def test_offered_help_arranging_talks_is_no_consult(default_code):
    # guide: an offered meeting has not happened; train gold labels offers of talks AGREE alone
    evs = default_code("Qatar offered its help in setting up direct negotiations between Kigali and Kinshasa.")
    assert [e for e in evs if e.event_type == "CONSULT"] == [], shown(evs)


def test_offer_itself_kept(default_code):
    evs = default_code("Qatar offered its help in setting up direct negotiations between Kigali and Kinshasa.")
    assert [e.event_type for e in evs if e.trigger == "offered"] == ["AGREE"], shown(evs)


def test_held_talks_stay_consult(default_code):
    # control: talks that took place
    evs = default_code("Norway hosted talks between Colombia and the rebels in Oslo on Monday.")
    assert [e for e in evs if e.event_type == "CONSULT"], shown(evs)
