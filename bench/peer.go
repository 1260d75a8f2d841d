package main

// The peer mode: the same questions asked of csakg and of the peer (the
// Neo4j GraphQL Library on Apollo Server, bench/peer/), each in its own
// query syntax, in alternating rounds on the same Neo4j. Before a shape
// is timed, both answers are read down to the values they must agree on
// (ids, names, counts) and compared.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// peerShape is one question in both syntaxes, with the paths of the
// values both answers must agree on (see pick).
type peerShape struct {
	name        string
	csakg, peer request
	same        [][2]string // {csakg path, peer path}
}

// peerShapes are the questions of the mix that the peer can ask natively
// (search, paths, collaborators and timeline have no equivalent there),
// and three that are hard on big neighbourhoods: counts only, and a filter
// across a relationship, on a root list and on a nested connection. big is the working group with the most members;
// text is a fragment of member names.
func peerShapes(big, text string) []peerShape {
	byName := `sort: [{node: {name: ASC}}, {node: {id: ASC}}]`
	return []peerShape{
		{name: "entity",
			csakg: request{Query: `query($id: ID!) { node(id: $id) { id name type aliases description ... on Person { title email } } }`, Vars: map[string]any{"id": "person:gen-7"}},
			peer:  request{Query: `query($id: ID!) { people(where: {id: {eq: $id}}) { id name aliases description title email } }`, Vars: map[string]any{"id": "person:gen-7"}},
			same:  [][2]string{{"node.id", "people.0.id"}, {"node.name", "people.0.name"}, {"node.email", "people.0.email"}}},
		{name: "neighbours-3",
			csakg: request{Query: `query($id: ID!) { node(id: $id) { id name ... on WorkingGroup {
				members(first: 10) { totalCount edges { role node { name workingGroups(first: 5) { edges { node { name
				members(first: 5) { edges { node { name } } } } } } } } } } } }`, Vars: map[string]any{"id": "wg:gen-1"}},
			peer: request{Query: `query($id: ID!) { workingGroups(where: {id: {eq: $id}}) { id name
				membersConnection(first: 10, ` + byName + `) { totalCount edges { properties { role } node { name
				workingGroupsConnection(first: 5, ` + byName + `) { edges { node { name
				membersConnection(first: 5, ` + byName + `) { edges { node { name } } } } } } } } } } }`, Vars: map[string]any{"id": "wg:gen-1"}},
			same: [][2]string{{"node.members.totalCount", "workingGroups.0.membersConnection.totalCount"},
				{"node.members.edges.*.role", "workingGroups.0.membersConnection.edges.*.properties.role"},
				{"node.members.edges.*.node.workingGroups.edges.*.node.members.edges.*.node.name",
					"workingGroups.0.membersConnection.edges.*.node.workingGroupsConnection.edges.*.node.membersConnection.edges.*.node.name"}}},
		{name: "list-filtered",
			csakg: request{Query: `{ workingGroups(first: 20, where: {nameContains: "cloud"}) { totalCount pageInfo { hasNextPage } edges { node { id name acronym } } } }`},
			peer: request{Query: `{ workingGroupsConnection(first: 20, where: {nameKey: {contains: "cloud"}}, sort: [{name: ASC}, {id: ASC}]) {
				totalCount pageInfo { hasNextPage } edges { node { id name acronym } } } }`},
			same: [][2]string{{"workingGroups.totalCount", "workingGroupsConnection.totalCount"},
				{"workingGroups.edges.*.node.id", "workingGroupsConnection.edges.*.node.id"},
				{"workingGroups.pageInfo.hasNextPage", "workingGroupsConnection.pageInfo.hasNextPage"}}},
		{name: "events-month",
			csakg: request{Query: `{ events(first: 20, where: {dateFrom: "2020-06", dateTo: "2020-06"}) { totalCount edges { node { id name date } } } }`},
			peer: request{Query: `{ eventsConnection(first: 20, where: {date: {startsWith: "2020-06"}}, sort: [{date: ASC}, {id: ASC}]) {
				totalCount edges { node { id name date } } } }`},
			same: [][2]string{{"events.totalCount", "eventsConnection.totalCount"}, {"events.edges.*.node.id", "eventsConnection.edges.*.node.id"}}},
		{name: "counts",
			csakg: request{Query: `query($id: ID!) { node(id: $id) { ... on WorkingGroup { members { totalCount } events { totalCount } } } }`, Vars: map[string]any{"id": big}},
			peer:  request{Query: `query($id: ID!) { workingGroups(where: {id: {eq: $id}}) { membersConnection { totalCount } eventsConnection { totalCount } } }`, Vars: map[string]any{"id": big}},
			same: [][2]string{{"node.members.totalCount", "workingGroups.0.membersConnection.totalCount"},
				{"node.events.totalCount", "workingGroups.0.eventsConnection.totalCount"}}},
		{name: "rel-filter",
			csakg: request{Query: `query($t: String!) { workingGroups(first: 20, where: {members: {some: {nameContains: $t}}}) { edges { node { id name } } } }`, Vars: map[string]any{"t": text}},
			peer: request{Query: `query($t: String!) { workingGroups(limit: 20, where: {members: {some: {nameKey: {contains: $t}}}}, sort: [{name: ASC}, {id: ASC}]) { id name } }`,
				Vars: map[string]any{"t": text}},
			same: [][2]string{{"workingGroups.edges.*.node.id", "workingGroups.*.id"}}},
		// A filter across a relationship on a nested connection: the big
		// group's members who are in a group whose name has the text.
		{name: "nested-filter",
			csakg: request{Query: `query($id: ID!) { node(id: $id) { ... on WorkingGroup {
				members(first: 10, where: {workingGroups: {some: {nameContains: "cloud"}}}) { totalCount edges { node { id name } } } } } }`, Vars: map[string]any{"id": big}},
			peer: request{Query: `query($id: ID!) { workingGroups(where: {id: {eq: $id}}) {
				membersConnection(first: 10, where: {node: {workingGroups: {some: {nameKey: {contains: "cloud"}}}}}, ` + byName + `) { totalCount edges { node { id name } } } } }`, Vars: map[string]any{"id": big}},
			same: [][2]string{{"node.members.totalCount", "workingGroups.0.membersConnection.totalCount"},
				{"node.members.edges.*.node.id", "workingGroups.0.membersConnection.edges.*.node.id"}}},
	}
}

