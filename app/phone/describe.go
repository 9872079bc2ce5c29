package phone

import (
	pn "github.com/nyaruka/phonenumbers"
)

// Info describes a number that belongs to no contact.
type Info struct {
	// Place is where the number is registered, in English: the city for
	// fixed lines where libphonenumber knows it ("Düsseldorf", "Oslo"),
	// else the country ("Germany").
	Place string
	// Country is the region code ("DE", "NO").
	Country string
	// LineType is "fixed line", "mobile", "fixed line or mobile",
	// "toll-free", "premium rate", "shared cost", "VoIP", "personal
	// number", "pager", "company number", "voicemail", or "" when unknown.
	LineType string
}

var lineTypes = map[pn.PhoneNumberType]string{
	pn.FIXED_LINE:           "fixed line",
	pn.MOBILE:               "mobile",
	pn.FIXED_LINE_OR_MOBILE: "fixed line or mobile",
	pn.TOLL_FREE:            "toll-free",
	pn.PREMIUM_RATE:         "premium rate",
	pn.SHARED_COST:          "shared cost",
	pn.VOIP:                 "VoIP",
	pn.PERSONAL_NUMBER:      "personal number",
	pn.PAGER:                "pager",
	pn.UAN:                  "company number",
	pn.VOICEMAIL:            "voicemail",
}

// Describe tells where e164 is registered and what kind of line it is,
// from libphonenumber's offline data. Any form Parse reads is accepted;
// for text that is not a valid number the Info is empty.
func Describe(e164, region string) (info Info) {
	defer func() {
		if recover() != nil {
			info = Info{}
		}
	}()
	num, _, err := parse(e164, normRegion(region))
	if err != nil {
		return Info{}
	}
	info.Country = pn.GetRegionCodeForNumber(num)
	info.LineType = lineTypes[pn.GetNumberType(num)]
	info.Place, _ = pn.GetGeocodingForNumber(num, "en")
	if info.Place == "" {
		info.Place = countryName(info.Country)
	}
	return info
}
