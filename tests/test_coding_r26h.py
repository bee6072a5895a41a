"""r26h: attacks' munitions, passive agents and peacekeepers (a fresh user's trial,
twenty-sixth round). Every sentence here was written for these tests.

1. A munition launched ("rockets were fired", "drones launched by X", "bombs were
   dropped") is what was fired, never the recipient (annotation guide section 6: the
   recipient is the target; words.yaml munition_launching_verbs;
   arguments.fired_munition), nor is the launch's "from" origin.
2. The by-agent of a participle on a munition subject is the actor, also when the
   tagger reads a capitalised plural at the sentence's start as a proper noun (the
   corpus train gold: "a drone launched by militant groups" has the groups as actor).
3. A peacekeeper or blue helmet is the UN mission's unless a nationality is named
   (annotation guide section 6; the train gold codes peacekeepers igo UN).
"""

from __future__ import annotations

import pytest

from conftest import of_type, shown

pytestmark = pytest.mark.slow


def test_fired_rockets_are_no_recipient(code_text):
    evs = code_text("Four rockets were fired from the hills toward the town of Kiryat Shmona on Friday, "
                    "the police said.", pub_date="2026-05-02")
    ev = of_type(evs, "ASSAULT")[0]
    assert all("rocket" not in r.text.lower() for r in ev.recipient), shown(evs)
    assert all("hills" not in r.text.lower() for r in ev.recipient), shown(evs)


def test_attacked_people_stay_recipient_control(code_text):
    evs = code_text("Four soldiers were attacked near the town of Kiryat Shmona on Friday, the police said.",
                    pub_date="2026-05-02")
    ev = of_type(evs, "ASSAULT")[0]
    assert any("soldiers" in r.text for r in ev.recipient), shown(evs)


def test_participle_agent_of_munition_subject_is_actor(code_text):
    evs = code_text("Drones launched by the Houthis struck an oil terminal near Jizan on Sunday, "
                    "Saudi officials said.", pub_date="2026-05-04")
    ev = of_type(evs, "ASSAULT")[0]
    assert [a.country for a in ev.actor] == ["YEM"], shown(evs)
    assert all("Drones" not in r.text for r in ev.recipient), shown(evs)


def test_munition_subject_without_agent_has_no_actor_control(code_text):
    evs = code_text("Drones struck an oil terminal near Jizan on Sunday, Saudi officials said.",
                    pub_date="2026-05-04")
    ev = of_type(evs, "ASSAULT")[0]
    assert ev.actor == [], shown(evs)
    assert all("Drones" not in r.text for r in ev.recipient), shown(evs)


def test_single_peacekeeper_is_the_un_missions(code_text):
    evs = code_text("Militiamen beat a peacekeeper with sticks outside a camp near Bunia on Monday, "
                    "the mission said.", pub_date="2026-05-06")
    recips = [r for ev in of_type(evs, "ASSAULT") for r in ev.recipient if "peacekeeper" in r.text]
    assert recips and all(r.igo == "UN" and r.sector == "MIL" for r in recips), shown(evs)


def test_peacekeepers_with_nationality_keep_it_control(code_text):
    evs = code_text("Gunmen ambushed Nepalese peacekeepers near Bunia on Monday, the mission said.",
                    pub_date="2026-05-06")
    recips = [r for ev in of_type(evs, "ASSAULT") for r in ev.recipient if "peacekeepers" in r.text]
    assert recips and all(r.country == "NPL" for r in recips), shown(evs)


@pytest.mark.parametrize("text, end", [
    ("MOPTI, Mali, April 9 - Soldiers detained a village chief.", len("MOPTI, Mali, April 9 - ")),
    ("GOMA, Congo, 12 May -- The governor met the envoy.", len("GOMA, Congo, 12 May -- ")),
    ("MOPTI, Mali, April 9 (Wire) - Soldiers detained a chief.", len("MOPTI, Mali, April 9 (Wire) - ")),
])
def test_place_region_date_dateline_without_agency(text, end):
    from tidings.analyse import dateline_spans

    assert dateline_spans(text) == [(0, end)]


def test_apposition_before_dash_is_no_dateline_control():
    from tidings.analyse import dateline_spans

    assert dateline_spans("Okafor, 52, a farmer in Mopti - who lost his herd - said nothing.") == []


def test_dateline_region_is_no_recipient(code_text):
    evs = code_text("MOPTI, Mali, April 9 - Dozo militiamen attacked a Fulani village on Tuesday, "
                    "residents said.", pub_date="2026-04-09")
    for ev in evs:
        assert all(r.text != "Mali" for r in ev.recipient), shown(evs)
