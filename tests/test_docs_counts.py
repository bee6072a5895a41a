"""The rule and word-list counts the README and docs/coding.md print are the data's.

Every round adds rules, and the counts in prose went stale: the per-stage table of
docs/coding.md still gave the fifteenth round's 121 sense rules when the data held 251
(twenty-seventh round's note). These tests read the numbers from the documents and
compare them with what ``load_rules`` and ``words.yaml`` hold, so a change to the data
that does not update the docs fails here, naming the stale figure.
"""

import re
from pathlib import Path

import yaml

from tidings.coding.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]


def _counts() -> tuple[dict[str, int], int]:
    rules = load_rules()
    per_stage = {stage: len(rs) for stage, rs in rules.by_stage.items()}
    words = yaml.safe_load((ROOT / "src/tidings/data/words.yaml").read_text(encoding="utf-8"))
    return per_stage, len(words)


def test_headline_rule_and_word_list_counts_are_the_datas():
    per_stage, n_words = _counts()
    total = sum(per_stage.values())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    coding = (ROOT / "docs/coding.md").read_text(encoding="utf-8")
    m = re.search(r"(\d[\d,]*) named rules\s+in `src/tidings/data/rules/`", readme)
    assert m, "README: the 'N named rules' phrase of the code stage was not found"
    assert int(m.group(1).replace(",", "")) == total, f"README says {m.group(1)} rules, the data hold {total}"
    m = re.search(r"(\d[\d,]*) named rules in data files .*?over (\d[\d,]*) named\s+word lists", coding, re.S)
    assert m, "docs/coding.md: the opening count sentence was not found"
    assert int(m.group(1).replace(",", "")) == total, f"docs/coding.md says {m.group(1)} rules, the data hold {total}"
    assert int(m.group(2).replace(",", "")) == n_words, f"docs/coding.md says {m.group(2)} word lists, words.yaml holds {n_words}"


def test_per_stage_table_counts_are_the_datas():
    per_stage, _ = _counts()
    coding = (ROOT / "docs/coding.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| `(\w+)` \| `\w+\.jsonl` \((\d+)\) \|", coding, re.M))
    assert set(table) == set(per_stage), f"stages in the table {sorted(table)} vs the data {sorted(per_stage)}"
    stale = {s: (int(table[s]), n) for s, n in per_stage.items() if int(table[s]) != n}
    assert not stale, f"docs/coding.md per-stage table (doc, data): {stale}"
