"""Rebuild the shipped pipeline models/kg_zh from ../shared/data (``kg train``).

1. MSRA is converted to character-level DocBins (kg.ner.corpus), dev held out from train,
   with synthetic name lists (2% of the sentences) built from the training persons and a
   copy of each sentence that names a person, its persons renamed;
   ``cluener=True`` adds CLUENER2020 (measured: 0.01 F1 worse on MSRA, no better on seed 000).
2. ``spacy train`` runs models/config.cfg: tok2vec (character n-gram hash embeddings and a
   CNN, and LAC's character vectors and word list, kg.ner.vectors) +
   transition-based NER for PERSON / ORG / PLACE.
3. The best model is assembled with the rules for PROJECT / DOC / EVENT (kg_rules) and the
   spacy-pkuseg word merger (kg_word_merger, with the model in models/pkuseg).
4. The result is scored on the MSRA test set and the scores go into its meta.json.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import spacy
from spacy.cli.train import train as spacy_train

from kg.ner import DEFAULT_MODEL, REPO_ROOT, Tagger
from kg.ner.corpus import prepare_msra
from kg.ner.evaluate import evaluate_msra
from kg.ner.vectors import LAC_URL, build_char_vectors

CONFIG = REPO_ROOT / "models" / "config.cfg"
PKUSEG_MODEL = REPO_ROOT / "models" / "pkuseg"
WORK_DIR = REPO_ROOT / "training"
# `kg train --no-lac`: the model without LAC's vectors and word list (README: MSRA 0.873 -> 0.858)
WITHOUT_LAC = {"components.tok2vec.model.embed.vectors_width": 0,
               "components.tok2vec.model.embed.lexicon_width": 0}


def train(out_dir: Path = DEFAULT_MODEL, *, data: Path | None = None, work_dir: Path = WORK_DIR,
          config: Path = CONFIG, overrides: dict | None = None, limit: int | None = None,
          dev_size: int = 2000, pkuseg_model: Path = PKUSEG_MODEL, cluener: bool = False,
          lac: bool = True, lac_sdist: Path | None = None, vectors: Path | None = None, pages=(),
          page_weight: int = 3) -> dict:
    """Train, assemble into ``out_dir`` and return the MSRA test scores.

    ``lac``: the model also reads LAC's character vectors and word list, from ``vectors`` (a
    folder written by kg.ner.vectors.build_char_vectors), else built from the LAC sdist
    ``lac_sdist`` (downloaded from PyPI when not given); without, it reads neither
    (WITHOUT_LAC). ``pages``: annotated pages added to the training data ``page_weight`` times each
    (kg.ner.corpus.read_pages)."""
    from kg.ner import components, features, recognizer, tokenizer  # noqa: F401  (registrations)

    started = time.time()
    corpus = prepare_msra(work_dir / "corpus", data, dev_size=dev_size, limit=limit, cluener=cluener,
                          pages=pages, page_weight=page_weight)
    settings = {"paths.train": str(corpus["train"]), "paths.dev": str(corpus["dev"])}
    if lac:
        vectors = vectors or build_char_vectors(work_dir / "vectors", sdist=lac_sdist)
        settings["paths.vectors"] = str(vectors)
    else:
        settings.update(WITHOUT_LAC)
    settings.update(overrides or {})
    spacy_train(config, work_dir / "model", overrides=settings)
    return package(work_dir / "model" / "model-best", out_dir, data=data, limit=limit,
                   pkuseg_model=pkuseg_model, seconds=time.time() - started)


def package(trained: Path, out_dir: Path = DEFAULT_MODEL, *, data: Path | None = None,
            limit: int | None = None, pkuseg_model: Path = PKUSEG_MODEL, seconds: float = 0.0) -> dict:
    """Assemble a trained NER model (``spacy train``'s model-best) into the shipped pipeline,
    score it on the MSRA test set and save it, scores in its meta.json."""
    from kg.ner import components, features, recognizer, tokenizer  # noqa: F401  (registrations)

    nlp = assemble(spacy.load(trained), pkuseg_model)
    scores = evaluate_msra(Tagger(nlp), data, limit=limit)
    nlp.meta.update(meta(scores, seconds, limit, lac=nlp.vocab.vectors.shape[0] > 0))
    save(nlp, Path(out_dir))
    return scores


def assemble(nlp, pkuseg_model: Path):
    """Add the division names, the rules and the word merger to a trained NER pipeline."""
    from kg.ner import places, rules  # noqa: F401

    nlp.add_pipe("kg_places").initialize()
    nlp.add_pipe("kg_rules")
    merger = nlp.add_pipe("kg_word_merger")
    merger.initialize(pkuseg_model=pkuseg_model)
    return nlp


def meta(scores: dict, seconds: float, limit: int | None, lac: bool = False) -> dict:
    return {
        "name": "kg_zh",
        "version": "0.1.0",
        "description": "Chinese NER for news: character-level PERSON/ORG/PLACE model trained on MSRA"
                       + (" with LAC's character vectors and word list" if lac else "")
                       + ", rules for PROJECT/DOC/EVENT, spacy-pkuseg words",
        "license": "MIT (model); trained on MSRA NER (SIGHAN 2006) for research use"
                   + ("; character vectors and word list from LAC (Apache 2.0)" if lac else ""),
        "sources": [{"name": "MSRA NER (SIGHAN 2006 bakeoff)", "url": "", "author": "Microsoft Research Asia"}]
                   + ([{"name": "character vectors and word list of LAC 2.1.2 (Apache 2.0)", "url": LAC_URL,
                        "author": "Baidu"}] if lac else []),
        "kg_training": {"seconds": round(seconds), "limit": limit},
        "performance": {"msra_test": scores},
    }


def save(nlp, out_dir: Path) -> None:
    """Write beside ``out_dir`` and swap it in, so a failed save leaves the old model."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    nlp.to_disk(staging)
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}-old")
        shutil.rmtree(old, ignore_errors=True)
        out_dir.rename(old)
        staging.rename(out_dir)
        shutil.rmtree(old)
    else:
        staging.rename(out_dir)
