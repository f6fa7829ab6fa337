package render_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/render"
	"github.com/crlint/crlint/pkg/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenCases are the models drawn into golden files. Findings come from a
// stored JSON report rather than the rule engine, so that a new or changed
// rule does not change a picture test; regenerate it with
//
//	cd pkg/render/testdata && crlint check findings.toml --format json > findings.json
var goldenCases = []struct {
	name     string // golden file stem
	model    string
	findings string // JSON report, "" for none
}{
	{"northbank", "../../examples/northbank.toml", ""},
	{"findings", "testdata/findings.toml", "testdata/findings.json"},
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		for _, f := range []render.Format{render.HTML, render.SVG} {
			t.Run(tc.name+"."+string(f), func(t *testing.T) {
				c := loadCanvas(t, tc.model, tc.findings, render.Options{})
				var buf bytes.Buffer
				if err := render.Render(&buf, f, c); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, filepath.Join("testdata", tc.name+".golden."+string(f)), buf.Bytes())
				if f == render.SVG {
					wellFormed(t, buf.Bytes())
				}
			})
		}
	}
}

func TestNoFindingsDrawsNone(t *testing.T) {
	for _, f := range []render.Format{render.HTML, render.SVG} {
		c := loadCanvas(t, "testdata/findings.toml", "testdata/findings.json", render.Options{NoFindings: true})
		var buf bytes.Buffer
		if err := render.Render(&buf, f, c); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, s := range []string{"CR006", "CR403", "3 errors", "item with a finding"} {
			if strings.Contains(out, s) {
				t.Errorf("%s with NoFindings contains %q", f, s)
			}
		}
		if !strings.Contains(out, "Personal trainers") {
			t.Errorf("%s with NoFindings lost the model", f)
		}
	}
}

// loadCanvas loads a model and, when given, the findings of a JSON report.
func loadCanvas(t *testing.T, modelPath, findingsPath string, opts render.Options) *render.Canvas {
	t.Helper()
	src, err := os.ReadFile(modelPath)
	if err != nil {
		t.Fatal(err)
	}
	doc := model.Load(filepath.Base(modelPath), src)
	if doc.Input == nil {
		t.Fatalf("%s does not parse: %v", modelPath, doc.Problems)
	}
	var fs []report.Finding
	if findingsPath != "" {
		data, err := os.ReadFile(findingsPath)
		if err != nil {
			t.Fatal(err)
		}
		var rep struct {
			Findings []report.Finding `json:"findings"`
		}
		if err := json.Unmarshal(data, &rep); err != nil {
			t.Fatalf("%s: %v", findingsPath, err)
		}
		fs = rep.Findings
	}
	return render.New(doc, fs, opts)
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/render/ -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (%d bytes, want %d); first difference at line %d; if the change is intended, run go test ./pkg/render/ -update and look at the result",
			path, len(got), len(want), firstDiffLine(got, want))
	}
}

func firstDiffLine(a, b []byte) int {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := 0; i < len(la) && i < len(lb); i++ {
		if !bytes.Equal(la[i], lb[i]) {
			return i + 1
		}
	}
	return min(len(la), len(lb)) + 1
}

// wellFormed fails unless data is well-formed XML, as an SVG file must be.
func wellFormed(t *testing.T, data []byte) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v", err)
		}
	}
}
