package contacts

import (
	"os"
	"strings"
	"testing"
)

// FuzzVCard21 checks that the vCard reader (unfolding, quoted-printable
// with soft line breaks, charsets, bare parameters) never panics, and
// that every card it reads starts on a line of the file.
func FuzzVCard21(f *testing.F) {
	for _, p := range []string{"testdata/android21.vcf", "testdata/apple.vcf", "testdata/messy.vcf"} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("BEGIN:VCARD\r\nVERSION:2.1\r\nN;QUOTED-PRINTABLE:=\r\n=\r\nEND:VCARD\r\n"))
	f.Add([]byte("BEGIN:VCARD\nN;CHARSET=x-unknown;ENCODING=QUOTED-PRINTABLE:=E4=\n\nTEL;\"a:b\";CELL:1\nEND:VCARD"))
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, _, err := decodeVCards(data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an error without words")
			}
			return
		}
		lines := strings.Count(string(data), "\n") + 1
		for _, r := range recs {
			if r.line < 1 || r.line > lines {
				t.Fatalf("a card on line %d of %d", r.line, lines)
			}
		}
	})
}

// FuzzFritzBox checks that the FRITZ!Box reader never panics, and that
// what it reads is written back by the export and read again alike.
func FuzzFritzBox(f *testing.F) {
	data, err := os.ReadFile("testdata/fritzbox.xml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`<phonebooks><phonebook><contact><person><realName>A</realName></person><telephony><number type="work">1</number></telephony></contact></phonebook></phonebooks>`))
	f.Add([]byte(`<?xml version="1.0" encoding="ISO-8859-1"?><phonebooks><contact><category>1</category></contact>`))
	f.Add([]byte(`<!DOCTYPE x [<!ENTITY a "aaaa">]><phonebooks><contact><person><realName>&a;</realName></person></contact></phonebooks>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, err := decodeFritzBox(data)
		if err != nil {
			return
		}
		var cs []Contact
		for _, r := range recs {
			cs = append(cs, Contact{FirstName: r.c.FirstName, LastName: r.c.LastName, Company: r.c.Company, Numbers: r.c.Numbers})
		}
		var out strings.Builder
		if err := writeFritzBox(&out, cs); err != nil {
			t.Fatal(err)
		}
		again, err := decodeFritzBox([]byte(out.String()))
		if err != nil || len(again) != len(recs) {
			t.Fatalf("export of %d contacts read back as %d, %v:\n%s", len(recs), len(again), err, out.String())
		}
	})
}
