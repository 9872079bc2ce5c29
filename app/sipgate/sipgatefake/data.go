package sipgatefake

// The wire types, with the JSON names of sipgate's spec (REST-API.md).

// Userinfo is GET /authorization/userinfo.
type Userinfo struct {
	Sub         string `json:"sub"`
	Domain      string `json:"domain"`
	MasterSipID string `json:"masterSipId"`
	Locale      string `json:"locale"`
}

// Account is GET /account.
type Account struct {
	Company         string `json:"company"`
	MainProductType string `json:"mainProductType"`
	LogoURL         string `json:"logoUrl"`
	Verified        bool   `json:"verified"`
	HistoryLifeTime string `json:"historyLifeTime"`
}

// User is an item of GET /users.
type User struct {
	ID            string   `json:"id"`
	Firstname     string   `json:"firstname"`
	Lastname      string   `json:"lastname"`
	Email         string   `json:"email"`
	DefaultDevice string   `json:"defaultDevice"`
	BusyOnBusy    bool     `json:"busyOnBusy"`
	AddressID     string   `json:"addressId"`
	DirectDialIDs []string `json:"directDialIds"`
	Timezone      string   `json:"timezone"`
	Admin         bool     `json:"admin"`
}

// Device is an item of GET /{userId}/devices.
type Device struct {
	ID               string `json:"id"`
	Alias            string `json:"alias"`
	Type             string `json:"type"`
	Online           bool   `json:"online"`
	DND              bool   `json:"dnd"`
	ActivePhonelines []Ref  `json:"activePhonelines"`
	ActiveGroups     []Ref  `json:"activeGroups"`
}

// Ref is {id, alias}.
type Ref struct {
	ID    string `json:"id"`
	Alias string `json:"alias"`
}

// Number is an item of GET /numbers.
type Number struct {
	ID            string `json:"id"`
	Number        string `json:"number"`
	Localized     string `json:"localized"`
	Type          string `json:"type"`
	EndpointID    string `json:"endpointId"`
	EndpointAlias string `json:"endpointAlias"`
	EndpointURL   string `json:"endpointUrl"`
}

// Settings is GET/PUT /settings/sipgateio. A nil Whitelist is JSON null.
type Settings struct {
	IncomingURL string   `json:"incomingUrl"`
	OutgoingURL string   `json:"outgoingUrl"`
	Log         bool     `json:"log"`
	Whitelist   []string `json:"whitelist"`
}

// LogEntry is an item of GET /log/webhooks (all strings, as in the spec).
type LogEntry struct {
	Created  string `json:"created"`
	URL      string `json:"url"`
	Request  string `json:"request"`
	Response string `json:"response"`
	XMLError string `json:"xmlError"`
	Status   string `json:"status"`
}

// BlockEntry is an item of /blacklist/incoming.
type BlockEntry struct {
	PhoneNumber string `json:"phoneNumber"`
	IsBlock     bool   `json:"isBlock"`
}

// CallRequest is the body of POST /sessions/calls.
type CallRequest struct {
	DeviceID string `json:"deviceId"`
	Caller   string `json:"caller"`
	Callee   string `json:"callee"`
	CallerID string `json:"callerId"`
}
