"""The one record every stage after NER speaks: a tagged span of the original text."""

from __future__ import annotations

from dataclasses import asdict, dataclass

LABELS = ("PERSON", "ORG", "PLACE", "PROJECT", "DOC", "EVENT")


@dataclass(frozen=True)
class Mention:
    """A span ``text[start:end]`` of a document's decoded text, with its entity type.

    Offsets are Python ``str`` indices into the *original* decoded text (BOM stripped,
    nothing else changed), so ``original[start:end] == text`` always holds. ``canonical``
    is the resolved full name when it differs from or completes the surface form.
    """

    start: int
    end: int
    text: str
    label: str
    canonical: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)
