// Command bench measures csakg against the floor: the same Cypher, sent
// once over Bolt by the bare driver.
//
// It loads a generated graph, starts the csakg server as a child process on
// 127.0.0.1, and runs a fixed mix of GraphQL requests at several
// concurrencies. For each request it first runs it once through an
// in-process store that records the Cypher it sends; that Cypher, replayed
// through the driver, is the floor. It prints a markdown table: latency
// percentiles and throughput for csakg and the floor, their ratio, Cypher
// round trips per request, and the server's CPU time and peak RSS.
//
//	go run ./bench -scale 1 -n 300 -concurrency 1,8,64
//
// Runs are bounded by -n requests and -max-time per cell, and talk only to
// 127.0.0.1.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"csakg/gen"
	"csakg/graph"
	"csakg/store"
)

// request is one GraphQL request of the mix.
type request struct {
	Name  string
	Query string
	Vars  map[string]any
}

// mix is what users really send: search, an entity by id, an entity with
// its neighbours three levels deep, a filtered list and its second page, paths,
// collaborators, a month's timeline, the counts of a big neighbourhood and
// a filter across a relationship, on a root list and on a connection of
// that group. Ids are the generator's.
func mix(cursor string) []request {
	return []request{
		{"search", `query($t: String!) { search(text: $t, first: 10) { score snippet entity { id name type } } }`,
			map[string]any{"t": "security"}},
		{"entity", `query($id: ID!) { node(id: $id) { id name type aliases description ... on Person { title email } } }`,
			map[string]any{"id": "person:gen-7"}},
		{"neighbours-3", `query($id: ID!) { node(id: $id) { id name ... on WorkingGroup {
			members(first: 10) { totalCount edges { role node { name workingGroups(first: 5) { edges { node { name
			members(first: 5) { edges { node { name } } } } } } } } } } } }`, map[string]any{"id": "wg:gen-1"}},
		{"list-filtered", `{ workingGroups(first: 20, where: {nameContains: "cloud"}) { totalCount pageInfo { endCursor hasNextPage } edges { node { id name acronym } } } }`, nil},
		{"list-page-2", `query($a: String) { workingGroups(first: 20, after: $a, where: {nameContains: "cloud"}) { pageInfo { endCursor hasNextPage } edges { node { id name acronym } } } }`,
			map[string]any{"a": cursor}},
		{"paths", `{ paths(from: "person:gen-7", to: "org:gen-3", maxHops: 4, first: 3) { length hops { type direction from { id } to { id } evidence { source line } } } }`, nil},
		{"collaborators", `{ collaborators(of: "wg:gen-2", first: 10) { score direct shared { type count } entity { id name } } }`, nil},
		{"timeline-month", `{ timeline(from: "2020-06", to: "2020-06", first: 20) { totalCount edges { date node { id name type } } } }`, nil},
		// The generator's biggest working group at every scale.
		{"counts", `{ node(id: "wg:gen-0") { ... on WorkingGroup { members { totalCount } events { totalCount } } } }`, nil},
		{"rel-filter", `{ workingGroups(first: 20, where: {members: {some: {nameContains: "person 11"}}}) { edges { node { id name } } } }`, nil},
		{"nested-filter", `{ node(id: "wg:gen-0") { ... on WorkingGroup {
			members(first: 10, where: {workingGroups: {some: {nameContains: "cloud"}}}) { totalCount edges { node { id name } } } } } }`, nil},
	}
}

type config struct {
	scale       int
	seed        uint64
	n           int
	maxTime     time.Duration
	concurrency []int
	out         string
	skipLoad    bool
	txRows      int
	writers     int
	loadOnly    bool
	soak        time.Duration // when set: a soak run instead of the table
	clients     int
	only        []string // request names to run; all when empty
	peer        string   // when set: the peer's URL, or "auto" to start bench/peer/
	peerText    string   // the member-name fragment of the rel-filter shape
	baseline    string   // when set: another csakg's base URL, measured instead of the floor
}

