package contacts

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"github.com/whoiscalling/whoiscalling/app/phone"
)

func utf16File(t *testing.T, e unicode.Endianness, bom unicode.BOMPolicy, text string) string {
	t.Helper()
	out, err := unicode.UTF16(e, bom).NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestImportEncodings: UTF-16 as Excel and Outlook write "Unicode
// text", with and without BOM, and the three separators.
func TestImportEncodings(t *testing.T) {
	tab := "Vorname\tNachname\tMobiltelefon\nÜrsel\tÖzdemir\t0211 1234567\n"
	cases := []struct {
		name, data, encoding string
	}{
		{"x.csv", utf16File(t, unicode.LittleEndian, unicode.UseBOM, tab), encUTF16},
		{"x.txt", utf16File(t, unicode.BigEndian, unicode.UseBOM, tab), encUTF16},
		{"x.csv", utf16File(t, unicode.LittleEndian, unicode.IgnoreBOM, tab), encUTF16},
		{"x.csv", bomUTF8 + strings.ReplaceAll(tab, "\t", ";"), encUTF8},
		{"x.csv", strings.ReplaceAll(tab, "\t", ","), encUTF8},
	}
	for _, c := range cases {
		b, _ := newBook(t)
		rep, err := b.Import(ctx, strings.NewReader(c.data), c.name, nil)
		m, ok := b.Lookup("+492111234567")
		if err != nil || rep.Encoding != c.encoding || !ok || m.Contact.DisplayName() != "Ürsel Özdemir" || m.Entry.Label != LabelMobile {
			t.Errorf("Import(%q) = %+v, %v; Lookup = %+v, %v", c.data, rep, err, m.Contact, ok)
		}
	}
}

// TestImportUnverified: a number libphonenumber doubts is kept, marked,
// reported, and matched exactly, never as a prefix.
func TestImportUnverified(t *testing.T) {
	b, _ := newBook(t)
	data := "BEGIN:VCARD\nVERSION:3.0\nFN:Sara Svensson\nTEL:+46 123 456 7890\nEND:VCARD\n"
	rep, err := b.Import(ctx, strings.NewReader(data), "x.vcf", nil)
	if err != nil || rep.Imported != 1 || len(rep.Problems) != 1 || rep.Problems[0].Reason.Code != CodeNumberUnverified ||
		rep.Problems[0].Reason.Phone == nil || rep.Problems[0].Reason.Phone.Reason != phone.ReasonTooLong || rep.Problems[0].Reason.Phone.Country != "SE" {
		t.Fatalf("Import = %+v, %v", rep, err)
	}
	if m, ok := b.Lookup("461234567890"); !ok || m.Kind != MatchExact || m.Entry.Unverified != phone.ReasonTooLong {
		t.Errorf("Lookup(sipgate's digits) = %+v, %v", m, ok)
	}
	if _, ok := b.Lookup("4612345678901"); ok {
		t.Error("an unverified number matched as a prefix")
	}
	c := mustAdd(t, b, Contact{FirstName: "Nils", Numbers: nums("+47 2212345678")})
	if c.Numbers[0].Unverified != phone.ReasonTooLong || c.Numbers[0].E164 != "+472212345678" {
		t.Errorf("Add kept %+v", c.Numbers)
	}
	reopened, err := Open(b.st, "DE", quiet)
	if err != nil {
		t.Fatal(err)
	}
	if m, ok := reopened.Lookup("+472212345678"); !ok || m.Entry.Unverified != phone.ReasonTooLong {
		t.Errorf("after reopening: %+v, %v", m, ok)
	}
}

// TestValidationErrorsAreTyped: Add and Update refuse with values a
// translation can read.
func TestValidationErrorsAreTyped(t *testing.T) {
	b, _ := newBook(t)
	owner := mustAdd(t, b, Contact{FirstName: "Olga", Numbers: nums("0211 1234567")})
	cases := []struct {
		c    Contact
		code Code
		why  phone.Reason
	}{
		{Contact{Numbers: nums("0211 7654321")}, CodeNoName, ""},
		{Contact{FirstName: "A", Numbers: []Number{{Label: "fax", Raw: "0211 7654321"}}}, CodeUnknownLabel, ""},
		{Contact{FirstName: "A", Numbers: nums("0171 1")}, CodeNumberLeftOut, phone.ReasonTooShort},
		{Contact{FirstName: "A", Numbers: nums("+49 211 1234567")}, CodeNumberTaken, ""},
	}
	for _, c := range cases {
		_, err := b.Add(ctx, c.c)
		var inv *InvalidError
		var ne *NumberError
		var pe *phone.Error
		var de *DuplicateError
		switch {
		case errors.As(err, &inv) && inv.Code == c.code:
		case errors.As(err, &ne) && errors.As(err, &pe) && c.code == CodeNumberLeftOut && pe.Reason == c.why:
		case errors.As(err, &de) && c.code == CodeNumberTaken && de.OwnerID == owner.ID:
		default:
			t.Errorf("Add(%+v) = %#v, want %s", c.c, err, c.code)
		}
		if err == nil || err.Error() == "" || strings.Contains(err.Error(), "%!") {
			t.Errorf("Add(%+v) error reads %q", c.c, err)
		}
	}
	if _, err := b.Add(ctx, Contact{}); !errors.Is(err, ErrNoName) {
		t.Errorf("Add(no name) = %v, want ErrNoName", err)
	}
}

// TestImportProgressCountsEntries: the total is the entries in the
// file, not twice that.
func TestImportProgressCountsEntries(t *testing.T) {
	b, _ := newBook(t)
	var buf bytes.Buffer
	for i := range 300 {
		fmt.Fprintf(&buf, "BEGIN:VCARD\nVERSION:3.0\nFN:P %d\nTEL:+49 211 1%06d\nEND:VCARD\n", i, i)
	}
	var last [2]int
	prev := -1
	_, err := b.Import(ctx, &buf, "x.vcf", func(done, total int) {
		if total != 300 || done < prev || done > total {
			t.Errorf("progress(%d, %d) after %d; want totals of 300, growing", done, total, prev)
		}
		prev, last = done, [2]int{done, total}
	})
	if err != nil || last != [2]int{300, 300} {
		t.Errorf("Import: %v; last progress %v", err, last)
	}
}
