package team

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/whoiscalling/whoiscalling/app/calls"
)

var tokenCases = []struct{ in, want string }{
	{"123456789", "123456789"},
	{"abc-DEF_9", "abc-DEF_9"},
	{"a.b", "a=2Eb"},
	{"+4921112345", "=2B4921112345"},
	{"x*y>z", "x=2Ay=3Ez"},
	{"=", "=3D"},
	{"", "="},
	{"a b\tc", "a=20b=09c"},
	{"ü", "=C3=BC"},
}

// validToken is a NATS subject token and key-value key character set.
var validToken = regexp.MustCompile(`^[A-Za-z0-9_=-]+$`)

func TestEscapeToken(t *testing.T) {
	for _, tc := range tokenCases {
		if got := escapeToken(tc.in); got != tc.want {
			t.Errorf("escapeToken(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got, ok := unescapeToken(tc.want); !ok || got != tc.in {
			t.Errorf("unescapeToken(%q) = %q, %v; want %q", tc.want, got, ok, tc.in)
		}
	}
	for _, bad := range []string{"=2", "=ZZ", "=2e", "a=", "=2B="} {
		if got, ok := unescapeToken(bad); ok {
			t.Errorf("unescapeToken(%q) = %q, true; want false", bad, got)
		}
	}
}

func FuzzEscapeToken(f *testing.F) {
	for _, tc := range tokenCases {
		f.Add(tc.in)
		f.Add(tc.want)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tok := escapeToken(s)
		if !validToken.MatchString(tok) {
			t.Fatalf("escapeToken(%q) = %q, not a valid subject token", s, tok)
		}
		if back, ok := unescapeToken(tok); !ok || back != s {
			t.Fatalf("unescapeToken(escapeToken(%q)) = %q, %v", s, back, ok)
		}
		if back, ok := unescapeToken(s); ok && escapeToken(back) != s {
			t.Fatalf("unescapeToken(%q) = %q, which escapes to something else", s, back)
		}
	})
}

func TestNames(t *testing.T) {
	n := names{team: "office"}
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := calls.Call{Legs: []calls.Leg{{CallID: "12.34", StartedAt: at}, {CallID: "99", StartedAt: at}}, Version: 7}
	for _, tc := range []struct{ got, want string }{
		{n.stream(), "WHOISCALLING_office"},
		{n.callsFilter(), "whoiscalling.office.calls.>"},
		{n.subject(c.Key()), "whoiscalling.office.calls.12=2E34"},
		{n.bucket("claims"), "whoiscalling_office_claims"},
		{msgID(c.Key(), c.Version), "12.34:7"},
		{calls.Call{}.Key(), ""},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestInstanceIDIsKept(t *testing.T) {
	dir := t.TempDir()
	first, err := instanceID(dir, "Anna's MacBook.local")
	if err != nil || !regexp.MustCompile(`^annasmacbooklocal-[0-9a-f]{8}$`).MatchString(first) {
		t.Fatalf("instanceID = %q, %v", first, err)
	}
	if st, err := os.Stat(filepath.Join(dir, instanceFile)); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("instance file: %v, mode %v; want 0600", err, st.Mode().Perm())
	}
	again, err := instanceID(dir, "other-host")
	if err != nil || again != first {
		t.Errorf("second instanceID = %q, %v; want the kept %q", again, err, first)
	}
}
