// An article's entities
// Every entity the article with store id $article mentions (graph view).
// :params {article: 1}
MATCH (a:Article {id: $article})<-[m:MENTIONED_IN]-(n:Entity)
RETURN a, m, n;
