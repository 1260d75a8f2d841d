package loader

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestLexiconLongForm(t *testing.T) {
	tests := []struct {
		short, before, want string
	}{
		{"CCM", "the Cloud Controls Matrix", "Cloud Controls Matrix"},
		{"CSA", "members of the Cloud Security Alliance", "Cloud Security Alliance"},
		{"NIST", "the National Institute of Standards and Technology", "National Institute of Standards and Technology"},
		{"DWG", "a new Data Working Group", "Data Working Group"},
		{"FTC", "the US Federal Trade Commission", "US Federal Trade Commission"},
		{"SWG", "in Acme's Security Working Group", "Security Working Group"},
		{"SWG", "in Acme’s Security Working Group", "Security Working Group"},
		{"SWG", "The Security Working Group", "Security Working Group"},
		{"V&E", "the Value & Engagement", "Value & Engagement"},
		{"PAS", "a publicly available specification", "publicly available specification"},
		{"XYZ", "the Cloud Controls Matrix", ""},
		{"DB", "the Adobe", ""},
		{"AB", "an ab", ""},
		{"CCM", "", ""},
		{"WP8A", "at their meetings in August (WP8F) and September", ""},
	}
	for _, tt := range tests {
		t.Run(tt.short+"/"+tt.before, func(t *testing.T) {
			if got := longForm(tt.short, tt.before); got != tt.want {
				t.Errorf("longForm(%q, %q) = %q; want %q", tt.short, tt.before, got, tt.want)
			}
		})
	}
}

// defStr writes definitions as "short=long/label", joined by "; ".
func defStr(ds []definition) string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%s=%s/%s@%d", d.short, d.long, d.label, d.line))
	}
	return strings.Join(out, "; ")
}

