package contacts

import (
	"strings"
	"unicode"
)

// addressWords are the words of address headers that say which
// address, not which part of it: "Business City" and "Ort geschäftlich"
// are both the business address.
var addressWords = map[string]string{
	"business": "work", "work": "work", "geschäftlich": "work", "dienstlich": "work",
	"home": "home", "privat": "home", "private": "home",
	"other": "other", "weitere": "other", "weiterer": "other", "weiteres": "other", "r": "other",
}

// addressGroup names the address an address column belongs to: its
// header without the words of the part ("street", "ort") and, unless
// the header numbers addresses ("Address 1 - City", as Google does),
// without numbers ("Business Street 2" is still the business address).
func addressGroup(ws []string) string {
	numbered := false
	for _, w := range ws {
		numbered = numbered || w == "address" || w == "adresse"
	}
	var out []string
	for _, w := range ws {
		switch {
		case addressPart(w):
		case !numbered && unicode.IsDigit(rune(w[0])):
		default:
			if g, ok := addressWords[w]; ok {
				w = g
			}
			if len(out) == 0 || out[len(out)-1] != w {
				out = append(out, w)
			}
		}
	}
	return strings.Join(out, " ")
}

func addressPart(w string) bool {
	for _, rule := range headerWords {
		if rule.role >= roleStreet && rule.role <= roleCountry {
			for _, rw := range rule.words {
				if w == rw || (len(rw) > 4 && strings.HasPrefix(w, rw)) {
					return true
				}
			}
		}
	}
	return w == "code" || w == "region" || w == "address" || w == "adresse"
}

// address is the parts of one address found in a row.
type address struct {
	street, postal, city, country string
}

func (a *address) set(r role, v string) {
	switch r {
	case roleStreet:
		a.street = first(a.street, v)
	case rolePostal:
		a.postal = first(a.postal, v)
	case roleCity:
		a.city = first(a.city, v)
	case roleCountry:
		a.country = first(a.country, v)
	}
}

// pickAddress gives c the first address of the row (in column order)
// that has any part: parts of different addresses are never mixed.
func pickAddress(c *Contact, order []string, found map[string]*address) {
	for _, g := range order {
		if a := found[g]; a != nil {
			c.Street, c.PostalCode, c.City, c.Country = a.street, a.postal, a.city, a.country
			return
		}
	}
}

// isFaxLabel reports whether a number's label says it is a fax or a
// pager ("Work Fax", "Fax geschäftlich"), which call nobody.
func isFaxLabel(s string) bool {
	for _, w := range words(s) {
		if w == "fax" || w == "pager" || strings.HasPrefix(w, "telefax") {
			return true
		}
	}
	return false
}
