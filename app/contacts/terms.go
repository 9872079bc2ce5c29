package contacts

import (
	"github.com/whoiscalling/whoiscalling/app/calls"

	"strings"
	"unicode"

	"github.com/whoiscalling/whoiscalling/app/phone"
)

// term is one thing a contact must match: lowercased text, or the
// E.164 digits of a (partial) number.
type term struct {
	text, digits string
}

func (b *Book) terms(query string) []term {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil
	}
	if numberLike(query) {
		return []term{{digits: phone.SearchDigits(query, b.regionNow())}}
	}
	var ts []term
	for _, w := range strings.Fields(query) {
		t := term{text: calls.Fold(w)}
		if numberLike(w) {
			t.digits = phone.SearchDigits(w, b.regionNow())
		}
		ts = append(ts, t)
	}
	return ts
}

// numberLike reports whether s is made of digits and the characters
// people write numbers with.
func numberLike(s string) bool {
	digits := false
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits = true
		case strings.ContainsRune("+-/() .", r):
		default:
			return false
		}
	}
	return digits
}
