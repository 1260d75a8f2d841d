package graphmodel

import "slices"

// Relationship types between entities.
const (
	PartOf           = "PART_OF"
	SubgroupOf       = "SUBGROUP_OF"
	CollaboratesWith = "COLLABORATES_WITH"
	LiaisonWith      = "LIAISON_WITH"
	MemberOf         = "MEMBER_OF"
	ContributedTo    = "CONTRIBUTED_TO"
	Published        = "PUBLISHED"
	Maintains        = "MAINTAINS"
	MapsTo           = "MAPS_TO"
	ParticipatesIn   = "PARTICIPATES_IN"
	FundedBy         = "FUNDED_BY"
	LedBy            = "LED_BY"
	Held             = "HELD"
	Attended         = "ATTENDED"
	PresentedAt      = "PRESENTED_AT"
	Discussed        = "DISCUSSED"
	References       = "REFERENCES"
	FocusesOn        = "FOCUSES_ON"
)

// MentionedIn links an entity to a Source that mentions it. It is not an
// entity relationship: no Rel declares it and RelTypes leaves it out.
const MentionedIn = "MENTIONED_IN"

// Facts a relationship may carry, each a field of the GraphQL interface
// RelationshipFacts. Weight and sections are the loader's (how many lines
// state a fact, which sections); the others are read from the texts.
const (
	FactRole     = "role"
	FactSection  = "section"
	FactSections = "sections"
	FactDate     = "date"
	FactSince    = "since"
	FactStatus   = "status"
	FactAmount   = "amount"
	FactWeight   = "weight"
)

// Facts are every fact a relationship may carry.
var Facts = []string{FactRole, FactSection, FactSections, FactDate, FactSince, FactStatus, FactAmount, FactWeight}

// Directions a field may follow a relationship in, as in the GraphQL enum
// Direction: from its entity (Out), towards it (In) or either way (Both).
const (
	Out  = "OUT"
	In   = "IN"
	Both = "BOTH"
)

// Rel is one relationship type: the labels it may start (From) and end
// (To) at, and the facts the loader gives it besides weight and sections,
// which every fact may have (the store keeps what the loader gives; Facts
// documents it, and the schema test holds each to a field of
// RelationshipFacts). Loads refuse an edge whose ends it does not allow, so a
// reader may rely on them: a walk along MEMBER_OF into a working group
// meets people only. A Symmetric type says the same either way (two groups
// collaborate); fields read it in direction BOTH, and only it.
type Rel struct {
	Type      string
	From, To  []string
	Facts     []string
	Symmetric bool
}

// Rels are the relationship types between entities.
var Rels = []Rel{
	{Type: PartOf, From: []string{WorkingGroup, Organization}, To: []string{Organization}, Facts: []string{FactRole}},
	{Type: SubgroupOf, From: []string{WorkingGroup}, To: []string{WorkingGroup}, Facts: []string{FactSince}},
	{Type: CollaboratesWith, From: []string{WorkingGroup}, To: []string{WorkingGroup}, Symmetric: true},
	{Type: LiaisonWith, From: []string{Organization}, To: []string{Organization}, Facts: []string{FactStatus}, Symmetric: true},
	{Type: MemberOf, From: []string{Person}, To: []string{WorkingGroup, Organization}, Facts: []string{FactRole}},
	{Type: ContributedTo, From: []string{Person}, To: []string{Document}, Facts: []string{FactRole, FactSection}},
	{Type: Published, From: []string{WorkingGroup, Organization}, To: []string{Document}, Facts: []string{FactDate}},
	// The model's table has organizations maintain standards; the texts
	// also have working groups develop them (an ISO/IEC JTC 1 group and
	// its technical specifications), so a group may maintain one too.
	{Type: Maintains, From: []string{Organization, WorkingGroup}, To: []string{Standard}, Facts: []string{FactStatus}},
	{Type: MapsTo, From: []string{Standard}, To: []string{Standard}},
	{Type: ParticipatesIn, From: []string{Organization}, To: []string{Project}, Facts: []string{FactRole}},
	{Type: FundedBy, From: []string{Project}, To: []string{Organization}, Facts: []string{FactAmount}},
	{Type: LedBy, From: []string{Project}, To: []string{Organization}},
	{Type: Held, From: []string{WorkingGroup, Organization}, To: []string{Event}, Facts: []string{FactRole}},
	{Type: Attended, From: []string{Person}, To: []string{Event}, Facts: []string{FactRole}},
	{Type: PresentedAt, From: []string{Person}, To: []string{Event}, Facts: []string{FactRole}},
	{Type: Discussed, From: []string{Event}, To: []string{Document}},
	{Type: References, From: []string{Document}, To: []string{Standard, Document}},
	{Type: FocusesOn, From: []string{WorkingGroup, Document, Project}, To: []string{Topic}},
}

// RelTypes are the types of Rels, in order: the allow-list for Cypher.
var RelTypes = func() []string {
	out := make([]string, len(Rels))
	for i, r := range Rels {
		out[i] = r.Type
	}
	return out
}()

// RelOf returns the declaration of a relationship type.
func RelOf(typ string) (Rel, bool) {
	i := slices.IndexFunc(Rels, func(r Rel) bool { return r.Type == typ })
	if i < 0 {
		return Rel{}, false
	}
	return Rels[i], true
}

// IsRelType tells whether typ is a relationship type of the model.
func IsRelType(typ string) bool { _, ok := RelOf(typ); return ok }

// Far returns the labels a walk along r in direction dir may reach: To
// going out, From coming in, either for both.
func (r Rel) Far(dir string) []string {
	switch dir {
	case Out:
		return r.To
	case In:
		return r.From
	}
	out := slices.Clone(r.From)
	for _, l := range r.To {
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// Allows tells whether an edge of type r may link from to to.
func (r Rel) Allows(from, to string) bool {
	return slices.Contains(r.From, from) && slices.Contains(r.To, to)
}
