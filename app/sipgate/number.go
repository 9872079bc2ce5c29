package sipgate

import "strings"

// Anonymous is the number of a caller who hid it, as the push API says.
const Anonymous = "anonymous"

// NormalizeNumber brings a number from sipgate's history into the app's
// form: "+492111234567" stays, "00492111234567" and sipgate's digits-only
// international form "492111234567" get a "+", "anonymous" is Anonymous.
// National numbers ("0211…"), short extensions and anything else stay as
// they are; "" stays "".
func NormalizeNumber(raw string) string {
	s := strings.TrimSpace(raw)
	switch {
	case s == "":
		return ""
	case strings.EqualFold(s, Anonymous):
		return Anonymous
	case len(s) > 1 && s[0] == '+' && allDigits(s[1:]):
		return s
	case len(s) > 3 && strings.HasPrefix(s, "00") && s[2] != '0' && allDigits(s):
		return "+" + s[2:]
	case len(s) >= 7 && s[0] != '0' && allDigits(s):
		return "+" + s
	}
	return s
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
