package autostart

import (
	"slices"
	"testing"
)

// execTests are arguments and how they stand in the desktop file (both
// quoting layers applied).
var execTests = []struct{ arg, want string }{
	{"/usr/bin/whoiscalling", `/usr/bin/whoiscalling`},
	{"/home/ana/My Apps/whoiscalling", `"/home/ana/My Apps/whoiscalling"`},
	{"/opt/100%/whoiscalling", `/opt/100%%/whoiscalling`},
	{"/opt/$HOME/w", `"/opt/\\$HOME/w"`},
	{`/opt/a"b/w`, `"/opt/a\\"b/w"`},
	{"/opt/a`b`/w", "\"/opt/a\\\\`b\\\\`/w\""},
	{`/opt/back\slash/w`, `"/opt/back\\\\slash/w"`},
	{"/opt/tab\there/w", `"/opt/tab\there/w"`},
	{"/opt/new\nline/w", `"/opt/new\nline/w"`},
	{"/opt/~ana/w", `"/opt/~ana/w"`},
	{"/opt/a;b&c|d/w", `"/opt/a;b&c|d/w"`},
	{"/opt/ä ö/w", `"/opt/ä ö/w"`},
	{"", `""`},
}

func TestExecQuoting(t *testing.T) {
	for _, tt := range execTests {
		if got := escapeValue(quoteArg(tt.arg)); got != tt.want {
			t.Errorf("escapeValue(quoteArg(%q)) = %s, want %s", tt.arg, got, tt.want)
		}
	}
}

func FuzzExecRoundTrip(f *testing.F) {
	for _, tt := range execTests {
		f.Add(tt.arg, "--data-dir")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		args := []string{a, b}
		line := escapeValue(execLine(args))
		got, err := splitExec(unescapeValue(line))
		if err != nil || !slices.Equal(got, args) {
			t.Errorf("splitExec(unescapeValue(%q)) = %q, %v, want %q", line, got, err, args)
		}
	})
}

func TestWinQuote(t *testing.T) {
	tests := []struct{ arg, want string }{
		{"--data-dir", `--data-dir`},
		{`C:\calls`, `C:\calls`},
		{`C:\My Calls`, `"C:\My Calls"`},
		{`C:\My Calls\`, `"C:\My Calls\\"`},
		{`say "hi"`, `"say \"hi\""`},
		{`a\"b`, `"a\\\"b"`},
		{"", `""`},
	}
	for _, tt := range tests {
		if got := winQuote(tt.arg); got != tt.want {
			t.Errorf("winQuote(%q) = %s, want %s", tt.arg, got, tt.want)
		}
	}
}

func TestFirstWinArg(t *testing.T) {
	tests := []struct{ cmd, want string }{
		{`"C:\Program Files\w.exe" --x`, `C:\Program Files\w.exe`},
		{`C:\w.exe --x`, `C:\w.exe`},
		{`  "C:\w.exe"`, `C:\w.exe`},
		{`C:\w.exe`, `C:\w.exe`},
		{``, ``},
	}
	for _, tt := range tests {
		if got := firstWinArg(tt.cmd); got != tt.want {
			t.Errorf("firstWinArg(%s) = %q, want %q", tt.cmd, got, tt.want)
		}
	}
}
