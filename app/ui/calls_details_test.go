package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

func TestCallsDetails(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, _ := openCalls(t, b)
	for _, tc := range []struct {
		row  int
		name string
		want []string
	}{
		{4, "voicemail after a forward", []string{"Spree AG", "Voicemail · 30 min ago", "Rang\nJürgen Müller",
			"Leg 1 · rang Jürgen Müller", "ended 09:14:57: forwarded",
			"Leg 2 · voicemail", "diverted from 0211 55500123", "answered 09:14:58 by voicemail",
			"030 123456789 is an extension of the switchboard of Spree AG (030 123456-0)."}},
		{6, "answered VIP", []string{"Answered by Anna Mayer · 3:07", "Rang\nAnna Mayer, Jürgen Müller",
			"Duration\n3:07", "Ended because\nhung up normally (normalClearing)",
			"0211 1234567 is one of the numbers of Erika Mustermann (exact match).", "Edit contact", "Block caller"}},
		{5, "unknown international, missed", []string{"+1 415-555-0132", "Missed · 36 min ago",
			"Ended because\nthe caller gave up (cancel)", "is not in your contacts. It is a fixed line or mobile number from San Francisco, CA.",
			"Add to contacts"}},
		{3, "outgoing", []string{"Outgoing call, answered · 4:00", "Called by\nAnna Mayer", "Answered by\n+47 22 12 34 56", "Leg 1 · placed by Anna Mayer"}},
		{2, "blocked", []string{"Rejected with a busy tone: the caller is blocked", "Unblock caller"}},
		{1, "anonymous", []string{"Anonymous caller", "The caller withheld the number"}},
	} {
		w.list.Select(tc.row)
		got := texts(w.details.content)
		for _, want := range tc.want {
			if !strings.Contains(got, want) {
				t.Errorf("%s: details lack %q; they read:\n%s", tc.name, want, got)
			}
		}
	}
}

func TestCallsDetailsFollowTheCallLive(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, q := openCalls(t, b)
	caller := line{"live", "in", "+4922112345678", office}
	b.push(t, time.Minute, caller.ring(anna, marcus))
	q.until(t, "the new call is listed", func() bool { return w.list.Length() == 8 })
	w.list.Select(0)
	if got := texts(w.details.content); !strings.Contains(got, "Ringing") || !strings.Contains(got, "Cologne") {
		t.Errorf("details of the ringing call read:\n%s", got)
	}
	b.push(t, 3*time.Second, caller.answer("live", marcus))
	q.until(t, "the details say who answered", func() bool {
		return strings.Contains(texts(w.details.content), "On the phone with Marcus Satt")
	})
	if w.selected != w.page.rows[0].ID || w.page.rows[0].Status != calls.StatusActive {
		t.Errorf("selection moved to %d, or the row is %s", w.selected, w.page.rows[0].Status)
	}
}

func TestCallsDetailsAnonymousHasNoActions(t *testing.T) {
	b := newBackend(t)
	seed(t, b)
	w, _ := openCalls(t, b)
	w.list.Select(1)
	d := w.details
	if !d.contact.Disabled() || !d.copy.Disabled() || !d.callBack.Disabled() || !d.block.Disabled() {
		t.Error("a withheld number offers actions")
	}
	w.list.UnselectAll()
	w.selected = 0
	d.clear()
	if !d.actions.Hidden || d.hint.Hidden {
		t.Error("with nothing selected the actions show, or the hint does not")
	}
}
