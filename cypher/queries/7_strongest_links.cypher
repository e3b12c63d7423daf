// Strongest links with evidence
// The $limit heaviest co-occurrence links of weight >= $min_weight, with their sentences.
// :params {min_weight: 2.0, limit: 25}
MATCH (a:Entity)-[r:CO_OCCURS]->(b:Entity)
WHERE r.weight >= $min_weight
RETURN a.name AS source, b.name AS target, r.weight AS weight, r.npmi AS npmi, r.evidence AS evidence
ORDER BY weight DESC LIMIT $limit;
