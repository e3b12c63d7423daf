from types import SimpleNamespace

from kg.mention import Mention
from kg.resolve import entity_key, resolve_document


def article(start, end, title=""):
    return SimpleNamespace(start=start, end=end, title=title)


def test_entity_key_is_type_and_name():
    assert entity_key("ORG", "长治市委") == "ORG:长治市委"


def test_mentions_get_their_article_and_normalised_name():
    text = "标题\n正文ＡＢＣ公司。\n第二篇"
    mentions = [Mention(5, 10, "ＡＢＣ公司", "ORG"), Mention(0, 2, "标题", "EVENT")]
    doc = resolve_document(text, [article(3, 12), article(12, 15)], mentions)
    first = doc.mentions[0]
    assert (first.name, first.entity_id, first.article_index) == ("ABC公司", "ORG:ABC公司", 0)
    assert doc.mentions[1].article_index is None
