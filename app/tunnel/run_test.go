package tunnel

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestRunStopsOnWhatRetryingCannotFix(t *testing.T) {
	dataDir := t.TempDir()
	tests := []struct {
		name    string
		opts    Options
		wantErr string // "" for nil
		want    State
	}{
		{"off", Options{}, "", Off{}},
		{"off by name", Options{Mode: ModeOff, LocalAddr: "bad"}, "", Off{}},
		{"unknown mode", Options{Mode: "ngrok"}, `TUNNEL="ngrok" is not a tunnel mode`, nil},
		{"cloudflared missing", Options{Mode: ModeCloudflared, LocalAddr: "127.0.0.1:8080",
			Cloudflared: "whoiscalling-test-no-such-program"}, "whoiscalling-test-no-such-program is not installed", nil},
		{"listener address without port", Options{Mode: ModeLocalhostRun, LocalAddr: "127.0.0.1",
			DataDir: dataDir}, `the webhook listener address "127.0.0.1" is not host:port`, nil},
		{"no data dir", Options{Mode: ModeLocalhostRun, LocalAddr: "127.0.0.1:8080"},
			"no data dir", nil},
		{"bad pinned key", Options{Mode: ModeLocalhostRun, LocalAddr: "127.0.0.1:8080", DataDir: dataDir,
			PinnedKeys: []string{"localhost.run ssh-ed25519 not-base64"}}, "pinned tunnel key", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var states []State
			tc.opts.OnState = func(s State) { states = append(states, s) }
			tun := New(tc.opts)
			err := tun.Run(context.Background())
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("Run = %v, want nil", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("Run = %v, want an error containing %q", err, tc.wantErr)
			}
			want := tc.want
			if want == nil {
				want = Failed{Err: err}
			}
			if got := tun.State(); got != want {
				t.Errorf("State() = %v, want %v", got, want)
			}
			if len(states) == 0 || states[len(states)-1] != want {
				t.Errorf("OnState heard %v, want it to end with %v", states, want)
			}
		})
	}
}

func TestNotInstalledIsTyped(t *testing.T) {
	tun := New(Options{Mode: ModeCloudflared, LocalAddr: "127.0.0.1:8080", Cloudflared: "whoiscalling-test-no-such-program"})
	err := tun.Run(context.Background())
	var ni *NotInstalledError
	if !errors.As(err, &ni) || ni.Program != "whoiscalling-test-no-such-program" {
		t.Fatalf("Run = %#v, want a *NotInstalledError for the program", err)
	}
}

func TestModeParsing(t *testing.T) {
	for _, tc := range modeCases {
		got, err := ParseMode(tc.in)
		if tc.ok != (err == nil) || got != tc.want {
			t.Errorf("ParseMode(%q) = %q, %v; want %q, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
		var me *ModeError
		if err != nil && (!errors.As(err, &me) || me.Value != tc.in) {
			t.Errorf("ParseMode(%q) error = %#v, want a *ModeError with the value", tc.in, err)
		}
	}
}

var modeCases = []struct {
	in   string
	want Mode
	ok   bool
}{
	{"", ModeOff, true},
	{"off", ModeOff, true},
	{" OFF ", ModeOff, true},
	{"localhost.run", ModeLocalhostRun, true},
	{"Localhost.Run", ModeLocalhostRun, true},
	{"cloudflared", ModeCloudflared, true},
	{"ngrok", ModeOff, false},
	{"localhost", ModeOff, false},
	{"on", ModeOff, false},
}

func FuzzParseMode(f *testing.F) {
	for _, tc := range modeCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		m, err := ParseMode(in)
		if err != nil {
			if m != ModeOff || !strings.Contains(err.Error(), "use off, localhost.run or cloudflared") {
				t.Errorf("ParseMode(%q) = %q, %v", in, m, err)
			}
			return
		}
		if again, err := ParseMode(string(m)); err != nil || again != m {
			t.Errorf("ParseMode(%q) = %q, which parses back as %q, %v", in, m, again, err)
		}
	})
}
