package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"csakg/eval"
	"csakg/loader"
)

const evalUsage = `usage: csakg eval [flags] DIR

Scores the loader on the pages of DIR against DIR/expect.json (or --expect
FILE; its format is in shared/corpus/dev/README.md, section "expect.json").
Exits 1 when a total misses a threshold given with the flags.

`

// runEval is `csakg eval`: build each page of a corpus, score it against
// the expectation and print the report.
func runEval(cfg config, args []string, stdout, stderr io.Writer) error {
	if len(args) > 1 && strings.HasPrefix(args[1], "-") {
		return usageError{fmt.Errorf("eval: flags go before DIR: csakg eval [flags] DIR (got %q after it)", args[1])}
	}
	if len(args) != 1 {
		return usageError{fmt.Errorf("eval: want one folder DIR, got %d arguments", len(args))}
	}
	corpus, err := eval.Load(args[0], cfg.Eval.Expect)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	cur, err := readCuration(cfg.Curation)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	rep, err := eval.Score(corpus, eval.LoaderBuilder(cur))
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	if cfg.Eval.JSON {
		err = rep.WriteJSON(stdout)
	} else {
		err = rep.WriteText(stdout, cfg.Eval.Verbose)
	}
	if err != nil {
		return err
	}
	if fails := rep.Check(cfg.Eval.Thresholds); len(fails) > 0 {
		return fmt.Errorf("eval: %s", strings.Join(fails, "; "))
	}
	return nil
}

// readCuration reads the curation file at path; an empty path is none.
func readCuration(path string) (*loader.Curation, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("curation: %w", err)
	}
	return loader.ParseCuration(path, data)
}

// evalFlags declares the flags of csakg eval on fs.
func evalFlags(fs *flag.FlagSet, c *evalConfig, stderr io.Writer) {
	fs.StringVar(&c.Expect, "expect", "", "expectation `file` (default DIR/expect.json)")
	fs.BoolVar(&c.Verbose, "v", false, "list every miss: entities, relations, aliases, traps taken, invented entities, forbidden relations taken")
	fs.BoolVar(&c.JSON, "json", false, "print the report as JSON")
	fs.Var(optFloat{&c.Thresholds.MinEntities}, "min-entities", "exit 1 when total entity recall is below this `percent` (default: no threshold)")
	fs.Var(optFloat{&c.Thresholds.MinRelations}, "min-relations", "exit 1 when total relationship recall is below this `percent` (default: no threshold)")
	fs.Var(optInt{&c.Thresholds.MaxTraps}, "max-traps", "exit 1 when more than this `number` of traps are taken (default: no threshold)")
	fs.Var(optInt{&c.Thresholds.MaxInvented}, "max-invented", "exit 1 when more than this `number` of entities are invented (default: no threshold)")
	fs.Usage = func() {
		fmt.Fprint(stderr, evalUsage, eval.Rules, "\n\nflags:\n")
		fs.PrintDefaults()
	}
}

func checkEvalFlags(t eval.Thresholds) error {
	for name, v := range map[string]*float64{"min-entities": t.MinEntities, "min-relations": t.MinRelations} {
		if v != nil && (*v < 0 || *v > 100) {
			return fmt.Errorf("%s: %g is not a percentage from 0 to 100", name, *v)
		}
	}
	for name, v := range map[string]*int{"max-traps": t.MaxTraps, "max-invented": t.MaxInvented} {
		if v != nil && *v < 0 {
			return fmt.Errorf("%s: %d is negative", name, *v)
		}
	}
	return nil
}

// optFloat is a flag whose absence means "not set".
type optFloat struct{ p **float64 }

func (o optFloat) String() string {
	if o.p == nil || *o.p == nil {
		return ""
	}
	return strconv.FormatFloat(**o.p, 'g', -1, 64)
}

func (o optFloat) Set(s string) error {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("%q is not a number", s)
	}
	*o.p = &f
	return nil
}

// optInt is an integer flag whose absence means "not set".
type optInt struct{ p **int }

func (o optInt) String() string {
	if o.p == nil || *o.p == nil {
		return ""
	}
	return strconv.Itoa(**o.p)
}

func (o optInt) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil {
		return fmt.Errorf("%q is not a whole number", s)
	}
	*o.p = &n
	return nil
}
