package config

import "testing"

func TestUnknownKeysNameTheClosest(t *testing.T) {
	got := UnknownKeys(SourceDotEnv, map[string]string{
		"WEBHOOK_SERVER_PROT": "8080", "SIPGATE_TOKENID": "x", "notify_missed": "true",
		"WEBHOOK_SERVER_PORT": "8080", "TUNEL": "off",
	})
	want := map[string]string{"WEBHOOK_SERVER_PROT": "WEBHOOK_SERVER_PORT", "SIPGATE_TOKENID": "SIPGATE_TOKEN_ID",
		"notify_missed": "NOTIFY_MISSED", "TUNEL": "TUNNEL"}
	if len(got) != len(want) {
		t.Fatalf("UnknownKeys = %v, want %d", got, len(want))
	}
	for _, u := range got {
		if want[u.Key] != u.Closest || u.Source != SourceDotEnv {
			t.Errorf("%s: closest %s, want %s", u.Key, u.Closest, want[u.Key])
		}
	}
	if s := got[0].Error(); s != "SIPGATE_TOKENID in .env is not a whoiscalling setting and is ignored: did you mean SIPGATE_TOKEN_ID?" {
		t.Errorf("sentence = %q", s)
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"A", "", 1}, {"KITTEN", "SITTING", 3}, {"PORT", "PROT", 2}, {"SAME", "SAME", 0}} {
		if got := distance(tc.a, tc.b); got != tc.d {
			t.Errorf("distance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.d)
		}
	}
}