func main() {
	var c config
	var conc string
	flag.IntVar(&c.scale, "scale", 1, "generated graph size, in multiples of the sources' graph")
	flag.Uint64Var(&c.seed, "seed", 1, "generator seed")
	flag.IntVar(&c.n, "n", 300, "requests per request type and concurrency (upper bound)")
	flag.DurationVar(&c.maxTime, "max-time", 15*time.Second, "time limit per request type and concurrency")
	flag.StringVar(&conc, "concurrency", "1,8,64", "comma-separated concurrency levels")
	flag.StringVar(&c.out, "out", "", "also write the markdown report to this file")
	flag.BoolVar(&c.skipLoad, "skip-load", false, "use the graph already in Neo4j")
	flag.IntVar(&c.txRows, "tx-rows", -1, "load in transactions of this many rows; 0 is one transaction; -1 picks one transaction below scale 100 and 10000 rows from there")
	flag.IntVar(&c.writers, "writers", 0, "transactions a batched load runs at once; 0 is the store's default")
	flag.BoolVar(&c.loadOnly, "load-only", false, "load the graph, report the loader's throughput and stop")
	flag.DurationVar(&c.soak, "soak", 0, "run the mix for this long with -clients clients and check errors and memory (e.g. 60s)")
	flag.IntVar(&c.clients, "clients", 200, "concurrent clients of a soak run")
	flag.StringVar(&c.peer, "peer", "", "compare with the peer (bench/peer/) at this GraphQL URL, or 'auto' to start it, instead of the floor")
	flag.StringVar(&c.baseline, "baseline", "", "compare with another csakg server (an older build, started by you) at this base URL, e.g. http://127.0.0.1:8091, instead of the floor")
	flag.StringVar(&c.peerText, "peer-text", "person 11", "the member-name fragment the rel-filter shape of the peer run looks for")
	var only string
	flag.StringVar(&only, "requests", "", "comma-separated names of the mix's requests to run; all when empty")
	flag.Parse()
	if only != "" {
		c.only = strings.Split(only, ",")
	}
	for _, s := range strings.Split(conc, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > 256 {
			fmt.Fprintf(os.Stderr, "bench: concurrency %q: want 1 to 256\n", s)
			os.Exit(2)
		}
		c.concurrency = append(c.concurrency, n)
	}
	if err := run(context.Background(), c); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func neo4jConfig() store.Config {
	cfg := store.Config{
		URI: os.Getenv("NEO4J_URI"), User: os.Getenv("NEO4J_USER"),
		Password: store.Secret(os.Getenv("NEO4J_PASSWORD")), Database: os.Getenv("NEO4J_DATABASE"),
	}
	if cfg.User == "" {
		cfg.User = "neo4j"
	}
	return cfg
}

func run(ctx context.Context, c config) error {
	cfg := neo4jConfig()
	if cfg.URI == "" {
		return errors.New("NEO4J_URI is not set (make bench starts a Neo4j for you)")
	}
	st, err := store.Open(cfg)
	if err != nil {
		return err
	}
	defer st.Close(ctx)
	if err := st.WaitReady(ctx, slog.New(slog.NewTextHandler(io.Discard, nil)), false); err != nil {
		return err
	}
	g := gen.Graph(c.seed, c.scale)
	if !c.skipLoad {
		fmt.Fprintf(os.Stderr, "loading scale %d: %d entities, %d relationships\n", c.scale, len(g.Nodes), len(g.Edges))
		if err := st.Wipe(ctx); err != nil {
			return err
		}
		txRows := c.txRows
		if txRows < 0 {
			txRows = 0
			if c.scale >= 100 {
				txRows = 10000
			}
		}
		t0 := time.Now()
		rep, err := st.LoadWith(ctx, g, store.LoadOptions{TxRows: txRows, Writers: c.writers})
		if err != nil {
			return err
		}
		d := time.Since(t0)
		fmt.Fprintf(os.Stderr, "loaded in %v (tx-rows %d, writers %d): %.0f entities+relationships/s; %d nodes and %d relationships (mentions included) created\n",
			d.Round(time.Millisecond), txRows, c.writers, float64(len(g.Nodes)+len(g.Edges))/d.Seconds(), rep.NodesCreated, rep.RelsCreated)
		for _, p := range rep.Phases {
			fmt.Fprintf(os.Stderr, "  %-20s %8d rows %10v\n", p.Name, p.Rows, p.Took.Round(time.Millisecond))
		}
	}
	if c.loadOnly {
		return nil
	}

	// Record the Cypher of each request through an in-process handler.
	var mu sync.Mutex
	var traced []store.QueryInfo
	st.OnQuery(func(q store.QueryInfo) {
		mu.Lock()
		traced = append(traced, q)
		mu.Unlock()
	})
	local := graph.NewHandler(&graph.Resolver{Store: st}, slog.New(slog.NewTextHandler(io.Discard, nil)), graph.Options{Limits: graph.RequestLimits{Timeout: 30 * time.Second}})
	var first struct {
		Data struct {
			WorkingGroups struct {
				PageInfo struct{ EndCursor string }
			}
		}
	}
	i := slices.IndexFunc(mix(""), func(r request) bool { return r.Name == "list-filtered" })
	if err := json.Unmarshal(postLocal(local, mix("")[i]), &first); err != nil {
		return err
	}
	reqs := mix(first.Data.WorkingGroups.PageInfo.EndCursor)
	floors := make([][]store.QueryInfo, len(reqs))
	for i, r := range reqs {
		traced = nil
		body := postLocal(local, r)
		if bytes.Contains(body, []byte(`"errors"`)) {
			return fmt.Errorf("request %s failed: %s", r.Name, body)
		}
		floors[i] = append([]store.QueryInfo(nil), traced...)
	}
	st.OnQuery(nil)

	srv, err := startServer(ctx, cfg)
	if err != nil {
		return err
	}
	defer srv.stop()

	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password.Reveal(), ""))
	if err != nil {
		return err
	}
	defer driver.Close(ctx)

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256, MaxConnsPerHost: 512}, Timeout: 30 * time.Second}
	if c.peer != "" {
		return sideBySide(ctx, c, srv, client, driver, cfg.Database)
	}
	if c.soak > 0 {
		return soak(c, srv, client, reqs)
	}
	// against is what csakg is measured against: the floor, or a baseline.
	against := func(i int) func() error {
		return func() error { return replay(ctx, driver, cfg.Database, floors[i]) }
	}
	if c.baseline != "" {
		if against, err = baselineOf(c, srv, client, reqs); err != nil {
			return err
		}
	}
	var rows []row
	cpuBefore := srv.cpu()
	for _, conc := range c.concurrency {
		for i, r := range reqs {
			if len(c.only) > 0 && !slices.Contains(c.only, r.Name) {
				continue
			}
			queriesBefore := srv.cypherQueries(client)
			api, floor := measure(c, conc, func() error { return srv.post(client, r) }, against(i))
			queries := srv.cypherQueries(client) - queriesBefore
			rows = append(rows, row{name: r.Name, conc: conc, api: api, floor: floor,
				roundTrips: float64(queries) / float64(api.calls)})
		}
	}
	// The fixed costs on each side: an HTTP request that needs no Cypher,
	// and a statement that needs no data.
	empty := request{Name: "empty", Query: "{ __typename }"}
	transport, trivial := measure(c, 1,
		func() error { return srv.post(client, empty) },
		func() error {
			return replay(ctx, driver, cfg.Database, []store.QueryInfo{{Cypher: "RETURN 1"}})
		})
	cpu := srv.cpu() - cpuBefore
	rss := srv.peakRSS()
	report := renderReport(c, rows, cpu, rss)
	report += fmt.Sprintf("\nFixed costs at concurrency 1: a GraphQL request that needs no Cypher (`{ __typename }`) takes %s ms p50 over HTTP; `RETURN 1` through the driver takes %s ms p50.\n",
		ms(transport.p50), ms(trivial.p50))
	fmt.Print(report)
	if c.out != "" {
		return os.WriteFile(c.out, []byte(report), 0o644)
	}
	return nil
}

