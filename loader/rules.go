package loader

// The names of the loader's rules. Every fact and every mention records
// the rule that found it (Evidence.Rule), so a reader of the graph can see
// why a fact is there; each rule is one function, with a table test.
const (
	// Recognisers: names of things.
	ruleAcronymDef     = "acronym-definition"    // Full Name (ACR), ACR - Full Name
	ruleOrgSuffix      = "org-by-suffix"         // ... Alliance, ... University, 株式会社...
	ruleOrgOwner       = "org-as-owner"          // OMG in "OMG Cloud Working Group"
	ruleOrgDomain      = "org-from-mail-domain"  // NASA in "smith at nasa.gov"
	ruleOrgSite        = "org-from-site"         // NCA on nca.gr.jp
	ruleOrgSlot        = "org-in-affiliation"    // (Principal, IBM), (LINE株式会社執行役員)
	ruleOrgBetween     = "org-between"           // MoU between OMG and BIAN
	ruleOrgJoined      = "org-joined"            // Membership in Acme Works!; Acme Membership Application
	ruleOrgSeries      = "org-of-event-series"   // Gadget Daily Crypto Summit, Gadget Daily Security Trend: Gadget Daily
	ruleOrgEventSite   = "org-of-event-site"     // Gadgetmedia Security Week at www.gadgetmedia.co.jp
	ruleGroupSuffix    = "group-by-suffix"       // ... Working Group, ...委員会
	ruleOrgRepresented = "org-represented"       // representatives from Apple, BP and Intel
	ruleGroupNumber    = "group-by-number"       // JTC 1/WG 13, SC 27
	ruleGroupDashed    = "group-dashed-number"   // Web services working group – WG 1: a group's name and its number
	ruleGroupList      = "group-list"            // A、B、C SWG を ... のサブワーキンググループ
	ruleStdNumber      = "standard-by-number"    // ISO/IEC TS 24462, NIST SP800-54
	ruleStdSuffix      = "standard-by-suffix"    // ... Specification, ... Matrix
	ruleStdList        = "standard-list"         // maps to standards such as: A, B, C
	ruleDocTitle       = "document-title"        // ... Whitepaper, “...” paper, 資料1:...
	ruleDocNumber      = "document-number"       // liaison/23-03-01
	ruleDocNotes       = "document-in-notes"     // [Update for X], X – out now
	ruleProjectName    = "project-name"          // X Project, the X project
	ruleProjectBlurb   = "project-blurb"         // CUMULUS will develop ... (a research listing)
	ruleTopicList      = "topic-list"            // domains ...: A, B, C
	ruleKnownName      = "known-name"            // a name the page defined, used again
	ruleNameScan       = "name-scan"             // a line that names an entity the text holds
	ruleTopicInName    = "topic-in-name"         // a group named after a topic focuses on it
	ruleTitle          = "page-title"            // the page's title names its subject
	ruleKindHeading    = "kind-heading"          // "Working Group" over "Rocket Propulsion": the group's name
	ruleCardHeading    = "card-heading"          // "Gizmo Platform" over "Chair: …" and "Description: …": a group's card
	ruleTitleGroup     = "title-group"           // 部品と歯車 研究会(第2回): the title's group named from its first word
	rulePersonSlot     = "person-in-roster"      // Present: A, B (Chair); 出席者 - 名前(所属)
	rulePersonRole     = "person-with-role"      // Chair: Name; 主査 名前; Moderator: Name
	rulePersonProse    = "person-in-prose"       // Director Jane Doe; Jane Doe, director of ...
	rulePersonMail     = "person-in-mail-header" // From:, To:, Cc: and signatures
	rulePersonAction   = "person-in-action-item" // Amy and Stephen to update ...
	rulePersonRef      = "person-reference"      // Britta, Dr. White: a person named before
	ruleEventDated     = "event-dated-entry"     // a dated heading or list entry
	ruleEventProse     = "event-in-prose"        // ... meeting ... on March 29, 2018
	ruleEventTitle     = "event-page-title"      // the page is the record of one meeting
	ruleCatalogueRow   = "catalogue-row"         // GADA0264 1.0.0 Gizmo Specification 14 Dec 2012: a body's standard or paper
	ruleDocAgenda      = "doc-agenda-item"       // 議題: 1. …計画の策定について: the paper before the meeting

	// Relation rules.
	relOwner         = "owner-prefix"         // OMG Cloud Working Group: PART_OF OMG
	relOwnerOf       = "owner-of-phrase"      // X of the Y, Y's X, X within the Y, YのX
	relPageOwner     = "page-organization"    // groups on an organization's page are its parts
	relSubjectHeld   = "page-group-held"      // the page's group held its meetings
	relRoster        = "roster-attended"      // a roster under a meeting: ATTENDED
	relRosterRole    = "roster-role"          // (Chair), (主査): MEMBER_OF the group
	relAffiliation   = "affiliation"          // (Title, Company), (所属 役職): MEMBER_OF
	relRoleField     = "role-field"           // Chair: X; 主査 X: MEMBER_OF
	relTitledPerson  = "titled-person"        // ISAO SO Deputy Director Allen Shreffler
	relPresenter     = "presenter"            // led by, update from, moderator, speaker
	relActionItem    = "action-item"          // A and B to update the X document
	relNotePresenter = "presenter-in-notes"   // Mark presented background Chapter 1-4
	relSectionBy     = "section-by"           // Implementation Example (from Tasos and Marina)
	relWorksIn       = "works-in-group"       // writing a section of the group's paper, in its minutes
	relEventOwner    = "event-named-after"    // CSA India Virtual Summit 2020: held by CSA
	relDiscussed     = "discussed-at-meeting" // a document named in a meeting's notes
	relPublished     = "published-by"         // a group's dated publication
	relLiaison       = "liaison"              // X-Y Liaison, MoU between X and Y
	relMaintains     = "maintains"            // X maintains: ...; proposed X standard
	relMapsTo        = "maps-to"              // maps to standards such as
	relParticipates  = "participates"         // X's role ... project; team involved in
	relSubgroup      = "subgroup-of"          // sub-group of, サブワーキンググループ
	relCollaborates  = "collaborates-with"    // collaborate with, と連携
	relFunded        = "funded-by"            // funded by X
	relLed           = "led-by"               // led by X
	relHosted        = "hosted"               // X hosted a meeting; 主催者
	relGroupPerson   = "group-person-item"    // the chairs are: - Widget TAG - Ada Wrench
	relDesignated    = "designated-group"     // AG 2 Emerging Technology (ETI): the title is the group's name; Coordination with X
	relCareOf        = "care-of"              // Gadget Guild (c/o Ann Berger): a contact of the guild
	relLiaisonForm   = "liaison-form"         // a liaison statement's Source: and To: fields
	relLiaisonTable  = "liaison-table"        // a row of a table of liaisons under an Organization … Contact header
	relLeaderCard    = "leader-card"          // cards under "Working Group Co-Chairs": name, then "Title, Org"
	relPossessive    = "possessive-author"    // Ada Wrench's Widget liaison report: its author
	relGluedRoster   = "glued-roster"         // a roll call flattened to "UMAWG1stEve MalerYes": group, seat, name, attended
	relGroupCount    = "group-count"          // X は3つのワーキンググループにより活動; the lines after: X's subgroups
	relRegrets       = "regrets-member"       // Regrets: X at a working group's meeting: X is a member
	relNamedActor    = "named-actor"          // Ada Wrench presented the roadmap: at the page's meeting
	relPartners      = "partners"             // X is a collaboration between A and B; partners of X include A, B
	relLetterCard    = "letter-card"          // a letter's address or signature: name, then "Office, Body" lines
	relChairedBy     = "chaired-by"           // the X Committee is chaired by Y: MEMBER_OF in that role
	relAppointed     = "appointed"            // A and B were appointed WSO representatives to GIA
	relAddressee     = "addressee"            // To: Ada Wrench, GIA; CC: . Bob Sprocket, Chair, WSO
	relThanked       = "thanked"              // I thank Ada Wrench for her edits to the Draft Letter
	relCardContact   = "card-contact"         // a group's name on a line, what it does, Contact: Ada Wrench
	relNational      = "national"             // Cyd Gear (GMD, Germany); WG 1 Gears (Bob Sprocket, UK)
	relGroupTable    = "group-table"          // | Group | Chair | Chartered by |: the group's chairs and charterer
	relBareRoster    = "bare-roster"          // a line of names between "Scribe: …" and "Apologies: …"
	relTopicList     = "topic-list"           // Hot topics: • IoT security • Identity management
	relFlatRoster    = "flat-roster"          // … Attendees: Ada Wrench, Chair of GIA Bob Sprocket, …
	relAppositive    = "appositive-post"      // Ada Wrench, GADA liaison to WIDG, …: her post in GADA, GADA's liaison with WIDG
	relSignedFor     = "signed-for-group"     // "… our work. -- Ada Wrench": a member of the group the message names
	relRosterBody    = "roster-body"          // under "GADA Staff": Ada Wrench - Policy Director: her post at GADA
	relLetterParties = "letter-parties"       // on behalf of X … this liaison letter to Y: X's liaison with Y
	relSetApart      = "attendees-set-apart"  // Attendees: Ada Wrench … then GADA Staff: …: the attendees sit on the group
	relRoleIs        = "role-is"              // "The convenor is Ada Wrench": an officer of the group named just before
	relSlashSeat     = "roster-seat"          // Ada Wrench (Cogs) / Security Area: a seat in the group whose meeting it is
)

