package phone

import (
	"strconv"
	"sync"

	pn "github.com/nyaruka/phonenumbers"
)

// regionInfo is what this package needs from a region's metadata.
type regionInfo struct {
	cc    int
	trunk string // national (trunk) prefix, "0" in most of Europe
	// simpleTrunk: the trunk prefix is exactly "0" with no carrier codes
	// or transformation rules, so stripping it is all parsing does.
	simpleTrunk bool
	idd00       bool // the international prefix is exactly "00"
}

var regions = sync.OnceValue(func() map[string]regionInfo {
	m := map[string]regionInfo{}
	for _, md := range metadata() {
		m[md.GetId()] = regionInfo{
			cc:          int(md.GetCountryCode()),
			trunk:       md.GetNationalPrefix(),
			simpleTrunk: md.GetNationalPrefix() == "0" && md.GetNationalPrefixForParsing() == "0" && md.GetNationalPrefixTransformRule() == "",
			idd00:       md.GetInternationalPrefix() == "00",
		}
	}
	return m
})

// callingCodes maps every country calling code to whether all its
// regions parse simply: no trunk prefix rule beyond a plain "0", so a
// national number that does not start with 0 is taken as it is.
var callingCodes = sync.OnceValue(func() map[int]bool {
	m := map[int]bool{}
	for _, md := range metadata() {
		cc := int(md.GetCountryCode())
		np := md.GetNationalPrefixForParsing()
		simple := (np == "" || np == "0") && md.GetNationalPrefixTransformRule() == ""
		if prev, ok := m[cc]; ok {
			simple = simple && prev
		}
		m[cc] = simple
	}
	return m
})

func metadata() []*pn.PhoneMetadata {
	c, err := pn.MetadataCollection()
	if err != nil {
		return nil
	}
	return c.GetMetadata()
}

// ValidRegion reports whether code is a region libphonenumber knows
// ("DE", "at"; case does not matter), for checking DEFAULT_REGION.
func ValidRegion(code string) bool {
	_, ok := regions()[normRegion(code)]
	return ok && normRegion(code) != "001"
}

func itoa(i int) string { return strconv.Itoa(i) }
