"""spaCy's entity recognizer with a faster greedy decoder for tagging.

spaCy's transition-based NER decodes in compiled code that, as built for spaCy 3.8 (Cython
3), takes and releases the GIL around each check of each move of each state: on this
project's character-level Docs that is most of the component's time (14.5 µs per character,
against 4.5 for this decoder). Every NER move (B, I, L, U, O) consumes exactly one token,
so all the Docs of a batch can be decoded in lockstep, one token a step, with numpy: the
same model, the same state features (with or without extra_state_tokens), the same moves,
valid under the same rules. ``tests/test_recognizer.py`` checks the entities against
spaCy's own decoder.

Training (``update``) is spaCy's, untouched; so is decoding Docs that carry preset entities
or sentence starts, which the greedy decoder leaves to spaCy.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator, List, Optional

import numpy
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline.ner import EntityRecognizer
from spacy.tokens import Doc, Span
from spacy.util import minibatch
from thinc.api import Model

MOVES = "BILUO"


@Language.factory(
    "kg_ner",
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    default_config={
        "moves": None,
        "update_with_oracle_cut_size": 100,
        "incorrect_spans_key": None,
        "scorer": {"@scorers": "spacy.ner_scorer.v1"},
    },
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_kg_ner(nlp: Language, name: str, model: Model, moves, update_with_oracle_cut_size: int,
                incorrect_spans_key: Optional[str], scorer: Optional[Callable]) -> "KgEntityRecognizer":
    """spaCy's ``ner`` (the same settings and weights) with the greedy decoder below."""
    return KgEntityRecognizer(nlp.vocab, model, name=name, moves=moves,
                              update_with_oracle_cut_size=update_with_oracle_cut_size,
                              incorrect_spans_key=incorrect_spans_key, scorer=scorer)


class Entities(list):
    """What ``KgEntityRecognizer.predict`` returns for a batch it decoded itself: per Doc,
    its (start, end, label id) entities in token offsets."""


class KgEntityRecognizer(EntityRecognizer):
    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 256) -> Iterator[Doc]:
        # One decode per batch (spaCy splits a batch in four): the decoder's cost is per step,
        # and a step serves the whole batch.
        error_handler = self.get_error_handler()
        for batch in minibatch(docs, size=batch_size):
            batch = list(batch)
            try:
                self.set_annotations(batch, self.predict(batch))
                yield from batch
            except Exception as error:
                error_handler(self.name, self, batch, error)

    def predict(self, docs: List[Doc]):
        if isinstance(docs, Doc):
            docs = [docs]
        if self.cfg["beam_width"] != 1 or not all(map(_decodable, docs)):
            return super().predict(docs)
        return Entities(greedy_entities(self.model, self.moves, docs))

    def set_annotations(self, docs: List[Doc], predictions) -> None:
        if not isinstance(predictions, Entities):
            return super().set_annotations(docs, predictions)
        for doc, ents in zip(docs, predictions):
            doc.set_ents([Span(doc, start, end, label=label) for start, end, label in ents], default="outside")
            for hook in self.postprocesses:
                hook(doc)


def _decodable(doc: Doc) -> bool:
    """No preset entity annotation and no sentence start after the first token: then the
    only rules that decide a move's validity are the ones ``valid_table`` applies."""
    if not len(doc):
        return True
    rows = doc.to_array([ENT_IOB, SENT_START])
    return not rows[:, 0].any() and not (rows[1:, 1] == 1).any()


def move_table(moves, strings) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The kind (index into MOVES) and label id of each of the transition system's classes."""
    kinds, labels = [], []
    for i in range(moves.n_moves):
        kind, _, label = moves.get_class_name(i).partition("-")
        kinds.append(MOVES.index(kind))
        labels.append(strings[label] if label else 0)
    return numpy.array(kinds), numpy.array(labels, dtype="uint64")


