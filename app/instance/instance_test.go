package instance

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// shown counts onShow calls and lets a test wait for the next one.
type shown struct {
	n  atomic.Int32
	ch chan struct{}
}

func newShown() *shown { return &shown{ch: make(chan struct{}, 16)} }

func (s *shown) onShow() {
	s.n.Add(1)
	s.ch <- struct{}{}
}

// wait fails the test unless onShow is called within a few seconds.
func (s *shown) wait(t *testing.T) {
	t.Helper()
	select {
	case <-s.ch:
	case <-time.After(5 * time.Second):
		t.Fatal("onShow was not called")
	}
}

// mustPrimary acquires dir and fails unless the caller becomes the primary.
func mustPrimary(t *testing.T, dir string, onShow func()) *Instance {
	t.Helper()
	inst, err := acquire(dir, onShow, time.Second)
	if err != nil || inst == nil {
		t.Fatalf("Acquire(%s) = %v, %v, want a primary", dir, inst, err)
	}
	t.Cleanup(func() { _ = inst.Close() })
	return inst
}

// mustSecondary acquires dir and fails unless another instance answers.
func mustSecondary(t *testing.T, dir string) {
	t.Helper()
	inst, err := acquire(dir, nil, time.Second)
	if err != nil || inst != nil {
		_ = inst.Close()
		t.Fatalf("Acquire(%s) = %v, %v, want nil, nil (secondary)", dir, inst, err)
	}
}

func TestHandOver(t *testing.T) {
	dir := t.TempDir()
	s := newShown()
	first := mustPrimary(t, dir, s.onShow)
	if first.path != filepath.Join(dir, "instance.sock") {
		t.Errorf("socket = %s, want it in the data dir", first.path)
	}
	info, err := os.Stat(first.path)
	if err != nil || info.Mode()&os.ModeSocket == 0 || runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("socket file = %v, %v, want a socket with mode 0600", info.Mode(), err)
	}

	mustSecondary(t, dir)
	s.wait(t)
	mustSecondary(t, dir)
	s.wait(t)

	if err := first.Close(); err != nil {
		t.Fatalf("Close() = %v", err)
	}
	if err := first.Close(); err != nil {
		t.Errorf("second Close() = %v, want nil", err)
	}
	if _, err := os.Lstat(first.path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("after Close the socket file is still there (%v)", err)
	}
	third := mustPrimary(t, dir, nil)
	mustSecondary(t, dir)
	_ = third.Close()
	if n := s.n.Load(); n != 2 {
		t.Errorf("the first primary's onShow ran %d times, want 2", n)
	}
}

func TestAcquireCreatesDataDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "whoiscalling")
	mustPrimary(t, dir, nil)
	if info, err := os.Stat(dir); err != nil || info.Mode().Perm() != 0o700 {
		t.Errorf("data dir = %v, %v, want mode 0700", info, err)
	}
}

func TestNilCloseIsFine(t *testing.T) {
	var i *Instance
	if err := i.Close(); err != nil {
		t.Errorf("(*Instance)(nil).Close() = %v, want nil", err)
	}
}

// Many starts at once: exactly one becomes the primary.
func TestConcurrentStarts(t *testing.T) {
	dir := t.TempDir()
	const n = 8
	var wg sync.WaitGroup
	results := make(chan *Instance, n)
	for range n {
		wg.Go(func() {
			inst, err := acquire(dir, nil, 2*time.Second)
			if err != nil {
				t.Errorf("Acquire = %v", err)
			}
			results <- inst
		})
	}
	wg.Wait()
	close(results)
	primaries := 0
	for inst := range results {
		if inst != nil {
			primaries++
			t.Cleanup(func() { _ = inst.Close() })
		}
	}
	if primaries != 1 {
		t.Errorf("%d of %d concurrent starts became primary, want 1", primaries, n)
	}
}

func TestUnknownRequest(t *testing.T) {
	dir := t.TempDir()
	s := newShown()
	inst := mustPrimary(t, dir, s.onShow)
	conn, err := net.Dial("unix", inst.path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Write([]byte("quit\n")); err != nil {
		t.Fatal(err)
	}
	line, err := readLine(conn)
	if err != nil || line != "unknown request\n" {
		t.Errorf("answer to quit = %q, %v, want \"unknown request\\n\"", line, err)
	}
	if s.n.Load() != 0 {
		t.Error("an unknown request called onShow")
	}
}

func TestDataDirUnusable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(file, "whoiscalling")
	inst, err := Acquire(dir, nil)
	want := "cannot create the data directory " + dir + ": not a directory — choose another with --data-dir or fix its permissions"
	if inst != nil || err == nil || err.Error() != want || !errors.Is(err, syscall.ENOTDIR) {
		t.Errorf("Acquire(under a file) = %v, %v, want %q wrapping ENOTDIR", inst, err, want)
	}
}

// Hold, for serve and the commands that write the history, never makes
// the running tray app show its window.
func TestHoldDoesNotAskThePrimary(t *testing.T) {
	dir := t.TempDir()
	s := newShown()
	first := mustPrimary(t, dir, s.onShow)
	defer first.Close()
	inst, err := Hold(dir)
	if inst != nil || err != nil {
		t.Fatalf("Hold while another runs = %v, %v; want nil, nil", inst, err)
	}
	time.Sleep(100 * time.Millisecond)
	if n := s.n.Load(); n != 0 {
		t.Errorf("Hold made the primary show itself %d times", n)
	}
	first.Close()
	inst, err = Hold(dir)
	if inst == nil || err != nil {
		t.Fatalf("Hold on a free data dir = %v, %v", inst, err)
	}
	inst.Close()
}
