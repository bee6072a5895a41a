"""The event coder: which PLOVER events a parsed sentence reports, and between whom.

Input is a spaCy ``Doc`` of one story (parsed by :mod:`tidings.analyse`); output is a
list of :class:`~tidings.records.Event`. The passes are code, one module each:

1. :mod:`~tidings.coding.triggers`: find triggers (lexicon ``data/triggers.tsv``,
   ``frame`` rules);
2. :mod:`~tidings.coding.senses`: word senses (``sense`` rules), then ``filter`` rules;
3. :mod:`~tidings.coding.aux`: auxiliary modes (``aux`` rules);
4. :mod:`~tidings.coding.fold`: fold governed triggers (``fold`` rules), reported speech,
   ``speech`` rules, demands made with "must";
5. :mod:`~tidings.coding.arguments` and :mod:`~tidings.coding.mentions`: actor and
   recipient;
6. :mod:`~tidings.coding.events`: the event (``event``, ``actor`` and ``mode`` rules,
   :mod:`~tidings.coding.confidence`, dates and places).

The decisions are named rules in ``data/rules/<stage>.jsonl`` (:mod:`~tidings.coding.rules`)
over named word lists in ``data/words.yaml`` (:mod:`~tidings.coding.words`); each event's
``rules`` field names the lexicon entry and the rules that made it. Each rule cites the
part of the PLOVER manual (Draft 0.8) it implements. Actor, date and place resolution are
delegated to :mod:`tidings.actors`, :mod:`tidings.dates` and :mod:`tidings.places`.
"""

from __future__ import annotations

from .coder import Coder, choose_events
from .confidence import FEATURES, confidence_features, load_calibration
from .modes import output_modes
from .rules import STAGES, Rule, RuleSet, load_rules, parse_rules
from .trigger import Trigger

#: Internal modes the manual does not list -> what the event says instead.
OUTPUT_MODES = output_modes()

__all__ = ["Coder", "Trigger", "FEATURES", "OUTPUT_MODES", "STAGES", "Rule", "RuleSet", "choose_events",
           "confidence_features", "load_calibration", "load_rules", "parse_rules"]
