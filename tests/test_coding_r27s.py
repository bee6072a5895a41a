"""r27s: false events in no-event sentences, by kind (annotation guide section 1, statistics
and background states; 11.3 standing statuses). filter:act-naming-a-place-is-no-event drops
an attack noun in the "of" phrase of a place noun ("the scene of the ambush");
filter:trend-of-acts-is-a-statistic drops a plural act noun told as a quantity that changes
over a period ("abductions rose from 140 to 520"); filter:state-left-by-an-act-is-background
drops a participle after "remain" / "stay" ("the highway remains blocked"). Every candidate is
checked (--all-candidates), so a low-confidence event cannot hide. Sentences written for these
tests; controls tell the act itself."""
import pytest

from conftest import shown

NO_EVENT = [
    # (sentence, the act word that must give no event)
    ("Hundreds of mourners laid flowers at the scene of the ambush near Kumasi on Friday.", "ambush"),
    ("Traders reopened their stalls near the site of the bombing, located in the old market of Gao.",
     "bombing"),
    ("Forensic teams collected shell casings from the site of that shooting.", "shooting"),
    ("Abductions by armed gangs rose from 140 in 2021 to 520 in 2023, the report said.", "Abductions"),
    ("Deaths in these raids surged from 40 in 2024 to 130 in 2025.", "raids"),
    ("The number of kidnappings in the province doubled last year.", "kidnappings"),
    ("The militia has ramped up attacks on army posts since the beginning of the year.", "attacks"),
    ("The main highway to the port remains blocked.", "blocked"),
    ("Two bridges over the river stayed closed on Sunday.", "closed"),
]


@pytest.mark.parametrize("text,word", NO_EVENT)
def test_place_trend_and_state_give_no_event(every_candidate, text, word):
    evs = every_candidate(text, pub_date="2026-03-02")
    assert not [e for e in evs if word.lower() in e.trigger.lower().split()], shown(evs)


def test_dropping_rule_is_named_in_the_trace(traced_code):
    _, trace = traced_code("The main highway to the port remains blocked.")
    hit = [t for t in trace if t["trigger"] == "blocked"]
    assert hit and "filter:state-left-by-an-act-is-background" in hit[0]["rules"], trace


CONTROLS = [
    # (sentence, type, trigger word): the act itself, told as an act, stays
    ("Gunmen ambushed a police convoy near Kumasi on Friday.", "ASSAULT", "ambushed"),
    ("Soldiers attacked the site of the new rebel camp on Friday.", "ASSAULT", "attacked"),
    ("Farmers blocked the main highway to the port on Tuesday.", "PROTEST", "blocked"),
    ("Police detained 40 protesters in the capital on Saturday.", "COERCE", "detained"),
    ("The attack on the convoy killed six soldiers, the army said.", "ASSAULT", "killed"),
]


@pytest.mark.parametrize("text,etype,word", CONTROLS)
def test_the_act_itself_stays(default_code, text, etype, word):
    evs = default_code(text)
    assert [e for e in evs if e.event_type == etype and word in e.trigger.split()], shown(evs)


def test_an_escalation_on_a_day_is_no_statistic(every_candidate):
    # no period since which: the stepping up is told as a dated act, not an aggregate
    evs = every_candidate("The militia stepped up raids on army posts on Monday.", pub_date="2026-03-02")
    assert [e for e in evs if "raids" in e.trigger.split()], shown(evs)


def test_a_time_phrase_after_an_attack_is_left_alone(every_candidate):
    # the corpus train gold labels "shortly after the explosion" ASSAULT: only the place nouns drop
    evs = every_candidate("Shortly after the bombing of the depot, troops sealed off the district.",
                          pub_date="2026-03-02")
    assert [e for e in evs if e.trigger.lower().split()[-1] == "bombing" and e.event_type == "ASSAULT"], shown(evs)


SINCE_CLAUSE = [
    # a count of victims or detainees totalled since a clause's time: a statistic (guide section 1)
    ("Since the movement was founded in 2009, more than 400 of its activists have been killed.", "killed"),
    ("Since the governor took office, police have seized 12 tons of heroin and arrested nearly 3,000 smugglers.",
     "arrested"),
]


@pytest.mark.parametrize("text,word", SINCE_CLAUSE)
def test_counted_victims_since_a_clause_are_statistics(every_candidate, text, word):
    evs = every_candidate(text, pub_date="2026-03-02")
    assert not [e for e in evs if word in e.trigger.split()], shown(evs)


SINCE_CONTROLS = [
    # a small count, or an act dated to a day, is told as an act
    ("Since the talks collapsed, soldiers have arrested three opposition leaders.", "COERCE", "arrested"),
    ("Since the ceasefire began, the rebels have killed 45 soldiers in a single raid on Tuesday.", "ASSAULT", "killed"),
]


@pytest.mark.parametrize("text,etype,word", SINCE_CONTROLS)
def test_counted_act_on_a_day_or_small_count_stays(default_code, text, etype, word):
    evs = default_code(text)
    assert [e for e in evs if e.event_type == etype and word in e.trigger.split()], shown(evs)


NARROWED = [
    # (sentence, type, trigger word): what the train gold labels and the filters leave alone
    # a doer of the act named in the sentence (guide 11.1: a passing mention naming a party)
    ("The killer fled a few streets from the site of the shooting in a waiting car.", "ASSAULT", "shooting"),
    # the act noun names its own parties (guide 11.1)
    ("The hills above Goma were the scene of heavy fighting between M23 fighters and Congolese soldiers.",
     "ASSAULT", "fighting"),
    # one battle's running toll, no period: no statistic
    ("The number of wounded among the rebels has risen to 90.", "ASSAULT", "wounded"),
    # a stance told with 'remain' is no state left by an act
    ("The alliance remains concerned about Minsk's troop build-up.", "ACCUSE", "concerned"),
]


@pytest.mark.parametrize("text,etype,word", NARROWED)
def test_narrowed_kinds_stay_candidates(every_candidate, text, etype, word):
    evs = every_candidate(text, pub_date="2026-03-02")
    assert [e for e in evs if e.event_type == etype and word in e.trigger.split()], shown(evs)


def test_count_since_a_campaign_began_stays(default_code):
    # guide 11.9: a total since unrest or an offensive began is one campaign (train gold COERCE)
    evs = default_code("Since the riots began in 2021, the authorities have detained thousands of students.")
    assert [e for e in evs if e.event_type == "COERCE" and "detained" in e.trigger.split()], shown(evs)
