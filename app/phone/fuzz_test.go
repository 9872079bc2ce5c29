package phone

import (
	"strconv"
	"strings"
	"testing"

	pn "github.com/nyaruka/phonenumbers"
)

func addSeeds(f *testing.F) {
	for _, c := range parseCases {
		f.Add(c.raw, c.region)
	}
	for _, c := range displayCases {
		f.Add(c.e164, c.region)
	}
}

// FuzzParse checks that reading never panics (the unexported parse has
// no recover, so a panic in libphonenumber shows up here) and that what
// Parse returns reads back to itself: E.164, the national display and
// the international export form.
func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, raw, region string) {
		_, _, _ = parse(raw, normRegion(region))
		n, err := Parse(raw, region)
		if err != nil {
			if _, ok := err.(*Error); !ok || err.Error() == "" {
				t.Fatalf("Parse(%q, %q) error %T %v, want *Error with a reason", raw, region, err, err)
			}
			return
		}
		again := func(text, reg string) {
			m, err := Parse(text, reg)
			if err != nil || m.E164 != n.E164 || m.Switchboard != n.Switchboard {
				t.Fatalf("Parse(%q, %q) = %+v; Parse(%q, %q) = %+v, %v; want the same number", raw, region, n, text, reg, m, err)
			}
		}
		if n.Switchboard {
			again(n.E164+"-0", "")
		} else {
			again(n.E164, "")
			again(n.E164[1:], "")
		}
		again(n.International(), "")
		if ValidRegion(region) {
			again(n.Display(region), region)
		}
	})
}

// FuzzFastPath checks that the fast path agrees with libphonenumber's
// full parser whenever it takes a number.
func FuzzFastPath(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, raw, region string) {
		region = normRegion(region)
		_, fast, ok := fastParse(raw, region)
		if !ok {
			return
		}
		_, slow, err := slowParse(raw, region)
		if err != nil || slow != fast {
			t.Fatalf("fastParse(%q, %q) = %s; slowParse = %s, %v", raw, region, fast, slow, err)
		}
	})
}

// FuzzValidator checks that the validator agrees with libphonenumber.
func FuzzValidator(f *testing.F) {
	for _, c := range parseCases {
		if c.want != "" {
			f.Add(49, c.want[3:])
		}
	}
	f.Add(47, "22123456")
	f.Fuzz(func(t *testing.T, cc int, nsn string) {
		v := validatorFor(cc)
		if v == nil || nsn == "" || nsn[0] == '0' || len(nsn) > 17 || strings.Trim(nsn, "0123456789") != "" {
			return
		}
		nn, _ := strconv.ParseUint(nsn, 10, 64)
		want := pn.IsValidNumber(&pn.PhoneNumber{CountryCode: new(int32(cc)), NationalNumber: new(nn)})
		if got := v.valid(nsn); got != want {
			t.Fatalf("validator(+%d).valid(%q) = %v, libphonenumber says %v", cc, nsn, got, want)
		}
	})
}

// FuzzParseLenient checks that the lenient reading never panics, keeps
// only numbers of at most 15 digits with a known reason, and that what
// it keeps reads back to itself; and that Spreadsheet's form of a
// number reads back as the same number in any region.
func FuzzParseLenient(f *testing.F) {
	addSeeds(f)
	for _, c := range lenientCases {
		f.Add(c.raw, c.region)
	}
	for _, c := range sheetCases {
		f.Add(c.in, "")
	}
	f.Fuzz(func(t *testing.T, raw, region string) {
		if s, ok := Spreadsheet(raw); ok {
			a, err1 := ParseLenient(raw, "")
			b, err2 := ParseLenient(s, region)
			if err1 != nil || err2 != nil || a.E164 != b.E164 || a.Switchboard != b.Switchboard || s[0] == '+' {
				t.Fatalf("Spreadsheet(%q) = %q: reads as %+v, %v; want %+v", raw, s, b, err2, a)
			}
		}
		n, err := ParseLenient(raw, region)
		if err != nil {
			return
		}
		if n.Unverified == "" {
			return
		}
		if len(n.E164) > 16 || n.Switchboard || (n.Unverified != ReasonTooLong && n.Unverified != ReasonNotInUse) {
			t.Fatalf("ParseLenient(%q, %q) = %+v", raw, region, n)
		}
		if m, err := ParseLenient(n.E164, ""); err != nil || m.E164 != n.E164 {
			t.Fatalf("ParseLenient(%q, %q) = %+v; ParseLenient(%q) = %+v, %v", raw, region, n, n.E164, m, err)
		}
	})
}

// FuzzPlaceAndLineType: Place and LineTypeOf say what Describe says, for
// any text (a webhook's from field is anything sipgate sends).
func FuzzPlaceAndLineType(f *testing.F) {
	for _, s := range []string{"+4921112345", "4922112345678", "+14155550132", "anonymous", "", "1452406e0", "+49", "0211 1234567"} {
		f.Add(s, "DE")
	}
	f.Add("+4722123456", "XX")
	f.Fuzz(func(t *testing.T, number, region string) {
		d := Describe(number, region)
		if got := Place(number, region); got != d.Place {
			t.Fatalf("Place(%q, %q) = %q, Describe says %q", number, region, got, d.Place)
		}
		if got := LineTypeOf(number, region); got != d.LineType {
			t.Fatalf("LineTypeOf(%q, %q) = %q, Describe says %q", number, region, got, d.LineType)
		}
	})
}
