package contacts

import (
	"strconv"
	"strings"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/phone"
)

// expect is what a number must find after an import: the contact's
// display name, the number's label, and whether it is unverified.
type expect struct {
	number, name string
	label        Label
	unverified   phone.Reason
}

// formatCases are sample files written from each format's
// documentation, with what importing them must give.
var formatCases = []struct {
	path              string
	format            Format
	encoding          string
	imported, skipped int
	numbers           []expect
	fields            map[string]Contact // by number: the fields other than numbers
	problems          []string           // "line: part of the reason", in order
}{
	{path: "testdata/android21.vcf", format: FormatVCard21, encoding: encUTF8, imported: 3,
		numbers: []expect{
			{"+491712345670", "Jürgen Dörte", LabelMobile, ""},
			{"+492117654320", "Jürgen Dörte", LabelHome, ""},
			{"+492217654329", "", "", ""}, // the fax
			{"+492219876540", "Hans Müller", LabelWork, ""},
			{"+492219876541", "Hans Müller", LabelOther, ""},
		},
		fields: map[string]Contact{
			"+491712345670": {FirstName: "Jürgen", LastName: "Dörte", Street: "Königsallee 12", PostalCode: "40212",
				City: "Düsseldorf", Country: "Deutschland", Note: "Erste Zeile\nZweite Zeile"},
			"+492219876540": {FirstName: "Hans", LastName: "Müller", Company: "Beispiel; Söhne"},
		},
		problems: []string{`38: number left out: "0171 1" is too short`, `38: imported without a phone number`}},
	{path: "testdata/apple.vcf", format: FormatVCard, encoding: encUTF8, imported: 2,
		numbers: []expect{
			{"+46812345678", "Sven Lindqvist", LabelWork, ""},
			{"+46701234567", "Sven Lindqvist", LabelWork, ""}, // custom label "Büro Stockholm"
			{"+461234567890", "Sven Lindqvist", LabelMobile, phone.ReasonTooLong},
			{"+46311234567", "Sven Lindqvist", LabelHome, ""},
			{"+492118765", "Rheinwerk Service", LabelWork, ""},
			{"+492118765123", "Rheinwerk Service", LabelWork, ""}, // an extension of the switchboard
		},
		fields: map[string]Contact{
			"+46812345678": {FirstName: "Sven", LastName: "Lindqvist", Company: "Nordic Imports AB", Street: "Storgatan 1",
				PostalCode: "111 22", City: "Stockholm", Country: "Sweden", Note: "Spricht Deutsch, Englisch; Schwedisch\nRuft morgens an"},
			"+492118765": {Company: "Rheinwerk Service", Street: "Rheinallee 3, Tor 2", PostalCode: "40545", City: "Düsseldorf", Country: "Deutschland"},
		},
		problems: []string{`1: number kept but unverified: "+46 123 456 7890" is too long for a Swedish number`}},
	{path: "testdata/google.csv", format: FormatGoogleCSV, encoding: encUTF8, imported: 3,
		numbers: []expect{
			{"+4915111111111", "Greta Gärtner", LabelMobile, ""},
			{"+492112222222", "Greta Gärtner", LabelWork, ""}, // "Phone 2 - Label": Work
			{"+492112222229", "", "", ""},                     // Work Fax
			{"+491603333333", "Paul Pfeiffer", LabelMobile, ""},
			{"+491603333334", "Paul Pfeiffer", LabelMobile, ""}, // " ::: "
			{"+492114444444", "Paul Pfeiffer", LabelHome, ""},
		},
		fields: map[string]Contact{
			"+4915111111111": {FirstName: "Greta", LastName: "Gärtner", Company: "Blumen Gärtner GmbH", Street: "Blumenweg 5",
				PostalCode: "40211", City: "Düsseldorf", Country: "Deutschland", Note: "Liefert dienstags"},
		},
		problems: []string{`5: imported without a phone number`}},
	{path: "testdata/google_old.csv", format: FormatGoogleCSV, encoding: encUTF8, imported: 1,
		numbers: []expect{{"+49405555555", "Olaf Olsen", LabelHome, ""}, {"+49406666666", "Olaf Olsen", LabelWork, ""}},
		fields:  map[string]Contact{"+49405555555": {FirstName: "Olaf", LastName: "Olsen", Company: "Olsen Reederei", Note: "Alte Adresse"}}},
	{path: "testdata/outlook.csv", format: FormatOutlookCSV, encoding: encUTF8, imported: 1,
		numbers: []expect{
			{"+14155550101", "Walter White", LabelWork, ""},
			{"+14155550199", "Walter White", LabelWork, ""},
			{"+14155550102", "Walter White", LabelHome, ""},
			{"+14155550103", "Walter White", LabelMobile, ""},
			{"+14155550100", "", "", ""}, // Business Fax
		},
		fields: map[string]Contact{"+14155550101": {FirstName: "Walter", LastName: "White", Company: "Acme Chemicals Ltd.",
			Street: "12 Elm Street", PostalCode: "12345", City: "Springfield", Country: "United States", Note: "Prefers mornings"}}},
	{path: "testdata/outlook_de.csv", format: FormatOutlookCSVDE, encoding: enc1252, imported: 1,
		numbers: []expect{
			{"+492211234560", "Käthe Kühn", LabelWork, ""},
			{"+492211234561", "Käthe Kühn", LabelWork, ""},
			{"+4922112345", "Käthe Kühn", LabelWork, ""}, // Telefon Firma, a switchboard
			{"+492287777777", "Käthe Kühn", LabelHome, ""},
			{"+491728888888", "Käthe Kühn", LabelMobile, ""},
			{"+492217654329", "", "", ""}, // Fax geschäftlich
		},
		fields: map[string]Contact{"+492211234560": {FirstName: "Käthe", LastName: "Kühn", Company: "Kühn & Söhne KG",
			Street: "Hafenstraße 7", PostalCode: "50667", City: "Köln", Country: "Deutschland", Note: "Bevorzugt Rückruf nach 14 Uhr"}}},
	{path: "testdata/fritzbox.xml", format: FormatFritzBox, encoding: encUTF8, imported: 3,
		numbers: []expect{
			{"+492111212121", "Ingrid Irrgang", LabelHome, ""},
			{"+491701313131", "Ingrid Irrgang", LabelMobile, ""},
			{"+49211141414", "Ingrid Irrgang", LabelWork, ""},
			{"+4921114141499", "Ingrid Irrgang", LabelWork, ""}, // the fax is left out, the switchboard finds it
			{"+498001515151", "Stadtwerke Musterstadt GmbH", LabelWork, ""},
		},
		fields: map[string]Contact{
			"+492111212121": {FirstName: "Ingrid", LastName: "Irrgang", VIP: true},
			"+498001515151": {Company: "Stadtwerke Musterstadt GmbH"},
		},
		problems: []string{`37: number left out: "abc" is not a phone number`, `37: imported without a phone number`}},
}

