package ui

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func openContacts(t *testing.T, b *backend) (*ContactsWindow, uiQueue) {
	t.Helper()
	q := newUIQueue()
	w := newContactsWindow(test.NewTempApp(t), b.book, "DE", q.do)
	w.Show()
	return w, q
}

// names are the display names the list shows, in order.
func names(w *ContactsView) string {
	var out []string
	for _, c := range w.rows {
		out = append(out, c.DisplayName())
	}
	return strings.Join(out, ", ")
}

func TestContactsListAndSearch(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, _ := openContacts(t, b)
	for _, tc := range []struct{ typed, want string }{
		{"", "Erika Mustermann, Gewinnspiel Hotline, Ingrid Hansen, Spree AG"},
		{"oslo", "Ingrid Hansen"},
		{"muster gmbh", "Erika Mustermann"},
		{"0211 1234567", "Erika Mustermann"},
		{"+49 171 2345678", "Erika Mustermann"},
		{"nobody here", ""},
	} {
		w.search.SetText("")
		test.Type(w.search, tc.typed)
		if got := names(w.ContactsView); got != tc.want {
			t.Errorf("search %q lists %q, want %q", tc.typed, got, tc.want)
		}
		if w.list.Length() != len(w.rows) || w.empty.Hidden != (tc.want != "") {
			t.Errorf("search %q: list length %d, empty note hidden %v", tc.typed, w.list.Length(), w.empty.Hidden)
		}
	}
	w.search.SetText("")
	r := newContactRow().(*contactRow)
	w.updateRow(1, r)
	if got := texts(r); !strings.Contains(got, "Gewinnspiel Hotline\nBLOCKED") || !strings.Contains(got, "01522 3456789") {
		t.Errorf("blocked row reads %q", got)
	}
}

func TestContactsAddEditDelete(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, q := openContacts(t, b)
	test.Tap(w.add)
	test.Type(w.form.first, "Lena")
	test.Type(w.form.numbers[0].entry, "0171 9876543")
	test.Tap(w.form.save)
	q.until(t, "the new contact is listed and shown", func() bool {
		return w.list.Length() == 5 && strings.Contains(texts(w.detail.content), "Mobile\n0171 9876543")
	})
	test.Tap(w.detail.edit)
	if w.form.first.Text != "Lena" {
		t.Fatalf("Edit opened %q", w.form.first.Text)
	}
	test.Type(w.form.company, "Vogel KG")
	test.Tap(w.form.save)
	q.until(t, "the detail shows the company", func() bool { return strings.Contains(texts(w.detail.content), "Vogel KG") })
	id := w.selected
	test.Tap(w.detail.remove)
	if w.detail.confirm == nil {
		t.Fatal("Delete asked nothing")
	}
	if _, err := b.book.Get(id); err != nil {
		t.Fatalf("the contact is gone before the person confirmed: %v", err)
	}
	w.detail.confirm.Confirm()
	q.until(t, "the contact is gone from the list", func() bool { return w.list.Length() == 4 && w.selected == 0 })
	if _, err := b.book.Get(id); err == nil {
		t.Error("the contact is still in the book after Delete")
	}
}

func TestContactsDeleteCanBeCancelled(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, _ := openContacts(t, b)
	w.list.Select(0)
	test.Tap(w.detail.remove)
	if !strings.Contains(texts(w.win.Canvas().Overlays().Top()), "Delete Erika Mustermann and their 2 numbers?") {
		t.Errorf("the question reads:\n%s", texts(w.win.Canvas().Overlays().Top()))
	}
	w.detail.confirm.Dismiss()
	if b.book.Count() != 4 {
		t.Errorf("the book has %d contacts after cancelling, want 4", b.book.Count())
	}
}

func TestContactsBlockToggles(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, q := openContacts(t, b)
	w.list.Select(2) // Ingrid Hansen
	for _, want := range []bool{true, false} {
		test.Tap(w.detail.block)
		q.until(t, fmt.Sprintf("the contact is shown blocked=%v", want), func() bool { return w.detail.contact.Blocked == want })
		label := map[bool]string{true: "Unblock", false: "Block"}[want]
		if w.detail.block.Text != label {
			t.Errorf("block button = %q, want %q", w.detail.block.Text, label)
		}
	}
}

