package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// State is what the store last learned of Neo4j.
type State int

// The states of the breaker.
const (
	Up      State = iota // answering (or not yet tried): queries go to Neo4j
	Down                 // unreachable or unavailable: queries fail at once
	Refused              // the credentials were refused: queries fail at once, attempts back off
)

func (s State) String() string {
	return [...]string{"up", "down", "refused"}[s]
}

// Back-off of attempts with refused credentials. Neo4j locks a user out
// for 5 s after 3 failed logins in a row (dbms.security.auth_lock_time,
// auth_max_failed_attempts), for the right password too; one attempt in 10 s
// at most, doubling, keeps an instance with a wrong password from locking
// out the instances with the right one.
const (
	authBackoffMin = 10 * time.Second
	authBackoffMax = 5 * time.Minute
)

// busyWindow: a ping that runs out of time within this long of an answer
// is a busy Neo4j (a load peak, a long query), not one that is down; only
// silence that long, or a refused connection, opens the breaker.
const busyWindow = 5 * time.Second

// health is a breaker between the store and Neo4j, fed by Ping (the
// readiness probe and the server's watch) and by failed queries. While
// Neo4j is known to be down, queries fail at once with ErrUnavailable
// instead of waiting for the driver's dial and retries; the first ping that
// succeeds closes it again. Refused credentials are tried again only after
// an exponential back-off, however often pings and queries come.
type health struct {
	mu           sync.Mutex
	state        State
	err          error     // why it is not Up
	authFailures int       // refusals in a row
	lastOK       time.Time // the last attempt Neo4j answered
	next         time.Time // Refused: no attempt before this
	log          *slog.Logger
	user, uri    string // for the log; uri redacted
}

// Status is the breaker's state, for logs and tests.
type Status struct {
	State   State
	Err     error     // why it is not Up
	RetryAt time.Time // Refused: the next attempt
}

// status returns the current state.
func (h *health) status() Status {
	h.mu.Lock()
	defer h.mu.Unlock()
	st := Status{State: h.state, Err: h.err}
	if h.state == Refused {
		st.RetryAt = h.next
	}
	return st
}

// admit returns the error a query gets without trying Neo4j, or nil.
func (h *health) admit() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.state == Up {
		return nil
	}
	return fmt.Errorf("%w (known since the last check): %w", ErrUnavailable, h.err)
}

// hold returns the refusal a ping gets without trying Neo4j while the
// credentials' back-off runs, or nil when the ping may try. A ping let
// through takes the attempt: others wait for its outcome.
func (h *health) hold() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.state != Refused {
		return nil
	}
	now := time.Now()
	if now.Before(h.next) {
		return h.err
	}
	h.next = now.Add(authBackoffMin)
	return nil
}

// observe records the outcome of an attempt made under ctx: a ping
// (probe true) or a query. A query that ran out of time says nothing of
// Neo4j; a ping that did is a Neo4j that does not answer.
func (h *health) observe(ctx context.Context, err error, probe bool) {
	if errors.Is(err, context.Canceled) || (!probe && errors.Is(err, ErrTimeout)) {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	old := h.state
	switch {
	case err == nil:
		h.state, h.err, h.authFailures, h.lastOK = Up, nil, 0, time.Now()
		if old != Up {
			h.log.Info("neo4j reachable", "uri", h.uri)
		}
	case errors.Is(err, ErrAuth), rateLimited(err) && h.authFailures > 0:
		h.authFailures++
		delay := min(authBackoffMin<<min(h.authFailures-1, 10), authBackoffMax)
		h.next = time.Now().Add(delay)
		if errors.Is(err, ErrAuth) || h.err == nil {
			h.err = err
		}
		h.state = Refused
		h.logRefusal()
	case probe && errors.Is(err, ErrTimeout) && old == Up && time.Since(h.lastOK) < busyWindow:
		// Busy, not down: queries are being answered.
	case errors.Is(err, ErrUnavailable), probe && errors.Is(err, ErrTimeout):
		h.state, h.err = Down, err
		if old == Up {
			h.log.Warn("neo4j unreachable: queries fail at once until it answers", "uri", h.uri, "err", err)
		}
	}
}

// logRefusal says, as an error, that the credentials were refused; h.mu is
// held.
func (h *health) logRefusal() {
	h.log.Error("neo4j refused the credentials: check NEO4J_USER and NEO4J_PASSWORD",
		"user", h.user, "uri", h.uri, "retry_in", time.Until(h.next).Round(time.Second), "err", h.err)
}

// rateLimited reports whether err is Neo4j refusing a login because of
// failed ones before it (by this instance or another with the same user).
func rateLimited(err error) bool {
	var n4j *neo4j.Neo4jError
	return errors.As(err, &n4j) && n4j.Code == "Neo.ClientError.Security.AuthenticationRateLimit"
}

// Status returns what the store last learned of Neo4j.
func (s *Store) Status() Status { return s.health.status() }

// RedactURI returns uri with any password in it replaced, for printing.
func RedactURI(uri string) string {
	if u, err := url.Parse(uri); err == nil && (u.User != nil || !strings.Contains(uri, "@")) {
		return u.Redacted()
	}
	// Unparsable, or not read as user:password@host: all before the last
	// @ after the scheme may be secret.
	i := strings.LastIndex(uri, "@")
	if i < 0 {
		return uri
	}
	if j := strings.Index(uri, "://"); j >= 0 && j < i {
		return uri[:j+3] + "xxxxx" + uri[i:]
	}
	return "xxxxx" + uri[i:]
}
