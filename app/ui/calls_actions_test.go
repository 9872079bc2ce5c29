package ui

import (
	"context"
	"github.com/whoiscalling/whoiscalling/app/sipgate"
	"net/url"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/whoiscalling/whoiscalling/app/contacts"
)

func TestCallsAddCallerToContacts(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, q := openCalls(t, b)
	w.list.Select(0) // the unknown German mobile
	if got := w.details.contact.Text; got != "Add to contacts" {
		t.Fatalf("contact button = %q, want Add to contacts", got)
	}
	test.Tap(w.details.contact)
	f := w.form
	if f == nil || len(f.numbers) != 1 {
		t.Fatal("Add to contacts opened no form with the number")
	}
	if n := f.numbers[0]; n.entry.Text != "+49 1579 1234567" || n.labelValue() != contacts.LabelMobile {
		t.Errorf("form number = %q labelled %q, want +49 1579 1234567, mobile", n.entry.Text, n.label.Selected)
	}
	test.Type(f.first, "Lena")
	test.Type(f.last, "Vogel")
	test.Tap(f.save)
	if f.problem.Text != "" {
		t.Fatalf("saving the new contact failed: %s", f.problem.Text)
	}
	q.until(t, "the call shows the new contact", func() bool {
		return strings.Contains(rowText(w, 0), "Lena Vogel") && w.details.contact.Text == "Edit contact"
	})
	if m, ok := b.book.Lookup("+4915791234567"); !ok || m.Contact.DisplayName() != "Lena Vogel" {
		t.Errorf("book lookup after save = %v, %v", m.Contact, ok)
	}
}

func TestCallsEditContactOpensTheContact(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, _ := openCalls(t, b)
	w.list.Select(6) // Erika
	test.Tap(w.details.contact)
	if w.form == nil || w.form.first.Text != "Erika" || len(w.form.numbers) != 2 || !w.form.vip.Checked {
		t.Fatalf("Edit contact opened %+v", w.form)
	}
}

func TestCallsBlockToggles(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, q := openCalls(t, b)
	w.list.Select(6) // Erika
	id := w.details.party.ContactID
	for _, want := range []bool{true, false} {
		test.Tap(w.details.block)
		if want {
			// Blocking a contact asks first, as blocking an unknown caller does.
			if w.details.blockConfirm == nil || w.details.party.Blocked {
				t.Fatal("blocking a known contact did not ask first")
			}
			if c, _ := b.book.Get(id); c.Blocked {
				t.Fatal("the contact was blocked before the person confirmed")
			}
			w.details.blockConfirm.Confirm()
		}
		q.until(t, "the block button follows", func() bool { return w.details.party.Blocked == want })
		c, err := b.book.Get(id)
		if err != nil || c.Blocked != want {
			t.Errorf("after tapping block: contact blocked = %v (%v), want %v", c.Blocked, err, want)
		}
		label := map[bool]string{true: "Unblock caller", false: "Block caller"}[want]
		if w.details.block.Text != label {
			t.Errorf("block button = %q, want %q", w.details.block.Text, label)
		}
	}
}

func TestCallsBlockUnknownCallerAsksForAName(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, _ := openCalls(t, b)
	w.list.Select(5) // the unknown US number
	test.Tap(w.details.block)
	if w.details.blockAsk == nil {
		t.Fatal("blocking an unknown caller asked nothing")
	}
	if _, ok := b.book.Lookup("+14155550132"); ok {
		t.Fatal("the number was stored before the person confirmed")
	}
	w.details.blockAsk.Submit()
	m, ok := b.book.Lookup("+14155550132")
	if !ok || !m.Contact.Blocked || m.Contact.DisplayName() != "Blocked caller" {
		t.Fatalf("after confirming: lookup = %+v, %v; want a blocked contact", m.Contact, ok)
	}
	if w.details.block.Text != "Unblock caller" {
		t.Errorf("block button = %q, want Unblock caller", w.details.block.Text)
	}
}

