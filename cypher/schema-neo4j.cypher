// Neo4j-only schema (ArcadeDB and other Bolt servers reject full-text DDL), applied by
// `kg load neo4j` after schema.cypher when the server is Neo4j. The CJK analyzer splits
// Chinese into bigrams, so a search for 长治 finds 长治市委 and its aliases.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.alias_text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
