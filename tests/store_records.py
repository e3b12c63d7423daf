"""Store records built by hand for store and lookup tests (no segmentation or NER)."""

from kg.store import ArticleRecord, DocumentRecord, MentionRecord


def record(source: str, text: str, names: dict[str, str], region: str | None = "长治市",
           ids: dict[str, str] | None = None, places: tuple = ()) -> DocumentRecord:
    """One article per line, sentences ending in 。, a mention for each occurrence of a name in
    ``names`` (name -> type; longest first, no overlaps); ``ids`` may map a name to another
    entity id than ``TYPE:name`` (an alias of that entity)."""
    articles, mentions = [], []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        sentences, begin = [], start
        for i, char in enumerate(line):
            if char == "。":
                sentences.append((begin, start + i + 1))
                begin = start + i + 1
        articles.append(ArticleRecord(start, end, line[:4], sentences))
        start = end + 1
    taken: set[int] = set()
    for name in sorted(names, key=len, reverse=True):
        at = text.find(name)
        while at >= 0:
            span = set(range(at, at + len(name)))
            if not taken & span:
                taken |= span
                article = next(i for i, a in enumerate(articles) if a.start <= at < a.end)
                sentence = next(i for i, (s, e) in enumerate(articles[article].sentences)
                                if s <= at < e)
                entity_id = (ids or {}).get(name, f"{names[name]}:{name}")
                canonical = entity_id.split(":", 1)[1].split("@")[0]  # PERSON:王晓明@长治市
                # resolution gives every mention the page's region
                mentions.append(MentionRecord(at, at + len(name), name, names[name],
                                              canonical, entity_id, article, sentence, region))
            at = text.find(name, at + 1)
    return DocumentRecord(source, text, region=region, region_confidence=0.9 if region else 0.0,
                          articles=tuple(articles), mentions=tuple(mentions), places=places)
