"""One token per character: the NER model's view of the text.

Whitespace characters are tokens too, so the Doc's text is exactly the input and every
character offset is a token boundary; the pipeline's last step groups the characters into
spacy-pkuseg words again.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab


class CharTokenizer:
    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return Doc(self.vocab, words=list(text), spaces=[False] * len(text))

    # spaCy serialises the tokenizer with the pipeline; this one has no state.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "CharTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> "CharTokenizer":
        return self


@registry.tokenizers("kg.CharTokenizer.v1")
def create_char_tokenizer():
    def make_tokenizer(nlp) -> CharTokenizer:
        return CharTokenizer(nlp.vocab)

    return make_tokenizer
