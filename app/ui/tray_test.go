package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/webhook"
)

func labels(m *fyne.Menu) []string {
	var out []string
	for _, it := range m.Items {
		if it.IsSeparator {
			out = append(out, "---")
			continue
		}
		out = append(out, it.Label)
	}
	return out
}

func find(t *testing.T, m *fyne.Menu, prefix string) *fyne.MenuItem {
	t.Helper()
	for _, it := range m.Items {
		if strings.HasPrefix(it.Label, prefix) {
			return it
		}
	}
	t.Fatalf("menu %q has no entry %q", labels(m), prefix)
	return nil
}

func TestStatusLine(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		s    TrayState
		want string
	}{
		{TrayState{Addr: "127.0.0.1:8080", Listening: true}, "Listening on 127.0.0.1:8080 · no webhook yet"},
		{TrayState{Addr: "127.0.0.1:8080", Listening: true, Webhooks: webhook.Stats{LastAccepted: now.Add(-2 * time.Minute), Rejected: 3, LastReason: webhook.ReasonBadSignature}, Now: now}, "Listening on 127.0.0.1:8080 · last webhook 2 min ago · 3 refused: bad signature"},
		{TrayState{ListenErr: errors.New("port 8080 is already in use")}, "Not listening: port 8080 is already in use"},
		{TrayState{}, "Not listening"},
	} {
		if got := StatusLine(tc.s); got != tc.want {
			t.Errorf("StatusLine(%+v) = %q, want %q", tc.s, got, tc.want)
		}
	}
}

func TestTrayMenu(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	var opened []int64
	var dnd []bool
	quit, test := 0, 0
	var last []calls.Call
	for i := int64(1); i <= 7; i++ {
		last = append(last, calls.Call{ID: i, Direction: calls.In, From: "+4921112345", Status: calls.StatusMissed, StartedAt: now.Add(-time.Duration(i) * time.Minute)})
	}
	last[0].Contact, last[0].Status = "Lisbeth Salander", calls.StatusAnswered
	last[1].From = "anonymous"
	acts := TrayActions{
		OpenCall: func(c calls.Call) { opened = append(opened, c.ID) }, RecentCalls: func() {}, Contacts: func() {}, Settings: func() {},
		DoNotDisturb: func(on bool) { dnd = append(dnd, on) }, TestCall: func() { test++ }, Quit: func() { quit++ },
	}
	m := BuildTrayMenu(TrayState{Addr: "127.0.0.1:8080", Listening: true, LastCalls: last, Region: "DE", Now: now}, acts)
	want := []string{"Listening on 127.0.0.1:8080 · no webhook yet", "---",
		"✓ Lisbeth Salander · 1 min ago", "✗ Anonymous caller · 2 min ago", "✗ 0211 12345 · 3 min ago", "✗ 0211 12345 · 4 min ago", "✗ 0211 12345 · 5 min ago", "---",
		"Recent calls…", "Contacts…", "Settings…", "---", "Do not disturb", "Send test call", "---", "Quit"}
	if got := labels(m); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("menu = %q\nwant   %q", got, want)
	}
	if !m.Items[0].Disabled {
		t.Errorf("the status line is enabled, want it disabled")
	}
	m.Items[3].Action()
	find(t, m, "Do not disturb").Action()
	find(t, m, "Send test call").Action()
	find(t, m, "Quit").Action()
	if len(opened) != 1 || opened[0] != 2 || len(dnd) != 1 || !dnd[0] || test != 1 || quit != 1 {
		t.Errorf("actions: opened %v, dnd %v, test %d, quit %d; want [2], [true], 1, 1", opened, dnd, test, quit)
	}
	if !find(t, m, "Quit").IsQuit {
		t.Errorf("Quit is not marked IsQuit")
	}

	m = BuildTrayMenu(TrayState{ListenErr: errors.New("port 80 needs privileges"), DoNotDisturb: true, Now: now}, acts)
	if it := find(t, m, "Send test call"); !it.Disabled {
		t.Errorf("Send test call is enabled while not listening")
	}
	if it := find(t, m, "Do not disturb"); !it.Checked {
		t.Errorf("Do not disturb is not checked while on")
	}
	find(t, m, "Do not disturb").Action()
	if dnd[len(dnd)-1] {
		t.Errorf("tapping a checked Do not disturb asked for on, want off")
	}
	if it := find(t, m, "No calls yet"); !it.Disabled {
		t.Errorf("\"No calls yet\" is enabled")
	}
	if m := BuildTrayMenu(TrayState{}, TrayActions{}); !find(t, m, "Settings…").Disabled {
		t.Errorf("an entry without an action is enabled")
	}
}