// baselineOf returns, per request of reqs, a call of the same request to
// the csakg server at c.baseline, once both servers' answers to every
// request of the run are checked equal.
func baselineOf(c config, srv *server, client *http.Client, reqs []request) (func(int) func() error, error) {
	base := &server{base: strings.TrimSuffix(c.baseline, "/")}
	for _, r := range reqs {
		if len(c.only) > 0 && !slices.Contains(c.only, r.Name) {
			continue
		}
		a, err := srv.answer(client, r)
		if err != nil {
			return nil, err
		}
		b, err := base.answer(client, r)
		if err != nil {
			return nil, fmt.Errorf("baseline: %w", err)
		}
		if !bytes.Equal(a, b) {
			return nil, fmt.Errorf("request %s: csakg and the baseline answer differently:\n%s\n%s", r.Name, a, b)
		}
	}
	return func(i int) func() error { return func() error { return base.post(client, reqs[i]) } }, nil
}

// answer returns the server's answer to r.
func (s *server) answer(c *http.Client, r request) ([]byte, error) {
	b, _ := json.Marshal(map[string]any{"query": r.Query, "variables": r.Vars})
	resp, err := c.Post(s.base+"/graphql", "application/json", bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}

func postLocal(h http.Handler, r request) []byte {
	b, _ := json.Marshal(map[string]any{"query": r.Query, "variables": r.Vars})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(b))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Body.Bytes()
}

