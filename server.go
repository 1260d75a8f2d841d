// Command csakg serves a knowledge graph of cloud-security standards work
// over GraphQL, and loads source texts into it.
//
//	csakg [serve] [flags]        serve GraphQL, GraphiQL and the health checks
//	csakg load [flags] PATH...   load texts (files or folders) into Neo4j
//	csakg gen [flags]            make a synthetic graph (JSON, or --load it)
//	csakg eval [flags] DIR       score the loader against DIR/expect.json
//
// Every flag has an environment variable; see the README for the table.
package main

//go:generate go run ./internal/modelgen
//go:generate go run ./internal/gqlgen

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"os/signal"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/rs/cors"

	"csakg/graph"
	"csakg/httpx"
	"csakg/obs"
	"csakg/store"
	"csakg/web"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "csakg:", err)
		}
		os.Exit(exitCode(err))
	}
}

// run dispatches to a subcommand; serve is the default.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cmd := "serve"
	if len(args) > 0 && (args[0] == "serve" || args[0] == "load" || args[0] == "gen" || args[0] == "eval") {
		cmd, args = args[0], args[1:]
	}
	cfg, rest, err := parseConfig(cmd, args, os.Getenv, stderr)
	if err != nil {
		return usageError{err}
	}
	log := newLogger(stderr, cfg.LogFormat)
	switch cmd {
	case "load":
		return runLoad(ctx, cfg, rest, stdout, stderr, log)
	case "eval":
		return runEval(cfg, rest, stdout, stderr)
	case "gen":
		if len(rest) > 0 {
			return usageError{fmt.Errorf("gen: unexpected argument %q", rest[0])}
		}
		return runGen(ctx, cfg, stdout, stderr, log)
	default:
		if len(rest) > 0 {
			return usageError{fmt.Errorf("serve: unexpected argument %q", rest[0])}
		}
		return serve(ctx, cfg, log)
	}
}

// usageError marks a mistake on the command line (exit status 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func exitCode(err error) int {
	var u usageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

// newLogger returns the logger; records logged with a request's context
// carry its request id.
func newLogger(w io.Writer, format string) *slog.Logger {
	var h slog.Handler = slog.NewTextHandler(w, nil)
	if format == "json" {
		h = slog.NewJSONHandler(w, nil)
	}
	return slog.New(obs.LogHandler{Handler: h})
}

// serve runs the HTTP server until ctx ends, then shuts down gracefully.
func serve(ctx context.Context, cfg config, log *slog.Logger) error {
	log.Info("starting csakg", "config", cfg)
	tuneGC(os.Getenv, log)
	st, err := store.Open(cfg.Neo4j)
	if err != nil {
		return err
	}
	st.SetLogger(log)
	if !cfg.WaitForNeo4j {
		pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		err := st.Ping(pctx)
		cancel()
		if err != nil {
			return fmt.Errorf("neo4j at %s as %q (--wait-for-neo4j=false): %w", store.RedactURI(cfg.Neo4j.URI), cfg.Neo4j.User, err)
		}
	}
	metrics := obs.NewMetrics()
	st.OnQuery(func(q store.QueryInfo) { metrics.ObserveQuery(q.Duration, q.Err) })
	defer func() {
		cctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := st.Close(cctx); err != nil {
			log.Warn("closing neo4j driver", "err", err)
		}
		log.Info("neo4j driver closed")
	}()

	// Requests run under their own context, not ctx: a shutdown signal must
	// let requests in flight finish. It ends only when the grace period does.
	reqCtx, endRequests := context.WithCancel(context.Background())
	defer endRequests()
	srv := &http.Server{
		Addr:              cfg.Addr,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       cfg.Limits.Timeout + 5*time.Second,
		WriteTimeout:      cfg.Limits.Timeout + 10*time.Second,
		IdleTimeout:       60 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return reqCtx },
	}
	// With sources to load, the server is not ready until they are: an
	// orchestrator must not send traffic to an empty graph.
	ready := &readiness{}
	if len(cfg.Sources) > 0 {
		ready.wait(reasonLoading)
	}
	h, err := routes(cfg, st, metrics, ready, log)
	if err != nil {
		return err
	}
	srv.Handler = h
	// The listener opens first so the address is known (and taken) before
	// the log says so.
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}

	// The work started below uses the driver: it ends (ctx cancelled
	// first, then waited for) before the driver is closed.
	var background sync.WaitGroup
	defer background.Wait()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	background.Go(func() { watchNeo4j(ctx, st, metrics) })
	background.Go(func() {
		// Neo4j may still be starting: the server answers meanwhile, and
		// /readyz says it is not ready.
		if err := st.WaitReady(ctx, log, true); err != nil {
			return
		}
		log.Info("neo4j reachable", "uri", store.RedactURI(cfg.Neo4j.URI))
		if len(cfg.Sources) > 0 {
			if err := loadSources(ctx, cfg, st, log); err != nil {
				cancel(fmt.Errorf("loading sources at start: %w", err))
				return
			}
			ready.done()
			return
		}
		// A graph written by an older csakg gets its indexes now (a load
		// does this itself); with a read-only account this fails, and the
		// API still serves.
		if err := st.EnsureSchema(ctx); err != nil {
			log.Warn("could not bring the graph's indexes up to date", "err", err)
		}
	})

	if cfg.PprofAddr != "" {
		if err := servePprof(ctx, cfg.PprofAddr, log); err != nil {
			return err
		}
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info("serving", "graphiql", "http://"+ln.Addr().String()+"/", "graphql", "http://"+ln.Addr().String()+"/graphql")

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down: finishing in-flight requests")
	sctx, scancel := context.WithTimeout(context.Background(), cfg.Limits.Timeout+5*time.Second)
	defer scancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if cause := context.Cause(ctx); cause != nil && !errors.Is(cause, context.Canceled) {
		return cause
	}
	return nil
}

