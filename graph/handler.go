package graph

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

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
	Timeout       time.Duration // per request; cancels the Cypher too
	MaxBodyBytes  int64
	Introspection bool
	MaxDepth      int          // deepest nesting of fields; 0 for DefaultMaxDepth
	MaxCost       int          // see Limits; 0 for DefaultMaxCost
	MaxFields     int          // see Limits; 0 for DefaultMaxFields
	Metrics       *obs.Metrics // nil: no metrics
	// Persisted, when set, accepts only its queries; otherwise automatic
	// persisted queries let clients send a query's hash once it is known.
	Persisted *PersistedOnly
	// ExecutorOnly answers every request through gqlgen's executor, never
	// the direct writer (see directSchema); for comparing the two.
	ExecutorOnly bool
}

// Default limits.
const (
	DefaultMaxDepth  = 15
	DefaultMaxCost   = 100000
	DefaultMaxFields = 1000
	// maxTokens bounds the parser's work on one query.
	maxTokens = 15000
)

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
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.SetParserTokenLimit(maxTokens)
	srv.Use(Limits{
		MaxDepth:  cmp.Or(opt.MaxDepth, DefaultMaxDepth),
		MaxCost:   cmp.Or(opt.MaxCost, DefaultMaxCost),
		MaxFields: cmp.Or(opt.MaxFields, DefaultMaxFields),
	})
	if opt.Persisted != nil {
		srv.Use(*opt.Persisted)
	} else {
		srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	}
	if opt.Introspection {
		srv.Use(extension.Introspection{})
	}
	if opt.Metrics != nil {
		srv.Use(Metrics{opt.Metrics})
	}
	if opt.Timeout > 0 {
		srv.Use(deadline(opt.Timeout))
	}
	srv.SetErrorPresenter(ErrorPresenter(log))
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p))
		return &gqlerror.Error{Message: "internal error", Extensions: map[string]any{"code": CodeInternal}}
	})
	var h http.Handler = srv
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if opt.MaxBodyBytes > 0 {
			if req.ContentLength > opt.MaxBodyBytes {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusRequestEntityTooLarge)
				fmt.Fprintf(w, `{"errors":[{"message":"the request body is larger than %d bytes","extensions":{"code":%q}}]}`,
					opt.MaxBodyBytes, CodeBadUserInput)
				return
			}
			// A body without a declared length is cut at the limit.
			req.Body = http.MaxBytesReader(w, req.Body, opt.MaxBodyBytes)
		}
		h.ServeHTTP(w, req)
	})
}

// deadline bounds the work of answering an operation, Cypher included: the
// store passes what is left of it to Neo4j as the transaction time-out. It
// starts once the request is read and the operation validated, so a
// request that took long to arrive still gets its answer (or a TIMEOUT
// error), never an empty response.
type deadline time.Duration

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = deadline(0)

// ExtensionName implements graphql.HandlerExtension.
func (deadline) ExtensionName() string { return "Deadline" }

// Validate implements graphql.HandlerExtension.
func (deadline) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse implements graphql.ResponseInterceptor.
func (d deadline) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	ctx, cancel := context.WithTimeout(ctx, time.Duration(d))
	defer cancel()
	return next(ctx)
}
