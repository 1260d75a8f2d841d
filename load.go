package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"csakg/gen"
	"csakg/loader"
	"csakg/store"
)

// runLoad is `csakg load`: read texts, build the graph, write it (or, with
// --dry-run, print it as JSON).
func runLoad(ctx context.Context, cfg config, paths []string, stdout, stderr io.Writer, log *slog.Logger) error {
	if len(paths) == 0 {
		return usageError{errors.New("load: no paths given")}
	}
	if cfg.Blocks {
		return printBlocks(paths, stdout)
	}
	if cfg.DryRun {
		g, err := buildGraph(ctx, cfg, paths, nil, stderr)
		if err != nil {
			return err
		}
		if cfg.Explain {
			printMerges(stderr, g, true)
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(g)
	}
	st, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer st.Close(context.Background())
	// New texts resolve against what earlier loads wrote.
	known, err := st.Known(ctx)
	if err != nil {
		return fmt.Errorf("reading the graph's entities: %w", err)
	}
	g, err := buildGraph(ctx, cfg, paths, known, stderr)
	if err != nil {
		return err
	}
	return writeGraph(ctx, cfg, st, g, stdout, stderr)
}

// openStore connects to the configured Neo4j and waits until it answers.
func openStore(ctx context.Context, cfg config, log *slog.Logger) (*store.Store, error) {
	st, err := store.Open(cfg.Neo4j)
	if err != nil {
		return nil, err
	}
	wctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	st.SetLogger(log)
	// Refused credentials fail the load at once: waiting does not mend them.
	if err := st.WaitReady(wctx, log, false); err != nil {
		st.Close(context.Background())
		return nil, err
	}
	return st, nil
}

// runGen is `csakg gen`: make a synthetic graph and print or load it.
func runGen(ctx context.Context, cfg config, stdout, stderr io.Writer, log *slog.Logger) error {
	g := gen.Graph(cfg.GenSeed, cfg.GenScale)
	if !cfg.GenLoad {
		return json.NewEncoder(stdout).Encode(g)
	}
	st, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer st.Close(context.Background())
	return writeGraph(ctx, cfg, st, g, stdout, stderr)
}

// writeGraph loads g into Neo4j and prints the summary.
func writeGraph(ctx context.Context, cfg config, st *store.Store, g *loader.Graph, stdout, stderr io.Writer) error {
	fmt.Fprintf(stderr, "writing %d entities and %d relationships to %s\n", len(g.Nodes), len(g.Edges), store.RedactURI(cfg.Neo4j.URI))
	start := time.Now()
	rep, err := st.LoadWith(ctx, g, store.LoadOptions{TxRows: cfg.TxRows, Writers: cfg.Writers})
	if err != nil {
		return err
	}
	took := time.Since(start)
	printSummary(stdout, g, rep)
	printMerges(stdout, g, cfg.Explain)
	fmt.Fprintf(stdout, "took %v (%.0f entities+relationships per second)\n", took.Round(time.Millisecond),
		float64(len(g.Nodes)+len(g.Edges))/took.Seconds())
	return nil
}

// buildGraph reads and parses the texts at paths, resolving them against
// the graph's known entities, reporting progress and warnings on stderr.
func buildGraph(ctx context.Context, cfg config, paths []string, known []loader.Known, stderr io.Writer) (*loader.Graph, error) {
	texts, skipped, err := loader.ReadTexts(paths)
	if err != nil {
		return nil, err
	}
	for _, w := range skipped {
		fmt.Fprintf(stderr, "warning: %s: %s\n", w.Source, w.Message)
	}
	var cur *loader.Curation
	if cfg.Curation != "" {
		data, err := os.ReadFile(cfg.Curation)
		if err != nil {
			return nil, fmt.Errorf("curation: %w", err)
		}
		if cur, err = loader.ParseCuration(cfg.Curation, data); err != nil {
			return nil, err
		}
	}
	fmt.Fprintf(stderr, "parsing %d texts\n", len(texts))
	g, err := loader.BuildWith(ctx, texts, loader.Options{Curation: cur, Known: known})
	if errors.Is(err, context.Canceled) {
		return nil, fmt.Errorf("interrupted while parsing; nothing written, the graph is as it was (%w)", err)
	}
	if err != nil {
		return nil, err
	}
	for _, w := range g.Warnings {
		fmt.Fprintln(stderr, "warning:", w)
	}
	return g, nil
}

// loadAtStart loads cfg.Sources into the graph, for serve.
func loadAtStart(ctx context.Context, cfg config, st *store.Store, log *slog.Logger) error {
	known, err := st.Known(ctx)
	if err != nil {
		return fmt.Errorf("reading the graph's entities: %w", err)
	}
	g, err := buildGraph(ctx, cfg, cfg.Sources, known, io.Discard)
	if err != nil {
		return err
	}
	for _, w := range g.Warnings {
		log.Warn("loader", "warning", w.String())
	}
	rep, err := st.Load(ctx, g)
	if err != nil {
		return err
	}
	log.Info("sources loaded", "sources", rep.Sources, "changed", rep.ChangedSources,
		"entities", len(g.Nodes), "relationships", len(g.Edges),
		"nodes_created", rep.NodesCreated, "nodes_deleted", rep.NodesDeleted,
		"rels_created", rep.RelsCreated, "rels_deleted", rep.RelsDeleted)
	return nil
}

// printSummary writes the load's table: entities per label, relationships
// per type, what changed.
func printSummary(w io.Writer, g *loader.Graph, rep store.LoadReport) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	labels := map[string]int{}
	for _, n := range g.Nodes {
		labels[n.Label]++
	}
	types := map[string]int{}
	for _, e := range g.Edges {
		types[e.Type]++
	}
	fmt.Fprintln(tw, "label\tentities\t")
	for _, k := range sortedKeys(labels) {
		fmt.Fprintf(tw, "%s\t%d\t\n", k, labels[k])
	}
	fmt.Fprintln(tw, "\t\t")
	fmt.Fprintln(tw, "relationship\tcount\t")
	for _, k := range sortedKeys(types) {
		fmt.Fprintf(tw, "%s\t%d\t\n", k, types[k])
	}
	tw.Flush()
	fmt.Fprintf(w, "\nsources: %d (%d new or changed); nodes created %d, deleted %d; relationships created %d, deleted %d; warnings %d\n",
		len(rep.Sources), len(rep.ChangedSources), rep.NodesCreated, rep.NodesDeleted, rep.RelsCreated, rep.RelsDeleted, len(g.Warnings))
	printPhases(w, rep.Phases)
}

