package store

import (
	"fmt"
	"slices"
	"strings"

	"csakg/graphmodel"
)

// This file holds csakg's Cypher. Values always travel as $parameters.
// Labels and relationship types cannot be parameters, so the statements that
// need them are built once, at start-up, from graphmodel.Labels and
// graphmodel.Rels, the allow-lists; no user text ever reaches them.

// searchIndex is the full-text index search reads: names, aliases,
// descriptions and (for events) locations, with Lucene's CJK analyzer,
// which cuts Chinese and Japanese text into overlapping pairs of
// characters (関西支部: 関西 西支 支部), folds width (ＣＳＡ, ｶﾝｻｲ) and
// otherwise tokenizes as the standard analyzer does. An index's settings
// cannot change once made: new settings need a new name, and the old
// index is dropped in schemaStatements.
const searchIndex = "entity_search"

// searchProps are the properties searchIndex covers, which search's
// snippets are cut from too.
var searchProps = []string{"name", "aliases", "description", "location"}

// Schema statements, run before every load and when serve starts; each is
// idempotent: the constraints, then the indexes, then a wait for indexes
// still filling.
var schemaStatements = slices.Concat(schemaConstraints, createIndexes(schemaIndexes), []string{
	// The index of older versions: standard analyzer, no locations.
	"DROP INDEX entity_text IF EXISTS",
	cypherAwaitIndexes,
})

// cypherAwaitIndexes waits for new indexes, which fill in the background:
// the queries after it want them.
const cypherAwaitIndexes = "CALL db.awaitIndexes(300)"

// schemaConstraints keep ids unique; a load needs them while it writes.
var schemaConstraints = func() []string {
	s := []string{
		"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE",
		"CREATE CONSTRAINT loadrun_id IF NOT EXISTS FOR (n:LoadRun) REQUIRE n.id IS UNIQUE",
	}
	for _, l := range graphmodel.LabelNames {
		s = append(s, fmt.Sprintf("CREATE CONSTRAINT %s_id IF NOT EXISTS FOR (n:%s) REQUIRE n.id IS UNIQUE", strings.ToLower(l), l))
	}
	return s
}()

// schemaIndex is an index the reads use and a load does not: a batched
// load into an empty graph drops them and builds them once at its end
// (see LoadWith), which is quicker than keeping them up to date row by row.
type schemaIndex struct{ name, create string }

var schemaIndexes = func() []schemaIndex {
	props := make([]string, len(searchProps))
	for i, p := range searchProps {
		props[i] = "n." + p
	}
	s := []schemaIndex{{searchIndex, "FULLTEXT INDEX " + searchIndex + " IF NOT EXISTS FOR (n:Entity) ON EACH [" + strings.Join(props, ", ") +
		"] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"}}
	// Dated labels' lists and timelines sort and filter by date.
	for _, l := range graphmodel.Labels {
		if l.Dated {
			n := strings.ToLower(l.Name) + "_date"
			s = append(s, schemaIndex{n, fmt.Sprintf("INDEX %s IF NOT EXISTS FOR (n:%s) ON (n.date)", n, l.Name)})
		}
	}
	s = append(s, schemaIndex{"entity_degree", "INDEX entity_degree IF NOT EXISTS FOR (n:Entity) ON (n.degree)"})
	for _, l := range graphmodel.LabelNames {
		n := strings.ToLower(l)
		s = append(s,
			schemaIndex{n + "_name", fmt.Sprintf("INDEX %s_name IF NOT EXISTS FOR (n:%s) ON (n.name)", n, l)},
			schemaIndex{n + "_name_key", fmt.Sprintf("TEXT INDEX %s_name_key IF NOT EXISTS FOR (n:%s) ON (n.nameKey)", n, l)})
	}
	for _, t := range graphmodel.RelTypes {
		n := strings.ToLower(t) + "_source"
		s = append(s, schemaIndex{n, fmt.Sprintf("INDEX %s IF NOT EXISTS FOR ()-[r:%s]-() ON (r.source)", n, t)})
	}
	return s
}()

// createIndexes and dropIndexes are the statements that make or drop each
// of ix.
func createIndexes(ix []schemaIndex) []string {
	s := make([]string, len(ix))
	for i, x := range ix {
		s[i] = "CREATE " + x.create
	}
	return s
}

