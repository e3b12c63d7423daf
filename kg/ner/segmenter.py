"""Chinese word segmentation with spacy-pkuseg, and the rebuild of the model we ship.

spacy-pkuseg ships no model. We take the mixed-domain CRF model of ``pkuseg==0.0.25``
(MIT, 2.6 M features, 180 MB) and keep only its strongest features, so the model fits the
repository (``models/pkuseg``, spacy-pkuseg's own format: features.msgpack + weights.npz).
The pruned model is never trained on anything, so the CWS gold sets stay held-out test data;
``build_segmenter`` scores it on them and writes the scores into ``meta.json``.

Nothing is downloaded when segmenting; only ``build_segmenter`` fetches the pinned wheel.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np
import spacy_pkuseg
import srsly

from kg.errors import InputError, KgError

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MODEL_DIR = REPO_ROOT / "models" / "pkuseg"

PKUSEG_REQUIREMENT = "pkuseg==0.0.25"
# The cp37 manylinux wheel carries the same model files as the sdist and needs no build step.
PKUSEG_WHEEL_ARGS = ["--only-binary", ":all:", "--python-version", "3.7", "--platform", "manylinux1_x86_64"]
# sha256 of the model files inside pkuseg 0.0.25 (identical in its sdist and cp37 wheel).
MODEL_FILES_SHA256 = {
    "features.pkl": "265dcf5534a11d6429776f7e7450a9eef8e075b1a4bedb82ef996994d9c721ac",
    "weights.npz": "95d1632a1fed45993b5006d8ba85939cb110fae71313987673582d24669811dd",
}
MODEL_MEMBER_DIR = "pkuseg/models/default/"

# 200k of 2.6M features: 11.6 MB on disk, word F1 within 0.2 points of the full model.
MAX_FEATURES = 200_000
START_FEATURE = "$$"  # pkuseg adds feature index 0 to every character
WORD_FEATURE = re.compile(r"^(?:w-1|w1)\.(.+)$")
NO_WORD = "**noWord"
# words never hold "*" (pkuseg rewrites it), but the no-word marker does
WORD_PAIR = re.compile(r"(\*\*noWord|[^*]+)\*(\*\*noWord|[^*]+)")  # "A*B" of a ww.l. / ww.r. feature
WORD_PAIR_FEATURE = re.compile(r"^ww\.[lr]\." + WORD_PAIR.pattern + "$")

GOLD_SETS = {"msr": "cws/msr_test_gold.utf8", "pku": "cws/pku_test_gold.utf8"}
WHITESPACE_RUN = re.compile(r"(\s+)")


def resolve_data_dir(data_dir: str | os.PathLike | None = None) -> Path:
    """The shared data folder: the argument, else $KG_DATA_DIR, else ../shared/data beside the repo."""
    if data_dir is not None:
        return Path(data_dir)
    return Path(os.environ.get("KG_DATA_DIR") or REPO_ROOT.parent / "shared" / "data")


def load_segmenter(model_dir: str | os.PathLike = DEFAULT_MODEL_DIR, user_dict: str | None = None):
    """Load a spacy-pkuseg model directory offline.

    ``user_dict="default"`` turns on pkuseg's post-processing dictionary (390k words bundled
    with spacy-pkuseg), which merges adjacent words into known ones. It is off by default:
    it splits more MSRA entities (89.5% instead of 90.3% on word boundaries), costs 0.9 s of
    load time and 4.5 MB inside a spaCy pipeline, and only helps the MSR word standard."""
    model_dir = Path(model_dir)
    for name in ("features.msgpack", "weights.npz"):
        if not (model_dir / name).is_file():
            raise InputError(str(model_dir), f"not a pkuseg model directory (no {name})")
    return spacy_pkuseg.pkuseg(str(model_dir), user_dict=user_dict)


def segment(seg, text: str) -> list[str]:
    """Words of ``text``; whitespace runs come back as their own tokens, so
    ``"".join(segment(seg, text)) == text`` always holds (pkuseg itself drops whitespace)."""
    words = []
    for piece in WHITESPACE_RUN.split(text):
        if not piece:
            continue
        words.extend([piece] if piece.isspace() else seg.cut(piece))
    return words


def read_gold(path: Path) -> list[list[str]]:
    """A segmented corpus: one sentence a line, words separated by whitespace."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot read segmented text ({error})") from None
    return [line.split() for line in lines if line.strip()]


