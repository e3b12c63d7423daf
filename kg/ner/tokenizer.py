"""One token per character: the NER model's view of the text.

Whitespace characters are tokens too, so the Doc's text is exactly the input and every
character offset is a token boundary; the pipeline's last step groups the characters into
spacy-pkuseg words again.
"""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab


TEXT_KEY = "kg.text"


def doc_text(doc: Doc) -> str:
    """``doc.text`` without rebuilding it from the tokens: spaCy joins every token's text on
    each access, which on a character-level Doc costs more than the features themselves."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None or len(text) != len(doc):
        text = doc.text
    return text


class CharTokenizer:
    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        doc = Doc(self.vocab, words=list(text), spaces=[False] * len(text))
        doc.user_data[TEXT_KEY] = text
        return doc

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
