package model

// TypeGuidanceSource names the text TypeGuidance quotes.
const TypeGuidanceSource = "Nick Himowicz, “Explaining Customer Relationships” (12-types-and-get-keep-grow.txt)"

// TypeGuidance is the guidance's definition of each relationship type, by
// canonical spelling, for editors to show on a type.
var TypeGuidance = map[string]string{
	"transactional":                 "Transactional relationships involve minimal interaction, usually centered around one-time or infrequent purchases. They focus on efficiency and convenience, allowing customers to complete their purchases quickly without extensive engagement.",
	"automated_services":            "Automated relationships use technology to provide services with minimal human intervention. These systems utilize algorithms to personalize user experiences, such as recommending movies based on viewing history, making interactions feel tailored without direct human contact.",
	"self_service":                  "In self-service relationships, customers independently use services or systems to fulfill their needs. This model empowers customers to take control, from selecting products to completing transactions, which can reduce costs and increase convenience.",
	"personal_assistance":           "Personal assistance involves direct interaction between employees and customers, providing personalized support and services. This high-touch approach helps to foster strong customer loyalty by addressing specific needs and offering tailored solutions.",
	"co_creation":                   "Co-creation engages customers in the creation of products or services. This relationship leverages customer creativity and feedback, allowing them to contribute to product development, which can lead to innovative solutions and higher customer satisfaction.",
	"community":                     "Community relationships are built around shared interests and active interactions. These relationships foster a sense of belonging among customers, encouraging them to engage with each other and the brand through forums, events, and social media.",
	"fans":                          "Fan relationships are driven by customers' enthusiasm and loyalty for a brand. Fans often participate in exclusive events and clubs, becoming advocates for the brand and promoting it within their communities.",
	"dedicated_personal_assistance": "This involves high-touch, individualized attention to cater to specific customer needs. It provides a personalized service that goes beyond standard support, offering bespoke solutions and assistance.",
	"long_term":                     "Long-term relationships involve ongoing interactions aimed at sustained customer engagement. These relationships focus on providing continuous value through regular updates, support, and customization.",
	"switching_costs":               "Switching costs create barriers that prevent customers from changing providers. This relationship model relies on making it financially or logistically challenging for customers to switch to a competitor.",
	"direct":                        "Direct relationships involve direct interaction between the company and the customer without intermediaries. This model allows the company to maintain full control over the customer experience and foster stronger connections.",
	"indirect":                      "Indirect relationships involve intermediaries such as distributors or retailers. This model expands market reach by leveraging partners' networks but may result in less direct control over the customer experience.",
}
