package autostart

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestLifecycle(t *testing.T) {
	tests := []struct {
		name  string
		goos  string
		entry Entry
		path  string // relative to home; for windows the registry path
		want  string // file contents, or the Run value
	}{
		{
			name:  "linux",
			goos:  "linux",
			entry: entry("/usr/local/bin/whoiscalling"),
			path:  ".config/autostart/io.github.whoiscalling.desktop",
			want: "[Desktop Entry]\nType=Application\nName=whoiscalling\n" +
				"Comment=See who is calling on your sipgate phone\nExec=/usr/local/bin/whoiscalling\n" +
				"Icon=io.github.whoiscalling\nTerminal=false\nX-GNOME-Autostart-enabled=true\n",
		},
		{
			name:  "linux path with spaces and args",
			goos:  "linux",
			entry: entry("/home/ana/My Apps/whoiscalling", "--data-dir", "/home/ana/calls 2025"),
			path:  ".config/autostart/io.github.whoiscalling.desktop",
			want: "[Desktop Entry]\nType=Application\nName=whoiscalling\n" +
				"Comment=See who is calling on your sipgate phone\n" +
				`Exec="/home/ana/My Apps/whoiscalling" --data-dir "/home/ana/calls 2025"` + "\n" +
				"Icon=io.github.whoiscalling\nTerminal=false\nX-GNOME-Autostart-enabled=true\n",
		},
		{
			name:  "freebsd is xdg",
			goos:  "freebsd",
			entry: entry("/usr/local/bin/whoiscalling"),
			path:  ".config/autostart/io.github.whoiscalling.desktop",
			want: "[Desktop Entry]\nType=Application\nName=whoiscalling\n" +
				"Comment=See who is calling on your sipgate phone\nExec=/usr/local/bin/whoiscalling\n" +
				"Icon=io.github.whoiscalling\nTerminal=false\nX-GNOME-Autostart-enabled=true\n",
		},
		{
			name:  "darwin",
			goos:  "darwin",
			entry: entry("/Applications/who & is calling.app/Contents/MacOS/whoiscalling"),
			path:  "Library/LaunchAgents/io.github.whoiscalling.plist",
			want: `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
	<key>Label</key>
	<string>io.github.whoiscalling</string>
	<key>ProgramArguments</key>
	<array>
		<string>/Applications/who &amp; is calling.app/Contents/MacOS/whoiscalling</string>
	</array>
	<key>RunAtLoad</key>
	<true/>
	<key>ProcessType</key>
	<string>Interactive</string>
</dict>
</plist>
`,
		},
		{
			name:  "windows",
			goos:  "windows",
			entry: entry(`C:\Program Files\whoiscalling\whoiscalling.exe`),
			path:  `HKCU\Software\Microsoft\Windows\CurrentVersion\Run\whoiscalling`,
			want:  `"C:\Program Files\whoiscalling\whoiscalling.exe"`,
		},
		{
			name:  "windows with args",
			goos:  "windows",
			entry: entry(`C:\Users\Ana\whoiscalling.exe`, "--data-dir", `C:\Users\Ana\My Calls\`),
			path:  `HKCU\Software\Microsoft\Windows\CurrentVersion\Run\whoiscalling`,
			want:  `"C:\Users\Ana\whoiscalling.exe" --data-dir "C:\Users\Ana\My Calls\\"`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, reg := newTest(t, tt.goos, tt.entry)
			if tt.goos != "windows" {
				tt.path = filepath.Join(a.home, tt.path)
			}
			if got := a.Path(); got != tt.path {
				t.Errorf("Path() = %q, want %q", got, tt.path)
			}
			mustEnabled(t, a, false)
			if err := a.Enable(); err != nil {
				t.Fatalf("Enable() = %v", err)
			}
			if got := stored(t, a, reg); got != tt.want {
				t.Errorf("after Enable the entry is\n%s\nwant\n%s", got, tt.want)
			}
			mustEnabled(t, a, true)
			if err := a.Enable(); err != nil {
				t.Fatalf("Enable() again = %v", err)
			}
			mustEnabled(t, a, true)
			if err := a.Disable(); err != nil {
				t.Fatalf("Disable() = %v", err)
			}
			mustEnabled(t, a, false)
			if err := a.Disable(); err != nil {
				t.Errorf("Disable() when absent = %v, want nil", err)
			}
		})
	}
}

// stored is the entry as written: the file, or the Run value. It also
// checks that no temporary file was left next to the entry.
func stored(t *testing.T, a *Autostart, reg fakeRegistry) string {
	t.Helper()
	if a.goos == "windows" {
		return reg[runKey][runValue].(string)
	}
	files, _ := os.ReadDir(filepath.Dir(a.Path()))
	if len(files) != 1 {
		t.Errorf("the entry's folder holds %d files, want 1 (a temporary file was left?)", len(files))
	}
	info, err := os.Stat(a.Path())
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o644 {
		t.Errorf("mode = %v, want 0644", info.Mode().Perm())
	}
	data, _ := os.ReadFile(a.Path())
	return string(data)
}

func TestLinuxEntryParses(t *testing.T) {
	exe := `/home/ana/My "odd" $apps\100%/whoiscalling`
	a, _ := newTest(t, "linux", entry(exe, "--flag", "a b"))
	if err := a.Enable(); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(a.Path())
	keys := desktopKeys(string(data))
	want := map[string]string{
		"Type": "Application", "Name": "whoiscalling", "Icon": "io.github.whoiscalling",
		"Comment": "See who is calling on your sipgate phone", "Terminal": "false",
		"X-GNOME-Autostart-enabled": "true",
	}
	for k, w := range want {
		if keys[k] != w {
			t.Errorf("%s = %q, want %q", k, keys[k], w)
		}
	}
	args, err := splitExec(keys["Exec"])
	if err != nil || len(args) != 3 || args[0] != exe || args[1] != "--flag" || args[2] != "a b" {
		t.Errorf("Exec %q splits to %q, %v, want [%q --flag \"a b\"]", keys["Exec"], args, err, exe)
	}
	mustEnabled(t, a, true)
	validate(t, a.Path())
}

func TestPlistIsValidXML(t *testing.T) {
	a, _ := newTest(t, "darwin", entry("/Applications/<whoiscalling>.app/Contents/MacOS/whoiscalling", "--x"))
	if err := a.Enable(); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(a.Path())
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("the plist is not well-formed XML: %v\n%s", err, data)
		}
	}
	d, err := parsePlist(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := d["Label"].Text; got != ID {
		t.Errorf("Label = %q, want %q", got, ID)
	}
	if got := d["ProgramArguments"].Strings; len(got) != 2 || got[0] != a.entry.Exec || got[1] != "--x" {
		t.Errorf("ProgramArguments = %q, want [%q --x]", got, a.entry.Exec)
	}
	if got := d["RunAtLoad"].XMLName.Local; got != "true" {
		t.Errorf("RunAtLoad = <%s/>, want <true/>", got)
	}
	if strings.Contains(string(data), "<whoiscalling>") {
		t.Errorf("the path was not escaped:\n%s", data)
	}
}

func TestLinuxEntriesValidate(t *testing.T) {
	tests := []Entry{
		entry("/usr/bin/whoiscalling"),
		entry("/home/ana/My Apps/whoiscalling", "--data-dir", "/home/ana/calls 2025"),
		entry(`/home/ana/it's "odd" $here\100%/whoiscalling`),
		{Exec: "/usr/bin/whoiscalling"}, // no name, comment or icon
	}
	for _, e := range tests {
		a, _ := newTest(t, "linux", e)
		if err := a.Enable(); err != nil {
			t.Fatal(err)
		}
		validate(t, a.Path())
	}
}