// replay sends the recorded statements through the bare driver, as csakg
// does: one auto-commit transaction each, in a read session.
func replay(ctx context.Context, d neo4j.DriverWithContext, db string, qs []store.QueryInfo) error {
	for _, q := range qs {
		if err := autoCommit(ctx, d, db, q); err != nil {
			return err
		}
	}
	return nil
}

func autoCommit(ctx context.Context, d neo4j.DriverWithContext, db string, q store.QueryInfo) error {
	sess := d.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, q.Cypher, q.Params)
	if err != nil {
		return err
	}
	_, err = res.Collect(ctx)
	return err
}

// stats are the figures of one cell.
type stats struct {
	count int // measured requests
	calls int // all requests, warm-up included

	errors        int
	p50, p95, p99 time.Duration
	throughput    float64 // requests per second
}

type row struct {
	name       string
	conc       int
	api, floor stats
	roundTrips float64
}

// rounds is how many alternating rounds of csakg and of the floor make a
// cell, so that drift (Neo4j warming up, the machine's other work) touches
// both alike.
const rounds = 4

// cellSize is the number of requests in a cell: c.n, and at least 20 per
// client, so that a concurrent cell lasts long enough to measure.
func cellSize(c config, conc int) int { return max(c.n, 20*conc) }

// sample is what rounds of one side of a cell measured.
type sample struct {
	lat     []time.Duration
	elapsed time.Duration
	errors  int
	calls   int // requests sent, warm-up included
}

// warm sends conc requests at once, which opens conc connections and
// warms caches; they are not measured.
func (s *sample) warm(conc int, f func() error) {
	var wg sync.WaitGroup
	for range conc {
		wg.Go(func() { f() })
	}
	wg.Wait()
	s.calls += conc
}

// round runs f n times (within budget) with conc workers.
func (s *sample) round(n, conc int, budget time.Duration, f func() error) {
	var next, errs atomic.Int64
	lat := make([]time.Duration, n)
	deadline := time.Now().Add(budget)
	start := time.Now()
	var wg sync.WaitGroup
	for range conc {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n || time.Now().After(deadline) {
					return
				}
				t0 := time.Now()
				if f() != nil {
					errs.Add(1)
				}
				lat[i] = time.Since(t0)
			}
		})
	}
	wg.Wait()
	done := min(int(next.Load()), n)
	s.elapsed += time.Since(start)
	s.lat = append(s.lat, lat[:done]...)
	s.errors += int(errs.Load())
	s.calls += done
}

func (s sample) stats() stats {
	l := slices.Clone(s.lat)
	slices.Sort(l)
	pct := func(p float64) time.Duration {
		if len(l) == 0 {
			return 0
		}
		return l[min(len(l)-1, int(p*float64(len(l))))]
	}
	return stats{count: len(l), calls: s.calls, errors: s.errors, p50: pct(.50), p95: pct(.95), p99: pct(.99),
		throughput: float64(len(l)) / s.elapsed.Seconds()}
}

