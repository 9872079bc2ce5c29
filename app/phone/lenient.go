package phone

import (
	"strings"

	pn "github.com/nyaruka/phonenumbers"
)

// maxE164 is the most digits an E.164 number has, country code included.
const maxE164 = 15

// ParseLenient reads raw like Parse, but keeps a number libphonenumber
// calls invalid for its country when it may still be real: its country
// code is known, it has at most 15 digits (E.164's limit), and it is
// not too short (a new range, or a typo people live with: sipgate sends
// exactly those digits when that person calls). Such a number has
// Unverified set to the reason, is never a switchboard, and is stored
// in the E.164 form of its digits, so it matches a caller exactly.
// Everything Parse refuses for other reasons is refused the same way.
func ParseLenient(raw, region string) (n Number, err error) {
	n, err = Parse(raw, region)
	if err == nil {
		return n, nil
	}
	defer func() {
		if recover() != nil {
			n = Number{Raw: raw}
		}
	}()
	region = normRegion(region)
	s := strings.TrimSpace(raw)
	if s != "" && bareInternational(s, region) {
		if e164, reason, ok := doubtful("+"+s, region); ok {
			return Number{E164: e164, Raw: raw, Unverified: reason}, nil
		}
	}
	if e164, reason, ok := doubtful(s, region); ok {
		return Number{E164: e164, Raw: raw, Unverified: reason}, nil
	}
	return Number{Raw: raw}, err
}

// doubtful is the E.164 form of s when libphonenumber reads it but calls
// it too long or not in use, and it may still be real.
func doubtful(s, region string) (string, Reason, bool) {
	_, _, err := slowParse(s, region)
	pe, ok := err.(*Error)
	if !ok || pe.num == nil || (pe.Reason != ReasonTooLong && pe.Reason != ReasonNotInUse) {
		return "", "", false
	}
	cc := int(pe.num.GetCountryCode())
	nsn := pn.GetNationalSignificantNumber(pe.num)
	if pn.GetRegionCodeForCountryCode(cc) == pn.UNKNOWN_REGION || len(itoa(cc))+len(nsn) > maxE164 || len(nsn) < 4 {
		return "", "", false
	}
	e164 := "+" + itoa(cc) + nsn
	if again, err := pn.Parse(e164, ""); err != nil || pn.GetNationalSignificantNumber(again) != nsn {
		return "", "", false // libphonenumber would read these digits differently
	}
	return e164, pe.Reason, true
}

// Doubt explains why n is unverified, or is nil for a verified number.
func (n Number) Doubt() *Error {
	if n.Unverified == "" {
		return nil
	}
	return &Error{Raw: n.Raw, Reason: n.Unverified, Country: countryOf(n.E164)}
}

// countryOf is the region code of an E.164 number's country code.
func countryOf(e164 string) string {
	if cc := callingCodeOf(e164); cc != 0 {
		return pn.GetRegionCodeForCountryCode(int(cc))
	}
	return ""
}

// callingCodeOf is the country calling code of an E.164 number, or 0.
func callingCodeOf(e164 string) int32 {
	num, err := pn.Parse(e164, "")
	if err != nil {
		return 0
	}
	return num.GetCountryCode()
}
