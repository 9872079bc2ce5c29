package contacts

import (
	"slices"
	"strings"
	"unicode"
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
	roleStreet
	rolePostal
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
	"postal code": rolePostal, "zip code": rolePostal,
}

// headerWords are words that name a role anywhere in a header, checked
// in this order ("Company Main Phone" is a phone column, "Organization
// Title" and "Government ID Number" are nothing we keep).
var headerWords = []struct {
	role  role
	words []string
}{
	{roleNone, []string{"fax", "pager", "e", "email", "mail", "phonetic", "yomi", "title", "department", "job",
		"position", "abteilung", "id", "symbol", "location", "type", "label", "customer", "account", "konto", "kunde"}},
	{rolePhone, []string{"phone", "telephone", "tel", "telefon", "fon", "mobile", "mobil", "handy", "cell", "festnetz",
		"durchwahl"}},
	{roleNone, []string{"nr"}},
	{rolePhone, []string{"number", "nummer", "rufnummer"}},
	{roleCompany, []string{"company", "firma", "organization", "organisation", "unternehmen", "firmenname"}},
	{roleStreet, []string{"street", "straße", "strasse", "str", "adresse", "anschrift"}},
	{rolePostal, []string{"postal", "zip", "postcode", "postleitzahl", "plz"}},
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
	typeCol int    // the column with this number's label, or -1
	group   string // which address a street, postal code, city or country is of
}

// mapHeader reads the header row.
func mapHeader(header []string) []column {
	cols := make([]column, len(header))
	norm := make([]string, len(header))
	for i, h := range header {
		ws := headerTokens(h)
		norm[i] = strings.Join(ws, " ")
		cols[i] = column{role: classify(ws), label: labelOf(h), typeCol: -1}
		if r := cols[i].role; r >= roleStreet && r <= roleCountry {
			cols[i].group = addressGroup(ws)
		}
	}
	for i, c := range cols {
		if c.role == rolePhone && strings.HasSuffix(norm[i], " value") {
			stem := strings.TrimSuffix(norm[i], " value")
			cols[i].typeCol = max(slices.Index(norm, stem+" type"), slices.Index(norm, stem+" label"))
		}
	}
	return cols
}

// headerTokens splits a header into lowercased runs of letters or
// digits: "Phone 2 - Label" is phone, 2, label.
func headerTokens(h string) []string {
	return strings.FieldsFunc(strings.ToLower(h), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func classify(ws []string) role {
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
