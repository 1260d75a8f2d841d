package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"csakg/graphmodel"
	"csakg/loader"
)

// LoadReport says what a load changed.
type LoadReport struct {
	RunID          string
	Sources        []string // every source in the load
	ChangedSources []string // sources that are new or whose text changed
	NodesCreated   int
	NodesDeleted   int
	RelsCreated    int // entity relationships and mentions
	RelsDeleted    int
	Phases         []Phase // where the time went, in order
}

// Phase is one step of a load: what it wrote or removed, and how long it took.
type Phase struct {
	Name string
	Rows int // rows sent; 0 for statements over the whole graph
	Took time.Duration
}

// batchSize bounds the rows sent in one UNWIND statement.
const batchSize = 2000

// LoadOptions changes how a load is written.
type LoadOptions struct {
	// TxRows, when positive, commits the load in transactions of about this
	// many rows instead of one. Neo4j then needs memory for one batch, not
	// for the whole graph, but the load is no longer all-or-nothing: a load
	// that stops half-way leaves the new facts it wrote so far (nothing is
	// deleted until every fact is written) and its sources marked as not
	// loaded, so the next load of the same texts writes them again and
	// completes. Zero means one transaction.
	TxRows int
	// Writers is how many transactions a batched load runs at once, each
	// on a session of its own (see write_lanes.go); 0 is DefaultWriters.
	// A load in one transaction has one writer.
	Writers int
}

// DefaultWriters is the writers of a batched load when none are asked for:
// two keep a second core of Neo4j's busy.
const DefaultWriters = 2

// sessionExec runs each statement in a transaction of its own on sess.
func sessionExec(ctx context.Context, sess neo4j.SessionWithContext) execFunc {
	return func(cypher string, params map[string]any) ([]*neo4j.Record, neo4j.Counters, error) {
		out, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			return runTx(ctx, tx, cypher, params)
		}, txTimeout(ctx))
		if err != nil {
			return nil, nil, err
		}
		r := out.(txResult)
		return r.records, r.counters, nil
	}
}

// EnsureSchema creates the constraints and indexes csakg relies on, where
// they are missing, and gives entities written by an older csakg the
// properties they index. Schema changes cannot share a transaction with
// data, so this runs before a load, not inside it.
func (s *Store) EnsureSchema(ctx context.Context) error {
	return s.runSchema(ctx, slices.Concat(schemaStatements, []string{cypherBackfillEventNames, cypherBackfillNameKeys}))
}

// runSchema runs statements one by one, each outside any transaction of
// the caller's: schema changes cannot share one with data.
func (s *Store) runSchema(ctx context.Context, statements []string) error {
	sess := s.driver.NewSession(ctx, neo4jWrite(s.db))
	defer sess.Close(ctx)
	for _, stmt := range statements {
		res, err := sess.Run(ctx, stmt, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return fmt.Errorf("schema: %w", translate(err))
		}
	}
	return nil
}

// Load writes g to the graph in one transaction: all of it or, on any error,
// none of it. For each source in g, facts that the source no longer states
// are removed, and entities that no source mentions any more are deleted;
// facts from other sources are kept. Loading the same texts twice changes
// nothing but the load history.
func (s *Store) Load(ctx context.Context, g *loader.Graph) (LoadReport, error) {
	return s.LoadWith(ctx, g, LoadOptions{})
}

// LoadWith is Load with options; see LoadOptions for what TxRows gives up.
func (s *Store) LoadWith(ctx context.Context, g *loader.Graph, opt LoadOptions) (LoadReport, error) {
	// Input the graph model cannot hold is refused before anything is written.
	if err := check(g); err != nil {
		return LoadReport{}, fmt.Errorf("load: %w", err)
	}
	if err := s.EnsureSchema(ctx); err != nil {
		return LoadReport{}, err
	}
	started := time.Now().UTC()
	rep := LoadReport{RunID: "load:" + started.Format("20060102T150405.000000000Z")}
	for _, src := range g.Sources {
		rep.Sources = append(rep.Sources, src.Name)
	}

	if opt.TxRows > 0 {
		if err := s.loadBatched(ctx, g, opt, &rep, started); err != nil {
			return LoadReport{}, fmt.Errorf("load: %w", translateCtx(ctx, err))
		}
		return rep, nil
	}
	sess := s.driver.NewSession(ctx, neo4jWrite(s.db))
	defer sess.Close(ctx)
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		// A retried transaction starts again from zero.
		r := rep
		exec := func(cypher string, params map[string]any) ([]*neo4j.Record, neo4j.Counters, error) {
			out, err := runTx(ctx, tx, cypher, params)
			return out.records, out.counters, err
		}
		w := &writer{ctx: ctx, report: &r, rows: batchSize, exec: exec, onWrite: s.onWrite,
			bulk: func(cypher string, params map[string]any) (neo4j.Counters, error) {
				_, c, err := exec(cypher, params)
				return c, err
			}}
		if err := w.write(g, started); err != nil {
			return nil, err
		}
		rep = r
		return nil, nil
	}, txTimeout(ctx))
	if memoryLimit(err) {
		return LoadReport{}, fmt.Errorf("load: %w: %d entities and %d relationships need more than Neo4j's transaction memory (dbms.memory.transaction.total.max); nothing was written; load in batches (--tx-rows) or give Neo4j more heap",
			ErrTooLarge, len(g.Nodes), len(g.Edges))
	}
	if err != nil {
		return LoadReport{}, fmt.Errorf("load: %w", translateCtx(ctx, err))
	}
	return rep, nil
}

