package phone

import (
	"errors"
	"strings"

	pn "github.com/nyaruka/phonenumbers"
)

// Error says why a text is not a usable phone number, in words for the
// person who typed it: "\"0171 1\" is too short for a German number:
// check for missing digits".
type Error struct {
	Raw    string // the text as given
	Reason string // what is wrong and how to fix it
}

// Error is the raw text in quotes followed by the reason.
func (e *Error) Error() string {
	if strings.TrimSpace(e.Raw) == "" {
		return e.Reason
	}
	return `"` + e.Raw + `" ` + e.Reason
}

// parseError explains an error of libphonenumber's parser.
func parseError(s, region string, err error) error {
	var reason string
	switch {
	case errors.Is(err, pn.ErrInvalidCountryCode) && international(s):
		reason = "starts with an unknown country code: check the digits after the + or 00"
	case errors.Is(err, pn.ErrInvalidCountryCode):
		reason = "has no country code: write it with + and the country code, such as +49 211 1234567"
	case errors.Is(err, pn.ErrNotANumber) && !hasDigit(s):
		reason = "is not a phone number: type digits, such as " + example(region)
	case errors.Is(err, pn.ErrNotANumber), errors.Is(err, pn.ErrTooShortNSN), errors.Is(err, pn.ErrTooShortAfterIDD):
		reason = "is too short to be a phone number: check for missing digits"
	case errors.Is(err, pn.ErrNumTooLong):
		reason = "is too long to be a phone number: check for extra digits"
	default:
		reason = "cannot be read as a phone number: type it as " + example(region)
	}
	return &Error{Raw: s, Reason: reason}
}

// invalidError explains why num, which parsed, is not a valid number:
// too short, too long, or the right length but not in use.
func invalidError(s, region string, num *pn.PhoneNumber) error {
	what := countryNumber(pn.GetRegionCodeForCountryCode(int(num.GetCountryCode())))
	var reason string
	switch lengthHint(num) {
	case pn.IS_POSSIBLE_LOCAL_ONLY:
		reason = "is too short for " + what + ": add the area code, such as " + example(region)
	case pn.TOO_SHORT:
		reason = "is too short for " + what + ": check for missing digits"
	case pn.TOO_LONG:
		reason = "is too long for " + what + ": check for extra digits"
	default:
		reason = "is not " + what + " in use: check the area code and the digits"
	}
	return &Error{Raw: s, Reason: reason}
}

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
