package contacts

import (
	"bufio"
	"io"
	"strings"
	"unicode/utf8"
)

// vcardTypes are the TEL types labels are written as.
var vcardTypes = map[Label]string{
	LabelWork: "work", LabelMobile: "cell", LabelHome: "home", LabelOther: "voice",
}

// writeVCards writes vCard 3.0 (RFC 2426), escaping every text value
// and each component of N, ORG and ADR, so that import gives back the
// same text, semicolons, commas, backslashes and newlines included.
func writeVCards(w io.Writer, all []Contact) error {
	bw := bufio.NewWriter(w)
	for _, c := range all {
		writeCard(bw, c)
	}
	return bw.Flush()
}

func writeCard(w *bufio.Writer, c Contact) {
	prop := func(name string, parts ...string) {
		for i := range parts {
			parts[i] = escape(parts[i])
		}
		writeFolded(w, name+":"+strings.Join(parts, ";"))
	}
	w.WriteString("BEGIN:VCARD\r\nVERSION:3.0\r\n")
	prop("N", c.LastName, c.FirstName, "", "", "")
	prop("FN", c.DisplayName()) // equal to ORG when there is no name
	if c.Company != "" {
		prop("ORG", c.Company)
	}
	for _, n := range c.Numbers {
		prop("TEL;TYPE="+vcardTypes[n.Label], exportNumber(n))
	}
	if c.Street != "" || c.PostalCode != "" || c.City != "" || c.Country != "" {
		prop("ADR", "", "", c.Street, c.City, "", c.PostalCode, c.Country)
	}
	if c.Note != "" {
		prop("NOTE", c.Note)
	}
	if c.VIP {
		prop(fieldVIP, "1")
	}
	if c.Blocked {
		prop(fieldBlocked, "1")
	}
	w.WriteString("END:VCARD\r\n")
}

// foldAt is the most octets a line has before it is folded (RFC 6350
// 3.2 asks for 75, line break excluded).
const foldAt = 75

// writeFolded writes a content line, folded at foldAt octets without
// cutting a UTF-8 character.
func writeFolded(w *bufio.Writer, line string) {
	limit := foldAt
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		w.WriteString(line[:cut])
		w.WriteString("\r\n ")
		line = line[cut:]
		limit = foldAt - 1 // the space that starts a folded line counts
	}
	w.WriteString(line)
	w.WriteString("\r\n")
}
