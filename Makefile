GO ?= go
GOFILES = $(shell git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.git/*')

.PHONY: build test lint vet fmt-check docs bench fuzz

build:
	$(GO) build -o bin/crlint ./cmd/crlint

## test: everything CI runs — vet, gofmt, the Go tests with -race, the Rego tests
test: vet fmt-check
	$(GO) test -race ./...
	$(GO) run ./cmd/crlint test

vet:
	$(GO) vet ./...

fmt-check:
	@out=$$(gofmt -l $(GOFILES)); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

## lint: static checks on the Go code and the bundled examples
lint: vet fmt-check
	$(GO) run ./cmd/crlint check examples/northbank.toml

## docs: regenerate docs/rules/<name>.md from the rules' METADATA
docs:
	mkdir -p docs/rules
	$(GO) run ./cmd/crlint docs docs/rules
