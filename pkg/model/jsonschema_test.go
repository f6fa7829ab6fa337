package model

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compileSchema compiles JSONSchema() against the draft 2020-12 metaschema,
// which the compiler carries with it (no network).
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	src, err := JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(SchemaID, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(SchemaID)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// validateTOML decodes a model as an editor would see it (TOML turned into
// JSON values) and validates it against the schema.
func validateTOML(t *testing.T, sch *jsonschema.Schema, src []byte) error {
	t.Helper()
	var m map[string]any
	if err := toml.Unmarshal(src, &m); err != nil {
		t.Fatalf("decode TOML: %v", err)
	}
	js, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	return sch.Validate(inst)
}

func TestJSONSchemaValidatesExamples(t *testing.T) {
	sch := compileSchema(t)
	files, err := filepath.Glob("../../examples/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no examples/*.toml")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if err := validateTOML(t, sch, src); err != nil {
				t.Errorf("%s does not validate against the schema:\n%v", f, err)
			}
		})
	}
}

// TestJSONSchemaAgreesWithLoader checks that the schema rejects what the
// loader rejects as CR002–CR004 and accepts what it accepts.
func TestJSONSchemaAgreesWithLoader(t *testing.T) {
	sch := compileSchema(t)
	const base = `name = "Tiny"
stage = "launch"
[summary]
relationships = "Self-service"
[[segments]]
id = "smb"
market = "mass"
expects = ["self_service"]
[[relationships]]
id = "portal"
type = "self_service"
segments = ["smb"]
[[revenue_streams]]
id = "fees"
type = "subscription"
recurring = true
[[get]]
tactic = "Ads"
relationships = ["portal"]
[[competitors]]
name = "Rival"
relationships = ["self_service"]
`
	tests := []struct {
		name    string
		src     string
		code    string // the loader's finding; "" for a valid model
		mention string // a key or location the schema's error must name
	}{
		{"valid", base, "", ""},
		{"inline tables and dotted keys", `name = "Inline"
segments = [{ id = "smb", market = "niche" }]
relationships = [{ id = "desk", type = "personal_assistance", segments = ["smb"] }]
summary.relationships = "Personal assistance"
`, "", ""},
		{"misspelt top-level key", strings.Replace(base, "[[segments]]", "[[segmets]]", 1), "CR002", "segmets"},
		{"misspelt item key", strings.Replace(base, `market = "mass"`, `makret = "mass"`, 1), "CR002", "makret"},
		{"id on a tactic", strings.Replace(base, `tactic = "Ads"`, "tactic = \"Ads\"\nid = \"ads\"", 1), "CR002", "id"},
		{"unknown summary key", strings.Replace(base, "[summary]", "[summary]\ntext = \"x\"", 1), "CR002", "text"},
		{"invalid enum value", strings.Replace(base, `type = "self_service"`, `type = "Self-Service"`, 1), "CR003", "/relationships/0/type"},
		{"invalid enum in a list", strings.Replace(base, `expects = ["self_service"]`, `expects = ["selfservice"]`, 1), "CR003", "/segments/0/expects/0"},
		{"invalid stage", strings.Replace(base, `stage = "launch"`, `stage = "scale"`, 1), "CR003", "/stage"},
		{"bad id", strings.Replace(base, `id = "smb"`, `id = "Small Business"`, 1), "CR003", "/segments/0/id"},
		{"wrong type", strings.Replace(base, "recurring = true", `recurring = "yes"`, 1), "CR003", "recurring"},
		{"block written as a table", "name = \"T\"\n[segments]\nid = \"smb\"\n", "CR003", "segments"},
		{"no name", strings.Replace(base, `name = "Tiny"`, "", 1), "CR004", "name"},
		{"no id", strings.Replace(base, `id = "portal"`, "", 1), "CR004", "id"},
		{"no type", strings.Replace(base, `type = "self_service"`, "", 1), "CR004", "type"},
		{"no tactic", strings.Replace(base, `tactic = "Ads"`, "", 1), "CR004", "tactic"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := Load("model.toml", []byte(tt.src))
			var codes []string
			for _, p := range doc.Problems {
				codes = append(codes, p.Code)
			}
			err := validateTOML(t, sch, []byte(tt.src))
			if tt.code == "" {
				if len(codes) > 0 {
					t.Fatalf("the loader reports %v on a model meant to be valid", codes)
				}
				if err != nil {
					t.Errorf("the schema rejects a model the loader accepts:\n%v", err)
				}
				return
			}
			found := false
			for _, c := range codes {
				found = found || c == tt.code
			}
			if !found {
				t.Fatalf("the loader reports %v, want %s", codes, tt.code)
			}
			if err == nil {
				t.Fatalf("the schema accepts a model the loader rejects with %s", tt.code)
			}
			if !strings.Contains(err.Error(), tt.mention) {
				t.Errorf("the schema's error does not mention %q:\n%v", tt.mention, err)
			}
		})
	}
}

