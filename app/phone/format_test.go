package phone

import "testing"

var displayCases = []struct{ e164, region, want string }{
	{"+492111234567", "DE", "0211 1234567"},
	{"+492111234567", "de", "0211 1234567"},
	{"+492111234567", "AT", "+49 211 1234567"},
	{"+4722123456", "DE", "+47 22 12 34 56"},
	{"+4722123456", "NO", "22 12 34 56"},
	{"+14155550132", "US", "(415) 555-0132"},
	{"+14155550132", "DE", "+1 415-555-0132"},
	{"4921112345", "DE", "0211 12345"},
	{"anonymous", "DE", "anonymous"},
	{"+999", "DE", "+999"},
	{"", "DE", ""},
}

func TestDisplay(t *testing.T) {
	for _, c := range displayCases {
		if got := Display(c.e164, c.region); got != c.want {
			t.Errorf("Display(%q, %q) = %q, want %q", c.e164, c.region, got, c.want)
		}
	}
}

func TestNumberDisplay(t *testing.T) {
	cases := []struct {
		n                 Number
		region, nat, intl string
	}{
		{Number{E164: "+4921163555", Switchboard: true}, "DE", "0211 63555-0", "+49 211 63555-0"},
		{Number{E164: "+43158858", Switchboard: true}, "AT", "01 58858-0", "+43 1 58858-0"},
		{Number{E164: "+492111234567"}, "DE", "0211 1234567", "+49 211 1234567"},
		{Number{E164: "+4722123456"}, "DE", "+47 22 12 34 56", "+47 22 12 34 56"},
	}
	for _, c := range cases {
		if got := c.n.Display(c.region); got != c.nat {
			t.Errorf("%+v.Display(%q) = %q, want %q", c.n, c.region, got, c.nat)
		}
		if got := c.n.International(); got != c.intl {
			t.Errorf("%+v.International() = %q, want %q", c.n, got, c.intl)
		}
	}
}

func TestValidRegion(t *testing.T) {
	for code, want := range map[string]bool{"DE": true, "de": true, " AT ": true, "NO": true, "US": true, "XX": false, "": false, "001": false, "DEU": false} {
		if got := ValidRegion(code); got != want {
			t.Errorf("ValidRegion(%q) = %v, want %v", code, got, want)
		}
	}
}

func TestSearchDigits(t *testing.T) {
	cases := []struct{ q, region, want string }{
		{"+49 211", "DE", "49211"},
		{"0049 211", "DE", "49211"},
		{"0211 12", "DE", "4921112"},
		{"+49 (0)211", "DE", "49211"},
		{"030/12", "DE", "493012"},
		{"1234", "DE", "1234"},
		{"0211", "", "0211"},
		{"(415) 555", "US", "415555"},
		{"1 415", "US", "1415"},
		{"", "DE", ""},
	}
	for _, c := range cases {
		if got := SearchDigits(c.q, c.region); got != c.want {
			t.Errorf("SearchDigits(%q, %q) = %q, want %q", c.q, c.region, got, c.want)
		}
	}
}
