package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/template"

	"github.com/spf13/cobra"

	"github.com/crlint/crlint/pkg/lint"
	"github.com/crlint/crlint/pkg/model"
)

// initOptions are init's flags.
type initOptions struct {
	policy string
	rule   string
	code   string
}

func newInitCommand() *cobra.Command {
	o := &initOptions{}
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented starter model (never overwrites), or scaffold a custom rule",
		Long: `init writes a commented starter model to FILE (model.toml by default; - writes
to stdout): every block of the canvas, each with the values its fields accept.
It passes crlint check without a finding; replace the example with your own
business.

With --policy DIR, init instead scaffolds a custom rule and its Rego test in
DIR/house/<rule>/, ready for crlint test DIR and crlint check -p DIR.

init never overwrites a file.`,
		Example: `  crlint init
  crlint init strategy/northbank.toml
  crlint init --policy policies --rule dedicated-needs-sign-off`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.policy != "" {
				if len(args) > 0 {
					return usageError("--policy scaffolds a rule; it takes no FILE")
				}
				return runInitPolicy(cmd, o)
			}
			if cmd.Flags().Changed("rule") || cmd.Flags().Changed("code") {
				return usageError("--rule and --code need --policy DIR")
			}
			file := "model.toml"
			if len(args) == 1 {
				file = args[0]
			}
			return runInitModel(cmd, file)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.policy, "policy", "", "scaffold a custom rule and its test in DIR instead of writing a model")
	f.StringVar(&o.rule, "rule", "relationship-without-description", "with --policy: the rule's name (lower case, words joined by -)")
	f.StringVar(&o.code, "code", "", "with --policy: the rule's code (default: the next free HOUSEnnn in DIR)")
	return cmd
}

func runInitModel(cmd *cobra.Command, file string) error {
	src, err := StarterModel()
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	if file == "-" {
		_, err := io.WriteString(cmd.OutOrStdout(), src)
		return err
	}
	if dir := filepath.Dir(file); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return &exitError{code: ExitError, err: fmt.Errorf("create %s: %w", dir, err)}
		}
	}
	if err := createFile(file, src); err != nil {
		return err
	}
	fmt.Fprintf(cmd.OutOrStdout(), "wrote %s; check it with: crlint check %s\n", file, file)
	return nil
}

// createFile writes a new file with mode 0644, refusing to replace one
// that exists (O_EXCL, so a file created meanwhile is not overwritten
// either).
func createFile(file, content string) error {
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return usageError("%s already exists; crlint init never overwrites a file", file)
	}
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = fmt.Errorf("%s: %w", pe.Path, pe.Err)
		}
		return &exitError{code: ExitError, err: err}
	}
	_, err = io.WriteString(f, content)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(file) // never leave half a starter behind
		return &exitError{code: ExitError, err: fmt.Errorf("write %s: %w", file, err)}
	}
	return nil
}

// StarterModel renders the starter model. The values listed in its comments
// come from pkg/model's schema tables, so they cannot drift from the format.
func StarterModel() (string, error) {
	var b strings.Builder
	if err := starterTemplate.Execute(&b, nil); err != nil {
		return "", fmt.Errorf("starter model: %w", err)
	}
	return b.String(), nil
}

var starterTemplate = template.Must(template.New("model.toml").Funcs(template.FuncMap{
	"doc":    blockDoc,
	"oneof":  enumValues,
	"values": wrappedValues,
}).Parse(starterModel))

// schemaField finds a field of a block ("" for the top of the model).
func schemaField(block, field string) (model.Field, error) {
	if block == "" {
		for _, f := range model.TopFields {
			if f.Name == field {
				return f, nil
			}
		}
		return model.Field{}, fmt.Errorf("no top-level field %q", field)
	}
	b := model.BlockByName(block)
	if b == nil {
		return model.Field{}, fmt.Errorf("no block %q", block)
	}
	f, ok := b.Field(field)
	if !ok || len(f.Values) == 0 {
		return model.Field{}, fmt.Errorf("block %s has no enumerated field %q", block, field)
	}
	return f, nil
}

