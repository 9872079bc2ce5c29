package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestAutostartCommand(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the XDG autostart entry is Linux's")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	exe := filepath.Join(home, "bin", "whoiscalling")
	os.MkdirAll(filepath.Dir(exe), 0o755)
	os.WriteFile(exe, []byte("#!/bin/sh\n"), 0o755)
	entry := filepath.Join(home, ".config", "autostart", "io.github.whoiscalling.desktop")
	runAuto := func(args ...string) (int, string) {
		var out bytes.Buffer
		env := Env{Stdout: &out, Stderr: &out, Executable: func() (string, error) { return exe, nil }}.Defaults()
		return Run(context.Background(), env, append([]string{"autostart"}, args...)), out.String()
	}
	code, out := runAuto("on", "--data-dir", filepath.Join(home, "data"))
	b, err := os.ReadFile(entry)
	if code != 0 || err != nil || !strings.Contains(out, "starts at login") {
		t.Fatalf("autostart on = %d, %q; entry %v", code, out, err)
	}
	if !strings.Contains(string(b), exe) || !strings.Contains(string(b), "--data-dir") {
		t.Errorf("entry = %q, want Exec with %s and --data-dir", b, exe)
	}
	if code, out := runAuto("off"); code != 0 || !strings.Contains(out, "no longer") {
		t.Errorf("autostart off = %d, %q", code, out)
	}
	if _, err := os.Stat(entry); !os.IsNotExist(err) {
		t.Errorf("the entry is still there after off: %v", err)
	}
	if code, _ := runAuto("maybe"); code != 2 {
		t.Errorf("autostart maybe = %d, want 2", code)
	}
}
