package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"csakg/graphmodel"
)

func (r Ratio) String() string { return fmt.Sprintf("%d/%d", r.Got, r.Of) }

// withPercent is "got/of (pct%)".
func (r Ratio) withPercent() string { return fmt.Sprintf("%s (%.1f%%)", r, r.Percent()) }

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes the report as tables: a row per page and the total, each
// page's counts by label and by relationship type (with verbose, every
// miss under it), the totals by label and type, and cross-file identity.
func (r *Report) WriteText(w io.Writer, verbose bool) error {
	fmt.Fprintf(w, "pages: %s (expectation: %s)\n\n", r.Dir, r.Expect)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "page\tkind\tentities\trelations\taliases\tprops\ttraps taken\tforbidden taken\tinvented\textra")
	for _, p := range r.Pages {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\n", p.File, p.Kind, p.EntityTotal(), p.RelationTotal(),
			p.Aliases, p.Props, p.Traps, p.Forbidden, p.Invented, p.Extra)
	}
	t := r.Total
	fmt.Fprintf(tw, "total\t\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\n", t.EntityTotal().withPercent(), t.RelationTotal().withPercent(),
		t.Aliases.withPercent(), t.Props.withPercent(), t.Traps, t.Forbidden, t.Invented, t.Extra)
	if err := tw.Flush(); err != nil {
		return err
	}

	for _, p := range r.Pages {
		fmt.Fprintf(w, "\n%s (%s)\n", p.File, p.Kind)
		fmt.Fprintf(w, "  entities:  %s\n", breakdown(p.Entities, graphmodel.LabelNames))
		fmt.Fprintf(w, "  relations: %s\n", breakdown(p.Relations, graphmodel.RelTypes))
		if verbose {
			writeMisses(w, p.Misses)
		}
	}

	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "total by label\tfound\trecall")
	for _, l := range present(t.Entities, graphmodel.LabelNames) {
		fmt.Fprintf(tw, "%s\t%s\t%.1f%%\n", l, t.Entities[l], t.Entities[l].Percent())
	}
	fmt.Fprintln(tw, "\t\t")
	fmt.Fprintln(tw, "total by relationship\tfound\trecall")
	for _, k := range present(t.Relations, graphmodel.RelTypes) {
		fmt.Fprintf(tw, "%s\t%s\t%.1f%%\n", k, t.Relations[k], t.Relations[k].Percent())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\ncross-file identity: %d of %d shared names are one node\n", r.Identity.Got, r.Identity.Of)
	if verbose {
		writeMisses(w, r.IdentityMisses)
	}
	if len(r.Unscored) > 0 {
		fmt.Fprintf(w, "not scored (not in the expectation): %s\n", strings.Join(r.Unscored, ", "))
	}
	return nil
}

// breakdown lists the non-empty counts of m in the order of keys.
func breakdown(m map[string]Ratio, keys []string) string {
	var s []string
	for _, k := range present(m, keys) {
		s = append(s, k+" "+m[k].String())
	}
	if len(s) == 0 {
		return "none expected"
	}
	return strings.Join(s, ", ")
}

// present returns the keys (in order) that m counts anything for.
func present(m map[string]Ratio, keys []string) []string {
	var out []string
	for _, k := range keys {
		if m[k].Of > 0 {
			out = append(out, k)
		}
	}
	return out
}

func writeMisses(w io.Writer, misses []Miss) {
	for _, m := range misses {
		line := fmt.Sprintf("  - %s %s: %s", m.Kind, m.What, m.Name)
		if m.Detail != "" {
			line += " (" + m.Detail + ")"
		}
		fmt.Fprintln(w, line)
	}
}

// Thresholds make an evaluation fail; a nil field is no threshold.
type Thresholds struct {
	MinEntities  *float64 // entity recall, percent
	MinRelations *float64 // relationship recall, percent
	MaxTraps     *int     // traps taken
	MaxInvented  *int     // invented entities
}

// Check returns one sentence for each threshold the totals miss.
func (r *Report) Check(t Thresholds) []string {
	var fails []string
	if e := r.Total.EntityTotal(); t.MinEntities != nil && e.Percent() < *t.MinEntities {
		fails = append(fails, fmt.Sprintf("entity recall %.1f%% is below the minimum %g%%", e.Percent(), *t.MinEntities))
	}
	if rel := r.Total.RelationTotal(); t.MinRelations != nil && rel.Percent() < *t.MinRelations {
		fails = append(fails, fmt.Sprintf("relationship recall %.1f%% is below the minimum %g%%", rel.Percent(), *t.MinRelations))
	}
	if t.MaxTraps != nil && r.Total.Traps.Got > *t.MaxTraps {
		fails = append(fails, fmt.Sprintf("%d traps taken is above the maximum %d", r.Total.Traps.Got, *t.MaxTraps))
	}
	if t.MaxInvented != nil && r.Total.Invented > *t.MaxInvented {
		fails = append(fails, fmt.Sprintf("%d invented entities is above the maximum %d", r.Total.Invented, *t.MaxInvented))
	}
	return slices.Clip(fails)
}

// Rules says how the score is made, for the command's help.
const Rules = `Each page the expectation lists is built on its own and scored against its
entry; then all of them are built together once to check identity across
pages. Names are compared after NFKC, case folding and collapsing white space
(typographic hyphens read as "-", as the loader reads texts).

  entities   a must name of label L is found when a node of label L has it as
             its name or an alias (Organization and WorkingGroup accept each
             other). An Event is found by its date (an expected YYYY-MM takes
             any day of that month); among events of one date the one whose
             name shares most words with the expected name is taken.
  aliases    canonical -> form is found when both names reach the same node.
  relations  [from, TYPE, to] is found when an edge of TYPE joins a node of
             from to a node of to (ends resolved through must names, their
             alias forms and the events above; labels from must). "props"
             counts the found ones whose edge carries the keys the
             expectation gives (role, status, ...), without comparing
             wording.
  forbidden  a not_relations entry present in the graph.
  traps      a trap string that is a node's name or alias.
  invented   on pages of kind form, every node that matches no must entry
             or alias form; on other pages such nodes are only "extra".
  identity   a name listed under one label in the must of several pages must
             be exactly one node of the graph of all pages.

Totals are sums of found over sums of expected (micro-averaged).`
