package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"csakg/eval"
	"csakg/graph"
	"csakg/store"
)

// config is every setting of csakg, filled from flags and environment in
// main and passed down. Flags win over the environment.
type config struct {
	Addr          string
	Neo4j         store.Config
	CORSOrigins   []string
	Sources       []string            // loaded by serve at start
	Curation      string              // optional curation file for loads
	Limits        graph.RequestLimits // serve: the bounds on one request
	RateLimit     float64             // requests per second per client; 0 turns limiting off
	RateBurst     int
	Metrics       bool
	PersistedFile string // with PersistedOnly, the only queries accepted
	PersistedOnly bool
	Playground    bool
	Introspection bool
	WaitForNeo4j  bool   // serve: start without Neo4j and wait for it; false exits 1 when Neo4j fails at start
	PprofAddr     string // where to serve net/http/pprof; empty: nowhere
	LogFormat     string
	DryRun        bool   // load only
	Explain       bool   // load only: list merges and the rules behind facts
	Blocks        bool   // load only: print each text's blocks, write nothing
	GenScale      int    // gen only
	GenSeed       uint64 // gen only
	GenLoad       bool   // gen only: write to Neo4j instead of stdout
	TxRows        int    // load and gen: commit every TxRows rows; 0 is one transaction
	Writers       int    // load and gen: transactions a batched load runs at once
	Eval          evalConfig
}

// evalConfig holds the flags of csakg eval.
type evalConfig struct {
	Expect     string // expectation file; empty is DIR/expect.json
	Verbose    bool   // list every miss
	JSON       bool   // print the report as JSON
	Thresholds eval.Thresholds
}

// LogValue implements slog.LogValuer; the Neo4j password stays redacted.
func (c config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("addr", c.Addr),
		slog.Any("neo4j", c.Neo4j),
		slog.Any("cors_origins", c.CORSOrigins),
		slog.Any("sources", c.Sources),
		slog.String("curation", c.Curation),
		slog.Duration("request_timeout", c.Limits.Timeout),
		slog.Int64("max_body_bytes", c.Limits.MaxBodyBytes),
		slog.Float64("rate_limit", c.RateLimit),
		slog.Int("rate_burst", c.RateBurst),
		slog.Bool("metrics", c.Metrics),
		slog.Bool("persisted_only", c.PersistedOnly),
		slog.Bool("playground", c.Playground),
		slog.Bool("introspection", c.Introspection),
		slog.String("pprof_addr", c.PprofAddr),
		slog.Bool("wait_for_neo4j", c.WaitForNeo4j),
	)
}

