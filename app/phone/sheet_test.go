package phone

import "testing"

var sheetCases = []struct {
	in, want string
	ok       bool
}{
	{"+49 211 1234567", "(+49) 211 1234567", true},
	{"+492111234567", "(+49) 2111234567", true},
	{"+49 211 63555-0", "(+49) 211 63555-0", true},
	{"+1 415-555-0132", "(+1) 415-555-0132", true},
	{"+46 123 456 7890", "(+46) 123 456 7890", true}, // unverified, still a number
	{"+999 1234", "+999 1234", false},
	{"+49 211 1234567 ext", "+49 211 1234567 ext", false},
	{"+1+1", "+1+1", false},
	{"0211 1234567", "0211 1234567", false},
	{"", "", false},
}

func TestSpreadsheet(t *testing.T) {
	for _, c := range sheetCases {
		got, ok := Spreadsheet(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("Spreadsheet(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
			continue
		}
		if !ok {
			continue
		}
		a, err1 := ParseLenient(c.in, "DE")
		b, err2 := ParseLenient(got, "US")
		if err1 != nil || err2 != nil || a.E164 != b.E164 || a.Switchboard != b.Switchboard {
			t.Errorf("Spreadsheet(%q) = %q reads back as %+v, %v; want %+v", c.in, got, b, err2, a)
		}
	}
}
