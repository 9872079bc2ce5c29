package autostart

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

func TestErrorSentence(t *testing.T) {
	const path = "~/.config/autostart/io.github.whoiscalling.desktop"
	tests := []struct {
		op   string
		err  error
		want string
	}{
		{"write", &fs.PathError{Op: "open", Path: "/h/.config/autostart/.x.123", Err: syscall.EACCES},
			"cannot write " + path + ": permission denied — check the folder's permissions"},
		{"write", &fs.PathError{Op: "mkdir", Path: "/h/.config", Err: syscall.ENOTDIR},
			"cannot write " + path + ": not a directory — a file stands where a folder is needed; move it away"},
		{"remove", &fs.PathError{Op: "remove", Path: "/h/x", Err: syscall.EROFS},
			"cannot remove " + path + ": read-only file system — the disk is mounted read-only"},
		{"read", &fs.PathError{Op: "open", Path: "/h/x", Err: syscall.EIO},
			"cannot read " + path + ": input/output error — check that the folder exists and that you may write to it"},
	}
	for _, tt := range tests {
		err := &Error{Op: tt.op, Path: path, Err: tt.err}
		if got := err.Error(); got != tt.want {
			t.Errorf("Error{%s, %v} = %q, want %q", tt.op, tt.err, got, tt.want)
		}
	}
}

func TestTilde(t *testing.T) {
	home := filepath.FromSlash("/home/ana")
	a := NewFor("linux", home, filepath.Join(home, ".config"), Entry{})
	tests := []struct{ in, want string }{
		{"/home/ana/.config/autostart/x.desktop", "~/.config/autostart/x.desktop"},
		{"/home/anabel/x", "/home/anabel/x"},
		{"/etc/xdg/autostart/x.desktop", "/etc/xdg/autostart/x.desktop"},
	}
	for i := range tests {
		tests[i].in, tests[i].want = filepath.FromSlash(tests[i].in), filepath.FromSlash(tests[i].want)
	}
	for _, tt := range tests {
		if got := a.tilde(tt.in); got != tt.want {
			t.Errorf("tilde(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A file where the autostart folder should be: Enable fails with a
// sentence naming the file and the fix, and leaves nothing behind.
func TestUnwritableNotADirectory(t *testing.T) {
	for _, goos := range []string{"linux", "darwin"} {
		a, _ := newTest(t, goos, entry("/opt/whoiscalling"))
		blocker := filepath.Dir(a.Path())
		if err := os.MkdirAll(filepath.Dir(blocker), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(blocker, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		err := a.Enable()
		want := "cannot write " + filepath.Join("~", strings.TrimPrefix(a.Path(), a.home)) + ": not a directory — a file stands where a folder is needed; move it away"
		if err == nil || err.Error() != want {
			t.Errorf("%s: Enable() = %v, want %q", goos, err, want)
		}
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, syscall.ENOTDIR) {
			t.Errorf("%s: Enable() = %#v, want an *Error wrapping ENOTDIR", goos, err)
		}
		if _, err := a.Enabled(); err == nil {
			t.Errorf("%s: Enabled() with a file for a folder = nil error, want one", goos)
		}
	}
}

// A folder without write permission; root may write anyway, so the test
// needs an ordinary user (TestErrorSentence covers the wording).
func TestUnwritablePermission(t *testing.T) {
	if os.Geteuid() == 0 || runtime.GOOS == "windows" {
		t.Skip("root may write to any folder, and Windows ignores the mode bits")
	}
	a, _ := newTest(t, "linux", entry("/opt/whoiscalling"))
	dir := filepath.Dir(a.Path())
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	err := a.Enable()
	want := "cannot write ~/.config/autostart/io.github.whoiscalling.desktop: permission denied — check the folder's permissions"
	if err == nil || err.Error() != want {
		t.Errorf("Enable() = %v, want %q", err, want)
	}
}

func TestUnsupportedOS(t *testing.T) {
	a := NewFor("plan9", t.TempDir(), t.TempDir(), entry("/bin/whoiscalling"))
	if _, err := a.Enabled(); !errors.Is(err, errUnsupported) {
		t.Errorf("Enabled() on plan9 = %v, want %v", err, errUnsupported)
	}
	if err := a.Enable(); !errors.Is(err, errUnsupported) {
		t.Errorf("Enable() on plan9 = %v, want %v", err, errUnsupported)
	}
	if err := a.Disable(); !errors.Is(err, errUnsupported) {
		t.Errorf("Disable() on plan9 = %v, want %v", err, errUnsupported)
	}
}

func TestNewNeedsAbsolutePath(t *testing.T) {
	if _, err := New(entry("whoiscalling")); err == nil {
		t.Error(`New(Exec "whoiscalling") = nil error, want one`)
	}
	a, err := New(entry(filepath.Join(t.TempDir(), "whoiscalling")))
	if err != nil || a.Path() == "" {
		t.Errorf("New(absolute) = %v, %v, want an Autostart with a Path", a, err)
	}
}
