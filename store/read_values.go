package store

import (
	"fmt"

	"csakg/loader"
)

// This file turns the values the driver returns into Go values.

func evidence(m map[string]any) loader.Evidence {
	line, _ := m["line"].(int64)
	return loader.Evidence{Source: str(m["source"]), Line: int(line), Excerpt: str(m["excerpt"]), Rule: str(m["rule"])}
}

func str(v any) string {
	if v == nil {
		return ""
	}
	if s, ok := v.(string); ok {
		return s
	}
	return fmt.Sprint(v)
}

func strs(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		out = append(out, str(x))
	}
	return out
}