def word_spans(words: list[str]) -> set[tuple[int, int]]:
    spans, start = set(), 0
    for word in words:
        spans.add((start, start + len(word)))
        start += len(word)
    return spans


def evaluate(seg, sentences: list[list[str]]) -> dict:
    """Word precision/recall/F1 (exact word spans, as the SIGHAN scorer) and segmentation speed
    in characters per CPU second (one core; CPU time, because the machine is shared)."""
    correct = predicted = gold = chars = 0
    seconds = 0.0
    for words in sentences:
        text = "".join(words)
        started = time.process_time()
        output = seg.cut(text)
        seconds += time.process_time() - started
        gold_spans, output_spans = word_spans(words), word_spans(output)
        correct += len(gold_spans & output_spans)
        predicted += len(output_spans)
        gold += len(gold_spans)
        chars += len(text)
    precision, recall = correct / max(predicted, 1), correct / max(gold, 1)
    f1 = 2 * precision * recall / (precision + recall) if correct else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "sentences": len(sentences), "chars": chars, "chars_per_second": round(chars / seconds)}


def fetch_pkuseg_wheel(dest: Path) -> Path:
    """Download the pinned pkuseg wheel with pip (build time only)."""
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", *PKUSEG_WHEEL_ARGS,
               "--dest", str(dest), PKUSEG_REQUIREMENT]
    if subprocess.run(command).returncode != 0:
        raise KgError(f"{PKUSEG_REQUIREMENT}: pip download failed; pass source= a downloaded wheel or sdist")
    return next(dest.glob("pkuseg-*.whl"))


def read_source_files(source: Path) -> dict[str, bytes]:
    """features.pkl and weights.npz from a pkuseg 0.0.25 wheel, sdist or unpacked model folder."""
    names = list(MODEL_FILES_SHA256)
    if source.is_dir():
        files = {name: (source / name).read_bytes() for name in names if (source / name).is_file()}
    elif zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as archive:
            files = {Path(m).name: archive.read(m) for m in archive.namelist()
                     if MODEL_MEMBER_DIR in m and Path(m).name in names}
    elif tarfile.is_tarfile(source):
        with tarfile.open(source) as archive:
            files = {Path(m.name).name: archive.extractfile(m).read() for m in archive.getmembers()
                     if MODEL_MEMBER_DIR in m.name and Path(m.name).name in names}
    else:
        raise InputError(str(source), "not a pkuseg wheel, sdist or model folder")
    for name, expected in MODEL_FILES_SHA256.items():
        if name not in files:
            raise InputError(str(source), f"no {name} of the pkuseg default model")
        if hashlib.sha256(files[name]).hexdigest() != expected:
            raise InputError(str(source), f"{name} is not the pinned {PKUSEG_REQUIREMENT} model")
    return files


class _PlainDataUnpickler(pickle.Unpickler):
    """The features file holds only dicts, lists and strings: refuse anything that imports code."""

    def find_class(self, module, name):
        raise pickle.UnpicklingError(f"refusing to load {module}.{name}")


def load_source_model(files: dict[str, bytes]) -> tuple[dict, np.ndarray]:
    features = _PlainDataUnpickler(io.BytesIO(files["features.pkl"])).load()
    with np.load(io.BytesIO(files["weights.npz"])) as npz:
        n_tag, n_feature = (int(x) for x in npz["sizes"])
        weights = npz["w"]
    if len(features["feature_to_idx"]) != n_feature or len(features["tag_to_idx"]) != n_tag:
        raise ValueError("pkuseg features and weights disagree")
    return features, weights


