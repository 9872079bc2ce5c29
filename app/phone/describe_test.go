package phone

import "testing"

func TestDescribe(t *testing.T) {
	cases := []struct {
		e164, region string
		want         Info
	}{
		{"+4921112345", "DE", Info{"Düsseldorf", "DE", LineFixed}},
		{"4922112345678", "DE", Info{"Cologne", "DE", LineFixed}},
		{"+4722123456", "DE", Info{"Oslo", "NO", LineFixed}},
		{"+491711234567", "DE", Info{"Germany", "DE", LineMobile}},
		{"+498001234567", "DE", Info{"Germany", "DE", LineTollFree}},
		{"+14155550132", "DE", Info{"San Francisco, CA", "US", LineFixedOrMobile}},
		{"0211 1234567", "DE", Info{"Düsseldorf", "DE", LineFixed}},
		{"anonymous", "DE", Info{}},
		{"", "DE", Info{}},
	}
	for _, c := range cases {
		if got := Describe(c.e164, c.region); got != c.want {
			t.Errorf("Describe(%q, %q) = %+v, want %+v", c.e164, c.region, got, c.want)
		}
		if got := Place(c.e164, c.region); got != c.want.Place {
			t.Errorf("Place(%q, %q) = %q, want %q", c.e164, c.region, got, c.want.Place)
		}
		if got := LineTypeOf(c.e164, c.region); got != c.want.LineType {
			t.Errorf("LineTypeOf(%q, %q) = %q, want %q", c.e164, c.region, got, c.want.LineType)
		}
	}
}
