package phone

import (
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	pn "github.com/nyaruka/phonenumbers"
)

// demonyms name the numbers of the countries whose users most likely run
// this app; other countries read "a number in Norway".
var demonyms = map[string]string{
	"DE": "German", "AT": "Austrian", "CH": "Swiss", "GB": "UK", "US": "US",
	"FR": "French", "IT": "Italian", "ES": "Spanish", "NL": "Dutch",
	"BE": "Belgian", "LU": "Luxembourg", "PL": "Polish", "CZ": "Czech",
	"DK": "Danish", "SE": "Swedish", "NO": "Norwegian", "FI": "Finnish",
	"IE": "Irish", "PT": "Portuguese", "TR": "Turkish", "GR": "Greek",
	"HU": "Hungarian", "CA": "Canadian",
}

// countryNumber is "a German number", "an Austrian number" or "a number
// in Norway".
func countryNumber(region string) string {
	if d, ok := demonyms[region]; ok {
		switch d[0] {
		case 'A', 'E', 'I', 'O', 'U':
			if d != "UK" && d != "US" {
				return "an " + d + " number"
			}
		}
		return "a " + d + " number"
	}
	if name := countryName(region); name != "" {
		return "a number in " + name
	}
	return "a number of that country"
}

// countryName is the English name of a region code, or "".
func countryName(region string) string {
	r, err := language.ParseRegion(region)
	if err != nil {
		return ""
	}
	return display.English.Regions().Name(r)
}

// example is a sample number of region in national form, for messages.
func example(region string) string {
	num := pn.GetExampleNumberForType(region, pn.FIXED_LINE)
	if num == nil || region == "" {
		return "+49 211 1234567"
	}
	return pn.Format(num, pn.NATIONAL)
}
