package contacts

import (
	"strings"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// matcher matches contacts against the terms of a query without
// allocating but to fold text that is not ASCII (once per value).
type matcher struct {
	terms  []term
	folded map[string]string // non-ASCII values and calls.Fold of them
}

// needsNumbers reports whether a term looks at numbers.
func (m *matcher) needsNumbers() bool {
	for _, t := range m.terms {
		if t.digits != "" {
			return true
		}
	}
	return false
}

func (m *matcher) matches(c *Contact) bool {
	for _, t := range m.terms {
		if !m.matchesTerm(c, t) {
			return false
		}
	}
	return true
}

func (m *matcher) matchesTerm(c *Contact, t term) bool {
	if t.digits != "" {
		for _, n := range c.Numbers {
			if numberHas(n, t.digits) {
				return true
			}
		}
	}
	if t.text == "" {
		return false
	}
	for _, s := range [...]string{c.FirstName, c.LastName, c.Company, c.City} {
		if m.textHas(s, t.text) {
			return true
		}
	}
	return false
}

// numberHas reports whether n's digits (a switchboard's with its
// trailing 0) contain digits.
func numberHas(n Number, digits string) bool {
	k := n.key()
	if strings.Contains(k, digits) {
		return true
	}
	last := len(digits) - 1
	return n.Switchboard && digits[last] == '0' && strings.HasSuffix(k, digits[:last])
}

// textHas reports whether calls.Fold(s) contains folded.
func (m *matcher) textHas(s, folded string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			f, ok := m.folded[s]
			if !ok {
				f = calls.Fold(s)
				m.folded[s] = f
			}
			return strings.Contains(f, folded)
		}
	}
	return asciiHasLower(s, folded) // calls.Fold of ASCII text is its lower case
}

// asciiHasLower reports whether strings.ToLower(s) contains sub, for
// ASCII s.
func asciiHasLower(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for ; j < len(sub); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				break
			}
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}
