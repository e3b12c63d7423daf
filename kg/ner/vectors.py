"""Character vectors learnt on far more text than MSRA, from Baidu's LAC.

MSRA's 45,000 sentences come from one newspaper in 1998, and the hashed embeddings the
model learns from them know a character only as well as those sentences show it. LAC
(``LAC==2.1.2`` on PyPI, Apache 2.0) is a tagger for words, parts of speech and
person / place / organisation names, trained by Baidu on a large news corpus; its sdist ships
its network, whose first layer is a 128-wide vector for each of 8,223 characters and 50,000
words. LAC reads a character on its own exactly where it is not part of a known word, which is
where names are, so its character vectors carry what characters do in names.

``build_char_vectors`` turns the character vectors into a spaCy vectors table keyed by
character, one row per character, also under each variant form LAC folds to it (full-width
ASCII, traditional forms), and writes LAC's words of 2 to 6 characters beside it (their
vectors are left out: 14 MB more for the model). Training reads them through ``[initialize]
vectors`` and kg.AddLexicon.v1; the trained pipeline carries both in its vocab, so tagging never
needs LAC, and only this build step downloads the pinned sdist (from PyPI, checked by sha256).
Used by ``kg train`` (``--no-lac`` trains without them; the README measures both).
"""

from __future__ import annotations

import hashlib
import os
import struct
import tarfile
import tempfile
import urllib.request
from pathlib import Path

import numpy

from kg.errors import InputError, KgError
from kg.ner import REPO_ROOT

LAC_SDIST = "LAC-2.1.2.tar.gz"
LAC_URL = ("https://files.pythonhosted.org/packages/c3/88/"
           "966e99c95cac93730a7f3cdf92a17e2a0e924bea61b9a86ae7995feaa4fe/" + LAC_SDIST)
LAC_SHA256 = "22fcde0d5082d2044205ea6f6a7a9cd1f0d63e7b21b2dd5c9c73f27e7c0a3ef1"
MODEL_DIR = "LAC-2.1.2/LAC/lac_model/"
WIDTH = 128
CACHE_DIR = REPO_ROOT / ".cache" / "lac"


def fetch_lac(cache_dir: Path = CACHE_DIR) -> Path:
    """The pinned LAC sdist, downloaded into ``cache_dir`` once (build time only)."""
    path = cache_dir / LAC_SDIST
    if not path.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        # a partial file of this process's own, so that two runs started together do not
        # rename each other's download away
        handle, name = tempfile.mkstemp(prefix=f".{LAC_SDIST}-", suffix=".part", dir=cache_dir)
        os.close(handle)
        partial = Path(name)
        try:
            urllib.request.urlretrieve(LAC_URL, partial)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise KgError(f"{LAC_URL}: download failed ({error}); pass the sdist's path instead") from error
        partial.replace(path)
    return path


def read_lac(sdist: Path) -> dict[str, bytes]:
    """The vocabulary, the folding table and the embedding table of LAC's tagger."""
    if hashlib.sha256(sdist.read_bytes()).hexdigest() != LAC_SHA256:
        raise InputError(str(sdist), f"not the pinned {LAC_SDIST} (sha256 differs)")
    names = {"conf/word.dic": "words", "conf/q2b.dic": "folds", "model/word_emb": "table"}
    with tarfile.open(sdist) as archive:
        return {names[m.name[len(MODEL_DIR):]]: archive.extractfile(m).read()
                for m in archive.getmembers() if m.name[len(MODEL_DIR):] in names}


def paddle_tensor(data: bytes) -> numpy.ndarray:
    """A float32 matrix saved by PaddlePaddle: version, LoD levels, a protobuf header, raw data."""
    (lod_levels,) = struct.unpack_from("<Q", data, 4)
    offset = 12
    for _ in range(lod_levels):
        (size,) = struct.unpack_from("<Q", data, offset)
        offset += 8 + size
    (header_size,) = struct.unpack_from("<i", data, offset + 4)
    offset += 8 + header_size
    values = numpy.frombuffer(data, dtype="<f4", offset=offset)
    return values.reshape(-1, WIDTH)


def tab_pairs(data: bytes) -> list[tuple[str, str]]:
    return [tuple(line.split("\t", 1)) for line in data.decode("utf8").splitlines() if "\t" in line]


def char_vectors(lac: dict[str, bytes]) -> tuple[numpy.ndarray, dict[str, int]]:
    """LAC's rows for single characters, and the row of each character (variants included)."""
    table = paddle_tensor(lac["table"])
    vocabulary = tab_pairs(lac["words"])
    if len(table) != len(vocabulary):
        raise ValueError("LAC's vocabulary and embedding table disagree")
    lac_rows = sorted(int(index) for index, word in vocabulary if len(word) == 1)
    rows = {vocabulary[old][1]: new for new, old in enumerate(lac_rows)}
    # LAC folds a variant to its standard form before the lookup: give the variant that row
    for variant, standard in tab_pairs(lac["folds"]):
        if len(variant) == 1 and variant not in rows and standard in rows:
            rows[variant] = rows[standard]
    return numpy.ascontiguousarray(table[lac_rows]), rows


def lexicon_words(lac: dict[str, bytes]) -> list[str]:
    """LAC's words of 2 to 6 characters (it reads these whole, not character by character)."""
    return sorted(word for _, word in tab_pairs(lac["words"])
                  if 2 <= len(word) <= 6 and word != "OOV" and not any(c.isspace() for c in word))


def build_char_vectors(out_dir: Path, sdist: Path | None = None, cache_dir: Path = CACHE_DIR) -> Path:
    """LAC's character vectors as a blank pipeline (for ``[initialize] vectors``), with LAC's
    word list beside them in ``lexicon.txt`` (for kg.AddLexicon.v1)."""
    lac = read_lac(sdist or fetch_lac(cache_dir))
    save_vectors(out_dir, *char_vectors(lac))
    (out_dir / "lexicon.txt").write_text("\n".join(lexicon_words(lac)) + "\n", encoding="utf-8")
    return out_dir


def save_vectors(out_dir: Path, table: numpy.ndarray, rows: dict[str, int]) -> Path:
    """Write ``table`` keyed by character (``rows``: character -> row) as a blank pipeline."""
    import spacy
    from spacy.vectors import Vectors

    nlp = spacy.blank("zh")  # the trained pipeline's language: spaCy copies vectors within one
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=numpy.asarray(table, dtype="float32"))
    for char, row in sorted(rows.items()):
        nlp.vocab.vectors.add(char, row=row)
    Path(out_dir).mkdir(parents=True, exist_ok=True)  # spaCy makes the last folder only
    nlp.to_disk(out_dir)
    return out_dir
