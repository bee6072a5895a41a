"""The learned layer of the coder: decides which rule candidates become events.

The rule coder (:mod:`tidings.code`) proposes candidate events, with their triggers,
arguments, auxiliary modes and the rules that made them. Two small linear models,
trained on the labelled real-news corpus (``corpus/``, train split) by
``python -m tidings.learn.train``, then decide what is reported:

- a **sentence model** gives, for each sentence, the probability of each PLOVER type
  (one-vs-rest logistic regression over the sentence's words and the candidates'
  types and triggers);
- a **candidate model** gives the probability that a candidate's type is right
  (logistic regression over the candidate's type, trigger, mode, auxiliary modes,
  arguments, rule confidence and the sentence's words, conjoined with the type).

Run time needs numpy only: the artefact (``data/model/coder.npz``) holds the feature
vocabulary, the weights, the thresholds and the calibration, all fitted with a fixed
seed; its bytes enter the pipeline version. See ``docs/model.md``.
"""

from .model import LearnedCoder, load_model  # noqa: F401
