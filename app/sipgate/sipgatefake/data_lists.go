package sipgatefake

// Contact is an item of GET /contacts.
type Contact struct {
	ID           string          `json:"id"`
	Name         string          `json:"name"`
	Picture      string          `json:"picture,omitempty"`
	Emails       []Email         `json:"emails"`
	Numbers      []ContactNumber `json:"numbers"`
	Addresses    []Address       `json:"addresses"`
	Organization [][]string      `json:"organization"`
	Scope        string          `json:"scope"`
}

// Email is an e-mail address of a contact.
type Email struct {
	Email string   `json:"email"`
	Type  []string `json:"type"`
}

// ContactNumber is {number, type[]}.
type ContactNumber struct {
	Number string   `json:"number"`
	Type   []string `json:"type"`
}

// Address is a contact's postal address.
type Address struct {
	POBox           string `json:"poBox"`
	ExtendedAddress string `json:"extendedAddress"`
	StreetAddress   string `json:"streetAddress"`
	Locality        string `json:"locality"`
	Region          string `json:"region"`
	PostalCode      string `json:"postalCode"`
	Country         string `json:"country"`
}

// HistoryEntry is an item of GET /history; Created is ISO 8601.
type HistoryEntry struct {
	ID            string      `json:"id"`
	Source        string      `json:"source"`
	Target        string      `json:"target"`
	SourceAlias   string      `json:"sourceAlias"`
	TargetAlias   string      `json:"targetAlias"`
	Type          string      `json:"type"`
	Created       string      `json:"created"`
	LastModified  string      `json:"lastModified"`
	Direction     string      `json:"direction"`
	Incoming      bool        `json:"incoming"`
	Status        string      `json:"status"`
	ConnectionIDs []string    `json:"connectionIds"`
	Read          bool        `json:"read"`
	Archived      bool        `json:"archived"`
	Note          string      `json:"note"`
	Endpoints     []Routed    `json:"endpoints"`
	Starred       bool        `json:"starred"`
	Labels        []string    `json:"labels"`
	CallID        string      `json:"callId,omitempty"`
	Duration      *float64    `json:"duration,omitempty"`
	Recordings    []Recording `json:"recordings,omitempty"`
	CallStatus    string      `json:"callStatus,omitempty"`
}

// Routed is {type, endpoint:{extension, type}}.
type Routed struct {
	Type     string   `json:"type"`
	Endpoint Endpoint `json:"endpoint"`
}

// Endpoint is {extension, type}.
type Endpoint struct {
	Extension string `json:"extension"`
	Type      string `json:"type"`
}

// Recording is {id, url}.
type Recording struct {
	ID  string `json:"id"`
	URL string `json:"url"`
}

// Data is everything the fake serves.
type Data struct {
	Userinfo   Userinfo
	Account    Account
	Users      []User
	Devices    map[string][]Device // by user id
	Numbers    []Number
	Settings   Settings
	WebhookLog []LogEntry
	Contacts   []Contact
	History    []HistoryEntry
	Blacklist  []BlockEntry
}
