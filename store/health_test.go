package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestRedactURI(t *testing.T) {
	tests := []struct{ in, want string }{
		{"bolt://127.0.0.1:7687", "bolt://127.0.0.1:7687"},
		{"neo4j+s://neo4j:s3cret@x.databases.neo4j.io", "neo4j+s://neo4j:xxxxx@x.databases.neo4j.io"},
		{"bolt://u:p@ss@host:7687", "bolt://u:xxxxx@host:7687"},
		{"bolt://u:s3cret@host:77 31", "bolt://xxxxx@host:77 31"},
		{"u:s3cret@host", "xxxxx@host"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := RedactURI(tt.in); got != tt.want {
				t.Errorf("RedactURI(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestOpenErrorMasksPassword(t *testing.T) {
	_, err := Open(Config{URI: "bolt://neo4j:s3cret@127.0.0.1:77 31", User: "neo4j"})
	if err == nil || strings.Contains(err.Error(), "s3cret") || !strings.Contains(err.Error(), "xxxxx") {
		t.Errorf("err = %v, want the URI masked", err)
	}
}

// TestHealth drives the breaker through its states with the errors the
// driver gives (as translate makes them), no Neo4j needed.
func TestHealth(t *testing.T) {
	ctx := context.Background()
	refused := translate(&neo4j.Neo4jError{Code: "Neo.ClientError.Security.Unauthorized"})
	limited := translate(&neo4j.Neo4jError{Code: "Neo.ClientError.Security.AuthenticationRateLimit"})
	down := translate(&neo4j.ConnectivityError{Inner: errors.New("connection refused")})
	slow := fmt.Errorf("%w: %w", ErrTimeout, context.DeadlineExceeded)
	h := &health{log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	retryIn := func() time.Duration { return time.Until(h.status().RetryAt).Round(time.Second) }

	steps := []struct {
		name    string
		err     error
		probe   bool
		state   State
		retryIn time.Duration // Refused only
	}{
		{"a query that ran out of time says nothing", slow, false, Up, 0},
		{"a ping that ran out of time", slow, true, Down, 0},
		{"back", nil, true, Up, 0},
		{"a ping that ran out of time just after an answer: busy, not down", slow, true, Up, 0},
		{"connection refused", down, false, Down, 0},
		{"rate limited while not refused is an outage", limited, true, Down, 0},
		{"refused", refused, true, Refused, 10 * time.Second},
		{"refused again", refused, true, Refused, 20 * time.Second},
		{"rate limited after a refusal backs off too", limited, true, Refused, 40 * time.Second},
		{"cancelled says nothing", context.Canceled, true, Refused, 40 * time.Second},
		{"accepted", nil, true, Up, 0},
		{"refused once more starts again at 10s", refused, true, Refused, 10 * time.Second},
	}
	for _, s := range steps {
		if s.name == "connection refused" {
			h.lastOK = time.Now().Add(-busyWindow) // the answers are long past
			h.observe(ctx, slow, true)
			if st := h.status(); st.State != Down {
				t.Fatalf("a ping that ran out of time after %v of silence: state %v, want down", busyWindow, st.State)
			}
			h.observe(ctx, nil, true)
		}
		h.observe(ctx, s.err, s.probe)
		st := h.status()
		if st.State != s.state || (s.state == Refused && retryIn() != s.retryIn) {
			t.Fatalf("%s: state %v retry in %v, want %v %v", s.name, st.State, retryIn(), s.state, s.retryIn)
		}
		if admit := h.admit(); (admit == nil) != (s.state == Up) || (admit != nil && !errors.Is(admit, ErrUnavailable)) {
			t.Fatalf("%s: admit = %v", s.name, admit)
		}
	}
	// While the back-off runs, pings get the refusal without trying.
	if err := h.hold(); !errors.Is(err, ErrAuth) {
		t.Errorf("hold during the back-off = %v, want the refusal", err)
	}
	h.next = time.Now().Add(-time.Second)
	if err := h.hold(); err != nil {
		t.Errorf("hold after the back-off = %v, want an attempt", err)
	}
	if err := h.hold(); err == nil {
		t.Error("a second ping during the first's attempt was let through")
	}
}

// TestTranslatePoolExhausted: a pool with no free connection is a load
// peak (a timeout, which leaves the breaker closed), a refused connection
// an outage.
func TestTranslatePoolExhausted(t *testing.T) {
	tests := []struct {
		name  string
		inner error
		want  error
	}{
		{"pool timeout", errors.New("Timeout while waiting for connection to any of [127.0.0.1:7687]: context deadline exceeded"), ErrTimeout},
		{"pool full", errors.New("No idle connections on any of [127.0.0.1:7687]"), ErrTimeout},
		{"refused", errors.New("dial tcp 127.0.0.1:7687: connect: connection refused"), ErrUnavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := translate(&neo4j.ConnectivityError{Inner: tt.inner})
			if !errors.Is(err, tt.want) {
				t.Fatalf("translate = %v, want %v", err, tt.want)
			}
			h := &health{log: slog.New(slog.NewTextHandler(io.Discard, nil))}
			h.observe(context.Background(), err, false)
			if up := h.status().State == Up; up != (tt.want == ErrTimeout) {
				t.Errorf("breaker state %v after %v", h.status().State, err)
			}
		})
	}
}
