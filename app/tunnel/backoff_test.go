package tunnel

import (
	"strings"
	"testing"
	"time"
)

func TestBackoffDoublesToTheCapAndResets(t *testing.T) {
	b := newBackoff(time.Second, time.Minute)
	want := []time.Duration{1, 2, 4, 8, 16, 32, 60, 60}
	for i, w := range want {
		if got := b.wait(); got != w*time.Second {
			t.Errorf("wait #%d = %v, want %v", i+1, got, w*time.Second)
		}
	}
	b.reset()
	if got := b.wait(); got != time.Second {
		t.Errorf("wait after reset = %v, want 1s", got)
	}
}

func TestDefaultOptions(t *testing.T) {
	o := Options{}.withDefaults()
	if o.Mode != ModeOff || o.SSHHost != "localhost.run:22" || o.MinBackoff != time.Second ||
		o.MaxBackoff != time.Minute || o.Cloudflared != "cloudflared" || o.Logger == nil {
		t.Errorf("defaults = %+v", o)
	}
	if w := NewWatchdog(WatchdogOptions{}); w.opts.Interval != 10*time.Minute {
		t.Errorf("watchdog interval = %v, want 10m", w.opts.Interval)
	}
}

func TestAddresses(t *testing.T) {
	for _, tc := range []struct{ in, ssh, local string }{
		{"localhost.run", "localhost.run:22", ""},
		{"localhost.run:22", "localhost.run:22", "localhost.run:22"},
		{"127.0.0.1:2222", "127.0.0.1:2222", "127.0.0.1:2222"},
		{"0.0.0.0:8080", "0.0.0.0:8080", "127.0.0.1:8080"},
		{":8080", ":8080", "127.0.0.1:8080"},
		{"[::]:8080", "[::]:8080", "[::1]:8080"},
		{"[::1]:8080", "[::1]:8080", "[::1]:8080"},
	} {
		if got := sshAddr(tc.in); got != tc.ssh {
			t.Errorf("sshAddr(%q) = %q, want %q", tc.in, got, tc.ssh)
		}
		got, err := localDialAddr(tc.in)
		if got != tc.local || (err != nil) != (tc.local == "") {
			t.Errorf("localDialAddr(%q) = %q, %v; want %q", tc.in, got, err, tc.local)
		}
	}
}

func TestLineWriterSplitsLines(t *testing.T) {
	var lines []string
	w := &lineWriter{line: func(s string) { lines = append(lines, s) }}
	for _, chunk := range []string{"first li", "ne\r\nsecond\n", "thi", "rd\npartial"} {
		if n, err := w.Write([]byte(chunk)); n != len(chunk) || err != nil {
			t.Fatalf("Write(%q) = %d, %v", chunk, n, err)
		}
	}
	want := []string{"first line", "second", "third"}
	if len(lines) != len(want) {
		t.Fatalf("lines = %q, want %q", lines, want)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d = %q, want %q", i, lines[i], want[i])
		}
	}
}

func TestLineWriterCutsLongLines(t *testing.T) {
	var lines []string
	w := &lineWriter{line: func(s string) { lines = append(lines, s) }}
	long := strings.Repeat("x", maxLine+10)
	_, _ = w.Write([]byte(long + "\n"))
	if len(lines) != 2 || len(lines[0]) != maxLine || lines[1] != strings.Repeat("x", 10) {
		t.Errorf("a %d-byte line came out as %d lines", len(long), len(lines))
	}
}
