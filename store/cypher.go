package store

import (
	"fmt"
	"strings"

	"csakg/loader"
)

// This file holds csakg's Cypher. Values always travel as $parameters.
// Labels and relationship types cannot be parameters, so the statements that
// need them are built once, at start-up, from loader.Labels and
// loader.RelTypes, the allow-lists; no user text ever reaches them.

// Schema statements, run before every load; each is idempotent.
var schemaStatements = func() []string {
	s := []string{
		"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT loadrun_id IF NOT EXISTS FOR (n:LoadRun) REQUIRE n.id IS UNIQUE",
		"CREATE FULLTEXT INDEX entity_text IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases, n.description]",
		"CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date)",
		"CREATE INDEX document_date IF NOT EXISTS FOR (n:Document) ON (n.date)",
		"CREATE INDEX entity_degree IF NOT EXISTS FOR (n:Entity) ON (n.degree)",
	}
	for _, l := range loader.Labels {
		s = append(s, fmt.Sprintf("CREATE CONSTRAINT %s_id IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE", strings.ToLower(l), l))
		s = append(s, fmt.Sprintf("CREATE INDEX %s_name IF NOT EXISTS FOR (n:%s) ON (n.name)", strings.ToLower(l), l))
	}
	for _, t := range loader.RelTypes {
		s = append(s, fmt.Sprintf("CREATE INDEX %s_source IF NOT EXISTS FOR ()-[r:%s]-() ON (r.source)", strings.ToLower(t), t))
	}
	return s
}()

// Load statements. A load runs them all in one write transaction.
const (
	// cypherSourceHashes returns what the graph knows of the sources being loaded.
	cypherSourceHashes = `
MATCH (s:Source) WHERE s.name IN $names
RETURN s.name AS name, s.sha256 AS sha256`

	// cypherUpsertSources records each source; loadedAt moves only when the
	// text changed, so loading the same text twice changes nothing.
	cypherUpsertSources = `
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s.loadedAt = CASE WHEN s.sha256 = row.sha256 THEN s.loadedAt ELSE $now END
SET s.name = row.name, s.sha256 = row.sha256, s.lines = row.lines, s.kind = row.kind,
    s.entityCount = row.entityCount, s.relationshipCount = row.relationshipCount`

	// cypherDeleteStaleRels removes the facts these sources no longer state.
	cypherDeleteStaleRels = `
MATCH (:Entity)-[r]->(:Entity)
WHERE r.source IN $names AND NOT r.key IN $keys
DELETE r`

	// cypherDeleteStaleMentions removes mentions these sources no longer make.
	cypherDeleteStaleMentions = `
MATCH (:Entity)-[m:MENTIONED_IN]->(s:Source)
WHERE s.name IN $names AND NOT m.key IN $keys
DELETE m`

	cypherUpsertMentions = `
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
MATCH (s:Source {id: row.sourceId})
MERGE (n)-[m:MENTIONED_IN {key: row.key}]->(s)
SET m.line = row.line, m.excerpt = row.excerpt`

	// cypherDeleteOrphans drops entities that no source mentions any more.
	cypherDeleteOrphans = `
MATCH (n:Entity) WHERE NOT (n)-[:MENTIONED_IN]->(:Source)
DETACH DELETE n`

	cypherSources = `
MATCH (s:Source) RETURN s {.*} AS s ORDER BY s.name`

	cypherLoadRuns = `
MATCH (r:LoadRun) RETURN r {.*} AS r ORDER BY r.startedAt DESC LIMIT $first`

	cypherRecordRun = `
CREATE (r:LoadRun {id: $id, startedAt: $startedAt, finishedAt: $finishedAt,
  sources: $names, changedSources: $changed,
  nodesCreated: $nodesCreated, nodesDeleted: $nodesDeleted,
  relsCreated: $relsCreated, relsDeleted: $relsDeleted})
WITH r
MATCH (s:Source) WHERE s.name IN $names
MERGE (r)-[:LOADED]->(s)`
)

// cypherUpsertNodes has one MERGE statement per label.
var cypherUpsertNodes = func() map[string]string {
	m := make(map[string]string, len(loader.Labels))
	for _, l := range loader.Labels {
		m[l] = fmt.Sprintf(`
UNWIND $rows AS row
MERGE (n:%s {id: row.id})
SET n:Entity
SET n += row.props`, l)
	}
	return m
}()

// cypherUpsertRels has one MERGE statement per relationship type.
var cypherUpsertRels = func() map[string]string {
	m := make(map[string]string, len(loader.RelTypes))
	for _, t := range loader.RelTypes {
		m[t] = fmt.Sprintf(`
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:%s {key: row.key}]->(b)
SET r += row.props`, t)
	}
	return m
}()

// Read statements.
var (
	// cypherCounts counts entities per label and relationships per type,
	// all from Neo4j's count store, in one round trip.
	cypherCounts = unionCounts(loader.Labels, "MATCH (n:%s) WITH count(n) AS c RETURN 'label' AS kind, '%[1]s' AS name, c AS count") +
		"\nUNION ALL\n" +
		unionCounts(loader.RelTypes, "MATCH ()-[r:%s]->() WITH count(r) AS c RETURN 'rel' AS kind, '%[1]s' AS name, c AS count")
)

func unionCounts(names []string, format string) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf(format, n)
	}
	return strings.Join(parts, "\nUNION ALL\n")
}

// cypherWipe empties the database in batches, so a large graph does not need
// one huge transaction.
const cypherWipe = `
MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`

// cypherDegrees stores on every entity its number of relationships to other
// entities, so the most connected ones come from an index, not a scan.
var cypherDegrees = fmt.Sprintf(`
MATCH (n:Entity) SET n.degree = COUNT { (n)-[:%s]-(:Entity) }`, strings.Join(loader.RelTypes, "|"))
