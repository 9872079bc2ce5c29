package phone

import (
	"strings"

	pn "github.com/nyaruka/phonenumbers"
)

// lengthHint guesses whether an invalid number is too short or too long:
// first from the possible lengths, then by trying up to 8 digits more
// or 4 fewer (German numbers have so many lengths that length alone
// rarely says).
func lengthHint(num *pn.PhoneNumber) pn.ValidationResult {
	switch r := pn.IsPossibleNumberWithReason(num); r {
	case pn.TOO_SHORT, pn.TOO_LONG, pn.IS_POSSIBLE_LOCAL_ONLY:
		return r
	}
	cc := "+" + itoa(int(num.GetCountryCode()))
	nsn := pn.GetNationalSignificantNumber(num)
	for k := 1; k <= 8; k++ {
		if validText(cc + nsn + strings.Repeat("5", k)) {
			return pn.TOO_SHORT
		}
		if k <= 4 && k < len(nsn)-1 && validText(cc+nsn[:len(nsn)-k]) {
			return pn.TOO_LONG
		}
	}
	return pn.INVALID_LENGTH
}

func validText(s string) bool {
	num, err := pn.Parse(s, "")
	return err == nil && pn.IsValidNumber(num)
}

func international(s string) bool {
	s = strings.TrimLeft(s, " (")
	return strings.HasPrefix(s, "+") || strings.HasPrefix(s, "00")
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}