func blockDoc(block string) (string, error) {
	b := model.BlockByName(block)
	if b == nil {
		return "", fmt.Errorf("no block %q", block)
	}
	return b.Doc, nil
}

// enumValues lists a field's values as "a | b | c", for a short list
// written beside its key.
func enumValues(block, field string) (string, error) {
	f, err := schemaField(block, field)
	if err != nil {
		return "", err
	}
	return strings.Join(f.Values, " | "), nil
}

// wrappedValues lists a field's values as comment lines of at most 78
// columns, each starting "#   ", for a list too long for one line.
func wrappedValues(block, field string) (string, error) {
	f, err := schemaField(block, field)
	if err != nil {
		return "", err
	}
	var lines []string
	line := "#  "
	for i, v := range f.Values {
		word := " " + v
		if i < len(f.Values)-1 {
			word += " |"
		}
		if len(line)+len(word) > 78 {
			lines = append(lines, line)
			line = "#  "
		}
		line += word
	}
	return strings.Join(append(lines, line), "\n"), nil
}

// starterModel is a small coffee roaster that every rule passes: two
// segments, each served by the relationship it expects, resourced, costed
// and used by a Get, Keep or Grow tactic.
const starterModel = `#:schema https://raw.githubusercontent.com/crlint/crlint/main/examples/crlint.schema.json
# A Business Model Canvas for crlint, written by crlint init. The line above
# lets Taplo / Even Better TOML complete and check keys as you type (offline:
# crlint schema -o crlint.schema.json, then #:schema ./crlint.schema.json).
#
# Replace the example, a small coffee roaster, with your own business and run
# crlint check on this file. Items refer to items of other blocks by id (lower
# case: a-z, 0-9, _ and -). A model needs a name, its segments and
# relationships, and a tactic in each of get, keep and grow; every other block
# unlocks more rules. crlint explain RULE says why a finding matters and how
# to fix it.

name        = "Example Roastery"
description = "Speciality coffee for home brewers and independent cafes"
stage       = "launch"   # {{oneof "" "stage"}}

# The Customer Relationships line on the canvas itself: short (12 words at
# most), naming only relationship types the model has.
[summary]
relationships = "Self-service web shop and personal assistance for cafes"

# {{doc "segments"}}: who you serve. expects lists the relationship types a
# segment expects (the types of [[relationships]]); evidence, where that
# expectation comes from.
[[segments]]
id       = "home-brewers"
name     = "Home brewers"
market   = "mass"   # {{oneof "segments" "market"}}
expects  = ["self_service"]
evidence = ["Survey of 120 web shop customers, 2026-01"]

[[segments]]
id       = "cafes"
name     = "Independent cafes"
market   = "niche"
expects  = ["personal_assistance"]
evidence = ["Interviews with 9 cafe owners, 2026-02"]

# {{doc "value_propositions"}}: what each segment gets.
[[value_propositions]]
id       = "fresh-beans"
name     = "Beans roasted this week, delivered"
segments = ["home-brewers", "cafes"]

[[value_propositions]]
id       = "cafe-menu"
name     = "A coffee menu that sells"
segments = ["cafes"]

# {{doc "channels"}}: how you reach each segment.
[[channels]]
id        = "web-shop"
name      = "Web shop"
ownership = "owned"   # {{oneof "channels" "ownership"}}
segments  = ["home-brewers"]

[[channels]]
id        = "sales-visits"
name      = "Sales visits"
ownership = "owned"
segments  = ["cafes"]

# {{doc "relationships"}}: what each segment gets from you, and what it
# takes. type is one of the 12 relationship types:
{{values "relationships" "type"}}
# motivations: {{oneof "relationships" "motivations"}}
# (acquisition is Get, retention Keep, upselling Grow).
# resources, activities, partners and costs name the items the relationship
# needs; cost_level: {{oneof "relationships" "cost_level"}}.
[[relationships]]
id                 = "online-shop"
type               = "self_service"
segments           = ["home-brewers"]
motivations        = ["acquisition", "retention"]
channels           = ["web-shop"]
value_propositions = ["fresh-beans"]
resources          = ["shop-platform"]
activities         = ["roasting"]
partners           = ["courier"]
costs              = ["hosting"]
cost_level         = "low"
description        = "Customers order and manage their subscriptions themselves"

[[relationships]]
id                 = "cafe-advisor"
type               = "personal_assistance"
segments           = ["cafes"]
motivations        = ["retention", "upselling"]
channels           = ["sales-visits"]
value_propositions = ["fresh-beans", "cafe-menu"]
resources          = ["advisors"]
activities         = ["barista-training"]
costs              = ["advisor-salaries"]
cost_level         = "medium"
description        = "A named advisor visits each cafe every month"

# {{doc "key_resources"}}. kind: {{oneof "key_resources" "kind"}}
[[key_resources]]
id   = "shop-platform"
name = "Web shop and subscription software"
kind = "intellectual"

[[key_resources]]
id   = "advisors"
name = "Cafe advisors"
kind = "human"

[[key_resources]]
id   = "roaster"
name = "Roasting machine"
kind = "physical"

# {{doc "key_activities"}}. kind: {{oneof "key_activities" "kind"}}
[[key_activities]]
id   = "roasting"
name = "Roasting to order"
kind = "production"

[[key_activities]]
id   = "barista-training"
name = "Barista training"
kind = "problem_solving"

# {{doc "key_partners"}}. role is one of:
{{values "key_partners" "role"}}
[[key_partners]]
id   = "courier"
name = "Parcel courier"
role = "distributor"

[[key_partners]]
id   = "importer"
name = "Green coffee importer"
role = "supplier"

# {{doc "revenue_streams"}}. type is one of:
{{values "revenue_streams" "type"}}
# segments: who pays (none means every segment). recurring = true | false is
# optional: subscription, lending, renting and licensing recur by default.
[[revenue_streams]]
id       = "bean-subscriptions"
name     = "Bean subscriptions"
type     = "subscription"
segments = ["home-brewers"]

[[revenue_streams]]
id        = "wholesale"
name      = "Wholesale standing orders"
type      = "asset_sale"
segments  = ["cafes"]
recurring = true

# {{doc "costs"}}. kind: {{oneof "costs" "kind"}}
[[costs]]
id   = "hosting"
name = "Web shop hosting"
kind = "fixed"

[[costs]]
id   = "advisor-salaries"
name = "Advisor salaries"
kind = "fixed"

[[costs]]
id   = "green-coffee"
name = "Green coffee"
kind = "variable"

# Steve Blank's Get, Keep and Grow: what you do in each phase, with the
# relationships and segments it uses and, optionally, how you measure it.
# {{doc "get"}}
[[get]]
tactic        = "Free sample pack with the first web order"
relationships = ["online-shop"]
segments      = ["home-brewers"]
metric        = "20% of sample packs become subscriptions"

# {{doc "keep"}}
[[keep]]
tactic        = "Pause or skip a delivery in one click"
relationships = ["online-shop"]
segments      = ["home-brewers"]

[[keep]]
tactic        = "Monthly tasting visit by the cafe's advisor"
relationships = ["cafe-advisor"]
segments      = ["cafes"]
metric        = "90% of cafes reorder within 30 days"

# {{doc "grow"}}
[[grow]]
tactic        = "Offer barista training after three months of orders"
relationships = ["cafe-advisor"]
segments      = ["cafes"]

# {{doc "competitors"}}: the relationship types (not ids) a competitor has,
# from the same 12 types.
[[competitors]]
name          = "Supermarket coffee"
relationships = ["transactional"]
`

