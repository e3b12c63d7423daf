// People by organisation
// People who appear with the organisation $organization, with one example sentence.
// :params {organization: "长治市委", limit: 25}
MATCH (org:Organization {name: $organization})-[r:CO_OCCURS]-(person:Person)
RETURN person.name AS person, r.weight AS weight, r.sentences AS sentences, r.evidence[0] AS example
ORDER BY weight DESC LIMIT $limit;
