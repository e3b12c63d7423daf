"""kg_ner's greedy decoder finds exactly the entities spaCy's own decoder finds."""

from pathlib import Path

import numpy
import pytest
import spacy
from spacy.pipeline.ner import EntityRecognizer
from spacy.tokens import Span

from kg.ner import REPO_ROOT, load, model_lines, split_pieces
from kg.ner.recognizer import MOVES, KgEntityRecognizer, entities_of, valid_table
from kg.text import clean


@pytest.fixture(scope="module")
def nlp():
    return load().nlp


def spacy_decoder(ner: KgEntityRecognizer) -> EntityRecognizer:
    """spaCy's EntityRecognizer with the same weights and moves."""
    return EntityRecognizer(ner.vocab, ner.model, name=ner.name, moves=ner.moves,
                            update_with_oracle_cut_size=ner.cfg["update_with_oracle_cut_size"], scorer=ner.scorer)


def model_texts() -> list[str]:
    """The seed pages as the pipeline feeds them to the model, plus edge cases: an empty
    text, one character, a space the model keeps (between Latin letters), a lone name."""
    texts = ["", "李", "New York 时报记者王刚报道", "张海兵"]
    for page in sorted((REPO_ROOT / "seeds").glob("*.txt")):
        for view, _ in model_lines(clean(page.read_text(encoding="utf-8")).text):
            texts += [view[start:end] for start, end in split_pieces(view)]
    return texts


def tagged(component, nlp, texts, batch_size=64):
    with nlp.select_pipes(enable=["tok2vec"]):
        docs = list(nlp.pipe(texts))
    return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in component.pipe(docs, batch_size=batch_size)]


def test_shipped_pipeline_uses_it(nlp):
    assert isinstance(nlp.get_pipe("ner"), KgEntityRecognizer)


@pytest.mark.parametrize("batch_size", [64, 7])
def test_same_entities_as_spacy_on_the_seed_pages(nlp, batch_size):
    ner = nlp.get_pipe("ner")
    texts = model_texts()
    ours = tagged(ner, nlp, texts, batch_size)
    assert sum(map(len, ours)) > 300  # the pages name hundreds of people, places and bodies
    assert ours == tagged(spacy_decoder(ner), nlp, texts)


def test_every_other_token_is_outside(nlp):
    doc = nlp("国务院总理李强在北京会见了法国总统。")
    assert doc.ents and {t.ent_iob_ for t in doc} == {"B", "I", "O"}


def test_preset_entities_go_to_spacys_decoder(nlp):
    ner = nlp.get_pipe("ner")
    with nlp.select_pipes(enable=["tok2vec"]):
        doc = nlp("国务院总理李强在北京会见了法国总统。")
    doc.set_ents([Span(doc, 8, 10, label="ORG")], default="unmodified")  # 北京 preset as ORG
    reference = doc.copy()
    ner(doc)
    spacy_decoder(ner)(reference)
    assert ("北京", "ORG") in {(e.text, e.label_) for e in doc.ents}
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in reference.ents]


def classes(*names):
    kinds = numpy.array([MOVES.index(name[0]) for name in names])
    labels = numpy.array([{"": 0, "P": 7, "Q": 9}[name[2:]] for name in names], dtype="uint64")
    return kinds, labels


def test_valid_moves_follow_biluo():
    kinds, labels = classes("B-P", "B-Q", "I-P", "L-P", "L-Q", "U-P", "U-", "O")
    table = valid_table(kinds, labels)

    def allowed(open_label, more, can_start):
        return [name for name, ok in zip(["B-P", "B-Q", "I-P", "L-P", "L-Q", "U-P", "U-", "O"],
                                         table[(open_label * 2 + more) * 2 + can_start]) if ok]

    assert allowed(0, True, True) == ["B-P", "B-Q", "U-P", "O"]
    assert allowed(0, False, True) == ["U-P", "O"]  # the last token: no entity can begin
    assert allowed(0, True, False) == ["O"]  # whitespace: no entity starts there
    assert allowed(1, True, True) == ["I-P", "L-P"]  # P is open: continue or close it
    assert allowed(1, False, False) == ["L-P"]  # the last token closes it, whitespace or not
    assert allowed(2, True, True) == ["L-Q"]


def test_entities_from_moves_across_docs_and_an_empty_one():
    kinds, labels = classes("B-P", "I-P", "L-P", "U-Q", "O")
    taken = numpy.array([4, 0, 1, 2, 3, 0, 2])  # O B I L U | B L
    assert entities_of(taken, kinds, labels, numpy.array([5, 0, 2])) == [[(1, 4, 7), (4, 5, 9)], [], [(0, 2, 7)]]


def random_recognizer(extra_state_tokens: bool):
    """A small kg_ner over single characters with random weights: it opens and closes
    entities everywhere, so every state feature is exercised."""
    nlp = spacy.blank("zh")
    model = {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner",
             "extra_state_tokens": extra_state_tokens, "hidden_width": 16, "maxout_pieces": 2,
             "use_upper": True,
             "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "width": 32, "depth": 1,
                         "embed_size": 500, "window_size": 1, "maxout_pieces": 2,
                         "subword_features": False, "pretrained_vectors": None}}
    ner = nlp.add_pipe("kg_ner", config={"model": model})
    for label in ("PERSON", "ORG", "PLACE"):
        ner.add_label(label)
    nlp.initialize()
    rng = numpy.random.default_rng(0)
    for node in ner.model.walk():
        for name in node.param_names:
            if node.has_param(name):
                node.set_param(name, rng.normal(size=node.get_param(name).shape).astype("float32"))
    return nlp, ner


@pytest.mark.parametrize("extra_state_tokens", [False, True])
def test_same_entities_as_spacy_with_random_weights(extra_state_tokens):
    nlp, ner = random_recognizer(extra_state_tokens)
    docs = [nlp.make_doc(text) for text in model_texts()]
    ours = [[(e.start, e.end, e.label_) for e in doc.ents] for doc in ner.pipe([d.copy() for d in docs])]
    theirs = [[(e.start, e.end, e.label_) for e in doc.ents] for doc in spacy_decoder(ner).pipe(docs)]
    assert sum(len(ents) for ents in ours) > 300
    assert max(end - start for ents in ours for start, end, _ in ents) > 6  # beyond 5 entity features
    assert ours == theirs
