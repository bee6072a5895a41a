"""Features of sentences and of candidate events, as lists of strings.

Both models of :mod:`tidings.learn` read these; a feature that the training data never
saw has no weight and is ignored at run time. Everything here is plain Python over the
event contract's dicts (``Event.to_dict()``) and sentence strings: no spaCy object, so
the same code serves training (on coded corpus stories) and run time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_TOKEN = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]|\d+")
_STOP = frozenset("a an the of to in on and or for with by at from as is was were be been are "
                  "that this it its their his her".split())


def words(text: str) -> list[str]:
    """Lower-case word tokens of ``text`` (letters, inner apostrophes and hyphens; digits
    become ``0``)."""
    return ["0" if t.isdigit() else t for t in _TOKEN.findall(text.lower())]


def is_caps(text: str) -> bool:
    """True when the text is written in capitals (old wire copy such as the MUC stories)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def sentence_features(text: str, candidates: Iterable[dict] = ()) -> list[str]:
    """Features of one sentence for the sentence model.

    Args:
        text: the sentence.
        candidates: the rule coder's candidate events in that sentence (event dicts).
    Returns:
        strings: ``w:<word>`` unigrams, ``b:<w1>_<w2>`` bigrams (stop words kept in
        bigrams only), shape flags (``shape:question``, ``shape:quote``), and for each
        candidate ``cand:<TYPE>``, ``cand:<TYPE>|<trigger>``, ``cand:<TYPE>|aux:<mode>``.
        Case is folded, so capitals-only text gives the same words as mixed case.
    """
    ws = words(text)
    out = [f"w:{w}" for w in ws if w not in _STOP]
    out += [f"b:{a}_{b}" for a, b in zip(ws, ws[1:])]
    s = text.strip()
    if s.endswith("?"):
        out.append("shape:question")
    if any(q in s for q in ('"', "\u201c", "\u201d")):
        out.append("shape:quote")
    if not candidates:
        out.append("cand:none")
    for ev in candidates:
        t = ev["event_type"]
        trig = (ev.get("trigger") or "").lower()
        out += [f"cand:{t}", f"cand:{t}|{trig}"]
        out += [f"cand:{t}|aux:{a}" for a in ev.get("aux_modes") or []]
    return out


def _bin(x: float, n: int = 5) -> int:
    return min(int(x * n), n - 1)


def candidate_features(ev: dict, text: str, n_candidates: int = 1) -> list[str]:
    """Features of one candidate event for the candidate model.

    Args:
        ev: the candidate (event dict of the contract, optionally with ``rules``).
        text: its evidence sentence.
        n_candidates: how many candidates the sentence holds.
    Returns:
        strings, each also conjoined with the candidate's type (``<TYPE>|...``): trigger,
        mode, auxiliary modes, rules, whether actor/recipient/claim/location are given
        and their sectors, a bin of the rule confidence, date granularity, and the
        sentence's words.
    """
    t = ev["event_type"]
    trig = (ev.get("trigger") or "").lower()
    base = [f"trig:{trig}", f"mode:{ev.get('mode')}", f"conf:{_bin(float(ev.get('confidence') or 0))}",
            f"gran:{(ev.get('date') or {}).get('granularity')}", f"ncand:{min(n_candidates, 3)}"]
    base += [f"aux:{a}" for a in ev.get("aux_modes") or []] or ["aux:none"]
    base += [f"rule:{r}" for r in ev.get("rules") or []]
    for role in ("actor", "recipient", "claimed_by"):
        ents = ev.get(role) or []
        base.append(f"{role}:{'yes' if ents else 'no'}")
        base += [f"{role}_sec:{e.get('sector')}" for e in ents[:2]]
        if ents and not any(e.get("country") or e.get("igo") for e in ents):
            base.append(f"{role}:nocountry")
    base.append(f"loc:{'yes' if ev.get('location') else 'no'}")
    if is_caps(text):
        base.append("caps")
    ws = [w for w in words(text) if w not in _STOP]
    out = [f"type:{t}"] + base + [f"{t}|{f}" for f in base]
    out += [f"w:{w}" for w in ws] + [f"{t}|w:{w}" for w in ws]
    return out