func TestImportFormatFiles(t *testing.T) {
	for _, c := range formatCases {
		b, _ := newBook(t)
		rep := importFile(t, b, c.path)
		if rep.Format != c.format || rep.Encoding != c.encoding || rep.Imported != c.imported || rep.Skipped != c.skipped {
			t.Errorf("Import(%s) = %+v; want %s in %s, %d imported, %d skipped", c.path, rep, c.format, c.encoding, c.imported, c.skipped)
		}
		for _, e := range c.numbers {
			m, ok := b.Lookup(e.number)
			var got expect
			if ok {
				got = expect{e.number, m.Contact.DisplayName(), m.Entry.Label, m.Entry.Unverified}
			} else {
				got.number = e.number
			}
			if got != e {
				t.Errorf("%s: Lookup(%s) = %+v, want %+v", c.path, e.number, got, e)
			}
		}
		for number, want := range c.fields {
			m, _ := b.Lookup(number)
			if m.Contact == nil {
				t.Errorf("%s: Lookup(%s) found nothing", c.path, number)
				continue
			}
			got := *m.Contact
			got.Numbers, want.Numbers = nil, nil
			if !sameData(&got, &want) {
				t.Errorf("%s: Lookup(%s) = %+v\nwant %+v", c.path, number, got, want)
			}
		}
		checkProblems(t, c.path, rep.Problems, c.problems)
		again := importFile(t, b, c.path)
		if again.Imported != 0 || again.Updated != 0 || again.Unchanged != c.imported {
			t.Errorf("importing %s again = %+v; want %d unchanged", c.path, again, c.imported)
		}
	}
}

func checkProblems(t *testing.T, path string, got []Problem, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: problems %+v, want %q", path, got, want)
		return
	}
	for i, w := range want {
		line, reason, _ := strings.Cut(w, ": ")
		if line != strconv.Itoa(got[i].Line) || !strings.Contains(got[i].Reason.String(), reason) || got[i].Entry == "" {
			t.Errorf("%s: problem #%d = %+v (%s), want %q", path, i, got[i], got[i].Reason, w)
		}
	}
}
