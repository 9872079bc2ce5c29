package service

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/config"
	"github.com/whoiscalling/whoiscalling/app/contacts"
	"github.com/whoiscalling/whoiscalling/webhook"
)

func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(60 * time.Second); !cond(); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// teamPair is a receiver (embedded NATS) and a desk in one team.
func teamPair(t *testing.T) (rx, desk *Service) {
	port := freePort(t)
	rx = openTestService(t, map[string]string{config.KeyNATSListen: "127.0.0.1:" + port, config.KeyTeamName: "svc"})
	desk = openTestService(t, map[string]string{config.KeyNATSURL: "nats://127.0.0.1:" + port, config.KeyTeamName: "svc"})
	for _, s := range []*Service{rx, desk} {
		eventually(t, "both desks connected", func() bool { s.teamRunner().refresh(context.Background()); return s.Team().State == "connected" })
	}
	return rx, desk
}

func TestBlockOnADeskRejectsAtTheReceiver(t *testing.T) {
	rx, desk := teamPair(t)
	ctx := context.Background()
	const spam = "+4915712345678"
	c, err := desk.Book.Add(ctx, contacts.Contact{Company: "Spam GmbH", Numbers: []contacts.Number{{Raw: spam}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := desk.Book.SetBlocked(ctx, c.ID, true); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the receiver's book to block the number", func() bool {
		m, ok := rx.Book.Lookup(spam)
		return ok && m.Contact.Blocked
	})
	resp, err := rx.Tracker.Respond(ctx, webhook.Event{Type: webhook.NewCall, Direction: webhook.In, CallID: "spam-1", From: spam, To: "+4921155500123"})
	if err != nil || resp.Reject == "" {
		t.Errorf("the receiver answered the blocked caller with %+v, %v; want a reject", resp, err)
	}
	if err := desk.Book.SetBlocked(ctx, c.ID, false); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the receiver's book to unblock the number", func() bool {
		m, ok := rx.Book.Lookup(spam)
		return ok && !m.Contact.Blocked
	})
}

func TestClaimCallFirstWins(t *testing.T) {
	rx, desk := teamPair(t)
	ctx := context.Background()
	for _, ev := range []webhook.Event{
		{Type: webhook.NewCall, Direction: webhook.In, CallID: "claim-1", From: "+4921112345", To: "+4921155500123"},
		{Type: webhook.Hangup, Direction: webhook.In, CallID: "claim-1", From: "+4921112345", To: "+4921155500123", Cause: "cancel"},
	} {
		if _, err := rx.Tracker.Respond(ctx, ev); err != nil {
			t.Fatal(err)
		}
	}
	var onDesk calls.Call
	eventually(t, "the desk to have the missed call", func() bool {
		list, _ := desk.Tracker.Recent(ctx, calls.Query{Limit: 5})
		if len(list) == 1 && list[0].Status == calls.StatusMissed {
			onDesk = list[0]
			return true
		}
		return false
	})
	if _, err := desk.ClaimCall(ctx, onDesk.ID, "Anna"); err != nil {
		t.Fatalf("ClaimCall on the desk = %v", err)
	}
	rxCall, _ := rx.Tracker.Recent(ctx, calls.Query{Limit: 1})
	if _, err := rx.ClaimCall(ctx, rxCall[0].ID, "Ben"); !errors.Is(err, calls.ErrClaimed) {
		t.Errorf("a second claim = %v, want calls.ErrClaimed", err)
	}
	if _, err := desk.DoneCall(ctx, onDesk.ID); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the receiver to show Anna's claim done", func() bool {
		c, _ := rx.Tracker.Get(ctx, rxCall[0].ID)
		return c.ClaimedBy == "Anna" && c.DoneAt != nil
	})
}

func TestBadTeamSettingKeepsTheAppAlone(t *testing.T) {
	svc := openTestService(t, map[string]string{config.KeyNATSURL: "http://nats.example"})
	st := svc.Team()
	if !st.On || st.Running || !IsConfigError(svc.TeamError()) {
		t.Fatalf("Team() = %+v, TeamError %v; want on, not running, a config error", st, svc.TeamError())
	}
	if !reachable(svc.Status().Addr) {
		t.Error("the listener must keep working without the team")
	}
}
