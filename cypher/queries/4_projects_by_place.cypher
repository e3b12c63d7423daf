// Projects by place
// Projects linked to the place $place or to places located in it, strongest first.
// :params {place: "长治市", limit: 25}
MATCH (area:Place)-[:LOCATED_IN*0..3]->(:Place {name: $place})
MATCH (area)-[r:CO_OCCURS]-(project:Project)
RETURN project.name AS project, collect(DISTINCT area.name) AS places,
       sum(r.weight) AS weight, sum(r.articles) AS articles
ORDER BY weight DESC LIMIT $limit;
