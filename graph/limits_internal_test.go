package graph

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// doublingFragments is a query whose fragments each spread the next one
// twice, n deep: 2^(n-1) fields once expanded, in a text of a few hundred
// bytes.
func doublingFragments(n int) string {
	var b strings.Builder
	b.WriteString("{ ...F0 }\n")
	for i := range n - 1 {
		fmt.Fprintf(&b, "fragment F%d on Query { ...F%d ...F%d }\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "fragment F%d on Query { __typename }\n", n-1)
	return b.String()
}

// written counts the selections of a document as written, spreads not
// followed: the most a linear measure may visit.
func written(doc *ast.QueryDocument) int {
	var count func(ast.SelectionSet) int
	count = func(set ast.SelectionSet) int {
		n := len(set)
		for _, sel := range set {
			switch x := sel.(type) {
			case *ast.Field:
				n += count(x.SelectionSet)
			case *ast.InlineFragment:
				n += count(x.SelectionSet)
			}
		}
		return n
	}
	n := 0
	for _, op := range doc.Operations {
		n += count(op.SelectionSet)
	}
	for _, f := range doc.Fragments {
		n += count(f.SelectionSet)
	}
	return n
}

func TestMeasureIsLinear(t *testing.T) {
	repeated := "{ " + strings.Repeat("__typename ", 14000) + "}"
	tests := []struct {
		name   string
		query  string
		fields int
		depth  int
	}{
		{"fragments spread twice, 30 deep", doublingFragments(30), 1 << 29, 1},
		{"fragments spread twice, 60 deep", doublingFragments(60), costCap, 1},
		{"__typename 14,000 times", repeated, 14000, 1},
		{"unused fragment of 14,000 fields", "{ __typename } fragment U on Query { " + strings.Repeat("__typename ", 14000) + "}", 14001, 1},
		{"fragment spreading itself", "{ ...A } fragment A on Query { __typename ...A ...A }", 1, 1},
		{"cycle of two, doubled", "{ ...A } fragment A on Query { ...B ...B } fragment B on Query { __typename ...A ...A }", 2, 1},
		{"nested through fragments", "{ stats { ...S } } fragment S on Stats { labels { ...C } } fragment C on Count { name count }", 4, 3},
		{"spread of an unknown fragment", "{ ...Nowhere __typename }", 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parser.ParseQuery(&ast.Source{Input: tt.query})
			if err != nil {
				t.Fatal(err)
			}
			m := newMeasure(doc, nil)
			got := m.document()
			if got.fields != tt.fields || got.depth != tt.depth {
				t.Errorf("fields %d, depth %d; want %d, %d", got.fields, got.depth, tt.fields, tt.depth)
			}
			if limit := written(doc); m.visits > limit {
				t.Errorf("visited %d selections; the document has %d", m.visits, limit)
			}
		})
	}
}

// FuzzMeasure builds a document of fragments that spread each other as the
// input says, and checks the memoised measure against a plain expansion
// (where that expansion is small enough to do) and its visits against the
// document's length. Spreads go to later fragments only, except where the
// input asks for a cycle, whose second pass counts nothing.
func FuzzMeasure(f *testing.F) {
	f.Add([]byte{3, 1, 2, 2, 0, 1})
	f.Add([]byte{30, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1})
	f.Add([]byte{5, 0xff, 0x81, 0x42, 0x07})
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) == 0 {
			return
		}
		query, acyclic := fragmentGraph(in)
		doc, err := parser.ParseQuery(&ast.Source{Input: query})
		if err != nil {
			t.Fatalf("generated query does not parse: %v\n%s", err, query)
		}
		m := newMeasure(doc, nil)
		got := m.set(doc.Operations[0].SelectionSet)
		if limit := written(doc); m.visits > limit {
			t.Fatalf("visited %d selections; the document has %d\n%s", m.visits, limit, query)
		}
		if got.fields < 0 || got.fields > costCap {
			t.Fatalf("fields %d out of range", got.fields)
		}
		if !acyclic {
			return
		}
		budget := 1 << 16
		want, ok := expand(doc, doc.Operations[0].SelectionSet, &budget)
		if ok && want != got.fields {
			t.Fatalf("measure says %d fields, expansion %d\n%s", got.fields, want, query)
		}
	})
}

// fragmentGraph turns bytes into a document: the first byte is the number of
// fragments (1 to 40), each next byte one fragment's body: bit 0 a field,
// bits 1-6 spreads of the fragments 1 to 6 after it, bit 7 a spread of the
// first fragment (a cycle back).
func fragmentGraph(in []byte) (string, bool) {
	n := int(in[0])%40 + 1
	var b strings.Builder
	b.WriteString("{ __typename ...F0 }\n")
	acyclic := true
	for i := range n {
		var body byte = 1
		if 1+i < len(in) {
			body = in[1+i]
		}
		fmt.Fprintf(&b, "fragment F%d on Query {", i)
		if body&1 != 0 {
			b.WriteString(" __typename")
		}
		for k := 1; k <= 6; k++ {
			if body&(1<<k) != 0 && i+k < n {
				fmt.Fprintf(&b, " ...F%d", i+k)
			}
		}
		if body&0x80 != 0 {
			b.WriteString(" ...F0")
			acyclic = false
		}
		b.WriteString(" __typename }\n")
	}
	return b.String(), acyclic
}

// expand counts fields by following every spread, as the measure did
// before it kept a memo; it gives up (false) once budget visits are spent.
func expand(doc *ast.QueryDocument, set ast.SelectionSet, budget *int) (int, bool) {
	n := 0
	for _, sel := range set {
		if *budget--; *budget < 0 {
			return 0, false
		}
		var c int
		ok := true
		switch x := sel.(type) {
		case *ast.Field:
			c, ok = expand(doc, x.SelectionSet, budget)
			c++
		case *ast.FragmentSpread:
			if def := doc.Fragments.ForName(x.Name); def != nil {
				c, ok = expand(doc, def.SelectionSet, budget)
			}
		}
		if !ok {
			return 0, false
		}
		n += c
	}
	return n, true
}

func TestRepeats(t *testing.T) {
	tests := []struct {
		query string
		key   string
		n     int
	}{
		{"{ __typename }", "__typename", 1},
		{"{ a: __typename a: __typename b: __typename }", "a", 2},
		{"{ x: stats { entities } x: stats { entities entities } }", "entities", 3},
		{"{ ...F ...F ... on Query { ...F } } fragment F on Query { __typename }", "__typename", 3},
		{"{ s: stats { ...C ...C } } fragment C on Stats { n: entities n: entities }", "n", 4},
		{"{ ...A } fragment A on Query { __typename ...A }", "__typename", 1},
		{"{ __typename } fragment U on Query { t: __typename t: __typename }", "t", 2},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			doc, err := parser.ParseQuery(&ast.Source{Input: tt.query})
			if err != nil {
				t.Fatal(err)
			}
			if key, n := newMeasure(doc, nil).repeats(); key != tt.key || n != tt.n {
				t.Errorf("repeats = %q %d, want %q %d", key, n, tt.key, tt.n)
			}
		})
	}
}
