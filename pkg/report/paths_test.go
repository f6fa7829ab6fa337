package report

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// relFindings are findings of a model below the working directory, named
// absolutely (crlint check "$PWD/strategy/a.toml"), and of one outside it.
func relFindings(wd string) []Finding {
	in := filepath.Join(wd, "strategy", "a.toml")
	out := filepath.Join(filepath.Dir(wd), "elsewhere", "b.toml")
	return []Finding{
		{Code: "CR102", Rule: "segment-without-relationship", Severity: Warning, Message: `segment "smb" is served by no relationship`,
			File: in, Line: 3, Column: 1, Path: "segments[0].id"},
		{Code: "CR202", Rule: "high-touch-without-costs", Severity: Error, Message: `relationship "desk" (dedicated_personal_assistance) has no cost entry`,
			File: in, Line: 9, Column: 1, Path: "relationships[1].costs"},
		{Code: "CR401", Rule: "summary-missing", Severity: Info, Message: "no summary", File: out, Line: 1, Column: 1},
	}
}

type sarifDoc struct {
	Runs []struct {
		OriginalURIBaseIDs map[string]struct {
			URI string `json:"uri"`
		} `json:"originalUriBaseIds"`
		Results []struct {
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string `json:"uri"`
						URIBaseID string `json:"uriBaseId"`
					} `json:"artifactLocation"`
				} `json:"physicalLocation"`
			} `json:"locations"`
			PartialFingerprints map[string]string `json:"partialFingerprints"`
		} `json:"results"`
	} `json:"runs"`
}

func readSARIF(t *testing.T, out []byte) sarifDoc {
	t.Helper()
	var doc sarifDoc
	if err := json.Unmarshal(out, &doc); err != nil || len(doc.Runs) != 1 {
		t.Fatalf("not a one-run SARIF log (%v):\n%s", err, out)
	}
	return doc
}

// TestSARIFRelativeURIsAndFingerprints: a file below the working directory
// gets a relative uri based on %SRCROOT%, which originalUriBaseIds names;
// one outside keeps an absolute file: URI; fingerprints survive moved
// lines and an item added above, and tell different findings apart.
func TestSARIFRelativeURIsAndFingerprints(t *testing.T) {
	wd := filepath.Join(t.TempDir(), "repo")
	fs := relFindings(wd)
	doc := readSARIF(t, render(t, "sarif", Options{WorkDir: wd}, Run{}, fs))
	run := doc.Runs[0]
	if got, want := run.OriginalURIBaseIDs["%SRCROOT%"].URI, "file://"+filepath.ToSlash(wd)+"/"; got != want {
		t.Errorf("originalUriBaseIds %%SRCROOT%%: %q, want %q", got, want)
	}
	var locs []string
	for _, r := range run.Results {
		a := r.Locations[0].PhysicalLocation.ArtifactLocation
		locs = append(locs, a.URIBaseID+" "+a.URI)
	}
	want := []string{
		"%SRCROOT% strategy/a.toml",
		"%SRCROOT% strategy/a.toml",
		" file://" + filepath.ToSlash(filepath.Join(filepath.Dir(wd), "elsewhere", "b.toml")),
	}
	if !slices.Equal(locs, want) {
		t.Errorf("locations %q, want %q", locs, want)
	}
	prints := func(fs []Finding) []string {
		var out []string
		for _, r := range readSARIF(t, render(t, "sarif", Options{WorkDir: wd}, Run{}, fs)).Runs[0].Results {
			out = append(out, r.PartialFingerprints["crlint/v1"])
		}
		return out
	}
	before := prints(fs)
	if len(before) != 3 || before[0] == "" || before[0] == before[1] || before[1] == before[2] {
		t.Fatalf("fingerprints %q: want three different ones", before)
	}
	moved := relFindings(wd)
	for i := range moved {
		moved[i].Line += 7 // a comment block added above
	}
	moved[1].Path = "relationships[2].costs" // a relationship added above
	if after := prints(moved); !slices.Equal(after, before) {
		t.Errorf("after lines moved: %q, want %q", after, before)
	}
	changed := relFindings(wd)
	changed[0].Message = `segment "enterprise" is served by no relationship`
	if after := prints(changed); after[0] == before[0] || after[1] != before[1] {
		t.Errorf("another finding kept its fingerprint, or an unchanged one lost it: %q, before %q", after, before)
	}
	// The fingerprint names the file as written, so running from the same
	// directory with relative paths gives the same ones.
	rel := relFindings(wd)
	rel[0].File, rel[1].File = filepath.Join("strategy", "a.toml"), filepath.Join("strategy", "a.toml")
	if after := prints(rel); !slices.Equal(after, before) {
		t.Errorf("relative names: %q, want %q", after, before)
	}
}