// printPhases says where a load spent its time.
func printPhases(w io.Writer, phases []store.Phase) {
	fmt.Fprint(w, "phases:")
	for _, p := range phases {
		if p.Rows > 0 {
			fmt.Fprintf(w, " %s %d rows in %v (%.0f/s);", p.Name, p.Rows, p.Took.Round(time.Millisecond), float64(p.Rows)/p.Took.Seconds())
		} else {
			fmt.Fprintf(w, " %s %v;", p.Name, p.Took.Round(time.Millisecond))
		}
	}
	fmt.Fprintln(w)
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// printMerges says how many names were joined into one entity, by reason;
// with explain, each merge and how many facts each rule found.
func printMerges(w io.Writer, g *loader.Graph, explain bool) {
	reasons := map[string]int{}
	for _, m := range g.Merges {
		reasons[m.Reason]++
	}
	fmt.Fprintf(w, "merges: %d", len(g.Merges))
	for _, k := range sortedKeys(reasons) {
		fmt.Fprintf(w, "; %s %d", k, reasons[k])
	}
	fmt.Fprintln(w)
	if !explain {
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "\nmerge\tlabel\tnames\treason\t")
	for _, m := range g.Merges {
		fmt.Fprintf(tw, "%s\t%s\t%q + %q\t%s\t\n", m.Into, m.Label, m.A, m.B, m.Reason)
	}
	tw.Flush()
	rules := map[string]int{}
	for _, e := range g.Edges {
		rules[e.Type+" by "+e.Evidence.Rule]++
	}
	fmt.Fprintln(w, "\nfacts by rule:")
	for _, k := range sortedKeys(rules) {
		fmt.Fprintf(w, "  %-60s %d\n", k, rules[k])
	}
}

// printBlocks is `csakg load --blocks`: per file, the format and encoding
// it was read in and the blocks the structure stage found, one a line
// ("line kind [label] text"), indented by nesting.
func printBlocks(paths []string, stdout io.Writer) error {
	texts, _, err := loader.ReadTexts(paths)
	if err != nil {
		return err
	}
	for _, t := range texts {
		form, enc, blocks, err := loader.Blocks(t)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s: %s %s, %d blocks\n", t.Name, form, enc, len(blocks))
		depth := make([]int, len(blocks))
		for i, b := range blocks {
			if b.Parent >= 0 && b.Parent < i {
				depth[i] = depth[b.Parent] + 1
			}
			label := ""
			if b.Label != "" {
				label = "[" + b.Label + "] "
			}
			fmt.Fprintf(stdout, "%5d %s%-9s %s%s\n", b.Line, strings.Repeat("  ", depth[i]), b.Kind, label, b.Text)
		}
	}
	return nil
}