// pick reads the value at a dotted path of a GraphQL answer's data; "*"
// maps over a list and flattens, a number indexes one.
func pick(v any, path string) any {
	head, rest, _ := strings.Cut(path, ".")
	if head == "" {
		return v
	}
	switch x := v.(type) {
	case map[string]any:
		return pick(x[head], rest)
	case []any:
		if head == "*" {
			out := []any{}
			for _, e := range x {
				p := pick(e, rest)
				if l, ok := p.([]any); ok && strings.Contains(rest, "*") {
					out = append(out, l...)
				} else {
					out = append(out, p)
				}
			}
			return out
		}
		var i int
		if _, err := fmt.Sscan(head, &i); err != nil || i < 0 || i >= len(x) {
			return nil
		}
		return pick(x[i], rest)
	}
	return nil
}

// answerData posts r and returns the data of the answer, or an error if
// it has errors.
func answerData(c *http.Client, url string, r request) (any, error) {
	body, err := postBody(c, url, r)
	if err != nil {
		return nil, err
	}
	var out struct {
		Data   any
		Errors []any
	}
	if err := json.Unmarshal(body, &out); err != nil {
		return nil, err
	}
	if len(out.Errors) > 0 {
		return nil, fmt.Errorf("errors: %s", body)
	}
	return out.Data, nil
}

func postBody(c *http.Client, url string, r request) ([]byte, error) {
	b, _ := json.Marshal(map[string]any{"query": r.Query, "variables": r.Vars})
	resp, err := c.Post(url, "application/json", bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("status %d: %s", resp.StatusCode, body)
	}
	return body, err
}

// agree checks both answers of s have the same values at s.same; a
// shape whose compared values are all empty proves nothing and fails too.
func agree(c *http.Client, csakgURL, peerURL string, s peerShape) error {
	a, err := answerData(c, csakgURL, s.csakg)
	if err != nil {
		return fmt.Errorf("csakg: %w", err)
	}
	p, err := answerData(c, peerURL, s.peer)
	if err != nil {
		return fmt.Errorf("peer: %w", err)
	}
	empty := true
	for _, pair := range s.same {
		x, y := pick(a, pair[0]), pick(p, pair[1])
		if !reflect.DeepEqual(x, y) {
			return fmt.Errorf("csakg %s = %v, peer %s = %v", pair[0], x, pair[1], y)
		}
		if l, ok := x.([]any); x != nil && (!ok || len(l) > 0) {
			empty = false
		}
	}
	if empty {
		return errors.New("both answers are empty: nothing compared")
	}
	return nil
}

// peerRow is one cell of the peer table.
type peerRow struct {
	name      string
	conc      int
	api, peer stats
	agreed    string
}

