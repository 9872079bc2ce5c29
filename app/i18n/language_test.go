package i18n

import (
	"strings"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/phone"
	"github.com/whoiscalling/whoiscalling/webhook"
)

// in runs f with the language set to code, and back to English after.
func in(t *testing.T, code string, f func()) {
	t.Helper()
	if err := SetLanguage(code); err != nil {
		t.Fatal(err)
	}
	defer SetLanguage("en")
	f()
}

func TestGermanWords(t *testing.T) {
	at := time.Date(2026, 11, 30, 13, 13, 5, 0, time.Local)
	now := at.Add(3 * time.Minute)
	in(t, "de", func() {
		for _, tt := range []struct{ got, want string }{
			{DayTime(at), "Mo., 30. Nov., 13:13"},
			{Stamp(at), "Mo., 30. Nov. 2026, 13:13:05"},
			{Ago(now, at), "vor 3 Min."},
			{Ago(now, at.Add(-30*time.Hour)), "gestern"},
			{Status(calls.Call{Status: calls.StatusMissed}), "Verpasst"},
			{LineType(phone.LineMobile), "Mobilfunk"},
			{Cause("busy"), "besetzt (busy)"},
			{PartyOf(calls.Call{Direction: calls.In, From: webhook.Anonymous}, "DE").Title(), "Anonymer Anrufer"},
			{N("{{.N}} calls", 1), "1 Anruf"},
			{N("{{.N}} calls", 5), "5 Anrufe"},
			{Refused(webhook.Stats{Rejected: 2, LastReason: webhook.ReasonBadSignature}), "2 abgewiesen: falsche Signatur"},
		} {
			if tt.got != tt.want {
				t.Errorf("German: got %q, want %q", tt.got, tt.want)
			}
		}
		if got := Error(&webhook.ListenError{Kind: webhook.ListenPortInUse, Addr: "127.0.0.1:8080", Port: 8080}); !strings.HasPrefix(got, "Port 8080 ist schon belegt") {
			t.Errorf("German listen error = %q", got)
		}
		_, err := phone.Parse("0171 1", "DE")
		if got := Error(err); !strings.Contains(got, `"0171 1" ist zu kurz für eine Nummer aus Deutschland`) {
			t.Errorf("German phone error = %q", got)
		}
	})
	if got := DayTime(at); got != "Mon 30 Nov, 13:13" {
		t.Errorf("English DayTime = %q, want Mon 30 Nov, 13:13", got)
	}
	if got := N("{{.N}} calls", 1); got != "1 call" {
		t.Errorf("English N(1) = %q, want 1 call", got)
	}
	_, err := phone.Parse("0171 1", "DE")
	if got := Error(err); got != err.Error() {
		t.Errorf("English phone error = %q, want the phone package's %q", got, err.Error())
	}
}

func TestSetLanguage(t *testing.T) {
	defer SetLanguage("en")
	for _, tt := range []struct {
		code, want string
		ok         bool
	}{{"de", "de", true}, {" EN ", "en", true}, {"auto", system, true}, {"", system, true}, {"fr", "", false}} {
		err := SetLanguage(tt.code)
		if (err == nil) != tt.ok || (tt.ok && Language() != tt.want) {
			t.Errorf("SetLanguage(%q) = %v, Language() = %q; want ok %v, %q", tt.code, err, Language(), tt.ok, tt.want)
		}
	}
}

func TestMissingPlaceholderDataLeavesTheText(t *testing.T) {
	if got := T("Listening on {{.Addr}}"); got != "Listening on {{.Addr}}" {
		t.Errorf("T without data = %q, want the text as it is", got)
	}
}