func TestCallsCopyAndCallBack(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, q := openCalls(t, b)
	var opened []string
	w.dialer = telDialer{open: func(u *url.URL) error { opened = append(opened, u.String()); return nil },
		hasHandler: func(context.Context) bool { return true }}
	w.list.Select(0)
	test.Tap(w.details.copy)
	if got := w.app.Clipboard().Content(); got != "01579 1234567" {
		t.Errorf("clipboard = %q, want the number as shown, 01579 1234567", got)
	}
	if w.details.copy.Text != "Number copied" {
		t.Errorf("copy button = %q after copying", w.details.copy.Text)
	}
	test.Tap(w.details.callBack)
	q.until(t, "the call back is done", func() bool { return w.details.result.Visible() })
	if len(opened) != 1 || opened[0] != "tel:+4915791234567" {
		t.Errorf("Call back opened %q, want tel:+4915791234567", opened)
	}
}

// Where nothing handles tel: links, Call back says so instead of
// failing silently.
func TestCallsCallBackWithoutAPhoneApp(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, q := openCalls(t, b)
	w.dialer = telDialer{open: func(*url.URL) error { t.Error("opened tel: with no handler"); return nil },
		hasHandler: func(context.Context) bool { return false }}
	w.list.Select(0)
	test.Tap(w.details.callBack)
	q.until(t, "the call back is done", func() bool { return len(w.win.Canvas().Overlays().List()) > 0 })
	if got := overlayText(w.win); !strings.Contains(got, "Nothing on this computer dials phone numbers") {
		t.Errorf("Call back without a tel: handler showed %q", got)
	}
}

// A Backend that calls back itself (through sipgate) is used for every
// Call back; while it has no sipgate account, the tel: handler dials.
func TestDialerPrefersTheBackend(t *testing.T) {
	for _, tc := range []struct {
		name    string
		err     error
		want    string
		telUsed bool
	}{
		{"connected", nil, "rings", false},
		{"no account", sipgate.ErrNoToken, "Dialling", true},
		{"sipgate refuses", &sipgate.PaymentError{}, "", false},
	} {
		opened := false
		open := func(u *url.URL) error { opened = u.Scheme == "tel"; return nil }
		d := dialerFor(dialingBackend{&fakeBackend{}, tc.err}, open)
		if f, ok := d.(fallbackDialer); ok {
			f.then = telDialer{open: open, hasHandler: func(context.Context) bool { return true }}
			d = f
		}
		msg, err := d.CallBack(context.Background(), "+492111234567")
		if !strings.Contains(msg, tc.want) || opened != tc.telUsed || (tc.want == "") != (err != nil) {
			t.Errorf("%s: CallBack = %q, %v; tel: opened %v", tc.name, msg, err, opened)
		}
	}
}

type dialingBackend struct {
	*fakeBackend
	err error
}

func (d dialingBackend) CallBack(context.Context, string) (string, error) {
	if d.err != nil {
		return "", d.err
	}
	return "rings", nil
}

func TestCallsContactChangesRedrawTheList(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, q := openCalls(t, b)
	m, _ := b.book.Lookup("+492111234567")
	c := *m.Contact
	c.FirstName = "Erika-Maria"
	if _, err := b.book.Update(context.Background(), c); err != nil {
		t.Fatal(err)
	}
	// The row shows whom the call was matched to when it rang (the lookup
	// travels with the call); the details show the contact as it is now.
	q.until(t, "the details show the new name", func() bool {
		w.list.Select(6)
		return w.details.party.Name == "Erika-Maria Mustermann" || strings.HasPrefix(w.details.party.Name, "Erika-Maria")
	})
}

// One number, one "New contact" form: a second Add to contacts brings
// the open form to the front instead of opening another.
func TestCallsAddToContactsTwiceOpensOneForm(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, _ := openCalls(t, b)
	w.list.Select(0)
	test.Tap(w.details.contact)
	first := w.form
	test.Tap(w.details.contact)
	if first == nil || w.form != first {
		t.Fatalf("the second Add to contacts opened form %p, want the open one %p", w.form, first)
	}
	first.win.Close()
	test.Tap(w.details.contact)
	if w.form == first {
		t.Error("after closing the form, Add to contacts reopened the closed one")
	}
}
