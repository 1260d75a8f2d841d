package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"csakg/internal/neo4jtest"
)

// buildBinary builds csakg once for the tests that run it as a process.
var buildBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "csakg-bin")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "csakg")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", &buildError{out}
	}
	return bin, nil
})

type buildError struct{ out []byte }

func (e *buildError) Error() string { return "go build: " + string(e.out) }

func binary(t *testing.T) string {
	t.Helper()
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	return bin
}

// command returns the csakg binary with the test Neo4j's settings.
func command(t *testing.T, args ...string) *exec.Cmd {
	cfg := neo4jtest.Config(t)
	cmd := exec.Command(binary(t), args...)
	cmd.Env = append(os.Environ(), "NEO4J_URI="+cfg.URI, "NEO4J_USER="+cfg.User, "NEO4J_PASSWORD="+cfg.Password.Reveal())
	return cmd
}

// TestLoaderKilledHalfway kills a loader with SIGKILL while it writes a
// large graph: the graph afterwards is exactly the old one, and the next
// load completes.
func TestLoaderKilledHalfway(t *testing.T) {
	if _, err := os.Stat(seeds); err != nil {
		t.Skip("no source texts")
	}
	st := neo4jtest.Empty(t)
	if out, err := command(t, "load", seeds).CombinedOutput(); err != nil {
		t.Fatalf("load: %v\n%s", err, out)
	}
	before := graphCounts(t, st)

	cmd := command(t, "gen", "--scale", "20", "--load")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// The kill lands while Neo4j runs one of the loader's statements, so
	// inside its transaction, however fast the machine.
	cfg := neo4jtest.Config(t)
	driver, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password.Reveal(), ""))
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(context.Background())
	seen := time.Now().Add(60 * time.Second)
	for writing := false; !writing; {
		res, err := neo4j.ExecuteQuery(context.Background(), driver,
			"SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'UNWIND $rows' RETURN count(*) AS n",
			nil, neo4j.EagerResultTransformer)
		if err != nil {
			t.Fatal(err)
		}
		n, _ := res.Records[0].Get("n")
		writing = n.(int64) > 0
		if time.Now().After(seen) {
			t.Fatal("the loader was not seen writing within 60s")
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("loader was not killed mid-load (it finished first: %v); make the graph larger", err)
	}
	// Neo4j rolls the transaction back when the connection drops; give it
	// a moment to notice.
	deadline := time.Now().Add(20 * time.Second)
	for {
		after := graphCounts(t, st)
		if sameCounts(before, after) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("graph after a killed load: %v, want %v", after, before)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if out, err := command(t, "gen", "--scale", "1", "--load").CombinedOutput(); err != nil {
		t.Fatalf("the next load failed: %v\n%s", err, out)
	}
	if after := graphCounts(t, st); after["Person"] <= before["Person"] {
		t.Errorf("the next load added nothing: %v", after)
	}
}

// syncBuffer is a bytes.Buffer safe for one writer and readers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) WriteString(x string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.b.WriteString(x)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServerStopsGracefullyUnderLoad sends SIGTERM to a serving csakg while
// clients keep asking: requests in flight finish with answers, new
// connections are refused, the driver closes, the process exits 0.
func TestServerStopsGracefullyUnderLoad(t *testing.T) {
	neo4jtest.Empty(t)
	// Port 0: the server picks a free port and logs it, so no other socket
	// can take the port between choosing and binding it.
	cmd := command(t, "serve", "--addr", "127.0.0.1:0", "--rate-limit", "0")
	var logs syncBuffer
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	found := make(chan string, 1)
	drained := make(chan struct{})
	go func() {
		defer close(drained)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			logs.WriteString(line + "\n")
			if i := strings.Index(line, "graphql=http://"); i >= 0 {
				select {
				case found <- strings.TrimSuffix(strings.Fields(line[i+len("graphql="):])[0], "/graphql"):
				default:
				}
			}
		}
	}()
	var base string
	select {
	case base = <-found:
	case <-time.After(30 * time.Second):
		t.Fatalf("the server did not say where it listens:\n%s", logs.String())
	}
	waitStatus(t, base+"/readyz", http.StatusOK, 30*time.Second)
	// One answered query before the load starts.
	for t0 := time.Now(); ; time.Sleep(100 * time.Millisecond) {
		resp, err := http.Post(base+"/graphql", "application/json", strings.NewReader(`{"query":"{ stats { entities } }"}`))
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Since(t0) > 15*time.Second {
			t.Fatalf("no query answered in 15s (last error %v)\n%s", err, logs.String())
		}
	}

	var ok, refused, bad atomic.Int64
	var badMu sync.Mutex
	var badSample, firstRefusal string
	stop := make(chan struct{})
	var wg sync.WaitGroup
	client := &http.Client{Timeout: 20 * time.Second}
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := client.Post(base+"/graphql", "application/json",
					strings.NewReader(`{"query":"{ stats { entities mostConnected(first: 5) { degree entity { id } } } }"}`))
				if err != nil {
					// After shutdown begins, the listener is closed: new
					// connections are refused, which is clean.
					if refused.Add(1) == 1 {
						badMu.Lock()
						firstRefusal = err.Error()
						badMu.Unlock()
					}
					time.Sleep(5 * time.Millisecond)
					continue
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK && bytes.Contains(body, []byte(`"entities"`)) && !bytes.Contains(body, []byte(`"errors"`)) {
					ok.Add(1)
				} else {
					bad.Add(1)
					badMu.Lock()
					badSample = resp.Status + " " + string(body)
					badMu.Unlock()
				}
			}
		}()
	}
	// Load for a while once the workers get answers.
	for t0 := time.Now(); ok.Load() == 0 && time.Since(t0) < 10*time.Second; {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(1500 * time.Millisecond)
	answeredBefore := ok.Load()
	refusedBefore := refused.Load()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	// Wait only once the log is read to its end: Wait closes the pipe.
	go func() { <-drained; exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("server exited with %v after SIGTERM\n%s", err, logs.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("server did not stop within 30s of SIGTERM")
	}
	time.Sleep(200 * time.Millisecond)
	close(stop)
	wg.Wait()
	t.Logf("before SIGTERM: answered %d, refused %d", answeredBefore, refusedBefore)
	if answeredBefore == 0 {
		t.Fatalf("no request was answered before SIGTERM (bad %d: %s; refused %d: %s)\n%s", bad.Load(), badSample, refused.Load(), firstRefusal, logs.String())
	}
	if bad.Load() > 0 {
		t.Errorf("%d requests got a bad answer, e.g. %s\n%s", bad.Load(), badSample, logs.String())
	}
	if refused.Load() == 0 {
		t.Error("no request was refused after shutdown: were clients still sending?")
	}
	for _, want := range []string{"shutting down", "neo4j driver closed"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, logs.String())
		}
	}
	if pw := neo4jtest.Config(t).Password.Reveal(); pw != "" && strings.Contains(logs.String(), pw) {
		t.Error("the server's log shows the Neo4j password")
	}
	t.Logf("answered %d, refused after shutdown %d", ok.Load(), refused.Load())
}
