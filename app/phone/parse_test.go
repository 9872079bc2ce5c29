package phone

import (
	"strings"
	"testing"
)

// parseCases are the forms people type and sipgate sends. want is the
// E.164 form ("" when Parse must fail), sb the switchboard flag, and
// reason a part of the error message when it fails.
var parseCases = []struct {
	raw, region, want string
	sb                bool
	reason            string
}{
	// sipgate: digits without +
	{"4921112345", "DE", "+4921112345", false, ""},
	{"4915791234567", "DE", "+4915791234567", false, ""},
	{"14155550132", "DE", "+14155550132", false, ""},
	{"4722123456", "AT", "+4722123456", false, ""},
	// German national and international forms
	{"+4921112345", "DE", "+4921112345", false, ""},
	{"0211 1234567", "DE", "+492111234567", false, ""},
	{"02111234567", "DE", "+492111234567", false, ""},
	{"+49 (0)211 123 45-67", "DE", "+492111234567", false, ""},
	{"+49 (0) 211 / 123 45 67", "DE", "+492111234567", false, ""},
	{"0049 211 1234567", "DE", "+492111234567", false, ""},
	{"00 49 211 1234567", "DE", "+492111234567", false, ""},
	{"030/1234567", "DE", "+49301234567", false, ""},
	{"(0211) 12 34 56", "DE", "+49211123456", false, ""},
	{"0157 9123 4567", "DE", "+4915791234567", false, ""},
	{"0049 171 234 5678", "DE", "+491712345678", false, ""},
	{"+49 (0)160 9988776", "DE", "+491609988776", false, ""},
	{"+49-211-1234567", "DE", "+492111234567", false, ""},
	{"+49.211.1234567", "DE", "+492111234567", false, ""},
	{" +49 211 1234567\t", "DE", "+492111234567", false, ""},
	{"\u00a0+49\u00a0211\u00a01234567", "DE", "+492111234567", false, ""},
	{"＋４９ ２１１ １２３４５６７", "DE", "+492111234567", false, ""},
	{"0211 1234567", "de", "+492111234567", false, ""},
	{"0800 1234567", "DE", "+498001234567", false, ""},
	{"tel:+49-211-1234567", "DE", "+492111234567", false, ""},
	// switchboards and extensions
	{"+49 211 63555-0", "DE", "+4921163555", true, ""},
	{"0211 63555-0", "DE", "+4921163555", true, ""},
	{"0211/63555 – 0", "DE", "+4921163555", true, ""},
	{"+49 (0)211 63555 - 0 ", "DE", "+4921163555", true, ""},
	{"+43 1 58858-0", "DE", "+43158858", true, ""},
	{"01 58858-0", "AT", "+43158858", true, ""},
	{"+49 211 635550", "DE", "+49211635550", false, ""},
	{"+49 211 63555-123", "DE", "+4921163555123", false, ""},
	{"+49 211 63555 ext. 123", "DE", "+4921163555123", false, ""},
	{"tel:+49-211-63555;ext=123", "DE", "+4921163555123", false, ""},
	{"+1 415 555 0132 ext. 12", "DE", "+14155550132", false, ""},
	// other countries
	{"+47 22 12 34 56", "DE", "+4722123456", false, ""},
	{"+1 (415) 555-0132", "DE", "+14155550132", false, ""},
	{"(415) 555-0132", "US", "+14155550132", false, ""},
	{"1-415-555-0132", "US", "+14155550132", false, ""},
	{"011 49 211 1234567", "US", "+492111234567", false, ""},
	{"+39 06 1234 5678", "DE", "+390612345678", false, ""},
	{"06 1234 5678", "IT", "+390612345678", false, ""},
	{"+44 20 7946 0958", "DE", "+442079460958", false, ""},
	{"020 7946 0958", "GB", "+442079460958", false, ""},
	{"+33 1 23 45 67 89", "DE", "+33123456789", false, ""},
	{"01 23 45 67 89", "FR", "+33123456789", false, ""},
	{"044 668 18 00", "CH", "+41446681800", false, ""},
	{"+41 44 668 18 00", "DE", "+41446681800", false, ""},
	{"+31 20 123 4567", "DE", "+31201234567", false, ""},
	// what people get wrong
	{"", "DE", "", false, "no number given"},
	{"   ", "DE", "", false, "no number given"},
	{"abc", "DE", "", false, "is not a phone number"},
	{"anonymous", "DE", "", false, "is not a phone number"},
	{"0", "DE", "", false, "too short"},
	{"0171 1", "DE", "", false, "too short for a German number"},
	{"+49 123", "DE", "", false, "too short for a German number: add the area code"},
	{"+47 123", "DE", "", false, "too short for a Norwegian number"},
	{"+49 211 12345678901234", "DE", "", false, "too long for a German number"},
	{"+47 2212345678", "DE", "", false, "too long for a Norwegian number"},
	{"+999 1234", "DE", "", false, "unknown country code"},
	{"0211 1234567", "", "", false, "has no country code"},
	{"0211 1234567", "XX", "", false, "has no country code"},
	{"1234567", "DE", "", false, "not a German number in use"},
}

func TestParse(t *testing.T) {
	for _, c := range parseCases {
		n, err := Parse(c.raw, c.region)
		if c.want == "" {
			if err == nil || !strings.Contains(err.Error(), c.reason) {
				t.Errorf("Parse(%q, %q) = %+v, %v; want error containing %q", c.raw, c.region, n, err, c.reason)
			}
			continue
		}
		if err != nil || n.E164 != c.want || n.Switchboard != c.sb || n.Raw != c.raw {
			t.Errorf("Parse(%q, %q) = %+v, %v; want %s switchboard=%v", c.raw, c.region, n, err, c.want, c.sb)
		}
	}
}

func TestE164(t *testing.T) {
	for _, c := range parseCases {
		got, ok := E164(c.raw, c.region)
		want := c.want
		if c.sb {
			want += "0"
		}
		if got != want || ok != (c.want != "") {
			t.Errorf("E164(%q, %q) = %q, %v; want %q", c.raw, c.region, got, ok, want)
		}
	}
}

func TestErrorNamesTheInput(t *testing.T) {
	_, err := Parse("0171 1", "DE")
	want := `"0171 1" is too short for a German number: check for missing digits`
	if err == nil || err.Error() != want {
		t.Errorf("Parse(\"0171 1\") error = %v, want %s", err, want)
	}
}
