package phone

import (
	"strings"
)

// Spreadsheet writes an international number so that a spreadsheet
// opening a CSV file keeps it as text: "+49 211 1234567" becomes
// "(+49) 211 1234567". A cell that starts with "+" is a formula to
// Excel (it shows an error, or computes the digits), and the usual
// apostrophe in front stays visible. The country code in brackets is
// a common way of writing numbers, and Parse reads it back. Text that
// is not a plain international number (a "+", digits and the
// separators people use) is returned with false.
func Spreadsheet(text string) (string, bool) {
	if !plainInternational(text) {
		return text, false
	}
	n, err := ParseLenient(text, "")
	if err != nil {
		return text, false
	}
	cc := itoa(int(callingCodeOf(n.E164)))
	rest := strings.TrimLeft(text[1:], " ")
	if !strings.HasPrefix(rest, cc) {
		return text, false
	}
	return "(+" + cc + ") " + strings.TrimLeft(rest[len(cc):], " -/."), true
}

// plainInternational reports whether s is a "+" followed by digits and
// separators only.
func plainInternational(s string) bool {
	if len(s) < 5 || s[0] != '+' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && !strings.ContainsRune(" -/.()", rune(c)) {
			return false
		}
	}
	return true
}
