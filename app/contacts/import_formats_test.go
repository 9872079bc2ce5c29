package contacts

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestImportProgress(t *testing.T) {
	b, _ := newBook(t)
	data, _ := os.ReadFile("testdata/messy.vcf")
	var calls [][2]int
	if _, err := b.Import(ctx, bytes.NewReader(data), "contacts.vcf", func(d, t int) { calls = append(calls, [2]int{d, t}) }); err != nil {
		t.Fatal(err)
	}
	last := calls[len(calls)-1]
	if len(calls) < 2 || calls[0][0] != 0 || last[0] != last[1] || last[1] != 11 {
		t.Errorf("progress calls = %v; want from 0 to 11 of 11 (the cards in the file)", calls)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i][0] < calls[i-1][0] {
			t.Errorf("progress went back: %v", calls)
		}
	}
}

func TestImportFormats(t *testing.T) {
	latin1 := []byte("Name;Telefon\nJ\xfcrgen Gro\xdf;0211 1234567\n")
	cases := []struct {
		name, data, want string
	}{
		{"contacts", "BEGIN:VCARD\nVERSION:3.0\nFN:Vera Vcard\nTEL:0211 1234567\nEND:VCARD\n", "Vera Vcard"},
		{"export.txt", "Full Name,Mobile\nTina Text,0211 1234567\n", "Tina Text"},
		{"x.csv", string(latin1), "Jürgen Groß"},
		{"x.csv", "\uFEFFname\tphone\nTab Tabelle\t0211 1234567\n", "Tab Tabelle"},
		{"x.csv", "First Name,Last Name,Phone 1 - Type,Phone 1 - Value\nGina,Google,Mobile,0211 1234567 ::: 0171 7654321\n", "Gina Google"},
		{"x.csv", "Nachname,Vorname,Telefon geschäftlich,Mobiltelefon\n\"Schmidt, Jr.\",Olaf,'+49 211 1234567,\n", "Olaf Schmidt, Jr."},
		{"x.csv", "Name,Phone\n\"Doe, John\",0211 1234567\n", "John Doe"},
	}
	for _, c := range cases {
		b, _ := newBook(t)
		rep, err := b.Import(ctx, strings.NewReader(c.data), c.name, nil)
		m, ok := b.Lookup("+492111234567")
		if err != nil || rep.Imported != 1 || !ok || m.Contact.DisplayName() != c.want {
			t.Errorf("Import(%s, %q) = %+v, %v; Lookup = %+v; want %s", c.name, c.data, rep, err, m.Contact, c.want)
		}
	}
}

func TestImportRefusesFilesWithoutNumbers(t *testing.T) {
	cases := []struct{ name, data, want string }{
		{"x.csv", "Name,Email\nAnna,anna@example.com\n", "no phone column"},
		{"x.vcf", "BEGIN:VCARD\nFN:Anna\n", "broken"},
		{"x.vcf", "hello: world\nBEGIN:VCARD\nEND:VCARD\n", "on line 1, before the card on line 2"},
	}
	for _, c := range cases {
		b, _ := newBook(t)
		if rep, err := b.Import(ctx, strings.NewReader(c.data), c.name, nil); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Import(%s, %q) = %+v, %v; want error containing %q", c.name, c.data, rep, err, c.want)
		}
	}
	b, _ := newBook(t)
	if rep, err := b.Import(ctx, strings.NewReader(""), "empty.csv", nil); err != nil || rep.Imported != 0 {
		t.Errorf("Import of an empty file = %+v, %v", rep, err)
	}
}