func TestJSONSchemaIsDeterministic(t *testing.T) {
	a, err := JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		b, _ := JSONSchema()
		if !bytes.Equal(a, b) {
			t.Fatal("JSONSchema returns different bytes on different calls")
		}
	}
	if !bytes.HasSuffix(a, []byte("}\n")) {
		t.Error("the schema does not end in a newline")
	}
}

// TestJSONSchemaCoversFormat checks that the schema names every key and
// enum value of the tables it is generated from.
func TestJSONSchemaCoversFormat(t *testing.T) {
	src, err := JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	type property struct {
		Enum    []string `json:"enum"`
		Pattern string   `json:"pattern"`
		Items   struct {
			Enum []string `json:"enum"`
		} `json:"items"`
	}
	type object struct {
		Required             []string            `json:"required"`
		Properties           map[string]property `json:"properties"`
		AdditionalProperties *bool               `json:"additionalProperties"`
	}
	var s struct {
		Required             []string `json:"required"`
		AdditionalProperties *bool    `json:"additionalProperties"`
		Properties           map[string]struct {
			Type  string `json:"type"`
			Items object `json:"items"`
		} `json:"properties"`
	}
	if err := json.Unmarshal(src, &s); err != nil {
		t.Fatal(err)
	}
	if s.AdditionalProperties == nil || *s.AdditionalProperties {
		t.Error("the top level allows unknown keys")
	}
	for _, k := range TopLevelKeys() {
		if _, ok := s.Properties[k]; !ok {
			t.Errorf("top-level key %q is missing", k)
		}
	}
	if strings.Join(s.Required, ",") != "name" {
		t.Errorf("top-level required = %v, want [name]", s.Required)
	}
	for _, b := range Blocks {
		p, ok := s.Properties[b.Name]
		if !ok || p.Type != "array" {
			t.Errorf("%s is not an array", b.Name)
			continue
		}
		d := p.Items
		if d.AdditionalProperties == nil || *d.AdditionalProperties {
			t.Errorf("%s items allow unknown keys", b.Name)
		}
		want := map[string]bool{}
		switch {
		case b.HasID:
			want["id"] = true
		case b.Name == "get" || b.Name == "keep" || b.Name == "grow":
			want["tactic"] = true
		}
		if b.Name == "relationships" {
			want["type"] = true
		}
		got := map[string]bool{}
		for _, r := range d.Required {
			got[r] = true
		}
		if len(got) != len(want) {
			t.Errorf("%s: required = %v, want %v", b.Name, d.Required, want)
		}
		for r := range want {
			if !got[r] {
				t.Errorf("%s: %q is not required", b.Name, r)
			}
		}
		for _, f := range b.Fields {
			p, ok := d.Properties[f.Name]
			if !ok {
				t.Errorf("%s.%s is missing", b.Name, f.Name)
				continue
			}
			enum := p.Enum
			if f.Kind == EnumList {
				enum = p.Items.Enum
			}
			if strings.Join(enum, ",") != strings.Join(f.Values, ",") {
				t.Errorf("%s.%s enum = %v, want %v", b.Name, f.Name, enum, f.Values)
			}
			if f.Kind == ID && p.Pattern != "^[a-z0-9][a-z0-9_-]*$" {
				t.Errorf("%s.%s pattern = %q", b.Name, f.Name, p.Pattern)
			}
		}
	}
}

// TestJSONSchemaFileUpToDate checks the committed examples/crlint.schema.json,
// which editors point at with #:schema; `make schema` regenerates it.
func TestJSONSchemaFileUpToDate(t *testing.T) {
	want, err := JSONSchema()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../examples/crlint.schema.json")
	if err != nil {
		t.Fatalf("%v (run make schema)", err)
	}
	if !bytes.Equal(got, want) {
		t.Error("examples/crlint.schema.json is out of date (run make schema)")
	}
}