def greedy_entities(model: Model, moves, docs: List[Doc]) -> list[list[tuple[int, int, int]]]:
    """The entities spaCy's greedy decoder finds with ``model`` (a TransitionBasedParser:
    tok2vec, lower, upper) in each of ``docs``, which carry no preset entities."""
    lengths = numpy.array([len(doc) for doc in docs])
    if not lengths.any():
        return [[] for _ in docs]
    kinds, labels = move_table(moves, docs[0].vocab.strings)
    taken = decode(Decoder(model, kinds, labels), docs, lengths)
    return entities_of(taken, kinds, labels, lengths)


class Decoder:
    """The model's weights and the move table, in the shapes the decoding loop wants."""

    def __init__(self, model: Model, kinds: numpy.ndarray, labels: numpy.ndarray):
        self.tok2vec, self.lower, upper = model.layers
        self.bias = self.lower.get_param("b").reshape(-1)
        self.pieces = self.lower.get_dim("nP")
        self.weights_t = numpy.ascontiguousarray(upper.get_param("W").T)
        self.output_bias = upper.get_param("b")
        self.begins = kinds == MOVES.index("B")
        self.valid = valid_table(kinds, labels)
        self.next_label = next_label_table(kinds, labels)

    def features(self, docs: List[Doc]) -> numpy.ndarray:
        """(features, tokens + 1, hidden * pieces): each token's contribution to each state
        feature, after a row of padding (the feature has no token)."""
        cached = self.lower.predict(self.tok2vec.predict(docs))
        return numpy.ascontiguousarray(cached.reshape(cached.shape[0], cached.shape[1], -1).transpose(1, 0, 2))


def decode(decoder: Decoder, docs: List[Doc], lengths: numpy.ndarray) -> numpy.ndarray:
    """The class of the move taken at each token of the Docs (concatenated). One step per
    token position, for all the Docs that long: the loop's cost is per step, so it does as
    little as it can per step (a page's longest line sets the number of steps)."""
    features = decoder.features(docs)
    first_token, entity_features = features[0], features[1:]
    token_codes = _token_codes(docs)
    taken = numpy.zeros(int(lengths.sum()), dtype="intp")
    # Docs sorted longest first: the ones still being decoded at a step are a prefix.
    order = numpy.argsort(-lengths, kind="stable")
    starts = (numpy.cumsum(lengths) - lengths)[order]
    sorted_lengths = lengths[order]
    still = numpy.searchsorted(-sorted_lengths, -numpy.arange(sorted_lengths[0]), side="left")
    open_start = numpy.zeros(len(docs), dtype="intp")  # the open entity's first token, per Doc
    open_label = numpy.zeros(len(docs), dtype="intp")  # its label index (0: no entity is open)
    for step, n in enumerate(still.tolist()):
        token, entity, label = starts[:n] + step, open_start[:n], open_label[:n]
        is_open = label > 0
        state = first_token[token + 1]
        add_entity_features(state, entity_features, token, entity, is_open)
        state += decoder.bias
        hidden = state[:, 0::decoder.pieces]
        for piece in range(1, decoder.pieces):
            numpy.maximum(hidden, state[:, piece::decoder.pieces], out=hidden)
        scores = hidden @ decoder.weights_t
        scores += decoder.output_bias
        valid = decoder.valid[label * 4 + token_codes[token]]
        guess = numpy.where(valid, scores, -numpy.inf).argmax(axis=1)
        taken[token] = guess
        numpy.copyto(entity, token, where=decoder.begins[guess])
        label[:] = decoder.next_label[label, guess]
    return taken


def add_entity_features(state: numpy.ndarray, features: numpy.ndarray, token: numpy.ndarray,
                        entity: numpy.ndarray, is_open: numpy.ndarray) -> None:
    """Add spaCy's NER state features after the first (the token) to ``state``; feature rows
    are token + 1, row 0 standing for "none" (spacy/pipeline/_parser_internals/_state.pxd).
    Three features (the default): the open entity's first token and the token before. Six
    (``extra_state_tokens = true``): the open entity's first five tokens."""
    if len(features) == 2:
        state += features[0][(entity + 1) * is_open]
        state += features[1][token * is_open]
    elif len(features) == 5:
        for offset, feature in enumerate(features):
            inside = is_open & (entity + offset < token)
            state += feature[(entity + offset + 1) * inside]
    else:
        raise ValueError(f"kg_ner decodes 3 or 6 state features, not {len(features) + 1}")


