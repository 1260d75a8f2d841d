package graph

import (
	"fmt"
	"time"

	"csakg/store"
)

// RequestLimits are the bounds serve puts on one GraphQL request. Every
// limit of a request is a field here or a constant below, and nowhere
// else; config.go fills the fields from serve's flags, and the README's
// Limits table is checked against Rows (TestReadmeLimits). A zero field is
// its default (DefaultLimits), except Timeout and MaxBodyBytes, where zero
// is no limit (tests that want none).
type RequestLimits struct {
	Timeout      time.Duration // the whole request, Neo4j's transaction included
	MaxBodyBytes int64         // request body, declared or chunked
	MaxDepth     int           // deepest nesting of fields
	MaxCost      int           // see Limits
	MaxFields    int           // see Limits
	MaxRepeats   int           // see Limits
}

// DefaultLimits are serve's limits when no flag sets them.
var DefaultLimits = RequestLimits{
	Timeout:      10 * time.Second,
	MaxBodyBytes: 1 << 20,
	MaxDepth:     15,
	MaxCost:      100000,
	MaxFields:    1000,
	// The fields that give one response key are compared pairwise by
	// gqlparser's validation: 1,000 of them take 100 ms.
	MaxRepeats: 32,
}

// Limits of the API itself: the schema's descriptions state them ("at most
// 100"), so they are not settable.
const (
	MaxFirst      = 100           // the largest page a list may ask for
	MaxIDs        = 100           // the most ids nodes(ids:) takes
	MaxSearchText = 200           // the longest search text, in characters
	MaxHops       = store.MaxHops // the longest path paths(maxHops:) finds
	MaxTokens     = 15000         // the parser's work on one query
	// RelFilterCost is what one relationship filter adds to a request's
	// cost (see Limits): Neo4j may read the relationships of every
	// candidate of the list, and a filter nested in it does that again
	// for each entity reached, so each level multiplies. One level costs
	// 200, two 40,200, three are refused at the default MaxCost.
	RelFilterCost = 200
)

// withDefaults returns l with every zero field that has a default set to it.
func (l RequestLimits) withDefaults() RequestLimits {
	d := DefaultLimits
	for _, x := range []struct {
		v   *int
		def int
	}{
		{&l.MaxDepth, d.MaxDepth}, {&l.MaxCost, d.MaxCost}, {&l.MaxFields, d.MaxFields}, {&l.MaxRepeats, d.MaxRepeats},
	} {
		if *x.v == 0 {
			*x.v = x.def
		}
	}
	return l
}

// LimitRow is one limit as the README's table shows it.
type LimitRow struct{ Limit, Value, Code string }

// Rows are the limits l applies, in the README's words and order.
func (l RequestLimits) Rows() []LimitRow {
	l = l.withDefaults()
	return []LimitRow{
		{"request time-out (Neo4j's transaction is ended too)", fmt.Sprintf("`--request-timeout`, %s", l.Timeout), "`TIMEOUT`"},
		{"request body, declared or chunked", fmt.Sprintf("`--max-body-bytes`, %d MiB", l.MaxBodyBytes>>20), "HTTP 413"},
		{"nesting depth", fmt.Sprintf("%d fields", l.MaxDepth), "`COMPLEXITY_LIMIT`"},
		{fmt.Sprintf("cost: each field 1, times the `first` of the lists above it; each level of a relationship filter %d", RelFilterCost), thousands(l.MaxCost), "`COMPLEXITY_LIMIT`"},
		{"fields in the document, aliases and fragments expanded (all operations, and fragments none spreads)", thousands(l.MaxFields), "`COMPLEXITY_LIMIT`"},
		{"fields that give one response key (`{ a: name a: name }` is 2), fragments merged", thousands(l.MaxRepeats), "`COMPLEXITY_LIMIT`"},
		{"`first` on any list", fmt.Sprintf("0 to %d", MaxFirst), "`BAD_USER_INPUT`"},
		{"ids of `nodes`", fmt.Sprintf("%d", MaxIDs), "`BAD_USER_INPUT`"},
		{"`search` text", fmt.Sprintf("%d characters", MaxSearchText), "`BAD_USER_INPUT`"},
		{"`paths` length (`maxHops`)", fmt.Sprintf("1 to %d", MaxHops), "`BAD_USER_INPUT`"},
		{"query tokens (parser)", thousands(MaxTokens), "`GRAPHQL_PARSE_FAILED`"},
	}
}

// thousands writes n with commas: 100,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
