package phone

import (
	"strings"
	"unicode/utf8"
)

// hasSwitchboardMark reports whether raw ends in the German switchboard
// mark: a dash and a single 0 after the last digit group ("+49 211
// 63555-0", "0211/63555 – 0"). libphonenumber treats the dash as
// punctuation and keeps the 0, so the mark is only visible here.
func hasSwitchboardMark(raw string) bool {
	s := strings.TrimRight(raw, " \t")
	if !strings.HasSuffix(s, "0") {
		return false
	}
	s = strings.TrimRight(s[:len(s)-1], " \t")
	r, size := utf8.DecodeLastRuneInString(s)
	if !isDash(r) {
		return false
	}
	s = strings.TrimRight(s[:len(s)-size], " \t")
	return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9'
}

func isDash(r rune) bool {
	return r == '-' || (r >= '\u2010' && r <= '\u2015') || r == '\u2212'
}

// markSwitchboard turns a formatted central number ("0211 635550") into
// the switchboard form ("0211 63555-0").
func markSwitchboard(formatted string) string {
	return strings.TrimRight(strings.TrimSuffix(formatted, "0"), " -") + "-0"
}
