package autostart

import (
	"os"
	"strings"
	"testing"
)

// An entry for another copy of the program does not count as enabled;
// Enable takes it over.
func TestStaleEntry(t *testing.T) {
	tests := []struct{ goos, old, cur string }{
		{"linux", "/opt/old/whoiscalling", "/home/ana/.local/bin/whoiscalling"},
		{"darwin", "/Users/ana/Downloads/whoiscalling", "/Applications/whoiscalling.app/Contents/MacOS/whoiscalling"},
		{"windows", `C:\Users\Ana\Downloads\whoiscalling.exe`, `C:\Program Files\whoiscalling\whoiscalling.exe`},
	}
	for _, tt := range tests {
		t.Run(tt.goos, func(t *testing.T) {
			home := t.TempDir()
			old, reg := newIn(tt.goos, home, entry(tt.old))
			if err := old.Enable(); err != nil {
				t.Fatal(err)
			}
			cur, _ := newIn(tt.goos, home, entry(tt.cur))
			cur.reg = reg
			mustEnabled(t, cur, false)
			if err := cur.Enable(); err != nil {
				t.Fatal(err)
			}
			mustEnabled(t, cur, true)
			mustEnabled(t, old, false)
		})
	}
}

// The Windows path comparison ignores case, like Windows does.
func TestWindowsPathCase(t *testing.T) {
	a, reg := newTest(t, "windows", entry(`C:\Program Files\whoiscalling\whoiscalling.exe`))
	reg.SetString(runKey, runValue, `"c:\program files\WHOISCALLING\whoiscalling.exe"`)
	mustEnabled(t, a, true)
	reg.SetString(runKey, runValue, `C:\Progra~1\whoiscalling\whoiscalling.exe --x`)
	mustEnabled(t, a, false)
}

// An entry the user switched off in the desktop's settings is off; Enable
// switches it back on.
func TestSwitchedOff(t *testing.T) {
	tests := []struct {
		name string
		goos string
		off  func(a *Autostart, reg fakeRegistry) error
	}{
		{"linux Hidden", "linux", edit("X-GNOME-Autostart-enabled=true", "Hidden=true")},
		{"linux GNOME switch", "linux", edit("X-GNOME-Autostart-enabled=true", "X-GNOME-Autostart-enabled=false")},
		{"darwin Disabled", "darwin", edit("<key>RunAtLoad</key>", "<key>Disabled</key>\n\t<true/>\n\t<key>RunAtLoad</key>")},
		{"darwin not RunAtLoad", "darwin", edit("<key>RunAtLoad</key>\n\t<true/>", "<key>RunAtLoad</key>\n\t<false/>")},
		{"windows Task Manager", "windows", func(_ *Autostart, reg fakeRegistry) error {
			reg[approvedKey] = map[string]any{runValue: []byte{3, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8}}
			return nil
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, reg := newTest(t, tt.goos, entry("/opt/whoiscalling"))
			if err := a.Enable(); err != nil {
				t.Fatal(err)
			}
			if err := tt.off(a, reg); err != nil {
				t.Fatal(err)
			}
			mustEnabled(t, a, false)
			if err := a.Enable(); err != nil {
				t.Fatal(err)
			}
			mustEnabled(t, a, true)
		})
	}
}

// edit replaces old by repl in the entry's file.
func edit(old, repl string) func(*Autostart, fakeRegistry) error {
	return func(a *Autostart, _ fakeRegistry) error {
		data, err := os.ReadFile(a.Path())
		if err != nil {
			return err
		}
		if !strings.Contains(string(data), old) {
			return os.ErrInvalid
		}
		return os.WriteFile(a.Path(), []byte(strings.Replace(string(data), old, repl, 1)), 0o644)
	}
}

// Files that are not entries of ours count as not enabled, not as errors.
func TestForeignFiles(t *testing.T) {
	tests := []struct{ goos, text string }{
		{"linux", ""},
		{"linux", "[Desktop Entry]\nExec=\"/opt/whoiscalling\n"},
		{"linux", "[Other Group]\nExec=/opt/whoiscalling\n"},
		{"darwin", "not xml"},
		{"darwin", "<plist><dict><key>ProgramArguments</key></dict></plist>"},
	}
	for _, tt := range tests {
		a, _ := newTest(t, tt.goos, entry("/opt/whoiscalling"))
		if err := a.writeFile(a.Path(), []byte(tt.text)); err != nil {
			t.Fatal(err)
		}
		if got, err := a.Enabled(); got || err != nil {
			t.Errorf("%s with %q: Enabled() = %v, %v, want false, nil", tt.goos, tt.text, got, err)
		}
	}
}