// loadBatched is LoadWith in transactions of opt.TxRows rows, run by
// opt.Writers lanes. Into a graph without entities it writes with the
// indexes the reads use dropped, and builds them once at the end (a phase
// of its own), whether or not the write got that far.
func (s *Store) loadBatched(ctx context.Context, g *loader.Graph, opt LoadOptions, rep *LoadReport, started time.Time) (err error) {
	sess := s.driver.NewSession(ctx, neo4jWrite(s.db))
	defer sess.Close(ctx)
	w := &writer{ctx: ctx, report: rep, rows: opt.TxRows, batched: true, onWrite: s.onWrite,
		exec: sessionExec(ctx, sess),
		bulk: func(cypher string, params map[string]any) (neo4j.Counters, error) {
			// CALL { } IN TRANSACTIONS needs an implicit transaction.
			res, err := sess.Run(ctx, cypher, params, txTimeout(ctx))
			if err != nil {
				return nil, err
			}
			sum, err := res.Consume(ctx)
			if err != nil {
				return nil, err
			}
			return sum.Counters(), nil
		},
	}
	recs, _, err := w.exec(cypherHasEntities, nil)
	if err != nil {
		return err
	}
	if has, _ := recs[0].Get("any"); has == false {
		if err := s.runSchema(ctx, dropIndexes(schemaIndexes)); err != nil {
			return err
		}
		defer func() {
			t := time.Now()
			// The reads need the indexes even if the load was stopped.
			ierr := s.runSchema(context.WithoutCancel(ctx), append(createIndexes(schemaIndexes), cypherAwaitIndexes))
			w.phase("indexes", 0, t)
			err = errors.Join(err, ierr)
		}()
	}
	n := opt.Writers
	if n <= 0 {
		n = DefaultWriters
	}
	if n > 1 {
		execs := make([]execFunc, n)
		for i := range execs {
			laneSess := s.driver.NewSession(ctx, neo4jWrite(s.db))
			defer laneSess.Close(ctx)
			execs[i] = sessionExec(ctx, laneSess)
		}
		w.lanes = startLanes(ctx, execs, w.runOn)
		defer w.lanes.stop()
	}
	return w.write(g, started)
}

// check refuses labels and relationship types outside the graph model.
func check(g *loader.Graph) error {
	labels := make(map[string]string, len(g.Nodes))
	for _, n := range g.Nodes {
		if _, ok := cypherUpsertNodes[n.Label]; !ok {
			return fmt.Errorf("node %q: label %q is not in the graph model", n.ID, n.Label)
		}
		labels[n.ID] = n.Label
	}
	// An entity not in g is one the graph already has; its id says its
	// label.
	labelOf := func(id string) string {
		if l, ok := labels[id]; ok {
			return l
		}
		l, _ := graphmodel.LabelOfID(id)
		return l
	}
	for _, e := range g.Edges {
		if _, ok := cypherUpsertRels[e.Type]; !ok {
			return fmt.Errorf("edge %s->%s: type %q is not in the graph model", e.From, e.To, e.Type)
		}
		// Readers rely on the ends the model allows (graphmodel.Rels).
		ends, _ := graphmodel.RelOf(e.Type)
		from, to := labelOf(e.From), labelOf(e.To)
		if !ends.Allows(from, to) {
			return fmt.Errorf("%s:%d: edge %q -[%s]-> %q: the graph model has %s from %s to %s, not from %q to %q",
				e.Evidence.Source, e.Evidence.Line, e.From, e.Type, e.To, e.Type,
				strings.Join(ends.From, " or "), strings.Join(ends.To, " or "), from, to)
		}
	}
	return nil
}

type txResult struct {
	records  []*neo4j.Record
	counters neo4j.Counters
}

func runTx(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any) (txResult, error) {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return txResult{}, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return txResult{}, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return txResult{}, err
	}
	return txResult{recs, sum.Counters()}, nil
}