// runPeer measures every shape at every concurrency, csakg and the peer
// in alternating rounds.
func runPeer(ctx context.Context, c config, srv *server, client *http.Client, peerURL string, shapes []peerShape) string {
	var rows []peerRow
	checked := map[string]string{}
	for _, s := range shapes {
		if err := agree(client, srv.base+"/graphql", peerURL, s); err != nil {
			checked[s.name] = "no: " + err.Error()
			fmt.Fprintf(os.Stderr, "peer: %s: answers differ or fail: %v\n", s.name, err)
			continue
		}
		checked[s.name] = "yes"
	}
	for _, conc := range c.concurrency {
		for _, s := range shapes {
			if len(c.only) > 0 && !slices.Contains(c.only, s.name) || checked[s.name] != "yes" {
				continue
			}
			csakgReq, peerReq := s.csakg, s.peer
			csakgReq.Name, peerReq.Name = "csakg "+s.name, "peer "+s.name
			api, peer := measure(c, conc,
				func() error { return srv.post(client, csakgReq) },
				func() error { return postTo(client, peerURL, peerReq) })
			rows = append(rows, peerRow{name: s.name, conc: conc, api: api, peer: peer, agreed: checked[s.name]})
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n## csakg and the peer side by side\n\nThe peer: the Neo4j GraphQL Library on Apollo Server (bench/peer/), on the same Neo4j and graph. "+
		"Each cell: csakg and the peer in %d alternating rounds, up to max(%d, 20 × concurrency) requests and %v each. Latencies in ms; ratios are csakg's throughput over the peer's, the peer's p50 over csakg's.\n\n",
		rounds, c.n, c.maxTime)
	fmt.Fprintln(&b, "| request | conc | csakg p50 | p95 | req/s | peer p50 | p95 | req/s | req/s ratio | p50 ratio | errors |")
	fmt.Fprintln(&b, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %d | %s | %s | %.0f | %s | %s | %.0f | %.2f | %.2f | %d |\n",
			r.name, r.conc, ms(r.api.p50), ms(r.api.p95), r.api.throughput, ms(r.peer.p50), ms(r.peer.p95), r.peer.throughput,
			r.api.throughput/max(r.peer.throughput, 1e-9), float64(r.peer.p50)/float64(max(r.api.p50, 1)), r.api.errors+r.peer.errors)
	}
	fmt.Fprintln(&b, "\nAnswers compared before timing:")
	for _, s := range shapes {
		fmt.Fprintf(&b, "- %s: %s\n", s.name, checked[s.name])
	}
	return b.String()
}

// postTo posts r to url and fails on an error status or an answer with
// errors, as server.post does for csakg.
func postTo(c *http.Client, url string, r request) error {
	b, ok := bodies.Load(r.Name)
	if !ok {
		enc, _ := json.Marshal(map[string]any{"query": r.Query, "variables": r.Vars})
		b, _ = bodies.LoadOrStore(r.Name, enc)
	}
	resp, err := c.Post(url, "application/json", bytes.NewReader(b.([]byte)))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	buf := readBufs.Get().(*bytes.Buffer)
	defer func() { buf.Reset(); readBufs.Put(buf) }()
	if _, err := buf.ReadFrom(resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK || bytes.Contains(buf.Bytes(), []byte(`"errors"`)) {
		return fmt.Errorf("%s: %d %s", r.Name, resp.StatusCode, buf.Bytes())
	}
	return nil
}

// peerProcess is a peer the benchmark started itself (-peer auto).
type peerProcess struct {
	cmd *exec.Cmd
	url string
}

// startPeer runs bench/peer/server.js with node on a free loopback port,
// against the same Neo4j, and waits until it answers.
func startPeer(ctx context.Context) (*peerProcess, error) {
	dir := filepath.Join("bench", "peer")
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err != nil {
		return nil, fmt.Errorf("the peer is not installed: run 'npm ci' in %s (make bench-peer does)", dir)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	cfg := neo4jConfig()
	cmd := exec.CommandContext(ctx, "node", "server.js")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), fmt.Sprintf("PEER_PORT=%d", port), "NEO4J_URI="+cfg.URI, "NEO4J_USER="+cfg.User, "NEO4J_PASSWORD="+cfg.Password.Reveal())
	cmd.Stdout, cmd.Stderr = io.Discard, os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	p := &peerProcess{cmd: cmd, url: fmt.Sprintf("http://127.0.0.1:%d/", port)}
	client := &http.Client{Timeout: 5 * time.Second}
	for t0 := time.Now(); time.Since(t0) < 60*time.Second; time.Sleep(200 * time.Millisecond) {
		if _, err := answerData(client, p.url, request{Query: "{ __typename }"}); err == nil {
			return p, nil
		}
	}
	p.stop()
	return nil, errors.New("the peer did not answer in 60s")
}

func (p *peerProcess) stop() { stopProcess(p.cmd, 10*time.Second) }

// sideBySide runs the peer table and writes its report.
func sideBySide(ctx context.Context, c config, srv *server, client *http.Client, driver neo4j.DriverWithContext, db string) error {
	url := c.peer
	if url == "auto" {
		p, err := startPeer(ctx)
		if err != nil {
			return err
		}
		defer p.stop()
		url = p.url
	}
	res, err := neo4j.ExecuteQuery(ctx, driver, cypherBiggestGroup, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db))
	if err != nil || len(res.Records) == 0 {
		return fmt.Errorf("finding the biggest working group: %v", err)
	}
	big, _ := res.Records[0].Get("id")
	report := runPeer(ctx, c, srv, client, url, peerShapes(fmt.Sprint(big), c.peerText))
	report = fmt.Sprintf("Graph: generated, scale %d, seed %d; the biggest working group is %s.\n", c.scale, c.seed, big) + report
	fmt.Print(report)
	if c.out != "" {
		return os.WriteFile(c.out, []byte(report), 0o644)
	}
	return nil
}

// cypherBiggestGroup finds the working group with the most members.
const cypherBiggestGroup = `MATCH (w:WorkingGroup) RETURN w.id AS id ORDER BY COUNT { (w)<-[:MEMBER_OF]-() } DESC, w.id LIMIT 1`
