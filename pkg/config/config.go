// Package config reads .crlint.toml and finds the one that governs a model.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/crlint/crlint/pkg/model"
	"github.com/crlint/crlint/pkg/trust"
)

// FileName is the config file crlint looks for.
const FileName = ".crlint.toml"

// Config is one .crlint.toml.
type Config struct {
	// Path is the file it was read from; Dir its directory, against which
	// policies and exclude are resolved.
	Path string `toml:"-"`
	Dir  string `toml:"-"`

	FailOn   string   `toml:"-"`
	Policies []string `toml:"-"`
	Exclude  []string `toml:"-"`
	// Select, when set, runs only these rules; ExtendSelect adds rules,
	// also those off by default (SPEC §5, "Adoption in CI").
	Select       []string `toml:"-"`
	ExtendSelect []string `toml:"-"`
	// Rules is [rules]: a severity or options per rule code or name.
	Rules map[string]RuleSetting `toml:"-"`

	// RawSelect, RawExtend and RawRules are select, extend_select and
	// [rules] as decoded, of any type, so that a value of the wrong type is
	// reported by Load with the key and a suggestion rather than as a
	// decoder's error; Load checks them into the fields above.
	RawSelect any `toml:"select"`
	RawExtend any `toml:"extend_select"`
	RawRules  any `toml:"rules"`
	// RawFailOn, RawPolicies and RawExclude are checked the same way into
	// FailOn, Policies and Exclude.
	RawFailOn   any `toml:"fail_on"`
	RawPolicies any `toml:"policies"`
	RawExclude  any `toml:"exclude"`
}

var (
	keys    = []string{"fail_on", "policies", "exclude", "select", "extend_select", "rules"}
	failOns = []string{"error", "warning", "info", "none"}
)

// MaxBytes is the largest config crlint reads; a real one is a few hundred
// bytes.
const MaxBytes = 1 << 20

// Load reads and checks one config file. Unknown keys and values are errors
// with a suggestion, positioned at the file. The file is read within the
// trust boundary (a link leading outside the repository, a file that is not
// regular or is over MaxBytes are refused), its nesting is limited as a
// model's is, and an error never quotes it: a config is not a model the
// user asked to check, and what it holds may be a secret.
func Load(file string) (*Config, error) {
	b, err := trust.FromWorkingDir()
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", file, err)
	}
	src, err := b.ReadFile(file, MaxBytes, "a config")
	if err != nil {
		return nil, fmt.Errorf("config %w", err)
	}
	c, err := Parse(file, src)
	if err != nil {
		return nil, err
	}
	// A config in the repository may come from a pull request: its policy
	// directories must lie in the repository too (policies = ["/"] would
	// have crlint walk the whole file system).
	if abs, err := filepath.Abs(file); err == nil && b.Contains(abs) {
		for _, p := range c.Policies {
			if abs, err := filepath.Abs(p); err != nil || !b.Contains(abs) {
				return nil, fmt.Errorf("%s: policies: %s lies outside the repository (%s)", file, p, b.Root())
			}
		}
	}
	return c, nil
}

// Parse checks a config's text, read from file. Errors are one line each,
// positioned where they can be, and quote no TOML text.
func Parse(file string, src []byte) (*Config, error) {
	c := &Config{Path: file, Dir: filepath.Dir(file)}
	if err := syntaxCheck(file, src); err != nil {
		return nil, err
	}
	md, err := toml.Decode(string(src), c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			// The parser's line and column can be 0; its byte offset is
			// right (into the text without a BOM, as it was given).
			line, col := position(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")), pe.Position.Start)
			return nil, fmt.Errorf("%s:%d:%d: %s", file, line, col, redact(pe.Message))
		}
		return nil, fmt.Errorf("%s: %s", file, redact(err.Error()))
	}
	for _, k := range md.Undecoded() {
		if len(k) >= 2 && k[0] == "rules" {
			continue // decoded as a map; values are checked below
		}
		return nil, fmt.Errorf("%s: unknown key %q%s", file, k.String(), suggest(k[len(k)-1], keys))
	}
	if c.RawFailOn != nil {
		s, ok := c.RawFailOn.(string)
		if !ok {
			return nil, fmt.Errorf("%s: fail_on = %s must be a string: one of %s", file, tomlValue(c.RawFailOn), strings.Join(failOns, ", "))
		}
		c.FailOn = s
	}
	if c.Policies, err = stringList(file, "policies", c.RawPolicies, "policy directory", "policy directories", `"policies"`); err != nil {
		return nil, err
	}
	if c.Exclude, err = stringList(file, "exclude", c.RawExclude, "glob pattern", "glob patterns", `"drafts/**"`); err != nil {
		return nil, err
	}
	if c.FailOn != "" && !slices.Contains(failOns, c.FailOn) {
		return nil, fmt.Errorf("%s: fail_on = %q is not one of %s%s", file, c.FailOn, strings.Join(failOns, ", "), suggest(c.FailOn, failOns))
	}
	if c.Rules, err = ruleSettings(file, c.RawRules); err != nil {
		return nil, err
	}
	if c.Select, err = ruleList(file, "select", c.RawSelect); err != nil {
		return nil, err
	}
	if c.ExtendSelect, err = ruleList(file, "extend_select", c.RawExtend); err != nil {
		return nil, err
	}
	for i, p := range c.Policies {
		if !filepath.IsAbs(p) {
			c.Policies[i] = filepath.Join(c.Dir, p)
		}
	}
	if len(c.Exclude) > MaxExclude {
		return nil, fmt.Errorf("%s: exclude has %d glob patterns; at most %d (each file a walk finds is matched against every pattern)", file, len(c.Exclude), MaxExclude)
	}
	for _, g := range c.Exclude {
		if _, err := path.Match(g, ""); err != nil {
			return nil, fmt.Errorf("%s: exclude pattern %q: %w", file, g, err)
		}
	}
	return c, nil
}

