package i18n

import (
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/whoiscalling/whoiscalling/app/phone"
)

// phoneReasons are the sentences for why a text is not a usable number,
// after the text in quotes. {{.What}} is "a number from Germany".
var phoneReasons = map[phone.Reason]string{
	phone.ReasonEmpty:              "no number given: type one such as {{.Example}}",
	phone.ReasonNotANumber:         "is not a phone number: type digits, such as {{.Example}}",
	phone.ReasonTooShortToRead:     "is too short to be a phone number: check for missing digits",
	phone.ReasonTooLongToRead:      "is too long to be a phone number: check for extra digits",
	phone.ReasonUnknownCountryCode: "starts with an unknown country code: check the digits after the + or 00",
	phone.ReasonNoCountryCode:      "has no country code: write it with + and the country code, such as +49 211 1234567",
	phone.ReasonNeedsAreaCode:      "is too short for {{.What}}: add the area code, such as {{.Example}}",
	phone.ReasonTooShort:           "is too short for {{.What}}: check for missing digits",
	phone.ReasonTooLong:            "is too long for {{.What}}: check for extra digits",
	phone.ReasonNotInUse:           "is not {{.What}} in use: check the area code and the digits",
	phone.ReasonUnreadable:         "cannot be read as a phone number: type it as {{.Example}}",
}

// phoneSentence says why e.Raw is not a usable number. English keeps
// the phone package's own words, which name the country's numbers
// ("a German number").
func phoneSentence(e *phone.Error) string {
	if Language() == "en" {
		return e.Error()
	}
	text, ok := phoneReasons[e.Reason]
	if !ok {
		text = phoneReasons[phone.ReasonUnreadable]
	}
	d := map[string]any{"Example": "0211 1234567", "What": T("a number of that country")}
	if e.Region != "" && e.Region != "DE" {
		d["Example"] = "+49 211 1234567"
	}
	if name := countryName(e.Country); name != "" {
		d["What"] = T("a number from {{.Country}}", map[string]any{"Country": name})
	}
	s := T(text, d)
	if e.Raw != "" && e.Reason != phone.ReasonEmpty {
		s = `"` + Clean(e.Raw) + `" ` + s
	}
	return s
}

// countryName is the region's name in the language in use, or "".
func countryName(region string) string {
	r, err := language.ParseRegion(region)
	if err != nil || region == "" {
		return ""
	}
	if Language() == "de" {
		return display.German.Regions().Name(r)
	}
	return display.English.Regions().Name(r)
}
