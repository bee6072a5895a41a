"""The entity recogniser's walk decoded in NumPy (``tidings.analyse_entities``, issue 20)
sets the entities spaCy's compiled walk sets: on stories, on odd texts written for this
test, one by one and in batches, and it leaves what it does not know to spaCy."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE

from tidings.analyse import load_nlp, one_blas_thread, use_entity_decoder
from tidings.analyse_entities import EntityDecoder
from tidings.read import read_stories
from tidings.records import Story

from conftest import EXAMPLES, SHARED

#: Texts written for this test: entities at the very start and end of a text, at a
#: sentence's last token, across line breaks and double spaces, one-token texts,
#: upper case, a text of white space only.
ODD = [
    "Paris",
    "Angela Merkel",
    "  ",
    "On Monday the European Union fined Google 2.4 billion euros.\n\nIn Brussels, "
    "officials of the  European  Commission said so.  Washington called it unfair.",
    "THE FOREIGN MINISTER OF PERU, JAVIER PEREZ, MET THE US AMBASSADOR IN LIMA ON 3 MAY.",
    "The talks ended on Friday. Japan\nChina and South Korea meet again in Seoul next "
    "March, said Kim Jong Un, the third such meeting since 2019; 40% of it is in New York",
]


#: Whether the shared stories are beside the checkout (they are in CI; a clone without
#: ``../shared`` tests on the odd texts and the bundled examples only).
HAVE_SHARED_STORIES = (SHARED / "data" / "voa_stories.jsonl").exists()


def _texts(k: int = 40) -> list[str]:
    texts = list(ODD)
    texts += [s.text for s in read_stories([EXAMPLES / "stories.jsonl"]) if isinstance(s, Story)]
    for name in ("voa_stories.jsonl", "muc34_fbis.jsonl", "state_dept_press.jsonl"):
        path = SHARED / "data" / name
        if path.exists():
            got = [s.text for s in read_stories([path]) if isinstance(s, Story)]
            texts += got[:: max(1, len(got) // k)][:k]
    return texts


def _entities(doc) -> np.ndarray:
    return doc.to_array([ENT_IOB, ENT_TYPE, ENT_KB_ID])


@pytest.fixture(scope="module")
def parsed():
    """The texts parsed up to the entity recogniser, and the pipeline."""
    nlp = load_nlp()
    with one_blas_thread():
        docs = list(nlp.pipe(_texts(), disable=["tidings_entities"]))
    return nlp, docs


def test_the_pipeline_runs_the_decoder_in_the_recognisers_place() -> None:
    nlp = load_nlp()
    names = nlp.pipe_names
    assert "ner" not in names and names[-1] == "tidings_entities"
    assert "ner" in nlp.disabled
    plain = load_nlp(fast_entities=False)
    assert "ner" in plain.pipe_names and "tidings_entities" not in plain.pipe_names
    doc = nlp("Emmanuel Macron met Olaf Scholz in Berlin on Tuesday.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Emmanuel Macron", "PERSON"), ("Olaf Scholz", "PERSON"), ("Berlin", "GPE"), ("Tuesday", "DATE")]


@pytest.mark.parametrize("batch_size", [1, 5, 32, 256])
def test_the_decoder_sets_spacys_entities(parsed, batch_size: int) -> None:
    nlp, docs = parsed
    ner = nlp.get_pipe("ner")
    decoder = nlp.get_pipe("tidings_entities")
    spacy_docs = [d.copy() for d in docs]
    ours = [d.copy() for d in docs]
    with one_blas_thread():
        list(ner.pipe(spacy_docs, batch_size=batch_size))
        list(decoder.pipe(ours, batch_size=batch_size))
    # real stories, many entities: 120 in the odd texts and examples, over 500 with the
    # shared stories
    assert sum(len(d.ents) for d in ours) > (500 if HAVE_SHARED_STORIES else 80)
    for a, b in zip(spacy_docs, ours):
        if not np.array_equal(_entities(a), _entities(b)):
            pytest.fail(f"{a.text[:60]!r}: spaCy {[(e.text, e.label_) for e in a.ents]} "
                        f"against {[(e.text, e.label_) for e in b.ents]}")


def test_one_doc_at_a_time_equals_spacy(parsed) -> None:
    nlp, docs = parsed
    ner, decoder = nlp.get_pipe("ner"), nlp.get_pipe("tidings_entities")
    for doc in docs[:12]:
        a, b = ner(doc.copy()), decoder(doc.copy())
        assert np.array_equal(_entities(a), _entities(b)), doc.text[:60]


def test_preset_entities_go_to_spacys_walk(parsed) -> None:
    # a document that already has entities (set by a user's component) keeps spaCy's
    # handling of preset entities; the others in the batch are decoded as usual
    nlp, docs = parsed
    from spacy.tokens import Span

    ner, decoder = nlp.get_pipe("ner"), nlp.get_pipe("tidings_entities")
    doc = nlp.make_doc("Acme Widgets signed a deal with Peru on Monday.")
    for name in ("tok2vec", "tagger", "tidings_line_breaks", "parser"):
        doc = nlp.get_pipe(name)(doc)
    doc.set_ents([Span(doc, 0, 2, label="ORG")], default="unmodified")
    batch = [doc.copy(), docs[5].copy()]
    expected = [ner(d.copy()) for d in batch]
    list(decoder.pipe(batch, batch_size=8))
    assert [(e.text, e.label_) for e in batch[0].ents][0] == ("Acme Widgets", "ORG")
    for a, b in zip(expected, batch):
        assert np.array_equal(_entities(a), _entities(b))


def test_a_recogniser_of_another_shape_is_left_to_spacy() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("ner", config={"model": {"@architectures": "spacy.TransitionBasedParser.v2",
                                          "state_type": "ner", "extra_state_tokens": True,
                                          "hidden_width": 8, "maxout_pieces": 2,
                                          "use_upper": True}})
    nlp.get_pipe("ner").add_label("ORG")
    nlp.initialize()
    with pytest.raises(ValueError, match="three context features"):
        EntityDecoder(nlp.get_pipe("ner"))  # extra state tokens: six features
    assert use_entity_decoder(nlp) is False
    assert "ner" in nlp.pipe_names and "tidings_entities" not in nlp.pipe_names