const friendsVCF = `BEGIN:VCARD
VERSION:3.0
N:Berg;Jonas;;;
FN:Jonas Berg
ORG:Fjord AS
TEL;TYPE=WORK:+47 22 98 76 54
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:Clara Schulz
TEL;TYPE=cell:0221 9876543
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Max Kurz
TEL:0171 1
END:VCARD
`

func TestContactsImportShowsTheReport(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, q := openContacts(t, b)
	w.importFrom(io.NopCloser(strings.NewReader(friendsVCF)), "friends.vcf")
	if !w.transfer.running || w.transfer.progress == nil {
		t.Fatal("no progress is shown while importing")
	}
	q.until(t, "the import is done", func() bool { return !w.transfer.running })
	if got := w.transfer.summary.Text; got != "Imported 3, updated 0, unchanged 0, skipped 0." {
		t.Errorf("summary = %q", got)
	}
	// A contact whose only number is unusable is kept without it, and the
	// report says so.
	if got := w.transfer.details.Text; !strings.Contains(got, "Line 13 (Max Kurz):") || !strings.Contains(got, "too short") {
		t.Errorf("details = %q, want the entry with its line and reason", got)
	}
	if w.list.Length() != 7 || w.transfer.progress.Value != 1 {
		t.Errorf("after the import: %d contacts listed, progress %v", w.list.Length(), w.transfer.progress.Value)
	}
}

func TestContactsImportOfABrokenFileChangesNothing(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, q := openContacts(t, b)
	w.importFrom(io.NopCloser(strings.NewReader("name;city\nLena;Köln\n")), "list.csv")
	q.until(t, "the import is done", func() bool { return !w.transfer.running })
	if w.transfer.summary.Text != "Nothing was imported." || !strings.Contains(w.transfer.details.Text, "list.csv") {
		t.Errorf("report = %q / %q", w.transfer.summary.Text, w.transfer.details.Text)
	}
	if b.book.Count() != 4 {
		t.Errorf("the book has %d contacts, want 4", b.book.Count())
	}
}

func TestContactsImportOfALargeFileShowsProgress(t *testing.T) {
	b := newBackend(t)
	w, q := openContacts(t, b)
	var csv strings.Builder
	csv.WriteString("First Name,Last Name,Phone\n")
	for i := range 3000 {
		fmt.Fprintf(&csv, "Person,%d,+49 30 %07d\n", i, 2000000+i)
	}
	var seen []float64
	w.importFrom(io.NopCloser(strings.NewReader(csv.String())), "big.csv")
	q.until(t, "the import is done", func() bool {
		if len(seen) == 0 || seen[len(seen)-1] != w.transfer.progress.Value {
			seen = append(seen, w.transfer.progress.Value)
		}
		return !w.transfer.running
	})
	if len(seen) < 3 || seen[len(seen)-1] != 1 {
		t.Errorf("progress went %v, want several steps up to 1", seen)
	}
	if w.transfer.summary.Text != "Imported 3000, updated 0, unchanged 0, skipped 0." {
		t.Errorf("summary = %q", w.transfer.summary.Text)
	}
}

// memFile is an in-memory file to export to.
type memFile struct {
	strings.Builder
	closed bool
}

func (m *memFile) Close() error { m.closed = true; return nil }

func TestContactsExport(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, q := openContacts(t, b)
	for _, tc := range []struct{ name, want, kind string }{
		{"all.csv", "Erika", "CSV"},
		{"all.vcf", "BEGIN:VCARD", "vCard"},
	} {
		out := &memFile{}
		w.exportTo(out, tc.name)
		q.until(t, "the export is done", func() bool { return !w.transfer.running })
		if !out.closed || !strings.Contains(out.String(), tc.want) || !strings.Contains(out.String(), "Ingrid") {
			t.Errorf("%s: closed %v, wrote:\n%s", tc.name, out.closed, out.String())
		}
		if want := "All contacts were saved to " + tc.name + " as " + tc.kind + "."; w.transfer.summary.Text != want {
			t.Errorf("%s: summary %q, want %q", tc.name, w.transfer.summary.Text, want)
		}
	}
}
