"""The coder's rules as data: the validator, precedence, and the passes on hand-built Docs.

No spaCy model is loaded here: sentences are built by hand as spaCy ``Doc`` objects with
their words, lemmas, tags and dependencies (:func:`doc_of`), so these tests are fast and
say exactly which parse a rule sees. The examples of every rule are coded by the real
pipeline in ``test_coding_rule_examples.py``.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from tidings.errors import TidingsError

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RULES_DIR = ROOT / "src" / "tidings" / "data" / "rules"
_VOCAB = spacy.blank("en").vocab


def doc_of(spec: str, ents: dict[int, str] | None = None) -> Doc:
    """A parsed Doc from ``"word/lemma/POS/TAG/dep/head ..."`` (head: index of the head
    token, itself for the root); ``ents`` maps a token index to its entity label."""
    toks = [t.split("/") for t in spec.split()]
    words = [t[0] for t in toks]
    spaces = [i + 1 < len(toks) and toks[i + 1][0] not in (".", ",") for i in range(len(toks))]
    labels = ["O"] * len(toks)
    for i, label in (ents or {}).items():
        labels[i] = f"B-{label}"
    return Doc(_VOCAB, words=words, spaces=spaces, lemmas=[t[1] for t in toks], pos=[t[2] for t in toks],
               tags=[t[3] for t in toks], deps=[t[4] for t in toks], heads=[int(t[5]) for t in toks], ents=labels)


FANS_FIRE = ("Fans/fan/NOUN/NNS/nsubj/1 exchanged/exchange/VERB/VBD/ROOT/1 fire/fire/NOUN/NN/dobj/1 "
             "with/with/ADP/IN/prep/1 police/police/NOUN/NNS/pobj/3 after/after/ADP/IN/prep/1 "
             "the/the/DET/DT/det/8 football/football/NOUN/NN/compound/8 match/match/NOUN/NN/pobj/5 ././PUNCT/./punct/1")
FANS_ATTACK = ("Fans/fan/NOUN/NNS/nsubj/1 attacked/attack/VERB/VBD/ROOT/1 the/the/DET/DT/det/3 "
               "police/police/NOUN/NNS/dobj/1 after/after/ADP/IN/prep/1 the/the/DET/DT/det/7 "
               "football/football/NOUN/NN/compound/7 match/match/NOUN/NN/pobj/4 ././PUNCT/./punct/1")
TROOPS_FIRE = ("Troops/troop/NOUN/NNS/nsubj/1 exchanged/exchange/VERB/VBD/ROOT/1 fire/fire/NOUN/NN/dobj/1 "
               "near/near/ADP/IN/prep/1 the/the/DET/DT/det/5 border/border/NOUN/NN/pobj/3 ././PUNCT/./punct/1")


def senses_of(spec: str):
    """The triggers of a hand-built sentence after the sense and filter rules."""
    from tidings.coding.rules import load_rules
    from tidings.coding.senses import word_sense
    from tidings.coding.triggers import find_triggers
    from tidings.lexicon import load_lexicon

    sent = next(doc_of(spec).sents)
    lex, rules = load_lexicon(), load_rules()
    triggers = find_triggers(sent, lex, rules)
    for t in triggers:
        word_sense(t, sent, lex, rules)
    return triggers


# ------------------------------------------------------------------ the listed bug fix

def test_coding_sport_filter_applies_after_any_sense_rule() -> None:
    # issue 14: "fans exchanged fire" after a football match was ASSAULT at 0.93 because
    # the sense rule for "exchanged fire" returned before the sport filter was reached
    (t,) = senses_of(FANS_FIRE)
    assert t.rules == ["lexicon:exchange/V", "sense:exchanged-fire-is-fighting", "filter:sport-is-out-of-domain"]
    assert (t.event_type, t.mode, t.weight) == ("ASSAULT", "firearms", 0.0)


def test_coding_sport_filter_drops_the_attack_as_before() -> None:
    (t,) = senses_of(FANS_ATTACK)
    assert t.rules == ["lexicon:attack/V", "filter:sport-is-out-of-domain"]
    assert t.weight == 0.0


def test_coding_exchanged_fire_without_sport_is_fighting() -> None:
    (t,) = senses_of(TROOPS_FIRE)
    assert t.rules == ["lexicon:exchange/V", "sense:exchanged-fire-is-fighting"]
    assert (t.event_type, t.mode, t.weight) == ("ASSAULT", "firearms", 0.8)


class _Resolver:
    """A stand-in for the actor resolver: two countries by name."""

    def resolve(self, text, context, date, memory):
        from tidings.records import Entity

        code = {"Russia": "RUS", "Ukraine": "UKR"}.get(text)
        return Entity(text=text, name=text, country=code, sector="GOV") if code else None


def test_coding_event_names_its_lexicon_entry_and_rules() -> None:
    from tidings.coding import Coder
    from tidings.records import Story

    doc = doc_of("Russia/Russia/PROPN/NNP/nsubj/1 attacked/attack/VERB/VBD/ROOT/1 "
                 "Ukraine/Ukraine/PROPN/NNP/dobj/1 with/with/ADP/IN/prep/1 drones/drone/NOUN/NNS/pobj/3 ././PUNCT/./punct/1",
                 ents={0: "GPE", 2: "GPE"})
    (ev,) = Coder(resolver=_Resolver(), model=None).code_doc(doc, Story(id="s", text=doc.text, pub_date="2025-03-01"))
    assert (ev.event_type, ev.mode) == ("ASSAULT", "drone")
    assert ev.rules == ["lexicon:attack/V", "mode:assault-drone"]
    assert [a.country for a in ev.actor] == ["RUS"] and [r.country for r in ev.recipient] == ["UKR"]
    assert ev.to_dict()["rules"] == ["lexicon:attack/V", "mode:assault-drone"]


def test_coding_trace_names_the_rules_of_a_trigger_without_event() -> None:
    from tidings.coding import Coder
    from tidings.records import Story

    doc = doc_of(FANS_ATTACK)
    coder = Coder(resolver=_Resolver(), model=None)
    coder.record_trace = True
    assert coder.code_doc(doc, Story(id="s", text=doc.text, pub_date="2025-03-01")) == []
    assert coder.trace == [{"story_id": "s", "sentence_index": 0, "trigger": "attacked", "event_type": "ASSAULT",
                            "weight": 0.0, "folded": False,
                            "rules": ["lexicon:attack/V", "filter:sport-is-out-of-domain"]}]


# ------------------------------------------------------------------ precedence

def _rule(name: str, priority: int, when: list, effect: dict, **extra) -> str:
    return json.dumps({"name": name, "priority": priority, "when": when, "effect": effect,
                       "manual": "ASSAULT", "examples": [{"text": "X attacked Y.", "event": None, "trigger": "attacked"}],
                       **extra})


def _run(stage: str, lines: list[str], spec: str = TROOPS_FIRE.replace("exchanged/exchange", "attacked/attack")):
    from tidings.coding import effects
    from tidings.coding.rules import Ctx, RuleSet, parse_rules
    from tidings.coding.triggers import find_triggers
    from tidings.lexicon import load_lexicon

    rules = RuleSet({stage: parse_rules("\n".join(lines), stage, "test.jsonl")})
    sent = next(doc_of(spec).sents)
    (t,) = find_triggers(sent, load_lexicon(), rules)
    t.start()
    ctx = Ctx(sent=sent, lex=load_lexicon(), t=t)
    applied = [r.name for r in effects.run(rules, stage, ctx)]
    return t, applied


ATTACK = {"pred": "lemma", "in": ["attack"]}


def test_coding_higher_priority_decides_whatever_the_file_order() -> None:
    low = _rule("sense:low", 10, [ATTACK], {"drop": True})
    high = _rule("sense:high", 20, [ATTACK], {"type": "ACCUSE", "mode": "disapprove"})
    for lines in ([low, high], [high, low]):
        t, applied = _run("sense", lines)
        assert applied == ["sense:high"]
        assert (t.event_type, t.weight) == ("ACCUSE", 0.8)


def test_coding_non_final_rule_lets_the_next_see_its_change() -> None:
    first = _rule("sense:first", 20, [ATTACK], {"type": "ACCUSE", "mode": "disapprove"}, final=False)
    second = _rule("sense:second", 10, [{"pred": "type", "in": ["ACCUSE"]}], {"weight": 0.3})
    t, applied = _run("sense", [first, second])
    assert applied == ["sense:first", "sense:second"]
    assert (t.event_type, t.weight) == ("ACCUSE", 0.3)


def test_coding_cumulative_stage_applies_every_matching_rule() -> None:
    a = _rule("filter:a", 20, [ATTACK], {"drop": True})
    b = _rule("filter:b", 10, [{"pred": "verb"}], {"drop": True})
    t, applied = _run("filter", [a, b])
    assert applied == ["filter:a", "filter:b"] and t.weight == 0.0


# ------------------------------------------------------------------ the validator

@pytest.mark.parametrize("line,message", [
    (_rule("sense:a", 1, [ATTACK], {"drop": True}) + "\n" + _rule("sense:b", 1, [ATTACK], {"drop": True}),
     "priority 1 is also sense:a's"),
    (_rule("filter:a", 1, [ATTACK], {"drop": True}), "must read 'sense:lower-case-words'"),
    (_rule("sense:a", 1, [{"pred": "no_such"}], {"drop": True}), "unknown predicate 'no_such'"),
    (_rule("sense:a", 1, [{"pred": "lemma", "in": ["@no_such_list"]}], {"drop": True}), "no word list 'no_such_list'"),
    (_rule("sense:a", 1, [{"pred": "lemma"}], {"drop": True}), "missing ['in']"),
    (_rule("sense:a", 1, [ATTACK], {"type": "ASSAULT", "mode": "meet"}), "mode 'meet' is no mode of ASSAULT"),
    (_rule("sense:a", 1, [ATTACK], {"type": "FIGHT"}), "unknown event type 'FIGHT'"),
    (_rule("sense:a", 1, [ATTACK], {"aux": "negation"}), "not allowed in stage 'sense'"),
    (_rule("sense:a", 1, [ATTACK], {"weight": 2}), "weight is a number in 0..1"),
    (_rule("sense:a", 1, [ATTACK], {"type": "AID", "contexts": ["humanitarian"]}),
     "'humanitarian' is no PLOVER context"),
    (_rule("sense:a", 1, [{"pred": "asked_act", "changes": ["x"], "asked": ["AID"]}], {"drop": True}),
     "not available in stage 'sense'"),
    (_rule("sense:a", 1, [{"pred": "matcher", "pattern": [{"NO_SUCH_ATTR": "x"}], "anchor": 0}], {"drop": True}),
     "spaCy refuses the pattern"),
    (json.dumps({"name": "sense:a", "priority": 1, "when": [ATTACK], "effect": {"drop": True}, "manual": "ASSAULT",
                 "examples": []}), "at least one example sentence"),
    (json.dumps({"name": "sense:a", "priority": 1, "when": [ATTACK], "effect": {"drop": True}, "manual": "",
                 "examples": [{"text": "x", "event": None, "trigger": "x"}]}), "manual names the PLOVER manual"),
    ("{not json", "test.jsonl:1: not JSON"),
    (json.dumps({"name": "sense:a", "priority": 1, "when": [ATTACK], "effect": {"drop": True}, "manual": "ASSAULT",
                 "proposals": True, "examples": [{"text": "x", "event": None, "trigger": "x"}]}),
     "only in the filter stage"),
    (_rule("sense:a", 1, [ATTACK], {"drop": True, "same_act": True}), "same_act is true, with a type"),
    (_rule("sense:a", 1, [ATTACK], {"type": "ACCUSE", "same_act": "yes"}), "same_act is true, with a type"),
])
def test_coding_rule_validator_refuses(line: str, message: str) -> None:
    from tidings.coding.rules import parse_rules

    with pytest.raises(TidingsError) as err:
        parse_rules(line, "sense", "test.jsonl")
    assert err.value.code == "T301"
    assert message in err.value.message, err.value.message


def test_coding_shipped_rules_are_valid_and_named_once() -> None:
    from tidings.coding.rules import STAGES, load_rules

    rules = load_rules()
    assert sorted(p.stem for p in RULES_DIR.glob("*.jsonl")) == sorted(STAGES)
    assert len(rules) == sum(1 for p in RULES_DIR.glob("*.jsonl") for line in p.read_text().splitlines() if line.strip())
    assert len(rules) >= 150
    for stage, rs in rules.by_stage.items():
        assert len({r.priority for r in rs}) == len(rs), stage
        assert [r.priority for r in rs] == sorted((r.priority for r in rs), reverse=True)
    assert len(rules.by_stage["sense"]) == 269 and len(rules.by_stage["filter"]) == 77


def _manual_titles() -> dict[str, set[str]]:
    """PLOVER manual: chapter and section title -> the titles one level below it."""
    tex = (SHARED / "spec" / "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    out: dict[str, set[str]] = {}
    parents: dict[str, str] = {}
    for level, title in re.findall(r"\\(chapter|section|subsection)\*?\{([^}]*)\}", tex):
        title = title.strip().replace("``", "").replace("''", "")
        out.setdefault(title, set())
        parents[level] = title
        up = {"section": "chapter", "subsection": "section"}.get(level)
        if up and up in parents:
            out[parents[up]].add(title)
    return out


@pytest.mark.skipif(not (SHARED / "spec" / "PLOVER_MANUAL.tex").is_file(), reason="needs ../shared/spec")
def test_coding_every_rule_cites_a_section_of_the_manual() -> None:
    from tidings.coding.rules import load_rules

    titles = _manual_titles()
    bad = []
    for r in load_rules():
        top, _, sub = r.manual.partition(": ")
        if top not in titles or (sub and sub not in titles[top]):
            bad.append((r.name, r.manual))
    assert bad == []


@pytest.mark.skipif(not (SHARED / "eval").is_dir(), reason="needs ../shared/eval")
def test_coding_rule_examples_are_not_taken_from_the_evaluation_files() -> None:
    from tidings.coding.rules import load_rules

    gold = " ".join(p.read_text(encoding="utf-8") for p in (SHARED / "eval").glob("*.jsonl"))
    copied = [ex["text"] for r in load_rules() for ex in r.examples if ex["text"] in gold]
    assert copied == []


# ------------------------------------------------------------------ word lists

@pytest.mark.parametrize("raw,message", [
    ({"a": {"doc": "x", "words": ["b", "b"]}}, "repeats ['b']"),
    ({"a": {"words": ["b"]}}, "needs a doc"),
    ({"a": {"doc": "x", "words": [], "extend": ["nope"]}}, "no such list"),
    ({"a": {"doc": "x", "words": [], "extend": ["a"]}}, "a cycle"),
    ({"a": {"doc": "x", "words": [], "colour": 1}}, "unknown keys"),
    # YAML reads a bare on/no as a boolean: "on" became the word "True"
    ({"a": {"doc": "x", "words": [True, "with"]}}, "quote on, off"),
])
def test_coding_word_list_validator_refuses(raw: dict, message: str) -> None:
    from tidings.coding.words import parse_word_lists

    with pytest.raises(TidingsError) as err:
        parse_word_lists(raw)
    assert message in err.value.message


def test_coding_word_lists_extend_and_every_list_is_used() -> None:
    from tidings.coding.words import word_lists, words

    lists = word_lists()
    assert words("home_sectors") >= words("domestic_sectors") | {"GOV", "MIL"}
    assert "round" in words("amount_nouns") and "barrage" in words("amount_nouns")
    used = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "tidings" / "coding").glob("*.py"))
    # the text-layout list is read outside the coder (tidings.lines)
    used += " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "tidings").glob("*.py"))
    used += " ".join(p.read_text(encoding="utf-8") for p in RULES_DIR.glob("*.jsonl"))
    used += (ROOT / "src" / "tidings" / "data" / "words.yaml").read_text(encoding="utf-8").split("\n# ---", 1)[0]
    extended = {x for spec in _raw_words().values() for x in spec.get("extend", [])}
    unused = sorted(n for n in lists if f'"{n}"' not in used and f"@{n}" not in used and n not in extended)
    assert unused == []


def _raw_words() -> dict:
    import yaml

    return yaml.safe_load((ROOT / "src" / "tidings" / "data" / "words.yaml").read_text(encoding="utf-8"))


# ------------------------------------------------------------------ the code stays readable

def test_coding_no_function_over_120_lines_and_every_public_one_documented() -> None:
    long, undocumented = [], []
    for path in (ROOT / "src" / "tidings" / "coding").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.end_lineno - node.lineno + 1 > 120:
                long.append(f"{path.name}:{node.name}")
        top = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.ClassDef))]
        top += [m for c in top if isinstance(c, ast.ClassDef) for m in c.body if isinstance(m, ast.FunctionDef)]
        undocumented += [f"{path.name}:{n.name}" for n in top if not n.name.startswith("_") and not ast.get_docstring(n)]
    assert long == [] and undocumented == []


def test_coding_predicates_and_views_say_what_they_test() -> None:
    from tidings.coding.predicates import PREDICATES, VIEWS

    assert len(PREDICATES) >= 40
    assert [n for n, p in PREDICATES.items() if len(p.doc) < 20] == []
    assert [n for n, v in VIEWS.items() if not v[2]] == []


def test_coding_old_import_path_still_works() -> None:
    from tidings.code import FEATURES, OUTPUT_MODES, Coder
    from tidings.coding import Coder as NewCoder

    assert Coder is NewCoder and OUTPUT_MODES == {("RETREAT", "return"): None} and len(FEATURES) == 15


@pytest.mark.slow
@pytest.mark.parametrize("text, want", [
    ("The army attacked rebel positions near the border on Monday.", "ASSAULT"),
    ("Fighter jets bombed militant positions in the north overnight.", "ASSAULT"),
    ("The senator attacked the president's budget on Monday.", "ACCUSE"),
])
def test_coding_attacked_positions_are_military_not_verbal(coder, nlp, text, want) -> None:
    from tidings.records import Story

    got = coder.code_doc(nlp(text), Story(id="s", text=text, pub_date="2025-03-04"))
    assert [e.event_type for e in got][:1] == [want]


def test_coding_lexicon_refuses_a_context_plover_lacks() -> None:
    from tidings.lexicon import parse_lexicon

    good = "V\tairlift\tAID\t-\thuman_security\t073\t0.8\n"
    assert parse_lexicon(good).verbs["airlift"].contexts == ("human_security",)
    with pytest.raises(TidingsError) as err:
        parse_lexicon(good.replace("human_security", "humanitarian"))
    assert err.value.code == "T301" and "'humanitarian' is no PLOVER context" in err.value.message


def test_coding_word_lists_have_unique_names() -> None:
    # YAML keeps the last of two lists of one name without a word: a second
    # "people_nouns" had silently replaced the first (eighth round)
    from pathlib import Path

    import yaml

    import tidings

    text = (Path(tidings.__file__).parent / "data" / "words.yaml").read_text(encoding="utf-8")
    top = yaml.compose(text, Loader=yaml.SafeLoader)
    names = [k.value for k, _ in top.value]
    dupes = sorted({k for k in names if names.count(k) > 1})
    assert len(names) > 150 and not dupes, dupes
