package loader

import (
	"strings"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// countries are the English names of the world's countries and regions,
// from the CLDR tables x/text carries: "Germany", "United Kingdom". A
// roster writes them after a person's body ("DIN, Germany, Ada Wrench");
// they name no body and no one.
var countries = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	names := display.English.Regions()
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			reg, err := language.ParseRegion(string([]rune{a, b}))
			if err != nil || !reg.IsCountry() {
				continue
			}
			if n := names.Name(reg); n != "" {
				out[strings.ToLower(n)] = true
			}
		}
	}
	for _, n := range []string{"usa", "uk", "united states of america", "korea", "the netherlands"} {
		out[n] = true
	}
	return out
})

// isCountry tells a country's English name.
func isCountry(s string) bool { return countries()[strings.ToLower(strings.TrimSpace(s))] }
