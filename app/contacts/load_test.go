package contacts

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// TestReopenSameBook checks that a reopened book (its contacts, strings
// and numbers allocated in shared blocks) equals the book it was saved
// from, and that its lookups point at the right numbers.
func TestReopenSameBook(t *testing.T) {
	b, st := newBook(t)
	mustAdd(t, b, Contact{FirstName: "Anna", LastName: "Schmidt", Company: "ACME", City: "Köln", Country: "Deutschland",
		Note: "note", Numbers: []Number{{Label: LabelHome, Raw: "0211 7654321"}, {Label: LabelWork, Raw: "0211 63555-0"},
			{Label: LabelMobile, Raw: "0211 63555"}}})
	mustAdd(t, b, Contact{Company: "No Numbers", City: "Köln"})
	var data strings.Builder // more than a block of contacts and of numbers
	for i := range contactBlock + 100 {
		fmt.Fprintf(&data, "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Name%d;Vorname;;;\r\nORG:Firma\r\n"+
			"TEL;TYPE=work:0211 1%06d\r\nTEL;TYPE=cell:0171 2%06d\r\nEND:VCARD\r\n", i, i, i)
	}
	if _, err := b.Import(ctx, strings.NewReader(data.String()), "many.vcf", nil); err != nil {
		t.Fatal(err)
	}
	want, err := b.List(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	again, err := Open(st, "DE", quiet)
	if err != nil {
		t.Fatal(err)
	}
	got, err := again.List(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Fatalf("reopened book has %d contacts, want %d", len(got), len(want))
	}
	for i := range want {
		if len(want[i].Numbers) == 0 {
			want[i].Numbers = nil // Add keeps an empty slice; a load has always given nil
		}
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("reopened contact %+v, want %+v", got[i], want[i])
		}
		for _, n := range want[i].Numbers {
			m1, ok1 := b.Lookup(n.E164)
			m2, ok2 := again.Lookup(n.E164)
			if ok1 != ok2 || m1.Kind != m2.Kind || m1.Number != m2.Number || m1.Entry != m2.Entry ||
				!reflect.DeepEqual(*m1.Contact, *m2.Contact) {
				t.Errorf("Lookup(%s) = %+v, %v after reopen; %+v, %v before", n.E164, m2, ok2, m1, ok1)
			}
		}
		if len(got[i].Numbers) == 0 && got[i].Numbers != nil {
			t.Errorf("contact %d: Numbers = %#v, want nil", got[i].ID, got[i].Numbers)
		}
	}
	for _, n := range []string{"+4921163555", "+49211635550", "+492116355577"} {
		m, ok := again.Lookup(n)
		if !ok || m.Entry.E164 != "+4921163555" {
			t.Errorf("Lookup(%s) = %+v, %v", n, m, ok)
		}
	}
}
