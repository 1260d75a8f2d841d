package loader

import "testing"

func TestCutGluedRow(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want gluedRow
		ok   bool
	}{
		{"AWG1stAda WrenchYes", gluedRow{group: "AWG", seat: "1st", names: "Ada Wrench", status: "Yes"}, true},
		{"BWG2ndBob Sprocket (Chair)No", gluedRow{group: "BWG", seat: "2nd", names: "Bob Sprocket (Chair)", status: "No"}, true},
		{"gearWG2ndCyd GearNo", gluedRow{group: "gearWG", seat: "2nd", names: "Cyd Gear", status: "No"}, true},
		{"CTF Eve Lever", gluedRow{group: "CTF", names: "Eve Lever"}, true},
		{"Guild-Ada Wrench, Bob SprocketYes", gluedRow{names: "Ada Wrench, Bob Sprocket", status: "Yes"}, true},
		{"Ken Dagg", gluedRow{names: "Ken Dagg"}, true},
		{"AWG1stNON-VOTING 2016-09-07-", gluedRow{group: "AWG", seat: "1st", names: "NON-VOTING 2016-09-07-"}, true},
		{"The agenda was reviewed with no additional topics to be covered.", gluedRow{names: "The agenda was reviewed with no additional topics to be covered."}, false},
	} {
		t.Run(tt.in, func(t *testing.T) {
			got, ok := cutGluedRow(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("cutGluedRow(%q) = %+v, %v; want %+v, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}
