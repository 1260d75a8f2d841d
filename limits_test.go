package main

import (
	"io"
	"os"
	"strings"
	"testing"
)

// TestReadmeLimits holds the README's Limits table to the limits serve
// applies by default: a limit added, removed or changed in
// graph.RequestLimits (or its constants) and not in the README fails it.
func TestReadmeLimits(t *testing.T) {
	c, _, err := parseConfig("serve", nil, func(string) string { return "" }, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	want.WriteString("| limit | value | error code |\n| --- | --- | --- |\n")
	for _, r := range limitRows(c) {
		want.WriteString("| " + r.Limit + " | " + r.Value + " | " + r.Code + " |\n")
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), want.String()) {
		t.Errorf("README's Limits table is not the limits serve applies; it should read:\n%s", want.String())
	}
}
