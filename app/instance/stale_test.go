package instance

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Leftovers of a crashed instance are removed and the new start becomes
// the primary.
func TestStaleSocket(t *testing.T) {
	tests := []struct {
		name  string
		leave func(t *testing.T, path string)
	}{
		{"closed listener, file left", func(t *testing.T, path string) {
			l, err := net.Listen("unix", path)
			if err != nil {
				t.Fatal(err)
			}
			l.(*net.UnixListener).SetUnlinkOnClose(false)
			_ = l.Close()
		}},
		{"plain file", func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte("junk"), 0o600); err != nil {
				t.Fatal(err)
			}
		}},
		{"listener that never answers", func(t *testing.T, path string) {
			l, err := net.Listen("unix", path)
			if err != nil {
				t.Fatal(err)
			}
			l.(*net.UnixListener).SetUnlinkOnClose(false)
			t.Cleanup(func() { _ = l.Close() })
		}},
		{"listener that answers nonsense", func(t *testing.T, path string) {
			l, err := net.Listen("unix", path)
			if err != nil {
				t.Fatal(err)
			}
			l.(*net.UnixListener).SetUnlinkOnClose(false)
			t.Cleanup(func() { _ = l.Close() })
			go func() {
				for {
					c, err := l.Accept()
					if err != nil {
						return
					}
					_, _ = c.Write([]byte("HTTP/1.1 400 Bad Request\n"))
					_ = c.Close()
				}
			}()
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "instance.sock")
			tt.leave(t, path)
			if err := ask(path, 200*time.Millisecond); !errors.Is(err, ErrNoAnswer) {
				t.Errorf("ask(leftover) = %v, want ErrNoAnswer", err)
			}
			inst, err := acquire(dir, nil, 200*time.Millisecond)
			if err != nil || inst == nil {
				t.Fatalf("Acquire over a leftover = %v, %v, want a primary", inst, err)
			}
			defer inst.Close()
			mustSecondary(t, dir)
		})
	}
}

// removeIfSame leaves a socket that replaced the one it was asked about.
func TestRemoveIfSameKeepsNewSocket(t *testing.T) {
	path := filepath.Join(t.TempDir(), "instance.sock")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	old, _ := os.Lstat(path)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	newer := mustPrimary(t, filepath.Dir(path), nil)
	if err := removeIfSame(path, old); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(newer.path); err != nil {
		t.Errorf("removeIfSame removed the new socket: %v", err)
	}
	mustSecondary(t, filepath.Dir(path))
}

// Closing a primary whose socket another instance has taken over (the
// data dir's files were deleted under it) leaves the other one's socket.
func TestCloseKeepsOthersSocket(t *testing.T) {
	dir := t.TempDir()
	first := mustPrimary(t, dir, nil)
	for _, name := range []string{"instance.sock", "instance.lock"} {
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(10 * time.Millisecond) // a different modification time
	second := mustPrimary(t, dir, nil)
	_ = first.Close()
	if _, err := os.Lstat(second.path); err != nil {
		t.Fatalf("closing the old primary removed the new one's socket: %v", err)
	}
	mustSecondary(t, dir)
}

// A socket of another user (possible in the shared temp dir) is neither
// trusted nor removed.
func TestOtherUsersSocket(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give a file to another user")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "instance.sock")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Lchown(path, 65534, 65534); err != nil {
		t.Skipf("cannot give the file to another user: %v", err)
	}
	inst, err := acquire(dir, nil, 200*time.Millisecond)
	want := path + " belongs to another user — remove it or choose another --data-dir"
	if inst != nil || err == nil || err.Error() != want {
		t.Errorf("Acquire = %v, %v, want %q", inst, err, want)
	}
	if _, err := os.Lstat(path); err != nil {
		t.Errorf("the other user's file was removed: %v", err)
	}
}

// A running instance that holds the lock but does not answer is not
// replaced: the second start says so, naming ErrNoAnswer.
func TestHungPrimary(t *testing.T) {
	tests := []struct {
		name   string
		listen bool
		why    string
	}{
		{"listens, never answers", true, "i/o timeout"},
		{"no socket at all", false, "no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			lock, err := lockFile(filepath.Join(dir, "instance.lock"))
			if err != nil || lock == nil {
				t.Fatalf("lockFile = %v, %v", lock, err)
			}
			defer lock.Close()
			if tt.listen {
				l, err := net.Listen("unix", filepath.Join(dir, "instance.sock"))
				if err != nil {
					t.Fatal(err)
				}
				defer l.Close()
			}
			start := time.Now()
			inst, err := acquire(dir, nil, 300*time.Millisecond)
			if inst != nil || !errors.Is(err, ErrNoAnswer) {
				t.Fatalf("Acquire = %v, %v, want nil and ErrNoAnswer", inst, err)
			}
			want := "whoiscalling is already running but does not answer (" + tt.why + ") — quit it, or end it in the task manager, and start again"
			if err.Error() != want {
				t.Errorf("Acquire error = %q, want %q", err, want)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("Acquire took %v with a 300ms wait", d)
			}
		})
	}
}
