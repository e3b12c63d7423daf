"""LAC's character vectors: reading PaddlePaddle's files and feeding the model."""

import struct
from pathlib import Path

import numpy
import pytest
import spacy

from kg.errors import InputError, KgError
from kg.ner import features, tokenizer  # noqa: F401  (registrations)
from kg.ner.features import add_lexicon
from kg.ner import vectors
from kg.ner.vectors import WIDTH, char_vectors, fetch_lac, lexicon_words, paddle_tensor, read_lac, save_vectors


def paddle_bytes(matrix: numpy.ndarray) -> bytes:
    """A tensor as PaddlePaddle saves it: version, no LoD, version, header, float32 data."""
    header = b"\x08\x05\x10" + bytes([len(matrix)]) + b"\x10\x80\x01"  # FP32, dims (rows, 128)
    return (struct.pack("<IQIi", 0, 0, 0, len(header)) + header
            + numpy.asarray(matrix, dtype="<f4").tobytes())


def tiny_lac() -> tuple[dict[str, bytes], numpy.ndarray]:
    table = numpy.arange(4 * WIDTH, dtype="float32").reshape(4, WIDTH)
    words = "0\t张\n1\t长治\n2\t国\n3\tOOV\n"
    folds = "國\t国\n長\t长\n"  # 长 alone has no row: 長 gets none either
    return {"words": words.encode(), "folds": folds.encode(), "table": paddle_bytes(table)}, table


def test_paddle_tensor_reads_the_matrix_after_the_header():
    matrix = numpy.random.default_rng(0).normal(size=(3, WIDTH)).astype("float32")
    assert numpy.array_equal(paddle_tensor(paddle_bytes(matrix)), matrix)


def test_char_vectors_keep_single_characters_and_their_variants():
    lac, table = tiny_lac()
    rows_table, rows = char_vectors(lac)
    assert rows == {"张": 0, "国": 1, "國": 1}
    assert numpy.array_equal(rows_table, table[[0, 2]])


def test_lexicon_words_are_lacs_words_of_two_to_six_characters():
    lac, _ = tiny_lac()
    lac["words"] += "4\t中华人民共和国\n5\t长治 市\n".encode()
    assert lexicon_words(lac) == ["长治"]


def test_char_vectors_refuse_a_table_of_another_size():
    lac, table = tiny_lac()
    lac["table"] = paddle_bytes(table[:3])
    with pytest.raises(ValueError, match="disagree"):
        char_vectors(lac)


def test_the_sdist_is_fetched_once_and_a_failed_download_leaves_nothing(tmp_path: Path, monkeypatch):
    source = tmp_path / "source.tar.gz"
    source.write_bytes(b"sdist")
    monkeypatch.setattr(vectors, "LAC_URL", source.as_uri())
    cache = tmp_path / "cache"
    assert fetch_lac(cache).read_bytes() == b"sdist"
    source.unlink()
    assert fetch_lac(cache).read_bytes() == b"sdist"  # from the cache: the source is gone
    with pytest.raises(KgError, match="download failed"):
        fetch_lac(tmp_path / "empty")
    assert list(cache.iterdir()) == [cache / vectors.LAC_SDIST]
    assert list((tmp_path / "empty").iterdir()) == []


def test_only_the_pinned_sdist_is_read(tmp_path: Path):
    fake = tmp_path / "LAC-2.1.2.tar.gz"
    fake.write_bytes(b"not LAC")
    with pytest.raises(InputError, match="not the pinned LAC-2.1.2.tar.gz"):
        read_lac(fake)


def test_the_embedding_reads_each_characters_vector(tmp_path: Path):
    table = numpy.zeros((2, WIDTH), dtype="float32")
    vectors = spacy.load(save_vectors(tmp_path / "new" / "vectors", table, {"张": 0, "王": 1})).vocab.vectors
    embed = spacy.registry.architectures.get("kg.CharNgramEmbed.v1")(
        width=8, rows=[50, 50, 50, 10], widths=[4, 4, 4, 2], vectors_width=4)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "kg.CharTokenizer.v1"}}})
    nlp.vocab.vectors = vectors
    docs = [nlp("张王")]
    embed.initialize(X=docs)
    before = embed.predict(docs)[0]
    vectors.data[1] = 1.0  # only 王's row changes
    after = embed.predict(docs)[0]
    assert numpy.array_equal(before[0], after[0]) and not numpy.array_equal(before[1], after[1])


def test_the_embedding_reads_the_lexicon_in_the_vocab():
    embed = spacy.registry.architectures.get("kg.CharNgramEmbed.v1")(
        width=8, rows=[50, 50, 50, 10], widths=[4, 4, 4, 2], lexicon_width=4)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "kg.CharTokenizer.v1"}}})
    add_lexicon(nlp.vocab, ["太原"])
    docs = [nlp("长治市")]
    embed.initialize(X=docs)
    before = embed.predict(docs)[0]
    add_lexicon(nlp.vocab, ["长治"])
    after = embed.predict(docs)[0]
    assert numpy.array_equal(before[2], after[2]) and not numpy.array_equal(before[:2], after[:2])
