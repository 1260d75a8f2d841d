// Package obs is csakg's observability: Prometheus metrics and request ids
// that follow a request through its log lines.
package obs

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"regexp"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are csakg's Prometheus metrics, on a registry of their own.
type Metrics struct {
	Registry *prometheus.Registry

	Requests       *prometheus.CounterVec   // operation, outcome
	RequestSeconds *prometheus.HistogramVec // operation
	Errors         *prometheus.CounterVec   // code
	Answers        *prometheus.CounterVec   // path: direct or executor
	Queries        *prometheus.CounterVec   // outcome
	QuerySeconds   prometheus.Histogram
	Neo4jUp        prometheus.Gauge
}

// NewMetrics registers csakg's metrics and the Go runtime's.
func NewMetrics() *Metrics {
	m := &Metrics{
		Registry: prometheus.NewRegistry(),
		Requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "csakg_graphql_requests_total", Help: "GraphQL operations by operation name and outcome (ok or an error code).",
		}, []string{"operation", "outcome"}),
		RequestSeconds: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "csakg_graphql_request_seconds", Help: "GraphQL operation latency.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"operation"}),
		Errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "csakg_graphql_errors_total", Help: "GraphQL errors by extensions.code.",
		}, []string{"code"}),
		Answers: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "csakg_graphql_answers_total", Help: "GraphQL operations by how they were answered: direct (written from the compiled query's result) or executor (gqlgen's).",
		}, []string{"path"}),
		Queries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "csakg_cypher_queries_total", Help: "Cypher round trips to Neo4j by outcome.",
		}, []string{"outcome"}),
		QuerySeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "csakg_cypher_query_seconds", Help: "Cypher round-trip latency.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}),
		Neo4jUp: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "csakg_neo4j_up", Help: "1 when the last check reached Neo4j, 0 otherwise.",
		}),
	}
	m.Registry.MustRegister(m.Requests, m.RequestSeconds, m.Errors, m.Answers, m.Queries, m.QuerySeconds, m.Neo4jUp,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Handler serves the metrics in Prometheus's text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{Registry: m.Registry})
}

// ObserveQuery records one Cypher round trip.
func (m *Metrics) ObserveQuery(d time.Duration, err error) {
	outcome := "ok"
	if err != nil {
		outcome = "error"
	}
	m.Queries.WithLabelValues(outcome).Inc()
	m.QuerySeconds.Observe(d.Seconds())
}

type ctxKey struct{}

// RequestID returns the id of the request ctx belongs to, or "".
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(ctxKey{}).(string)
	return id
}

// acceptable is what a client-sent X-Request-ID may look like; anything
// else is replaced, so log lines stay clean.
var acceptable = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// WithRequestID gives each request an id (the client's X-Request-ID when it
// is sane, a new one otherwise), puts it in the context and echoes it in the
// response.
func WithRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-ID")
		if !acceptable.MatchString(id) {
			var b [8]byte
			rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		w.Header().Set("X-Request-ID", id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, id)))
	})
}

// LogHandler wraps a slog.Handler so that every record logged with a
// request's context carries its request_id.
type LogHandler struct{ slog.Handler }

// Handle implements slog.Handler.
func (h LogHandler) Handle(ctx context.Context, r slog.Record) error {
	if id := RequestID(ctx); id != "" {
		r.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, r)
}

// WithAttrs implements slog.Handler.
func (h LogHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return LogHandler{h.Handler.WithAttrs(as)}
}

// WithGroup implements slog.Handler.
func (h LogHandler) WithGroup(name string) slog.Handler { return LogHandler{h.Handler.WithGroup(name)} }