def _token_codes(docs: List[Doc]) -> numpy.ndarray:
    """Per token (the Docs concatenated), the part of valid_table's state code it decides:
    more than one token left in its Doc * 2 + it is not whitespace."""
    codes = []
    for doc in docs:
        if len(doc):
            more = numpy.arange(len(doc), 0, -1) >= 2
            codes.append(more * 2 + (doc.to_array([IS_SPACE]).reshape(-1) == 0))
    return numpy.concatenate(codes)


def next_label_table(kinds: numpy.ndarray, labels: numpy.ndarray) -> numpy.ndarray:
    """(open label index, class): the label index left open after the move (0: none).
    B opens its label, I and O keep what is open, L and U leave nothing open."""
    distinct, label_index = labels_index(labels)
    keeps = (kinds == MOVES.index("I")) | (kinds == MOVES.index("O"))
    table = [numpy.where(kinds == MOVES.index("B"), label_index, numpy.where(keeps, open_label, 0))
             for open_label in range(len(distinct) + 1)]
    return numpy.array(table, dtype="intp")


def labels_index(labels: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The distinct entity labels, and per class the index of its label among them plus
    one (0: the class has no label)."""
    distinct = numpy.unique(labels[labels != 0])
    return distinct, numpy.where(labels != 0, numpy.searchsorted(distinct, labels) + 1, 0)


def valid_table(kinds: numpy.ndarray, labels: numpy.ndarray) -> numpy.ndarray:
    """Which classes spaCy's BILUO system allows, for each state code ``(open label index
    * 2 + more than one token left) * 2 + the token is not whitespace``, in Docs with no
    preset entities or sentence starts (spacy/pipeline/_parser_internals/ner.pyx)."""
    distinct, label_index = labels_index(labels)
    b, i, l, u, o = (kinds == MOVES.index(kind) for kind in MOVES)
    labelled = labels != 0
    table = []
    for open_label in range(len(distinct) + 1):
        closed, same = open_label == 0, label_index == open_label
        for more in (False, True):
            for can_start in (False, True):
                table.append((b & labelled & closed & more & can_start)
                             | (i & labelled & ~closed & more & same)
                             | (l & labelled & ~closed & same)
                             | (u & labelled & closed & can_start)
                             | (o & closed))
    return numpy.array(table)


def entities_of(taken: numpy.ndarray, kinds: numpy.ndarray, labels: numpy.ndarray,
                lengths: numpy.ndarray) -> list[list[tuple[int, int, int]]]:
    """Per Doc, the (start, end, label id) entities that the moves ``taken`` (a valid BILUO
    sequence per Doc, the Docs concatenated) spell out, in Doc token offsets."""
    kind = kinds[taken]
    starts = numpy.flatnonzero((kind == MOVES.index("B")) | (kind == MOVES.index("U")))
    ends = numpy.flatnonzero((kind == MOVES.index("L")) | (kind == MOVES.index("U"))) + 1
    doc_starts = numpy.cumsum(lengths) - lengths
    # the Doc holding each start (an empty Doc shares its start with the next: side="right"
    # picks the last of them, the one that has tokens)
    docs = numpy.searchsorted(doc_starts, starts, side="right") - 1
    entities: list[list[tuple[int, int, int]]] = [[] for _ in lengths]
    for doc, start, end, label in zip(docs.tolist(), (starts - doc_starts[docs]).tolist(),
                                      (ends - doc_starts[docs]).tolist(), labels[taken[starts]].tolist()):
        entities[doc].append((start, end, label))
    return entities
