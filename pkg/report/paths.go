package report

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// relPath is file relative to workDir when it lies below it, with forward
// slashes, as CI services need to attach a finding to a pull request's
// diff ("strategy/a.toml", not "/home/runner/work/x/strategy/a.toml"). A
// file elsewhere, and every file when workDir is "", keeps its name.
func relPath(workDir, file string) string {
	if workDir == "" || file == "" || strings.HasPrefix(file, "<") {
		return file
	}
	abs := file
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(workDir, file)
	}
	rel, err := filepath.Rel(workDir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return file
	}
	return filepath.ToSlash(rel)
}

// relative names a finding's file as the machine formats do.
func (o Options) relative(file string) string { return relPath(o.WorkDir, file) }

// indexRe matches the array indices of a key path.
var indexRe = regexp.MustCompile(`\[\d+\]`)

// Fingerprints identifies each finding across runs, for SARIF's
// partialFingerprints and Code Quality's fingerprint: a hash of the file
// (as named), the rule code, the message and the key path without its
// array indices, so that edits which move lines, or add an item above,
// keep it. Findings alike in all of these are told apart by their order.
func Fingerprints(fs []Finding, name func(string) string) []string {
	out := make([]string, len(fs))
	seen := map[string]int{}
	for i, f := range fs {
		key := strings.Join([]string{name(f.File), f.Code, f.Message, indexRe.ReplaceAllString(f.Path, "[]")}, "\x00")
		seen[key]++
		sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d", key, seen[key]))
		out[i] = hex.EncodeToString(sum[:16])
	}
	return out
}
