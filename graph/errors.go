package graph

import (
	"context"
	"errors"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"csakg/graph/model"
	"csakg/store"
)

// Error codes carried in extensions.code.
const (
	CodeBadUserInput        = "BAD_USER_INPUT"
	CodeNotFound            = "NOT_FOUND"
	CodeDatabaseUnavailable = "DATABASE_UNAVAILABLE"
	CodeTimeout             = "TIMEOUT"
	CodeComplexityLimit     = "COMPLEXITY_LIMIT"
	CodeInternal            = "INTERNAL"
)

const errIntrospectionDisabled = "introspection disabled"

// ErrorPresenter returns the one function that turns resolver errors into
// GraphQL errors. Clients see a code and a safe message; the cause (Cypher,
// driver detail) goes to the log only.
func ErrorPresenter(log *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		gerr := graphql.DefaultErrorPresenter(ctx, err)
		var gqlErr *gqlerror.Error
		if errors.As(err, &gqlErr) && gqlErr.Err == nil {
			// Parse and validation errors from gqlgen itself: already safe.
			if gerr.Extensions == nil {
				gerr.Extensions = map[string]any{}
			}
			if _, ok := gerr.Extensions["code"]; !ok {
				gerr.Extensions["code"] = "GRAPHQL_VALIDATION_FAILED"
			}
			return gerr
		}
		code, msg := classify(err)
		if code == CodeInternal || code == CodeDatabaseUnavailable {
			// A deadline that cuts a connection short can surface as any
			// network or protocol error; past the deadline, it is a
			// time-out.
			if store.PastDeadline(ctx) {
				code, msg = classify(context.DeadlineExceeded)
			}
		}
		if code == CodeInternal || code == CodeDatabaseUnavailable || code == CodeTimeout {
			log.ErrorContext(ctx, "request failed", "code", code, "path", gerr.Path.String(), "err", err)
		}
		gerr.Message = msg
		gerr.Extensions = map[string]any{"code": code}
		return gerr
	}
}

func classify(err error) (code, msg string) {
	var in *model.InputError
	switch {
	case errors.As(err, &in):
		return CodeBadUserInput, in.Error()
	case innermost(err).Error() == errIntrospectionDisabled:
		// gqlgen's own error, which has nothing but its text.
		return CodeBadUserInput, "introspection is turned off on this server"
	case errors.Is(err, store.ErrNotFound):
		return CodeNotFound, "not found"
	case errors.Is(err, store.ErrTimeout), errors.Is(err, context.DeadlineExceeded):
		return CodeTimeout, "the request took too long and was cancelled"
	case errors.Is(err, store.ErrUnavailable):
		return CodeDatabaseUnavailable, "the graph database is unavailable; try again shortly"
	}
	return CodeInternal, "internal error"
}

// innermost returns the error at the end of err's chain.
func innermost(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}
