package loader

import (
	"strings"
	"testing"
)

func TestUnglue(t *testing.T) {
	flat := "Gadget Advisory GroupGeneva, 15-17 April 2019Document GAG19/4English onlyWSO Chairman for GAGliaison statement from WSO Chairman for GAG, after the WSO meeting.Action requiredGAG is invited to note the work of WSO and provide its views on the liaison as it sees fit, as deemed right by its members at their next meeting (WSO)coordination with the other Sectors follows here for a while in plain words.ISCT.WSO noted it and closed the item with no further words."
	brands := "Present: Ada Wrench (GoDaddy), Bob Sprocket (DigiCert), Cyd Gear (GlobalSign), Dee Cog (SwissSign), Eve Lever (TrustCor), Fay Bolt (SecureTrust), Gus Nut (GeoTrust), Hal Pin (QuoVadis), Ivy Axle (HydrantId), Jon Gear (WebTrust) and Kim Cam (SignFlow) joined the call to discuss the ballot that the group had written before."
	tests := []struct {
		name, in string
		want     []string
	}{
		{"flattened", flat, []string{"Gadget Advisory Group", "Geneva, 15-17 April 2019", "Document GAG19/4", "English only", "WSO Chairman for GAG", "liaison statement from WSO Chairman for GAG, after the WSO meeting.", "Action required"}},
		{"brand names", brands, []string{brands}},
		{"short line", "Gadget Advisory GroupGeneva", []string{"Gadget Advisory GroupGeneva"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := unglue(tt.in, lowerWords([]string{tt.in}))
			if len(got) < len(tt.want) {
				t.Fatalf("unglue cut %d pieces; want at least %d: %q", len(got), len(tt.want), got)
			}
			for k, w := range tt.want {
				if strings.TrimSpace(got[k]) != w {
					t.Errorf("piece %d = %q; want %q", k, got[k], w)
				}
			}
		})
	}
}

func TestGluedTables(t *testing.T) {
	text := []string{"GroupChairChartered byStatus", "", "Anvil Advisory Group", "", "Ada Wrench, Gear UniversityGadget CouncilActive", "Fri, 10 am", "Anvil Tools Working Group   Bob Sprocket, Cog CollegeAnvil Advisory Group. (Since 2017)Active", "", "Notes on the groups follow in plain words."}
	var ls []rawLine
	for i, l := range text {
		ls = append(ls, rawLine{n: i + 1, text: l})
	}
	gluedTables(ls, lowerWords(text))
	want := []string{"Group\tChair\tChartered by\tStatus", "", "", "", "Anvil Advisory Group\tAda Wrench, Gear University\tGadget Council\tActive", "Fri, 10 am", "Anvil Tools Working Group\tBob Sprocket, Cog College\tAnvil Advisory Group. (Since 2017)\tActive", "", "Notes on the groups follow in plain words."}
	for k, w := range want {
		if ls[k].text != w {
			t.Errorf("line %d = %q; want %q", k+1, ls[k].text, w)
		}
	}
}
