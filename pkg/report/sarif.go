package report

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"
)

// The tool as SARIF names it.
const (
	sarifToolName = "crlint"
	sarifToolURI  = "https://github.com/crlint/crlint"
)

// SARIF writes a SARIF 2.1.0 log with one run: a rules table with an entry
// for every rule of the run, and a result for every finding, so that code
// scanning services (GitHub, Azure DevOps, IDE viewers) can show them.
type SARIF struct {
	w       io.Writer
	rules   []RuleInfo
	version string
	o       Options
}

// NewSARIF returns a SARIF reporter writing to w. o.Rules fills the rules
// table and o.Version names the tool's version; both may be empty.
func NewSARIF(w io.Writer, o Options) *SARIF {
	return &SARIF{w: w, rules: o.Rules, version: o.Version, o: o}
}

// Report writes the findings as one SARIF log.
func (s *SARIF) Report(_ context.Context, _ Run, fs []Finding) error {
	log, err := sarif.New(sarif.Version210)
	if err != nil {
		return fmt.Errorf("sarif: %w", err)
	}
	run := sarif.NewRunWithInformationURI(sarifToolName, sarifToolURI)
	if s.version != "" {
		run.Tool.Driver.WithVersion(s.version)
	}
	// Finding columns count characters (SPEC §2), not UTF-16 code units.
	run.WithColumnKind("unicodeCodePoints")

	idx := newRuleIndex()
	for _, r := range s.rules {
		if idx.add(r.Code, r.Name) {
			run.Tool.Driver.AddRule(sarifRule(r))
		}
	}
	for _, f := range fs {
		// A finding whose rule the caller did not list (or no rules at all)
		// still needs an entry for its ruleIndex to point at.
		if _, ok := idx.lookup(f.Code, f.Rule); !ok && idx.add(f.Code, f.Rule) {
			run.Tool.Driver.AddRule(derivedSARIFRule(f))
		}
	}
	prints := Fingerprints(fs, s.o.relative)
	for n, f := range fs {
		i, _ := idx.lookup(f.Code, f.Rule)
		f.File = s.o.relative(f.File)
		res := sarifResult(f, i)
		res.WithPartialFingerPrints(map[string]any{sarifFingerprintKey: prints[n]})
		run.Results = append(run.Results, res)
	}
	if s.o.WorkDir != "" {
		run.WithOriginalUriBaseIds(map[string]*sarif.ArtifactLocation{
			sarifSrcRoot: sarif.NewArtifactLocation().WithUri(dirURI(s.o.WorkDir)),
		})
	}
	log.AddRun(run)

	enc := json.NewEncoder(s.w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// ruleIndex finds a rule's position in the rules table by code and name,
// falling back to the code alone: custom policies may share a code.
type ruleIndex struct {
	byID   map[string]int
	byCode map[string]int
	n      int
}

func newRuleIndex() *ruleIndex {
	return &ruleIndex{byID: map[string]int{}, byCode: map[string]int{}}
}

// add records the next position for code and name and reports whether the
// pair is new.
func (x *ruleIndex) add(code, name string) bool {
	id := code + "\x00" + name
	if _, ok := x.byID[id]; ok {
		return false
	}
	x.byID[id] = x.n
	if _, ok := x.byCode[code]; !ok {
		x.byCode[code] = x.n
	}
	x.n++
	return true
}

func (x *ruleIndex) lookup(code, name string) (int, bool) {
	if i, ok := x.byID[code+"\x00"+name]; ok {
		return i, true
	}
	i, ok := x.byCode[code]
	return i, ok
}

func sarifRule(r RuleInfo) *sarif.ReportingDescriptor {
	summary := r.Summary
	if summary == "" {
		summary = ruleTitle(r.Code, r.Name)
	}
	d := sarif.NewRule(r.Code).WithShortDescription(sarif.NewMultiformatMessageString(summary))
	if r.Name != "" {
		d.WithName(r.Name)
	}
	if r.Help != "" {
		d.WithFullDescription(sarif.NewMultiformatMessageString(r.Help))
		d.WithTextHelp(r.Help)
	}
	if lvl := sarifLevel(r.Severity); lvl != "" || r.DefaultOff {
		c := sarif.NewReportingConfiguration()
		if lvl != "" {
			c.WithLevel(lvl)
		}
		if r.DefaultOff {
			c.WithEnabled(false) // SARIF's default is enabled
		}
		d.WithDefaultConfiguration(c)
	}
	return d
}

// derivedSARIFRule is the least a rules entry can say, from a finding alone:
// its severity may have been configured, so it is not the default level.
func derivedSARIFRule(f Finding) *sarif.ReportingDescriptor {
	d := sarif.NewRule(f.Code).WithShortDescription(sarif.NewMultiformatMessageString(ruleTitle(f.Code, f.Rule)))
	if f.Rule != "" {
		d.WithName(f.Rule)
	}
	return d
}

func sarifResult(f Finding, ruleIndex int) *sarif.Result {
	loc := sarif.NewPhysicalLocation().WithArtifactLocation(artifactLocation(f.File))
	// The schema's lines and columns start at 1; a finding without a line
	// points at the whole file.
	if f.Line >= 1 {
		region := sarif.NewRegion().WithStartLine(f.Line)
		if f.Column >= 1 {
			region.WithStartColumn(f.Column)
		}
		if f.EndLine >= f.Line && f.EndColumn >= 1 {
			region.WithEndLine(f.EndLine).WithEndColumn(f.EndColumn) // exclusive, as SARIF's is
		}
		loc.WithRegion(region)
	}
	location := sarif.NewLocationWithPhysicalLocation(loc)
	if f.Path != "" {
		location.AddLogicalLocations(sarif.NewLogicalLocation().WithFullyQualifiedName(f.Path))
	}
	r := sarif.NewRuleResult(f.Code).
		WithRuleIndex(ruleIndex).
		WithMessage(sarif.NewTextMessage(f.Message)).
		WithLocations([]*sarif.Location{location})
	if lvl := sarifLevel(f.Severity); lvl != "" {
		r.WithLevel(lvl)
	}
	if f.Hint != "" {
		r.Properties = sarif.Properties{"hint": f.Hint}
	}
	return r
}

// sarifLevel maps a severity to a SARIF level; info is a "note".
func sarifLevel(s Severity) string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	case Info:
		return "note"
	}
	return ""
}

