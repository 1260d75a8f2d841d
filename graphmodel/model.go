// Package graphmodel declares csakg's graph model, once: the labels of
// entities with their id prefixes, GraphQL types, properties and filters,
// the relationship types with the labels at their ends and the facts they
// carry, and the keys of the records the store returns.
//
// Everything else reads it: the loader (ids, the ends a fact may have),
// the store (the allow-lists Cypher is built from), the resolvers and the
// direct writer (types, filters), the synthetic graph generator, and the
// code generator behind graph/model's entity and connection types.
// schema_test.go in this package holds schema/*.graphqls against it.
package graphmodel

import (
	"slices"
	"strings"
)

// Keys of the records the store's compiled queries return for an entity.
// Response keys are stored with a prefix of their own, so they never
// collide with these.
const (
	KeyID    = "__id"
	KeyLabel = "__label"
	KeyName  = "__name"
)

// EntityLabel is the label every entity carries besides its own; Entity is
// also the GraphQL interface all entity types implement.
const EntityLabel = "Entity"

// Entity labels. Each names a Neo4j label and the GraphQL object type of
// its entities.
const (
	Organization = "Organization"
	WorkingGroup = "WorkingGroup"
	Person       = "Person"
	Document     = "Document"
	Project      = "Project"
	Standard     = "Standard"
	Event        = "Event"
	Topic        = "Topic"
)

// Label is one kind of entity.
type Label struct {
	Name   string // Neo4j label and GraphQL object type
	Prefix string // prefix of its ids: "wg" in wg:anti-bot-working-group
	Enum   string // its value of the GraphQL enum EntityType
	List   string // the root list field of Query that lists them
	// Dated entities have a date: their list sorts by it (DatedOrder)
	// and the store indexes it.
	Dated bool
	// Props are its properties beyond the Entity interface's fields
	// (id, type, name, aliases, description), each a field of its type.
	Props []string
	// Filters are the fields of its Where input beyond CommonFilters.
	Filters []string
}

// Connection, Edge and Where name the GraphQL types of a label's lists.
func (l Label) Connection() string { return l.Name + "Connection" }
func (l Label) Edge() string       { return l.Name + "Edge" }
func (l Label) Where() string      { return l.Name + "Where" }

// RelFilter names the input that filters a list by the label's entities
// at the far end of a relationship (schema/relfilter.graphqls). Every
// relationship field of a type whose @rel names one label has a field of
// the same name in the type's Where input, of the far label's RelFilter.
func (l Label) RelFilter() string { return l.Name + "RelFilter" }

// EntityFields are the fields of the Entity interface that every entity
// type has and no label declares.
var EntityFields = []string{"id", "type", "name", "aliases", "description", "mentions", "relationships"}

// Filters of the Where inputs. Text filters compare ignoring case and
// width; date filters bound the date, both inclusive.
const (
	FilterNameContains   = "nameContains"
	FilterNameStartsWith = "nameStartsWith"
	FilterRelatedTo      = "relatedTo"
	FilterKind           = "kind"
	FilterRegion         = "region"
	FilterDateFrom       = "dateFrom"
	FilterDateTo         = "dateTo"
)

// Fields of a RelFilter input: how many of the entities a relationship
// leads to must meet a Where input of theirs (Quantifiers), or bounds on
// their number (RelCount, a CountFilter).
const (
	QuantSome  = "some"
	QuantNone  = "none"
	QuantEvery = "every"
	RelCount   = "count"
)

// Quantifiers are the fields of a RelFilter that take a Where input.
var Quantifiers = []string{QuantSome, QuantNone, QuantEvery}

// CommonFilters are in every label's Where input.
var CommonFilters = []string{FilterNameContains, FilterNameStartsWith, FilterRelatedTo}

// DateFilters are the filters on a date, whose values must be ISO dates.
var DateFilters = []string{FilterDateFrom, FilterDateTo}

