package phone

import (
	"regexp"
	"slices"
	"sync"

	pn "github.com/nyaruka/phonenumbers"
)

// validator decides whether a national number is valid in one country
// the way pn.IsValidNumber does (it matches the general pattern and the
// pattern of some number type), but tries the common types first and
// matches each pattern once: libphonenumber tries eight rare types
// before fixed line and mobile, twice each, which made validity the
// largest cost of a big import.
type validator struct {
	general descMatcher
	types   []descMatcher // fixed line and mobile first
}

type descMatcher struct {
	lengths []int32
	re      *regexp.Regexp
}

func (d descMatcher) match(nsn string) bool {
	if len(d.lengths) > 0 && !slices.Contains(d.lengths, int32(len(nsn))) {
		return false
	}
	return d.re.MatchString(nsn)
}

func (v *validator) valid(nsn string) bool {
	if !v.general.match(nsn) {
		return false
	}
	return slices.ContainsFunc(v.types, func(d descMatcher) bool { return d.match(nsn) })
}

var validators sync.Map // calling code → *validator, or nil when not single-region

// validatorFor is the validator of a calling code that belongs to one
// region only (for shared codes such as +1 the region depends on the
// number, so those go to libphonenumber), built on first use.
func validatorFor(cc int) *validator {
	if v, ok := validators.Load(cc); ok {
		return v.(*validator)
	}
	var v *validator
	if regs := pn.GetRegionCodesForCountryCode(cc); len(regs) == 1 {
		for _, md := range metadata() {
			if md.GetId() == regs[0] && int(md.GetCountryCode()) == cc {
				v = newValidator(md)
			}
		}
	}
	validators.Store(cc, v)
	return v
}

func newValidator(md *pn.PhoneMetadata) *validator {
	m := func(d *pn.PhoneNumberDesc) descMatcher {
		return descMatcher{lengths: d.GetPossibleLength(),
			re: regexp.MustCompile("^(?:" + d.GetNationalNumberPattern() + ")$")}
	}
	v := &validator{general: m(md.GetGeneralDesc()), types: []descMatcher{m(md.GetFixedLine())}}
	if !md.GetSameMobileAndFixedLinePattern() {
		v.types = append(v.types, m(md.GetMobile()))
	}
	for _, d := range []*pn.PhoneNumberDesc{md.GetTollFree(), md.GetPremiumRate(), md.GetSharedCost(), md.GetVoip(),
		md.GetPersonalNumber(), md.GetPager(), md.GetUan(), md.GetVoicemail()} {
		v.types = append(v.types, m(d))
	}
	return v
}
