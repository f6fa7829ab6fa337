GO ?= go
GOFILES = $(shell git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.git/*')

.PHONY: build test lint vet fmt-check generate docs bench bench-compare fuzz

build:
	$(GO) build -o bin/crlint ./cmd/crlint

## test: everything CI runs — vet, gofmt, the Go tests with -race, the Rego tests
test: vet fmt-check
	$(GO) test -race ./...
	$(GO) run ./cmd/crlint test
	$(GO) run ./cmd/crlint test examples/policies

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $(GOFILES)); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

## lint: static checks on the Go code and the bundled examples
lint: vet fmt-check
	$(GO) run ./cmd/crlint check examples/northbank.toml

## generate: the built-in rules' metadata table and compiled form (go generate), then their docs pages
generate:
	$(GO) generate ./pkg/lint ./pkg/planspike
	$(MAKE) docs

## docs: regenerate docs/rules/<name>.md from the rules' METADATA
docs:
	mkdir -p docs/rules
	$(GO) run ./cmd/crlint docs docs/rules

## bench: Go benchmarks, then the CLI timed over generated corpora (.ci/bench)
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./pkg/lint/ ./pkg/model/ ./pkg/lsp/
	.ci/bench

## bench-compare: crlint against conftest v0.71.1 on ../shared/bench, in
## alternation, for 1, 1,000 and 10,000 files: medians of per-pair ratios
## (wall, CPU, peak RSS). conftest is installed once into BENCH_CACHE.
BENCH_CACHE ?= .cache/bench
BENCH_SIZES ?= 1,1000,10000
CONFTEST_VERSION ?= v0.71.1
CONFTEST = $(BENCH_CACHE)/conftest-$(CONFTEST_VERSION)/conftest
bench-compare:
	@[ -x $(CONFTEST) ] || GOBIN=$(abspath $(dir $(CONFTEST))) $(GO) install github.com/open-policy-agent/conftest@$(CONFTEST_VERSION)
	$(GO) build -trimpath -o bin/crlint ./cmd/crlint
	$(GO) run ./cmd/benchcompare -bench ../shared/bench -cache $(BENCH_CACHE) -crlint bin/crlint -conftest $(CONFTEST) -sizes $(BENCH_SIZES)

## schema: regenerate examples/crlint.schema.json, the JSON Schema editors read
.PHONY: schema
schema:
	$(GO) run ./cmd/crlint schema -o examples/crlint.schema.json

## fuzz: each fuzz target for FUZZTIME, one after another with one worker
## (the seeds and every crasher kept under testdata/fuzz run in `make test`)
FUZZTIME ?= 30s
FUZZFLAGS ?= -parallel=1 -fuzzminimizetime=5s
fuzz:
	$(GO) test ./pkg/model -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME) $(FUZZFLAGS)
	$(GO) test ./pkg/model -run '^$$' -fuzz '^FuzzIndex$$' -fuzztime $(FUZZTIME) $(FUZZFLAGS)
	$(GO) test ./pkg/model -run '^$$' -fuzz '^FuzzRange$$' -fuzztime $(FUZZTIME) $(FUZZFLAGS)
	$(GO) test ./pkg/lint -run '^$$' -fuzz '^FuzzSuppression$$' -fuzztime $(FUZZTIME) $(FUZZFLAGS)
	$(GO) test ./pkg/lint -run '^$$' -fuzz '^FuzzCheck$$' -fuzztime $(FUZZTIME) $(FUZZFLAGS)
	$(GO) test ./pkg/config -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) $(FUZZFLAGS)
	$(GO) test ./pkg/lint -run '^$$' -fuzz '^FuzzPolicyLoad$$' -fuzztime $(FUZZTIME) $(FUZZFLAGS)

## vscode: build the VS Code extension (editors/vscode) and test its
## activation logic with node's test runner; needs node and npm, which
## `make test` does not
.PHONY: vscode vsix
vscode:
	cd editors/vscode && npm ci --no-audit --no-fund && npm run compile && npm test

## vsix: package the extension as editors/vscode/crlint.vsix (@vscode/vsce)
vsix: vscode
	cd editors/vscode && npm run package
