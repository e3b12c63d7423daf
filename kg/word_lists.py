"""The word lists in ``kg/data`` that NER and resolution read (one entry per line, ``#`` comments)."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_word_list(name: str) -> tuple[str, ...]:
    """The entries of ``kg/data/<name>``, in file order."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return tuple(line for line in lines if line and not line.startswith("#"))


def read_characters(name: str) -> str:
    """The characters of ``kg/data/<name>``, a list of one-character entries written several to a line."""
    return "".join("".join(line.split()) for line in read_word_list(name))
