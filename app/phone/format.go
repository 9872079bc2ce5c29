package phone

import (
	pn "github.com/nyaruka/phonenumbers"
)

// Display formats a number for people: national format when it belongs
// to region ("0211 1234567"), international otherwise ("+47 22 12 34
// 56"). Text that is not a valid number is returned as it is. Display
// knows nothing about switchboards; use Number.Display for those.
func Display(e164, region string) string {
	region = normRegion(region)
	num, _, err := parse(e164, region)
	if err != nil {
		return e164
	}
	if pn.GetRegionCodeForNumber(num) == region {
		return pn.Format(num, pn.NATIONAL)
	}
	return pn.Format(num, pn.INTERNATIONAL)
}

// Display formats n like the package's Display; a switchboard is shown
// with its mark: "0211 63555-0", "+49 211 63555-0".
func (n Number) Display(region string) string {
	if !n.Switchboard {
		return Display(n.E164, region)
	}
	return markSwitchboard(Display(n.E164+"0", region))
}

// International formats n in international format ("+49 211 1234567",
// a switchboard as "+49 211 63555-0"), which reads back the same in
// every region: the form for exports.
func (n Number) International() string {
	e := n.E164
	if n.Switchboard {
		e += "0"
	}
	num, _, err := parse(e, "")
	s := e
	if err == nil {
		s = pn.Format(num, pn.INTERNATIONAL)
	}
	if n.Switchboard {
		return markSwitchboard(s)
	}
	return s
}
