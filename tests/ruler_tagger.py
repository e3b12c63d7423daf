"""A small real spaCy pipeline standing in for the trained NER model in build tests.

``spacy.blank("zh")`` (character tokens) with an ``entity_ruler`` of fixed phrases, behind the
``Tagger.tag`` interface of ``kg.ner``. It replaces only the NER stage; everything after it
(segmentation, resolution, the store) runs for real.
"""

import spacy

from kg.mention import Mention

PATTERNS = {
    "长治市": "PLACE", "襄垣县": "PLACE", "太原市": "PLACE", "山西省": "PLACE",
    "长治市委": "ORG", "市委": "ORG", "省工信厅": "ORG", "山西日报": "ORG",
    "王晓明": "PERSON", "李红": "PERSON", "太旧高速扩容改造": "PROJECT",
}


class RulerTagger:
    def __init__(self, patterns: dict[str, str] = PATTERNS):
        self.nlp = spacy.blank("zh")
        ruler = self.nlp.add_pipe("entity_ruler")
        ruler.add_patterns([{"label": label, "pattern": text} for text, label in patterns.items()])

    def tag(self, text: str) -> list[Mention]:
        return [Mention(e.start_char, e.end_char, e.text, e.label_) for e in self.nlp(text).ents]

    def tag_many(self, texts):
        for text in texts:
            yield self.tag(text)
