package contacts

import (
	"strings"
	"unicode"
)

// labelWords maps words found in vCard TYPEs, Apple labels and CSV
// headers (English and German) to labels; the first rule that matches
// a word wins, so a "work cell" is mobile.
var labelWords = []struct {
	label Label
	words []string
}{
	{LabelMobile, []string{"cell", "mobile", "mobil", "mobiltelefon", "handy", "iphone", "cellular"}},
	{LabelWork, []string{"work", "business", "office", "company", "main", "geschäftlich", "büro", "buero",
		"dienstlich", "arbeit", "firma", "zentrale"}},
	{LabelHome, []string{"home", "private", "privat", "zuhause", "festnetz"}},
}

// labelOf picks the label for a number from the words that describe it.
func labelOf(text ...string) Label {
	words := words(strings.Join(text, " "))
	for _, rule := range labelWords {
		for _, w := range words {
			for _, rw := range rule.words {
				if w == rw || (len(rw) > 4 && strings.HasPrefix(w, rw)) {
					return rule.label
				}
			}
		}
	}
	return LabelOther
}

// words splits s into lowercased runs of letters.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
}

// truthy reads yes/no cells and values: "1", "yes", "ja", "true", "x".
func truthy(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "yes", "y", "ja", "j", "true", "wahr", "x", "✓":
		return true
	}
	return false
}
