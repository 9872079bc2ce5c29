package notify

import (
	"slices"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

// unknown is lisbeth's number with no contact: its popups offer Add
// contact.
func unknown(s calls.Status) calls.Call {
	return with(func(c *calls.Call) {
		c.Contact, c.Company, c.ContactID, c.City, c.Note, c.Status = "", "", 0, "", "", s
	})
}

// One popup per call: the ringing one stays while it rings, the missed
// one replaces it in place and stays, Call back and Add contact are
// offered where the server has actions, a click comes back as an Action,
// and an answered call's popup says who took it and then expires.
func TestDBusOnePopupPerCall(t *testing.T) {
	srv := serve(t, startBus(t))
	srv.actions = true
	d, err := NewDBus("")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	clicks := make(chan Action, 4)
	d.OnAction(func(a Action) { clicks <- a })

	seen := NewSeen(0, 0)
	send := func(c calls.Call) note {
		t.Helper()
		m, ok := Decide(c, seen, on)
		if !ok {
			t.Fatalf("Decide(%s) shows nothing", c.Status)
		}
		seen.Mark(m.CallID, m.Kind, time.Now())
		if err := d.Send(m); err != nil {
			t.Fatal(err)
		}
		return receiveNote(t, srv.notes)
	}
	ring := send(unknown(calls.StatusRinging))
	if ring.Replaces != 0 || ring.Timeout != 0 || !slices.Equal(ring.Actions, []string{"default", "Open", "add-contact", "Add contact", "open", "Open"}) {
		t.Errorf("ringing popup: replaces %d, timeout %d, actions %q; want a new sticky popup with Add contact and Open", ring.Replaces, ring.Timeout, ring.Actions)
	}
	missed := send(unknown(calls.StatusMissed))
	if missed.Replaces != 1 || missed.Timeout != 0 || !slices.Contains(missed.Actions, "call-back") || missed.Summary != "Missed call from 0211 1234567" {
		t.Errorf("missed popup: %q replaces %d, timeout %d, actions %q; want it to replace popup 1, stay, and offer Call back",
			missed.Summary, missed.Replaces, missed.Timeout, missed.Actions)
	}
	srv.click(t, 1, ActionCallBack)
	select {
	case a := <-clicks:
		if a != (Action{Key: ActionCallBack, CallID: 1, Number: "+492111234567"}) {
			t.Errorf("click on Call back = %+v, want call 1, +492111234567", a)
		}
	case <-time.After(wait):
		t.Fatal("the click on Call back never arrived")
	}

	seen = NewSeen(0, 0)
	answered := lisbeth()
	answered.ID = 2
	send(answered)
	answered.Status, answered.AnsweredBy = calls.StatusActive, "Anna Mayer"
	took := send(answered)
	if took.Replaces != 2 || took.Timeout <= 0 || took.Summary != "Lisbeth Salander — Milton Security — answered by Anna Mayer" {
		t.Errorf("answered popup: %q replaces %d timeout %d; want popup 2 replaced, saying who answered, then expiring", took.Summary, took.Replaces, took.Timeout)
	}
}

// A ringing popup of a call that ends otherwise (blocked, filtered
// missed) is closed, not left ringing forever.
func TestDBusClosesAnEndedCallsPopup(t *testing.T) {
	srv := serve(t, startBus(t))
	d, err := NewDBus("")
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	seen := NewSeen(0, 0)
	quiet := opt(func(o *Options) { o.Missed = false })
	for _, c := range []calls.Call{lisbeth(), with(func(c *calls.Call) { c.Status = calls.StatusMissed })} {
		m, ok := Decide(c, seen, quiet)
		if !ok {
			t.Fatalf("Decide(%s) = nothing, want a popup or its closing", c.Status)
		}
		seen.Mark(m.CallID, m.Kind, time.Now())
		if err := d.Send(m); err != nil {
			t.Fatal(err)
		}
	}
	receiveNote(t, srv.notes)
	select {
	case id := <-srv.closed:
		if id != 1 {
			t.Errorf("closed popup %d, want 1", id)
		}
	case <-time.After(wait):
		t.Fatal("the ringing popup of a missed call was not closed while missed calls do not pop up")
	}
}
