package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"csakg/internal/neo4jtest"
	"csakg/store"
)

// TestTimedOutQueryEndsOnNeo4j runs a query far slower than its deadline and
// checks that Neo4j itself stops running it, not only that the client gives
// up waiting.
func TestTimedOutQueryEndsOnNeo4j(t *testing.T) {
	st := neo4jtest.Empty(t)
	const marker = "csakg-timeout-test"
	slow := "UNWIND range(1, 4000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS n, '" + marker + "' AS marker"
	running := func() bool {
		qs, err := st.RunningQueries(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qs {
			if strings.Contains(q, marker) && !strings.Contains(q, "SHOW TRANSACTIONS") {
				return true
			}
		}
		return false
	}

	ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- st.QueryForTest(ctx, slow) }()

	// While it runs, Neo4j lists it: the check below can see it.
	seen := false
	for !seen && ctx.Err() == nil {
		seen = running()
		time.Sleep(20 * time.Millisecond)
	}
	if !seen {
		t.Fatal("the slow query never showed in SHOW TRANSACTIONS")
	}
	if err := <-done; !errors.Is(err, store.ErrTimeout) {
		t.Fatalf("slow query: err = %v, want ErrTimeout", err)
	}
	for end := time.Now().Add(10 * time.Second); running(); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatal("Neo4j still runs the query 10s after its deadline")
		}
	}
}

// TestExpiredRequestSendsNothing: a request whose time is up before its
// query gets ErrTimeout and sends nothing to Neo4j, however fast the
// query would have been.
func TestExpiredRequestSendsNothing(t *testing.T) {
	st := neo4jtest.Empty(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	<-ctx.Done()
	before := st.Queries()
	if err := st.QueryForTest(ctx, "RETURN 1"); !errors.Is(err, store.ErrTimeout) {
		t.Errorf("err = %v, want ErrTimeout", err)
	}
	if n := st.Queries() - before; n != 0 {
		t.Errorf("%d queries sent after the deadline", n)
	}
}
