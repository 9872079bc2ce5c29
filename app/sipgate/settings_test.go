package sipgate_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/whoiscalling/whoiscalling/app/sipgate"
	"github.com/whoiscalling/whoiscalling/app/sipgate/sipgatefake"
)

func TestWebhookSettings(t *testing.T) {
	_, c, _ := setup(t)
	s, err := c.WebhookSettings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := sipgate.WebhookSettings{IncomingURL: "https://old.example.org/in", Log: true, Whitelist: []string{"w0", "g1"}}
	if s.IncomingURL != want.IncomingURL || s.OutgoingURL != "" || !s.Log || !slices.Equal(s.Whitelist, want.Whitelist) {
		t.Errorf("WebhookSettings = %+v, want %+v", s, want)
	}
}

// SetWebhookURLs must keep log and whitelist exactly, including the
// difference between a whitelist that is off (null) and one that is
// empty ([]).
func TestSetWebhookURLsKeepsLogAndWhitelist(t *testing.T) {
	for _, tc := range []struct {
		name      string
		log       bool
		whitelist []string
		wantWire  string
	}{
		{"list", true, []string{"w0", "g1"}, `["w0","g1"]`},
		{"off", false, nil, `null`},
		{"empty", true, []string{}, `[]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, c, _ := setup(t)
			srv.Update(func(d *sipgatefake.Data) { d.Settings.Log, d.Settings.Whitelist = tc.log, tc.whitelist })
			got, err := c.SetWebhookURLs(context.Background(), "https://new.example.org/in", "https://new.example.org/out")
			if err != nil {
				t.Fatal(err)
			}
			if got.Log != tc.log || !slices.Equal(got.Whitelist, tc.whitelist) || (got.Whitelist == nil) != (tc.whitelist == nil) {
				t.Errorf("returned %+v, want log %v whitelist %#v", got, tc.log, tc.whitelist)
			}
			var body map[string]json.RawMessage
			if err := json.Unmarshal(only(t, srv, "PUT", "/settings/sipgateio").Body, &body); err != nil {
				t.Fatal(err)
			}
			if string(body["whitelist"]) != tc.wantWire || string(body["log"]) != jsonBool(tc.log) ||
				string(body["incomingUrl"]) != `"https://new.example.org/in"` || string(body["outgoingUrl"]) != `"https://new.example.org/out"` {
				t.Errorf("PUT body = %s", fmtBody(body))
			}
			s := srv.Data().Settings
			if s.IncomingURL != "https://new.example.org/in" || s.Log != tc.log || (s.Whitelist == nil) != (tc.whitelist == nil) {
				t.Errorf("stored settings = %+v", s)
			}
		})
	}
}

func jsonBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func fmtBody(m map[string]json.RawMessage) string {
	b, _ := json.Marshal(m)
	return string(b)
}

func TestSetWebhookURLsUnchangedWritesNothing(t *testing.T) {
	srv, c, _ := setup(t)
	if _, err := c.SetWebhookURLs(context.Background(), "https://old.example.org/in", ""); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.RequestsTo("PUT", "/settings/sipgateio")); n != 0 {
		t.Errorf("PUT requests = %d, want 0", n)
	}
}

func TestSetWebhookURLsRejectsBadURL(t *testing.T) {
	srv, c, _ := setup(t)
	for _, u := range []string{"example.org/in", "ftp://example.org", "https://", "::"} {
		if _, err := c.SetWebhookURLs(context.Background(), u, ""); !errors.Is(err, sipgate.ErrInvalidArgument) {
			t.Errorf("SetWebhookURLs(%q) error = %v, want ErrInvalidArgument", u, err)
		}
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("requests = %d, want 0: nothing may be sent for a bad URL", n)
	}
}

func TestSetWebhookURLsNotBooked(t *testing.T) {
	srv, c, _ := setup(t)
	srv.SetBooked(false)
	_, err := c.SetWebhookURLs(context.Background(), "https://new.example.org/in", "")
	var nb *sipgate.NotBookedError
	if !errors.As(err, &nb) || nb.Scope != "settings:sipgateio:read" {
		t.Fatalf("error = %v, want NotBookedError naming settings:sipgateio:read", err)
	}
	if n := len(srv.RequestsTo("PUT", "/settings/sipgateio")); n != 0 {
		t.Errorf("PUT requests = %d, want 0", n)
	}
}