// watchNeo4j keeps the csakg_neo4j_up gauge current. Its pings feed the
// store's breaker too: while Neo4j is down it looks every half second, so
// queries are answered again soon after Neo4j is back.
func watchNeo4j(ctx context.Context, st *store.Store, m *obs.Metrics) {
	for {
		pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		if st.Ping(pctx) == nil {
			m.Neo4jUp.Set(1)
		} else {
			m.Neo4jUp.Set(0)
		}
		cancel()
		every := 5 * time.Second
		if st.Status().State != store.Up {
			every = 500 * time.Millisecond
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
	}
}

// loadSources is serve's initial load; a test holds it back to see the
// server wait.
var loadSources = loadAtStart

// reasonLoading is what /readyz says while serve loads its sources.
const reasonLoading = "loading sources"

// readiness is why the server is not ready yet, apart from Neo4j's
// answer: empty once it is.
type readiness struct{ reason atomic.Value }

func (r *readiness) wait(reason string) { r.reason.Store(reason) }
func (r *readiness) done()              { r.reason.Store("") }

func (r *readiness) why() string {
	s, _ := r.reason.Load().(string)
	return s
}

// routes builds the server's HTTP routes.
func routes(cfg config, st *store.Store, metrics *obs.Metrics, ready *readiness, log *slog.Logger) (http.Handler, error) {
	mux := http.NewServeMux()
	opt := graph.Options{
		Limits:        cfg.Limits,
		Introspection: cfg.Introspection,
		Metrics:       metrics,
	}
	if cfg.PersistedOnly {
		p, err := graph.LoadPersisted(cfg.PersistedFile)
		if err != nil {
			return nil, err
		}
		opt.Persisted = &p
	}
	gql := graph.NewHandler(&graph.Resolver{Store: st}, log, opt)
	if cfg.Metrics {
		mux.Handle("GET /metrics", metrics.Handler())
	}
	var api http.Handler = gql
	if cfg.RateLimit > 0 {
		api = httpx.NewRateLimiter(cfg.RateLimit, cfg.RateBurst).Middleware(gql)
	}
	mux.Handle("/graphql", api)
	if cfg.Playground {
		tabs, err := playgroundTabs(readme)
		if err != nil {
			return nil, err
		}
		pg := web.Playground(web.PlaygroundOptions{Endpoint: "/graphql", Tabs: tabs, Introspection: cfg.Introspection})
		mux.Handle("GET /{$}", pg)
		mux.Handle("GET /playground/", pg)
	}
	mux.Handle("GET /explore", web.Explorer())
	mux.Handle("GET /explore/", web.Explorer())
	mux.Handle("GET /export", web.Export(st, log))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := st.Ping(ctx); err != nil {
			log.Warn("readyz: neo4j unreachable", "err", err)
			w.WriteHeader(http.StatusServiceUnavailable)
			io.WriteString(w, "neo4j unavailable\n")
			return
		}
		if why := ready.why(); why != "" {
			w.WriteHeader(http.StatusServiceUnavailable)
			io.WriteString(w, why+"\n")
			return
		}
		io.WriteString(w, "ready\n")
	})
	co := cors.Options{
		AllowedOrigins: cfg.CORSOrigins,
		AllowedMethods: []string{http.MethodGet, http.MethodPost, http.MethodOptions},
		AllowedHeaders: []string{"Content-Type", "Authorization", "X-Request-ID"},
		ExposedHeaders: []string{"X-Request-ID"},
		MaxAge:         600,
	}
	if len(cfg.CORSOrigins) == 0 {
		// rs/cors reads an empty list as "any origin"; ours means none.
		co.AllowOriginFunc = func(string) bool { return false }
	}
	c := cors.New(co)
	return obs.WithRequestID(httpx.SecureHeaders(c.Handler(mux))), nil
}

// Garbage collector defaults for serve. A request allocates mostly
// short-lived values (the driver's records, the response), so a collection
// finds little to keep; collecting less often saves CPU under load, and the
// soft memory limit keeps the heap, and so the process, bounded. GOGC and
// GOMEMLIMIT, when set, win.
const (
	serveGCPercent   = 400
	serveMemoryLimit = 96 << 20
)

func tuneGC(getenv func(string) string, log *slog.Logger) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(serveGCPercent)
		log.Info("garbage collector", "gogc", serveGCPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(serveMemoryLimit)
		log.Info("garbage collector", "gomemlimit_bytes", serveMemoryLimit)
	}
}

// servePprof serves Go's profiler on addr, apart from the API, until ctx
// ends. Profiles show the process's internals: keep addr on loopback.
func servePprof(ctx context.Context, addr string, log *slog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("pprof: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	context.AfterFunc(ctx, func() { srv.Close() })
	log.Info("profiler", "url", "http://"+ln.Addr().String()+"/debug/pprof/")
	return nil
}
