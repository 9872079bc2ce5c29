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
	// LineType is the kind of line, or LineUnknown.
	LineType LineType
}

// LineType is the kind of line a number belongs to. Its values are
// stable keys (they appear in `lookup --json`); app/i18n says them in
// the person's language.
type LineType string

// The line types libphonenumber tells apart.
const (
	LineUnknown       LineType = ""
	LineFixed         LineType = "fixed_line"
	LineMobile        LineType = "mobile"
	LineFixedOrMobile LineType = "fixed_line_or_mobile"
	LineTollFree      LineType = "toll_free"
	LinePremiumRate   LineType = "premium_rate"
	LineSharedCost    LineType = "shared_cost"
	LineVoIP          LineType = "voip"
	LinePersonal      LineType = "personal_number"
	LinePager         LineType = "pager"
	LineCompany       LineType = "company_number"
	LineVoicemail     LineType = "voicemail"
)

// Mobile reports whether the line is (or may be) a mobile phone.
func (t LineType) Mobile() bool { return t == LineMobile }

var lineTypes = map[pn.PhoneNumberType]LineType{
	pn.FIXED_LINE:           LineFixed,
	pn.MOBILE:               LineMobile,
	pn.FIXED_LINE_OR_MOBILE: LineFixedOrMobile,
	pn.TOLL_FREE:            LineTollFree,
	pn.PREMIUM_RATE:         LinePremiumRate,
	pn.SHARED_COST:          LineSharedCost,
	pn.VOIP:                 LineVoIP,
	pn.PERSONAL_NUMBER:      LinePersonal,
	pn.PAGER:                LinePager,
	pn.UAN:                  LineCompany,
	pn.VOICEMAIL:            LineVoicemail,
}

// Describe tells where e164 is registered and what kind of line it is,
// from libphonenumber's offline data. Any form Parse reads is accepted;
// for text that is not a valid number the Info is empty.
func Describe(e164, region string) Info { return describe(e164, region, true, true) }

// Place is Describe's Place alone (without the line type): where e164
// is registered, in English, or "" for text that is not a valid number.
func Place(e164, region string) string { return describe(e164, region, true, false).Place }

// LineTypeOf is Describe's LineType alone, without the place names
// (which take memory once loaded).
func LineTypeOf(e164, region string) LineType { return describe(e164, region, false, true).LineType }

// describe is Describe with only the parts asked for: the place (and the
// country it falls back to) and the line type.
func describe(e164, region string, place, lineType bool) (info Info) {
	defer func() {
		if recover() != nil {
			info = Info{}
		}
	}()
	num, _, err := parse(e164, normRegion(region))
	if err != nil {
		return Info{}
	}
	if lineType {
		info.LineType = lineTypes[pn.GetNumberType(num)]
	}
	if place {
		info.Country = pn.GetRegionCodeForNumber(num)
		if info.Place, _ = pn.GetGeocodingForNumber(num, "en"); info.Place == "" {
			info.Place = countryName(info.Country)
		}
	}
	return info
}
