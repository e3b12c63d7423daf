"""Build a benchmark corpus of news-like pages from the MSRA sentences.

MSRA (``train.bio``: one character and its BIO tag per line, a blank line between sentences)
holds about 2.2 million characters. Sentences are shuffled (seeded) and grouped into pages
of 3-6 paragraphs of 2-6 sentences, each page opening with a short headline; passes are
repeated with new shuffles until the corpus reaches the requested size, so every page has
its own text (and content hash).

    python bench/make_corpus.py --size-mb 20 --out corpus/msra-20mb

Also ``entity_names()``: the gold entity strings with their types, for the stand-in tagger.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

MSRA = Path("/work/shared/data/msra/train.bio")
TYPES = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}


def read_sentences(path: Path = MSRA) -> list[list[tuple[str, str]]]:
    """Each sentence as (character, tag) pairs."""
    sentences, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        char, _, tag = line.partition("\t")
        current.append((char, tag.strip() or "O"))
    if current:
        sentences.append(current)
    return sentences


def entity_names(path: Path = MSRA) -> dict[str, str]:
    """Gold entity surface (two characters or more) -> kg type, from the BIO tags."""
    names: dict[str, str] = {}
    for sentence in read_sentences(path):
        span, label = "", None
        for char, tag in sentence + [("", "O")]:
            if tag.startswith(("B-", "S-")) or tag == "O" or (label and tag[2:] != label):
                if len(span) >= 2 and label in TYPES:  # 日, 京: too ambiguous alone
                    names.setdefault(span, TYPES[label])
                span, label = "", None
            if tag != "O":
                span += char
                label = tag[2:]
    return names


def pages(sentences: list[str], rng: random.Random):
    """Pages made of consecutive shuffled sentences: a headline, then paragraphs."""
    order = list(range(len(sentences)))
    rng.shuffle(order)
    position = 0
    while position < len(order):
        paragraphs = []
        for _ in range(rng.randint(3, 6)):
            count = rng.randint(2, 6)
            paragraphs.append("".join(sentences[i] for i in order[position:position + count]))
            position += count
        headline = paragraphs[0][:rng.randint(8, 16)].rstrip("，。、")
        yield headline + "\n\n" + "\n\n".join(p for p in paragraphs if p) + "\n"


def make_corpus(out: Path, size_mb: float, seed: int = 0) -> int:
    """Write pages ``out/NNNNNN.txt`` until they hold ``size_mb`` MB of UTF-8; returns bytes."""
    out.mkdir(parents=True, exist_ok=True)
    sentences = ["".join(char for char, _ in s) for s in read_sentences()]
    rng = random.Random(seed)
    written, number, limit = 0, 0, int(size_mb * 1_000_000)
    while written < limit:
        for page in pages(sentences, rng):
            data = page.encode("utf-8")
            (out / f"{number:06d}.txt").write_bytes(data)
            written += len(data)
            number += 1
            if written >= limit:
                break
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=20.0)
    parser.add_argument("--out", type=Path, default=Path("corpus/msra-20mb"))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    written = make_corpus(args.out, args.size_mb, args.seed)
    print(f"wrote {written / 1e6:.1f} MB to {args.out} ({len(list(args.out.glob('*.txt')))} pages)")


if __name__ == "__main__":
    main()
