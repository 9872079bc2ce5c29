package phone

import (
	"strings"

	pn "github.com/nyaruka/phonenumbers"
)

// parse returns libphonenumber's number and its E.164 form for raw.
func parse(raw, region string) (*pn.PhoneNumber, string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return nil, "", &Error{Raw: raw, Reason: ReasonEmpty, Region: region}
	}
	if bareInternational(s, region) {
		if num, e, err := parseForm("+"+s, region); err == nil {
			return num, e, nil
		}
	}
	num, e, err := parseForm(s, region)
	if err != nil {
		if pe, ok := err.(*Error); ok {
			pe.Raw = raw
		}
	}
	return num, e, err
}

// bareInternational reports whether s is digits only, the way sipgate
// sends numbers (country code first, no +), rather than a national
// number: in regions whose trunk prefix is 0 a national number starts
// with 0, and with no known region there is no national reading at all.
func bareInternational(s, region string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	ri, known := regions()[region]
	return !known || (ri.trunk == "0" && s[0] != '0')
}

func parseForm(s, region string) (*pn.PhoneNumber, string, error) {
	if num, e, ok := fastParse(s, region); ok {
		return num, e, nil
	}
	return slowParse(s, region)
}

// slowParse is libphonenumber's full parser, for every form the fast
// path does not take (letters, parentheses, extensions, tel: URIs,
// countries with trunk prefix rules).
func slowParse(s, region string) (*pn.PhoneNumber, string, error) {
	num, err := pn.Parse(s, region)
	if err != nil {
		return nil, "", parseError(s, region, err)
	}
	num = withExtension(num)
	if !pn.IsValidNumber(num) {
		return nil, "", invalidError(s, region, num)
	}
	return num, pn.Format(num, pn.E164), nil
}

// directDial lists the countries where an extension is dialled by
// appending its digits to the company's number (Durchwahl), so
// "+49 211 63555 ext. 123" is the number +4921163555123.
var directDial = map[int32]bool{49: true, 43: true}

func withExtension(num *pn.PhoneNumber) *pn.PhoneNumber {
	ext := num.GetExtension()
	if ext == "" {
		return num
	}
	if directDial[num.GetCountryCode()] {
		full, err := pn.Parse("+"+itoa(int(num.GetCountryCode()))+pn.GetNationalSignificantNumber(num)+ext, "")
		if err == nil && pn.IsValidNumber(full) {
			return full
		}
	}
	num.Extension = nil // num was just parsed here; nobody else holds it
	return num
}
