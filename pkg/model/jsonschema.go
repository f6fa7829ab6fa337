package model

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// SchemaID is the $id of the JSON Schema that JSONSchema returns.
const SchemaID = "https://crlint.dev/schema/model.json"

// schemaNode is one JSON Schema object. A struct rather than a map, so the
// keywords come out in a reader's order ($schema first); the maps inside it
// are sorted by encoding/json. It uses only keywords that mean the same in
// every draft from 4 to 2020-12, and no $ref, because editors' validators
// (Taplo's among them) may apply an older draft whatever $schema says.
type schemaNode struct {
	Schema               string                 `json:"$schema,omitempty"`
	ID                   string                 `json:"$id,omitempty"`
	Title                string                 `json:"title,omitempty"`
	Description          string                 `json:"description,omitempty"`
	Type                 string                 `json:"type,omitempty"`
	Enum                 []string               `json:"enum,omitempty"`
	Pattern              string                 `json:"pattern,omitempty"`
	Items                *schemaNode            `json:"items,omitempty"`
	Required             []string               `json:"required,omitempty"`
	Properties           map[string]*schemaNode `json:"properties,omitempty"`
	AdditionalProperties *bool                  `json:"additionalProperties,omitempty"`
}

// JSONSchema returns the model format as a JSON Schema (draft 2020-12),
// indented and ending in a newline. It is generated from Blocks, TopFields
// and SummaryFields, so editors that read JSON Schema (Taplo, Even Better
// TOML) complete and check the same keys and values as the loader. The
// schema checks shape only: references that name nothing, duplicate ids and
// every rule beyond CR002–CR004 are crlint's job.
func JSONSchema() ([]byte, error) {
	root := &schemaNode{
		Schema: "https://json-schema.org/draft/2020-12/schema",
		ID:     SchemaID,
		Title:  "crlint model",
		Description: "A Business Model Canvas written in TOML, one business model per file, " +
			"as crlint lints it.",
	}
	object(root, TopFields)
	root.Properties["summary"] = object(&schemaNode{
		Description: "What goes on the canvas itself",
	}, SummaryFields)
	for _, b := range Blocks {
		root.Properties[b.Name] = &schemaNode{
			Description: b.Doc,
			Type:        "array",
			Items:       object(&schemaNode{Title: Singular(b.Name)}, b.Fields),
		}
	}

	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(root); err != nil {
		return nil, fmt.Errorf("encode JSON Schema: %w", err)
	}
	return buf.Bytes(), nil
}

// object makes n a closed object with one property per field.
func object(n *schemaNode, fields []Field) *schemaNode {
	closed := false
	n.Type = "object"
	n.AdditionalProperties = &closed
	n.Properties = make(map[string]*schemaNode, len(fields))
	for _, f := range fields {
		n.Properties[f.Name] = fieldSchema(f)
		if f.Required {
			n.Required = append(n.Required, f.Name)
		}
	}
	return n
}

func fieldSchema(f Field) *schemaNode {
	n := &schemaNode{Description: f.Doc}
	switch f.Kind {
	case Text:
		n.Type = "string"
	case ID:
		n.Type, n.Pattern = "string", idPattern.String()
	case Enum:
		n.Type, n.Enum = "string", f.Values
	case Bool:
		n.Type = "boolean"
	case Refs:
		// No pattern on the entries: a reference is checked against the
		// ids that exist (CR006), which a schema cannot see.
		n.Type, n.Items = "array", &schemaNode{Type: "string"}
	case EnumList:
		n.Type, n.Items = "array", &schemaNode{Type: "string", Enum: f.Values}
	case TextList:
		n.Type, n.Items = "array", &schemaNode{Type: "string"}
	}
	return n
}
