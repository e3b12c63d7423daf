"""The pipeline's last step: group the characters back into spacy-pkuseg words.

The NER model tags a character-level Doc so entity spans are exact to the character. Users
and later stages want words, so this component segments the text with spacy-pkuseg and cuts
words additionally at every entity boundary: entities keep their exact spans and every other
token is a pkuseg word. The share of entity boundaries pkuseg had to be overruled on is what
word-level NER would have lost.
"""

from __future__ import annotations

from pathlib import Path

from spacy.lang.zh import ChineseTokenizer
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_words_and_spaces

from kg.ner.cutter import Cutter
from kg.ner.tokenizer import doc_text


@Language.factory("kg_word_merger")
def make_word_merger(nlp: Language, name: str) -> "WordMerger":
    return WordMerger(nlp, name)


class WordMerger:
    def __init__(self, nlp: Language, name: str):
        self.name = name
        self.vocab = nlp.vocab
        self.segmenter = ChineseTokenizer(nlp.vocab, segmenter="pkuseg")
        self.cutter: Cutter | None = None  # pkuseg's cutter, faster (kg/ner/cutter.py)

    def initialize(self, get_examples=None, *, nlp=None, pkuseg_model: str | None = None):
        """Load the pkuseg model from a folder (it is then saved with the pipeline)."""
        if pkuseg_model:
            self.segmenter.initialize(pkuseg_model=str(pkuseg_model), pkuseg_user_dict="default")
            # Like models/pkuseg itself: no post-processing dictionary (it merges words across
            # entity boundaries more often and costs 4.5 MB; see bench/bench_segmenter.py).
            post = self.segmenter.pkuseg_seg.postprocesser
            post.do_process, post.common_words, post.other_words = False, set(), set()
            self.cutter = Cutter(self.segmenter.pkuseg_seg)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        cuts = self.word_starts(text)
        for ent in doc.ents:
            cuts.add(ent.start_char)
            cuts.add(ent.end_char)
        words, spaces = get_words_and_spaces(doc_pieces(text, cuts), text)
        merged = Doc(self.vocab, words=words, spaces=spaces, user_data=doc.user_data)
        merged.ents = [
            merged.char_span(ent.start_char, ent.end_char, label=ent.label_, kb_id=ent.kb_id_)
            for ent in doc.ents
        ]
        merged._context = doc._context  # what nlp.pipe(..., as_tuples=True) carries along
        return merged

    def word_starts(self, text: str) -> set[int]:
        if self.cutter is None:
            raise ValueError("kg_word_merger has no pkuseg model: initialize it with pkuseg_model=PATH")
        # pkuseg's words straight from the cutter (the tokenizer's own Doc would cost a fifth
        # of the step and be thrown away), and whitespace on its own
        starts, position = set(), 0
        for word in self.cutter.cut(text):
            position = text.find(word, position)
            starts.add(position)
            position += len(word)
            starts.add(position)
        return starts

    def to_disk(self, path, *, exclude=tuple()):
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.segmenter.to_disk(path / "pkuseg", exclude=exclude)

    def from_disk(self, path, *, exclude=tuple()):
        self.segmenter.from_disk(Path(path) / "pkuseg", exclude=exclude)
        if self.segmenter.pkuseg_seg is not None:
            self.cutter = Cutter(self.segmenter.pkuseg_seg)
        return self


def doc_pieces(text: str, cuts: set[int]) -> list[str]:
    """``text`` cut at the given offsets (empty pieces dropped)."""
    points = sorted({0, len(text), *(c for c in cuts if 0 < c < len(text))})
    return [text[a:b] for a, b in zip(points, points[1:]) if a < b]
