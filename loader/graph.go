// Package loader turns source texts into a knowledge graph of organizations,
// working groups, people, documents, projects, standards, events and topics.
//
// Parsing is pure: Parse takes the bytes of a text and returns the nodes and
// edges found in it, each with the line it came from. Writing the result to
// Neo4j is the store package's job.
package loader

import (
	"strconv"
	"strings"
)

// Node labels, as in the graph model. Every entity carries LabelEntity and
// exactly one of these.
const (
	LabelEntity       = "Entity"
	LabelOrganization = "Organization"
	LabelWorkingGroup = "WorkingGroup"
	LabelPerson       = "Person"
	LabelDocument     = "Document"
	LabelProject      = "Project"
	LabelStandard     = "Standard"
	LabelEvent        = "Event"
	LabelTopic        = "Topic"
)

// Labels lists the entity labels; it is the allow-list that any code turning
// a label into Cypher must check against.
var Labels = []string{
	LabelOrganization, LabelWorkingGroup, LabelPerson, LabelDocument,
	LabelProject, LabelStandard, LabelEvent, LabelTopic,
}

// idPrefix maps a label to the prefix of its node ids, which makes ids unique
// across labels as well as within one.
var idPrefix = map[string]string{
	LabelOrganization: "org",
	LabelWorkingGroup: "wg",
	LabelPerson:       "person",
	LabelDocument:     "doc",
	LabelProject:      "project",
	LabelStandard:     "std",
	LabelEvent:        "event",
	LabelTopic:        "topic",
}

// Relationship types, as in the graph model.
const (
	RelPartOf           = "PART_OF"
	RelSubgroupOf       = "SUBGROUP_OF"
	RelCollaboratesWith = "COLLABORATES_WITH"
	RelLiaisonWith      = "LIAISON_WITH"
	RelMemberOf         = "MEMBER_OF"
	RelContributedTo    = "CONTRIBUTED_TO"
	RelPublished        = "PUBLISHED"
	RelMaintains        = "MAINTAINS"
	RelMapsTo           = "MAPS_TO"
	RelParticipatesIn   = "PARTICIPATES_IN"
	RelFundedBy         = "FUNDED_BY"
	RelLedBy            = "LED_BY"
	RelHeld             = "HELD"
	RelAttended         = "ATTENDED"
	RelPresentedAt      = "PRESENTED_AT"
	RelDiscussed        = "DISCUSSED"
	RelReferences       = "REFERENCES"
	RelFocusesOn        = "FOCUSES_ON"
	RelMentionedIn      = "MENTIONED_IN"
)

// RelTypes lists the relationship types between entities (MENTIONED_IN, which
// points at a Source, is not among them); it is the allow-list for Cypher.
var RelTypes = []string{
	RelPartOf, RelSubgroupOf, RelCollaboratesWith, RelLiaisonWith, RelMemberOf,
	RelContributedTo, RelPublished, RelMaintains, RelMapsTo, RelParticipatesIn,
	RelFundedBy, RelLedBy, RelHeld, RelAttended, RelPresentedAt, RelDiscussed,
	RelReferences, RelFocusesOn,
}

// Ends are the labels a relationship of one type may start (From) and end
// (To) at.
type Ends struct{ From, To []string }

