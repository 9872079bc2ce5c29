package i18n

import (
	"strings"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
	"github.com/whoiscalling/whoiscalling/app/phone"
	"github.com/whoiscalling/whoiscalling/webhook"
)

func TestAgo(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	for d, want := range map[time.Duration]string{
		10 * time.Second: "just now", 2 * time.Minute: "2 min ago", 3 * time.Hour: "3 h ago",
		30 * time.Hour: "yesterday", 100 * time.Hour: "4 days ago",
	} {
		if got := Ago(now, now.Add(-d)); got != want {
			t.Errorf("Ago(now-%v) = %q, want %q", d, got, want)
		}
	}
}

func TestDuration(t *testing.T) {
	for sec, want := range map[int]string{-3: "0:00", 0: "0:00", 42: "0:42", 187: "3:07", 3723: "1:02:03"} {
		if got := Duration(sec); got != want {
			t.Errorf("Duration(%d) = %q, want %q", sec, got, want)
		}
	}
}

var cleanTests = []struct{ in, want string }{
	{"Anna Mayer", "Anna Mayer"},
	{"Düsseldorf · 東京", "Düsseldorf · 東京"},
	{"\x1b]8;;http://evil\x07click\x1b]8;;\x07", "]8;;http://evilclick]8;;"},
	{"\x1b[2J\x1b[31mred", "[2J[31mred"},
	{"bell\x07 nul\x00 del\x7f", "bell nul del"},
	{"two\nlines\r\nhere\ttab", "two lines  here tab"},
	{"evil\u202Egnp.exe", "evilgnp.exe"},
	{"iso\u2066late\u2069 mark\u200F", "isolate mark"},
	{"c1\u009bcontrol", "c1control"},
	{"bad \xff utf8", "bad  utf8"},
}

func TestClean(t *testing.T) {
	for _, tt := range cleanTests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, tt := range cleanTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Clean(s)
		for _, r := range got {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) {
				t.Fatalf("Clean(%q) = %q keeps %U", s, got, r)
			}
		}
		if Clean(got) != got {
			t.Fatalf("Clean is not idempotent on %q", s)
		}
	})
}

func TestPartyOf(t *testing.T) {
	tests := []struct {
		name      string
		c         calls.Call
		title     string
		anonymous bool
	}{
		{"known contact", calls.Call{Direction: calls.In, From: "+492111234567", Contact: "Anna\x1b[2J Mayer", Company: "ACME"}, "Anna[2J Mayer", false},
		{"unknown", calls.Call{Direction: calls.In, From: "+492111234567"}, "0211 1234567", false},
		{"anonymous", calls.Call{Direction: calls.In, From: webhook.Anonymous}, "Anonymous caller", true},
		{"outgoing names the callee", calls.Call{Direction: calls.Out, From: "+492111234567", To: "+4930123456"}, "030 123456", false},
		{"company only", calls.Call{Direction: calls.In, From: "+492111234567", Company: "ACME"}, "ACME", false},
	}
	for _, tt := range tests {
		p := PartyOf(tt.c, "DE")
		if p.Title() != tt.title || p.Anonymous() != tt.anonymous {
			t.Errorf("PartyOf(%s).Title() = %q, anonymous %v; want %q, %v", tt.name, p.Title(), p.Anonymous(), tt.title, tt.anonymous)
		}
	}
	if p := PartyOf(calls.Call{Direction: calls.In, From: "+492111234567"}, "DE"); !strings.Contains(p.Place, "Düsseldorf") {
		t.Errorf("unknown Düsseldorf number: Place = %q, want the city and line type", p.Place)
	}
	// A place kept with the call is shown as it is (cleaned), with the
	// line type, not looked up again.
	stored := calls.Call{Direction: calls.In, From: "+492111234567", Place: "Kö\x1b[31mnigsallee"}
	if p := PartyOf(stored, "DE"); p.Place != "Kö[31mnigsallee · fixed line" {
		t.Errorf("stored place: Place = %q, want %q", p.Place, "Kö[31mnigsallee · fixed line")
	}
	if p := PartyOf(calls.Call{Direction: calls.In, From: "+492111234567", Contact: "Anna", Place: "Oslo"}, "DE"); p.Place != "" {
		t.Errorf("a known contact's Place = %q, want none (the contact's city is shown)", p.Place)
	}
}

func TestEveryLineTypeHasWords(t *testing.T) {
	for _, lt := range []phone.LineType{phone.LineFixed, phone.LineMobile, phone.LineFixedOrMobile, phone.LineTollFree,
		phone.LinePremiumRate, phone.LineSharedCost, phone.LineVoIP, phone.LinePersonal, phone.LinePager,
		phone.LineCompany, phone.LineVoicemail} {
		if w := LineType(lt); w == "" || w == string(lt) && strings.Contains(w, "_") {
			t.Errorf("LineType(%q) = %q, want words", lt, w)
		}
	}
	if LineType(phone.LineUnknown) != "" {
		t.Errorf("LineType(unknown) = %q, want empty", LineType(phone.LineUnknown))
	}
}

func TestEveryRefusalHasWords(t *testing.T) {
	for _, r := range webhook.Reasons() {
		got := Refused(webhook.Stats{Rejected: 3, LastReason: r})
		if !strings.HasPrefix(got, "3 refused: ") || strings.TrimPrefix(got, "3 refused: ") == "" {
			t.Errorf("Refused(3, %v) = %q", r, got)
		}
	}
	if got := Refused(webhook.Stats{}); got != "" {
		t.Errorf("Refused(none) = %q, want empty", got)
	}
}

func TestListenSentences(t *testing.T) {
	for _, tt := range []struct {
		e    *webhook.ListenError
		want string
	}{
		{&webhook.ListenError{Kind: webhook.ListenPortInUse, Addr: "127.0.0.1:8080", Port: 8080}, "Port 8080 is already in use"},
		{&webhook.ListenError{Kind: webhook.ListenPrivileged, Addr: "127.0.0.1:80", Port: 80}, "needs privileges"},
		{&webhook.ListenError{Kind: webhook.ListenAddrNotAvailable, Addr: "10.9.9.9:8080", Port: 8080}, "not an address of this computer"},
	} {
		if got := Error(tt.e); !strings.Contains(got, tt.want) {
			t.Errorf("Error(%v) = %q, want it to say %q", tt.e.Kind, got, tt.want)
		}
	}
}
