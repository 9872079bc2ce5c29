package calls_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/webhook"
)

func TestRespondWithoutPublicURL(t *testing.T) {
	tests := []struct {
		body string
		want webhook.Response
	}{
		{erika.newCall(legA, legA, anna), webhook.Response{}},
		{spammer.newCall(legB, legB, anna), webhook.Response{Reject: webhook.BusyTone}},
		{"event=dtmf&dtmf=0815&callId=" + legA, webhook.Response{}},
	}
	tr := newTracker(t, newClock(), calls.Options{})
	for _, tt := range tests {
		if got := respond(t, tr, tt.body); got != tt.want {
			t.Errorf("Respond(%s) = %+v, want %+v", tt.body, got, tt.want)
		}
	}
}

// TestRespondIgnoresWhatItCannotTrack: dtmf and a push without callId
// store nothing.
func TestRespondIgnoresWhatItCannotTrack(t *testing.T) {
	tr := newTracker(t, newClock(), calls.Options{PublicURL: hook})
	for _, b := range []string{"event=dtmf&dtmf=1&callId=123456", "event=hangup&cause=cancel", "event=newCall&direction=in&from=4921112345"} {
		if got := respond(t, tr, b); got != (webhook.Response{}) {
			t.Errorf("Respond(%s) = %+v, want the zero Response", b, got)
		}
	}
	if got, err := tr.Recent(context.Background(), calls.Query{}); err != nil || len(got) != 0 {
		t.Errorf("Recent() = %d calls, %v, want none", len(got), err)
	}
}

func TestRespondAfterClose(t *testing.T) {
	tr := newTracker(t, newClock(), calls.Options{})
	tr.Close()
	ev, _ := webhook.ParseBody([]byte(erika.newCall(legA, legA, anna)))
	if _, err := tr.Respond(context.Background(), ev); !errors.Is(err, calls.ErrClosed) {
		t.Errorf("Respond after Close = %v, want ErrClosed", err)
	}
}

// TestConcurrentWebhooks: many webhooks at once, all stored, each call
// once with its outcome.
func TestConcurrentWebhooks(t *testing.T) {
	tr := newTracker(t, newClock(), calls.Options{})
	const n = 64
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			id := fmt.Sprint("par", i)
			for _, b := range []string{erika.newCall(id, id, anna), erika.hangup(id, id, "cancel")} {
				ev, _ := webhook.ParseBody([]byte(b))
				if _, err := tr.Respond(context.Background(), ev); err != nil {
					t.Errorf("Respond(%s) = %v", id, err)
				}
			}
		})
	}
	wg.Wait()
	got, err := tr.Recent(context.Background(), calls.Query{Limit: 2 * n})
	if err != nil || len(got) != n {
		t.Fatalf("Recent() = %d calls, %v, want %d", len(got), err, n)
	}
	for _, c := range got {
		if c.Status != calls.StatusMissed {
			t.Errorf("call %d status = %s, want missed", c.ID, c.Status)
		}
	}
}

// TestCallJSON checks the contract of `calls --json`.
func TestCallJSON(t *testing.T) {
	want := []string{"id", "direction", "from", "to", "contact", "company", "users", "answered_by",
		"status", "cause", "started_at", "answered_at", "ended_at", "duration_seconds", "legs"}
	tests := []struct {
		name string
		call calls.Call
		null []string
	}{
		{"ringing", scenarioNamed(t, "a call still ringing").wantCall(), []string{"answered_at", "ended_at"}},
		{"answered", scenarioNamed(t, "answered with a duration").wantCall(), nil},
	}
	for _, tt := range tests {
		var m map[string]any
		b, _ := json.Marshal(tt.call)
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("json.Marshal(%s) = %s: %v", tt.name, b, err)
		}
		for _, k := range want {
			v, ok := m[k]
			if !ok || (v == nil) != slices.Contains(tt.null, k) {
				t.Errorf("json.Marshal(%s)[%q] = %v, %v; want present, null only for %v", tt.name, k, v, ok, tt.null)
			}
		}
		if s, _ := m["started_at"].(string); !strings.HasSuffix(s, "Z") {
			t.Errorf("json.Marshal(%s) started_at = %q, want RFC 3339 UTC", tt.name, s)
		}
	}
}

func scenarioNamed(t *testing.T, name string) scenario {
	t.Helper()
	for _, sc := range scenarios {
		if sc.name == name {
			return sc
		}
	}
	t.Fatalf("no scenario %q", name)
	return scenario{}
}

func TestSetPublicURL(t *testing.T) {
	tr := newTracker(t, newClock(), calls.Options{})
	if got := respond(t, tr, erika.newCall(legA, legA, anna)); got != (webhook.Response{}) {
		t.Fatalf("Respond before SetPublicURL = %+v, want no subscription", got)
	}
	tr.SetPublicURL(hook)
	want := webhook.Response{OnAnswer: hook, OnHangup: hook}
	if got := respond(t, tr, erika.newCall(legB, legB, anna)); got != want {
		t.Errorf("Respond after SetPublicURL(%q) = %+v, want %+v", hook, got, want)
	}
}

func TestParty(t *testing.T) {
	for _, tc := range []struct {
		c    calls.Call
		want string
	}{
		{calls.Call{Direction: "in", From: "+4921112345", To: "+4921155500123"}, "+4921112345"},
		{calls.Call{Direction: "out", From: "+4921155500123", To: "+4722123456"}, "+4722123456"},
		{calls.Call{Direction: "in", From: "anonymous", To: "+4921155500123"}, "anonymous"},
	} {
		if got := tc.c.Party(); got != tc.want {
			t.Errorf("Party(%s %s→%s) = %q, want %q", tc.c.Direction, tc.c.From, tc.c.To, got, tc.want)
		}
	}
}
