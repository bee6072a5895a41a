"""Round r23b (issue 16's run-time target): the actor resolver keeps, for the whole
story, the answers it found without the story's memory and without the sentence
(``StoryMemory.free``, :meth:`tidings.actors.ActorResolver.resolve_all`). These tests
ask the same questions with the coder's :class:`StoryMemory` and with a plain dict
memory (which keeps no answers) and check that every answer is the same. The mentions
and sentences are written for these tests."""

from __future__ import annotations

import pytest

from tidings.actors import StoryMemory, default_resolver

#: (mention, sentence) asked in this order: an unambiguous state and nationality in two
#: sentences, a name two places share in sentences that read it either way, a person
#: named in full, then by surname alone (the memory is read), and a repeat of each.
QUESTIONS = [
    ("Iranian officials", "Iranian officials met the envoy in Vienna on Monday."),
    ("Iranian officials", "Later, Iranian officials rejected the draft in Tehran."),
    ("Georgia", "Georgia's parliament in Tbilisi voted on the bill."),
    ("Georgia", "Georgia's governor spoke to Republican voters in Atlanta."),
    ("Georgia", "Georgia's parliament in Tbilisi voted on the bill."),
    ("Foreign Minister Sergey Lavrov", "Foreign Minister Sergey Lavrov arrived in Ankara."),
    ("Lavrov", "Lavrov told reporters the talks went well."),
    ("Lavrov", "Turkish officials said Lavrov left on Tuesday."),
    ("the United Nations", "The United Nations called for calm."),
    ("the United Nations", "Aid groups asked the United Nations for help."),
    ("Kemal Ozturk", "Kemal Ozturk, a Turkish diplomat, led the delegation."),
    ("Ozturk", "Ozturk said nothing more."),
]


def _answers(memory) -> list:
    r = default_resolver()
    return [r.resolve_all(text, context, "2025-03-01", memory) for text, context in QUESTIONS]


def test_kept_answers_are_the_answers_of_a_memory_that_keeps_none() -> None:
    memory = StoryMemory()
    kept = _answers(memory)
    plain = _answers({})
    assert kept == plain
    # the answers that read neither the memory nor the sentence were kept, by mention
    assert (("Iranian officials", "2025-03-01") in memory.free
            and ("the United Nations", "2025-03-01") in memory.free)
    # Georgia is read by its sentence (a US state by Atlanta, the country by Tbilisi),
    # and a bare surname by the memory: never kept by mention alone
    assert ("Georgia", "2025-03-01") not in memory.free
    assert ("Lavrov", "2025-03-01") not in memory.free
    assert kept[2][0].country == "GEO" and kept[3][0].country == "USA" and kept[4][0].country == "GEO"
    assert kept[0][0].country == "IRN" and kept[1] == kept[0]


@pytest.mark.parametrize("use", ["get", "getitem", "contains", "setitem", "setdefault", "pop"])
def test_story_memory_counts_every_look_up_and_write(use) -> None:
    m = StoryMemory()
    dict.__setitem__(m, "lavrov", 1)
    before = m.uses
    {"get": lambda: m.get("lavrov"), "getitem": lambda: m["lavrov"], "contains": lambda: "x" in m,
     "setitem": lambda: m.__setitem__("lavrov", 1), "setdefault": lambda: m.setdefault("x", 2),
     "pop": lambda: m.pop("lavrov")}[use]()
    assert m.uses == before + 1
