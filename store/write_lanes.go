package store

import (
	"context"
	"hash/fnv"
	"sync"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// A batched load writes on several lanes at once. Neo4j runs each
// transaction on one core and the loader's own work is small beside it, so
// one lane leaves the other cores idle. Each lane is a session of its own
// with a queue of statements run in order.
//
// Rows go to a lane by a key, so that the rows that lock the same node run
// on one lane, one after the other: an entity's own rows, its mentions, and
// a relationship's rows by its less connected end (Neo4j locks a sparse
// node for each relationship it gains, a dense one only shares a lock).
// Two lanes can still meet on a node; Neo4j then detects the deadlock and
// the driver retries the transaction that lost.

// lane is one session's queue of statements.
type lane struct {
	exec execFunc
	jobs chan laneJob
}

type laneJob struct {
	cypher string
	params map[string]any
	got    func([]*neo4j.Record) // the records, when the sender wants them
}

// lanes runs statements on its lanes and keeps the first error.
type lanes struct {
	all     []*lane
	pending sync.WaitGroup
	done    sync.WaitGroup
	mu      sync.Mutex
	err     error
}

// startLanes starts one goroutine per session; run is what a lane does with
// a statement (it tallies the counters), exec the session's own runner.
func startLanes(ctx context.Context, execs []execFunc, run func(exec execFunc, cypher string, params map[string]any) ([]*neo4j.Record, error)) *lanes {
	ls := &lanes{}
	for _, exec := range execs {
		// A queue of one lets the loader build a lane's next batch while
		// Neo4j writes the one before.
		l := &lane{exec: exec, jobs: make(chan laneJob, 1)}
		ls.all = append(ls.all, l)
		ls.done.Add(1)
		go func() {
			defer ls.done.Done()
			for j := range l.jobs {
				if ls.failed() == nil && ctx.Err() == nil {
					recs, err := run(l.exec, j.cypher, j.params)
					if err != nil {
						ls.fail(err)
					} else if j.got != nil {
						j.got(recs)
					}
				}
				ls.pending.Done()
			}
		}()
	}
	return ls
}

// send queues a statement on lane i, whose records go to got (when not
// nil) once it has run; it returns an error one of the lanes met before,
// so a failed load stops building batches.
func (ls *lanes) send(i int, cypher string, params map[string]any, got func([]*neo4j.Record)) error {
	if err := ls.failed(); err != nil {
		return err
	}
	ls.pending.Add(1)
	ls.all[i].jobs <- laneJob{cypher, params, got}
	return nil
}

// wait returns when every statement sent so far has run, with the first
// error any of them met.
func (ls *lanes) wait() error {
	ls.pending.Wait()
	return ls.failed()
}

// stop ends the lanes' goroutines once their queues are empty.
func (ls *lanes) stop() {
	for _, l := range ls.all {
		close(l.jobs)
	}
	ls.done.Wait()
}

func (ls *lanes) fail(err error) {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	if ls.err == nil {
		ls.err = err
	}
}

func (ls *lanes) failed() error {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	return ls.err
}

// laneOf is the lane, of n, that key's rows go to.
func laneOf(key string, n int) int {
	if n <= 1 {
		return 0
	}
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32() % uint32(n))
}