// measure runs one cell: csakg (api) and the floor in alternating rounds,
// each side at most c.maxTime in all.
func measure(c config, conc int, api, floor func() error) (stats, stats) {
	n := cellSize(c, conc)
	var a, f sample
	a.warm(conc, api)
	f.warm(conc, floor)
	for i := range rounds {
		size := n/rounds + boolInt(i < n%rounds)
		a.round(size, conc, c.maxTime/rounds, api)
		f.round(size, conc, c.maxTime/rounds, floor)
	}
	return a.stats(), f.stats()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// server is the csakg server under test, a child process.
type server struct {
	cmd  *exec.Cmd
	base string
}

func startServer(ctx context.Context, cfg store.Config) (*server, error) {
	bin := filepath.Join(os.TempDir(), "csakg-bench")
	build := exec.CommandContext(ctx, "go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return nil, fmt.Errorf("building csakg: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(bin, "serve", "--addr", addr, "--rate-limit", "0", "--neo4j-uri", cfg.URI, "--neo4j-user", cfg.User)
	if a := os.Getenv("CSAKG_BENCH_PPROF_ADDR"); a != "" {
		// To profile the server during a run: go tool pprof http://$a/debug/pprof/profile?seconds=10
		cmd.Args = append(cmd.Args, "--pprof-addr", a)
	}
	cmd.Env = append(os.Environ(), "NEO4J_PASSWORD="+cfg.Password.Reveal(), "CSAKG_LOG_FORMAT=json")
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, base: "http://" + addr}
	for t0 := time.Now(); time.Since(t0) < 30*time.Second; time.Sleep(100 * time.Millisecond) {
		resp, err := http.Get(s.base + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s, nil
			}
		}
	}
	s.stop()
	return nil, errors.New("csakg did not become ready in 30s")
}

func (s *server) stop() { stopProcess(s.cmd, 15*time.Second) }

// stopProcess interrupts a server the benchmark started, and kills it
// when it has not ended after grace.
func stopProcess(cmd *exec.Cmd, grace time.Duration) {
	cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(grace):
		cmd.Process.Kill()
	}
}

func (s *server) post(c *http.Client, r request) error {
	// The load generator does as little as it can per request, as the
	// floor's bare driver does: bodies are encoded once, buffers reused.
	b, ok := bodies.Load(r.Name)
	if !ok {
		enc, _ := json.Marshal(map[string]any{"query": r.Query, "variables": r.Vars})
		b, _ = bodies.LoadOrStore(r.Name, enc)
	}
	resp, err := c.Post(s.base+"/graphql", "application/json", bytes.NewReader(b.([]byte)))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	buf := readBufs.Get().(*bytes.Buffer)
	defer func() { buf.Reset(); readBufs.Put(buf) }()
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || bytes.Contains(buf.Bytes(), []byte(`"errors"`)) {
		return fmt.Errorf("%s: %d %s", r.Name, resp.StatusCode, buf.Bytes())
	}
	return nil
}

var (
	bodies   sync.Map // request name -> encoded body
	readBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}
)

// cypherQueries reads csakg_cypher_queries_total from /metrics.
func (s *server) cypherQueries(c *http.Client) int64 {
	resp, err := c.Get(s.base + "/metrics")
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	var total int64
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "csakg_cypher_queries_total{") {
			f := strings.Fields(line)
			v, _ := strconv.ParseFloat(f[len(f)-1], 64)
			total += int64(v)
		}
	}
	return total
}

// cpu returns the server's user+system CPU time so far.
func (s *server) cpu() time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	// Fields after the command name, which is in parentheses.
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+2:]))
	utime, _ := strconv.ParseInt(f[11], 10, 64)
	stime, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(utime+stime) * time.Second / 100 // USER_HZ is 100 on Linux
}

// peakRSS returns the server's peak resident set size, in bytes.
func (s *server) peakRSS() int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			kb, _ := strconv.ParseInt(strings.Fields(line)[1], 10, 64)
			return kb * 1024
		}
	}
	return 0
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f", float64(d.Microseconds())/1000) }

