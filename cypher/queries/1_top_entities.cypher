// Top entities per type
// The most mentioned entities of each type, $limit per type.
// :params {limit: 10}
MATCH (n:Entity)
WITH n ORDER BY n.mentions DESC, n.name
WITH n.type AS type, collect(n)[..$limit] AS top
UNWIND top AS n
RETURN type, n.name AS name, n.mentions AS mentions, n.articles AS articles
ORDER BY type, mentions DESC, name;