// ruleName is what --rule accepts: the style of the built-in rule names.
var ruleName = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// houseCode finds the HOUSEnnn codes a policy directory already uses.
var houseCode = regexp.MustCompile(`(?m)^#\s+code:\s*HOUSE(\d+)\s*$`)

func runInitPolicy(cmd *cobra.Command, o *initOptions) error {
	if !ruleName.MatchString(o.rule) {
		return usageError("--rule %q: a rule name is lower case words joined by -, like relationship-without-description", o.rule)
	}
	code := o.code
	if code == "" {
		next, err := nextHouseCode(o.policy)
		if err != nil {
			return &exitError{code: ExitError, err: err}
		}
		code = next
	}
	builtin, err := lint.New(cmd.Context(), lint.Options{})
	if err != nil {
		return &exitError{code: ExitError, err: err}
	}
	if r := builtin.Lookup(code); r != nil {
		return usageError("--code %s is the code of the built-in rule %s", code, r.Name)
	}
	dir := filepath.Join(o.policy, "house", o.rule)
	base := filepath.Join(dir, strings.ReplaceAll(o.rule, "-", "_"))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return &exitError{code: ExitError, err: err}
	}
	fill := strings.NewReplacer("RULE_NAME", o.rule, "RULE_CODE", code)
	for _, f := range []struct{ path, src string }{
		{base + ".rego", fill.Replace(scaffoldRule)},
		{base + "_test.rego", fill.Replace(scaffoldTest)},
	} {
		if err := createFile(f.path, f.src); err != nil {
			return err
		}
		fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", f.path)
	}
	fmt.Fprintf(cmd.OutOrStdout(), "test it with: crlint test %s\nuse it with:  crlint check -p %s MODEL\n", o.policy, o.policy)
	return nil
}

