package assets

import (
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// The desktop entry that `make install` copies to
// ~/.local/share/applications. The icon it names is installed as
// hicolor/256x256/apps/io.github.whoiscalling.png and
// hicolor/scalable/apps/io.github.whoiscalling.svg.
const desktopFile = "whoiscalling.desktop"

func TestDesktopEntryKeys(t *testing.T) {
	keys := desktopKeys(t, desktopFile)
	want := map[string]string{
		"Type":        "Application",
		"Name":        "whoiscalling",
		"GenericName": "Caller ID",
		"Comment":     "See who is calling on your sipgate phone",
		"Exec":        "whoiscalling",
		"Icon":        "io.github.whoiscalling",
		"Terminal":    "false",
		"Categories":  "Network;Telephony;",
		"Keywords":    "phone;caller ID;sipgate;calls;",
	}
	for k, w := range want {
		if got := keys[k]; got != w {
			t.Errorf("%s: %s = %q, want %q", desktopFile, k, got, w)
		}
	}
}

// TestDesktopEntryMatchesFyneApp keeps the entry and FyneApp.toml (which
// `fyne package` reads) from drifting apart.
func TestDesktopEntryMatchesFyneApp(t *testing.T) {
	keys := desktopKeys(t, desktopFile)
	app := fyneApp(t, "../FyneApp.toml")
	tests := []struct{ key, want string }{
		{"Name", app["Details.Name"]},
		{"Icon", app["Details.ID"]},
		{"GenericName", app["LinuxAndBSD.GenericName"]},
		{"Comment", app["LinuxAndBSD.Comment"]},
		{"Categories", app["LinuxAndBSD.Categories"]},
		{"Keywords", app["LinuxAndBSD.Keywords"]},
	}
	for _, tt := range tests {
		if tt.want == "" {
			t.Errorf("FyneApp.toml has no value for the entry's %s", tt.key)
		} else if keys[tt.key] != tt.want {
			t.Errorf("%s: %s = %q, FyneApp.toml says %q", desktopFile, tt.key, keys[tt.key], tt.want)
		}
	}
}

func TestDesktopEntryValidates(t *testing.T) {
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
	out, err := exec.Command(tool, desktopFile).CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("desktop-file-validate %s = %v:\n%s", desktopFile, err, out)
	}
}

// desktopKeys reads the [Desktop Entry] group of path.
func desktopKeys(t *testing.T, path string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{}
	group := ""
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "[") {
			group = line
		} else if k, v, ok := strings.Cut(line, "="); ok && group == "[Desktop Entry]" {
			if _, dup := keys[k]; dup {
				t.Errorf("%s: key %s appears twice", path, k)
			}
			keys[k] = v
		}
	}
	return keys
}

// fyneApp reads the string and string-list values of FyneApp.toml as
// "Section.Key"; a list becomes the desktop entry's "a;b;" form. It is
// just enough TOML for that file.
func fyneApp(t *testing.T, path string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]string{}
	section := ""
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[]")
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if list, isList := strings.CutPrefix(v, "["); isList {
			var b strings.Builder
			for _, item := range strings.Split(strings.TrimSuffix(list, "]"), ",") {
				s, _ := strconv.Unquote(strings.TrimSpace(item))
				b.WriteString(s + ";")
			}
			values[section+"."+k] = b.String()
		} else if s, err := strconv.Unquote(v); err == nil {
			values[section+"."+k] = s
		}
	}
	return values
}
