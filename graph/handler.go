package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"csakg/obs"
)

// Options are the limits and switches of the GraphQL endpoint.
type Options struct {
	Limits        RequestLimits
	Introspection bool
	Metrics       *obs.Metrics // nil: no metrics
	// Persisted, when set, accepts only its queries; otherwise automatic
	// persisted queries let clients send a query's hash once it is known.
	Persisted *PersistedOnly
	// ExecutorOnly answers every request through gqlgen's executor, never
	// the direct writer (see directSchema); for comparing the two.
	ExecutorOnly bool
	// GQLGenPOST answers POST requests with gqlgen's own transport, which
	// marshals the response a second time (see postJSON); for comparing
	// the two.
	GQLGenPOST bool
}

// NewHandler returns the GraphQL endpoint: GET and POST transports only,
// with csakg's error presenter, panic recovery, time-out and body limit.
func NewHandler(r *Resolver, log *slog.Logger, opt Options) http.Handler {
	var es graphql.ExecutableSchema = NewExecutableSchema(Config{Resolvers: r})
	if !opt.ExecutorOnly {
		es = newDirectSchema(es, r, log, opt.Metrics)
	}
	srv := handler.New(es)
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	if opt.GQLGenPOST {
		srv.AddTransport(transport.POST{})
	} else {
		srv.AddTransport(postJSON{})
	}
	srv.AddTransport(unsupported{})
	cache := lru.New[*ast.QueryDocument](1000)
	srv.SetQueryCache(cache)
	srv.SetParserTokenLimit(MaxTokens)
	if opt.Persisted != nil {
		srv.Use(*opt.Persisted)
	} else {
		srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	}
	// After the persisted queries, which may set the query text.
	lim := opt.Limits.withDefaults()
	srv.Use(Limits{
		MaxDepth:   lim.MaxDepth,
		MaxCost:    lim.MaxCost,
		MaxFields:  lim.MaxFields,
		MaxRepeats: lim.MaxRepeats,
		Schema:     es.Schema(),
		Cache:      cache,
	})
	if opt.Introspection {
		srv.Use(extension.Introspection{})
	}
	if opt.Metrics != nil {
		srv.Use(Metrics{opt.Metrics})
	}
	srv.SetErrorPresenter(ErrorPresenter(log))
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p))
		return &gqlerror.Error{Message: "internal error", Extensions: map[string]any{"code": CodeInternal}}
	})
	var h http.Handler = srv
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.Method == http.MethodPost {
			body, ok := readBody(w, req, lim.MaxBodyBytes, log)
			if !ok {
				return
			}
			req.Body = io.NopCloser(bytes.NewReader(body))
		}
		// The time limit covers parsing, validation and planning as well as
		// the Cypher (the store passes what is left of it to Neo4j as the
		// transaction time-out). It starts once the body is read, so a
		// request that took long to arrive still gets its answer or a
		// TIMEOUT error, never an empty response.
		if lim.Timeout > 0 {
			ctx, cancel := context.WithTimeout(req.Context(), lim.Timeout)
			defer cancel()
			req = req.WithContext(ctx)
		}
		h.ServeHTTP(w, req)
	})
}

// readBody reads a POST body whole, up to max bytes (0: no limit). On
// failure it answers the request itself: 413 for a body over the limit,
// declared or chunked, 408 for one that did not arrive in time, 400
// otherwise. The cause, socket addresses included, goes to the log only.
func readBody(w http.ResponseWriter, req *http.Request, limit int64, log *slog.Logger) ([]byte, bool) {
	tooLarge := func() ([]byte, bool) {
		writeError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the request body is larger than %d bytes", limit), CodeBadUserInput)
		return nil, false
	}
	if limit > 0 {
		if req.ContentLength > limit {
			return tooLarge()
		}
		req.Body = http.MaxBytesReader(w, req.Body, limit)
	}
	body, err := io.ReadAll(req.Body)
	var big *http.MaxBytesError
	switch {
	case err == nil:
		return body, true
	case errors.As(err, &big):
		return tooLarge()
	case errors.Is(err, os.ErrDeadlineExceeded):
		log.WarnContext(req.Context(), "reading the request body", "err", err)
		writeError(w, http.StatusRequestTimeout, "the request body did not arrive in time", CodeBadUserInput)
	default:
		log.WarnContext(req.Context(), "reading the request body", "err", err)
		writeError(w, http.StatusBadRequest, "the request body could not be read", CodeBadUserInput)
	}
	return nil, false
}

// writeError answers with one GraphQL error of the given code.
func writeError(w http.ResponseWriter, status int, msg, code string) {
	body, _ := json.Marshal(map[string]any{"errors": []any{map[string]any{"message": msg, "extensions": map[string]any{"code": code}}}})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(body)
}

// unsupported is the transport of last resort: a request that no other
// transport takes (a POST that is not JSON, another method) gets a coded
// error instead of gqlgen's bare "transport not supported".
type unsupported struct{}

var _ graphql.Transport = unsupported{}

// Supports implements graphql.Transport.
func (unsupported) Supports(*http.Request) bool { return true }

// Do implements graphql.Transport.
func (unsupported) Do(w http.ResponseWriter, r *http.Request, _ graphql.GraphExecutor) {
	if r.Method == http.MethodPost {
		writeError(w, http.StatusUnsupportedMediaType,
			fmt.Sprintf("a POST body must be JSON (Content-Type: application/json), not %q", r.Header.Get("Content-Type")), CodeBadUserInput)
		return
	}
	if r.Header.Get("Upgrade") != "" {
		writeError(w, http.StatusBadRequest, "protocol upgrades (websockets) are not served: use GET or POST", CodeBadUserInput)
		return
	}
	w.Header().Set("Allow", "GET, POST, OPTIONS")
	writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s: use GET or POST", r.Method), CodeBadUserInput)
}
