package model

import (
	"fmt"
	"slices"
	"testing"
)

// TestSuggestionsNewUsers: the suggestions a new user needed (issue 14): a
// reference written with the item's name gets its id, motivations named
// after their phase get the motivation, a prefix counts ("own" → owned),
// and the fallback names "channel ids", not "channels ids".
func TestSuggestionsNewUsers(t *testing.T) {
	src := `name = "x"
[[segments]]
id = "smb"
name = "Small businesses"
[[channels]]
id = "web"
ownership = "own"
[[relationships]]
id = "desk"
type = "self_service"
segments = ["small businesses"]
motivations = ["keep", "grow", "acquire"]
channels = ["shop"]
`
	var got []string
	for _, p := range Load("m.toml", []byte(src)).Problems {
		got = append(got, fmt.Sprintf("%s %s: %s", p.Code, p.Path, p.Hint))
	}
	want := []string{
		`CR003 channels[0].ownership: did you mean "owned"?`,
		`CR003 relationships[0].motivations[0]: did you mean "retention"?`,
		`CR003 relationships[0].motivations[1]: did you mean "upselling"?`,
		`CR003 relationships[0].motivations[2]: did you mean "acquisition"?`,
		`CR006 relationships[0].segments[0]: did you mean "smb"? "small businesses" is that segment's name; references use its id`,
		`CR006 relationships[0].channels[0]: known channel ids: web`,
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("hints:\n%q\nwant\n%q", got, want)
	}
	for in, want := range map[string]string{
		"own": "owned", "warn": "warning", "part": "partner", "ow": "", "o": "",
	} {
		if got := Closest(in, append(append([]string{}, Ownerships...), "warning", "error", "info", "none")); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
	// A prefix two candidates share suggests neither.
	if got := Closest("self", []string{"self_service", "self_made"}); got != "" {
		t.Errorf("Closest(self) = %q, want none", got)
	}
}
