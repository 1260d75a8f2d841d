package store

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The errors a Store returns, to be matched with errors.Is. Other errors are
// internal: callers log them and show clients no detail.
var (
	ErrNotFound    = errors.New("not found")
	ErrUnavailable = errors.New("database unavailable")
	ErrTimeout     = errors.New("database time-out")
	ErrTooLarge    = errors.New("load too large for one transaction")
	// ErrAuth comes with ErrUnavailable: Neo4j refused the user and
	// password, which waiting does not mend.
	ErrAuth = errors.New("neo4j refused the credentials")
)

// memoryLimit reports whether err is Neo4j refusing a transaction that
// needs more than its transaction memory limit. The driver reports it
// inside a TransactionExecutionLimit, which does not unwrap.
func memoryLimit(err error) bool {
	is := func(err error) bool {
		var n4j *neo4j.Neo4jError
		return errors.As(err, &n4j) && strings.HasSuffix(n4j.Code, ".MemoryPoolOutOfMemoryError")
	}
	if is(err) {
		return true
	}
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) {
		for _, e := range limit.Errors {
			if is(e) {
				return true
			}
		}
	}
	return false
}

// translateCtx is translate for an operation that ran under ctx: when
// ctx's deadline has passed, the failure is a time-out whatever the driver
// made of it (a connection cut short by the deadline looks like a network
// error).
func translateCtx(ctx context.Context, err error) error {
	if err != nil && PastDeadline(ctx) && !errors.Is(err, ErrTimeout) {
		return fmt.Errorf("%w: %w", ErrTimeout, err)
	}
	return translate(err)
}

// deadlineSlack is how close to its deadline a context counts as past it.
// The driver sets socket deadlines from the context's, and a socket can time
// out a moment before the context says so.
const deadlineSlack = time.Millisecond

// PastDeadline reports whether ctx's deadline has passed, or is so close
// that an error now is the deadline's doing.
func PastDeadline(ctx context.Context) bool {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return true
	}
	dl, ok := ctx.Deadline()
	return ok && time.Until(dl) <= deadlineSlack
}

// translate maps driver errors onto the store's errors, keeping the original
// in the chain for logs.
func translate(err error) error {
	if err == nil {
		return nil
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("%w: %w", ErrTimeout, err)
	case errors.Is(err, context.Canceled):
		return err
	}
	var n4j *neo4j.Neo4jError
	if errors.As(err, &n4j) {
		switch {
		case strings.HasPrefix(n4j.Code, "Neo.ClientError.Transaction.TransactionTimedOut"),
			strings.HasPrefix(n4j.Code, "Neo.TransientError.Transaction.LockClientStopped"),
			n4j.Code == "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration":
			return fmt.Errorf("%w: %w", ErrTimeout, err)
		case n4j.Code == "Neo.ClientError.Security.Unauthorized":
			return fmt.Errorf("%w: %w: %w", ErrUnavailable, ErrAuth, err)
		case strings.HasPrefix(n4j.Code, "Neo.ClientError.Security."),
			strings.HasPrefix(n4j.Code, "Neo.TransientError.General.DatabaseUnavailable"),
			strings.HasPrefix(n4j.Code, "Neo.ClientError.Database.DatabaseNotFound"):
			return fmt.Errorf("%w: %w", ErrUnavailable, err)
		}
		return err
	}
	var conn *neo4j.ConnectivityError
	var limit *neo4j.TransactionExecutionLimit
	var netErr net.Error
	if errors.As(err, &conn) && poolExhausted(conn) {
		// Every connection of the pool busy until the wait ran out: a
		// load peak, not an outage.
		return fmt.Errorf("%w: no free connection to neo4j in time: %w", ErrTimeout, err)
	}
	if errors.As(err, &conn) || errors.As(err, &limit) || errors.As(err, &netErr) {
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	return err
}

// poolExhausted tells a driver that found no idle connection in its pool
// (its PoolTimeout and PoolFull, internal types, known by their messages
// in the pinned driver version) from one that could not reach Neo4j.
func poolExhausted(c *neo4j.ConnectivityError) bool {
	if c.Inner == nil {
		return false
	}
	msg := c.Inner.Error()
	return strings.HasPrefix(msg, "Timeout while waiting for connection") || strings.HasPrefix(msg, "No idle connections")
}