func dropIndexes(ix []schemaIndex) []string {
	s := make([]string, len(ix))
	for i, x := range ix {
		s[i] = "DROP INDEX " + x.name + " IF EXISTS"
	}
	return s
}

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

	// cypherEnsureSources makes sure each source has a node, for mentions to
	// point at, without marking it loaded: cypherUpsertSources does that at
	// the end of a load.
	cypherEnsureSources = `
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
ON CREATE SET s.name = row.name, s.kind = row.kind, s.sha256 = '', s.lines = 0,
  s.loadedAt = $now, s.entityCount = 0, s.relationshipCount = 0
RETURN row.id AS id, elementId(s) AS eid`

	// cypherDeleteStaleMentions removes mentions these sources no longer make.
	cypherDeleteStaleMentions = `
MATCH (s:Source) WHERE s.name IN $names
MATCH (:Entity)-[m:MENTIONED_IN]->(s)
WHERE NOT m.key IN $keys
DELETE m`

	cypherDeleteStaleMentionsBatched = `
MATCH (s:Source) WHERE s.name IN $names
MATCH (:Entity)-[m:MENTIONED_IN]->(s)
WHERE NOT m.key IN $keys
CALL (m) { DELETE m } IN TRANSACTIONS OF 10000 ROWS`

	// cypherCreateMentions is cypherUpsertMentions for a source the graph
	// has never seen.
	cypherCreateMentions = `
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
MATCH (s:Source {id: row.sourceId})
CREATE (n)-[m:MENTIONED_IN {key: row.key}]->(s)
SET m.line = row.line, m.excerpt = row.excerpt, m.rule = row.rule`

	// cypherCreateMentionsByID is cypherCreateMentions with both ends
	// given by the element ids this load got when it wrote them: a seek
	// by id, where a key takes an index look-up.
	cypherCreateMentionsByID = `
UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.eid
MATCH (s) WHERE elementId(s) = row.sourceEid
CREATE (n)-[m:MENTIONED_IN {key: row.key}]->(s)
SET m.line = row.line, m.excerpt = row.excerpt, m.rule = row.rule`

	cypherUpsertMentions = `
UNWIND $rows AS row
MATCH (n:Entity {id: row.id})
MATCH (s:Source {id: row.sourceId})
MERGE (n)-[m:MENTIONED_IN {key: row.key}]->(s)
SET m.line = row.line, m.excerpt = row.excerpt, m.rule = row.rule`

	// cypherDeleteOrphans drops entities that no source mentions any more.
	cypherDeleteOrphans = `
MATCH (n:Entity) WHERE NOT (n)-[:MENTIONED_IN]->(:Source)
DETACH DELETE n`

	cypherDeleteOrphansBatched = `
MATCH (n:Entity) WHERE NOT (n)-[:MENTIONED_IN]->(:Source)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`

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

// fold is the one way text filters compare: the Cypher expression of
// expr with compatibility forms unified (NFKC: full-width Latin letters and
// digits, half-width katakana, ligatures) and then lower-cased, so "ＥＭＥＡ",
// "EMEA" and "emea" are the same text. Stored keys and the values they are
// compared with both go through it.
func fold(expr string) string {
	return "toLower(normalize(" + expr + ", NFKC))"
}

// nameKey is the expression of an entity's name key: its name and aliases,
// folded, each after a newline. A TEXT index on it answers the name
// filters (CONTAINS p for any of them, STARTS WITH "\n"+p for the name)
// without reading every entity of the label.
func nameKey(v string) string {
	return fmt.Sprintf(`'\n' + %s + reduce(k = '', a IN coalesce(%s.aliases, []) | k + '\n' + %s)`, fold(v+".name"), v, fold("a"))
}

// cypherBackfillNameKeys gives a name key to entities written before
// there were any, or before keys were folded as they are now (an older
// csakg lower-cased them only). It runs outside a transaction (CALL IN
// TRANSACTIONS) and writes only the keys that differ.
var cypherBackfillNameKeys = `
MATCH (n:Entity) WHERE n.nameKey IS NULL OR n.nameKey <> ` + nameKey("n") + `
CALL (n) { SET n.nameKey = ` + nameKey("n") + ` } IN TRANSACTIONS OF 10000 ROWS`

// cypherUpsertNodes has one MERGE statement per label; cypherCreateNodes
// one CREATE statement per label, for a graph that has no entities yet.
var (
	cypherUpsertNodes = nodeStatements("MERGE (n:%s {id: row.id})\nSET n:Entity")
	cypherCreateNodes = nodeStatements("CREATE (n:%s:Entity {id: row.id})")
)

func nodeStatements(head string) map[string]string {
	m := make(map[string]string, len(graphmodel.LabelNames))
	for _, l := range graphmodel.LabelNames {
		extra := ""
		if l == graphmodel.Event {
			extra = "\nSET " + eventName("n")
		}
		m[l] = fmt.Sprintf(`
UNWIND $rows AS row
`+head+`
SET n += row.props%s
SET n.nameKey = %s
RETURN row.id AS id, elementId(n) AS eid`, l, extra, nameKey("n"))
	}
	return m
}

