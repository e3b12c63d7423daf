// Schema for the kg graph, applied by `kg load neo4j` before any data (every statement is
// idempotent). Without the id constraints MERGE would scan the whole label on every row.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX article_date IF NOT EXISTS FOR (n:Article) ON (n.date);
