package phone

import (
	"strconv"

	pn "github.com/nyaruka/phonenumbers"
)

// maxDigits bounds the digits the fast path reads: E.164 allows 15,
// Germany uses up to 17 in the national number, plus a country code and
// an international prefix.
const maxDigits = 24

// fastParse reads the common plain forms ("+49 211 1234567",
// "0049 211-1234567", "0211/1234567") without libphonenumber's regular
// expressions, which cost about 25 µs a number and dominate a large
// import. It only takes forms where libphonenumber would do exactly the
// same (no trunk prefix rules, no leading zero in the national number)
// and the result must still be valid; anything else returns false and
// goes to the full parser. FuzzFastPath checks the two agree.
func fastParse(s, region string) (*pn.PhoneNumber, string, bool) {
	d, plus, ok := compact(s)
	if !ok {
		return nil, "", false
	}
	ri, known := regions()[region]
	switch {
	case plus:
		return fastInternational(d)
	case known && ri.idd00 && len(d) > 2 && d[0] == '0' && d[1] == '0':
		return fastInternational(d[2:])
	case known && ri.simpleTrunk && len(d) > 1 && d[0] == '0':
		return fastNational(ri.cc, d[1:])
	}
	return nil, "", false
}

// compact returns the digits of s when s holds nothing but digits, one
// leading '+' and the separators people put between digit groups.
func compact(s string) (digits string, plus, ok bool) {
	var b [maxDigits]byte
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			if n == len(b) {
				return "", false, false
			}
			b[n] = c
			n++
		case c == '+' && i == 0:
			plus = true
		case c == ' ' || c == '-' || c == '/' || c == '.':
		default:
			return "", false, false
		}
	}
	return string(b[:n]), plus, n > 0
}

func fastInternational(d string) (*pn.PhoneNumber, string, bool) {
	codes := callingCodes()
	for l := 1; l <= 3 && l < len(d); l++ {
		cc, _ := strconv.Atoi(d[:l])
		if simple, ok := codes[cc]; ok {
			if !simple {
				return nil, "", false
			}
			return fastNational(cc, d[l:])
		}
	}
	return nil, "", false
}

func fastNational(cc int, nsn string) (*pn.PhoneNumber, string, bool) {
	if len(nsn) < 2 || len(nsn) > 17 || nsn[0] == '0' {
		return nil, "", false
	}
	nn, err := strconv.ParseUint(nsn, 10, 64)
	if err != nil {
		return nil, "", false
	}
	num := &pn.PhoneNumber{CountryCode: new(int32(cc)), NationalNumber: new(nn)}
	if v := validatorFor(cc); v != nil && !v.valid(nsn) || v == nil && !pn.IsValidNumber(num) {
		return nil, "", false
	}
	return num, "+" + strconv.Itoa(cc) + nsn, true
}