func renderReport(c config, rows []row, cpu time.Duration, rss int64) string {
	var b strings.Builder
	cpuModel := "unknown"
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(line, "model name") {
				cpuModel = strings.TrimSpace(strings.SplitN(line, ":", 2)[1])
				break
			}
		}
	}
	other := "floor"
	if c.baseline != "" {
		other = "baseline"
	}
	fmt.Fprintf(&b, "## csakg benchmark\n\nMachine: %s, %d cores, %s %s/%s. Graph: generated, scale %d, seed %d. "+
		"Each cell: csakg and the %s in %d alternating rounds, up to max(%d, 20 × concurrency) requests and %v each. Latencies in ms.\n\n",
		cpuModel, runtime.NumCPU(), runtime.Version(), runtime.GOOS, runtime.GOARCH, c.scale, c.seed, other, rounds, c.n, c.maxTime)
	fmt.Fprintf(&b, "| request | conc | csakg p50 | p95 | p99 | req/s | %s p50 | p95 | p99 | req/s | p50 ratio | req/s ratio | round trips | errors |\n", other)
	fmt.Fprintln(&b, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %s | %.0f | %s | %s | %s | %.0f | %.2f | %.2f | %.2f | %d |\n",
			r.name, r.conc, ms(r.api.p50), ms(r.api.p95), ms(r.api.p99), r.api.throughput,
			ms(r.floor.p50), ms(r.floor.p95), ms(r.floor.p99), r.floor.throughput,
			float64(r.api.p50)/float64(max(r.floor.p50, 1)), r.api.throughput/max(r.floor.throughput, 1e-9),
			r.roundTrips, r.api.errors+r.floor.errors)
	}
	fmt.Fprintf(&b, "\nServer CPU time over the whole run: %v; server peak RSS: %.1f MB.\n", cpu.Round(time.Millisecond), float64(rss)/1e6)
	return b.String()
}

// soak runs the mix with c.clients clients for c.soak, and fails on any
// error or on memory that keeps growing: the server's RSS at the end may be
// at most half as much again as a quarter of the way in.
func soak(c config, srv *server, client *http.Client, reqs []request) error {
	deadline := time.Now().Add(c.soak)
	var count, errs atomic.Int64
	var mu sync.Mutex
	var lat []time.Duration
	var firstErr error
	var rssQuarter int64
	go func() {
		time.Sleep(c.soak / 4)
		rssQuarter = srv.rss()
	}()
	var wg sync.WaitGroup
	for w := range c.clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for i := w; time.Now().Before(deadline); i++ {
				t0 := time.Now()
				err := srv.post(client, reqs[i%len(reqs)])
				mine = append(mine, time.Since(t0))
				count.Add(1)
				if err != nil {
					errs.Add(1)
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	rssEnd := srv.rss()
	slices.Sort(lat)
	p99 := lat[min(len(lat)-1, len(lat)*99/100)]
	fmt.Printf("soak: %d clients for %v: %d requests (%.0f/s), %d errors, p50 %s ms, p99 %s ms; server RSS %.1f MB at a quarter, %.1f MB at the end, peak %.1f MB\n",
		c.clients, c.soak, count.Load(), float64(count.Load())/c.soak.Seconds(), errs.Load(), ms(lat[len(lat)/2]), ms(p99),
		float64(rssQuarter)/1e6, float64(rssEnd)/1e6, float64(srv.peakRSS())/1e6)
	if errs.Load() > 0 {
		return fmt.Errorf("soak: %d errors, first: %v", errs.Load(), firstErr)
	}
	if rssQuarter > 0 && rssEnd > rssQuarter*3/2 {
		return fmt.Errorf("soak: memory grew from %d to %d bytes", rssQuarter, rssEnd)
	}
	return nil
}

// rss returns the server's resident set size now, in bytes.
func (s *server) rss() int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			kb, _ := strconv.ParseInt(strings.Fields(line)[1], 10, 64)
			return kb * 1024
		}
	}
	return 0
}
