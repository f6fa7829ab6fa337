package report

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
)

// Statistics counts findings per rule and writes one line per rule,
// the most frequent first, instead of the findings (check --statistics),
// as ruff does: how far a repository is from passing, rule by rule.
type Statistics struct {
	w      io.Writer
	json   bool
	counts map[string]*RuleCount
}

// RuleCount is one rule's line of the statistics.
type RuleCount struct {
	Code  string `json:"code"`
	Rule  string `json:"rule"`
	Count int    `json:"count"`
}

// NewStatistics returns a statistics reporter writing text lines, or a
// JSON array when asJSON is set.
func NewStatistics(w io.Writer, asJSON bool, _ Options) *Statistics {
	return &Statistics{w: w, json: asJSON, counts: map[string]*RuleCount{}}
}

// Report counts the findings and writes the statistics.
func (s *Statistics) Report(_ context.Context, run Run, fs []Finding) error {
	if err := s.WriteFindings(fs); err != nil {
		return err
	}
	return s.Finish(run, Summarize(fs))
}

// WriteFindings counts one file's findings.
func (s *Statistics) WriteFindings(fs []Finding) error {
	for _, f := range fs {
		key := f.Code + "\x00" + f.Rule
		c := s.counts[key]
		if c == nil {
			c = &RuleCount{Code: f.Code, Rule: f.Rule}
			s.counts[key] = c
		}
		c.Count++
	}
	return nil
}

// Finish writes the counts: the most frequent rule first, then by code.
func (s *Statistics) Finish(Run, Summary) error {
	rows := slices.SortedFunc(maps.Values(s.counts), func(a, b *RuleCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Code, b.Code), cmp.Compare(a.Rule, b.Rule))
	})
	if s.json {
		if rows == nil {
			rows = []*RuleCount{}
		}
		enc := json.NewEncoder(s.w)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	width := 1
	if len(rows) > 0 {
		width = len(fmt.Sprint(rows[0].Count))
	}
	for _, r := range rows {
		if _, err := fmt.Fprintf(s.w, "%*d  %s  %s\n", width, r.Count, r.Code, r.Rule); err != nil {
			return err
		}
	}
	return nil
}
