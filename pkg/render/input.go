package render

import "strings"

// Reading the normalised model (doc.Input): every block is an array of item
// maps, and a value that failed validation is absent.

// refs names the items ids refer to, by name when they have one.
func refs(ids []string, byID map[string]string) []Ref {
	out := make([]Ref, 0, len(ids))
	for _, id := range ids {
		name, ok := byID[id]
		if !ok {
			out = append(out, Ref{Name: id, Missing: true})
			continue
		}
		out = append(out, Ref{Name: name})
	}
	return out
}

// names maps each item's id to its name, or to the id when it has none.
func names(list []map[string]any) map[string]string {
	m := make(map[string]string, len(list))
	for _, it := range list {
		id := str(it, "id")
		if id == "" {
			continue
		}
		if _, dup := m[id]; dup {
			continue
		}
		if n := str(it, "name"); n != "" {
			m[id] = n
		} else {
			m[id] = id
		}
	}
	return m
}

func items(in map[string]any, key string) []map[string]any {
	list, _ := in[key].([]any)
	out := make([]map[string]any, 0, len(list))
	for _, v := range list {
		if m, ok := v.(map[string]any); ok {
			out = append(out, m)
		} else {
			// Keep indices aligned with the file so findings land on the
			// right item.
			out = append(out, map[string]any{})
		}
	}
	return out
}

func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return strings.TrimSpace(s)
}

func strs(m map[string]any, key string) []string {
	var out []string
	switch v := m[key].(type) {
	case []any:
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
	case []string:
		out = append(out, v...)
	}
	return out
}
