package loader

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// seedsDir holds the real source texts, beside the repository.
const seedsDir = "../../shared/seeds"

func seedGraph(t *testing.T) (*Graph, map[string][]string) {
	t.Helper()
	if _, err := os.Stat(seedsDir); err != nil {
		t.Skip("no source texts at " + seedsDir)
	}
	texts, _, err := ReadTexts([]string{seedsDir})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../curation.example.txt")
	if err != nil {
		t.Fatal(err)
	}
	cur, err := ParseCuration("curation.example.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	g, err := Build(texts, cur)
	if err != nil {
		t.Fatal(err)
	}
	raw := map[string][]string{}
	for _, tx := range texts {
		raw[tx.Name] = lines(tx.Data)
	}
	return g, raw
}

type index struct {
	g    *Graph
	byID map[string]*Node
}

func newIndex(g *Graph) index {
	ix := index{g: g, byID: map[string]*Node{}}
	for i := range g.Nodes {
		ix.byID[g.Nodes[i].ID] = &g.Nodes[i]
	}
	return ix
}

// named returns the node of label with that name or alias.
func (ix index) named(t *testing.T, label, name string) *Node {
	t.Helper()
	for i, n := range ix.g.Nodes {
		if n.Label != label {
			continue
		}
		if key(n.Name) == key(name) {
			return &ix.g.Nodes[i]
		}
		for _, a := range n.Aliases {
			if key(a) == key(name) {
				return &ix.g.Nodes[i]
			}
		}
	}
	t.Fatalf("no %s named %q", label, name)
	return nil
}

func (ix index) edge(typ, from, to string) *Edge {
	for i, e := range ix.g.Edges {
		if e.Type == typ && e.From == from && e.To == to {
			return &ix.g.Edges[i]
		}
	}
	return nil
}

func (ix index) has(t *testing.T, typ string, from, to *Node, props map[string]any) {
	t.Helper()
	for _, e := range ix.g.Edges {
		if e.Type != typ || e.From != from.ID || e.To != to.ID {
			continue
		}
		ok := true
		for k, v := range props {
			if e.Props[k] != v {
				ok = false
			}
		}
		if ok {
			return
		}
	}
	t.Errorf("no %s %s -> %s with %v", typ, from.ID, to.ID, props)
}

// TestSeedListing checks the listing page: every working group heading
// (a line followed, a blurb later, by "JoinLearn more") is a working group
// with its blurb; the research projects with their regions; the
// initiatives with their dates.
func TestSeedListing(t *testing.T) {
	g, raw := seedGraph(t)
	ix := newIndex(g)
	listing := raw["001_e68a1fc9c24b73dd.txt"]
	var headings []string
	for i, l := range listing {
		if strings.TrimSpace(l) == "JoinLearn more" {
			// heading, blank, blurb, blank, closer
			headings = append(headings, strings.TrimSpace(listing[i-4]))
		}
	}
	if len(headings) != 29 {
		t.Fatalf("counted %d working group headings in the listing, expected 29 on reading it", len(headings))
	}
	for _, h := range headings {
		wg := ix.named(t, LabelWorkingGroup, h)
		if wg.Description == "" {
			t.Errorf("%s has no blurb", h)
		}
		if ix.edge(RelPartOf, wg.ID, ix.named(t, LabelOrganization, "CSA").ID) == nil {
			t.Errorf("%s is not part of CSA", h)
		}
	}
	if d := ix.named(t, LabelWorkingGroup, "Anti-Bot Working Group").Description; !strings.HasPrefix(d, "To develop and maintain a research portfolio") {
		t.Errorf("Anti-Bot blurb = %q", d)
	}
	vuln := ix.named(t, LabelWorkingGroup, "Cloud Vulnerabilities Working Group")
	if vuln.Props["founded"] != "2013-05" || vuln.Props["region"] != "APAC" {
		t.Errorf("Cloud Vulnerabilities WG props = %v, want founded 2013-05 in APAC", vuln.Props)
	}
	if ix.named(t, LabelWorkingGroup, "BDWG").Name != "Big Data Working Group" {
		t.Error("BDWG is not the Big Data Working Group")
	}

	// Ten research projects: nine in EMEA (two without a heading line
	// among them: CUMULUS), one in APAC (STRATUS, no heading line).
	regions := map[string]int{}
	for _, n := range g.Nodes {
		if n.Label == LabelProject {
			r, _ := n.Props["region"].(string)
			regions[r]++
		}
	}
	if regions["EMEA"] != 9 || regions["APAC"] != 1 {
		t.Errorf("projects by region = %v, want 9 EMEA and 1 APAC", regions)
	}
	stratus := ix.named(t, LabelProject, "STRATUS")
	if stratus.Props["funding"] != "NZ $12.2 million" || stratus.Props["started"] != "2014-11" {
		t.Errorf("STRATUS props = %v", stratus.Props)
	}
	ix.has(t, RelFundedBy, stratus, ix.named(t, LabelOrganization, "Ministry of Business, Innovation, and Employment"), nil)
	ix.has(t, RelLedBy, stratus, ix.named(t, LabelOrganization, "University of Waikato"), nil)
	ix.named(t, LabelProject, "CUMULUS")
	if c := ix.named(t, LabelProject, "CIRRUS"); !strings.HasPrefix(c.Name, "Certification, Internationalisation") {
		t.Errorf("CIRRUS is named %q, want its spelled-out name", c.Name)
	}
	ix.named(t, LabelProject, "A4Cloud")

	// Initiatives: every "<date> Contribute now" line dates a document.
	closers := 0
	for _, l := range listing {
		if strings.HasSuffix(strings.TrimSpace(l), "Contribute now") {
			closers++
		}
	}
	dated := 0
	for _, n := range g.Nodes {
		if n.Label == LabelDocument && n.Props["status"] == "open for contribution" {
			dated++
		}
	}
	if dated != closers {
		t.Errorf("%d open initiatives, want one per %d 'Contribute now' lines", dated, closers)
	}
	charter := ix.named(t, LabelDocument, "Cloud Data Center Security Working Group Charter")
	if charter.Props["date"] != "2016-04-18" {
		t.Errorf("charter date = %v", charter.Props["date"])
	}
	ix.has(t, RelPublished, ix.named(t, LabelWorkingGroup, "Cloud Data Center Security Working Group"), charter, nil)
	ix.has(t, RelPublished, ix.named(t, LabelWorkingGroup, "Anti-Bot Working Group"), ix.named(t, LabelDocument, "Anti-Bot Working Group Whitepaper"), nil)
}

// TestSeedForm checks the liaison form: contact block, people, liaison,
// managed programs, standards.
func TestSeedForm(t *testing.T) {
	g, _ := seedGraph(t)
	ix := newIndex(g)
	csa := ix.named(t, LabelOrganization, "Cloud Security Alliance")
	if csa.Props["email"] != "info@cloudsecurityalliance.org" || !strings.Contains(csa.Props["address"].(string), "Bellingham") {
		t.Errorf("CSA props = %v", csa.Props)
	}
	omg := ix.named(t, LabelOrganization, "OMG")
	john := ix.named(t, LabelPerson, "John DiMaria")
	if john.Props["email"] != "jdimaria@cloudsecurityalliance.org" || john.Props["title"] != "Assurance Investigatory Fellow" {
		t.Errorf("John DiMaria = %v", john.Props)
	}
	ix.has(t, RelMemberOf, john, csa, map[string]any{"role": "primary contact"})
	dave := ix.named(t, LabelPerson, "David E. Harris")
	if dave.Props["phone"] != "+1 253 496 7974" {
		t.Errorf("David E. Harris = %v", dave.Props)
	}
	ix.has(t, RelMemberOf, dave, omg, map[string]any{"role": "liaison champion"})
	ix.has(t, RelLiaisonWith, csa, omg, map[string]any{"status": "proposed"})
	ix.has(t, RelPartOf, ix.named(t, LabelOrganization, "IIC"), omg, nil)
	ix.has(t, RelPartOf, ix.named(t, LabelOrganization, "CISQ"), omg, nil)
	ccm := ix.named(t, LabelStandard, "CCM")
	ix.has(t, RelMaintains, csa, ccm, nil)
	for _, s := range []string{"ISO-27001", "NIST SP800-54", "PCI-DSS"} {
		ix.has(t, RelMapsTo, ccm, ix.named(t, LabelStandard, s), nil)
	}
	ix.has(t, RelMaintains, csa, ix.named(t, LabelStandard, "CCSK"), nil)
	for _, topic := range []string{"Artificial Intelligence", "Blockchain", "IoT", "Software Defined Perimeter", "Zero Trust", "Secured DevOps"} {
		ix.named(t, LabelTopic, topic)
	}
	// The form's IoT Working Group is the listing's Internet of Things one.
	iot := ix.named(t, LabelWorkingGroup, "Internet of Things Working Group")
	if ix.named(t, LabelWorkingGroup, "IOT Working Group") != iot {
		t.Error("the IoT Working Group is two nodes")
	}
}

// TestSeedLog checks the activity log: meetings with their dates, the
// people and documents of a few meetings, sub-group, panel, meetups.
func TestSeedLog(t *testing.T) {
	g, raw := seedGraph(t)
	ix := newIndex(g)
	acm := ix.named(t, LabelWorkingGroup, "ACM-WG")
	if ix.named(t, LabelWorkingGroup, "Application Containers & Microservice WG") != acm {
		t.Error("ACM-WG and its long name are two nodes")
	}
	ix.has(t, RelSubgroupOf, acm, ix.named(t, LabelWorkingGroup, "DevSecOps WG"), map[string]any{"since": "2021-10"})

	// Every global meeting title line (the log writes them
	// "…-WGグローバルミーティング") is a meeting.
	titles := 0
	for _, l := range raw["002_4cf5f8de10460cc8.txt"] {
		if strings.Contains(l, "WGグローバルミーティング") {
			titles++
		}
	}
	meetings := 0
	for _, n := range g.Nodes {
		if n.Label == LabelEvent && n.Props["kind"] == "meeting" {
			meetings++
		}
	}
	if meetings != titles {
		t.Errorf("%d global meetings, want one per %d title lines", meetings, titles)
	}

	// 2021-02-19: Vani, Alex and Anil report on patterns 5.1.7, 5.1.9, 5.1.10.
	ev := ix.byID["event:cloud-security-alliance-acm-wgグローバルミーティング-2021-02-19"]
	if ev == nil || ev.Props["start"] != "03:00" || ev.Props["end"] != "04:00" {
		t.Fatalf("meeting of 2021-02-19 = %+v", ev)
	}
	for _, p := range []string{"Vani Murthy", "Alex", "Anil Karmel"} {
		ix.has(t, RelAttended, ix.named(t, LabelPerson, p), ev, nil)
	}
	ix.has(t, RelHeld, acm, ev, nil)
	mapDoc := ix.named(t, LabelDocument, "MAP")
	ix.has(t, RelContributedTo, ix.named(t, LabelPerson, "Vani"), mapDoc, map[string]any{"section": "5.1.7"})

	// 2021-01-15: new volunteers for patterns.
	ix.has(t, RelContributedTo, ix.named(t, LabelPerson, "Mubasher"), mapDoc, map[string]any{"section": "Aggregation", "role": "volunteer"})

	// 2021-06-18 Serverless: the chairs.
	srv := ix.named(t, LabelWorkingGroup, "Serverless WG")
	for _, p := range []string{"Aradhna", "Vishwas"} {
		ix.has(t, RelMemberOf, ix.named(t, LabelPerson, p), srv, map[string]any{"role": "chair"})
	}

	// The 2020 India summit's panel.
	summit := ix.byID["event:csa-india-virtual-summit-2020-2020-09-24"]
	if summit == nil {
		t.Fatal("no India summit")
	}
	ix.has(t, RelPresentedAt, ix.named(t, LabelPerson, "Vandana Verma"), summit, map[string]any{"role": "moderator"})
	ix.has(t, RelPresentedAt, ix.named(t, LabelPerson, "Satyavathi Divadri"), summit, map[string]any{"role": "panelist"})
	ix.has(t, RelMemberOf, ix.named(t, LabelPerson, "Satyavathi Divadri"), ix.named(t, LabelOrganization, "CSA Bangalore Chapter"), map[string]any{"role": "Chairman"})

	// Meetups: organizer and co-sponsor, place.
	meetup := ix.byID["event:kansai-cloud-devsec-meetup-4-2020-01-10"]
	if meetup == nil || !strings.Contains(meetup.Props["location"].(string), "GVH Osaka") {
		t.Fatalf("meetup #4 = %+v", meetup)
	}
	ix.has(t, RelHeld, ix.named(t, LabelOrganization, "GVH Osaka"), meetup, map[string]any{"role": "co-sponsor"})
	// The organizer is CSA Japan's ACM working group, founded there in
	// 2019 under the same acronym: not headquarters' group.
	jaACM := ix.named(t, LabelWorkingGroup, "アプリケーションコンテナ/マイクロサービス・ワーキンググループ")
	if jaACM == acm {
		t.Error("CSA Japan's ACM working group is merged into headquarters' ACM-WG")
	}
	ix.has(t, RelHeld, jaACM, meetup, map[string]any{"role": "organizer"})

	// Publications.
	pub := ix.named(t, LabelDocument, "Best Practices in Implementing a Secure Microservices Architecture")
	if pub.Props["date"] != "2020-02-24" || !strings.HasPrefix(pub.Props["url"].(string), "https://") {
		t.Errorf("publication = %v", pub.Props)
	}
	ix.has(t, RelPublished, acm, pub, nil)

	// 2019-07-26: the first documents are out, one still coming.
	out := ix.named(t, LabelDocument, "Challenges in Securing Application Containers and Microservices")
	soon := ix.named(t, LabelDocument, "Best Practices for Application Containers")
	if out.Props["status"] != "published" || soon.Props["status"] != "forthcoming" {
		t.Errorf("release statuses: %v and %v", out.Props["status"], soon.Props["status"])
	}
	ix.has(t, RelPublished, acm, out, nil)
}

// TestSeedProvenance checks every fact's evidence is the line it cites.
func TestSeedProvenance(t *testing.T) {
	g, raw := seedGraph(t)
	for _, e := range g.Edges {
		ls := raw[e.Evidence.Source]
		if e.Evidence.Line < 1 || e.Evidence.Line > len(ls) || excerpt(ls[e.Evidence.Line-1]) != e.Evidence.Excerpt {
			t.Errorf("%s %s->%s: evidence %s:%d does not match the text", e.Type, e.From, e.To, e.Evidence.Source, e.Evidence.Line)
		}
	}
	ws := regexp.MustCompile(`\s+`)
	for _, n := range g.Nodes {
		for _, m := range n.Mentions {
			if ws.ReplaceAllString(excerpt(raw[m.Source][m.Line-1]), " ") != ws.ReplaceAllString(m.Excerpt, " ") {
				t.Errorf("%s: mention %s:%d does not match the text", n.ID, m.Source, m.Line)
			}
		}
	}
}
