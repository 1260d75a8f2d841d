package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"csakg/internal/neo4jtest"
)

func TestParseConfig(t *testing.T) {
	tests := []struct {
		name    string
		cmd     string
		args    []string
		env     map[string]string
		check   func(config) error
		wantErr string
	}{
		{name: "defaults", cmd: "serve", check: func(c config) error {
			if c.Addr != "127.0.0.1:8080" || c.Neo4j.URI != "bolt://127.0.0.1:7687" || c.Limits.Timeout != 10*time.Second || !c.Playground {
				return fmt.Errorf("defaults wrong: %+v", c)
			}
			return nil
		}},
		{name: "environment", cmd: "serve",
			env: map[string]string{"NEO4J_URI": "neo4j+s://x.databases.neo4j.io", "CSAKG_CORS_ORIGINS": "https://a.example, https://b.example", "CSAKG_PLAYGROUND": "false"},
			check: func(c config) error {
				if c.Neo4j.URI != "neo4j+s://x.databases.neo4j.io" || len(c.CORSOrigins) != 2 || c.CORSOrigins[1] != "https://b.example" || c.Playground {
					return fmt.Errorf("environment not applied: %+v", c)
				}
				return nil
			}},
		{name: "flags win over environment", cmd: "serve", args: []string{"-addr", "127.0.0.1:9999"},
			env: map[string]string{"CSAKG_ADDR": "127.0.0.1:1111"},
			check: func(c config) error {
				if c.Addr != "127.0.0.1:9999" {
					return fmt.Errorf("addr = %q", c.Addr)
				}
				return nil
			}},
		{name: "bad duration", cmd: "serve", env: map[string]string{"CSAKG_REQUEST_TIMEOUT": "soon"}, wantErr: `CSAKG_REQUEST_TIMEOUT: "soon" is not a duration`},
		{name: "bad boolean", cmd: "serve", env: map[string]string{"CSAKG_PLAYGROUND": "maybe"}, wantErr: `CSAKG_PLAYGROUND: "maybe" is not a boolean`},
		{name: "unknown flag", cmd: "load", args: []string{"--frobnicate"}, wantErr: "flag provided but not defined: -frobnicate"},
		{name: "load writers from the environment", cmd: "load", env: map[string]string{"CSAKG_LOAD_WRITERS": "3"},
			check: func(c config) error {
				if c.Writers != 3 {
					return fmt.Errorf("writers = %d, want 3", c.Writers)
				}
				return nil
			}},
		{name: "negative writers", cmd: "load", args: []string{"--writers", "-1"}, wantErr: "writers: -1 is negative"},
		{name: "bad log format", cmd: "load", args: []string{"--log-format", "xml"}, wantErr: `log-format: "xml" is not text or json`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv := func(k string) string { return tt.env[k] }
			c, _, err := parseConfig(tt.cmd, tt.args, getenv, io.Discard)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if err := tt.check(c); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestConfigLogRedactsPassword(t *testing.T) {
	const pw = "hunter2-do-not-log"
	c, _, err := parseConfig("serve", nil, func(k string) string {
		if k == "NEO4J_PASSWORD" {
			return pw
		}
		return ""
	}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"text", "json"} {
		var buf bytes.Buffer
		newLogger(&buf, format).Info("starting", "config", c)
		fmt.Fprint(&buf, c.Neo4j.Password, c.Neo4j)
		if strings.Contains(buf.String(), pw) {
			t.Errorf("%s log shows the password: %s", format, buf.String())
		}
		if !strings.Contains(buf.String(), "[redacted]") {
			t.Errorf("%s log does not mark the password redacted: %s", format, buf.String())
		}
	}
}

func TestUnknownSubcommandArgument(t *testing.T) {
	err := run(context.Background(), []string{"serve", "extra"}, io.Discard, io.Discard)
	if err == nil || exitCode(err) != 2 || !strings.Contains(err.Error(), `"extra"`) {
		t.Fatalf("err = %v (exit %d), want a usage error naming the argument", err, exitCode(err))
	}
}

// proxy forwards TCP to a real Neo4j and can be cut and restored, so a test
// can take "Neo4j" away from a running server without stopping Neo4j.
type proxy struct {
	target string
	addr   string
	mu     sync.Mutex
	ln     net.Listener
	conns  []net.Conn
}

func newProxy(t testing.TB, target string) *proxy {
	p := &proxy{target: target}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.addr = ln.Addr().String()
	p.serve(ln)
	t.Cleanup(p.cut)
	return p
}

func (p *proxy) serve(ln net.Listener) {
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, up)
			p.mu.Unlock()
			go func() { io.Copy(up, c); up.Close() }()
			go func() { io.Copy(c, up); c.Close() }()
		}
	}()
}

