package phone

import (
	"strings"
	"testing"
)

// lenientCases are numbers libphonenumber doubts. want is the E.164
// form ParseLenient keeps ("" when it must refuse), reason the doubt.
var lenientCases = []struct {
	raw, region, want string
	reason            Reason
}{
	{"+46 123 456 7890", "DE", "+461234567890", ReasonTooLong},
	{"+46 70 123 45 678", "DE", "+467012345678", ReasonTooLong},
	{"461234567890", "", "+461234567890", ReasonTooLong}, // as sipgate sends it, read in no region
	{"+47 2212345678", "DE", "+472212345678", ReasonTooLong},
	{"1234567", "DE", "+491234567", ReasonNotInUse},
	{"+49 211 63555-0", "DE", "+4921163555", ""}, // valid: a switchboard as with Parse
	{"0211 1234567", "DE", "+492111234567", ""},
	// refused as by Parse
	{"+49 211 1234567890123", "DE", "", ReasonTooLong}, // 18 digits: more than E.164 allows
	{"0171 1", "DE", "", ReasonTooShort},
	{"+49 123", "DE", "", ReasonNeedsAreaCode},
	{"+999 1234", "DE", "", ReasonUnknownCountryCode},
	{"abc", "DE", "", ReasonNotANumber},
	{"", "DE", "", ReasonEmpty},
	{"0211 1234567", "", "", ReasonNoCountryCode},
}

func TestParseLenient(t *testing.T) {
	for _, c := range lenientCases {
		n, err := ParseLenient(c.raw, c.region)
		if c.want == "" {
			pe, ok := err.(*Error)
			if !ok || pe.Reason != c.reason || n.E164 != "" {
				t.Errorf("ParseLenient(%q, %q) = %+v, %v; want refused with %q", c.raw, c.region, n, err, c.reason)
			}
			continue
		}
		if err != nil || n.E164 != c.want || n.Unverified != c.reason || n.Raw != c.raw {
			t.Errorf("ParseLenient(%q, %q) = %+v, %v; want %s unverified %q", c.raw, c.region, n, err, c.want, c.reason)
		}
		if c.reason != "" && n.Switchboard {
			t.Errorf("ParseLenient(%q) = %+v: an unverified number must not be a switchboard", c.raw, n)
		}
	}
}

func TestDoubt(t *testing.T) {
	n, _ := ParseLenient("+46 123 456 7890", "DE")
	d := n.Doubt()
	if d == nil || d.Reason != ReasonTooLong || d.Country != "SE" ||
		d.Error() != `"+46 123 456 7890" is too long for a Swedish number: check for extra digits` {
		t.Errorf("Doubt() = %+v (%v)", d, d)
	}
	if v, _ := ParseLenient("0211 1234567", "DE"); v.Doubt() != nil {
		t.Errorf("a valid number has a doubt: %+v", v.Doubt())
	}
}

func TestErrorReasons(t *testing.T) {
	for _, c := range parseCases {
		if c.want != "" {
			continue
		}
		_, err := Parse(c.raw, c.region)
		pe, ok := err.(*Error)
		if !ok || pe.Reason == "" || pe.Reason == ReasonUnreadable || !strings.Contains(pe.Error(), pe.Explain()) {
			t.Errorf("Parse(%q, %q) error = %#v; want a specific reason", c.raw, c.region, err)
		}
	}
}
