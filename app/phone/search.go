package phone

import (
	"strings"
)

// SearchDigits turns a partial number someone is typing into the digits
// it has in E.164 (without the +), so it can be found inside stored
// numbers: "+49 211" and "0049 211" give "49211", "0211 12" gives
// "4921112" in region DE, and the trunk mark in "+49 (0)211" is dropped.
// Anything else gives its digits as they are.
func SearchDigits(query, region string) string {
	q := strings.TrimSpace(strings.ReplaceAll(query, "(0)", ""))
	var b strings.Builder
	for _, r := range q {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	d := b.String()
	ri, known := regions()[normRegion(region)]
	switch {
	case strings.HasPrefix(q, "+") || !known:
		return d
	case ri.idd00 && strings.HasPrefix(d, "00"):
		return d[2:]
	case ri.trunk != "" && strings.HasPrefix(d, ri.trunk):
		return itoa(ri.cc) + d[len(ri.trunk):]
	}
	return d
}