// writer runs the statements of one load and tallies what they changed.
// exec runs one statement (in the load's transaction, or in one of its own
// when batched); bulk runs a statement that may touch the whole graph, and
// when batched it gets the IN TRANSACTIONS form of that statement.
type writer struct {
	ctx     context.Context
	report  *LoadReport
	rows    int  // rows per UNWIND statement
	batched bool // each statement commits on its own
	exec    execFunc
	bulk    func(cypher string, params map[string]any) (neo4j.Counters, error)
	onWrite func()
	// lanes, when set, run the batches of a batched load side by side;
	// without them every statement runs in order on exec.
	lanes *lanes
	mu    sync.Mutex // guards report's counters, which lanes tally
}

// execFunc runs one statement and returns its records and counters.
type execFunc func(cypher string, params map[string]any) ([]*neo4j.Record, neo4j.Counters, error)

// phase records a step that began at start.
func (w *writer) phase(name string, rows int, start time.Time) {
	w.report.Phases = append(w.report.Phases, Phase{Name: name, Rows: rows, Took: time.Since(start)})
}

func (w *writer) tally(c neo4j.Counters) {
	if c == nil {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.report.NodesCreated += c.NodesCreated()
	w.report.NodesDeleted += c.NodesDeleted()
	w.report.RelsCreated += c.RelationshipsCreated()
	w.report.RelsDeleted += c.RelationshipsDeleted()
}

func (w *writer) run(cypher string, params map[string]any) ([]*neo4j.Record, error) {
	w.wrote()
	return w.runOn(w.exec, cypher, params)
}

// wrote calls the tests' hook, always from the writer's own goroutine.
func (w *writer) wrote() {
	if w.onWrite != nil {
		w.onWrite()
	}
}

// runOn runs a statement on exec, the writer's own or a lane's.
func (w *writer) runOn(exec execFunc, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	recs, c, err := exec(cypher, params)
	if err != nil {
		return nil, err
	}
	w.tally(c)
	return recs, nil
}

// send runs a batch's statement: on lane i when the writer has lanes (it
// may still be running when send returns), else now. got, when not nil,
// gets the statement's records.
func (w *writer) send(i int, cypher string, params map[string]any, got func([]*neo4j.Record)) error {
	if w.lanes == nil {
		recs, err := w.run(cypher, params)
		if err == nil && got != nil {
			got(recs)
		}
		return err
	}
	w.wrote()
	return w.lanes.send(i, cypher, params, got)
}

// drain waits for the batches sent so far: a step's writes are all in
// before the next step reads them.
func (w *writer) drain() error {
	if w.lanes == nil {
		return nil
	}
	return w.lanes.wait()
}

// runBulk runs atomic in one transaction, or batched, its IN TRANSACTIONS
// form, when the load is batched.
func (w *writer) runBulk(atomic, batched string, params map[string]any) error {
	cypher := atomic
	if w.batched {
		cypher = batched
	}
	c, err := w.bulk(cypher, params)
	if err != nil {
		return err
	}
	w.tally(c)
	return nil
}

// batch gathers the rows of one UNWIND statement for one lane and sends
// them when there are enough, so a load holds few batches of parameters at
// a time.
type batch struct {
	w      *writer
	cypher string
	lane   int
	rows   []map[string]any
	got    func([]*neo4j.Record) // the records of each statement, if wanted
}

func (b *batch) add(row map[string]any) error {
	b.rows = append(b.rows, row)
	if len(b.rows) >= b.w.rows {
		return b.flush()
	}
	return nil
}

func (b *batch) flush() error {
	if len(b.rows) == 0 {
		return nil
	}
	rows := b.rows
	b.rows = nil
	return b.w.send(b.lane, b.cypher, map[string]any{"rows": rows}, b.got)
}

// batches is one statement's batches, one per lane.
type batches []*batch

func (w *writer) batches(cypher string) batches {
	n := 1
	if w.lanes != nil {
		n = len(w.lanes.all)
	}
	bs := make(batches, n)
	for i := range bs {
		bs[i] = &batch{w: w, cypher: cypher, lane: i}
	}
	return bs
}

// add puts row in the batch of the lane key picks.
func (bs batches) add(key string, row map[string]any) error {
	return bs[laneOf(key, len(bs))].add(row)
}

// collect sends every batch's records to got.
func (bs batches) collect(got func([]*neo4j.Record)) batches {
	for _, b := range bs {
		b.got = got
	}
	return bs
}

func (bs batches) flush() error {
	for _, b := range bs {
		if err := b.flush(); err != nil {
			return err
		}
	}
	return nil
}

// write sends g in an order that never loses a fact: sources first, then
// entities, relationships and mentions (all MERGEd, so a repeated write
// finds what an earlier one made), then what the sources no longer state is
// removed, and last the sources' hashes and counts, which mark them loaded.
// loadState is what the steps of one write share.
type loadState struct {
	g       *loader.Graph
	started time.Time
	names   []string
	// known holds the sources the graph has a node for, with their hashes.
	// The facts of the others are new: they are created without looking
	// for an old copy.
	known   map[string]string
	sources []map[string]any // the rows of the sources' nodes
	written map[string]struct{}
	// nodeIDs holds the internal (element) id of each entity and source
	// this load wrote, so the steps after it find their ends by id, not
	// by an index seek on the key. Nothing deletes a node before the last
	// step that uses them.
	nodeIDs     map[string]string
	idsMu       sync.Mutex
	relKeys     []string // every relationship's key, for the stale ones
	mentionKeys []string
	relCount    map[string]int // relationships per source
	entityCount map[string]int // entities per source
}

func (w *writer) write(g *loader.Graph, started time.Time) error {
	st := &loadState{g: g, started: started, names: w.report.Sources,
		written: make(map[string]struct{}, len(g.Edges)), nodeIDs: make(map[string]string, len(g.Nodes)), relCount: map[string]int{}, entityCount: map[string]int{}}
	for _, step := range []func(*loadState) error{
		w.writeSources, w.writeEntities, w.writeRelationships, w.writeMentions,
		w.deleteStale, w.countSources, w.recordRun,
	} {
		if err := step(st); err != nil {
			return err
		}
	}
	return nil
}

// keepIDs records the element ids of records with id and eid.
func (st *loadState) keepIDs(recs []*neo4j.Record) {
	st.idsMu.Lock()
	defer st.idsMu.Unlock()
	for _, r := range recs {
		id, _ := r.Get("id")
		eid, _ := r.Get("eid")
		st.nodeIDs[id.(string)] = eid.(string)
	}
}

// nodeID is the element id this load got for key id, if any.
func (st *loadState) nodeID(id string) (string, bool) {
	st.idsMu.Lock()
	defer st.idsMu.Unlock()
	eid, ok := st.nodeIDs[id]
	return eid, ok
}

// nodeProps is every property of n, with the model's keys set explicitly so
// that a property dropped from the text is removed from the node (SET += with
// a null value removes it).
func nodeProps(n loader.Node) map[string]any {
	p := make(map[string]any, len(n.Props)+3)
	for k, v := range n.Props {
		p[k] = v
	}
	p["name"] = n.Name
	p["aliases"] = nonNil(n.Aliases)
	if n.Description != "" {
		p["description"] = n.Description
	} else {
		p["description"] = nil
	}
	return p
}

// edgeProps is every property of e: its facts, its first line (source,
// line, excerpt, rule) and, for a fact stated on several lines, every line
// as four lists of the same length (evidenceSources, evidenceLines,
// evidenceExcerpts, evidenceRules), in source and line order. Lists a fact
// no longer has are set to null, which removes them.
func edgeProps(e loader.Edge) map[string]any {
	p := make(map[string]any, len(e.Props)+9)
	for k, v := range e.Props {
		p[k] = v
	}
	if _, ok := p["sections"]; !ok {
		p["sections"] = nil
	}
	p["source"] = e.Evidence.Source
	p["line"] = e.Evidence.Line
	p["excerpt"] = e.Evidence.Excerpt
	p["rule"] = e.Evidence.Rule
	for _, k := range []string{"evidenceSources", "evidenceLines", "evidenceExcerpts", "evidenceRules"} {
		p[k] = nil
	}
	if lines := e.AllLines(); len(lines) > 1 {
		srcs, nums, excerpts, rules := make([]string, len(lines)), make([]int, len(lines)), make([]string, len(lines)), make([]string, len(lines))
		for i, l := range lines {
			srcs[i], nums[i], excerpts[i], rules[i] = l.Source, l.Line, l.Excerpt, l.Rule
		}
		p["evidenceSources"], p["evidenceLines"], p["evidenceExcerpts"], p["evidenceRules"] = srcs, nums, excerpts, rules
	}
	return p
}

// edgeKey identifies a relationship across loads: the same fact (type,
// ends and role, without case) read from the same source gets the same
// key, so MERGE finds it again. Sections are not part of it: a fact stated
// of several sections is one relationship.
func edgeKey(e loader.Edge) string {
	return hashKey(e.Type, e.From, e.To, e.Evidence.Source, "role="+strings.ToLower(propString(e.Props, "role")))
}

func propString(p map[string]any, k string) string {
	if v, ok := p[k]; ok {
		return fmt.Sprint(v)
	}
	return ""
}

func mentionKey(id string, m loader.Evidence) string {
	return hashKey(id, m.Source, strconv.Itoa(m.Line))
}

func hashKey(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

func sourceID(name string) string { return "source:" + name }

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
