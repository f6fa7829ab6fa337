package report

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sarifSchemaURL is the official schema's id; the file is the OASIS schema
// as github.com/owenrumney/go-sarif/v3 ships it.
const sarifSchemaURL = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// sarifSchema compiles testdata/sarif-schema-2.1.0.json, asserting formats
// such as uri-reference.
func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(sarifSchemaURL, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(sarifSchemaURL)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateSARIF(sch *jsonschema.Schema, doc []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

// sarifLog is the part of a SARIF log the tests read back.
type sarifLog struct {
	Version string `json:"version"`
	Runs    []struct {
		ColumnKind string `json:"columnKind"`
		Tool       struct {
			Driver struct {
				Name           string `json:"name"`
				InformationURI string `json:"informationUri"`
				Version        string `json:"version"`
				Rules          []struct {
					ID                   string `json:"id"`
					Name                 string `json:"name"`
					DefaultConfiguration *struct {
						Level   string `json:"level"`
						Enabled *bool  `json:"enabled"`
					} `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	sch := sarifSchema(t)
	cases := map[string][]byte{
		"with rules":     render(t, "sarif", Options{Rules: goldenRules(), Version: "1.2.3"}, goldenRun, goldenFindings()),
		"without rules":  render(t, "sarif", Options{}, goldenRun, goldenFindings()),
		"no findings":    render(t, "sarif", Options{Rules: goldenRules()}, goldenRun, nil),
		"nothing at all": render(t, "sarif", Options{}, Run{}, nil),
	}
	for name, doc := range cases {
		if err := validateSARIF(sch, doc); err != nil {
			t.Errorf("%s: not valid SARIF 2.1.0: %v\n%s", name, err, doc)
		}
	}
}

// TestSARIFSchemaRejectsBrokenLogs proves the validation can fail: each
// copy of a valid log breaks one rule of the schema.
func TestSARIFSchemaRejectsBrokenLogs(t *testing.T) {
	sch := sarifSchema(t)
	valid := render(t, "sarif", Options{Rules: goldenRules(), Version: "1.2.3"}, goldenRun, goldenFindings())
	breakers := map[string]func(log map[string]any){
		"unknown level": func(log map[string]any) {
			result(log)["level"] = "fatal"
		},
		"line 0": func(log map[string]any) {
			region := result(log)["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)["region"].(map[string]any)
			region["startLine"] = 0
		},
		"negative rule index": func(log map[string]any) {
			result(log)["ruleIndex"] = -2
		},
		"no message": func(log map[string]any) {
			delete(result(log), "message")
		},
		"no version": func(log map[string]any) {
			delete(log, "version")
		},
		"bad column kind": func(log map[string]any) {
			log["runs"].([]any)[0].(map[string]any)["columnKind"] = "bytes"
		},
	}
	for name, breakIt := range breakers {
		t.Run(name, func(t *testing.T) {
			var log map[string]any
			if err := json.Unmarshal(valid, &log); err != nil {
				t.Fatal(err)
			}
			breakIt(log)
			broken, err := json.Marshal(log)
			if err != nil {
				t.Fatal(err)
			}
			if err := validateSARIF(sch, broken); err == nil {
				t.Errorf("a log with %s passed validation", name)
			}
		})
	}
}

// result is the first result of the first run of a log read as JSON.
func result(log map[string]any) map[string]any {
	run := log["runs"].([]any)[0].(map[string]any)
	return run["results"].([]any)[0].(map[string]any)
}

func TestSARIFContent(t *testing.T) {
	for _, tc := range []struct {
		name  string
		rules []RuleInfo
		want  []string // rule ids, in order
	}{
		{"rules given", goldenRules(), []string{"CR101", "CR202", "CR301", "CR302", "CR402", "CR999"}},
		{"rules derived", nil, []string{"CR301", "CR101", "CR202", "CR402", "CR999"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := goldenFindings()
			var log sarifLog
			if err := json.Unmarshal(render(t, "sarif", Options{Rules: tc.rules, Version: "1.2.3"}, goldenRun, fs), &log); err != nil {
				t.Fatal(err)
			}
			if log.Version != "2.1.0" || len(log.Runs) != 1 {
				t.Fatalf("version %q, %d runs; want 2.1.0, one run", log.Version, len(log.Runs))
			}
			run := log.Runs[0]
			d := run.Tool.Driver
			if d.Name != "crlint" || d.InformationURI != "https://github.com/crlint/crlint" || d.Version != "1.2.3" || run.ColumnKind != "unicodeCodePoints" {
				t.Errorf("driver %q %q %q, columnKind %q", d.Name, d.InformationURI, d.Version, run.ColumnKind)
			}
			var ids []string
			for _, r := range d.Rules {
				ids = append(ids, r.ID)
			}
			if !slices.Equal(ids, tc.want) {
				t.Errorf("rules %v, want %v", ids, tc.want)
			}
			if len(run.Results) != len(fs) {
				t.Fatalf("%d results, want %d", len(run.Results), len(fs))
			}
			for i, r := range run.Results {
				f := fs[i]
				if r.RuleIndex < 0 || r.RuleIndex >= len(d.Rules) || d.Rules[r.RuleIndex].ID != r.RuleID || r.RuleID != f.Code {
					t.Errorf("result %d: ruleId %q, ruleIndex %d does not point at it", i, r.RuleID, r.RuleIndex)
				}
				if want := map[Severity]string{Error: "error", Warning: "warning", Info: "note"}[f.Severity]; r.Level != want {
					t.Errorf("result %d: level %q, want %q", i, r.Level, want)
				}
				pl := r.Locations[0].PhysicalLocation
				if r.Message.Text != f.Message || pl.Region.StartLine != f.Line || pl.Region.StartColumn != f.Column {
					t.Errorf("result %d: %q at %d:%d, want %q at %d:%d", i, r.Message.Text, pl.Region.StartLine, pl.Region.StartColumn, f.Message, f.Line, f.Column)
				}
				if pl.ArtifactLocation.URI != artifactURI(f.File) {
					t.Errorf("result %d: uri %q", i, pl.ArtifactLocation.URI)
				}
			}
		})
	}
}

func TestSARIFDefaultLevels(t *testing.T) {
	var log sarifLog
	if err := json.Unmarshal(render(t, "sarif", Options{Rules: goldenRules()}, Run{}, nil), &log); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"CR101": "warning", "CR202": "error", "CR301": "warning", "CR302": "warning", "CR402": "note"}
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		if r.DefaultConfiguration == nil || r.DefaultConfiguration.Level != want[r.ID] {
			t.Errorf("rule %s: default configuration %+v, want level %q", r.ID, r.DefaultConfiguration, want[r.ID])
		}
	}
	if len(log.Runs[0].Results) != 0 {
		t.Errorf("results for no findings: %+v", log.Runs[0].Results)
	}
}

func TestArtifactURI(t *testing.T) {
	for file, want := range map[string]string{
		"model.toml":             "model.toml",
		"models/alpha.toml":      "models/alpha.toml",
		"models/beta model.toml": "models/beta%20model.toml",
		"<stdin>":                "%3Cstdin%3E",
		"a:b.toml":               "./a:b.toml",
		"/abs/model.toml":        "file:///abs/model.toml",
		"modèle.toml":            "mod%C3%A8le.toml",
		"50%.toml":               "50%25.toml",
	} {
		if got := artifactURI(file); got != want {
			t.Errorf("artifactURI(%q) = %q, want %q", file, got, want)
		}
	}
}

// TestSARIFDefaultOff: a rule that runs only when selected is described
// with enabled false; the others leave enabled out (SARIF's default, true).
func TestSARIFDefaultOff(t *testing.T) {
	rules := append(goldenRules(), RuleInfo{Code: "CR207", Name: "long-term-without-recurring-revenue", Severity: Info, DefaultOff: true})
	var log sarifLog
	if err := json.Unmarshal(render(t, "sarif", Options{Rules: rules}, Run{}, nil), &log); err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		c := r.DefaultConfiguration
		if c == nil {
			t.Fatalf("rule %s has no default configuration", r.ID)
		}
		switch {
		case r.ID == "CR207":
			seen++
			if c.Enabled == nil || *c.Enabled || c.Level != "note" {
				t.Errorf("CR207: default configuration %+v, want enabled false, level note", *c)
			}
		case c.Enabled != nil:
			t.Errorf("rule %s: enabled %v, want it left out", r.ID, *c.Enabled)
		}
	}
	if seen != 1 {
		t.Errorf("CR207 described %d times", seen)
	}
}
