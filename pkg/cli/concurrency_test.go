package cli

import (
	"encoding/json"
	"testing"
)

// TestJobsSameReport: the report does not depend on how many models are
// checked at once: -j 1, -j 8 and the default give byte-identical output
// over a directory of 200 generated models, in JSON and SARIF.
func TestJobsSameReport(t *testing.T) {
	dir := t.TempDir()
	writeCorpus(t, dir, 200)
	for _, format := range []string{"json", "sarif"} {
		var want string
		for _, jobs := range []string{"1", "8", "0", "8"} {
			code, out, stderr, _ := runBounded(t, "", "check", "-f", format, "-j", jobs, dir)
			if code != ExitFindings || stderr != "" {
				t.Fatalf("%s -j %s: exit %d, stderr %q", format, jobs, code, stderr)
			}
			if want == "" {
				want = out
				if format == "json" {
					checkCorpusReport(t, out)
				}
				continue
			}
			if out != want {
				t.Errorf("%s: -j %s differs from -j 1", format, jobs)
			}
		}
	}
}

// checkCorpusReport makes sure the corpus exercises the pipeline: every
// model checked, many findings from many rules, syntax errors among them.
func checkCorpusReport(t *testing.T, out string) {
	t.Helper()
	var rep struct {
		Files    int `json:"files"`
		Findings []struct {
			Code string `json:"code"`
			File string `json:"file"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	codes, files := map[string]bool{}, map[string]bool{}
	for _, f := range rep.Findings {
		codes[f.Code] = true
		files[f.File] = true
	}
	if rep.Files != 200 || len(files) < 150 || len(codes) < 12 || !codes["CR001"] {
		t.Errorf("corpus too uniform: %d files checked, %d with findings, codes %v", rep.Files, len(files), codes)
	}
	t.Logf("%d findings, %d codes, %d files with findings", len(rep.Findings), len(codes), len(files))
}