// RelEnds gives the Ends of every type in RelTypes, as the graph model's
// table does. Loads refuse an edge whose entities it does not allow, so a
// reader may rely on it: a walk along MEMBER_OF into a working group meets
// people only.
var RelEnds = map[string]Ends{
	RelPartOf:           {From: []string{LabelWorkingGroup, LabelOrganization}, To: []string{LabelOrganization}},
	RelSubgroupOf:       {From: []string{LabelWorkingGroup}, To: []string{LabelWorkingGroup}},
	RelCollaboratesWith: {From: []string{LabelWorkingGroup}, To: []string{LabelWorkingGroup}},
	RelLiaisonWith:      {From: []string{LabelOrganization}, To: []string{LabelOrganization}},
	RelMemberOf:         {From: []string{LabelPerson}, To: []string{LabelWorkingGroup, LabelOrganization}},
	RelContributedTo:    {From: []string{LabelPerson}, To: []string{LabelDocument}},
	RelPublished:        {From: []string{LabelWorkingGroup, LabelOrganization}, To: []string{LabelDocument}},
	// The model's table has organizations maintain standards; the texts
	// also have working groups develop them (an ISO/IEC JTC 1 group and
	// its technical specifications), so a group may maintain one too.
	RelMaintains:      {From: []string{LabelOrganization, LabelWorkingGroup}, To: []string{LabelStandard}},
	RelMapsTo:         {From: []string{LabelStandard}, To: []string{LabelStandard}},
	RelParticipatesIn: {From: []string{LabelOrganization}, To: []string{LabelProject}},
	RelFundedBy:       {From: []string{LabelProject}, To: []string{LabelOrganization}},
	RelLedBy:          {From: []string{LabelProject}, To: []string{LabelOrganization}},
	RelHeld:           {From: []string{LabelWorkingGroup, LabelOrganization}, To: []string{LabelEvent}},
	RelAttended:       {From: []string{LabelPerson}, To: []string{LabelEvent}},
	RelPresentedAt:    {From: []string{LabelPerson}, To: []string{LabelEvent}},
	RelDiscussed:      {From: []string{LabelEvent}, To: []string{LabelDocument}},
	RelReferences:     {From: []string{LabelDocument}, To: []string{LabelStandard, LabelDocument}},
	RelFocusesOn:      {From: []string{LabelWorkingGroup, LabelDocument, LabelProject}, To: []string{LabelTopic}},
}

// LabelOfID returns the label an entity id's prefix stands for.
func LabelOfID(id string) (string, bool) {
	prefix, _, ok := strings.Cut(id, ":")
	if !ok {
		return "", false
	}
	for l, p := range idPrefix {
		if p == prefix {
			return l, true
		}
	}
	return "", false
}

// Evidence says where in a source text a fact was read.
type Evidence struct {
	Source  string `json:"source"`         // file name of the source text
	Line    int    `json:"line"`           // 1-based line number
	Excerpt string `json:"excerpt"`        // the evidence, trimmed to MaxExcerpt runes
	Rule    string `json:"rule,omitempty"` // the loader's rule that read the fact there
}

// MaxExcerpt is the longest excerpt, in runes, kept as evidence.
const MaxExcerpt = 300

// Node is one entity.
type Node struct {
	Label       string         `json:"label"`
	ID          string         `json:"id"`
	Name        string         `json:"name"`
	Aliases     []string       `json:"aliases,omitempty"`
	Description string         `json:"description,omitempty"`
	Props       map[string]any `json:"props,omitempty"` // extra properties: string, int or []string values
	Mentions    []Evidence     `json:"mentions"`        // every line the entity appears on
}

// Edge is one relationship between two entities, identified by their ids:
// one fact (type, ends and role). Evidence is the first line that states
// it; Lines, when several lines do, is all of them, by source and line
// (AllLines gives them either way).
type Edge struct {
	Type     string         `json:"type"`
	From     string         `json:"from"`
	To       string         `json:"to"`
	Props    map[string]any `json:"props,omitempty"`
	Evidence Evidence       `json:"evidence"`
	Lines    []Evidence     `json:"lines,omitempty"`
}

// AllLines returns every line that states e, by source and line.
func (e Edge) AllLines() []Evidence {
	if len(e.Lines) == 0 {
		return []Evidence{e.Evidence}
	}
	return e.Lines
}

// Source describes one ingested text.
type Source struct {
	Name   string `json:"name"`   // file name
	SHA256 string `json:"sha256"` // hex digest of the bytes
	Lines  int    `json:"lines"`
	Kind   string `json:"kind"` // what kind of page it reads as: listing, log, report, form or page
	// Format and Encoding say how the file was read: text, html,
	// markdown or pdf; utf-8, shift_jis, ... ("" for a PDF).
	Format   string `json:"format"`
	Encoding string `json:"encoding,omitempty"`
}

// Warning is something a parser could not make sense of, with its place.
type Warning struct {
	Source  string `json:"source"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

func (w Warning) String() string {
	return w.Source + ":" + strconv.Itoa(w.Line) + ": " + w.Message
}

// Graph is what parsing yields: sources, entities, relationships, warnings.
type Graph struct {
	Sources  []Source  `json:"sources"`
	Nodes    []Node    `json:"nodes"`
	Edges    []Edge    `json:"edges"`
	Merges   []Merge   `json:"merges,omitempty"` // why names were joined into one entity
	Warnings []Warning `json:"warnings,omitempty"`
}
