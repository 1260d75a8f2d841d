package main

import (
	_ "embed"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// readme holds the README's example queries, which a test runs against the
// sources; the playground opens with some of them.
//
//go:embed README.md
var readme string

// playgroundExamples are the README's examples the playground opens with,
// one tab each, in this order, and the operation name that titles the tab.
var playgroundExamples = []struct {
	number int
	name   string
}{
	{10, "GraphSize"},
	{1, "ServerlessPaper"},
	{2, "PersonToOMG"},
	{3, "ACMCollaborators"},
	{4, "February2021"},
}

// playgroundHint heads the first tab.
const playgroundHint = "# ▶ or Ctrl-Enter runs the query; the Docs and the Explorer are in the sidebar.\n"

// readmeExample is a numbered question in the README followed by its
// graphql block.
var readmeExample = regexp.MustCompile("(?m)^(\\d+)\\. (.+)\n\n```graphql\n((?s:.*?))```")

// playgroundTabs returns the queries of playgroundExamples from the README
// text, each titled with its question and named.
func playgroundTabs(readme string) ([]string, error) {
	examples := map[int][2]string{}
	for _, m := range readmeExample.FindAllStringSubmatch(readme, -1) {
		n, _ := strconv.Atoi(m[1])
		examples[n] = [2]string{m[2], m[3]}
	}
	var tabs []string
	for i, e := range playgroundExamples {
		ex, ok := examples[e.number]
		if !ok {
			return nil, fmt.Errorf("playground: README has no example query %d", e.number)
		}
		question, body := ex[0], ex[1]
		if !strings.HasPrefix(body, "{") {
			return nil, fmt.Errorf("playground: README example %d does not start with \"{\"", e.number)
		}
		q := "# " + question + "\nquery " + e.name + " " + body
		if i == 0 {
			q = playgroundHint + q
		}
		tabs = append(tabs, q)
	}
	return tabs, nil
}