// eventName sets the names of the event bound to v, whose name is the
// heading the text gives it: title keeps the heading, and name, which
// lists, paths and search show, adds the date, so the meetings of a group
// can be told apart ("ACM-WGグローバルミーティング (2021-06-18)"). A
// heading that holds its date already is the name as it is.
func eventName(v string) string {
	return fmt.Sprintf(`%[1]s.title = %[1]s.name,
  %[1]s.name = CASE WHEN %[1]s.date IS NULL OR %[1]s.name CONTAINS %[1]s.date THEN %[1]s.name ELSE %[1]s.name + ' (' + %[1]s.date + ')' END`, v)
}

// cypherBackfillEventNames gives events written by an older csakg (whose
// name was the heading, with no title) their title and display name. It
// runs before cypherBackfillNameKeys, which then folds the new names.
var cypherBackfillEventNames = `
MATCH (n:Event) WHERE n.title IS NULL
CALL (n) { SET ` + eventName("n") + ` } IN TRANSACTIONS OF 10000 ROWS`

// cypherHasEntities tells whether the graph has any entity (from the count
// store, without reading nodes).
const cypherHasEntities = `MATCH (n:Entity) RETURN count(n) > 0 AS any`

// cypherUpsertRels has one MERGE statement per relationship type;
// cypherCreateRels has one CREATE statement per type, for the relationships
// of a source the graph has never seen: none of them can exist yet, so the
// MERGE's look-up is skipped.
// The ByID forms find both ends by the element ids the entity step got
// (row.from and row.to are element ids then): a seek by id costs less
// than a look-up in the id index, twice per relationship.
var (
	cypherUpsertRels     = relStatements("MERGE", relEndsByKey)
	cypherCreateRels     = relStatements("CREATE", relEndsByKey)
	cypherUpsertRelsByID = relStatements("MERGE", relEndsByID)
	cypherCreateRelsByID = relStatements("CREATE", relEndsByID)
)

const (
	relEndsByKey = "MATCH (a:Entity {id: row.from})\nMATCH (b:Entity {id: row.to})"
	relEndsByID  = "MATCH (a) WHERE elementId(a) = row.from\nMATCH (b) WHERE elementId(b) = row.to"
)

func relStatements(verb, ends string) map[string]string {
	m := make(map[string]string, len(graphmodel.RelTypes))
	for _, t := range graphmodel.RelTypes {
		m[t] = fmt.Sprintf(`
UNWIND $rows AS row
%s
%s (a)-[r:%s {key: row.key}]->(b)
SET r += row.props`, ends, verb, t)
	}
	return m
}

// Read statements.
var (
	// cypherCounts counts entities per label and relationships per type,
	// all from Neo4j's count store, in one round trip.
	cypherCounts = unionCounts(graphmodel.LabelNames, "MATCH (n:%s) WITH count(n) AS c RETURN 'label' AS kind, '%[1]s' AS name, c AS count") +
		"\nUNION ALL\n" +
		unionCounts(graphmodel.RelTypes, "MATCH ()-[r:%s]->() WITH count(r) AS c RETURN 'rel' AS kind, '%[1]s' AS name, c AS count")
)

func unionCounts(names []string, format string) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = fmt.Sprintf(format, n)
	}
	return strings.Join(parts, "\nUNION ALL\n")
}

// cypherWipe empties the database in batches, relationships first, so that
// neither a large graph nor a node with many relationships needs one huge
// transaction.
var cypherWipe = []string{
	"MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
	"MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS",
}

// cypherDegrees stores on every entity its number of relationships to other
// entities, so the most connected ones come from an index, not a scan. Only
// degrees that changed are written, which keeps a repeated load's
// transaction small.
var (
	cypherDegrees = fmt.Sprintf(`
MATCH (n:Entity)
WITH n, COUNT { (n)-[:%s]-(:Entity) } AS degree
WHERE n.degree IS NULL OR n.degree <> degree
SET n.degree = degree`, strings.Join(graphmodel.RelTypes, "|"))

	cypherDegreesBatched = fmt.Sprintf(`
MATCH (n:Entity)
WITH n, COUNT { (n)-[:%s]-(:Entity) } AS degree
WHERE n.degree IS NULL OR n.degree <> degree
CALL (n, degree) { SET n.degree = degree } IN TRANSACTIONS OF 10000 ROWS`, strings.Join(graphmodel.RelTypes, "|"))
)

// cypherDeleteStaleRels removes the facts these sources no longer state.
// Each type has an index on source, so the union reads only the
// relationships of the sources being loaded.
var (
	cypherDeleteStaleRels        = staleRels("DELETE r")
	cypherDeleteStaleRelsBatched = staleRels("CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS")
)

func staleRels(del string) string {
	parts := make([]string, len(graphmodel.RelTypes))
	for i, t := range graphmodel.RelTypes {
		parts[i] = fmt.Sprintf("  MATCH ()-[r:%s]->() WHERE r.source IN $names RETURN r", t)
	}
	return "CALL () {\n" + strings.Join(parts, "\n  UNION ALL\n") + "\n}\nWITH r WHERE NOT r.key IN $keys\n" + del
}
