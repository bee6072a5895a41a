"""Co-mediators are no dyad (twenty-ninth round, a fresh analyst: "Qatar and Egypt
mediate new Lebanon-Israel ceasefire" is a CONSULT third-party with both mediators as
actors and no recipient, and ``tidings dyads`` counted it as QAT-EGY and EGY-QAT
cooperation, as if the two had met each other)."""

from pathlib import Path

from tidings.coding.events import MEDIATOR_NO_RECIPIENT
from tidings.store import Store
from tidings.store.filters import MEDIATOR_RULE
from tidings.records import Entity
from test_store import make_event, make_story, V1

QAT = Entity(text="Qatar", name="Government of Qatar", country="QAT", sector="GOV")
EGY = Entity(text="Egypt", name="Government of Egypt", country="EGY", sector="GOV")


def _with_rules(ev, rules):
    ev.rules = rules
    return ev


def _store(tmp_path: Path) -> Path:
    path = tmp_path / "m.duckdb"
    med = make_story("med", text="Qatar and Egypt mediated a new truce. Qatar and Egypt held talks.")
    with Store(path) as store:
        store.save_story(med, [
            _with_rules(make_event(med, 0, "CONSULT", actor=[QAT, EGY], recipient=[], start="2026-10-02",
                                   mode="third-party", cameo="046", confidence=0.8),
                        ["lexicon:mediate/V", MEDIATOR_NO_RECIPIENT]),
            _with_rules(make_event(med, 1, "CONSULT", actor=[QAT, EGY], recipient=[], start="2026-10-03",
                                   mode=None, cameo="040", confidence=0.8), ["lexicon:talk/N"])], V1)
    return path


def test_the_store_names_the_coders_mediator_rule():
    assert MEDIATOR_RULE == MEDIATOR_NO_RECIPIENT


def test_co_mediators_are_no_pair_but_a_joint_meeting_is(tmp_path: Path):
    with Store(_store(tmp_path), read_only=True) as store:
        rows = store.dyads(period="day").to_pylist()
        paired = sorted((str(r["period"]), r["actor_country"], r["recipient_country"]) for r in rows)
        # the talks held by the two count for both ordered pairs; the mediation for none
        assert paired == [("2026-10-02", "EGY", None), ("2026-10-02", "QAT", None),
                          ("2026-10-03", "EGY", "QAT"), ("2026-10-03", "QAT", "EGY")]
        # events --dyad and --recipient agree with the counts
        assert [e["sentence_index"] for e in store.records(dyad="QAT-EGY")] == [1]
        assert [e["sentence_index"] for e in store.records(recipient="EGY")] == [1]
