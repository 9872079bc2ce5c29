package contacts

import (
	"slices"
	"strings"
)

// role is what a CSV column holds.
type role int

const (
	roleNone role = iota
	roleFirst
	roleLast
	roleName
	roleCompany
	rolePhone
	rolePhoneType // Google's "Phone 1 - Type" or "- Label", for "Phone 1 - Value"
	roleCity
	roleCountry
	roleNote
	roleVIP
	roleBlocked
)

// headerPhrases are whole headers (lowercased, words joined by one
// space) that name a role.
var headerPhrases = map[string]role{
	"first name": roleFirst, "firstname": roleFirst, "first": roleFirst, "given name": roleFirst,
	"vorname": roleFirst, "forename": roleFirst,
	"last name": roleLast, "lastname": roleLast, "last": roleLast, "surname": roleLast,
	"family name": roleLast, "nachname": roleLast, "familienname": roleLast,
	"name": roleName, "full name": roleName, "fullname": roleName, "display name": roleName,
	"anzeigename": roleName, "contact": roleName, "kontakt": roleName, "contact name": roleName,
}

// headerWords are words that name a role anywhere in a header, checked
// in this order ("Company Main Phone" is a phone column).
var headerWords = []struct {
	role  role
	words []string
}{
	{roleNone, []string{"fax", "pager", "e", "email", "mail"}},
	{rolePhone, []string{"phone", "telephone", "tel", "telefon", "fon", "mobile", "mobil", "handy",
		"cell", "number", "nummer", "rufnummer", "festnetz", "durchwahl"}},
	{roleCompany, []string{"company", "firma", "organization", "organisation", "unternehmen", "firmenname"}},
	{roleCity, []string{"city", "ort", "stadt", "town", "wohnort", "locality"}},
	{roleCountry, []string{"country", "land", "staat"}},
	{roleNote, []string{"note", "notes", "notiz", "notizen", "bemerkung", "bemerkungen", "comment", "comments",
		"kommentar", "anmerkung", "anmerkungen", "memo", "hinweis"}},
	{roleVIP, []string{"vip", "wichtig"}},
	{roleBlocked, []string{"blocked", "gesperrt", "blockiert"}},
}

// column is what a CSV column holds and, for numbers, their label.
type column struct {
	role    role
	label   Label
	typeCol int // the column with this number's label, or -1
}

// mapHeader reads the header row.
func mapHeader(header []string) []column {
	cols := make([]column, len(header))
	norm := make([]string, len(header))
	for i, h := range header {
		norm[i] = strings.Join(words(h), " ")
		cols[i] = column{role: classify(h), label: labelOf(h), typeCol: -1}
	}
	for i, c := range cols {
		if c.role == rolePhone && strings.HasSuffix(norm[i], " value") {
			stem := strings.TrimSuffix(norm[i], " value")
			cols[i].typeCol = max(slices.Index(norm, stem+" type"), slices.Index(norm, stem+" label"))
		}
	}
	return cols
}

func classify(header string) role {
	ws := words(header)
	if len(ws) == 0 {
		return roleNone
	}
	if r, ok := headerPhrases[strings.Join(ws, " ")]; ok {
		return r
	}
	if last := ws[len(ws)-1]; len(ws) > 1 && (last == "type" || last == "label") && slices.Contains(ws, "phone") {
		return rolePhoneType
	}
	for _, rule := range headerWords {
		for _, w := range ws {
			for _, rw := range rule.words {
				if w == rw || (len(rw) > 4 && strings.HasPrefix(w, rw)) || (rule.role == rolePhone && strings.Contains(w, "telefon")) {
					return rule.role
				}
			}
		}
	}
	return roleNone
}
