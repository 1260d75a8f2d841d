// Package loader turns source texts into a knowledge graph of organizations,
// working groups, people, documents, projects, standards, events and topics.
//
// Parsing is pure: Parse takes the bytes of a text and returns the nodes and
// edges found in it, each with the line it came from. Writing the result to
// Neo4j is the store package's job.
package loader

import (
	"strconv"

	"csakg/graphmodel"
)

// The graph model is declared in package graphmodel. The loader's rules
// name labels and relationship types by these constants, which are the
// model's own: a rule for a new label or type adds its name here.
const (
	LabelEntity       = graphmodel.EntityLabel
	LabelOrganization = graphmodel.Organization
	LabelWorkingGroup = graphmodel.WorkingGroup
	LabelPerson       = graphmodel.Person
	LabelDocument     = graphmodel.Document
	LabelProject      = graphmodel.Project
	LabelStandard     = graphmodel.Standard
	LabelEvent        = graphmodel.Event
	LabelTopic        = graphmodel.Topic
)

// Relationship types, as the loader's rules name them.
const (
	RelPartOf           = graphmodel.PartOf
	RelSubgroupOf       = graphmodel.SubgroupOf
	RelCollaboratesWith = graphmodel.CollaboratesWith
	RelLiaisonWith      = graphmodel.LiaisonWith
	RelMemberOf         = graphmodel.MemberOf
	RelContributedTo    = graphmodel.ContributedTo
	RelPublished        = graphmodel.Published
	RelMaintains        = graphmodel.Maintains
	RelMapsTo           = graphmodel.MapsTo
	RelParticipatesIn   = graphmodel.ParticipatesIn
	RelFundedBy         = graphmodel.FundedBy
	RelLedBy            = graphmodel.LedBy
	RelHeld             = graphmodel.Held
	RelAttended         = graphmodel.Attended
	RelPresentedAt      = graphmodel.PresentedAt
	RelDiscussed        = graphmodel.Discussed
	RelReferences       = graphmodel.References
	RelFocusesOn        = graphmodel.FocusesOn
	RelMentionedIn      = graphmodel.MentionedIn
)

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
