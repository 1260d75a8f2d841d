package graph

import (
	"context"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"csakg/obs"
)

// Metrics records each GraphQL operation: its latency, and its outcome (ok,
// or the extensions.code of its first error), by operation name.
type Metrics struct{ M *obs.Metrics }

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = Metrics{}

// ExtensionName implements graphql.HandlerExtension.
func (Metrics) ExtensionName() string { return "Metrics" }

// Validate implements graphql.HandlerExtension.
func (Metrics) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse implements graphql.ResponseInterceptor.
func (m Metrics) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	start := time.Now()
	resp := next(ctx)
	name := "anonymous"
	if graphql.HasOperationContext(ctx) {
		if oc := graphql.GetOperationContext(ctx); oc.OperationName != "" && len(oc.OperationName) <= 64 {
			name = oc.OperationName
		}
	}
	outcome := "ok"
	if resp != nil {
		for i, e := range resp.Errors {
			code, _ := e.Extensions["code"].(string)
			if code == "" {
				code = CodeInternal
			}
			m.M.Errors.WithLabelValues(code).Inc()
			if i == 0 {
				outcome = code
			}
		}
	}
	m.M.Requests.WithLabelValues(name, outcome).Inc()
	m.M.RequestSeconds.WithLabelValues(name).Observe(time.Since(start).Seconds())
	return resp
}
