package i18n

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean makes text from outside (a contact's name, a webhook's user
// field) safe to show in a terminal, a popup or a table row: control
// characters (ESC, BEL, NUL, …) and bidi overrides that could reorder what
// a person reads are dropped, and line breaks and tabs become spaces, so
// one value stays one line.
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			// an invalid byte: dropped
		case r == '\n' || r == '\r' || r == '\t' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029:
			b.WriteByte(' ')
		case hidden(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isClean(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && (hidden(r) || r == 0x85 || r == 0x2028 || r == 0x2029)) {
			return false
		}
	}
	return true
}

// hidden reports characters that must not reach a screen: C0 and C1
// controls, the bidi embedding, override and isolate marks, and invalid
// UTF-8.
func hidden(r rune) bool {
	switch {
	case r == unicode.ReplacementChar:
		return false
	case unicode.IsControl(r):
		return true
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069, r == 0x200E, r == 0x200F, r == 0x061C:
		return true
	}
	return false
}
