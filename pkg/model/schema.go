package model

// The model format of SPEC §1, as data: which blocks exist, which fields each
// item may carry, and what each field must hold. Validation (CR002–CR006),
// normalisation for the Rego input and `crlint schema` all read these tables,
// so the format is written down once.

// FieldKind says what a field must hold.
type FieldKind int

const (
	// Text is free text.
	Text FieldKind = iota + 1
	// ID is an item's identifier, [a-z0-9][a-z0-9_-]*.
	ID
	// Enum is one string from a fixed set.
	Enum
	// Bool is true or false.
	Bool
	// Refs is an array of ids of items of another block.
	Refs
	// EnumList is an array of strings from a fixed set.
	EnumList
	// TextList is an array of free text.
	TextList
)

// Field describes one key an item (or the document) may carry.
type Field struct {
	Name     string
	Kind     FieldKind
	Values   []string // for Enum and EnumList
	Target   string   // for Refs: the block the ids name
	Required bool
	Doc      string
}

// Block describes an array of items such as [[relationships]].
type Block struct {
	Name   string
	Doc    string
	HasID  bool // items carry a required, unique id
	Fields []Field
}

// Field returns the field called name, if the block has one.
func (b *Block) Field(name string) (Field, bool) {
	for _, f := range b.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// FieldNames lists the block's keys in the order they are documented.
func (b *Block) FieldNames() []string {
	names := make([]string, len(b.Fields))
	for i, f := range b.Fields {
		names[i] = f.Name
	}
	return names
}

// RelationshipTypes are the 12 canonical relationship types.
var RelationshipTypes = []string{
	"transactional", "self_service", "automated_services", "personal_assistance",
	"dedicated_personal_assistance", "community", "co_creation", "fans",
	"long_term", "switching_costs", "direct", "indirect",
}

// Enumerations of the format, by the field they belong to.
var (
	Stages       = []string{"idea", "launch", "growth", "mature"}
	Markets      = []string{"mass", "niche", "segmented", "diversified", "multi_sided"}
	Motivations  = []string{"acquisition", "retention", "upselling"}
	Ownerships   = []string{"owned", "partner"}
	CostLevels   = []string{"low", "medium", "high"}
	ResourceKind = []string{"physical", "intellectual", "human", "financial"}
	ActivityKind = []string{"production", "problem_solving", "platform"}
	PartnerRoles = []string{"strategic_alliance", "coopetition", "joint_venture", "supplier", "distributor", "reseller"}
	RevenueTypes = []string{"asset_sale", "usage_fee", "subscription", "lending", "renting", "licensing", "brokerage", "advertising"}
	CostKinds    = []string{"fixed", "variable"}
)

var (
	idField   = Field{Name: "id", Kind: ID, Required: true, Doc: "unique within its block, [a-z0-9][a-z0-9_-]*"}
	nameField = Field{Name: "name", Kind: Text, Doc: "free text"}
	descField = Field{Name: "description", Kind: Text, Doc: "free text"}
)

func refs(name, target, doc string) Field {
	return Field{Name: name, Kind: Refs, Target: target, Doc: doc}
}

func item(fields ...Field) []Field {
	return append([]Field{idField, nameField, descField}, fields...)
}

func tactic() []Field {
	return []Field{
		{Name: "tactic", Kind: Text, Required: true, Doc: "what you do in this phase"},
		nameField, descField,
		refs("relationships", "relationships", "ids of the relationships the tactic uses"),
		refs("segments", "segments", "ids of the segments it targets"),
		{Name: "metric", Kind: Text, Doc: "how you measure it"},
	}
}

// Blocks lists every block of the format in canvas order.
var Blocks = []*Block{
	{Name: "segments", Doc: "Customer Segments", HasID: true, Fields: item(
		Field{Name: "market", Kind: Enum, Values: Markets, Doc: "the kind of market"},
		Field{Name: "expects", Kind: EnumList, Values: RelationshipTypes, Doc: "relationship types this segment expects"},
		Field{Name: "evidence", Kind: TextList, Doc: "where that expectation comes from"},
	)},
	{Name: "value_propositions", Doc: "Value Propositions", HasID: true, Fields: item(
		refs("segments", "segments", "ids of the segments it serves"),
	)},
	{Name: "channels", Doc: "Channels", HasID: true, Fields: item(
		Field{Name: "ownership", Kind: Enum, Values: Ownerships, Doc: "who runs the channel"},
		refs("segments", "segments", "ids of the segments it reaches"),
	)},
	{Name: "relationships", Doc: "Customer Relationships", HasID: true, Fields: item(
		Field{Name: "type", Kind: Enum, Values: RelationshipTypes, Required: true, Doc: "one of the 12 relationship types"},
		refs("segments", "segments", "ids of the segments it serves"),
		Field{Name: "motivations", Kind: EnumList, Values: Motivations, Doc: "acquisition (get), retention (keep), upselling (grow)"},
		refs("channels", "channels", "ids of the channels it runs through"),
		refs("value_propositions", "value_propositions", "ids of the value propositions it supports"),
		refs("resources", "key_resources", "ids of the key resources it needs"),
		refs("activities", "key_activities", "ids of the key activities it needs"),
		refs("partners", "key_partners", "ids of the key partners it needs"),
		refs("costs", "costs", "ids of the cost entries it creates"),
		Field{Name: "cost_level", Kind: Enum, Values: CostLevels, Doc: "how costly the relationship is"},
	)},
	{Name: "key_resources", Doc: "Key Resources", HasID: true, Fields: item(
		Field{Name: "kind", Kind: Enum, Values: ResourceKind, Doc: "the kind of resource"},
	)},
	{Name: "key_activities", Doc: "Key Activities", HasID: true, Fields: item(
		Field{Name: "kind", Kind: Enum, Values: ActivityKind, Doc: "the kind of activity"},
	)},
	{Name: "key_partners", Doc: "Key Partners", HasID: true, Fields: item(
		Field{Name: "role", Kind: Enum, Values: PartnerRoles, Doc: "the kind of partnership"},
	)},
	{Name: "revenue_streams", Doc: "Revenue Streams", HasID: true, Fields: item(
		Field{Name: "type", Kind: Enum, Values: RevenueTypes, Doc: "how the stream earns"},
		refs("segments", "segments", "ids of the segments that pay; none means every segment"),
		Field{Name: "recurring", Kind: Bool, Doc: "defaults to true for subscription, lending, renting and licensing"},
	)},
	{Name: "costs", Doc: "Cost Structure", HasID: true, Fields: item(
		Field{Name: "kind", Kind: Enum, Values: CostKinds, Doc: "fixed or variable"},
	)},
	{Name: "get", Doc: "Get tactics (acquisition)", Fields: tactic()},
	{Name: "keep", Doc: "Keep tactics (retention)", Fields: tactic()},
	{Name: "grow", Doc: "Grow tactics (upselling)", Fields: tactic()},
	{Name: "competitors", Doc: "Competitors and their relationship types", Fields: []Field{
		nameField, descField,
		{Name: "relationships", Kind: EnumList, Values: RelationshipTypes, Doc: "relationship types, not ids"},
	}},
}

// TopFields are the scalar keys at the top of a model.
var TopFields = []Field{
	{Name: "name", Kind: Text, Required: true, Doc: "the business model's name"},
	descField,
	{Name: "stage", Kind: Enum, Values: Stages, Doc: "the business's life-cycle stage"},
}

// SummaryFields are the keys of the [summary] table.
var SummaryFields = []Field{
	{Name: "relationships", Kind: Text, Doc: "the Customer Relationships line on the canvas"},
}

// BlockByName returns the block called name.
func BlockByName(name string) *Block {
	for _, b := range Blocks {
		if b.Name == name {
			return b
		}
	}
	return nil
}

// TopLevelKeys lists every key allowed at the top of a model.
func TopLevelKeys() []string {
	keys := []string{}
	for _, f := range TopFields {
		keys = append(keys, f.Name)
	}
	keys = append(keys, "summary")
	for _, b := range Blocks {
		keys = append(keys, b.Name)
	}
	return keys
}
