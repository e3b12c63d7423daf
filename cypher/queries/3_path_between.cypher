// Path between two entities
// Shortest co-occurrence chains (up to 4 steps) from $source to $target, by name.
// :params {source: "王小明", target: "太焦高铁"}
MATCH (a:Entity {name: $source}), (b:Entity {name: $target})
MATCH p = shortestPath((a)-[:CO_OCCURS*..4]-(b))
RETURN p LIMIT 5;
