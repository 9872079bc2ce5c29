package autostart

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// fakeRegistry is HKEY_CURRENT_USER as a map: key → value name → string
// or []byte.
type fakeRegistry map[string]map[string]any

func (f fakeRegistry) String(key, name string) (string, bool, error) {
	s, ok := f[key][name].(string)
	return s, ok, nil
}

func (f fakeRegistry) Binary(key, name string) ([]byte, bool, error) {
	b, ok := f[key][name].([]byte)
	return b, ok, nil
}

func (f fakeRegistry) SetString(key, name, value string) error {
	if f[key] == nil {
		f[key] = map[string]any{}
	}
	f[key][name] = value
	return nil
}

func (f fakeRegistry) Delete(key, name string) error {
	delete(f[key], name)
	return nil
}

// newTest returns an Autostart for goos with a temporary home (and
// configDir = home/.config) and, for windows, a fake registry.
func newTest(t *testing.T, goos string, e Entry) (*Autostart, fakeRegistry) {
	t.Helper()
	home := t.TempDir()
	return newIn(goos, home, e)
}

// newIn is newTest for a given home, to put two entries in one place.
func newIn(goos, home string, e Entry) (*Autostart, fakeRegistry) {
	a := NewFor(goos, home, filepath.Join(home, ".config"), e)
	reg := fakeRegistry{}
	a.reg = reg
	return a, reg
}

// entry is a typical Entry with the given executable.
func entry(exe string, args ...string) Entry {
	return Entry{
		Name:    "whoiscalling",
		Comment: "See who is calling on your sipgate phone",
		Exec:    exe,
		Args:    args,
		Icon:    "io.github.whoiscalling",
	}
}

// mustEnabled fails the test unless a.Enabled() is want.
func mustEnabled(t *testing.T, a *Autostart, want bool) {
	t.Helper()
	got, err := a.Enabled()
	if err != nil || got != want {
		t.Fatalf("Enabled() = %v, %v, want %v, nil", got, err, want)
	}
}

// validate runs desktop-file-validate on path and fails on any output.
// Without the tool it skips, unless $CI is set.
func validate(t *testing.T, path string) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("desktop-file-validate is a Linux tool")
	}
	tool, err := exec.LookPath("desktop-file-validate")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("desktop-file-validate is missing in CI: apt-get install desktop-file-utils")
		}
		t.Skip("desktop-file-validate not installed (apt-get install desktop-file-utils); with $CI set this fails")
	}
	out, err := exec.Command(tool, path).CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("desktop-file-validate %s = %v:\n%s", path, err, out)
	}
}