// ruleNames lists every rule, for the test that each has a test.
var ruleNames = []string{
	ruleAcronymDef, ruleOrgSuffix, ruleOrgOwner, ruleOrgDomain, ruleOrgSite, ruleOrgSlot, ruleOrgBetween, ruleOrgJoined, ruleOrgSeries, ruleOrgEventSite, ruleOrgRepresented,
	ruleGroupSuffix, ruleGroupNumber, ruleGroupDashed, ruleGroupList, ruleStdNumber, ruleStdSuffix, ruleStdList, ruleDocTitle,
	ruleDocNumber, ruleDocNotes, ruleProjectName, ruleProjectBlurb, ruleTopicList, ruleKnownName, ruleNameScan,
	ruleTopicInName, ruleTitle, ruleKindHeading, ruleCardHeading, ruleTitleGroup, rulePersonSlot, rulePersonRole, rulePersonProse, rulePersonMail, rulePersonAction,
	rulePersonRef, ruleEventDated, ruleEventProse, ruleEventTitle, ruleDocAgenda, ruleCatalogueRow,
	relOwner, relOwnerOf, relPageOwner, relSubjectHeld, relRoster, relRosterRole, relAffiliation, relRoleField,
	relTitledPerson, relPresenter, relActionItem, relNotePresenter, relSectionBy, relWorksIn, relEventOwner, relDiscussed, relLiaison, relMaintains, relMapsTo,
	relParticipates, relSubgroup, relCollaborates, relFunded, relLed, relHosted, relPublished, relGroupPerson, relRegrets, relDesignated, relCareOf, relLiaisonForm, relLiaisonTable, relLeaderCard, relPossessive, relGroupCount, relGluedRoster, relNamedActor, relLetterCard, relPartners, relChairedBy, relSlashSeat, relAppositive, relSignedFor, relRosterBody, relLetterParties, relAppointed, relAddressee, relThanked, relCardContact, relNational, relGroupTable, relBareRoster, relTopicList, relFlatRoster, relSetApart, relRoleIs,
}
