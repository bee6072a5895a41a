"""The learned layer of the coder: a trigger classifier trained on the corpus.

The rule coder (:mod:`tidings.coding`) finds trigger words, decides word senses with
named rules, folds governed triggers, sets auxiliary modes and extracts arguments. A
multinomial logistic regression (:class:`~tidings.learn.model.TriggerModel`), trained on
the labelled real-news corpus (``corpus/``, train split) by
``python -m tidings.learn.train``, reads every verb and noun of a sentence (its syntax,
the lexicon's and the rules' decisions about it, and static word vectors distilled from
MiniLM) and gives each event type's probability. The coder then types, confirms or
drops the rule layer's events and adds events where the model finds a trigger the rules
did not take; every event's ``confidence`` is the model's calibrated probability.

Run time needs numpy only. See ``docs/model.md``.
"""

from .model import TriggerModel, load_model  # noqa: F401
