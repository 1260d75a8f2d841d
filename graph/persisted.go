package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// PersistedOnly accepts only the queries it knows, for front-end apps in
// production: a client sends either one of those queries or, as with
// automatic persisted queries, only its SHA-256 in
// extensions.persistedQuery.sha256Hash. Anything else is refused with
// PERSISTED_QUERY_NOT_ALLOWED, before it is parsed.
type PersistedOnly struct {
	Known map[string]string // hex SHA-256 of the query text -> query text
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = PersistedOnly{}

// LoadPersisted reads a persisted-query file: a JSON array of query texts,
// or a JSON object of query texts keyed by anything (their keys are
// ignored; queries are known by their SHA-256).
func LoadPersisted(path string) (PersistedOnly, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return PersistedOnly{}, fmt.Errorf("persisted queries: %w", err)
	}
	var list []string
	if err := json.Unmarshal(data, &list); err != nil {
		var m map[string]string
		if err2 := json.Unmarshal(data, &m); err2 != nil {
			return PersistedOnly{}, fmt.Errorf("persisted queries %q: want a JSON array or object of query strings: %w", path, err)
		}
		for _, q := range m {
			list = append(list, q)
		}
	}
	p := PersistedOnly{Known: map[string]string{}}
	for _, q := range list {
		p.Known[QueryHash(q)] = q
	}
	return p, nil
}

// QueryHash is the hex SHA-256 of a query text, as automatic persisted
// queries name it.
func QueryHash(q string) string {
	sum := sha256.Sum256([]byte(q))
	return hex.EncodeToString(sum[:])
}

// ExtensionName implements graphql.HandlerExtension.
func (PersistedOnly) ExtensionName() string { return "PersistedOnly" }

// Validate implements graphql.HandlerExtension.
func (PersistedOnly) Validate(graphql.ExecutableSchema) error { return nil }

// MutateOperationParameters implements graphql.OperationParameterMutator.
func (p PersistedOnly) MutateOperationParameters(ctx context.Context, params *graphql.RawParams) *gqlerror.Error {
	if params.Query != "" {
		if _, ok := p.Known[QueryHash(params.Query)]; ok {
			return nil
		}
		return persistedError("only persisted queries are accepted here", "PERSISTED_QUERY_NOT_ALLOWED")
	}
	ext, _ := params.Extensions["persistedQuery"].(map[string]any)
	hash, _ := ext["sha256Hash"].(string)
	q, ok := p.Known[hash]
	if !ok {
		return persistedError("unknown persisted query", "PERSISTED_QUERY_NOT_FOUND")
	}
	params.Query = q
	return nil
}

func persistedError(msg, code string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": code}}
}