// nextHouseCode is HOUSE001, or one past the highest HOUSEnnn that a rule
// below dir already uses (a missing dir has none).
func nextHouseCode(dir string) (string, error) {
	// Read as policies are: a FIFO or a link out of the repository among
	// them is an error, not a hang or a read of a secret.
	files, err := lint.ReadPolicyDirs([]string{dir}, true)
	if errors.Is(err, fs.ErrNotExist) {
		return "HOUSE001", nil
	}
	highest := 0
	for _, f := range files {
		for _, m := range houseCode.FindAllStringSubmatch(f.Src, -1) {
			if n, err := strconv.Atoi(m[1]); err == nil && n > highest {
				highest = n
			}
		}
	}
	return fmt.Sprintf("HOUSE%03d", highest+1), err
}

// scaffoldRule is a custom rule in the contract of the built-in ones;
// RULE_NAME and RULE_CODE are filled in.
const scaffoldRule = `# METADATA
# title: RULE_NAME
# description: A relationship does not say what the customer gets from it.
# custom:
#   code: RULE_CODE
#   severity: warning
#   hint: 'say what the customer gets: description = "..."'
package crlint.rules.house["RULE_NAME"]

import data.crlint.lib

# report holds one finding per relationship without a description. A finding
# names what is wrong by its key path, never a line: crlint turns
# ["relationships", i] into the position of that relationship's id key, and
# ["relationships", i, "description"] into the position of its description.
report contains finding if {
	some i, r in input.relationships
	trim_space(object.get(r, "description", "")) == ""
	finding := {
		"path": ["relationships", i],
		"message": sprintf("%s has no description", [lib.label("relationships", i)]),
	}
}
`

// scaffoldTest tests scaffoldRule the way the built-in rules are tested:
// whole results, one failing and one passing input.
const scaffoldTest = `package crlint.rules.house["RULE_NAME_test"]

import data.crlint.rules.house["RULE_NAME"] as rule

test_fail_relationship_without_description if {
	rule.report == {{
		"path": ["relationships", 1],
		"message": ` + "`" + `relationship "desk" has no description` + "`" + `,
	}} with input as {"relationships": [
		{"id": "app", "type": "self_service", "description": "Orders and returns online"},
		{"id": "desk", "type": "personal_assistance"},
	]}
}

test_pass_every_relationship_described if {
	rule.report == set() with input as {"relationships": [
		{"id": "app", "type": "self_service", "description": "Orders and returns online"},
	]}
}
`
