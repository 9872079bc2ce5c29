package instance

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSocketPath(t *testing.T) {
	short := t.TempDir()
	long := filepath.Join(short, strings.Repeat("d", 60), strings.Repeat("e", 60))
	tests := []struct {
		dir      string
		fallback bool
	}{
		{short, false},
		{filepath.Join(short, strings.Repeat("x", maxSocketPath-len(short)-len("/instance.sock")-1)), false},
		{filepath.Join(short, strings.Repeat("x", maxSocketPath-len(short)-len("/instance.sock"))), true},
		{long, true},
	}
	for _, tt := range tests {
		got, err := socketPath(tt.dir)
		if err != nil {
			t.Fatalf("socketPath(%s) = %v", tt.dir, err)
		}
		if len(got) > maxSocketPath {
			t.Errorf("socketPath(%s) = %s, %d bytes, want at most %d", tt.dir, got, len(got), maxSocketPath)
		}
		inTemp := filepath.Dir(got) == filepath.Clean(os.TempDir()) &&
			strings.HasPrefix(filepath.Base(got), "whoiscalling-") && strings.HasSuffix(got, ".sock")
		if inTemp != tt.fallback {
			t.Errorf("socketPath(%d-byte dir) = %s, want fallback %v", len(tt.dir), got, tt.fallback)
		}
	}
	a, _ := socketPath(long)
	b, _ := socketPath(long + "/")
	c, _ := socketPath(long + "2")
	if a != b || a == c {
		t.Errorf("fallbacks: %s, %s (same dir), %s (another), want the first two equal and the third different", a, b, c)
	}
}

// A data dir too long for a socket works through the fallback.
func TestLongDataDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), strings.Repeat("d", 60), strings.Repeat("e", 60))
	s := newShown()
	inst := mustPrimary(t, dir, s.onShow)
	if strings.HasPrefix(inst.path, dir) {
		t.Fatalf("socket %s is in the long data dir, want the fallback", inst.path)
	}
	mustSecondary(t, dir)
	s.wait(t)
	if err := inst.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(inst.path); !os.IsNotExist(err) {
		t.Errorf("the fallback socket %s is left after Close (%v)", inst.path, err)
	}
}
