// Package phone reads the phone numbers people type and sipgate sends
// ("0211 1234567", "+49 (0)211 123 45-67", "0049 …", "030/1234567",
// "4921112345") into E.164, formats them for display, and describes
// numbers that belong to nobody (place and line type). It is a thin layer
// on libphonenumber (github.com/nyaruka/phonenumbers) that adds the German
// switchboard mark "-0", sipgate's digits-only form, a fast path for
// plain input, and reasons a person understands when a number is wrong.
package phone

import (
	"strings"
)

// Number is a phone number read from text.
type Number struct {
	// E164 is the number in E.164 form, such as "+492111234567". For a
	// switchboard it is the prefix that every extension starts with,
	// without the trailing 0: "+49 211 63555-0" gives "+4921163555".
	E164 string
	// Switchboard is true when the text ended in the switchboard mark
	// "-0" (German notation for a company's central number, whose
	// extensions replace the 0).
	Switchboard bool
	// Raw is the text the number was read from.
	Raw string
	// Unverified is why libphonenumber doubts a number that
	// ParseLenient kept (ReasonTooLong, ReasonNotInUse), or "" for a
	// valid number. An unverified number is never a switchboard.
	Unverified Reason
}

// Parse reads raw as a phone number. National forms ("0211 1234567")
// are read in region, a CLDR region code such as "DE" (case does not
// matter). Digits without a leading 0 or + ("4921112345", as sipgate
// sends them) are read as international when that gives a valid number
// and region's trunk prefix is 0. An extension ("ext. 123",
// "tel:…;ext=123") is appended in Germany and Austria, where extensions
// are dialled directly, and dropped elsewhere. A trailing "-0" marks a
// switchboard (see Number). Only numbers valid in libphonenumber's
// numbering plans are accepted; the error is an *Error whose message
// says what is wrong in words a person understands. Parse never panics.
func Parse(raw, region string) (n Number, err error) {
	defer func() {
		if r := recover(); r != nil {
			n, err = Number{Raw: raw}, &Error{Raw: raw, Reason: ReasonUnreadable, Region: normRegion(region)}
		}
	}()
	_, e164, err := parse(raw, normRegion(region))
	if err != nil {
		return Number{Raw: raw}, err
	}
	n = Number{E164: e164, Raw: raw}
	if hasSwitchboardMark(raw) && len(e164) > 3 && e164[len(e164)-1] == '0' {
		n.E164, n.Switchboard = e164[:len(e164)-1], true
	}
	return n, nil
}

// E164 is the E.164 form of raw, or false when raw is not a valid
// number (see Parse). For a switchboard ("+49 211 63555-0") it is the
// dialable central number ("+49211635550"), not the prefix.
func E164(raw, region string) (string, bool) {
	n, err := Parse(raw, region)
	if err != nil {
		return "", false
	}
	if n.Switchboard {
		return n.E164 + "0", true
	}
	return n.E164, true
}

func normRegion(region string) string {
	return strings.ToUpper(strings.TrimSpace(region))
}
