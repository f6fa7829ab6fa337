package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// action is the part of action.yml the test runs.
type action struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			Name  string            `yaml:"name"`
			If    string            `yaml:"if"`
			Uses  string            `yaml:"uses"`
			Shell string            `yaml:"shell"`
			Run   string            `yaml:"run"`
			Env   map[string]string `yaml:"env"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

var expression = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

// TestGitHubAction runs the composite action's run steps locally, as the
// Actions runner would: GITHUB_ACTION_PATH is this checkout, GITHUB_PATH
// carries the installed binary to the next step, and ${{ inputs.* }} are
// replaced by their values. The install step really runs go install; the
// check step must fail the job on the model's error and annotate it with a
// relative path. The one `uses` step (actions/setup-go) is not run: the Go
// running this test stands in for it.
func TestGitHubAction(t *testing.T) {
	if testing.Short() {
		t.Skip("builds crlint with go install")
	}
	bash := tool(t, "bash")
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not on PATH")
	}
	src, err := os.ReadFile(filepath.Join(repoRoot(t), "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(src, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using %q, want composite", a.Runs.Using)
	}
	inputs := map[string]string{}
	for k, in := range a.Inputs {
		inputs[k] = in.Default
	}
	inputs["args"] = "--format github strategy/"

	work := t.TempDir()
	write(t, work, "strategy/northbank.toml", brokenModel)
	write(t, work, "strategy/ok.toml", cleanModel)
	temp := t.TempDir()
	githubPath := filepath.Join(temp, "github_path")
	write(t, temp, "github_path", "")
	path := filepath.Dir(goCmd) + string(os.PathListSeparator) + os.Getenv("PATH")

	var uses []string
	var outputs []string
	var codes []int
	for _, step := range a.Runs.Steps {
		if step.Uses != "" {
			uses = append(uses, step.Uses)
			continue
		}
		if step.Shell != "bash" {
			t.Fatalf("step %q: shell %q, want bash", step.Name, step.Shell)
		}
		env := append(os.Environ(), "PATH="+path, "GITHUB_ACTION_PATH="+repoRoot(t), "GITHUB_PATH="+githubPath,
			"RUNNER_TEMP="+temp, "GITHUB_WORKSPACE="+work)
		for k, v := range step.Env {
			env = append(env, k+"="+expression.ReplaceAllStringFunc(v, func(e string) string {
				name := expression.FindStringSubmatch(e)[1]
				val, ok := inputs[strings.TrimPrefix(name, "inputs.")]
				if !strings.HasPrefix(name, "inputs.") || !ok {
					t.Fatalf("step %q: expression %s the test does not know", step.Name, e)
				}
				return val
			}))
		}
		if expression.MatchString(step.Run) {
			t.Fatalf("step %q: an expression in run: (pass it through env, so no input is pasted into the script)", step.Name)
		}
		out, code := runIn(t, work, env, bash, "--noprofile", "--norc", "-e", "-o", "pipefail", "-c", step.Run)
		outputs, codes = append(outputs, out), append(codes, code)
		added, _ := os.ReadFile(githubPath)
		for _, p := range strings.Fields(string(added)) {
			if !strings.Contains(path, p) {
				path = p + string(os.PathListSeparator) + path
			}
		}
		if code != 0 {
			break
		}
	}
	if !slices.Equal(uses, []string{"actions/setup-go@v6"}) {
		t.Errorf("uses steps %q, want only actions/setup-go", uses)
	}
	if len(codes) != 2 || codes[0] != 0 {
		t.Fatalf("steps ended with exit codes %v:\n%s", codes, strings.Join(outputs, "\n---\n"))
	}
	if !strings.Contains(outputs[0], "crlint ") {
		t.Errorf("install step did not print the version:\n%s", outputs[0])
	}
	want := "::error file=strategy/northbank.toml,line=7,col=1,endLine=7,endColumn=3,title=CR202 high-touch-without-costs::relationship \"banker\" (dedicated_personal_assistance) has no cost entry"
	if codes[1] != 1 || !strings.Contains(outputs[1], want) || strings.Contains(outputs[1], "ok.toml") {
		t.Errorf("check step: exit %d, want 1 and\n%s\ngot\n%s", codes[1], want, outputs[1])
	}
}
