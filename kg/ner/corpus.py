"""Training corpora for the NER model, read by path and converted to spaCy DocBins.

MSRA (SIGHAN 2006) is ``char<TAB>BIO-tag`` per line with a blank line between sentences;
its LOC becomes PLACE and PER becomes PERSON. The data stays where it is (``../shared/data``
or ``$KG_DATA_DIR``); only the converted DocBins are written, outside the repository's
tracked files.
"""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Iterator

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

MSRA_LABELS = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}
REPO_ROOT = Path(__file__).resolve().parents[2]


def data_dir(path: str | os.PathLike | None = None) -> Path:
    """The shared data folder: the argument, else $KG_DATA_DIR, else ../shared/data."""
    return Path(path or os.environ.get("KG_DATA_DIR") or REPO_ROOT.parent / "shared" / "data")


def read_bio(path: Path) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """Sentences of a BIO file as (text, [(start, end, label)])."""
    chars: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if not line.strip():
                if chars:
                    yield "".join(chars), bio_spans(tags)
                chars, tags = [], []
                continue
            char, _, tag = line.partition("\t")
            chars.append(char[:1] or " ")
            tags.append(tag.strip() or "O")
    if chars:
        yield "".join(chars), bio_spans(tags)


def bio_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans of a BIO tag sequence; an I- without its B- starts a span."""
    spans = []
    start, label = None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, kind = tag.partition("-")
        if start is not None and (prefix != "I" or kind != label):
            spans.append((start, i, MSRA_LABELS.get(label, label)))
            start, label = None, None
        if prefix == "B" or (prefix == "I" and start is None):
            start, label = i, kind
    return spans


def char_doc(vocab: Vocab, text: str, spans: list[tuple[int, int, str]]) -> Doc:
    doc = Doc(vocab, words=list(text), spaces=[False] * len(text))
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in spans]
    return doc


def write_docbin(sentences, path: Path) -> int:
    vocab = Vocab()
    docbin = DocBin(attrs=["ENT_IOB", "ENT_TYPE"], store_user_data=False)
    count = 0
    for text, spans in sentences:
        docbin.add(char_doc(vocab, text, spans))
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)
    return count


def prepare_msra(out_dir: Path, data: Path | None = None, dev_size: int = 2000,
                 limit: int | None = None, seed: int = 0) -> dict[str, Path]:
    """Write train/dev/test DocBins from MSRA; dev is a fixed random sample of train."""
    msra = data_dir(data) / "msra"
    train = list(read_bio(msra / "train.bio"))
    random.Random(seed).shuffle(train)
    if limit:
        train = train[: limit + dev_size]
    paths = {name: out_dir / f"{name}.spacy" for name in ("train", "dev", "test")}
    write_docbin(train[dev_size:], paths["train"])
    write_docbin(train[:dev_size], paths["dev"])
    test = list(read_bio(msra / "test.bio"))
    write_docbin(test[:limit] if limit else test, paths["test"])
    return paths