// AllFilters are the filters a Where input may have, in the order the
// store applies them.
var AllFilters = []string{FilterNameContains, FilterNameStartsWith, FilterKind, FilterRegion,
	FilterDateFrom, FilterDateTo, FilterRelatedTo}

// Labels are the entity labels, in the order counts and lists show them.
// It is the allow-list any code turning a label into Cypher checks.
var Labels = []Label{
	{Name: Organization, Prefix: "org", Enum: "ORGANIZATION", List: "organizations",
		Props:   []string{"acronym", "kind", "url", "address", "email"},
		Filters: []string{FilterKind}},
	{Name: WorkingGroup, Prefix: "wg", Enum: "WORKING_GROUP", List: "workingGroups",
		Props:   []string{"acronym", "founded", "region"},
		Filters: []string{FilterRegion}},
	{Name: Person, Prefix: "person", Enum: "PERSON", List: "people",
		Props: []string{"title", "email", "phone"}},
	{Name: Document, Prefix: "doc", Enum: "DOCUMENT", List: "documents", Dated: true,
		Props:   []string{"kind", "url", "date", "status"},
		Filters: []string{FilterKind, FilterDateFrom, FilterDateTo}},
	{Name: Project, Prefix: "project", Enum: "PROJECT", List: "projects",
		Props:   []string{"acronym", "funding", "region", "started"},
		Filters: []string{FilterRegion}},
	{Name: Standard, Prefix: "std", Enum: "STANDARD", List: "standards",
		Props:   []string{"acronym", "kind", "version"},
		Filters: []string{FilterKind}},
	{Name: Event, Prefix: "event", Enum: "EVENT", List: "events", Dated: true,
		Props:   []string{"title", "date", "start", "end", "kind", "location", "url"},
		Filters: []string{FilterKind, FilterDateFrom, FilterDateTo}},
	{Name: Topic, Prefix: "topic", Enum: "TOPIC", List: "topics"},
}

// LabelNames are the names of Labels, in order.
var LabelNames = func() []string {
	out := make([]string, len(Labels))
	for i, l := range Labels {
		out[i] = l.Name
	}
	return out
}()

// labelIndex maps each label's name to its place in Labels: readers look
// labels up for every entity they write.
var labelIndex = func() map[string]int {
	m := make(map[string]int, len(Labels))
	for i, l := range Labels {
		m[l.Name] = i
	}
	return m
}()

// LabelOf returns the declaration of a label.
func LabelOf(name string) (Label, bool) {
	i, ok := labelIndex[name]
	if !ok {
		return Label{}, false
	}
	return Labels[i], true
}

// IsLabel tells whether name is an entity label of the model.
func IsLabel(name string) bool { _, ok := LabelOf(name); return ok }

// LabelOfEnum returns the label of an EntityType value.
func LabelOfEnum(enum string) (Label, bool) {
	i := slices.IndexFunc(Labels, func(l Label) bool { return l.Enum == enum })
	if i < 0 {
		return Label{}, false
	}
	return Labels[i], true
}

// LabelOfList returns the label a root list field lists.
func LabelOfList(field string) (Label, bool) {
	i := slices.IndexFunc(Labels, func(l Label) bool { return l.List == field })
	if i < 0 {
		return Label{}, false
	}
	return Labels[i], true
}

// LabelOfID returns the label an entity id's prefix stands for.
func LabelOfID(id string) (string, bool) {
	prefix, _, ok := strings.Cut(id, ":")
	if !ok {
		return "", false
	}
	i := slices.IndexFunc(Labels, func(l Label) bool { return l.Prefix == prefix })
	if i < 0 {
		return "", false
	}
	return Labels[i].Name, true
}

// PrefixOf returns the id prefix of a label ("" for none).
func PrefixOf(label string) string {
	l, _ := LabelOf(label)
	return l.Prefix
}

// HasFilter tells whether the label's Where input has filter f.
func (l Label) HasFilter(f string) bool {
	return slices.Contains(CommonFilters, f) || slices.Contains(l.Filters, f)
}
