// Package policies holds crlint's built-in Rego rules and the library they
// share, embedded into the binary.
package policies

import "embed"

// FS holds lib/ and rules/: every .rego file, tests included (the tests are
// run by `crlint test` and `make test`, never evaluated by `check`).
//
//go:embed lib rules
var FS embed.FS
