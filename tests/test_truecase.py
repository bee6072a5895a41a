"""Truecasing of upper-case stories: same length, usual case of words, names kept."""

from tidings.truecase import is_upper_text, restore_case


def test_truecase_keeps_length_and_restores_common_words_and_names():
    text = ("SOLDIERS OF THE ARMY ATTACKED A REBEL CAMP NEAR THE TOWN OF ZORRITOS ON MONDAY. "
            "THE GOVERNMENT SAID THE FMLN LOST 12 MEN.")
    out = restore_case(text)
    assert len(out) == len(text)
    assert out.startswith("Soldiers of the army attacked a rebel camp near the town of Zorritos on Monday.")
    assert "The government said the FMLN lost 12 men." in out


def test_truecase_leaves_mixed_case_text_alone():
    text = "The minister met NATO officials in Brussels on Tuesday to discuss the plan."
    assert not is_upper_text(text)
    assert restore_case(text) == text


def test_truecase_capitalises_after_a_dateline_and_a_paragraph_break():
    text = "LIMA, 3 JUN 89 -- POLICE DETAINED FOUR MEN.\n\nTHEY WERE RELEASED LATER."
    out = restore_case(text)
    assert out.split("\n\n")[1] == "They were released later."
    assert "-- Police detained four men." in out


def test_truecase_lowers_inflections_of_known_words_and_title_words():
    # "ambushes", "decreed", "maimed" may be missing from the table; their base forms are
    # not, so they are no names. "murders" is written capitalised mostly in titles.
    text = ("REBELS STAGED THREE AMBUSHES AND MAIMED TWO SOLDIERS; THE JUNTA DECREED A CURFEW "
            "AFTER THE MURDERS OF FOUR JUDGES IN THE NORTHERN PROVINCE, OFFICIALS SAID.")
    out = restore_case(text)
    assert len(out) == len(text)
    for word in ("ambushes", "maimed", "decreed", "murders", "judges"):
        assert f" {word} " in out, word


def test_truecase_keeps_the_knowledge_bases_acronyms_in_capitals():
    from tidings.actors import default_resolver
    acronyms = default_resolver().acronyms()
    # organisations' acronyms the knowledge base matches only in capitals
    assert {"mrta", "urng", "das"} <= acronyms and "the" not in acronyms
    text = "LIMA, 3 JUN 89 -- THE MRTA AND THE URNG ATTACKED DAS AGENTS. WHO KNOWS WHY."
    out = restore_case(text, acronyms)
    assert len(out) == len(text)
    assert out.endswith("-- The MRTA and the URNG attacked DAS agents. Who knows why.")
    # a word the table knows keeps its usual form ("WHO" is the WHO only in mixed case)
    assert "who" in acronyms
    # without the list they read as names, which the resolver does not know
    assert "The Mrta and the Urng" in restore_case(text)


def test_truecase_keeps_dotted_initialisms_in_capitals_and_they_resolve():
    # "U.S." was "U.s." (the table writes the word "s" in lower case), which no resolver
    # reads as the United States: "the U.s. consul" took the story's country
    from tidings.actors import resolve
    text = ("QUITO, 4 MAY 88 -- THE U.S. CONSUL AND TWO U.K. DIPLOMATS MET THE MAYOR AT 10 A.M. "
            "IN WASHINGTON D.C. THE U.N. ENVOY STAYED AWAY. A U.S.-BUILT PLANE LANDED.")
    out = restore_case(text)
    assert len(out) == len(text)
    for form in ("The U.S. Consul", "two U.K. diplomats", "at 10 A.M.", "Washington D.C.", "the U.N. envoy",
                 "a U.S.-built plane"):
        assert form.lower() in out.lower() and form.split()[1] in out, form
    assert "U.s." not in out and "U.k." not in out
    consul = out[out.index("The U.S."):out.index(" and two")]
    assert resolve(consul).country == "USA"
    # a lone capital letter that is no initialism keeps its usual form
    assert restore_case("THE REBELS WON A BATTLE AND A TOWN NEAR THE RIVER IN THE SOUTH OF THE COUNTRY.").startswith(
        "The rebels won a battle and a town")


def test_truecase_keeps_a_designators_letters_in_capitals_and_it_resolves():
    # "M-19" was "m-19" (the table writes "m" in lower case), which the resolver did not
    # know: the April 19 Movement's acts in the MUC copy had no actor
    from tidings.actors import resolve
    text = ("BOGOTA, 9 MAR 90 -- THE M-19 SIGNED A PEACE AGREEMENT. SOLDIERS CARRIED AK-47 RIFLES AND AN "
            "F-16 FLEW OVER. THE SCORE WAS 3-1 IN A WELL-KNOWN STADIUM.")
    out = restore_case(text)
    assert len(out) == len(text)
    for form in ("The M-19 signed", "AK-47 rifles", "an F-16 flew", "3-1 in a well-known stadium"):
        assert form in out, form
    assert resolve("the M-19", date="1990-03-09").country == "COL"
