package store

import (
	"context"
	"fmt"
	"strings"
	"unicode"
)

// This file runs full-text search.

// Hit is one search result.
type Hit struct {
	Score  float64
	Texts  []string // name, aliases, description and location, for the snippet
	Record Record
}

// Search runs a full-text query (already in Lucene syntax, see
// SearchQuery) and returns the best hits of the given labels (all when
// empty).
func (s *Store) Search(ctx context.Context, lucene string, labels []string, first int, sel *Selection) ([]Hit, error) {
	if err := validLabels(labels); err != nil {
		return nil, err
	}
	if err := sel.Validate(); err != nil {
		return nil, err
	}
	c := newCompiler()
	typeCond := ""
	if len(labels) > 0 {
		typeCond = fmt.Sprintf(" WHERE any(l IN labels(node) WHERE l IN %s)", c.param(labels))
	}
	// The page is cut before the entities are read, so a word that
	// matches thousands of entities costs a sort of their scores, not
	// thousands of entity reads.
	q := fmt.Sprintf(`CALL db.index.fulltext.queryNodes('%s', %s) YIELD node, score%s
WITH node, score ORDER BY score DESC, node.id LIMIT %s
RETURN score, %s AS texts, %s AS e
ORDER BY score DESC, node.id`, searchIndex, c.param(lucene), typeCond, c.param(first), searchTexts, c.entity("node", sel))
	recs, err := s.query(ctx, q, c.params)
	if err != nil {
		return nil, err
	}
	out := make([]Hit, 0, len(recs))
	for _, r := range recs {
		score, _ := r.Get("score")
		texts, _ := r.Get("texts")
		e, _ := r.Get("e")
		h := Hit{Record: e.(Record)}
		h.Score, _ = score.(float64)
		for _, t := range texts.([]any) {
			if s, ok := t.(string); ok {
				h.Texts = append(h.Texts, s)
			}
		}
		out = append(out, h)
	}
	return out, nil
}

// searchTexts is the list of the texts searchIndex covers, for snippets.
var searchTexts = func() string {
	parts := make([]string, len(searchProps))
	for i, p := range searchProps {
		if p == "aliases" {
			parts[i] = "coalesce(node.aliases, [])"
		} else {
			parts[i] = "coalesce([node." + p + "], [])"
		}
	}
	return strings.Join(parts, " + ")
}()

// Bounds on a search: Lucene builds an automaton per prefix term, and a
// huge one fails the query.
const (
	maxSearchWords    = 10
	maxSearchWordRune = 40
)

// SearchQuery turns text a person typed into a Lucene query that matches
// it literally: every word is a phrase, every character with a meaning in
// Lucene's syntax is escaped, and the last word also matches as a prefix.
// Words are cut to 40 characters and only the first 10 count. It returns
// "" when the text has no word to search for.
func SearchQuery(text string) string {
	text = strings.ToValidUTF8(text, "")
	words := strings.FieldsFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	})
	var terms []string
	for _, w := range words {
		if len(terms) == maxSearchWords {
			break
		}
		if r := []rune(w); len(r) > maxSearchWordRune {
			w = string(r[:maxSearchWordRune])
		}
		e := luceneEscape(w)
		if e == "" {
			continue
		}
		terms = append(terms, e)
	}
	if len(terms) == 0 {
		return ""
	}
	// Each word is a phrase: the index cuts Japanese text into pairs of
	// characters, and a phrase wants them all, in order (関西支部 finds
	// 関西支部, not every 支部). A Latin word is one term either way.
	for i, t := range terms {
		if i < len(terms)-1 {
			terms[i] = `"` + t + `"`
		}
	}
	last := terms[len(terms)-1]
	terms[len(terms)-1] = `("` + last + `" OR ` + last + "*)"
	return strings.Join(terms, " AND ")
}

func luceneEscape(w string) string {
	var b strings.Builder
	for _, r := range w {
		if strings.ContainsRune(`+-&|!(){}[]^"~*?:\/`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	s := b.String()
	// AND, OR and NOT are operators only in upper case.
	switch s {
	case "AND", "OR", "NOT":
		s = strings.ToLower(s)
	}
	if strings.Trim(s, `\`) == "" {
		return ""
	}
	return s
}
