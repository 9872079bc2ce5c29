package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/whoiscalling/whoiscalling/app/contacts"
)

func openForm(t *testing.T, b *backend, c contacts.Contact) *contactForm {
	t.Helper()
	f := newContactForm(test.NewTempApp(t), b.book, "DE", c)
	f.Show()
	return f
}

func TestContactFormChecksNumbersAsTyped(t *testing.T) {
	b := newBackend(t)
	f := openForm(t, b, contacts.Contact{})
	row := f.numbers[0]
	for _, tc := range []struct {
		typed, hint string
		imp         widget.Importance
	}{
		{"0211 1234567", "→ +49 211 1234567", widget.SuccessImportance},
		{"0049 171 234 5678", "→ +49 171 2345678", widget.SuccessImportance},
		{"+47 22 12 34 56", "→ +47 22 12 34 56", widget.SuccessImportance},
		{"+49 211 63555-0", "→ +49 211 63555-0 (switchboard: every extension belongs to this contact)", widget.SuccessImportance},
		{"0171 1", `"0171 1" is too short`, widget.DangerImportance},
		{"hello", `"hello" is not a phone number`, widget.DangerImportance},
	} {
		row.entry.SetText("")
		test.Type(row.entry, tc.typed)
		if !strings.HasPrefix(row.hint.Text, tc.hint) || row.hint.Importance != tc.imp || row.hint.Hidden {
			t.Errorf("typed %q: hint %q (importance %v, hidden %v), want %q (%v)", tc.typed, row.hint.Text, row.hint.Importance, row.hint.Hidden, tc.hint, tc.imp)
		}
	}
}

func TestContactFormRejectsABadNumber(t *testing.T) {
	b := newBackend(t)
	f := openForm(t, b, contacts.Contact{})
	test.Type(f.first, "Lena")
	test.Type(f.numbers[0].entry, "0171 1")
	test.Tap(f.save)
	if !strings.HasPrefix(f.problem.Text, `Number 1: "0171 1" is too short`) {
		t.Errorf("problem = %q, want the number's reason", f.problem.Text)
	}
	if n := b.book.Count(); n != 0 {
		t.Errorf("the book has %d contacts after a bad save, want 0", n)
	}
}

func TestContactFormSavesAGoodContact(t *testing.T) {
	b := newBackend(t)
	f := openForm(t, b, contacts.Contact{})
	var saved contacts.Contact
	f.onSaved = func(c contacts.Contact) { saved = c }
	test.Type(f.first, "Lena")
	test.Type(f.last, "Vogel")
	test.Type(f.company, "Vogel & Söhne")
	test.Type(f.numbers[0].entry, "(0211) 12 34 56")
	test.Tap(f.addNumber)
	f.numbers[1].label.SetSelected(labelText(contacts.LabelMobile))
	test.Type(f.numbers[1].entry, "+49 (0)160 9988776")
	test.Tap(f.addNumber) // an empty third row is left out
	test.Tap(f.vip)
	test.Tap(f.save)
	if f.problem.Text != "" || saved.ID == 0 {
		t.Fatalf("save failed: %q", f.problem.Text)
	}
	got, err := b.book.Get(saved.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.DisplayName() != "Lena Vogel" || got.Company != "Vogel & Söhne" || !got.VIP || len(got.Numbers) != 2 {
		t.Fatalf("stored %+v", got)
	}
	for i, want := range []contacts.Number{{Label: "work", E164: "+49211123456"}, {Label: "mobile", E164: "+491609988776"}} {
		if n := got.Numbers[i]; n.Label != want.Label || n.E164 != want.E164 {
			t.Errorf("number %d = %s %s, want %s %s", i+1, n.Label, n.E164, want.Label, want.E164)
		}
	}
}

func TestContactFormShowsTheBooksReason(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	for _, tc := range []struct {
		name, first, number, want string
	}{
		{"no name", "", "0221 1234567", contacts.ErrNoName.Error()},
		{"number of another contact", "Max", "+49 211 1234567", `already belongs to "Erika Mustermann"`},
	} {
		before := b.book.Count()
		f := openForm(t, b, contacts.Contact{})
		test.Type(f.first, tc.first)
		test.Type(f.numbers[0].entry, tc.number)
		test.Tap(f.save)
		if !strings.Contains(f.problem.Text, tc.want) {
			t.Errorf("%s: problem = %q, want %q", tc.name, f.problem.Text, tc.want)
		}
		if after := b.book.Count(); after != before {
			t.Errorf("%s: the book went from %d to %d contacts", tc.name, before, after)
		}
	}
}

func TestContactFormEditsAndRemovesNumbers(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	m, _ := b.book.Lookup("+492111234567")
	f := openForm(t, b, *m.Contact)
	if f.win.Title() != "Edit Erika Mustermann" || len(f.numbers) != 2 {
		t.Fatalf("edit form %q with %d numbers", f.win.Title(), len(f.numbers))
	}
	test.Tap(f.numbers[1].remove)
	test.Tap(f.save)
	got, _ := b.book.Get(m.Contact.ID)
	if len(got.Numbers) != 1 || got.Numbers[0].E164 != "+492111234567" || !got.VIP {
		t.Errorf("after removing the mobile: %+v", got)
	}
}