// TestRelativePathsInMachineFormats: github, junit, json and codeclimate
// name a file below the working directory relative to it.
func TestRelativePathsInMachineFormats(t *testing.T) {
	wd := filepath.Join(t.TempDir(), "repo")
	fs := relFindings(wd)
	outside := filepath.ToSlash(fs[2].File)
	for format, want := range map[string][]string{
		"github":      {"file=strategy/a.toml,line=3,col=1", "file=" + strings.ReplaceAll(outside, ":", "%3A") + ","},
		"junit":       {`<testsuite name="strategy/a.toml"`, `classname="strategy/a.toml"`, "<![CDATA[strategy/a.toml:3:1: warning"},
		"json":        {`"file": "strategy/a.toml"`, `"file": "` + outside + `"`},
		"codeclimate": {`"path": "strategy/a.toml"`},
	} {
		out := string(render(t, format, Options{WorkDir: wd}, Run{}, fs))
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: no %q in\n%s", format, w, out)
			}
		}
		if strings.Contains(out, filepath.ToSlash(wd)) {
			t.Errorf("%s: the working directory appears in\n%s", format, out)
		}
	}
}

// TestCodeClimateFields validates the output against the fields GitLab's
// Code Quality documents as required: description, check_name,
// fingerprint (unique), severity (info, minor, major, critical, blocker),
// location.path (relative) and location.lines.begin (1 or more).
func TestCodeClimateFields(t *testing.T) {
	wd := filepath.Join(t.TempDir(), "repo")
	fs := relFindings(wd)[:2]
	out := render(t, "codeclimate", Options{WorkDir: wd}, Run{}, fs)
	var issues []map[string]any
	if err := json.Unmarshal(out, &issues); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out)
	}
	if len(issues) != len(fs) {
		t.Fatalf("%d issues, want %d", len(issues), len(fs))
	}
	severities := []string{"info", "minor", "major", "critical", "blocker"}
	seen := map[string]bool{}
	for i, is := range issues {
		str := func(k string) string {
			s, ok := is[k].(string)
			if !ok || s == "" {
				t.Errorf("issue %d: %s is %v, want a non-empty string", i, k, is[k])
			}
			return s
		}
		if d := str("description"); d != fs[i].Message {
			t.Errorf("issue %d: description %q", i, d)
		}
		if c := str("check_name"); c != fs[i].Code+" "+fs[i].Rule {
			t.Errorf("issue %d: check_name %q", i, c)
		}
		fp := str("fingerprint")
		if seen[fp] {
			t.Errorf("issue %d: fingerprint %q repeated", i, fp)
		}
		seen[fp] = true
		if s := str("severity"); !slices.Contains(severities, s) {
			t.Errorf("issue %d: severity %q not one of %v", i, s, severities)
		}
		loc, _ := is["location"].(map[string]any)
		lines, _ := loc["lines"].(map[string]any)
		if p, _ := loc["path"].(string); p != "strategy/a.toml" {
			t.Errorf("issue %d: location.path %q", i, p)
		}
		if b, ok := lines["begin"].(float64); !ok || int(b) != fs[i].Line {
			t.Errorf("issue %d: location.lines.begin %v, want %d", i, lines["begin"], fs[i].Line)
		}
	}
	if issues[0]["severity"] != "minor" || issues[1]["severity"] != "major" {
		t.Errorf("severities %v %v, want minor (warning) and major (error)", issues[0]["severity"], issues[1]["severity"])
	}
	if string(render(t, "codeclimate", Options{}, Run{}, nil)) != "[]\n" {
		t.Errorf("no findings: want an empty array")
	}
}
