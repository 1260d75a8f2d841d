# csakg's commands. `make run` and `make test` are the README's quick start.
SHELL := bash
SOURCES ?= ../shared/seeds

# `make eval` thresholds: MIN_* are recall percentages, MAX_* counts; an
# empty one is no threshold. EVAL_ARGS adds flags (EVAL_ARGS=-v lists misses).
DEV_CORPUS ?= ../shared/corpus/dev
# They sit just under the latest figures (README, Quality), so a change
# that loses facts fails `make test`.
EVAL_DEV_MIN_ENTITIES ?= 96
EVAL_DEV_MIN_RELATIONS ?= 95
EVAL_DEV_MAX_TRAPS ?= 0
EVAL_DEV_MAX_INVENTED ?= 0
EVAL_SEEDS_MIN_ENTITIES ?= 96
EVAL_SEEDS_MIN_RELATIONS ?= 93
EVAL_SEEDS_MAX_TRAPS ?= 2
EVAL_SEEDS_MAX_INVENTED ?= 2
EVAL_ARGS ?=

.PHONY: run test eval bench bench-peer faults web generate check-generate build neo4j-start neo4j-stop clean

## run: start Neo4j if NEO4J_URI is unset, load $(SOURCES), serve GraphiQL on http://127.0.0.1:8080/
run:
	SOURCES=$(SOURCES) scripts/run

## test: go vet and all tests against a real Neo4j (a test instance when NEO4J_URI is unset)
test: check-generate
	scripts/test

## eval: score the loader on $(DEV_CORPUS), and on the seeds when testdata/seeds.expect.json exists
eval_flags = $(EVAL_ARGS) \
	$(if $(EVAL_$(1)_MIN_ENTITIES),--min-entities $(EVAL_$(1)_MIN_ENTITIES)) \
	$(if $(EVAL_$(1)_MIN_RELATIONS),--min-relations $(EVAL_$(1)_MIN_RELATIONS)) \
	$(if $(EVAL_$(1)_MAX_TRAPS),--max-traps $(EVAL_$(1)_MAX_TRAPS)) \
	$(if $(EVAL_$(1)_MAX_INVENTED),--max-invented $(EVAL_$(1)_MAX_INVENTED))
eval: build
	bin/csakg eval $(call eval_flags,DEV) $(DEV_CORPUS)
	@if [ -f testdata/seeds.expect.json ]; then \
		echo bin/csakg eval $(call eval_flags,SEEDS) --expect testdata/seeds.expect.json --curation curation.example.txt ../shared/seeds; \
		bin/csakg eval $(call eval_flags,SEEDS) --expect testdata/seeds.expect.json --curation curation.example.txt ../shared/seeds; \
	else \
		echo "no testdata/seeds.expect.json: the seeds are not scored"; \
	fi

## bench: load a generated graph and measure csakg against the raw-Cypher floor (BENCH_ARGS to change the run)
BENCH_ARGS ?= -scale 1 -n 300 -concurrency 1,8,64
bench:
	scripts/bench $(BENCH_ARGS)

## bench-peer: csakg side by side with the peer (bench/peer/: the Neo4j GraphQL Library on Apollo Server), started and stopped by the run; not part of test
BENCH_PEER_ARGS ?= -scale 1 -n 300 -concurrency 1,16,64
bench-peer:
	cd bench/peer && npm ci --no-audit --no-fund --loglevel=error
	scripts/bench -peer auto $(BENCH_PEER_ARGS)

## faults: a bounded soak run (200 clients, 60 s, the bench's request mix) that fails on any error or growing memory
faults:
	scripts/bench -soak 60s -clients 200

## web: refresh the explorer's vendored graph library from web/package-lock.json
web:
	cd web && npm ci --no-audit --no-fund && npm run vendor

## generate: regenerate the graph model's Go types (internal/modelgen) and gqlgen code from schema/*.graphqls
generate:
	go generate ./...

# generated are the files `go generate` writes: modelgen's, gqlgen's, and the
# root list resolvers, whose bodies internal/gqlgen writes.
generated = graph/generated.go graph/model/models_gen.go graph/model/entities_gen.go graph/schema.resolvers.go

## check-generate: fail when generated code is not what `go generate` makes
check-generate:
	go generate ./...
	@git diff --exit-code -- $(generated) || \
		{ echo "generated code is out of date: run 'make generate' and commit" >&2; exit 1; }
	@test -z "$$(git status --porcelain -- $(generated))" || \
		{ echo "generated code is not committed" >&2; exit 1; }

build:
	go build -o bin/csakg .

neo4j-start:
	tools/neo4j-local/neo4j-local start

neo4j-stop:
	tools/neo4j-local/neo4j-local stop

clean:
	rm -rf bin tools/neo4j-local/target
