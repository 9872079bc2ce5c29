package sipgatefake

// Seed is the data a new fake serves: two users with devices, a number,
// sipgate.io settings with log on and a whitelist, a webhook log,
// contacts of each scope, a history of six entries (newest first) and a
// block list entry. The numbers are fictional.
func Seed() Data {
	return Data{
		Userinfo: Userinfo{Sub: "w0", Domain: "sipgate.de", MasterSipID: "1234567", Locale: "de_DE"},
		Account:  Account{Company: "Beispiel GmbH", MainProductType: "TEAM", Verified: true, HistoryLifeTime: "90"},
		Users: []User{
			{ID: "w0", Firstname: "Anna", Lastname: "Schmidt", Email: "anna@example.org", DefaultDevice: "e0", Admin: true, Timezone: "Europe/Berlin"},
			{ID: "w1", Firstname: "Ben", Lastname: "Meyer", Email: "ben@example.org", DefaultDevice: "e1", Timezone: "Europe/Berlin"},
		},
		Devices: map[string][]Device{
			"w0": {{ID: "e0", Alias: "Desk phone", Type: "REGISTER", Online: true, ActivePhonelines: []Ref{{ID: "p0", Alias: "Anna"}}},
				{ID: "y0", Alias: "Mobile", Type: "MOBILE", Online: true}},
			"w1": {{ID: "e1", Alias: "Softphone", Type: "REGISTER", ActiveGroups: []Ref{{ID: "g1", Alias: "Support"}}}},
		},
		Numbers:  []Number{{ID: "n0", Number: "+4921100000000", Localized: "0211 00000000", Type: "LANDLINE", EndpointID: "g1", EndpointAlias: "Support"}},
		Settings: Settings{IncomingURL: "https://old.example.org/in", OutgoingURL: "", Log: true, Whitelist: []string{"w0", "g1"}},
		WebhookLog: []LogEntry{
			{Created: "2025-03-01T09:00:00Z", URL: "https://old.example.org/in", Request: "event=newCall", Response: "<Response/>", Status: "200"},
			{Created: "2025-03-01T09:05:00Z", URL: "https://old.example.org/in", Request: "event=newCall", XMLError: "timeout", Status: "504"},
		},
		Contacts:  seedContacts(),
		History:   seedHistory(),
		Blacklist: []BlockEntry{{PhoneNumber: "+4930999999999", IsBlock: true}},
	}
}

func seedContacts() []Contact {
	return []Contact{
		{ID: "c1", Name: "Erika Mustermann", Scope: "PRIVATE", Organization: [][]string{{"Muster AG", "Einkauf"}},
			Numbers:   []ContactNumber{{Number: "+49 211 5550100", Type: []string{"work"}}, {Number: "0157 5550101", Type: []string{"cell"}}},
			Addresses: []Address{{StreetAddress: "Königsallee 1", Locality: "Düsseldorf", PostalCode: "40212", Country: "DE"}},
			Emails:    []Email{{Email: "erika@example.org", Type: []string{"work"}}}},
		{ID: "c2", Name: "Zentrale Muster AG", Scope: "SHARED", Organization: [][]string{{"Muster AG"}},
			Numbers: []ContactNumber{{Number: "+49 211 5550-0", Type: []string{"work"}}, {Number: "+49 211 5550199", Type: []string{"fax", "work"}}}},
		{ID: "c3", Name: "Ben Meyer", Scope: "INTERNAL",
			Numbers: []ContactNumber{{Number: "+4921100000001", Type: []string{"work"}}}},
	}
}

func seedHistory() []HistoryEntry {
	sec := func(s float64) *float64 { return &s }
	pickup := []Routed{{Type: "ROUTED", Endpoint: Endpoint{Extension: "w0", Type: "USER"}},
		{Type: "PICKUP", Endpoint: Endpoint{Extension: "w0", Type: "USER"}}}
	return []HistoryEntry{
		{ID: "h6", Type: "SMS", Created: "2025-03-02T12:00:00Z", Direction: "INCOMING", Incoming: true, Source: "+4915100000006", Target: "+4921100000000"},
		{ID: "h5", Type: "CALL", CallID: "c-5", Created: "2025-03-02T11:00:00Z", Direction: "OUTGOING", Status: "PICKUP", CallStatus: "SUCCESS",
			Source: "+4921100000000", Target: "+4915100000005", SourceAlias: "Anna Schmidt", Duration: sec(61)},
		{ID: "h4", Type: "CALL", CallID: "c-4", Created: "2025-03-02T10:00:00Z", Direction: "MISSED_OUTGOING", Status: "NOPICKUP", CallStatus: "MISSED",
			Source: "+4921100000000", Target: "+4915100000004", Duration: sec(0)},
		{ID: "h3", Type: "VOICEMAIL", Created: "2025-03-01T10:00:00Z", Direction: "INCOMING", Incoming: true, Status: "PICKUP",
			Source: "+4915100000003", Target: "+4921100000000", Duration: sec(17)},
		{ID: "h2", Type: "CALL", CallID: "c-2", Created: "2025-03-01T09:30:00Z", Direction: "MISSED_INCOMING", Incoming: true, Status: "NOPICKUP", CallStatus: "MISSED",
			Source: "anonymous", Target: "+4921100000000", Endpoints: pickup[:1]},
		{ID: "h1", Type: "CALL", CallID: "c-1", Created: "2025-03-01T09:00:00Z", Direction: "INCOMING", Incoming: true, Status: "PICKUP", CallStatus: "SUCCESS",
			Source: "+4921155501000", Target: "+4921100000000", TargetAlias: "Support", Endpoints: pickup, Duration: sec(125)},
	}
}
