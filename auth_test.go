package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"csakg/internal/neo4jtest"
	"csakg/store"
)

const wrongPassword = "not-the-password-4711"

// startServe starts `csakg serve` on a free port with extra environment,
// and returns its address and its log so far (read as it grows).
func startServe(t *testing.T, env ...string) (string, *syncBuffer) {
	t.Helper()
	cmd := command(t, "serve", "--addr", "127.0.0.1:0", "--rate-limit", "0")
	cmd.Env = append(cmd.Env, env...)
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	logs := &syncBuffer{}
	found := make(chan string, 1)
	go func() {
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
	select {
	case base := <-found:
		return base, logs
	case <-time.After(30 * time.Second):
		t.Fatalf("the server did not say where it listens:\n%s", logs.String())
		return "", nil
	}
}

// waitLog waits until the log contains want.
func waitLog(t *testing.T, logs *syncBuffer, want string, within time.Duration) {
	t.Helper()
	for start := time.Now(); !strings.Contains(logs.String(), want); time.Sleep(50 * time.Millisecond) {
		if time.Since(start) > within {
			t.Fatalf("no %q in the log within %v:\n%s", want, within, logs.String())
		}
	}
}

// unlockNeo4j waits until the test user can log in again, so that the
// tests after a wrong-password test do not meet Neo4j's lock-out.
func unlockNeo4j(t *testing.T) {
	cfg := neo4jtest.Config(t)
	st, err := store.Open(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close(context.Background())
	for start := time.Now(); ; time.Sleep(500 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err := st.Ping(ctx)
		cancel()
		if err == nil {
			return
		}
		if time.Since(start) > 30*time.Second {
			t.Fatalf("neo4j still refuses the test user: %v", err)
		}
	}
}

// TestWrongPasswordHarmsNoOther runs two servers on the test Neo4j, one
// with a wrong password that clients keep asking. It says so in an error
// and backs off, so Neo4j never locks the user out: the other server, with
// the right password, starts, opens fresh connections and answers.
func TestWrongPasswordHarmsNoOther(t *testing.T) {
	// The indexes exist before the servers start: on a new database, the
	// good server's queries would otherwise wait for it to create them.
	if err := neo4jtest.Empty(t).EnsureSchema(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { unlockNeo4j(t) })
	bad, badLog := startServe(t, "NEO4J_PASSWORD="+wrongPassword)
	waitLog(t, badLog, "neo4j refused the credentials", 30*time.Second)

	// Clients keep asking the bad server: each request used to be a login.
	stop := make(chan struct{})
	var wg sync.WaitGroup
	defer func() { close(stop); wg.Wait() }()
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			for _, path := range []string{"/readyz", "/graphql?query=%7B__typename%20stats%7Bentities%7D%7D"} {
				if resp, err := http.Get(bad + path); err == nil {
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
			}
		}
	}()
	time.Sleep(2 * time.Second)

	good, goodLog := startServe(t)
	waitStatus(t, good+"/readyz", http.StatusOK, 30*time.Second)
	// A server locked out never answers.
	for start := time.Now(); ; time.Sleep(200 * time.Millisecond) {
		if data, code := graphqlCode(t, good); code == nil && strings.Contains(data, "entities") {
			break
		}
		if time.Since(start) > 60*time.Second {
			t.Fatalf("the server with the right password answered no query in 60s\ngood server:\n%s\nbad server:\n%s", goodLog.String(), badLog.String())
		}
	}
	// Eight clients at once, so the good server opens connections (and
	// logs in) several times.
	var mu sync.Mutex
	var failures []string
	var cw sync.WaitGroup
	for range 8 {
		cw.Add(1)
		go func() {
			defer cw.Done()
			for range 5 {
				data, code := graphqlCode(t, good)
				if code != nil || !strings.Contains(data, "entities") {
					mu.Lock()
					failures = append(failures, fmt.Sprint(data, " ", code))
					mu.Unlock()
				}
			}
		}()
	}
	cw.Wait()
	if len(failures) > 0 {
		t.Errorf("the server with the right password failed %d of 40 queries, e.g. %s\ngood server:\n%s\nbad server:\n%s", len(failures), failures[0], goodLog.String(), badLog.String())
	}
	if _, code := graphqlCode(t, bad); code != "DATABASE_UNAVAILABLE" {
		t.Errorf("the server with the wrong password answered with code %v, want DATABASE_UNAVAILABLE", code)
	}

	log := badLog.String()
	var line string
	for l := range strings.SplitSeq(log, "\n") {
		if strings.Contains(l, "check NEO4J_USER and NEO4J_PASSWORD") {
			line = l
			break
		}
	}
	for _, want := range []string{"level=ERROR", "user=neo4j", "uri=" + neo4jtest.Config(t).URI, "retry_in="} {
		if !strings.Contains(line, want) {
			t.Errorf("the refusal's log line lacks %q: %s", want, line)
		}
	}
	// The store's own line, once per login tried (/readyz's lines quote it).
	if n := strings.Count(log, "check NEO4J_USER and NEO4J_PASSWORD"); n > 2 {
		t.Errorf("the bad server tried %d logins in a few seconds; its back-off starts at 10s:\n%s", n, log)
	}
	if strings.Contains(log, wrongPassword) {
		t.Error("the log shows the password")
	}
}

// TestWrongPasswordFailsAtOnce: `csakg load` and `csakg serve
// --wait-for-neo4j=false` exit 1 at the first refusal, saying so, instead
// of retrying as they do when Neo4j is down.
func TestWrongPasswordFailsAtOnce(t *testing.T) {
	if _, err := os.Stat(seeds); err != nil {
		t.Skip("no source texts")
	}
	neo4jtest.Config(t)
	t.Cleanup(func() { unlockNeo4j(t) })
	for _, args := range [][]string{{"load", seeds}, {"serve", "--addr", "127.0.0.1:0", "--wait-for-neo4j=false"}} {
		t.Run(args[0], func(t *testing.T) {
			cmd := command(t, args...)
			cmd.Env = append(cmd.Env, "NEO4J_PASSWORD="+wrongPassword)
			done := make(chan struct{})
			var out []byte
			var err error
			go func() { out, err = cmd.CombinedOutput(); close(done) }()
			select {
			case <-done:
			case <-time.After(60 * time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("still running after 60s:\n%s", out)
			}
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 1 {
				t.Errorf("exit: %v, want status 1\n%s", err, out)
			}
			if !strings.Contains(string(out), "neo4j refused the credentials") || strings.Contains(string(out), "neo4j not ready") {
				t.Errorf("output does not say the credentials were refused (or says it waited):\n%s", out)
			}
		})
		unlockNeo4j(t)
	}
}

// TestURIPasswordMasked gives the password inside NEO4J_URI: neither serve
// nor load prints it.
func TestURIPasswordMasked(t *testing.T) {
	if _, err := os.Stat(seeds); err != nil {
		t.Skip("no source texts")
	}
	cfg := neo4jtest.Config(t)
	neo4jtest.Empty(t)
	const secret = "uri-secret-0815"
	uri := strings.Replace(cfg.URI, "://", "://"+cfg.User+":"+secret+"@", 1)
	_, logs := startServe(t, "NEO4J_URI="+uri)
	waitLog(t, logs, "neo4j reachable", 30*time.Second)
	load := command(t, "load", seeds)
	load.Env = append(load.Env, "NEO4J_URI="+uri)
	out, err := load.CombinedOutput()
	if err != nil {
		t.Fatalf("load: %v\n%s", err, out)
	}
	for name, text := range map[string]string{"serve": logs.String(), "load": string(out)} {
		if strings.Contains(text, secret) {
			t.Errorf("%s prints the password of the URI:\n%s", name, text)
		}
		if !strings.Contains(text, cfg.User+":xxxxx@") {
			t.Errorf("%s does not print the URI masked:\n%s", name, text)
		}
	}
}

// TestLocalNeo4jPasswordNotOnCommandLine reads the command line of the
// Neo4j that tools/neo4j-local started for this test run: any local user
// can read it, so the password is not on it.
func TestLocalNeo4jPasswordNotOnCommandLine(t *testing.T) {
	dir := os.Getenv("NEO4J_LOCAL_DIR")
	pid, err := os.ReadFile(dir + "/neo4j-local.pid")
	if dir == "" || err != nil {
		t.Skip("no Neo4j started by tools/neo4j-local for this run")
	}
	cmdline, err := os.ReadFile("/proc/" + strings.TrimSpace(string(pid)) + "/cmdline")
	if err != nil {
		t.Skipf("cannot read the command line: %v", err)
	}
	if !strings.Contains(string(cmdline), "csakg.neo4jlocal.Main") {
		t.Fatalf("pid %s is not the launcher: %q", pid, cmdline)
	}
	if pw := neo4jtest.Config(t).Password.Reveal(); strings.Contains(string(cmdline), pw) {
		t.Errorf("the password is on Neo4j's command line: %q", strings.ReplaceAll(string(cmdline), "\x00", " "))
	}
}
