package render

import "strings"

// Swatch is a foreground and a background colour: dark text on a light tint
// for relationship type badges, a solid colour and its tint for severities.
type Swatch struct {
	Fg string
	Bg string
}

// typeSwatch gives each of the 12 relationship types its own hue, so that a
// reader can match a badge in Customer Relationships to the same type
// expected by a segment. Reds, ambers and mid blues are left to severities.
func typeSwatch(t string) Swatch {
	switch t {
	case "transactional":
		return Swatch{Fg: "#334155", Bg: "#e2e8f0"}
	case "self_service":
		return Swatch{Fg: "#115e59", Bg: "#ccfbf1"}
	case "automated_services":
		return Swatch{Fg: "#155e75", Bg: "#cffafe"}
	case "personal_assistance":
		return Swatch{Fg: "#3730a3", Bg: "#e0e7ff"}
	case "dedicated_personal_assistance":
		return Swatch{Fg: "#5b21b6", Bg: "#ede9fe"}
	case "community":
		return Swatch{Fg: "#166534", Bg: "#dcfce7"}
	case "co_creation":
		return Swatch{Fg: "#3f6212", Bg: "#ecfccb"}
	case "fans":
		return Swatch{Fg: "#9d174d", Bg: "#fce7f3"}
	case "long_term":
		return Swatch{Fg: "#075985", Bg: "#e0f2fe"}
	case "switching_costs":
		return Swatch{Fg: "#86198f", Bg: "#fae8ff"}
	case "direct":
		return Swatch{Fg: "#9a3412", Bg: "#ffedd5"}
	case "indirect":
		return Swatch{Fg: "#44403c", Bg: "#e7e5e4"}
	}
	return Swatch{Fg: "#52525b", Bg: "#f4f4f5"}
}

// severitySwatch is the solid colour of a severity and its tint.
func severitySwatch(sev string) Swatch {
	switch sev {
	case "error":
		return Swatch{Fg: "#dc2626", Bg: "#fef2f2"}
	case "warning":
		return Swatch{Fg: "#d97706", Bg: "#fffbeb"}
	case "info":
		return Swatch{Fg: "#2563eb", Bg: "#eff6ff"}
	}
	return Swatch{Fg: "#a1a1aa", Bg: "#ffffff"}
}

// Neutral colours shared by both formats.
const (
	colInk    = "#18181b"
	colText   = "#27272a"
	colMuted  = "#71717a"
	colLine   = "#d4d4d8"
	colPaper  = "#ffffff"
	colBack   = "#f4f4f5"
	colAccent = "#3f3f46"
)

// human writes an enum value for people: "dedicated_personal_assistance"
// becomes "dedicated personal assistance".
func human(v string) string {
	return strings.ReplaceAll(v, "_", " ")
}
