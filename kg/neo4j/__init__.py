"""The graph in Neo4j: a Bolt loader (``load_neo4j``) and ``neo4j-admin import`` CSV files."""

from kg.neo4j.load import DEFAULT_BATCH_SIZE, LoadSummary, ServerError, browser_url, entity_query, load_neo4j

__all__ = ["DEFAULT_BATCH_SIZE", "LoadSummary", "ServerError", "browser_url", "entity_query", "load_neo4j"]
