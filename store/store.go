// Package store is csakg's only door to Neo4j: it owns the driver, every
// Cypher statement, and the translation of driver errors into the errors the
// rest of the program understands.
package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// Secret is a string that must not be logged. It prints and logs as
// "[redacted]".
type Secret string

// String implements fmt.Stringer.
func (Secret) String() string { return "[redacted]" }

// LogValue implements slog.LogValuer.
func (Secret) LogValue() slog.Value { return slog.StringValue("[redacted]") }

// Reveal returns the secret itself, for the one place that needs it.
func (s Secret) Reveal() string { return string(s) }

// Config says how to reach Neo4j.
type Config struct {
	URI      string // bolt://, neo4j://, neo4j+s:// ...
	User     string
	Password Secret
	Database string // empty: the server's default database
}

// LogValue implements slog.LogValuer; the password never appears.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("uri", RedactURI(c.URI)),
		slog.String("user", c.User),
		slog.Any("password", c.Password),
		slog.String("database", c.Database),
	)
}

// Store runs csakg's Cypher against one Neo4j database.
type Store struct {
	driver  neo4j.DriverWithContext
	db      string
	queries atomic.Int64 // read queries sent, for tests and metrics
	onQuery func(QueryInfo)
	onWrite func() // tests: called before each write statement
	health  health
}

// QueryInfo describes one read query the store sent.
type QueryInfo struct {
	Cypher   string
	Params   map[string]any
	Duration time.Duration
	Err      error
}

// OnQuery sets a function called after every read query, for metrics and
// for the benchmark, which replays the same Cypher through the bare driver.
// Set it before the store is used.
func (s *Store) OnQuery(f func(QueryInfo)) { s.onQuery = f }

// SetLogger sets where the store says that Neo4j went away, came back or
// refused the credentials (as Open may have learned already). Set it before
// the store is used.
func (s *Store) SetLogger(log *slog.Logger) {
	s.health.mu.Lock()
	defer s.health.mu.Unlock()
	s.health.log = log
	if s.health.state == Refused {
		s.health.logRefusal()
	}
}

// Open creates the driver. It does not connect: the server must be able to
// start while Neo4j is still coming up (see Ping and WaitReady).
func Open(cfg Config) (*Store, error) {
	d, err := neo4j.NewDriverWithContext(cfg.URI,
		neo4j.BasicAuth(cfg.User, cfg.Password.Reveal(), ""),
		func(c *config.Config) {
			c.SocketConnectTimeout = 5 * time.Second
			c.ConnectionAcquisitionTimeout = 10 * time.Second
			c.MaxTransactionRetryTime = 3 * time.Second
			c.TelemetryDisabled = true
		})
	if err != nil {
		// The driver's error may quote the URI, password and all.
		msg := strings.ReplaceAll(err.Error(), cfg.URI, RedactURI(cfg.URI))
		return nil, fmt.Errorf("neo4j driver for %q: %s", RedactURI(cfg.URI), msg)
	}
	// The driver sets up its connector lazily, and two first connection
	// attempts at once race on it (the race detector says so). One attempt
	// now, whether Neo4j answers or not, sets it up before anything runs
	// concurrently.
	// It counts as a login: refused credentials start their back-off here.
	s := &Store{driver: d, db: cfg.Database}
	s.health = health{log: slog.New(slog.DiscardHandler), user: cfg.User, uri: RedactURI(cfg.URI)}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	if err := translate(d.VerifyConnectivity(ctx)); errors.Is(err, ErrAuth) {
		s.health.observe(ctx, err, true)
	}
	cancel()
	return s, nil
}

// Close closes the driver and its connections.
func (s *Store) Close(ctx context.Context) error { return s.driver.Close(ctx) }

// Ping checks that Neo4j answers, and feeds the breaker that queries
// consult (see health). While refused credentials back off, it returns the
// refusal without trying.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.health.hold(); err != nil {
		return err
	}
	err := translate(s.driver.VerifyConnectivity(ctx))
	s.health.observe(ctx, err, true)
	return err
}

// WaitReady pings Neo4j with back-off until it answers or ctx ends. Refused
// credentials end the wait at once unless retryAuth; then the next attempt
// waits for their back-off (see health).
func (s *Store) WaitReady(ctx context.Context, log *slog.Logger, retryAuth bool) error {
	delay := 250 * time.Millisecond
	for {
		err := s.Ping(ctx)
		if err == nil {
			return nil
		}
		wait := delay
		if errors.Is(err, ErrAuth) {
			if !retryAuth {
				return err
			}
			// The store has logged the refusal, as an error.
			wait = max(time.Until(s.health.status().RetryAt), delay)
		} else {
			log.Info("waiting for neo4j", "err", err, "retry_in", wait)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("neo4j not ready: %w", err)
		case <-time.After(wait):
		}
		delay = min(2*delay, 5*time.Second)
	}
}

// txTimeout asks Neo4j to end the transaction when ctx's deadline passes, so
// a cancelled request does not leave a query running on the server.
func txTimeout(ctx context.Context) func(*neo4j.TransactionConfig) {
	return func(c *neo4j.TransactionConfig) {
		if dl, ok := ctx.Deadline(); ok {
			if d := time.Until(dl); d > 0 {
				c.Timeout = d
			} else {
				c.Timeout = time.Millisecond
			}
		}
	}
}

// query runs one read statement as an auto-commit transaction in a read
// session (so a cluster can route it to a follower) and returns its records.
// Auto-commit sends the statement and the pull in one message exchange; a
// managed transaction (neo4j.ExecuteQuery) adds BEGIN before and COMMIT after
// it, a second round trip and a commit Neo4j has to process for every
// request. A read that failed on an error the driver calls retryable (a
// pooled connection Neo4j closed, a leader switch) is sent once more, as a
// managed transaction would have retried it.
func (s *Store) query(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	// A request whose time is up sends nothing: the driver may run a
	// query on a pooled connection whatever its context says.
	if err := ctx.Err(); err != nil {
		return nil, translateCtx(ctx, err)
	}
	if err := s.health.admit(); err != nil {
		return nil, err
	}
	s.queries.Add(1)
	start := time.Now()
	records, err := s.autoCommit(ctx, cypher, params)
	if err != nil && neo4j.IsRetryable(err) && ctx.Err() == nil {
		records, err = s.autoCommit(ctx, cypher, params)
	}
	if s.onQuery != nil {
		s.onQuery(QueryInfo{Cypher: cypher, Params: params, Duration: time.Since(start), Err: err})
	}
	if err != nil {
		err = translateCtx(ctx, err)
		s.health.observe(ctx, err, false)
		return nil, err
	}
	return records, nil
}

// autoCommit runs one read statement as an auto-commit transaction and
// reads all its records.
func (s *Store) autoCommit(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, cypher, params, txTimeout(ctx))
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

func neo4jWrite(db string) neo4j.SessionConfig {
	return neo4j.SessionConfig{DatabaseName: db, AccessMode: neo4j.AccessModeWrite}
}

// Queries returns how many read queries the store has sent to Neo4j. Each
// is one transaction and one round trip of statements.
func (s *Store) Queries() int64 { return s.queries.Load() }