def prune(features: dict, weights: np.ndarray, max_features: int) -> tuple[dict, np.ndarray]:
    """Keep the ``max_features`` features with the largest weight for any tag.

    Features keep their relative order (so ``$$`` stays index 0, which pkuseg hard-codes).
    The word list shrinks to the words the kept word features mention: a word dropped from
    it reads as ``**noWord``, which is what the model learnt for words outside its list.
    The bigram list only serves training, so it is dropped.
    """
    n_tag = len(features["tag_to_idx"])
    n_feature = len(features["feature_to_idx"])
    node_weights = weights[: n_feature * n_tag].reshape(n_feature, n_tag)
    strength = np.abs(node_weights).max(axis=1)
    strength[features["feature_to_idx"][START_FEATURE]] = np.inf
    kept = np.sort(np.argsort(-strength, kind="stable")[:max_features])
    names_by_index = {index: name for name, index in features["feature_to_idx"].items()}
    feature_to_idx = {names_by_index[int(old)]: new for new, old in enumerate(kept)}
    pruned = {
        "unigram": sorted(words_in_features(feature_to_idx)),
        "bigram": [],
        "feature_to_idx": feature_to_idx,
        "tag_to_idx": features["tag_to_idx"],
    }
    edge_weights = weights[n_feature * n_tag:]
    return pruned, np.concatenate([node_weights[kept].reshape(-1), edge_weights])


def words_in_features(feature_to_idx: dict) -> set[str]:
    words = set()
    for name in feature_to_idx:
        if match := WORD_FEATURE.match(name):
            words.add(match.group(1))
        elif match := WORD_PAIR_FEATURE.match(name):
            words.update(match.groups())
    words.discard(NO_WORD)
    return words


def save_model(model_dir: Path, features: dict, weights: np.ndarray) -> None:
    """Write spacy-pkuseg's own format: what ``spacy_pkuseg.pkuseg(model_dir)`` and spaCy read."""
    srsly.write_msgpack(model_dir / "features.msgpack", features)
    n_tag, n_feature = len(features["tag_to_idx"]), len(features["feature_to_idx"])
    np.savez(model_dir / "weights.npz", sizes=np.array([n_tag, n_feature]), w=weights)


def swap_into_place(staging: Path, out_dir: Path) -> None:
    """Replace ``out_dir`` by the finished ``staging`` folder beside it."""
    staging.chmod(0o755)
    if not out_dir.exists():
        os.replace(staging, out_dir)
        return
    retired = out_dir.with_name(f".{out_dir.name}-old")
    shutil.rmtree(retired, ignore_errors=True)
    os.replace(out_dir, retired)
    os.replace(staging, out_dir)
    shutil.rmtree(retired)


def scores_only(result: dict) -> dict:
    """Drop the machine-dependent speed, so rebuilding writes the same meta.json."""
    return {key: value for key, value in result.items() if key != "chars_per_second"}


def directory_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.iterdir() if f.is_file())


def build_segmenter(out_dir: str | os.PathLike = DEFAULT_MODEL_DIR, data_dir: str | os.PathLike | None = None,
                    source: str | os.PathLike | None = None, max_features: int = MAX_FEATURES) -> dict:
    """Rebuild the shipped segmenter: prune the pkuseg 0.0.25 default model to ``max_features``
    features, write it to ``out_dir`` and score it on the CWS gold sets under ``data_dir``.

    ``source`` is a pkuseg 0.0.25 wheel, sdist or unpacked ``models/default`` folder; without
    it the wheel is downloaded with pip. Returns the meta written to ``out_dir/meta.json``.
    """
    out_dir = Path(out_dir)
    gold = {name: resolve_data_dir(data_dir) / rel for name, rel in GOLD_SETS.items()}
    sentences = {name: read_gold(path) for name, path in gold.items()}  # fail before the slow part
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(source) if source else fetch_pkuseg_wheel(Path(scratch))
        features, weights = load_source_model(read_source_files(source))
    features, weights = prune(features, weights, max_features)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        save_model(staging, features, weights)
        seg = load_segmenter(staging)
        meta = {"source": f"{PKUSEG_REQUIREMENT} models/default (MIT), pruned by max |weight|",
                "source_sha256": MODEL_FILES_SHA256, "features": len(features["feature_to_idx"]),
                "words": len(features["unigram"]), "bytes": directory_size(staging),
                "scores": {name: scores_only(evaluate(seg, sents)) for name, sents in sentences.items()}}
        text = json.dumps(meta, ensure_ascii=False, indent=2) + "\n"
        (staging / "meta.json").write_text(text, encoding="utf-8")
        swap_into_place(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return meta
