package phone

import (
	"errors"
	"strings"

	pn "github.com/nyaruka/phonenumbers"
)

// Reason is why a text is not a usable (or not a verified) phone
// number. Its values are stable keys, so app/i18n can say them in the
// person's language; Error.Error says them in English.
type Reason string

// The reasons Parse and ParseLenient give.
const (
	ReasonEmpty              Reason = "empty"                // no text at all
	ReasonNotANumber         Reason = "not_a_number"         // no digits
	ReasonUnreadable         Reason = "unreadable"           // libphonenumber could not read it
	ReasonTooShortToRead     Reason = "too_short_to_read"    // too few digits for any number
	ReasonTooLongToRead      Reason = "too_long_to_read"     // too many digits for any number
	ReasonUnknownCountryCode Reason = "unknown_country_code" // + or 00 followed by no country's code
	ReasonNoCountryCode      Reason = "no_country_code"      // national form, but no region to read it in
	ReasonNeedsAreaCode      Reason = "needs_area_code"      // a local number without its area code
	ReasonTooShort           Reason = "too_short"            // too short for its country
	ReasonTooLong            Reason = "too_long"             // too long for its country
	ReasonNotInUse           Reason = "not_in_use"           // the right length, but not a range in use
)

// Error says why a text is not a usable phone number, in words for the
// person who typed it: "\"0171 1\" is too short for a German number:
// check for missing digits". The fields are the facts, for a
// translation.
type Error struct {
	Raw    string // the text as given
	Reason Reason
	// Country is the region code of the number's country ("SE"), for
	// the reasons that concern a country's numbering plan.
	Country string
	// Region is the region the text was read in ("DE"), whose sample
	// number the message suggests.
	Region string
	num    *pn.PhoneNumber // what libphonenumber read, if anything
}

// Error is the raw text in quotes followed by what is wrong and how to
// fix it.
func (e *Error) Error() string {
	if strings.TrimSpace(e.Raw) == "" {
		return e.Explain()
	}
	return `"` + e.Raw + `" ` + e.Explain()
}

// Explain is the reason in English without the text: "is too long for
// a Swedish number: check for extra digits".
func (e *Error) Explain() string {
	what := countryNumber(e.Country)
	switch e.Reason {
	case ReasonEmpty:
		return "no number given: type one such as " + example(e.Region)
	case ReasonNotANumber:
		return "is not a phone number: type digits, such as " + example(e.Region)
	case ReasonTooShortToRead:
		return "is too short to be a phone number: check for missing digits"
	case ReasonTooLongToRead:
		return "is too long to be a phone number: check for extra digits"
	case ReasonUnknownCountryCode:
		return "starts with an unknown country code: check the digits after the + or 00"
	case ReasonNoCountryCode:
		return "has no country code: write it with + and the country code, such as +49 211 1234567"
	case ReasonNeedsAreaCode:
		return "is too short for " + what + ": add the area code, such as " + example(e.Region)
	case ReasonTooShort:
		return "is too short for " + what + ": check for missing digits"
	case ReasonTooLong:
		return "is too long for " + what + ": check for extra digits"
	case ReasonNotInUse:
		return "is not " + what + " in use: check the area code and the digits"
	}
	return "cannot be read as a phone number: type it as " + example(e.Region)
}

// parseError explains an error of libphonenumber's parser.
func parseError(s, region string, err error) error {
	e := &Error{Raw: s, Region: region, Reason: ReasonUnreadable}
	switch {
	case errors.Is(err, pn.ErrInvalidCountryCode) && international(s):
		e.Reason = ReasonUnknownCountryCode
	case errors.Is(err, pn.ErrInvalidCountryCode):
		e.Reason = ReasonNoCountryCode
	case errors.Is(err, pn.ErrNotANumber) && !hasDigit(s):
		e.Reason = ReasonNotANumber
	case errors.Is(err, pn.ErrNotANumber), errors.Is(err, pn.ErrTooShortNSN), errors.Is(err, pn.ErrTooShortAfterIDD):
		e.Reason = ReasonTooShortToRead
	case errors.Is(err, pn.ErrNumTooLong):
		e.Reason = ReasonTooLongToRead
	}
	return e
}

// invalidError explains why num, which parsed, is not a valid number:
// too short, too long, or the right length but not in use.
func invalidError(s, region string, num *pn.PhoneNumber) error {
	e := &Error{Raw: s, Region: region, Country: pn.GetRegionCodeForCountryCode(int(num.GetCountryCode())), num: num}
	switch lengthHint(num) {
	case pn.IS_POSSIBLE_LOCAL_ONLY:
		e.Reason = ReasonNeedsAreaCode
	case pn.TOO_SHORT:
		e.Reason = ReasonTooShort
	case pn.TOO_LONG:
		e.Reason = ReasonTooLong
	default:
		e.Reason = ReasonNotInUse
	}
	return e
}