// artifactURI turns a file name into a URI reference: forward slashes,
// relative names kept relative, and characters a URI cannot hold (spaces,
// "<stdin>") percent-encoded. An absolute path becomes a file: URI (a
// Windows drive path too, as "C:/x" would otherwise read as scheme "c").
func artifactURI(file string) string {
	p := filepath.ToSlash(file)
	if filepath.VolumeName(file) != "" {
		return (&url.URL{Scheme: "file", Path: "/" + p}).String()
	}
	if filepath.IsAbs(file) {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}

// The SARIF names crlint gives: the base of relative URIs (the working
// directory, as GitHub's upload-sarif expects), and its fingerprint.
const (
	sarifSrcRoot        = "%SRCROOT%"
	sarifFingerprintKey = "crlint/v1"
)

// artifactLocation is a file's location: a relative name is relative to
// %SRCROOT%, which SARIF validators require of a relative URI.
func artifactLocation(file string) *sarif.ArtifactLocation {
	uri := artifactURI(file)
	loc := sarif.NewArtifactLocation().WithUri(uri)
	if u, err := url.Parse(uri); err == nil && !u.IsAbs() && !filepath.IsAbs(file) && !strings.HasPrefix(file, "<") {
		loc.WithUriBaseId(sarifSrcRoot)
	}
	return loc
}

// dirURI is the file: URI of a directory, ending in a slash as SARIF
// requires of a base.
func dirURI(dir string) string {
	p := filepath.ToSlash(dir)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: strings.TrimSuffix(p, "/") + "/"}).String()
}

// ruleTitle is "CODE name", or whichever of the two there is.
func ruleTitle(code, name string) string {
	switch {
	case code == "" || code == name: // a conftest rule without a code: [warn]
		return name
	case name == "":
		return code
	}
	return code + " " + name
}