// MaxExclude is the most exclude patterns a config may have. Every file a
// walk finds is matched against each of them: 40,000 patterns (a 1 MiB
// config) made 500 models take 6.5 s, and a hostile repository could make
// a CI run crawl. A real config excludes a few directories.
const MaxExclude = 1000

// Excluded reports whether file matches one of the exclude globs, as
// .gitignore does: a pattern with a slash is matched against the path
// relative to the config's directory and each of its parents
// ("archive/2024" excludes archive/2024/a.toml); one without a slash against
// the name of the file and of each directory above it ("drafts" excludes
// team/drafts/b.toml, "*.wip.toml" any such file). A leading "**/" matches
// at any depth ("**/drafts/*.toml" excludes a/b/drafts/c.toml), and
// "drafts/**" what is below drafts.
func (c *Config) Excluded(file string) bool {
	if c == nil || len(c.Exclude) == 0 {
		return false
	}
	abs, err := filepath.Abs(file)
	if err != nil {
		return false
	}
	dir, err := filepath.Abs(c.Dir)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, g := range c.Exclude {
		g = strings.TrimSuffix(strings.TrimPrefix(g, "./"), "/")
		deep := false
		for strings.HasPrefix(g, "**/") {
			g, deep = g[3:], true
		}
		anywhere := !strings.Contains(g, "/")
		for p := rel; p != "." && p != "/" && p != ""; p = path.Dir(p) {
			name := p
			if anywhere {
				name = path.Base(p)
			}
			if excludedBy(g, name, deep && !anywhere) {
				return true
			}
		}
	}
	return false
}

// excludedBy matches a glob against p, or with deep against p and every
// tail of it after a slash (a/b/c, b/c, c), for a pattern led by "**/".
func excludedBy(g, p string, deep bool) bool {
	for {
		if ok, _ := path.Match(g, p); ok {
			return true
		}
		_, tail, found := strings.Cut(p, "/")
		if !deep || !found {
			return false
		}
		p = tail
	}
}

// Finder finds the config that governs each model by walking up from its
// directory, reading each config once.
type Finder struct {
	byDir  map[string]*Config // "" config means none found from that dir
	loaded map[string]*Config
}

// NewFinder returns an empty Finder.
func NewFinder() *Finder {
	return &Finder{byDir: map[string]*Config{}, loaded: map[string]*Config{}}
}

// For returns the config governing file, or nil when there is none.
func (f *Finder) For(file string) (*Config, error) {
	dir, err := filepath.Abs(filepath.Dir(file))
	if err != nil {
		return nil, err
	}
	var walked []string
	var found *Config
	for {
		if c, ok := f.byDir[dir]; ok {
			found = c
			break
		}
		walked = append(walked, dir)
		candidate := filepath.Join(dir, FileName)
		// Anything by that name is the config, and Load refuses what it
		// must not read (a link leading out of the repository, a FIFO).
		if _, err := os.Lstat(candidate); err == nil {
			c, err := f.load(candidate)
			if err != nil {
				return nil, err
			}
			found = c
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	for _, d := range walked {
		f.byDir[d] = found
	}
	return found, nil
}

func (f *Finder) load(file string) (*Config, error) {
	if c, ok := f.loaded[file]; ok {
		return c, nil
	}
	c, err := Load(file)
	if err != nil {
		return nil, err
	}
	f.loaded[file] = c
	return c, nil
}

func suggest(s string, candidates []string) string {
	if c := model.Closest(s, candidates); c != "" && c != s {
		return fmt.Sprintf(" (did you mean %q?)", c)
	}
	return ""
}