// parseConfig reads the environment (through getenv), then the flags of cmd.
// It returns the remaining arguments.
func parseConfig(cmd string, args []string, getenv func(string) string, stderr io.Writer) (config, []string, error) {
	var c config
	e := &envReader{getenv: getenv}
	fs := flag.NewFlagSet("csakg "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var origins, sources string
	commonFlags(fs, &c, cmd, e)
	switch cmd {
	case "serve":
		serveFlags(fs, &c, e, &origins, &sources)
	case "gen":
		genFlags(fs, &c, e)
	case "eval":
		evalFlags(fs, &c.Eval, stderr)
	default:
		loadFlags(fs, &c, e)
	}
	if err := fs.Parse(args); err != nil {
		return c, nil, err
	}
	if len(e.errs) > 0 {
		return c, nil, e.errs[0]
	}
	c.CORSOrigins = splitList(origins)
	c.Sources = splitList(sources)
	if err := checkConfig(cmd, c); err != nil {
		return c, nil, err
	}
	return c, fs.Args(), nil
}

// envReader reads environment variables as flag defaults, keeping the
// first malformed value's error for parseConfig to return.
type envReader struct {
	getenv func(string) string
	errs   []error
}

func (e *envReader) str(k, def string) string {
	if v := e.getenv(k); v != "" {
		return v
	}
	return def
}

func (e *envReader) bool(k string, def bool) bool {
	v := e.getenv(k)
	if v == "" {
		return def
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		e.errs = append(e.errs, fmt.Errorf("%s: %q is not a boolean", k, v))
	}
	return b
}

func (e *envReader) duration(k string, def time.Duration) time.Duration {
	v := e.getenv(k)
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil {
		e.errs = append(e.errs, fmt.Errorf("%s: %q is not a duration", k, v))
	}
	return d
}

func (e *envReader) float(k string, def float64) float64 {
	v := e.getenv(k)
	if v == "" {
		return def
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 0 {
		e.errs = append(e.errs, fmt.Errorf("%s: %q is not a non-negative number", k, v))
	}
	return f
}

// commonFlags are the flags of every command: Neo4j (but for eval, which
// builds graphs in memory only), curation and log format.
func commonFlags(fs *flag.FlagSet, c *config, cmd string, e *envReader) {
	if cmd != "eval" {
		fs.StringVar(&c.Neo4j.URI, "neo4j-uri", e.str("NEO4J_URI", "bolt://127.0.0.1:7687"), "Neo4j URI (bolt://, neo4j://, neo4j+s://) [NEO4J_URI]")
		fs.StringVar(&c.Neo4j.User, "neo4j-user", e.str("NEO4J_USER", "neo4j"), "Neo4j user [NEO4J_USER]")
		c.Neo4j.Password = store.Secret(e.str("NEO4J_PASSWORD", "csakg-local"))
		fs.StringVar(&c.Neo4j.Database, "neo4j-database", e.str("NEO4J_DATABASE", ""), "Neo4j database; empty for the server's default [NEO4J_DATABASE]")
	}
	fs.StringVar(&c.Curation, "curation", e.str("CSAKG_CURATION", ""), "curation file of aliases and merges [CSAKG_CURATION]")
	fs.StringVar(&c.LogFormat, "log-format", e.str("CSAKG_LOG_FORMAT", "text"), "log format: text or json [CSAKG_LOG_FORMAT]")
}

func txRowsFlag(fs *flag.FlagSet, c *config, e *envReader) {
	fs.IntVar(&c.TxRows, "tx-rows", int(e.float("CSAKG_LOAD_TX_ROWS", 0)), "commit a load every this many rows, for graphs too large for one Neo4j transaction; 0 writes all or nothing in one [CSAKG_LOAD_TX_ROWS]")
	fs.IntVar(&c.Writers, "writers", int(e.float("CSAKG_LOAD_WRITERS", store.DefaultWriters)), "with --tx-rows: transactions written at once, each on a session of its own; 0 is the default [CSAKG_LOAD_WRITERS]")
}

// serveFlags are serve's flags; the request limits start at
// graph.DefaultLimits.
func serveFlags(fs *flag.FlagSet, c *config, e *envReader, origins, sources *string) {
	fs.StringVar(&c.Addr, "addr", e.str("CSAKG_ADDR", "127.0.0.1:8080"), "listen address [CSAKG_ADDR]")
	fs.StringVar(origins, "cors-origins", e.str("CSAKG_CORS_ORIGINS", ""), "comma-separated origins allowed by CORS; empty allows none but the server's own [CSAKG_CORS_ORIGINS]")
	fs.StringVar(sources, "load", e.str("CSAKG_SOURCES", ""), "comma-separated files or folders to load at start [CSAKG_SOURCES]")
	c.Limits = graph.DefaultLimits
	fs.DurationVar(&c.Limits.Timeout, "request-timeout", e.duration("CSAKG_REQUEST_TIMEOUT", c.Limits.Timeout), "time limit of one request, Cypher included [CSAKG_REQUEST_TIMEOUT]")
	fs.Int64Var(&c.Limits.MaxBodyBytes, "max-body-bytes", c.Limits.MaxBodyBytes, "largest request body accepted")
	fs.Float64Var(&c.RateLimit, "rate-limit", e.float("CSAKG_RATE_LIMIT", 50), "GraphQL requests per second per client IP; 0 turns limiting off [CSAKG_RATE_LIMIT]")
	fs.IntVar(&c.RateBurst, "rate-burst", int(e.float("CSAKG_RATE_BURST", 100)), "requests a client may send at once above the rate [CSAKG_RATE_BURST]")
	fs.StringVar(&c.PersistedFile, "persisted-queries", e.str("CSAKG_PERSISTED_QUERIES", ""), "JSON file of known queries (array of query texts) [CSAKG_PERSISTED_QUERIES]")
	fs.BoolVar(&c.PersistedOnly, "persisted-only", e.bool("CSAKG_PERSISTED_ONLY", false), "accept only the queries of --persisted-queries [CSAKG_PERSISTED_ONLY]")
	fs.BoolVar(&c.Metrics, "metrics", e.bool("CSAKG_METRICS", true), "serve Prometheus metrics at /metrics [CSAKG_METRICS]")
	fs.BoolVar(&c.Playground, "playground", e.bool("CSAKG_PLAYGROUND", true), "serve GraphiQL at / [CSAKG_PLAYGROUND]")
	fs.BoolVar(&c.Introspection, "introspection", e.bool("CSAKG_INTROSPECTION", true), "allow schema introspection [CSAKG_INTROSPECTION]")
	fs.BoolVar(&c.WaitForNeo4j, "wait-for-neo4j", e.bool("CSAKG_WAIT_FOR_NEO4J", true), "start while Neo4j is down or refuses the credentials, and keep trying; false exits 1 when it does at start [CSAKG_WAIT_FOR_NEO4J]")
	fs.StringVar(&c.PprofAddr, "pprof-addr", e.str("CSAKG_PPROF_ADDR", ""), "serve Go's profiler (net/http/pprof) on this address, e.g. 127.0.0.1:6060; off when empty [CSAKG_PPROF_ADDR]")
}

func genFlags(fs *flag.FlagSet, c *config, e *envReader) {
	fs.IntVar(&c.GenScale, "scale", 1, "size, in multiples of the source texts' graph")
	fs.Uint64Var(&c.GenSeed, "seed", 1, "random seed; the same seed and scale give the same graph")
	fs.BoolVar(&c.GenLoad, "load", false, "load the graph into Neo4j instead of printing it")
	txRowsFlag(fs, c, e)
}

func loadFlags(fs *flag.FlagSet, c *config, e *envReader) {
	txRowsFlag(fs, c, e)
	fs.BoolVar(&c.DryRun, "dry-run", false, "print the extracted graph as JSON and write nothing")
	fs.BoolVar(&c.Blocks, "blocks", false, "print each file's format, encoding and the blocks the loader reads in it, and write nothing")
	fs.BoolVar(&c.Explain, "explain", false, "list every merge of two names into one entity, with its reason, and the rule behind each fact")
}

// checkConfig checks what flags alone cannot: values that depend on
// others, and ranges.
func checkConfig(cmd string, c config) error {
	if c.PersistedOnly && c.PersistedFile == "" {
		return fmt.Errorf("persisted-only: needs --persisted-queries FILE")
	}
	if cmd == "gen" && (c.GenScale < 1 || c.GenScale > 10000) {
		return fmt.Errorf("scale: %d is out of range 1 to 10000", c.GenScale)
	}
	if c.TxRows < 0 {
		return fmt.Errorf("tx-rows: %d is negative", c.TxRows)
	}
	if c.Writers < 0 {
		return fmt.Errorf("writers: %d is negative", c.Writers)
	}
	if err := checkEvalFlags(c.Eval.Thresholds); cmd == "eval" && err != nil {
		return err
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return fmt.Errorf("log-format: %q is not text or json", c.LogFormat)
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// limitRows are the limits serve applies with c, as the README's Limits
// table lists them: the request's (graph.RequestLimits) and the rate
// limit, which comes before the handler.
func limitRows(c config) []graph.LimitRow {
	return append(c.Limits.Rows(), graph.LimitRow{
		Limit: "requests per client IP",
		Value: fmt.Sprintf("`--rate-limit` / `--rate-burst`, %g / s, %d at once", c.RateLimit, c.RateBurst),
		Code:  "HTTP 429, `RATE_LIMITED`",
	})
}