// cut closes the listener and every open connection.
func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// restore listens again on the same address.
func (p *proxy) restore(t testing.TB) {
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		t.Fatal(err)
	}
	p.serve(ln)
}

// listenAddress reads a server's log until it says where it listens, then
// keeps draining the log.
func listenAddress(t testing.TB, log io.Reader) string {
	t.Helper()
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(log)
		for sc.Scan() {
			line := sc.Text()
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
		return base
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not say where it listens")
		return ""
	}
}

func waitStatus(t testing.TB, url string, want int, within time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	last := 0
	for time.Since(start) < within {
		resp, err := http.Get(url)
		if err == nil {
			last = resp.StatusCode
			resp.Body.Close()
			if last == want {
				return time.Since(start)
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s: status %d after %v, want %d", url, last, within, want)
	return 0
}

func graphqlCode(t testing.TB, base string) (data string, code any) {
	t.Helper()
	resp, err := http.Post(base+"/graphql", "application/json", strings.NewReader(`{"query":"{ stats { entities } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var body struct {
		Data   json.RawMessage
		Errors []struct{ Extensions map[string]any }
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if len(body.Errors) > 0 {
		return string(body.Data), body.Errors[0].Extensions["code"]
	}
	return string(body.Data), nil
}

// cypherQueries returns how many Cypher queries the server has sent, from
// its metrics.
func cypherQueries(t testing.TB, base string) float64 {
	t.Helper()
	resp, err := http.Get(base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var n float64
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) == 2 && strings.HasPrefix(f[0], "csakg_cypher_queries_total{") {
			var x float64
			fmt.Sscan(f[1], &x)
			n += x
		}
	}
	return n
}

// TestServeSurvivesNeo4jOutage starts the real server on a real Neo4j (behind
// a proxy), takes Neo4j away and brings it back: the server keeps answering,
// says it is not ready, gives a coded error, and recovers without a restart.
func TestServeSurvivesNeo4jOutage(t *testing.T) {
	cfg := neo4jtest.Config(t)
	target := strings.TrimPrefix(strings.TrimPrefix(cfg.URI, "bolt://"), "neo4j://")
	px := newProxy(t, target)
	px.cut() // Neo4j is "down" when the server starts

	t.Setenv("NEO4J_PASSWORD", cfg.Password.Reveal())
	goroutinesBefore := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	logR, logW := io.Pipe()
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--neo4j-uri", "bolt://" + px.addr, "--neo4j-user", cfg.User}, io.Discard, logW)
		logW.Close()
	}()
	base := listenAddress(t, logR)

	waitStatus(t, base+"/healthz", http.StatusOK, 10*time.Second)
	waitStatus(t, base+"/readyz", http.StatusServiceUnavailable, 5*time.Second)
	if _, code := graphqlCode(t, base); code != "DATABASE_UNAVAILABLE" {
		t.Errorf("query with neo4j down: code %v, want DATABASE_UNAVAILABLE", code)
	}

	px.restore(t)
	took := waitStatus(t, base+"/readyz", http.StatusOK, 15*time.Second)
	t.Logf("ready %v after neo4j came back", took)
	if data, code := graphqlCode(t, base); code != nil || !strings.Contains(data, "entities") {
		t.Errorf("query after recovery: data %s, code %v", data, code)
	}

	// While /readyz knows Neo4j is down, queries fail at once: none is
	// sent to the driver (BenchmarkQueryDuringOutage measures the time).
	px.cut()
	waitStatus(t, base+"/readyz", http.StatusServiceUnavailable, 10*time.Second)
	sent := cypherQueries(t, base)
	for range 5 {
		if _, code := graphqlCode(t, base); code != "DATABASE_UNAVAILABLE" {
			t.Errorf("query with neo4j known down: code %v, want DATABASE_UNAVAILABLE", code)
		}
	}
	if n := cypherQueries(t, base) - sent; n != 0 {
		t.Errorf("%v queries went to the driver while /readyz knew neo4j was down", n)
	}
	px.restore(t)
	waitStatus(t, base+"/readyz", http.StatusOK, 15*time.Second)
	if data, code := graphqlCode(t, base); code != nil || !strings.Contains(data, "entities") {
		t.Errorf("query after the second recovery: data %s, code %v", data, code)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after shutdown", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop after its context ended")
	}
	// No goroutine of the server outlives it (idle HTTP client connections
	// of this test aside, hence the slack).
	http.DefaultClient.CloseIdleConnections()
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > goroutinesBefore+3 {
		if time.Now().After(deadline) {
			t.Errorf("%d goroutines before the server, %d after it stopped", goroutinesBefore, runtime.NumGoroutine())
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
}
