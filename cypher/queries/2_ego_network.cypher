// Ego network of an entity
// The entity named $name and its $limit strongest co-occurrence links (graph view).
// :params {name: "长治市委", limit: 25}
MATCH (n:Entity {name: $name})-[r:CO_OCCURS]-(m:Entity)
WITH n, r, m ORDER BY r.weight DESC LIMIT $limit
RETURN n, r, m;
