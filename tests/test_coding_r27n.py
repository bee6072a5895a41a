"""r27n: a wire dateline's country is where a story was filed, not whose its generic
home nouns are (docs/annotation.md section 6: a domestic actor takes the country where
it acts). A sentence that names one other country gives its "army", "junta",
"rebels" that country when the body never names the dateline's; a country's name the
parser tags as a person still names the story's country. Sentences written for these
tests (a fresh user's trial, r27n)."""

from tidings.coding.mentions import _on_shared_edge


def shown(evs):
    return [(e.event_type, e.trigger, [(a.text, a.country, a.how) for a in e.actor],
             [(r.text, r.country, r.how) for r in e.recipient]) for e in evs]


def test_junta_of_the_country_the_sentence_names_not_the_datelines(default_code):
    evs = default_code("NAIROBI, Mar 2 (Wire) - The aid convoy bound for Ethiopia, which was seized "
                       "by the army last year, carried 300 tonnes of grain.")
    seize = [e for e in evs if e.trigger == "seized"]
    assert seize and [(a.text, a.country) for a in seize[0].actor] == [("the army", "ETH")], shown(evs)


def test_local_story_under_its_own_dateline_keeps_the_dateline_country(default_code):
    # control: the body names the dateline's country too ("Kenyan police"): a local story
    evs = default_code("NAIROBI, Mar 2 (Wire) - The army arrested 40 protesters in the capital on Sunday. "
                       "Kenyan police said the protesters had blocked roads near Mombasa.")
    arr = [e for e in evs if e.trigger == "arrested"]
    assert arr and [a.country for a in arr[0].actor] == ["KEN"], shown(evs)
    assert [r.country for r in arr[0].recipient] == ["KEN"], shown(evs)


def test_a_border_names_no_side(default_code):
    # control: "near the Chilean border" is on either side; the dateline's army stays
    evs = default_code("LIMA, Mar 2 (Wire) - The army killed five rebels near the Chilean border, "
                       "officials said.")
    kill = [e for e in evs if e.trigger == "killed"]
    assert kill and [a.country for a in kill[0].actor] == ["PER"], shown(evs)
    assert [r.country for r in kill[0].recipient] == ["PER"], shown(evs)


def test_a_country_that_is_a_party_names_no_home(default_code):
    # control: "after Chile warned" names Chile as a party of its own, not where the
    # army acts; the dateline's country stays
    evs = default_code("LIMA, Mar 2 (Wire) - The army attacked rebel camps on Sunday after Chile "
                       "warned of a refugee crisis.")
    att = [e for e in evs if e.trigger == "attacked"]
    assert att and [a.country for a in att[0].actor] == ["PER"], shown(evs)


def test_a_country_tagged_as_a_person_counts_for_the_story(nlp):
    # "Guinea's military government" with "Guinea" tagged PERSON (as the parser tags
    # "Mali's transitional authorities"): a country's name is no person's, so the story
    # names Guinea; a real person's name still counts for nothing
    from spacy.tokens import Span

    from tidings.coding import Coder
    from tidings.actors import StoryMemory
    from tidings.coding.state import StoryState
    from tidings.records import Story

    text = ("BAMAKO, Feb 3 (Wire) - Guinea's military government on Monday arrested two "
            "journalists, Amadou Keita said.")
    doc = nlp(text)
    toks = [t.text for t in doc]
    g, k = toks.index("Guinea"), toks.index("Amadou")
    doc.ents = [Span(doc, g, g + 1, label="PERSON"), Span(doc, k, k + 2, label="PERSON")]
    c = Coder()
    story = Story(id="t", text=text, pub_date="2026-02-03")
    st = StoryState(story=story, memory=StoryMemory(), text_hash=story.text_hash(), _doc_text=text)
    c.mentions.home_country(doc, st)
    assert st.country_counts == {"GIN": 1, "MLI": 3}, st.country_counts
    assert st.body_countries == {"GIN"}


def test_on_shared_edge(nlp):
    doc = nlp("Troops massed near the Chilean border and along the border with Bolivia in Ecuador.")
    by = {t.text: _on_shared_edge(t) for t in doc}
    assert by["Chilean"] is True and by["Bolivia"] is True and by["Ecuador"] is False