func TestLexiconFindDefinitions(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"The Cloud Controls Matrix (CCM) lists controls.", "CCM=Cloud Controls Matrix/Standard@7"},
		{"Join the Data Privacy Working Group (DPWG) now.", "DPWG=Data Privacy Working Group/WorkingGroup@7"},
		{"Members of the Nordic Data Alliance (NDA) met.", "NDA=Nordic Data Alliance/Organization@7"},
		{"the Beta Accountability Project (or BAP for short) will run", "BAP=Beta Accountability Project/Project@7"},
		{"We use DRAFT, which is an acronym for Design Review And Final Text, in notes.", "DRAFT=Design Review And Final Text/@7"},
		{"The SAM, that stands for Shared Asset Model, is new.", "SAM=Shared Asset Model/@7"},
		{"NDA - National Data Agency", "NDA=National Data Agency/Organization@7"},
		{"CCM - Cloud Controls Matrix", ""},
		{"the draft is a publicly available specification (PAS).", "PAS=publicly available specification/@7"},
		{"raised by a Technical Committee (TC) or staff", "TC=Technical Committee/@7"},
		{"the organizational assembly (OA) met", "OA=organizational assembly/WorkingGroup@7"},
		{"the Value & Engagement (V&E) document", "V&E=Value & Engagement (V&E) document/Document@7"},
		{"The fee (USD) is due.", ""},
		{"The meeting (2023) ended.", ""},
		{"Read the notes (see below).", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := defStr(findDefinitions(tt.in, 7)); got != tt.want {
				t.Errorf("findDefinitions(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLexiconShortForm(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"CCM", true},
		{"A4Cloud", true},
		{"V&E", true},
		{"IoT", true},
		{"Ab", true},
		{"ISO IEC", true},
		{"A", false},
		{"cloud", false},
		{"2023", false},
		{"3GPP", false},
		{"ISO IEC JTC", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := shortForm(tt.in); got != tt.want {
				t.Errorf("shortForm(%q) = %v; want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestLexiconSiteAcronym(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"https://www.nca.gr.jp/2021/notes.html", "NCA"},
		{"https://nca.gr.jp", "NCA"},
		{"https://acme.org/groups", "ACME"},
		{"http://sub.acme.org/", "SUB"},
		{"https://lists.acme.org/archive/", "ACME"},
		{"https://example.org/", ""},
		{"https://a.org/", ""},
		{"https://localhost/x", ""},
		{"https://github.com/alpha/notes", ""},
		{"not a url", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if bug, ok := siteBugs[tt.in]; ok {
				t.Skip(bug)
			}
			if got := siteAcronym(tt.in); got != tt.want {
				t.Errorf("siteAcronym(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

// siteBugs are inputs siteAcronym reads wrong today; their cases are
// skipped with the reason until the bug is fixed.
var siteBugs = map[string]string{
	// none known
}

// TestLexiconAddresses: a word in a web or mail address says nothing of
// how the page writes it.
func TestLexiconAddresses(t *testing.T) {
	p := page("Gadget Daily Summit\n\nSee https://news.gadgetdaily.example/summit or mail info@gadgetdaily.example.\n")
	lx := scanLexicon(p)
	if lx.lower["gadgetdaily"] || lx.lower["news"] {
		t.Errorf("words of addresses read as lower-case words: %v", lx.lower)
	}
	if !lx.lower["mail"] {
		t.Errorf("'mail' not read: %v", lx.lower)
	}
}

// TestLexiconOrganizations: acronyms the page shows to be organizations by
// how it writes them.
func TestLexiconOrganizations(t *testing.T) {
	tests := []struct{ in, acr string }{
		{"The report goes to the relevant WPs within GTU-R for comment.", "GTU-R"},
		{"All working groups of the GADA agreed.", "GADA"},
		{"It studies PDN reports on TLS 1.3 within GTU-R reports.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			lx := scanLexicon(page(tt.in))
			var got []string
			for _, o := range lx.orgs {
				got = append(got, o)
			}
			if want := tt.acr; want != "" && !slices.Contains(got, want) || want == "" && len(got) > 0 {
				t.Errorf("orgs of %q = %q; want %q", tt.in, got, want)
			}
		})
	}
}

// TestLexiconTheName: a capital "The" in the middle of a sentence is part
// of the name after it.
func TestLexiconTheName(t *testing.T) {
	tests := []struct{ in, name, want string }{
		{"Members of The Gear Group met.", "Gear Group", "The Gear Group"},
		{"The Gear Group met.", "Gear Group", "Gear Group"},
		{"Ask The Gear Group Council, then us.", "Gear Group", "The Gear Group"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			lx := scanLexicon(page(tt.in))
			if got := lx.theName(tt.name); got != tt.want {
				t.Errorf("theName(%q) = %q; want %q", tt.name, got, tt.want)
			}
		})
	}
}

func TestSiteLabel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.gear-guild.example/what/", "gear-guild"},
		{"http://gearguild.org/groups/", "gearguild"},
		{"https://www.gear.or.jp/a", "gear"},
		{"not a url", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := siteLabel(tt.in); got != tt.want {
				t.Errorf("siteLabel(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestHyphenGoesOn(t *testing.T) {
	tests := []struct {
		in, word string
		want     bool
	}{
		{"Home : ITU-D : Study Groups", "ITU", true},
		{"Home : ITU-D : Study Groups", "D", true},
		{"ITU - the union", "ITU", false},
		{"the ITU, and others", "ITU", false},
	}
	for _, tt := range tests {
		t.Run(tt.in+"/"+tt.word, func(t *testing.T) {
			k := strings.Index(tt.in, tt.word)
			if tt.word == "D" {
				k = strings.Index(tt.in, "-D") + 1
			}
			if got := hyphenGoesOn(tt.in, k, k+len(tt.word)); got != tt.want {
				t.Errorf("hyphenGoesOn(%q, %q) = %v; want %v", tt.in, tt.word, got, tt.want)
			}
		})
	}
}
