package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"csakg/graphmodel"
	"csakg/internal/neo4jtest"
	"csakg/store"
)

var (
	fuzzOnce  sync.Once
	fuzzStore *store.Store
)

// fuzzDB is one store with a small graph, shared by a fuzz run's inputs.
func fuzzDB(t *testing.T) *store.Store {
	fuzzOnce.Do(func() {
		st, err := store.Open(neo4jtest.Config(t))
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		if err := st.Wipe(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Load(ctx, fixture()); err != nil {
			t.Fatal(err)
		}
		fuzzStore = st
	})
	if fuzzStore == nil {
		t.Skip("no store")
	}
	return fuzzStore
}

// FuzzSearchText checks that no text a person can type makes the full-text
// query fail: SearchQuery must escape everything Lucene would parse.
func FuzzSearchText(f *testing.F) {
	for _, s := range []string{"C++ (IoT) \"zero trust", "AND OR NOT", "*", "\\", "a:b", "~2^3", "[a TO b]", "{}", "/re/", "&&||!", "ゼロ トラスト", "\x00", "-", "?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		q := store.SearchQuery(text)
		if q == "" {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, err := fuzzDB(t).Search(ctx, q, nil, 5, nil); err != nil {
			t.Fatalf("search %q (lucene %q): %v", text, q, err)
		}
	})
}

// FuzzCursor checks that any string given as a cursor is either refused as
// malformed or pages without a database error.
func FuzzCursor(f *testing.F) {
	for _, s := range []string{"", "WyJhIiwiYiJd", store.Cursor{"Acme", "org:acme"}.Encode(), store.Cursor{1, 2}.Encode(), "%%%", "W251bGwsbnVsbF0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := store.DecodeCursor(s, 2)
		if err != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_, err = fuzzDB(t).List(ctx, graphmodel.Person, store.Filter{}, store.NameAsc, store.Page{First: 2, After: c}, true, nil)
		if err != nil && !errors.Is(err, store.ErrTimeout) {
			t.Fatalf("cursor %q (%v): %v", s, c, err)
		}
	})
}
