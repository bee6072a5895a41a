"""Analysis: the model's entity recogniser, decoded in NumPy (issue 20).

spaCy's entity recogniser (``ner``) scores one token at a time with a small network and
walks a transition system over the story: Begin, In, Last, Unit (one per entity label)
and Out, the BILUO scheme (spaCy's ``BiluoPushDown``). Its network work is batched
(a token-to-vector layer and a "precomputable" hidden layer over all tokens at once);
the walk is compiled code that, per token, scores the state's three context tokens,
checks which moves are valid and takes the best valid one.

In the spaCy build that tidings installs (3.8.18), that walk costs about 36 µs a token,
most of it taking and releasing Python's global lock inside the compiled state
accessors (measured with ``perf``: ``take_gil``/``drop_gil`` under ``StateC::B``); it was
2.7 s of the 8.4 s the model takes on the 89 VOA stories, and spaCy 3.8.7 takes about
6 µs a token for the same walk. :class:`EntityDecoder` runs the same walk with NumPy over
all stories of a batch at once: every move of the scheme takes exactly one token, so
the states of a batch advance in step, and one step is a handful of array operations
for all of them.

The same numbers, in the same order: the token vectors and the hidden layer's table
come from the model's own layers, called as spaCy calls them, on the same sub-batches
(spaCy's ``Parser.pipe`` sorts a batch by length and cuts it into quarters); a state's
hidden vector is the sum of its three context tokens' rows (padding row for a missing
one), plus the bias, in that order, then the maxout; the scores come from ``blis``'s
``gemm``, the routine spaCy's walk calls, over the same states in the same order. The
validity rules are those of ``ner.pyx`` for a document with no preset entities
(documents with preset entities are left to spaCy): Begin needs no open entity, a next
token that starts no sentence, and a token that is not white space; In needs the open
entity's label and a next token in the same sentence; Last needs the open entity's
label; Unit needs no open entity and a token that is not white space; Out needs no open
entity; the label-less Unit (a blocked token) and Missing are never valid. A test checks
that the entities equal spaCy's on real stories.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

#: Move kinds, in ``spacy.pipeline._parser_internals.ner``'s names.
BEGIN, IN, LAST, UNIT, OUT = range(5)
_KINDS = {"B": BEGIN, "I": IN, "L": LAST, "U": UNIT}


class EntityDecoder:
    """The greedy walk of a loaded spaCy ``EntityRecognizer``, in NumPy.

    Args:
        ner: the pipeline's ``ner`` component (greedy: ``beam_width`` 1), whose network
            has an output layer, three context features per state and no unseen classes
            (en_core_web_sm 3.8's does).
    Raises:
        ValueError: a recogniser of another shape (beam search, other features, other
            moves); the caller then keeps spaCy's own component.
    """

    def __init__(self, ner) -> None:
        model = ner.model
        if ner.cfg.get("beam_width", 1) != 1:
            raise ValueError("the decoder replaces a greedy entity recogniser only")
        if not model.attrs.get("has_upper") or model.attrs.get("unseen_classes"):
            raise ValueError("the decoder needs an output layer and no unseen classes")
        self.ner = ner
        self.tok2vec, self.lower, self.upper = model.layers
        if self.lower.get_dim("nF") != 3:
            raise ValueError("the decoder knows the three context features of BILUO only")
        strings = ner.vocab.strings
        kinds, labels = [], []
        for i in range(ner.moves.n_moves):
            name = ner.moves.get_class_name(i)
            if name == "O":
                kind, label = OUT, 0
            elif len(name) > 1 and name[1] == "-" and name[0] in _KINDS:
                kind, label = _KINDS[name[0]], strings.add(name[2:]) if name[2:] else 0
            else:
                raise ValueError(f"unknown entity move {name!r}")
            kinds.append(kind)
            labels.append(label)
        self.kinds = np.array(kinds)
        self.labels = np.array(labels, dtype=np.uint64)
        # per move: which label index (into self.label_ids) it carries, -1 for none
        self.label_ids = sorted({int(x) for x in labels if x})
        index = {lab: j for j, lab in enumerate(self.label_ids)}
        self.move_label = np.array([index.get(int(x), -1) for x in labels])

    def pipe(self, docs: Iterable, batch_size: int = 256) -> Iterator:
        """Set the entities of ``docs`` (spaCy ``Doc`` objects), yielding each in
        order, with spaCy's batching: ``batch_size`` documents, whose network work is
        done, as spaCy does it, sorted by length in sub-batches of a quarter of that
        (at least 2); the walk then runs over the whole batch at once."""
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            self.predict_and_set(batch, max(batch_size // 4, 2))
            yield from batch

    def __call__(self, doc):
        """Set the entities of one ``Doc``; returns it."""
        self.predict_and_set([doc], 2)
        return doc

    def predict_and_set(self, docs: list, sub_batch: int) -> None:
        """Decode ``docs`` (one batch) and set their entities. Documents with preset
        entity annotation (any ``ent_iob`` set) go to spaCy's own walk."""
        from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
        from spacy.util import minibatch

        rows = {id(doc): doc.to_array([SENT_START, IS_SPACE, ENT_IOB]) for doc in docs}
        preset = [doc for doc in docs if len(doc) and rows[id(doc)][:, 2].any()]
        if preset:
            self.ner.set_annotations(preset, self.ner.predict(preset))
            docs = [doc for doc in docs if not (len(doc) and rows[id(doc)][:, 2].any())]
        ordered: list = []
        tables = []
        for sub in minibatch(sorted(docs, key=len), size=sub_batch):
            sub = [doc for doc in sub if len(doc)]
            if not sub:  # spaCy's walk does nothing for documents with no token
                continue
            table = self.lower.predict(self.tok2vec.predict(sub))
            tables.append(table[1:] if tables else table)  # one padding row, first
            ordered.extend(sub)
        if not ordered:
            return
        table = tables[0] if len(tables) == 1 else np.concatenate(tables)
        # the table's rows follow ``ordered`` (ascending length); the walk takes the
        # longest first, so that the states still walking are a prefix
        lengths = [len(doc) for doc in ordered]
        offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])[::-1].copy()
        ordered.reverse()
        lengths.reverse()
        for doc, found in zip(ordered, self._walk(table, lengths, offsets, [rows[id(d)] for d in ordered])):
            self._set(doc, found)

    def _walk(self, table, lengths: list[int], offsets, rows: list) -> list[list[tuple[int, int, int]]]:
        """The greedy BILUO walk over states advancing one token a step.

        Args:
            table: the hidden layer's precomputed rows, shape (T + 1, 3, H, P), row 0
                the padding, row 1 + offset + i token i of a document.
            lengths: tokens per document, longest first (T is their sum).
            offsets: per document, where its tokens start in ``table`` (less one).
            rows: per document, an (n, 3) array of SENT_START, IS_SPACE, ENT_IOB.
        Returns:
            per document, its entities as (start, end, label hash).
        """
        from blis.py import gemm

        n_docs = len(lengths)
        flat = table.reshape(table.shape[0], table.shape[1], -1)
        f0, f1, f2 = (np.ascontiguousarray(flat[:, f]) for f in range(3))
        pieces = table.shape[3]
        bias = self.lower.get_param("b").reshape(-1)
        W = self.upper.get_param("W")
        b = self.upper.get_param("b")
        longest = lengths[0]
        # the states still walking at step t: the first active[t] documents
        active_at = np.searchsorted(-np.array(lengths), -np.arange(longest), side="right")
        # a state's validity code: no open entity: 2 * go_on + space (0-3); an open
        # entity with label j: 4 + 2 * j + go_on; go_on: the next token exists and
        # starts no sentence
        go_on = np.zeros((longest, n_docs), dtype=np.int64)
        space = np.zeros((longest, n_docs), dtype=np.int64)
        for d, (n, r) in enumerate(zip(lengths, rows)):
            go_on[: n - 1, d] = r[1:, 0] != 1
            space[:n, d] = r[:, 1] != 0
        penalty = self._penalties()
        tok = np.asarray(offsets, dtype=np.int64) + 1  # row of each state's next token
        open_row = np.zeros(n_docs, dtype=np.int64)  # row of the open entity's first token; 0: none
        open_code = np.zeros(n_docs, dtype=np.int64)  # 4 + 2 * label index; 0: none
        moves = np.full((n_docs, longest), -1, dtype=np.int64)
        kinds, move_label = self.kinds, self.move_label
        for t in range(longest):
            k = int(active_at[t])
            rows0 = tok[:k] + t
            orow = open_row[:k]
            opened = orow > 0
            hidden = f0[rows0] + f1[orow]
            hidden += f2[np.where(opened, rows0 - 1, 0)]
            hidden += bias
            hidden = hidden.reshape(k, -1, pieces).max(axis=2)
            scores = gemm(hidden, W, trans2=True, alpha=1.0, beta=0.0)
            scores += b
            g = go_on[t, :k]
            code = np.where(opened, open_code[:k] + g, 2 * g + space[t, :k])
            scores += penalty[code]
            best = scores.argmax(axis=1)
            moves[:k, t] = best
            kind = kinds[best]
            began = kind == BEGIN
            if began.any():
                open_row[:k][began] = rows0[began]
                open_code[:k][began] = 4 + 2 * move_label[best[began]]
            ended = kind == LAST
            if ended.any():
                open_row[:k][ended] = 0
                open_code[:k][ended] = 0
        found = []
        for d, n in enumerate(lengths):
            taken = moves[d, :n]
            kind = kinds[taken]
            label = move_label[taken]
            begins = np.flatnonzero(kind == BEGIN)
            ends = np.flatnonzero((kind == LAST) | (kind == UNIT))
            spans = []
            for e in ends.tolist():
                if kinds[taken[e]] == UNIT:
                    spans.append((e, e + 1, self.label_ids[label[e]]))
                else:
                    s = int(begins[np.searchsorted(begins, e) - 1])
                    spans.append((s, e + 1, self.label_ids[label[e]]))
            found.append(spans)
        return found

    def _penalties(self):
        """Per validity code (see :meth:`_walk`), 0 for a valid move and minus infinity
        for an invalid one: shape (4 + 2 * labels, moves)."""
        if getattr(self, "_penalty", None) is not None:
            return self._penalty
        kinds, move_label = self.kinds, self.move_label
        labelled = move_label >= 0
        rows = []
        for go_on in (0, 1):
            for space in (0, 1):  # no open entity
                rows.append(labelled & ((kinds == BEGIN) & bool(go_on) & (not space)
                                        | (kinds == UNIT) & (not space)) | (kinds == OUT))
        for j in range(len(self.label_ids)):
            for go_on in (0, 1):  # an open entity of label j
                same = move_label == j
                rows.append(same & ((kinds == LAST) | (kinds == IN) & bool(go_on)))
        valid = np.array(rows)
        self._penalty = np.where(valid, 0.0, -np.inf).astype(np.float32)
        return self._penalty

    @staticmethod
    def _set(doc, found: list[tuple[int, int, int]]) -> None:
        """Set ``doc``'s entities as spaCy's ``BiluoPushDown.set_annotations`` does
        for a document with no preset entities: the entities, every other token Out."""
        from spacy.tokens import Span

        doc.set_ents([Span(doc, s, e, label=lab) for s, e, lab in found], default="outside")
