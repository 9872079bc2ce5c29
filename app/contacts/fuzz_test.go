package contacts

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// seedFiles adds the test files and the format cases as seeds.
func seedFiles(f *testing.F) {
	for _, p := range []string{"testdata/messy.vcf", "testdata/semicolon.csv", "testdata/broken.vcf", "testdata/broken.csv",
		"testdata/android21.vcf", "testdata/apple.vcf", "testdata/google.csv", "testdata/outlook_de.csv", "testdata/fritzbox.xml"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("Name,Phone\n\"Doe, John\",0211 1234567\n"))
	f.Add([]byte("BEGIN:VCARD\nVERSION:4.0\nFN:A\nTEL;VALUE=uri:tel:+49-211-63555;ext=1\nEND:VCARD\n"))
}

// FuzzDecode checks that reading any file, as vCard or as CSV, never
// panics, and that what it reads has lines and entries to report.
func FuzzDecode(f *testing.F) {
	seedFiles(f)
	b := &Book{}
	b.SetRegion("DE")
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"x.vcf", "x.csv", "x"} {
			d, err := decode(data, name)
			if err != nil {
				continue
			}
			recs := d.recs
			for i := range recs {
				b.readRecord(&recs[i])
				if recs[i].line < 0 || (recs[i].skip && len(recs[i].problems) == 0) {
					t.Fatalf("decode(%q, %s) record %+v: a skipped entry with no reason", data, name, recs[i])
				}
			}
		}
	})
}

// FuzzExportRoundTrip checks that any text in a contact's fields comes
// back from a CSV and a vCard export exactly.
func FuzzExportRoundTrip(f *testing.F) {
	f.Add("Anna", "Müller", "ACME; GmbH", "Düsseldorf", "Notiz, \"zitiert\"\nzweite Zeile")
	f.Add("'=1+1", "-x", "@home", "+", "'")
	b := &Book{}
	b.SetRegion("DE")
	f.Fuzz(func(t *testing.T, first, last, company, city, note string) {
		in := Contact{FirstName: first, LastName: last, Company: company, City: city, Note: note,
			Numbers: []Number{{Label: LabelWork, E164: "+4921163555", Switchboard: true}}}
		for _, s := range []*string{&in.FirstName, &in.LastName, &in.Company, &in.City, &in.Note} {
			if !utf8.ValidString(*s) || strings.ContainsAny(*s, "\r\x00") {
				return
			}
			*s = strings.TrimSpace(*s)
		}
		if in.FirstName == "" && in.LastName == "" && in.Company == "" {
			return
		}
		for _, format := range []string{"csv", "vcf"} {
			var buf bytes.Buffer
			write := map[string]func(*bytes.Buffer, []Contact) error{
				"csv": func(w *bytes.Buffer, all []Contact) error { return writeCSV(w, all) },
				"vcf": func(w *bytes.Buffer, all []Contact) error { return writeVCards(w, all) },
			}[format]
			if err := write(&buf, []Contact{in}); err != nil {
				t.Fatal(err)
			}
			d, err := decode(buf.Bytes(), "x."+format)
			recs := d.recs
			if err != nil || len(recs) != 1 {
				t.Fatalf("%s: decode(export of %+v) = %+v, %v", format, in, recs, err)
			}
			b.readRecord(&recs[0])
			got, want := portable(recs[0].c), portable(in)
			if !sameData(&got, &want) {
				t.Fatalf("%s round trip of %q:\n got %+v\nwant %+v", format, buf.String(), got, want)
			}
		}
	})
}
